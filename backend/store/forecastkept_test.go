package store_test

import (
	"context"
	"reflect"
	"testing"

	"funneldesk/backend/store"
)

// wantForecastKept compares the company-wide forecast read from the kept
// totals by month (ForecastOpen's path for all owners) with a count, for
// the ranges the forecast asks (from today or a month's first day to a
// year later, slipped, no close date) and awkward ones (inside one month,
// across a month end with no whole month, blanks and dates together, an
// empty range), with and without a source. wantKeptEqualsFresh calls it
// after every kind of write.
func wantForecastKept(t *testing.T, q store.Querier, step string) {
	t.Helper()
	ctx := context.Background()
	ranges := [][2]string{
		{"2026-03-10", "2027-03-01"}, {"2026-03-01", "2027-03-01"}, {"0", "2026-03-10"}, {"", "0"},
		{"2026-02-03", "2026-02-20"}, {"2026-02-20", "2026-03-05"}, {"", "2026-05-17"}, {"0", "2026-06-01"},
		{"2026-05-01", "2026-04-01"}, {"2025-01-01", "2028-01-01"},
	}
	norm := func(rows []store.ForecastMonth) []store.ForecastMonth {
		out := []store.ForecastMonth{}
		for _, r := range rows {
			if r.N != 0 || r.Amount != 0 || r.WHi != 0 || r.WLo != 0 {
				out = append(out, r)
			}
		}
		return out
	}
	for _, src := range []string{"", "展会"} {
		f := store.ForecastFilter{AllOwners: true, Source: src}
		for _, r := range ranges {
			for _, byMonth := range []bool{true, false} {
				kept, ok, err := store.ForecastKept(ctx, q, r[0], r[1], f, byMonth)
				if err != nil || !ok {
					t.Fatalf("%s: forecast %v %q: ok %v, %v", step, r, src, ok, err)
				}
				counted, err := store.ForecastCounted(ctx, q, r[0], r[1], f, byMonth)
				if err != nil {
					t.Fatal(err)
				}
				if k, c := norm(kept), norm(counted); !reflect.DeepEqual(k, c) {
					t.Fatalf("%s: forecast %v %q by month %v: kept\n%+v\ncounted\n%+v", step, r, src, byMonth, k, c)
				}
			}
		}
	}
}
