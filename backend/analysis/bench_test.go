package analysis_test

import (
	"context"
	"testing"

	"funneldesk/backend/analysis"
	"funneldesk/backend/reportframe"
	"funneldesk/bench/benchdb"
)

// The analysis reports at 1,000,000 opportunities and 3,600,000 stage
// changes (bench/gen), for one owner and for the company, one year:
//
//	FUNNELDESK_BENCH_DB=bench/data/bench.db go test -run '^$' -bench . ./backend/analysis/
//
// The figures are the computation the bound calls, the CLI and the exports
// share (the screen chart adds about 30 ms of PNG drawing).
func BenchmarkReports(b *testing.B) {
	st := benchdb.Open(b)
	ctx := context.Background()
	scopes := []struct {
		name string
		f    reportframe.Filters
	}{
		{"owner+year", reportframe.Filters{From: "2025-01-01", To: "2025-12-31", OwnerIDs: []int64{10}}},
		{"company+year", reportframe.Filters{From: "2025-01-01", To: "2025-12-31"}},
	}
	reports := []struct {
		name string
		run  func(sc reportframe.Scope) error
	}{
		{"conversion", func(sc reportframe.Scope) error { _, err := analysis.ComputeConversion(ctx, st.DB, sc); return err }},
		{"stage-time", func(sc reportframe.Scope) error {
			_, err := analysis.ComputeStageTime(ctx, st.DB, sc, "2026-03-01")
			return err
		}},
	}
	for _, by := range analysis.Groupings {
		reports = append(reports, struct {
			name string
			run  func(sc reportframe.Scope) error
		}{"by-" + by, func(sc reportframe.Scope) error { _, err := analysis.ComputeGroup(ctx, st.DB, sc, by); return err }})
	}
	for _, s := range scopes {
		sc, err := reportframe.Check(ctx, st.DB, s.f)
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range reports {
			b.Run(r.name+"/"+s.name, func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					if err := r.run(sc); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
