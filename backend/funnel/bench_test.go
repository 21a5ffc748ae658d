package funnel_test

import (
	"context"
	"testing"

	"funneldesk/backend/funnel"
	"funneldesk/backend/svc"
	"funneldesk/bench/benchdb"
)

// Funnel benchmarks at 1,000,000 opportunities: the figures (Compute, what
// the bound View reads), the whole View (figures and screen chart) and the
// chart alone:
//
//	FUNNELDESK_BENCH_DB=bench/data/bench.db go test -run '^$' -bench . ./backend/funnel/
func BenchmarkFunnel(b *testing.B) {
	st := benchdb.Open(b)
	ctx := context.Background()
	cases := []struct {
		name string
		f    funnel.Filter
	}{
		{"unfiltered", funnel.Filter{}},
		{"owner+month", funnel.Filter{OwnerID: 10, From: "2026-05-01", To: "2026-05-31"}},
		{"owner+quarter", funnel.Filter{OwnerID: 10, From: "2026-04-01", To: "2026-06-30"}},
		{"owner+year", funnel.Filter{OwnerID: 10, From: "2026-01-01", To: "2026-12-31"}},
		{"owner", funnel.Filter{OwnerID: 10}},
		{"quarter", funnel.Filter{From: "2026-04-01", To: "2026-06-30"}},
		{"year", funnel.Filter{From: "2026-01-01", To: "2026-12-31"}},
		{"type", funnel.Filter{Type: "新业务"}},
		{"source", funnel.Filter{Source: "展会"}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := funnel.Compute(ctx, st.DB, c.f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkView is one refresh of the funnel screen: the bound call.
func BenchmarkView(b *testing.B) {
	st := benchdb.Open(b)
	srv := funnel.NewService(st, svc.New(nil))
	for i := 0; i < b.N; i++ {
		if _, err := srv.View(funnel.ViewRequest{Filter: funnel.Filter{OwnerID: 10, From: "2026-05-01", To: "2026-05-31"}}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkChartPNG draws and encodes the funnel chart (the funnel itself is
// computed once outside the loop: this is the export's own cost).
func BenchmarkChartPNG(b *testing.B) {
	st := benchdb.Open(b)
	rep, err := funnel.Compute(context.Background(), st.DB, funnel.Filter{})
	if err != nil {
		b.Fatal(err)
	}
	for _, size := range []string{"screen", "print"} {
		b.Run(size, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := funnel.DrawPNG(rep, funnel.ChartRequest{Size: size}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
