// Package changes is the report 销售漏斗变化 (`funneldesk report changes`):
// the funnel as it stood at the end of day A and at the end of day B side
// by side, and the opportunities behind each difference.
//
// The rules, which the screen states too:
//   - The state of an opportunity at the end of a day is read back from its
//     values now and its changes since (stage_history and the field
//     history, migration 0020): the first change after the day gives the
//     value the field had then; a field changed since holds its value now.
//     The field history began on the day 0020 ran: an opportunity is taken
//     to have had its amount, probability, close date and owner since it
//     was created until its first recorded change.
//   - An opportunity exists at the end of a day when it was created on or
//     before it. Opportunities in the recycle bin are in neither column
//     (as in every report); how many were deleted after A is said apart.
//     One restored from the bin comes back with its history.
//   - Owner or team filter: the owner at the end of B decides, for both
//     columns, so the same opportunities are compared; a hand-over between
//     A and B is listed as 换负责人. Type and source are today's.
//   - Kinds, each opportunity in every kind that applies: new (created
//     after A, by B); won / lost (in a won / lost stage at B, not at A);
//     moved forward / back (otherwise another stage, by stage order; skipped
//     stages count as one move); amount raised / lowered; expected close
//     date pushed out / pulled in (both dates set); reassigned. An
//     opportunity whose values at A and B are equal is in no list, even if
//     it changed in between.
package changes

import (
	"cmp"
	"context"
	"math/big"
	"slices"

	"funneldesk/backend/apperr"
	"funneldesk/backend/money"
	"funneldesk/backend/msg"
	"funneldesk/backend/reportframe"
	"funneldesk/backend/store"
)

// Kinds of change, in the order the report lists them.
const (
	KindNew        = "new"
	KindForward    = "forward"
	KindBack       = "back"
	KindWon        = "won"
	KindLost       = "lost"
	KindRaised     = "raised"
	KindLowered    = "lowered"
	KindPushedOut  = "pushedOut"
	KindPulledIn   = "pulledIn"
	KindReassigned = "reassigned"
)

// Kinds lists every kind in report order.
var Kinds = []string{KindNew, KindForward, KindBack, KindWon, KindLost, KindRaised, KindLowered, KindPushedOut, KindPulledIn, KindReassigned}

// MaxItems bounds the opportunities listed per kind on screen and in
// `--json` (Count is the full number): a page, since listing and naming
// them is what the report's time grows with once the rest is kept.
// Exports (csv, xlsx) list them all (ComputeAll).
const MaxItems = 100

// all is ComputeAll's bound: every opportunity of every kind.
const all = 1 << 30

// Figures are a stage's (or the total's) count, amount and expected amount.
type Figures struct {
	Count         int   `json:"count"`
	AmountCents   int64 `json:"amountCents"`
	ExpectedCents int64 `json:"expectedCents"`
}

// StageRow is one stage at A, at B, and B − A.
type StageRow struct {
	StageID int64   `json:"stageId"`
	Name    string  `json:"name"`
	Kind    string  `json:"kind"`
	A       Figures `json:"a"`
	B       Figures `json:"b"`
	Diff    Figures `json:"diff"`
}

// State is an opportunity's values at the end of a day.
type State struct {
	StageID       int64  `json:"stageId"`
	StageName     string `json:"stageName"`
	AmountCents   int64  `json:"amountCents"`
	ProbabilityBP int    `json:"probabilityBp"`
	ExpectedClose string `json:"expectedClose"`
	OwnerID       int64  `json:"ownerId"`
	OwnerName     string `json:"ownerName"`
}

// Item is one opportunity behind a difference; A is nil for a new one.
type Item struct {
	ID           int64  `json:"id"`
	Name         string `json:"name"`
	CustomerName string `json:"customerName"`
	A            *State `json:"a"`
	B            State  `json:"b"`
}

// Group is the opportunities of one kind.
type Group struct {
	Kind  string `json:"kind"`
	Count int    `json:"count"`
	// AmountA and AmountB are the amounts of all Count opportunities at A
	// and at B (0 at A for new ones).
	AmountA   int64  `json:"amountA"`
	AmountB   int64  `json:"amountB"`
	Items     []Item `json:"items"`
	Truncated bool   `json:"truncated"`
}

// Report is the answer of Changes and of `funneldesk report changes --json`.
type Report struct {
	A      string     `json:"a"`
	B      string     `json:"b"`
	Stages []StageRow `json:"stages"`
	Total  StageRow   `json:"total"`
	Groups []Group    `json:"groups"`
	// DeletedBetween and DeletedAfter count opportunities that went into
	// the recycle bin on days after A up to B, and after B (company-wide).
	DeletedBetween int `json:"deletedBetween"`
	DeletedAfter   int `json:"deletedAfter"`
	// HistorySince is the first day with a field history ("" unknown):
	// before it, values are read as held since creation.
	HistorySince string `json:"historySince"`
}

// state is an opportunity at the end of a day, stage position known.
type state struct {
	exists                  bool
	stage, owner, amount, p int64
	close                   string
}

type acc struct {
	n        int
	amount   int64
	weighted big.Int
}

func (a *acc) add(sign int64, amount, p int64) {
	a.n += int(sign)
	a.amount += sign * amount
	var w big.Int
	w.Mul(big.NewInt(amount), big.NewInt(p))
	if sign < 0 {
		w.Neg(&w)
	}
	a.weighted.Add(&a.weighted, &w)
}

func (a *acc) figures() Figures {
	return Figures{Count: a.n, AmountCents: a.amount, ExpectedCents: money.RoundDiv(&a.weighted, 10000).Int64()}
}

// Compute builds the report for scope sc, whose From and To are A and B
// (both required): the kept stage totals corrected by the opportunities
// changed after A, whose values at A and B are rebuilt in one pass in SQL
// (store.ChangesBetween), which returns sums and the listed items only.
func Compute(ctx context.Context, q store.Querier, sc reportframe.Scope) (Report, error) {
	return compute(ctx, q, sc, true, true, MaxItems)
}

// ComputeAll is Compute listing every opportunity of every kind, for the
// exports.
func ComputeAll(ctx context.Context, q store.Querier, sc reportframe.Scope) (Report, error) {
	return compute(ctx, q, sc, true, true, all)
}

// compute is Compute; fast false rebuilds every changed opportunity in Go
// (store.ChangesSince and At), the reference the SQL pass and the kept
// marks are tested against; useKept false takes the SQL pass
// (store.ChangesBetween) even where the kept marks answer.
func compute(ctx context.Context, q store.Querier, sc reportframe.Scope, fast, useKept bool, maxItems int) (Report, error) {
	var errs apperr.List
	if sc.From == "" {
		errs.Add(apperr.Invalid("from", msg.ChangesNeedDay, msg.P{"label": msg.LabelFrom}))
	}
	if sc.To == "" {
		errs.Add(apperr.Invalid("to", msg.ChangesNeedDay, msg.P{"label": msg.LabelTo}))
	}
	if err := errs.Err(); err != nil {
		return Report{}, err
	}
	a, b := sc.From, sc.To
	rep := Report{A: a, B: b, Stages: []StageRow{}, Groups: []Group{}}
	stages, err := store.OrderedStages(ctx, q)
	if err != nil {
		return rep, err
	}
	pos := map[int64]int{}
	stageByID := map[int64]store.Stage{}
	for i, s := range stages {
		pos[s.ID] = i
		stageByID[s.ID] = s
	}
	owners, err := store.ListOwners(ctx, q, true)
	if err != nil {
		return rep, err
	}
	ownerName := map[int64]string{}
	for _, o := range owners {
		ownerName[o.ID] = o.Name
	}
	matchTS := func(typ, source string) bool {
		return (sc.Type == "" || typ == sc.Type) && (sc.Source == "" || source == sc.Source)
	}
	accA, accB := make([]acc, len(stages)), make([]acc, len(stages))
	cq := store.ChangesQuery{A: a, B: b, Stages: stages, AllOwners: sc.AllOwners,
		Owners: sc.Owners, Type: sc.Type, Source: sc.Source, MaxItems: maxItems}
	var res store.ChangesResult
	kept := false
	if fast && useKept && sc.Type == "" && sc.Source == "" {
		// The funnel at A and B and the kinds as kept at write time
		// (migration 0031); type and source are today's, which it does
		// not keep: the SQL pass answers those.
		if res, kept, err = store.KeptChanges(ctx, q, cq); err != nil {
			return rep, err
		}
	}
	// Everyone without a change after A stood at A and at B as now.
	if !kept && (sc.AllOwners || len(sc.Owners) > 0) {
		f := store.OpportunityFilter{OwnerIDs: sc.Owners}
		if sc.Type != "" {
			f.Types = []string{sc.Type}
		}
		if sc.Source != "" {
			f.Sources = []string{sc.Source}
		}
		totals, err := store.StageTotals(ctx, q, f)
		if err != nil {
			return rep, err
		}
		for _, t := range totals {
			i, ok := pos[t.StageID]
			if !ok {
				continue
			}
			for _, x := range []*acc{&accA[i], &accB[i]} {
				x.n += t.Count
				x.amount += t.AmountCents
				x.weighted.Add(&x.weighted, big.NewInt(t.WeightedRaw))
			}
		}
	}
	groups := map[string]*Group{}
	for _, k := range Kinds {
		groups[k] = &Group{Kind: k, Items: []Item{}}
	}
	show := func(s state) State {
		return State{StageID: s.stage, StageName: stageByID[s.stage].Name, AmountCents: s.amount, ProbabilityBP: int(s.p),
			ExpectedClose: s.close, OwnerID: s.owner, OwnerName: ownerName[s.owner]}
	}
	if fast {
		if !kept {
			if res, err = store.ChangesBetween(ctx, q, cq); err != nil {
				return rep, err
			}
		}
		for col, deltas := range []map[int64]store.FunnelDelta{res.DeltaA, res.DeltaB} {
			accs := accA
			if col == 1 {
				accs = accB
			}
			for id, d := range deltas {
				if i, ok := pos[id]; ok {
					accs[i].n += d.Count
					accs[i].amount += d.Amount
					accs[i].weighted.Add(&accs[i].weighted, d.Weighted)
				}
			}
		}
		for k, n := range res.Kinds {
			if g := groups[k]; g != nil {
				g.Count, g.AmountA, g.AmountB, g.Truncated = n.Count, n.AmountA, n.AmountB, n.Count > maxItems
			}
		}
		st := func(c store.ChangedState) state {
			return state{exists: true, stage: c.StageID, owner: c.OwnerID, amount: c.AmountCents, p: c.ProbabilityBP, close: c.ExpectedClose}
		}
		for _, it := range res.Items {
			g := groups[it.Kind]
			if g == nil {
				continue
			}
			item := Item{ID: it.ID, B: show(st(it.B))}
			if it.ExistedA {
				sA := show(st(it.A))
				item.A = &sA
			}
			g.Items = append(g.Items, item)
		}
		return finish(ctx, q, rep, sc, stages, groups, accA, accB)
	}
	changed, err := store.ChangesSince(ctx, q, a)
	if err != nil {
		return rep, err
	}
	ids := make([]int64, 0, len(changed))
	for id := range changed {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		o := changed[id]
		now := state{exists: true, stage: o.StageID, owner: o.OwnerID, amount: o.AmountCents, p: o.ProbabilityBP, close: o.ExpectedClose}
		if matchTS(o.Type, o.Source) && sc.HasOwner(o.OwnerID) {
			if i, ok := pos[now.stage]; ok {
				accA[i].add(-1, now.amount, now.p)
				accB[i].add(-1, now.amount, now.p)
			}
		}
		sa, sb := At(o, a), At(o, b)
		if !sb.exists || !matchTS(o.Type, o.Source) || !sc.HasOwner(sb.owner) {
			continue
		}
		if sa.exists {
			if i, ok := pos[sa.stage]; ok {
				accA[i].add(1, sa.amount, sa.p)
			}
		}
		if i, ok := pos[sb.stage]; ok {
			accB[i].add(1, sb.amount, sb.p)
		}
		item := Item{ID: o.ID, B: show(sb)}
		var kinds []string
		if !sa.exists {
			kinds = []string{KindNew}
		} else {
			sA := show(sa)
			item.A = &sA
			kinds = Classify(sa, sb, stageByID, pos)
		}
		for _, k := range kinds {
			g := groups[k]
			g.Count++
			if sa.exists {
				g.AmountA += sa.amount
			}
			g.AmountB += sb.amount
			if len(g.Items) < maxItems {
				g.Items = append(g.Items, item)
			} else {
				g.Truncated = true
			}
		}
	}
	return finish(ctx, q, rep, sc, stages, groups, accA, accB)
}

// finish names the listed opportunities and adds the stage rows, the
// total and the recycle bin's counts.
func finish(ctx context.Context, q store.Querier, rep Report, sc reportframe.Scope, stages []store.Stage,
	groups map[string]*Group, accA, accB []acc) (Report, error) {
	a, b := sc.From, sc.To
	// Names only for the opportunities listed (at most maxItems a kind).
	var listed []int64
	for _, k := range Kinds {
		for _, it := range groups[k].Items {
			listed = append(listed, it.ID)
		}
	}
	slices.Sort(listed)
	names, err := store.OpportunityNames(ctx, q, slices.Compact(listed))
	if err != nil {
		return rep, err
	}
	for _, k := range Kinds {
		items := groups[k].Items
		for i := range items {
			n := names[items[i].ID]
			items[i].Name, items[i].CustomerName = n.Name, n.CustomerName
		}
	}
	var ta, tb acc
	for i, s := range stages {
		fa, fb := accA[i].figures(), accB[i].figures()
		ta.n, ta.amount = ta.n+fa.Count, ta.amount+fa.AmountCents
		tb.n, tb.amount = tb.n+fb.Count, tb.amount+fb.AmountCents
		ta.weighted.Add(&ta.weighted, &accA[i].weighted)
		tb.weighted.Add(&tb.weighted, &accB[i].weighted)
		if s.Retired && fa.Count == 0 && fb.Count == 0 {
			continue
		}
		rep.Stages = append(rep.Stages, StageRow{StageID: s.ID, Name: s.Name, Kind: s.Kind, A: fa, B: fb, Diff: diff(fa, fb)})
	}
	// The total's expected amount is the sum of the stages' rounded ones,
	// as in the funnel.
	fa, fb := Figures{Count: ta.n, AmountCents: ta.amount}, Figures{Count: tb.n, AmountCents: tb.amount}
	for _, r := range rep.Stages {
		fa.ExpectedCents += r.A.ExpectedCents
		fb.ExpectedCents += r.B.ExpectedCents
	}
	rep.Total = StageRow{Name: msg.Render(msg.Zh, msg.ChangesTotal, nil), A: fa, B: fb, Diff: diff(fa, fb)}
	for _, k := range Kinds {
		g := groups[k]
		slices.SortStableFunc(g.Items, func(x, y Item) int { return cmp.Compare(x.ID, y.ID) })
		rep.Groups = append(rep.Groups, *g)
	}
	if rep.DeletedBetween, err = store.DeletedOpportunities(ctx, q, a, b); err != nil {
		return rep, err
	}
	if rep.DeletedAfter, err = store.DeletedOpportunities(ctx, q, b, ""); err != nil {
		return rep, err
	}
	rep.HistorySince, err = store.FieldHistorySince(ctx, q)
	return rep, err
}

func diff(a, b Figures) Figures {
	return Figures{Count: b.Count - a.Count, AmountCents: b.AmountCents - a.AmountCents, ExpectedCents: b.ExpectedCents - a.ExpectedCents}
}

// At is o's state at the end of day (YYYY-MM-DD): each field's value is the
// old value of its first change after the day, or its value now.
func At(o *store.ChangedOpp, day string) state {
	s := state{exists: len(o.CreatedAt) < 10 || o.CreatedAt[:10] <= day,
		stage: o.StageID, owner: o.OwnerID, amount: o.AmountCents, p: o.ProbabilityBP, close: o.ExpectedClose}
	var seen uint8
	for _, e := range o.Events {
		if len(e.ChangedAt) < 10 || e.ChangedAt[:10] <= day {
			continue
		}
		var bit uint8
		switch e.Field {
		case store.FieldStage:
			bit = 1
		case store.FieldAmount:
			bit = 2
		case store.FieldProbability:
			bit = 4
		case store.FieldOwner:
			bit = 8
		case store.FieldClose:
			bit = 16
		}
		if bit == 0 || seen&bit != 0 {
			continue
		}
		seen |= bit
		switch e.Field {
		case store.FieldStage:
			if e.OldNull {
				// Its first stage, entered after the day (an import dates a
				// closed one's at its closing): the stage it began in.
				s.stage = e.New
			} else {
				s.stage = e.Old
			}
		case store.FieldAmount:
			s.amount = e.Old
		case store.FieldProbability:
			s.p = e.Old
		case store.FieldOwner:
			s.owner = e.Old
		case store.FieldClose:
			s.close = e.OldText
		}
	}
	return s
}

// Classify names the kinds of change from a to b of an opportunity that
// existed at both.
func Classify(a, b state, stages map[int64]store.Stage, pos map[int64]int) []string {
	var out []string
	if a.stage != b.stage {
		ka, kb := stages[a.stage].Kind, stages[b.stage].Kind
		switch {
		case kb == store.KindWon && ka != store.KindWon:
			out = append(out, KindWon)
		case kb == store.KindLost && ka != store.KindLost:
			out = append(out, KindLost)
		case pos[b.stage] > pos[a.stage]:
			out = append(out, KindForward)
		case pos[b.stage] < pos[a.stage]:
			out = append(out, KindBack)
		}
	}
	switch {
	case b.amount > a.amount:
		out = append(out, KindRaised)
	case b.amount < a.amount:
		out = append(out, KindLowered)
	}
	if a.close != "" && b.close != "" {
		switch {
		case b.close > a.close:
			out = append(out, KindPushedOut)
		case b.close < a.close:
			out = append(out, KindPulledIn)
		}
	}
	if a.owner != b.owner {
		out = append(out, KindReassigned)
	}
	return out
}
