package changes

import (
	"context"
	"encoding/base64"
	"strconv"

	"funneldesk/backend/apperr"
	"funneldesk/backend/chart"
	"funneldesk/backend/export"
	"funneldesk/backend/money"
	"funneldesk/backend/msg"
	"funneldesk/backend/reportframe"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
)

// Service is the pipeline changes report, bound to the UI.
type Service struct {
	st  *store.Store
	env *svc.Env
}

// NewService returns the service.
func NewService(st *store.Store, env *svc.Env) *Service { return &Service{st: st, env: env} }

// Request is the report frame's filters (From = day A, To = day B) and
// the language of the chart.
type Request struct {
	Filters reportframe.Filters `json:"filters"`
	Lang    string              `json:"lang"`
}

// View is the report with its chart at screen size (PNG as base64).
type View struct {
	Report Report `json:"report"`
	Chart  string `json:"chart"`
}

// Changes computes the report and draws its chart, in one call per refresh.
func (s *Service) Changes(req Request) (View, error) {
	ctx := s.env.Ctx()
	sc, err := reportframe.Check(ctx, s.st.DB, req.Filters)
	if err != nil {
		return View{}, err
	}
	res, rep, err := result(ctx, s.st.DB, sc, MaxItems)
	if err != nil {
		return View{}, err
	}
	lang := msg.Zh
	if req.Lang == string(msg.En) {
		lang = msg.En
	}
	b, err := reportframe.DrawChart(res, "screen", lang)
	if err != nil {
		return View{}, err
	}
	return View{Report: rep, Chart: base64.StdEncoding.EncodeToString(b)}, nil
}

// Export saves the report as csv, xlsx, png or png-print through the save
// dialog; "" when the user cancelled.
func (s *Service) Export(f reportframe.Filters, format string) (string, error) {
	if err := reportframe.CheckFormat(format); err != nil {
		return "", err
	}
	ctx := s.env.Ctx()
	sc, err := reportframe.Check(ctx, s.st.DB, f)
	if err != nil {
		return "", err
	}
	res, _, err := result(ctx, s.st.DB, sc, all)
	if err != nil {
		return "", err
	}
	return reportframe.Save(s.env, format, res, sc)
}

// FieldHistory is an opportunity's field history, newest first (the
// detail's 字段历史).
func (s *Service) FieldHistory(opportunityID int64) ([]store.FieldChange, error) {
	return store.ListFieldChanges(s.env.Ctx(), s.st.DB, opportunityID)
}

func init() {
	reportframe.Register(reportframe.Spec{
		Name:    "changes",
		Summary: "pipeline at the end of day A (--from) and of day B (--to), and the opportunities behind each difference",
		Flags: []reportframe.Flag{{Name: "items", Default: strconv.Itoa(MaxItems),
			Usage: "opportunities listed per kind (0: all, as the app's csv/xlsx export lists them)"}},
		Run: func(ctx context.Context, st *store.Store, _ *svc.Env, sc reportframe.Scope, opts map[string]string) (reportframe.Result, error) {
			n, err := strconv.Atoi(opts["items"])
			if err != nil || n < 0 {
				return reportframe.Result{}, apperr.Invalid("items", msg.ChangesItems, nil)
			}
			if n == 0 {
				n = all
			}
			res, _, err := result(ctx, st.DB, sc, n)
			return res, err
		},
	})
}

var kindKeys = map[string]msg.Key{KindNew: msg.ChangesKindNew, KindForward: msg.ChangesKindFwd, KindBack: msg.ChangesKindBack,
	KindWon: msg.ChangesKindWon, KindLost: msg.ChangesKindLost, KindRaised: msg.ChangesKindUp, KindLowered: msg.ChangesKindDown,
	KindPushedOut: msg.ChangesKindLater, KindPulledIn: msg.ChangesKindSooner, KindReassigned: msg.ChangesKindOwner}

// result computes the report as the frame writes it: the table has the
// funnel rows (section 漏斗), then one row per opportunity and kind
// (section 销售机会) with its values at A and at B.
func result(ctx context.Context, q store.Querier, sc reportframe.Scope, maxItems int) (reportframe.Result, Report, error) {
	rep, err := compute(ctx, q, sc, true, true, maxItems)
	if err != nil {
		return reportframe.Result{}, rep, err
	}
	t := export.Table{Columns: []export.Column{
		{Label: msg.ChangesColSection}, {Label: msg.LabelStage}, {Label: msg.ChangesColKind},
		{Label: msg.LabelOpportunityName}, {Label: msg.LabelCustomer}, {Label: msg.LabelOwner},
		export.Col(msg.ChangesColCountA, msg.P{"day": rep.A}, export.Int), export.Col(msg.ChangesColAmountA, msg.P{"day": rep.A}, export.Money), export.Col(msg.ChangesColExpA, msg.P{"day": rep.A}, export.Money),
		export.Col(msg.ChangesColCountA, msg.P{"day": rep.B}, export.Int), export.Col(msg.ChangesColAmountA, msg.P{"day": rep.B}, export.Money), export.Col(msg.ChangesColExpA, msg.P{"day": rep.B}, export.Money),
		export.Col(msg.ChangesColDiff, msg.P{"what": msg.ChangesCount}, export.Int), export.Col(msg.ChangesColDiff, msg.P{"what": msg.LabelAmount}, export.Money),
		export.Col(msg.ChangesColDiff, msg.P{"what": msg.ChangesExpected}, export.Money),
		export.Col(msg.ChangesColBefore, msg.P{"day": rep.A, "what": msg.LabelStage}, export.Text),
		export.Col(msg.ChangesColBefore, msg.P{"day": rep.B, "what": msg.LabelStage}, export.Text),
		export.Col(msg.ChangesColBefore, msg.P{"day": rep.A, "what": msg.LabelExpectedClose}, export.Date),
		export.Col(msg.ChangesColBefore, msg.P{"day": rep.B, "what": msg.LabelExpectedClose}, export.Date),
		export.Col(msg.ChangesColBefore, msg.P{"day": rep.A, "what": msg.LabelOwner}, export.Text),
	}}
	t.Rows = func(emit func(values ...any) error) error {
		funnel := msg.Render(msg.Zh, msg.ChangesSecFunnel, nil)
		for _, r := range append(append([]StageRow{}, rep.Stages...), rep.Total) {
			if err := emit(funnel, r.Name, nil, nil, nil, nil, r.A.Count, r.A.AmountCents, r.A.ExpectedCents, r.B.Count, r.B.AmountCents,
				r.B.ExpectedCents, r.Diff.Count, r.Diff.AmountCents, r.Diff.ExpectedCents, nil, nil, nil, nil, nil); err != nil {
				return err
			}
		}
		opp := msg.Render(msg.Zh, msg.ChangesSecOpp, nil)
		for _, g := range rep.Groups {
			kind := msg.Render(msg.Zh, kindKeys[g.Kind], nil)
			for _, it := range g.Items {
				// A new opportunity has empty cells at A and counts 1 in the difference.
				var ca, aa, ea, stA, closeA, ownerA any
				var amountA, expA int64
				dc := 1
				if it.A != nil {
					amountA, expA, dc = it.A.AmountCents, money.MulBP(it.A.AmountCents, int64(it.A.ProbabilityBP)), 0
					ca, aa, ea = 1, amountA, expA
					stA, closeA, ownerA = it.A.StageName, it.A.ExpectedClose, it.A.OwnerName
				}
				eb := money.MulBP(it.B.AmountCents, int64(it.B.ProbabilityBP))
				if err := emit(opp, it.B.StageName, kind, it.Name, it.CustomerName, it.B.OwnerName, ca, aa, ea, 1, it.B.AmountCents, eb,
					dc, it.B.AmountCents-amountA, eb-expA, stA, it.B.StageName, closeA, it.B.ExpectedClose, ownerA); err != nil {
					return err
				}
			}
		}
		return nil
	}
	res := reportframe.Result{Name: msg.Render(msg.Zh, msg.ChangesName, nil), JSON: rep, Table: t,
		Chart: func(w, h int, lang msg.Lang) ([]byte, error) {
			bars := chart.Bars{
				Title:    msg.Render(lang, msg.ChangesTitle, msg.P{"a": rep.A, "b": rep.B}),
				Subtitle: reportframe.Subtitle(sc, lang),
				Series: []chart.BarSeries{{Name: msg.Render(lang, msg.ChangesAt, msg.P{"day": rep.A})},
					{Name: msg.Render(lang, msg.ChangesAt, msg.P{"day": rep.B})}},
				Format: func(v int64) string { return money.Yuan(v) },
				Empty:  msg.Render(lang, msg.ChangesEmpty, nil),
				Footer: msg.Render(lang, msg.ChangesFooter, msg.P{"a": rep.A, "b": rep.B, "amountA": money.Yuan(rep.Total.A.AmountCents),
					"amountB": money.Yuan(rep.Total.B.AmountCents), "diff": money.Yuan(rep.Total.Diff.AmountCents)}),
			}
			for _, r := range rep.Stages {
				bars.Categories = append(bars.Categories, r.Name)
				bars.Series[0].Values = append(bars.Series[0].Values, max(r.A.AmountCents, 0))
				bars.Series[1].Values = append(bars.Series[1].Values, max(r.B.AmountCents, 0))
			}
			return chart.GroupedBarsPNG(bars, w, h)
		}}
	return res, rep, nil
}
