package report_test

import (
	"testing"
	"time"

	"funneldesk/backend/report"
	"funneldesk/backend/svc"
	"funneldesk/bench/orders/ordersdb"
)

// The benchmarks run against the database of FUNNELDESK_BENCH_ORDERS_DB
// (made by bench/orders) and skip without it:
//
//	FUNNELDESK_BENCH_ORDERS_DB=bench/data/orders.db go test -run '^$' -bench . ./backend/report/
func service(b *testing.B) *report.Service {
	s := report.NewService(ordersdb.Open(b), svc.New(nil))
	report.SetClock(s, func() time.Time { return ordersdb.AsOf })
	return s
}

func BenchmarkReceivables(b *testing.B) {
	s := service(b)
	cases := []struct {
		name string
		req  report.ReceivablesRequest
	}{
		{"customer", report.ReceivablesRequest{}},
		{"customer,overdue only", report.ReceivablesRequest{OverdueOnly: true}},
		{"customer,by name", report.ReceivablesRequest{Sort: "name"}},
		{"customer,search", report.ReceivablesRequest{Filter: report.ReceivablesFilter{Query: "科技"}}},
		{"customer,one owner", report.ReceivablesRequest{Filter: report.ReceivablesFilter{OwnerIDs: []int64{ordersdb.Owner}}}},
		{"customer,due this quarter", report.ReceivablesRequest{Filter: report.ReceivablesFilter{DueFrom: "2026-01-01", DueTo: "2026-03-31"}}},
		{"customer,page=100", report.ReceivablesRequest{Page: 100}},
		{"owner", report.ReceivablesRequest{GroupBy: "owner"}},
		{"owner,due this quarter", report.ReceivablesRequest{GroupBy: "owner", Filter: report.ReceivablesFilter{DueFrom: "2026-01-01", DueTo: "2026-03-31"}}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := s.Receivables(c.req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkProductSales is informative: the report is not a list page.
func BenchmarkProductSales(b *testing.B) {
	s := service(b)
	cases := []struct {
		name string
		req  report.SalesRequest
	}{
		{"product,12 months", report.SalesRequest{From: "2025-03", To: "2026-02"}},
		{"category,12 months", report.SalesRequest{GroupBy: "category", From: "2025-03", To: "2026-02"}},
		{"product,one owner", report.SalesRequest{From: "2025-03", To: "2026-02", OwnerIDs: []int64{ordersdb.Owner}}},
		{"product,one month", report.SalesRequest{From: "2026-02", To: "2026-02"}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := s.ProductSales(c.req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("chart", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := report.RenderSalesChart(s, report.SalesChartRequest{Sales: report.SalesRequest{From: "2025-03", To: "2026-02"}}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
