package customer_test

import (
	"testing"

	"funneldesk/backend/customer"
	"funneldesk/backend/pinyin"
	"funneldesk/backend/svc"
	"funneldesk/bench/benchdb"
)

// BenchmarkList is one customer page of 50 with its total, in pinyin order
// of the names, through the service, on the database of FUNNELDESK_BENCH_DB (100,000 customers from
// bench/gen); it skips without it.
func BenchmarkList(b *testing.B) {
	st := benchdb.Open(b)
	srv := customer.NewService(st, svc.New(nil))
	c, err := srv.Get(4242)
	if err != nil {
		b.Fatalf("customer 4242: %v", err)
	}
	py, ini := pinyin.Keys(string([]rune(c.Customer.Name)[:4]))
	for _, tc := range []struct {
		name string
		f    customer.Filter
	}{
		{"all", customer.Filter{}},
		{"page=1000", customer.Filter{Page: 1000}},
		{"owner", customer.Filter{OwnerID: 10}},
		{"classification", customer.Filter{Classification: "重点客户"}},
		{"search=few", customer.Filter{Query: c.Customer.Name}},
		{"search=many", customer.Filter{Query: "科技"}},
		{"search=phone", customer.Filter{Query: "138"}},
		{"search=none", customer.Filter{Query: "不存在的名字"}},
		// Pinyin: city and trade name (宁波光嘉 → ningboguangjia, nbgj), and
		// the city's initials alone (thousands of customers).
		{"search=pinyin", customer.Filter{Query: py}},
		{"search=initials", customer.Filter{Query: ini}},
		{"search=initials-short", customer.Filter{Query: ini[:2]}},
		{"search=initials-short/page=20", customer.Filter{Query: ini[:2], Page: 20}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			p, err := srv.List(tc.f)
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if _, err := srv.List(tc.f); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(p.Total), "total")
		})
	}
}
