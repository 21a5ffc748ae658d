package order_test

import (
	"testing"
	"time"

	"funneldesk/backend/order"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
	"funneldesk/bench/orders/ordersdb"
)

// The benchmarks run against the database of FUNNELDESK_BENCH_ORDERS_DB
// (made by bench/orders: 100,000 orders with seed 1) and skip without it:
//
//	go run ./bench/orders -db bench/data/orders.db
//	FUNNELDESK_BENCH_ORDERS_DB=bench/data/orders.db go test -run '^$' -bench . ./backend/order/

var asOf = ordersdb.AsOf

const (
	benchCustomer = ordersdb.Customer
	benchOwner    = ordersdb.Owner
)

func BenchmarkList(b *testing.B) {
	st := ordersdb.Open(b)
	s := order.NewService(st, svc.New(nil))
	order.SetClock(s, func() time.Time { return asOf })
	var name string
	if err := st.DB.Get(&name, `SELECT name FROM customers WHERE id = ?`, benchCustomer); err != nil {
		b.Fatal(err)
	}
	f := func(fl order.Filter) order.ListRequest { return order.ListRequest{Filter: fl, Page: 1, PageSize: 50} }
	cases := []struct {
		name string
		req  order.ListRequest
	}{
		{"all", f(order.Filter{})},
		{"status=active", f(order.Filter{Statuses: []string{store.OrderActive}})},
		{"status=completed", f(order.Filter{Statuses: []string{store.OrderCompleted}})},
		{"status=voided", f(order.Filter{Statuses: []string{store.OrderVoided}})},
		{"customer", f(order.Filter{CustomerID: benchCustomer})},
		{"owner", f(order.Filter{OwnerIDs: []int64{benchOwner}})},
		{"owner+quarter", f(order.Filter{OwnerIDs: []int64{benchOwner}, SignedFrom: "2025-10-01", SignedTo: "2025-12-31"})},
		{"signed=year", f(order.Filter{SignedFrom: "2025-01-01", SignedTo: "2025-12-31"})},
		{"overdue", f(order.Filter{Overdue: true})},
		{"overdue+owner", f(order.Filter{Overdue: true, OwnerIDs: []int64{benchOwner}})},
		{"outstanding", f(order.Filter{Outstanding: true})},
		{"search=customer", f(order.Filter{Query: name})},
		{"search=many", f(order.Filter{Query: "科技"})},
		{"search=number", f(order.Filter{Query: "DD-20250612"})},
		{"search=none", f(order.Filter{Query: "不存在的名字"})},
		{"sort=outstanding", f(order.Filter{Sort: "outstanding", Desc: true})},
		{"sort=total", f(order.Filter{Sort: "total"})},
		{"sort=number", f(order.Filter{Sort: "number"})},
		{"page=1000", order.ListRequest{Page: 1000, PageSize: 50}},
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

func BenchmarkListReceipts(b *testing.B) {
	st := ordersdb.Open(b)
	s := order.NewService(st, svc.New(nil))
	f := func(fl order.ReceiptFilter) order.ReceiptListRequest {
		return order.ReceiptListRequest{Filter: fl, Page: 1, PageSize: 50}
	}
	cases := []struct {
		name string
		req  order.ReceiptListRequest
	}{
		{"all", f(order.ReceiptFilter{})},
		{"customer", f(order.ReceiptFilter{CustomerID: benchCustomer})},
		{"owner", f(order.ReceiptFilter{OwnerIDs: []int64{benchOwner}})},
		{"month", f(order.ReceiptFilter{DateFrom: "2025-11-01", DateTo: "2025-11-30"})},
		{"owner+month", f(order.ReceiptFilter{OwnerIDs: []int64{benchOwner}, DateFrom: "2025-11-01", DateTo: "2025-11-30"})},
		{"method", f(order.ReceiptFilter{Methods: []string{"现金"}})},
		{"search=order", f(order.ReceiptFilter{Query: "DD-20250612"})},
		{"search=many", f(order.ReceiptFilter{Query: "科技"})},
		{"sort=amount", f(order.ReceiptFilter{Sort: "amount", Desc: true})},
		{"page=1000", order.ReceiptListRequest{Page: 1000, PageSize: 50}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := s.ListReceipts(c.req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkListInvoices(b *testing.B) {
	st := ordersdb.Open(b)
	s := order.NewService(st, svc.New(nil))
	f := func(fl order.InvoiceFilter) order.InvoiceListRequest {
		return order.InvoiceListRequest{Filter: fl, Page: 1, PageSize: 50}
	}
	cases := []struct {
		name string
		req  order.InvoiceListRequest
	}{
		{"all", f(order.InvoiceFilter{})},
		{"customer", f(order.InvoiceFilter{CustomerID: benchCustomer})},
		{"owner", f(order.InvoiceFilter{OwnerIDs: []int64{benchOwner}})},
		{"month", f(order.InvoiceFilter{DateFrom: "2025-11-01", DateTo: "2025-11-30"})},
		{"kind", f(order.InvoiceFilter{Kinds: []string{"增值税专用发票"}})},
		{"search=number", f(order.InvoiceFilter{Query: "10004242"})},
		{"search=many", f(order.InvoiceFilter{Query: "科技"})},
		{"sort=amount", f(order.InvoiceFilter{Sort: "amount", Desc: true})},
		{"page=1000", order.InvoiceListRequest{Page: 1000, PageSize: 50}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := s.ListInvoices(c.req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkGet(b *testing.B) {
	st := ordersdb.Open(b)
	s := order.NewService(st, svc.New(nil))
	order.SetClock(s, func() time.Time { return asOf })
	for i := 0; i < b.N; i++ {
		if _, err := s.Get(int64(1 + i%100000)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCreditCheck is the customer's unpaid total an order checks.
func BenchmarkCreditCheck(b *testing.B) {
	st := ordersdb.Open(b)
	s := order.NewService(st, svc.New(nil))
	for i := 0; i < b.N; i++ {
		if _, err := s.CustomerCredit(int64(1 + i%10000)); err != nil {
			b.Fatal(err)
		}
	}
}
