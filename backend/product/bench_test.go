package product_test

import (
	"testing"

	"funneldesk/backend/product"
	"funneldesk/backend/svc"
	"funneldesk/bench/orders/ordersdb"
)

// The benchmarks run against the database of FUNNELDESK_BENCH_ORDERS_DB
// (made by bench/orders) and skip without it:
//
//	FUNNELDESK_BENCH_ORDERS_DB=bench/data/orders.db go test -run '^$' -bench . ./backend/product/
func BenchmarkList(b *testing.B) {
	st := ordersdb.Open(b)
	s := product.NewService(st, svc.New(nil))
	var top int64
	if err := st.DB.Get(&top, `SELECT id FROM categories WHERE parent_id IS NULL ORDER BY position LIMIT 1`); err != nil {
		b.Fatal(err)
	}
	f := func(fl product.Filter) product.ListRequest {
		return product.ListRequest{Filter: fl, Page: 1, PageSize: 50}
	}
	cases := []struct {
		name string
		req  product.ListRequest
	}{
		{"all", f(product.Filter{})},
		{"category tree", f(product.Filter{CategoryID: top})},
		{"active", f(product.Filter{Status: "active"})},
		{"owner", f(product.Filter{OwnerIDs: []int64{ordersdb.Owner}})},
		{"search", f(product.Filter{Query: "打印机"})},
		{"sort=price", f(product.Filter{Sort: "price", Desc: true})},
		{"page=10", product.ListRequest{Page: 10, PageSize: 50}},
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

func BenchmarkPriceFor(b *testing.B) {
	st := ordersdb.Open(b)
	s := product.NewService(st, svc.New(nil))
	for i := 0; i < b.N; i++ {
		if _, err := s.PriceFor(int64(1+i%10000), int64(1+i%600)); err != nil {
			b.Fatal(err)
		}
	}
}
