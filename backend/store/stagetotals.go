package store

import (
	"context"
	"fmt"
	"math/big"
)

// KeptTotal is one stage's count, amount and exact Σ amount_cents ×
// probability_bp as kept by migration 0018's triggers.
type KeptTotal struct {
	StageID     int64
	Count       int
	AmountCents int64
	Weighted    *big.Int
}

// maxExactAmount is the largest amount whose product with a probability
// (≤ 10,000) fits 64 bits; the triggers' split of a larger product is not
// exact, so while such an amount exists the kept totals are not used.
// money's bound (10^14 cents) is far below it.
const maxExactAmount = (1<<63 - 1) / 10000

// keptAnswers reports whether the kept totals answer f: only conditions on
// the stage itself (view, stage ids) select whole rows of stage_totals.
func (f OpportunityFilter) keptAnswers() bool {
	return len(f.OwnerIDs) == 0 && len(f.Sources) == 0 && len(f.Types) == 0 && f.CustomerID == 0 &&
		f.CloseFrom == "" && f.CloseTo == "" && f.query() == "" && !f.extraFiltered()
}

type keptRow struct {
	StageID int64 `db:"stage_id"`
	Count   int   `db:"n"`
	Amount  int64 `db:"amount"`
	WHi     int64 `db:"w_hi"`
	WLo     int64 `db:"w_lo"`
	Exact   bool  `db:"exact"`
}

// keptCount is how many opportunities match f, summed from the kept
// per-stage totals; ok is false when they cannot answer f (the caller
// counts).
func keptCount(ctx context.Context, q Querier, f OpportunityFilter) (n int, ok bool, err error) {
	kept, ok, err := KeptStageTotals(ctx, q, f)
	if err != nil || !ok {
		return 0, ok, err
	}
	for _, k := range kept {
		n += k.Count
	}
	return n, true, nil
}

// KeptStageTotals returns the kept per-stage totals of the stages holding
// opportunities that match f, by stage id, in a few rows' reads. ok is
// false when they cannot answer: f has a condition other than view,
// stages, close dates and sources (those two from the totals by month and
// source, keptMonthTotals) or owners with types and sources besides
// (keptOwnerTotals), a kept sum left 64 bits (SQLite made it a REAL), or
// an amount is too large for the split product to be exact; the caller
// then counts.
func KeptStageTotals(ctx context.Context, q Querier, f OpportunityFilter) (out []KeptTotal, ok bool, err error) {
	byMonth := !f.keptAnswers() && f.monthAnswers()
	byOwner := !f.keptAnswers() && !byMonth && f.ownerAnswers()
	if !f.keptAnswers() && !byMonth && !byOwner {
		return nil, false, nil
	}
	var maxAmount int64
	if err := q.GetContext(ctx, &maxAmount, `SELECT COALESCE(MAX(amount_cents), 0) FROM opportunities`); err != nil {
		return nil, false, fmt.Errorf("kept stage totals: %w", err)
	}
	if maxAmount > maxExactAmount {
		return nil, false, nil
	}
	if byMonth {
		return keptMonthTotals(ctx, q, f)
	}
	if byOwner {
		return keptOwnerTotals(ctx, q, f)
	}
	cond := ""
	var args []any
	switch f.View {
	case KindWon, KindLost, KindOpen:
		cond += ` AND t.stage_id IN (SELECT id FROM stages WHERE kind = ?)`
		args = append(args, f.View)
	}
	if len(f.StageIDs) > 0 {
		c, a := inInts("t.stage_id", f.StageIDs)
		cond += " AND " + c
		args = append(args, a...)
	}
	// A value SQLite turned into a REAL is read as 0 and flags the row.
	var rows []keptRow
	err = q.SelectContext(ctx, &rows, `SELECT t.stage_id,
		CASE WHEN typeof(t.n) = 'integer' THEN t.n ELSE 0 END AS n,
		CASE WHEN typeof(t.amount) = 'integer' THEN t.amount ELSE 0 END AS amount,
		CASE WHEN typeof(t.w_hi) = 'integer' THEN t.w_hi ELSE 0 END AS w_hi,
		CASE WHEN typeof(t.w_lo) = 'integer' THEN t.w_lo ELSE 0 END AS w_lo,
		typeof(t.n) = 'integer' AND typeof(t.amount) = 'integer' AND typeof(t.w_hi) = 'integer'
			AND typeof(t.w_lo) = 'integer' AS exact
		FROM stage_totals t WHERE t.n <> 0`+cond+` ORDER BY t.stage_id`, args...)
	if err != nil {
		return nil, false, fmt.Errorf("kept stage totals: %w", err)
	}
	out = make([]KeptTotal, 0, len(rows))
	for _, r := range rows {
		if !r.Exact {
			return nil, false, nil
		}
		w := new(big.Int).Lsh(big.NewInt(r.WHi), 31)
		w.Add(w, big.NewInt(r.WLo))
		out = append(out, KeptTotal{StageID: r.StageID, Count: r.Count, AmountCents: r.Amount, Weighted: w})
	}
	return out, true, nil
}

// ownerAnswers reports whether the opportunities kept by owner, creation
// month, type, source and stage (analysis_created, migration 0026) answer
// f: owners, with view, stages, types and sources besides.
func (f OpportunityFilter) ownerAnswers() bool {
	return len(f.OwnerIDs) > 0 && f.CustomerID == 0 && f.CloseFrom == "" && f.CloseTo == "" && f.query() == "" &&
		!f.extraFiltered()
}

// keptOwnerTotals is KeptStageTotals for owners (ownerAnswers) from
// analysis_created: an owner's few hundred rows there, where counting read
// every one of the owner's opportunities and sorted them by stage (12 ms
// for 55,000). Not ok when a kept value is a REAL (a trigger's overflow)
// or a sum overflows, as the counting path would.
func keptOwnerTotals(ctx context.Context, q Querier, f OpportunityFilter) ([]KeptTotal, bool, error) {
	var w where
	w.ints("t.owner_id", f.OwnerIDs)
	switch f.View {
	case KindWon, KindLost, KindOpen:
		w.add(`t.stage_id IN (SELECT id FROM stages WHERE kind = ?)`, f.View)
	}
	w.ints("t.stage_id", f.StageIDs)
	w.strs("t.type", f.Types)
	w.strs("t.source", f.Sources)
	var rows []keptRow
	err := q.SelectContext(ctx, &rows, `SELECT t.stage_id, `+keptGroupSums+` FROM analysis_created t`+w.sql()+
		` GROUP BY t.stage_id ORDER BY t.stage_id`, w.args...)
	if IsOverflow(err) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("kept stage totals: %w", err)
	}
	out := make([]KeptTotal, 0, len(rows))
	for _, r := range rows {
		if !r.Exact {
			return nil, false, nil
		}
		if r.Count == 0 {
			continue // rows emptied by writes stay (0026)
		}
		wt := new(big.Int).Lsh(big.NewInt(r.WHi), 31)
		wt.Add(wt, big.NewInt(r.WLo))
		out = append(out, KeptTotal{StageID: r.StageID, Count: r.Count, AmountCents: r.Amount, Weighted: wt})
	}
	return out, true, nil
}

// stageTotalsExact is StageTotals' counting path, whatever the filter.
func stageTotalsExact(ctx context.Context, q Querier, f OpportunityFilter) ([]StageTotal, error) {
	cond, args := f.totalsWhere()
	out := []StageTotal{}
	err := q.SelectContext(ctx, &out, `SELECT o.stage_id, COUNT(*) AS n, COALESCE(SUM(o.amount_cents), 0) AS amount,
		COALESCE(SUM(o.amount_cents * o.probability_bp), 0) AS weighted
		FROM opportunities o`+cond+` GROUP BY o.stage_id`, args...)
	if err != nil {
		return nil, fmt.Errorf("stage totals: %w", err)
	}
	return out, nil
}
