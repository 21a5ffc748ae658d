package target

import (
	"context"
	"encoding/base64"
	"strings"

	"funneldesk/backend/apperr"
	"funneldesk/backend/chart"
	"funneldesk/backend/export"
	"funneldesk/backend/money"
	"funneldesk/backend/msg"
	"funneldesk/backend/reportframe"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
)

// The achievement's two charts.
const (
	chartMonths = "months"
	chartPeople = "people"
)

func init() {
	reportframe.Register(reportframe.Spec{
		Name:    "targets",
		Summary: "target achievement (销售目标达成): target, actual, 完成率, 差额, time progress, ranking",
		Flags: []reportframe.Flag{
			{Name: "dimension", Default: WonAmount, Usage: strings.Join(Dimensions, " | ")},
			{Name: "by", Default: Owner, Usage: "company | team | owner"},
			{Name: "chart", Default: chartMonths, Usage: "the --png picture: months (target vs actual by month) | people"},
		},
		Run: func(ctx context.Context, st *store.Store, env *svc.Env, sc reportframe.Scope, opts map[string]string) (reportframe.Result, error) {
			req := AchievementRequest{Filters: sc.Filters, Dimension: opts["dimension"], By: opts["by"]}
			sc, err := checkAchievement(ctx, st.DB, req, env.Today())
			if err != nil {
				return reportframe.Result{}, err
			}
			kind := opts["chart"]
			if kind != chartMonths && kind != chartPeople {
				return reportframe.Result{}, apperr.Invalid("chart", msg.TargetChartBad, msg.P{"value": kind})
			}
			a, err := ComputeAchievement(ctx, st.DB, sc, req.Dimension, req.By, env.Today())
			if err != nil {
				return reportframe.Result{}, err
			}
			return achievementResult(a, sc, kind), nil
		},
	})
	reportframe.Register(reportframe.Spec{
		Name:    "forecast",
		Summary: "sales forecast (销售预测): 12 months by expected close, won so far, target, coverage, slipped",
		Run: func(ctx context.Context, st *store.Store, env *svc.Env, sc reportframe.Scope, opts map[string]string) (reportframe.Result, error) {
			f, err := ComputeForecast(ctx, st.DB, sc, env.Today())
			if err != nil {
				return reportframe.Result{}, err
			}
			return forecastResult(f, sc), nil
		},
	})
}

func valueKind(m bool) export.Kind {
	if m {
		return export.Money
	}
	return export.Int
}

func formatter(m bool) func(int64) string {
	if m {
		return money.Yuan
	}
	return func(v int64) string { return money.Plain(v * 100) }
}

func rateCell(r *int64) any {
	if r == nil {
		return nil
	}
	return *r
}

// achievementResult is the report for the frame: the rows (and the
// total) as a table; the chart by month or by person.
func achievementResult(a Achievement, sc reportframe.Scope, kind string) reportframe.Result {
	vk := valueKind(a.Money)
	dimWords := dimLabel(a.Dimension)
	t := export.Table{
		Columns: []export.Column{{Label: msg.LabelName}, {Label: msg.TargetColTarget, Kind: vk}, {Label: msg.TargetColActual, Kind: vk},
			{Label: msg.TargetColRate, Kind: export.Percent}, {Label: msg.TargetColGap, Kind: vk}, {Label: msg.TargetColRank, Kind: export.Int}},
		Rows: func(emit func(values ...any) error) error {
			for _, l := range a.Rows {
				var rank any
				for _, r := range a.Ranking {
					if l.Scope == Owner && r.ScopeID == l.ScopeID {
						rank = r.Rank
					}
				}
				if err := emit(l.Name, l.Target, l.Actual, rateCell(l.RateBP), l.Gap, rank); err != nil {
					return err
				}
			}
			if a.By != Company {
				return emit(msg.Render(msg.Zh, msg.LabelTotal, nil), a.Total.Target, a.Total.Actual, rateCell(a.Total.RateBP), a.Total.Gap, nil)
			}
			return nil
		},
	}
	words := append(export.Filters{}, sc.Words...)
	words.AddWords(msg.TargetLabelDimension, dimWords, nil)
	words.Add(msg.TargetLabelTimeProgress, money.Percent(int(a.TimeProgressBP))+"%")
	if len(a.CutMonths) > 0 {
		words.Add(msg.TargetLabelCutMonths, strings.Join(a.CutMonths, "、"))
	}
	t.Filters = words
	return reportframe.Result{
		Name:  "销售目标达成",
		JSON:  a,
		Table: t,
		Chart: func(w, h int, lang msg.Lang) ([]byte, error) {
			b := chart.Bars{Subtitle: reportframe.Subtitle(sc, lang), Format: formatter(a.Money), Empty: msg.Render(lang, msg.TargetChartEmpty, nil)}
			target := chart.BarSeries{Name: msg.Render(lang, msg.TargetColTarget, nil)}
			actual := chart.BarSeries{Name: msg.Render(lang, msg.TargetColActual, nil)}
			if kind == chartPeople {
				b.Title = msg.Render(lang, msg.TargetChartPeople, msg.P{"dim": msg.Render(lang, dimWords, nil)})
				for _, l := range a.Ranking {
					b.Categories = append(b.Categories, l.Name)
					target.Values = append(target.Values, l.Target)
					actual.Values = append(actual.Values, l.Actual)
				}
			} else {
				b.Title = msg.Render(lang, msg.TargetChartMonths, msg.P{"dim": msg.Render(lang, dimWords, nil)})
				for _, m := range a.Months {
					b.Categories = append(b.Categories, m.Month)
					target.Values = append(target.Values, m.Target)
					actual.Values = append(actual.Values, m.Actual)
				}
			}
			b.Series = []chart.BarSeries{target, actual}
			rate := "—"
			if a.Total.RateBP != nil {
				rate = money.Percent(int(*a.Total.RateBP)) + "%"
			}
			b.Footer = msg.Render(lang, msg.TargetChartFooter, msg.P{"target": b.Format(a.Total.Target), "actual": b.Format(a.Total.Actual),
				"rate": rate, "time": money.Percent(int(a.TimeProgressBP)) + "%"})
			return chart.GroupedBarsPNG(b, w, h)
		},
	}
}

func forecastResult(f Forecast, sc reportframe.Scope) reportframe.Result {
	m := export.Money
	t := export.Table{
		Columns: []export.Column{{Label: msg.TargetColMonth}, {Label: msg.TargetColOpen, Kind: export.Int}, {Label: msg.TargetColAmount, Kind: m},
			{Label: msg.TargetColExpected, Kind: m}, {Label: msg.TargetColWon, Kind: m}, {Label: msg.TargetColTarget, Kind: m},
			{Label: msg.TargetColRemaining, Kind: m}, {Label: msg.TargetColCoverage, Kind: export.Percent},
			{Label: msg.TargetColLastYear, Kind: m}},
		Rows: func(emit func(values ...any) error) error {
			for _, l := range f.Months {
				if err := emit(l.Month, l.Open, l.Amount, l.Expected, l.Won, l.Target, l.Remaining, rateCell(l.CoverageBP), l.LastYearWon); err != nil {
					return err
				}
			}
			l := f.Total
			if err := emit(msg.Render(msg.Zh, msg.LabelTotal, nil), l.Open, l.Amount, l.Expected, l.Won, l.Target, l.Remaining, rateCell(l.CoverageBP), l.LastYearWon); err != nil {
				return err
			}
			if err := emit(msg.Render(msg.Zh, msg.TargetSlipped, nil), f.Slipped.Open, f.Slipped.Amount, f.Slipped.Expected, nil, nil, nil, nil, nil); err != nil {
				return err
			}
			return emit(msg.Render(msg.Zh, msg.TargetNoClose, nil), f.NoClose.Open, f.NoClose.Amount, f.NoClose.Expected, nil, nil, nil, nil, nil)
		},
	}
	return reportframe.Result{
		Name:  "销售预测",
		JSON:  f,
		Table: t,
		Chart: func(w, h int, lang msg.Lang) ([]byte, error) {
			b := chart.Bars{Title: msg.Render(lang, msg.TargetChartForecast, nil), Subtitle: reportframe.Subtitle(sc, lang), Format: money.Yuan,
				Empty: msg.Render(lang, msg.TargetChartEmpty, nil)}
			exp := chart.BarSeries{Name: msg.Render(lang, msg.TargetColExpected, nil)}
			won := chart.BarSeries{Name: msg.Render(lang, msg.TargetColWon, nil)}
			tgt := chart.BarSeries{Name: msg.Render(lang, msg.TargetColTarget, nil)}
			ly := chart.BarSeries{Name: msg.Render(lang, msg.TargetColLastYear, nil)}
			for _, l := range f.Months {
				b.Categories = append(b.Categories, l.Month)
				exp.Values = append(exp.Values, l.Expected)
				won.Values = append(won.Values, l.Won)
				tgt.Values = append(tgt.Values, l.Target)
				ly.Values = append(ly.Values, l.LastYearWon)
			}
			b.Series = []chart.BarSeries{exp, won, tgt, ly}
			b.Footer = msg.Render(lang, msg.TargetChartSlipped, msg.P{"n": f.Slipped.Open, "amount": money.Yuan(f.Slipped.Amount)})
			return chart.GroupedBarsPNG(b, w, h)
		},
	}
}

func drawBase64(res reportframe.Result, lang string) (string, error) {
	l := msg.Lang(lang)
	if l != msg.En {
		l = msg.Zh
	}
	b, err := reportframe.DrawChart(res, "screen", l)
	if err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(b), nil
}
