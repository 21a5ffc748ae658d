package store

import (
	"context"
	"fmt"
	"math/big"
	"sort"
	"time"
)

// keptMonthSums selects the kept sums of stage_month_totals t after the
// caller's grouping column: 0 where a trigger's overflow left a REAL, and
// exact false then, for the caller to fall back to counting.
const keptMonthSums = `CASE WHEN typeof(t.n) = 'integer' THEN t.n ELSE 0 END AS n,
	CASE WHEN typeof(t.amount) = 'integer' THEN t.amount ELSE 0 END AS amount,
	CASE WHEN typeof(t.w_hi) = 'integer' THEN t.w_hi ELSE 0 END AS w_hi,
	CASE WHEN typeof(t.w_lo) = 'integer' THEN t.w_lo ELSE 0 END AS w_lo,
	typeof(t.n) = 'integer' AND typeof(t.amount) = 'integer' AND typeof(t.w_hi) = 'integer'
		AND typeof(t.w_lo) = 'integer' AS exact
	FROM stage_month_totals t`

// keptGroupSums sums the kept columns of t's rows in a group: 0 for a
// REAL a trigger's overflow left, and exact false then, for the caller to
// fall back to counting (as on an overflow of the sums).
const keptGroupSums = `SUM(CASE WHEN typeof(t.n) = 'integer' THEN t.n ELSE 0 END) AS n,
	SUM(CASE WHEN typeof(t.amount) = 'integer' THEN t.amount ELSE 0 END) AS amount,
	SUM(CASE WHEN typeof(t.w_hi) = 'integer' THEN t.w_hi ELSE 0 END) AS w_hi,
	SUM(CASE WHEN typeof(t.w_lo) = 'integer' THEN t.w_lo ELSE 0 END) AS w_lo,
	MIN(typeof(t.n) = 'integer' AND typeof(t.amount) = 'integer' AND typeof(t.w_hi) = 'integer'
		AND typeof(t.w_lo) = 'integer') AS exact`

// monthAnswers reports whether the kept totals by month and source
// (migration 0025) answer f: besides view and stages, only close dates and
// sources.
func (f OpportunityFilter) monthAnswers() bool {
	return len(f.OwnerIDs) == 0 && len(f.Types) == 0 && f.CustomerID == 0 && f.query() == "" && !f.extraFiltered() &&
		(len(f.Sources) > 0 || f.CloseFrom != "" || f.CloseTo != "")
}

// monthSpan splits the close date range [from, to] (either may be open)
// into whole months, read from stage_month_totals as the range
// [loMonth, hiMonth] ("" bounds: open; none when !whole), and the days of
// the partial months at either end, counted.
func monthSpan(from, to string) (loMonth, hiMonth string, whole bool, edges [][2]string, ok bool) {
	day := func(s string) (time.Time, bool) {
		t, err := time.Parse("2006-01-02", s)
		return t, err == nil
	}
	var lo, hi time.Time
	if from != "" {
		t, good := day(from)
		if !good {
			return "", "", false, nil, false
		}
		lo = t
		if t.Day() != 1 {
			next := time.Date(t.Year(), t.Month()+1, 1, 0, 0, 0, 0, time.UTC)
			end := next.AddDate(0, 0, -1).Format("2006-01-02")
			if to != "" && to < end {
				end = to
			}
			if from <= end {
				edges = append(edges, [2]string{from, end})
			}
			lo = next
		}
	}
	if to != "" {
		t, good := day(to)
		if !good {
			return "", "", false, nil, false
		}
		hi = t
		if last := time.Date(t.Year(), t.Month()+1, 0, 0, 0, 0, 0, time.UTC); !t.Equal(last) {
			start := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
			if from != "" && from > start {
				start = from
			}
			// The partial month of from, when it is the same month, is
			// already counted.
			if len(edges) == 0 || edges[0][0] != start {
				if start <= to {
					edges = append(edges, [2]string{start, to})
				}
			}
			hi = time.Date(t.Year(), t.Month(), 0, 0, 0, 0, 0, time.UTC)
		}
	}
	if from != "" {
		loMonth = lo.Format("2006-01")
	}
	if to != "" {
		hiMonth = hi.Format("2006-01")
	}
	whole = loMonth == "" || hiMonth == "" || loMonth <= hiMonth
	return loMonth, hiMonth, whole, edges, true
}

// keptMonthTotals answers f (monthAnswers) from stage_month_totals for the
// whole months of its close date range, adding the partial months' days
// counted through the stage cover index. ok is false when a kept or
// counted sum left 64 bits: the caller then counts everything.
func keptMonthTotals(ctx context.Context, q Querier, f OpportunityFilter) ([]KeptTotal, bool, error) {
	loMonth, hiMonth, whole, edges, ok := monthSpan(f.CloseFrom, f.CloseTo)
	if !ok {
		return nil, false, nil
	}
	sum := map[int64]*KeptTotal{}
	add := func(stageID int64, n int, amount int64, w *big.Int) bool {
		k := sum[stageID]
		if k == nil {
			k = &KeptTotal{StageID: stageID, Weighted: new(big.Int)}
			sum[stageID] = k
		}
		a := k.AmountCents + amount
		if (amount > 0 && a < k.AmountCents) || (amount < 0 && a > k.AmountCents) {
			return false
		}
		k.Count += n
		k.AmountCents = a
		k.Weighted.Add(k.Weighted, w)
		return true
	}
	if whole {
		var w where
		switch {
		case f.CloseFrom == "" && f.CloseTo == "":
		case loMonth == "":
			// "Closes by to" leaves out opportunities without a date.
			w.add(`t.month > ''`)
		}
		if loMonth != "" {
			w.add(`t.month >= ?`, loMonth)
		}
		if hiMonth != "" {
			w.add(`t.month <= ?`, hiMonth)
		}
		switch f.View {
		case KindWon, KindLost, KindOpen:
			w.add(`t.stage_id IN (SELECT id FROM stages WHERE kind = ?)`, f.View)
		}
		w.ints("t.stage_id", f.StageIDs)
		w.strs("t.source", f.Sources)
		// Summed by stage in SQL (a few thousand rows over years of
		// months, scanned one by one into Go, were most of the 工作台's
		// time): a sum's overflow, like a REAL left by a trigger's, sends
		// us counting.
		var rows []keptRow
		err := q.SelectContext(ctx, &rows, `SELECT t.stage_id, `+keptGroupSums+` FROM stage_month_totals t`+w.sql()+
			` GROUP BY t.stage_id`, w.args...)
		if IsOverflow(err) {
			return nil, false, nil
		}
		if err != nil {
			return nil, false, fmt.Errorf("kept stage totals: %w", err)
		}
		for _, r := range rows {
			if !r.Exact {
				return nil, false, nil
			}
			wt := new(big.Int).Lsh(big.NewInt(r.WHi), 31)
			wt.Add(wt, big.NewInt(r.WLo))
			if !add(r.StageID, r.Count, r.Amount, wt) {
				return nil, false, nil
			}
		}
	}
	for _, e := range edges {
		pf := f
		pf.CloseFrom, pf.CloseTo = e[0], e[1]
		totals, err := stageTotalsExact(ctx, q, pf)
		if IsOverflow(err) {
			return nil, false, nil
		}
		if err != nil {
			return nil, false, err
		}
		for _, t := range totals {
			if !add(t.StageID, t.Count, t.AmountCents, big.NewInt(t.WeightedRaw)) {
				return nil, false, nil
			}
		}
	}
	out := make([]KeptTotal, 0, len(sum))
	for _, k := range sum {
		if k.Count != 0 {
			out = append(out, *k)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].StageID < out[j].StageID })
	return out, true, nil
}
