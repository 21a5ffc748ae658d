package store

import (
	"context"
	"fmt"
	"sort"
	"time"
)

// forecastKept answers ForecastOpen for the whole company (all owners, no
// type; a source is fine) from stage_month_totals (migration 0025, kept by
// triggers and the importer): the whole months of the range are a few
// hundred kept rows of the open stages, the days of a partial month at
// either end are counted through the stage cover. Counting the open
// pipeline of a year read ~200,000 cover entries (110 ms of CPU, 325–400
// ms under load). ok is false when the range is not one it reads (from and
// before are days, "" or "0" as ForecastOpen's callers pass them) or a sum
// left 64 bits: the caller then counts.
func forecastKept(ctx context.Context, q Querier, from, before string, f ForecastFilter, byMonth bool) ([]ForecastMonth, bool, error) {
	isDay := func(s string) bool {
		_, err := time.Parse("2006-01-02", s)
		return err == nil
	}
	// Blank close dates sort below every day: from "" takes them in, from
	// "0" starts at the first day; before "0" ends before the first day.
	blanks := from == ""
	lo, hi := "", ""
	dated := true
	switch {
	case from == "" || from == "0":
	case isDay(from):
		lo = from
	default:
		return nil, false, nil
	}
	switch {
	case before == "0":
		dated = false
	case isDay(before):
		t, _ := time.Parse("2006-01-02", before)
		hi = t.AddDate(0, 0, -1).Format("2006-01-02")
		if lo != "" && hi < lo {
			dated = false
		}
	default:
		return nil, false, nil
	}
	var maxAmount int64
	if err := q.GetContext(ctx, &maxAmount, `SELECT COALESCE(MAX(amount_cents), 0) FROM opportunities`); err != nil {
		return nil, false, fmt.Errorf("forecast: %w", err)
	}
	if maxAmount > maxExactAmount {
		return nil, false, nil
	}

	byKey := map[string]*ForecastMonth{}
	add := func(r ForecastMonth) bool {
		m := r.Month
		if len(m) > 7 {
			m = m[:7]
		}
		k := byKey[m]
		if k == nil {
			k = &ForecastMonth{Month: m}
			byKey[m] = k
		}
		a := k.Amount + r.Amount
		if (r.Amount > 0 && a < k.Amount) || (r.Amount < 0 && a > k.Amount) {
			return false
		}
		k.N += r.N
		k.Amount = a
		k.WHi += r.WHi
		k.WLo += r.WLo
		return true
	}

	var w where
	var edges [][2]string
	months := true
	switch {
	case blanks && !dated:
		w.add(`t.month = ''`)
	case dated:
		loMonth, hiMonth, whole, e, ok := monthSpan(lo, hi)
		if !ok {
			return nil, false, nil
		}
		edges = e
		months = whole
		if !blanks {
			w.add(`t.month > ''`)
		}
		if loMonth != "" {
			w.add(`t.month >= ?`, loMonth)
		}
		if hiMonth != "" {
			w.add(`t.month <= ?`, hiMonth)
		}
		if !whole && blanks {
			months = true
			w = where{}
			w.add(`t.month = ''`)
		}
	default:
		months = false
	}
	if months {
		w.add(`t.stage_id IN (SELECT id FROM stages WHERE kind = 'open')`)
		if f.Source != "" {
			w.add(`t.source = ?`, f.Source)
		}
		var rows []struct {
			ForecastMonth
			Exact bool `db:"exact"`
		}
		err := q.SelectContext(ctx, &rows, `SELECT t.month, `+keptMonthSums+w.sql(), w.args...)
		if err != nil {
			return nil, false, fmt.Errorf("forecast: %w", err)
		}
		for _, r := range rows {
			if !r.Exact || !add(r.ForecastMonth) {
				return nil, false, nil
			}
		}
	}
	for _, e := range edges {
		end, err := nextDay(e[1])
		if err != nil {
			return nil, false, nil
		}
		part, err := forecastCounted(ctx, q, e[0], end, f, true)
		if IsOverflow(err) {
			return nil, false, nil
		}
		if err != nil {
			return nil, false, err
		}
		for _, r := range part {
			if !add(r) {
				return nil, false, nil
			}
		}
	}
	out := []ForecastMonth{}
	for _, k := range byKey {
		if k.N != 0 {
			out = append(out, *k)
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Month < out[b].Month })
	if byMonth {
		return out, true, nil
	}
	one := ForecastMonth{}
	for i, r := range out {
		if i == 0 {
			one.Month = r.Month
		}
		one.N += r.N
		a := one.Amount + r.Amount
		if (r.Amount > 0 && a < one.Amount) || (r.Amount < 0 && a > one.Amount) {
			return nil, false, nil
		}
		one.Amount = a
		one.WHi += r.WHi
		one.WLo += r.WLo
	}
	return []ForecastMonth{one}, true, nil
}
