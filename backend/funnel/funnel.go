// Package funnel computes the sales funnel (销售漏斗) of seed 000: per stage
// the count, amount and expected amount (amount × probability) with their
// shares, and the totals. The arithmetic is a contract the table, the chart,
// the command line and the tests share:
//
//   - expected per stage = round-half-up(Σ amount_cents × probability_bp / 10000),
//     rounded once from the exact integer sum;
//   - totals are sums of the stage figures;
//   - each share = 100 × part / total rounded half-up to 2 decimals, 0 when
//     the total is 0.
package funnel

import (
	"context"
	"errors"
	"math/big"
	"strings"

	"funneldesk/backend/apperr"
	"funneldesk/backend/money"
	"funneldesk/backend/msg"
	"funneldesk/backend/opportunity"
	"funneldesk/backend/store"
	"funneldesk/backend/validate"

	"funneldesk/backend/svc"
)

// Filter selects the opportunities that count. From and To bound the
// expected close date, both inclusive; empty means open-ended.
type Filter struct {
	OwnerID int64  `json:"ownerId"`
	From    string `json:"from"`
	To      string `json:"to"`
	Type    string `json:"type"`
	Source  string `json:"source"`
	// StageSetID counts the types of one stage set over its stages (the
	// shared ones and its own); 0 is "all types": every stage, the shared
	// ones holding every type and each set's own only that set's types.
	StageSetID int64 `json:"stageSetId"`
}

// Row is one stage of the funnel. Shares are in basis points of a percent
// (3333 = 33.33%) so nothing is rounded twice.
type Row struct {
	StageID int64  `json:"stageId"`
	Name    string `json:"name"`
	Kind    string `json:"kind"`
	Retired bool   `json:"retired"`
	// SetID is the stage set the stage belongs to, 0 when shared.
	SetID         int64 `json:"setId"`
	Count         int   `json:"count"`
	CountShare    int   `json:"countShare"`
	AmountCents   int64 `json:"amountCents"`
	AmountShare   int   `json:"amountShare"`
	ExpectedCents int64 `json:"expectedCents"`
	ExpectedShare int   `json:"expectedShare"`
}

// Total is the 总计 row.
type Total struct {
	Count         int   `json:"count"`
	AmountCents   int64 `json:"amountCents"`
	ExpectedCents int64 `json:"expectedCents"`
}

// Report is the funnel under a filter.
type Report struct {
	Filter Filter `json:"filter"`
	// OwnerName is the filtered owner's name ("" for all).
	OwnerName string `json:"ownerName"`
	Stages    []Row  `json:"stages"`
	Total     Total  `json:"total"`
	// Sets names the stage sets (set only when any exists), so the screen
	// can say what "all types" combines.
	Sets []store.StageSet `json:"sets"`
	// GeneratedAt is when the figures were read (RFC 3339).
	GeneratedAt string `json:"generatedAt"`
}

// Service is bound to the UI.
type Service struct {
	st  *store.Store
	env *svc.Env
}

// NewService returns the funnel service over st.
func NewService(st *store.Store, env *svc.Env) *Service { return &Service{st: st, env: env} }

// OpportunityFilter is the list filter that shows the opportunities a
// funnel filter counts, narrowed to one stage when stageID is not 0. The
// funnel screen's click-through uses it so both always agree.
func OpportunityFilter(f Filter, stageID int64) store.OpportunityFilter {
	of := store.OpportunityFilter{CloseFrom: f.From, CloseTo: f.To, Sort: "expectedClose"}
	if f.OwnerID != 0 {
		of.OwnerIDs = []int64{f.OwnerID}
	}
	if f.Type != "" {
		of.Types = []string{f.Type}
	}
	if f.Source != "" {
		of.Sources = []string{f.Source}
	}
	if stageID != 0 {
		of.StageIDs = []int64{stageID}
	}
	of.StageSetID = f.StageSetID
	return of
}

// StageRequest asks for one page (1-based) of the opportunities the funnel
// counts under Filter in one stage (StageID 0: in every stage, the 总计 row).
type StageRequest struct {
	Filter   Filter `json:"filter"`
	StageID  int64  `json:"stageId"`
	Page     int    `json:"page"`
	PageSize int    `json:"pageSize"`
}

// Stage is the click-through of a table row or a chart band: one page of
// the stage's opportunities under the funnel's own filter, in one call.
func (s *Service) Stage(req StageRequest) (opportunity.Page, error) {
	f, err := Check(req.Filter)
	if err != nil {
		return opportunity.Page{}, err
	}
	off, lim := validate.Page(req.Page, req.PageSize)
	items, total, err := store.ListOpportunities(s.env.Ctx(), s.st.DB, OpportunityFilter(f, req.StageID), off, lim)
	if err != nil {
		return opportunity.Page{}, err
	}
	return opportunity.Page{Items: items, Total: total, Page: off/lim + 1, PageSize: lim}, nil
}

// Check validates a filter.
func Check(f Filter) (Filter, error) {
	var err error
	if f.From, err = validate.Date("from", msg.LabelFrom, f.From, false); err != nil {
		return f, err
	}
	if f.To, err = validate.Date("to", msg.LabelTo, f.To, false); err != nil {
		return f, err
	}
	if err := validate.DateRange("to", f.From, f.To); err != nil {
		return f, err
	}
	f.Type = strings.TrimSpace(f.Type)
	f.Source = strings.TrimSpace(f.Source)
	return f, nil
}

// Compute reads and computes the funnel for f.
func Compute(ctx context.Context, q store.Querier, f Filter) (Report, error) {
	f, err := Check(f)
	if err != nil {
		return Report{}, err
	}
	rep := Report{Filter: f, Stages: []Row{}, GeneratedAt: store.Now()}
	if f.OwnerID != 0 {
		o, err := store.GetOwner(ctx, q, f.OwnerID)
		if errors.Is(err, store.ErrNotFound) {
			return Report{}, apperr.Invalid("ownerId", msg.OwnerUnknown)
		}
		if err != nil {
			return Report{}, err
		}
		rep.OwnerName = o.Name
	}
	stages, err := store.OrderedStages(ctx, q)
	if err != nil {
		return Report{}, err
	}
	if stages, rep.Sets, err = setStages(ctx, q, f, stages); err != nil {
		return Report{}, err
	}
	figures, err := stageFigures(ctx, q, OpportunityFilter(f, 0))
	if err != nil {
		return Report{}, err
	}
	rep.Stages, rep.Total = Arrange(stages, figures)
	return rep, nil
}

// setStages narrows stages to f's stage set and, when any stage belongs to
// a set, returns the sets for naming; without sets it reads nothing more,
// so the plain funnel costs what it did.
func setStages(ctx context.Context, q store.Querier, f Filter, stages []store.Stage) ([]store.Stage, []store.StageSet, error) {
	anySet := f.StageSetID != 0
	for _, st := range stages {
		anySet = anySet || st.SetID != 0
	}
	if !anySet {
		return stages, nil, nil
	}
	sets, err := store.ListStageSets(ctx, q)
	if err != nil {
		return nil, nil, err
	}
	if f.StageSetID == 0 {
		return stages, sets, nil
	}
	for _, set := range sets {
		if set.ID != f.StageSetID {
			continue
		}
		if f.Type != "" && !contains(set.Types, f.Type) {
			return nil, nil, apperr.Invalid("type", msg.StageSetTypeFilter, msg.P{"type": f.Type, "set": set.Name})
		}
		return opportunity.InSet(stages, f.StageSetID), sets, nil
	}
	return nil, nil, apperr.Invalid("stageSetId", msg.StageSetUnknown)
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// Figure is one stage's count, amount and exact Σ amount_cents × probability_bp.
type Figure struct {
	StageID     int64
	Count       int
	AmountCents int64
	Weighted    *big.Int
}

// stageFigures reads the kept per-stage totals when they answer the filter
// (exact at any size); else it sums per stage in one covered pass, and
// only if that 64-bit sum overflows does it regroup by probability and sum
// exactly in Go.
func stageFigures(ctx context.Context, q store.Querier, of store.OpportunityFilter) ([]Figure, error) {
	kept, ok, err := store.KeptStageTotals(ctx, q, of)
	if err != nil {
		return nil, err
	}
	if ok {
		out := make([]Figure, 0, len(kept))
		for _, k := range kept {
			out = append(out, Figure{StageID: k.StageID, Count: k.Count, AmountCents: k.AmountCents, Weighted: k.Weighted})
		}
		return out, nil
	}
	return countedFigures(ctx, q, of)
}

// countedFigures is stageFigures without the kept totals.
func countedFigures(ctx context.Context, q store.Querier, of store.OpportunityFilter) ([]Figure, error) {
	totals, err := store.StageTotals(ctx, q, of)
	if err == nil {
		out := make([]Figure, 0, len(totals))
		for _, t := range totals {
			out = append(out, Figure{StageID: t.StageID, Count: t.Count, AmountCents: t.AmountCents, Weighted: big.NewInt(t.WeightedRaw)})
		}
		return out, nil
	}
	if !store.IsOverflow(err) {
		return nil, err
	}
	groups, err := store.FunnelGroups(ctx, q, of)
	if err != nil {
		return nil, err
	}
	// Indexes, not pointers: append moves out's elements as it grows.
	by := map[int64]int{}
	var out []Figure
	for _, g := range groups {
		if _, ok := by[g.StageID]; !ok {
			by[g.StageID] = len(out)
			out = append(out, Figure{StageID: g.StageID, Weighted: new(big.Int)})
		}
	}
	for _, g := range groups {
		fg := &out[by[g.StageID]]
		fg.Count += g.Count
		fg.AmountCents += g.AmountCents
		fg.Weighted.Add(fg.Weighted, new(big.Int).Mul(big.NewInt(g.AmountCents), big.NewInt(g.ProbabilityBP)))
	}
	return out, nil
}

// Arrange turns per-stage figures into the funnel rows in stage order: every
// active stage, and a retired one only while it holds counted opportunities.
func Arrange(stages []store.Stage, figures []Figure) ([]Row, Total) {
	by := map[int64]Figure{}
	for _, f := range figures {
		by[f.StageID] = f
	}
	rows := []Row{}
	var t Total
	for _, st := range stages {
		a, ok := by[st.ID]
		if !ok {
			a = Figure{Weighted: new(big.Int)}
		}
		if st.Retired && a.Count == 0 {
			continue
		}
		r := Row{StageID: st.ID, Name: st.Name, Kind: st.Kind, Retired: st.Retired, SetID: st.SetID,
			Count: a.Count, AmountCents: a.AmountCents, ExpectedCents: money.RoundDiv(a.Weighted, 10000).Int64()}
		rows = append(rows, r)
		t.Count += r.Count
		t.AmountCents += r.AmountCents
		t.ExpectedCents += r.ExpectedCents
	}
	for i := range rows {
		rows[i].CountShare = Share(int64(rows[i].Count), int64(t.Count))
		rows[i].AmountShare = Share(rows[i].AmountCents, t.AmountCents)
		rows[i].ExpectedShare = Share(rows[i].ExpectedCents, t.ExpectedCents)
	}
	return rows, t
}

// Share is 100 × part / total in hundredths of a percent, rounded half-up
// (3333 = 33.33%); 0 when total is 0.
func Share(part, total int64) int {
	if total <= 0 {
		return 0
	}
	var n big.Int
	n.Mul(big.NewInt(part), big.NewInt(10000))
	return int(money.RoundDiv(&n, total).Int64())
}
