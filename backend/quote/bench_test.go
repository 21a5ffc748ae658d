package quote_test

import (
	"testing"

	"funneldesk/backend/quote"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
	"funneldesk/bench/orders/ordersdb"
)

// The benchmarks run against the database of FUNNELDESK_BENCH_ORDERS_DB
// (made by bench/orders) and skip without it:
//
//	FUNNELDESK_BENCH_ORDERS_DB=bench/data/orders.db go test -run '^$' -bench . ./backend/quote/
func BenchmarkList(b *testing.B) {
	st := ordersdb.Open(b)
	s := quote.NewService(st, svc.New(nil))
	var name string
	if err := st.DB.Get(&name, `SELECT name FROM customers WHERE id = ?`, ordersdb.Customer); err != nil {
		b.Fatal(err)
	}
	f := func(fl quote.Filter) quote.ListRequest { return quote.ListRequest{Filter: fl, Page: 1, PageSize: 50} }
	cases := []struct {
		name string
		req  quote.ListRequest
	}{
		{"all", f(quote.Filter{})},
		{"status=open", f(quote.Filter{Statuses: []string{store.QuoteOpen}})},
		{"status=approved", f(quote.Filter{Statuses: []string{store.QuoteApproved}})},
		{"customer", f(quote.Filter{CustomerID: ordersdb.Customer})},
		{"owner", f(quote.Filter{OwnerIDs: []int64{ordersdb.Owner}})},
		{"owner+quarter", f(quote.Filter{OwnerIDs: []int64{ordersdb.Owner}, DateFrom: "2025-10-01", DateTo: "2025-12-31"})},
		{"date=year", f(quote.Filter{DateFrom: "2025-01-01", DateTo: "2025-12-31"})},
		{"search=customer", f(quote.Filter{Query: name})},
		{"search=many", f(quote.Filter{Query: "科技"})},
		{"search=number", f(quote.Filter{Query: "BJ-20250612"})},
		{"search=none", f(quote.Filter{Query: "不存在的名字"})},
		{"sort=total", f(quote.Filter{Sort: "total", Desc: true})},
		{"sort=validUntil", f(quote.Filter{Sort: "validUntil"})},
		{"page=1000", quote.ListRequest{Page: 1000, PageSize: 50}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := s.List(c.req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
