package analysis

import (
	"context"
	"encoding/base64"
	"fmt"
	"strconv"

	"funneldesk/backend/chart"
	"funneldesk/backend/export"
	"funneldesk/backend/money"
	"funneldesk/backend/msg"
	"funneldesk/backend/reportframe"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
)

func encode(png []byte) string { return base64.StdEncoding.EncodeToString(png) }

// chartBars is how many groups a chart shows (the table has them all).
const chartBars = 12

func rowLabel(r Row, by string, lang msg.Lang) string {
	if r.Label != "" {
		return r.Label
	}
	if by == "team" {
		return msg.Render(lang, msg.AnalysisNoTeam, nil)
	}
	return msg.Render(lang, msg.AnalysisNone, nil)
}

func bp(v *int64) any {
	if v == nil {
		return nil
	}
	return int(*v)
}

// yuan is whole yuan on the axis and above the bars.
func yuan(v int64) string {
	s := money.Yuan(v - v%100)
	return s[:len(s)-3]
}

// groupResult is the opportunity analysis as the frame writes it.
func groupResult(rep GroupReport, sc reportframe.Scope) reportframe.Result {
	byWord := func(lang msg.Lang) string { return msg.Render(lang, groupLabel[rep.By], nil) }
	return reportframe.Result{
		Name: msg.Render(msg.Zh, msg.AnalysisGroupFile, msg.P{"by": byWord(msg.Zh)}),
		JSON: rep,
		Table: export.Table{
			Columns: []export.Column{
				{Label: groupLabel[rep.By], Kind: export.Text},
				{Label: msg.AnalysisCount, Kind: export.Int},
				{Label: msg.AnalysisAmount, Kind: export.Money},
				{Label: msg.AnalysisExpected, Kind: export.Money},
				{Label: msg.AnalysisWonCount, Kind: export.Int},
				{Label: msg.AnalysisWonAmount, Kind: export.Money},
				{Label: msg.AnalysisLostCount, Kind: export.Int},
				{Label: msg.AnalysisLostAmount, Kind: export.Money},
				{Label: msg.AnalysisWinRate, Kind: export.Percent},
			},
			Rows: func(emit func(values ...any) error) error {
				row := func(label string, r Row) error {
					return emit(label, r.Count, r.AmountCents, r.ExpectedCents, r.WonCount, r.WonCents,
						r.LostCount, r.LostCents, bp(r.WinRateBP))
				}
				for _, r := range rep.Rows {
					if err := row(rowLabel(r, rep.By, msg.Zh), r); err != nil {
						return err
					}
				}
				if rep.More > 0 {
					if err := emit(msg.Render(msg.Zh, msg.AnalysisOthers, msg.P{"n": rep.More}), nil, nil, nil, nil, nil, nil, nil, nil); err != nil {
						return err
					}
				}
				return row(msg.Render(msg.Zh, msg.AnalysisTotal, nil), rep.Total)
			},
		},
		Chart: func(w, h int, lang msg.Lang) ([]byte, error) {
			b := chart.Bars{
				Title:    msg.Render(lang, msg.AnalysisGroupTitle, msg.P{"by": byWord(lang)}),
				Subtitle: reportframe.Subtitle(sc, lang),
				Series: []chart.BarSeries{
					{Name: msg.Render(lang, msg.AnalysisWonAmount, nil)},
					{Name: msg.Render(lang, msg.AnalysisLostAmount, nil)},
				},
				Format: yuan,
				Empty:  msg.Render(lang, msg.AnalysisEmpty, nil),
			}
			for i, r := range rep.Rows {
				if i == chartBars {
					break
				}
				b.Categories = append(b.Categories, rowLabel(r, rep.By, lang))
				b.Series[0].Values = append(b.Series[0].Values, r.WonCents)
				b.Series[1].Values = append(b.Series[1].Values, r.LostCents)
			}
			return chart.BarsPNG(b, w, h)
		},
	}
}

func conversionResult(rep Conversion, sc reportframe.Scope) reportframe.Result {
	name := func(s ConvStage, lang msg.Lang) string {
		if s.Kind == store.KindWon && s.StageID == 0 {
			return msg.Render(lang, msg.AnalysisWonRow, nil)
		}
		return s.Name
	}
	return reportframe.Result{
		Name: msg.Render(msg.Zh, msg.AnalysisConvFile, nil),
		JSON: rep,
		Table: export.Table{
			Columns: []export.Column{
				{Label: msg.LabelStage, Kind: export.Text},
				{Label: msg.AnalysisReached, Kind: export.Int},
				{Label: msg.AnalysisNextConv, Kind: export.Percent},
				{Label: msg.AnalysisCumConv, Kind: export.Percent},
				{Label: msg.AnalysisBottleneck, Kind: export.Text},
			},
			Rows: func(emit func(values ...any) error) error {
				for _, s := range rep.Stages {
					mark := ""
					if s.Bottleneck {
						mark = msg.Render(msg.Zh, msg.AnalysisYes, nil)
					}
					if err := emit(name(s, msg.Zh), s.Reached, bp(s.NextBP), bp(s.CumulativeBP), mark); err != nil {
						return err
					}
				}
				return nil
			},
		},
		Chart: func(w, h int, lang msg.Lang) ([]byte, error) {
			b := chart.Bars{
				Title:    msg.Render(lang, msg.AnalysisConvTitle, msg.P{"n": rep.Cohort}),
				Subtitle: reportframe.Subtitle(sc, lang),
				Series:   []chart.BarSeries{{Name: msg.Render(lang, msg.AnalysisReached, nil)}},
				Empty:    msg.Render(lang, msg.AnalysisEmpty, nil),
			}
			for _, s := range rep.Stages {
				b.Categories = append(b.Categories, name(s, lang))
				b.Series[0].Values = append(b.Series[0].Values, s.Reached)
			}
			return chart.BarsPNG(b, w, h)
		},
	}
}

func stageTimeResult(rep StageTime, sc reportframe.Scope) reportframe.Result {
	days := func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
	return reportframe.Result{
		Name: msg.Render(msg.Zh, msg.AnalysisTimeFile, nil),
		JSON: rep,
		Table: export.Table{
			Columns: []export.Column{
				{Label: msg.LabelStage, Kind: export.Text},
				{Label: msg.AnalysisLeft, Kind: export.Int},
				{Label: msg.AnalysisAvgDays, Kind: export.Text},
				{Label: msg.AnalysisMedianDays, Kind: export.Text},
				{Label: msg.AnalysisStillIn, Kind: export.Int},
				{Label: msg.AnalysisStillAvg, Kind: export.Text},
				{Label: msg.AnalysisStillMedian, Kind: export.Text},
				{Label: msg.AnalysisBottleneck, Kind: export.Text},
			},
			Rows: func(emit func(values ...any) error) error {
				for _, s := range rep.Stages {
					mark := ""
					if s.Bottleneck {
						mark = msg.Render(msg.Zh, msg.AnalysisYes, nil)
					}
					if err := emit(s.Name, s.Left, days(s.AvgDays), days(s.MedianDays), s.Still, days(s.StillAvg),
						days(s.StillMedian), mark); err != nil {
						return err
					}
				}
				c := rep.Cycle
				return emit(msg.Render(msg.Zh, msg.AnalysisCycleRow, nil), c.Won, days(c.AvgDays), days(c.MedianDays), nil, nil, nil, "")
			},
		},
		Chart: func(w, h int, lang msg.Lang) ([]byte, error) {
			b := chart.Bars{
				Title:    msg.Render(lang, msg.AnalysisTimeTitle, nil),
				Subtitle: reportframe.Subtitle(sc, lang),
				Series:   []chart.BarSeries{{Name: msg.Render(lang, msg.AnalysisMedianDays, nil)}},
				// Tenths of a day: the bars take whole numbers.
				Format: func(v int64) string { return msg.Render(lang, msg.AnalysisDays, msg.P{"d": days(float64(v) / 10)}) },
				Empty:  msg.Render(lang, msg.AnalysisEmpty, nil),
			}
			for _, s := range rep.Stages {
				b.Categories = append(b.Categories, s.Name)
				b.Series[0].Values = append(b.Series[0].Values, int64(s.MedianDays*10+0.5))
			}
			b.Categories = append(b.Categories, msg.Render(lang, msg.AnalysisCycleRow, nil))
			b.Series[0].Values = append(b.Series[0].Values, int64(rep.Cycle.MedianDays*10+0.5))
			return chart.BarsPNG(b, w, h)
		},
	}
}

// The CLI names of the reports: by-owner … and one "by" with --by.
var cliBy = map[string]string{
	"by-owner": "owner", "by-team": "team", "by-customer": "customer", "by-source": "source", "by-type": "type",
	"by-stage": "stage", "by-lost-reason": "lostReason", "by-competitor": "competitor",
}

func init() {
	for name, by := range cliBy {
		reportframe.Register(reportframe.Spec{
			Name:    name,
			Summary: fmt.Sprintf("opportunities by %s: created, won, lost, win rate", by),
			Run: func(ctx context.Context, st *store.Store, env *svc.Env, sc reportframe.Scope, _ map[string]string) (reportframe.Result, error) {
				rep, err := ComputeGroup(ctx, st.DB, sc, by)
				return groupResult(rep, sc), err
			},
		})
	}
	reportframe.Register(reportframe.Spec{
		Name:    "by",
		Summary: "opportunities grouped --by owner|team|customer|source|type|stage|lostReason|competitor",
		Flags:   []reportframe.Flag{{Name: "by", Default: "owner", Usage: "the grouping"}},
		Run: func(ctx context.Context, st *store.Store, env *svc.Env, sc reportframe.Scope, opts map[string]string) (reportframe.Result, error) {
			rep, err := ComputeGroup(ctx, st.DB, sc, opts["by"])
			return groupResult(rep, sc), err
		},
	})
	reportframe.Register(reportframe.Spec{
		Name:    "conversion",
		Summary: "stage conversion of the opportunities created in the period",
		Run: func(ctx context.Context, st *store.Store, env *svc.Env, sc reportframe.Scope, _ map[string]string) (reportframe.Result, error) {
			rep, err := ComputeConversion(ctx, st.DB, sc)
			return conversionResult(rep, sc), err
		},
	})
	reportframe.Register(reportframe.Spec{
		Name:    "stage-time",
		Summary: "days in stage (cohort created in the period) and the sales cycle (won in the period)",
		Run: func(ctx context.Context, st *store.Store, env *svc.Env, sc reportframe.Scope, _ map[string]string) (reportframe.Result, error) {
			rep, err := ComputeStageTime(ctx, st.DB, sc, env.Today())
			return stageTimeResult(rep, sc), err
		},
	})
}
