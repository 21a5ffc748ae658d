package report

import (
	"bytes"
	"encoding/base64"
	"image/png"
	"strings"
	"testing"
	"time"

	"funneldesk/backend/apperr"
	"funneldesk/backend/chart"
	"funneldesk/backend/export/exporttest"
	"funneldesk/backend/order"
	"funneldesk/backend/product"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
	"funneldesk/backend/svc"
)

var today = time.Date(2026, 3, 15, 10, 0, 0, 0, time.Local)

type fixture struct {
	s           *Service
	os          *order.Service
	ps          *product.Service
	st          *store.Store
	zhang, li   int64
	cust, other int64
	printers    store.Category
	a, b, c     store.Product
}

// newFixture makes:
//
//	DD-20260105 大商股份, 张三: 2 printers (2,000) + 10 toners (1,000) = 3,000;
//	  plan 1,000 due 01-31 (paid 1,000), 2,000 due 04-30 (李四, paid 500);
//	  3 toners returned (300), trimming the second installment to 1,700.
//	DD-20260210 喜多多贸易, 李四: 1 service (5,000); due 02-28, paid 1,000.
//	DD-20260301 大商股份, 张三: 5 printers, voided.
func newFixture(t *testing.T) *fixture {
	t.Helper()
	st := storetest.New(t)
	f := &fixture{s: NewService(st, svc.New(nil)), os: order.NewService(st, svc.New(nil)), ps: product.NewService(st, svc.New(nil)), st: st,
		zhang: storetest.Owner(t, st, "张三"), li: storetest.Owner(t, st, "李四")}
	SetClock(f.s, func() time.Time { return today })
	order.SetClock(f.os, func() time.Time { return today })
	f.cust = storetest.Customer(t, st, "大商股份", f.zhang)
	f.other = storetest.Customer(t, st, "喜多多贸易", f.li)
	var err error
	office, _ := f.ps.CreateCategory(product.CategoryInput{Name: "办公设备"})
	f.printers, _ = f.ps.CreateCategory(product.CategoryInput{Name: "打印机", ParentID: office.ID})
	mk := func(code, name, unit, price string, cat int64) store.Product {
		p, err := f.ps.Create(product.Input{Code: code, Name: name, Unit: unit, Price: price, CategoryID: cat})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	f.a = mk("A", "激光打印机", "台", "1000", f.printers.ID)
	f.b = mk("B", "硒鼓", "个", "100", office.ID)
	f.c = mk("C", "实施服务", "项", "5000", 0)

	o1, err := f.os.Create(order.Input{CustomerID: f.cust, OwnerID: f.zhang, SignedDate: "2026-01-05",
		Lines: []product.LineInput{{ProductID: f.a.ID, Quantity: "2"}, {ProductID: f.b.ID, Quantity: "10"}},
		Plan:  []order.InstallmentInput{{DueDate: "2026-01-31", Amount: "1000"}, {DueDate: "2026-04-30", Amount: "2000", OwnerID: f.li}}})
	if err != nil {
		t.Fatal(err)
	}
	f.receive(t, o1.Plan[0].ID, "1000")
	f.receive(t, o1.Plan[1].ID, "500")
	if _, err := f.os.CreateReturn(order.ReturnInput{OrderID: o1.Order.ID, Reason: "多发了", Lines: []order.ReturnLineInput{{OrderLineID: o1.Lines[1].ID, Quantity: "3"}}}); err != nil {
		t.Fatal(err)
	}
	o2, err := f.os.Create(order.Input{CustomerID: f.other, OwnerID: f.li, SignedDate: "2026-02-10",
		Lines: []product.LineInput{{ProductID: f.c.ID, Quantity: "1"}},
		Plan:  []order.InstallmentInput{{DueDate: "2026-02-28", Amount: "5000"}}})
	if err != nil {
		t.Fatal(err)
	}
	f.receive(t, o2.Plan[0].ID, "1000")
	o3, err := f.os.Create(order.Input{CustomerID: f.cust, OwnerID: f.zhang, SignedDate: "2026-03-01",
		Lines: []product.LineInput{{ProductID: f.a.ID, Quantity: "5"}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.os.Void(o3.Order.ID, "重复"); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fixture) receive(t *testing.T, installment int64, amount string) {
	t.Helper()
	if _, err := f.os.RecordReceipt(order.ReceiptInput{InstallmentID: installment, Amount: amount}); err != nil {
		t.Fatal(err)
	}
}

func TestReceivables(t *testing.T) {
	f := newFixture(t)
	type row struct {
		name                                string
		due, received, outstanding, overdue int64
	}
	tests := []struct {
		name string
		req  ReceivablesRequest
		rows []row
		tot  row
	}{
		{"per customer, largest outstanding first", ReceivablesRequest{}, []row{
			{"喜多多贸易", 500000, 100000, 400000, 400000},
			{"大商股份", 270000, 150000, 120000, 0},
		}, row{"合计", 770000, 250000, 520000, 400000}},
		{"per owner (the installments')", ReceivablesRequest{GroupBy: "owner", Sort: "name"}, []row{
			{"张三", 100000, 100000, 0, 0},
			{"李四", 670000, 150000, 520000, 400000},
		}, row{"合计", 770000, 250000, 520000, 400000}},
		{"overdue only", ReceivablesRequest{OverdueOnly: true}, []row{
			{"喜多多贸易", 500000, 100000, 400000, 400000},
		}, row{"合计", 500000, 100000, 400000, 400000}},
		{"due in April", ReceivablesRequest{Filter: ReceivablesFilter{DueFrom: "2026-04-01", DueTo: "2026-04-30"}}, []row{
			{"大商股份", 170000, 50000, 120000, 0},
		}, row{"合计", 170000, 50000, 120000, 0}},
		{"customer name", ReceivablesRequest{Filter: ReceivablesFilter{Query: "大商"}}, []row{
			{"大商股份", 270000, 150000, 120000, 0},
		}, row{"合计", 270000, 150000, 120000, 0}},
		{"owner filter", ReceivablesRequest{Filter: ReceivablesFilter{OwnerIDs: []int64{f.zhang}}}, []row{
			{"大商股份", 100000, 100000, 0, 0},
		}, row{"合计", 100000, 100000, 0, 0}},
		{"by name", ReceivablesRequest{Sort: "name"}, []row{
			{"喜多多贸易", 500000, 100000, 400000, 400000},
			{"大商股份", 270000, 150000, 120000, 0},
		}, row{"合计", 770000, 250000, 520000, 400000}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := f.s.Receivables(tt.req)
			if err != nil {
				t.Fatal(err)
			}
			var got []row
			for _, r := range p.Items {
				got = append(got, row{r.Name, r.DueCents, r.ReceivedCents, r.OutstandingCents, r.OverdueCents})
			}
			if len(got) != len(tt.rows) || p.Total != len(tt.rows) {
				t.Fatalf("rows %+v, want %+v", got, tt.rows)
			}
			for i := range got {
				if got[i] != tt.rows[i] {
					t.Errorf("row %d = %+v, want %+v", i, got[i], tt.rows[i])
				}
			}
			tot := row{p.Totals.Name, p.Totals.DueCents, p.Totals.ReceivedCents, p.Totals.OutstandingCents, p.Totals.OverdueCents}
			if tot != tt.tot || p.AsOf != "2026-03-15" {
				t.Errorf("totals %+v, want %+v", tot, tt.tot)
			}
		})
	}
	// Overdue moves with the day: on 2026-05-01 大商股份's second installment is late too.
	SetClock(f.s, func() time.Time { return time.Date(2026, 5, 1, 9, 0, 0, 0, time.Local) })
	p, _ := f.s.Receivables(ReceivablesRequest{Sort: "name"})
	if p.Items[1].OverdueCents != 120000 || p.Totals.OverdueCents != 520000 {
		t.Errorf("on 05-01: %+v", p.Items)
	}
	SetClock(f.s, func() time.Time { return today })
	// Paging keeps the totals of everything.
	p, _ = f.s.Receivables(ReceivablesRequest{Page: 2, PageSize: 1})
	if len(p.Items) != 1 || p.Items[0].Name != "大商股份" || p.Total != 2 || p.Totals.DueCents != 770000 {
		t.Errorf("page 2: %+v", p)
	}
	for _, bad := range []ReceivablesRequest{{GroupBy: "stage"}, {Sort: "x"}, {Filter: ReceivablesFilter{DueFrom: "x"}}} {
		if _, err := f.s.Receivables(bad); !apperr.Is(err, apperr.CodeInvalid) {
			t.Errorf("%+v: %v", bad, err)
		}
	}
	exporttest.Dir(t, f.s.env)
	csv := readExport(t)(f.s.ExportReceivables(ReceivablesRequest{}, "csv"))
	want := "\ufeff客户名称,应收金额,已回款,未回款,逾期金额\r\n" +
		"喜多多贸易,5000.00,1000.00,4000.00,4000.00\r\n" +
		"大商股份,2700.00,1500.00,1200.00,0.00\r\n" +
		"合计,7700.00,2500.00,5200.00,4000.00\r\n"
	if csv != want {
		t.Errorf("CSV =\n%q\nwant\n%q", csv, want)
	}
}

func TestProductSales(t *testing.T) {
	f := newFixture(t)
	rep, err := f.s.ProductSales(SalesRequest{From: "2026-01", To: "2026-03"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rep.Months, ",") != "2026-01,2026-02,2026-03" {
		t.Fatalf("months %v", rep.Months)
	}
	type cell = SalesCell
	want := []struct {
		code   string
		months []cell
	}{
		// The voided March order counts nowhere; 3 of the 10 toners came back.
		{"C", []cell{{0, 0}, {1000, 500000}, {0, 0}}},
		{"A", []cell{{2000, 200000}, {0, 0}, {0, 0}}},
		{"B", []cell{{7000, 70000}, {0, 0}, {0, 0}}},
	}
	if len(rep.Rows) != len(want) {
		t.Fatalf("rows %+v", rep.Rows)
	}
	for i, w := range want {
		r := rep.Rows[i]
		if r.Code != w.code {
			t.Errorf("row %d is %s, want %s", i, r.Code, w.code)
			continue
		}
		for m := range w.months {
			if r.Months[m] != w.months[m] {
				t.Errorf("%s %s = %+v, want %+v", r.Code, rep.Months[m], r.Months[m], w.months[m])
			}
		}
	}
	if rep.Total != (cell{10000, 770000}) || rep.Totals[0] != (cell{9000, 270000}) {
		t.Errorf("totals %+v %+v", rep.Total, rep.Totals)
	}

	byCat, err := f.s.ProductSales(SalesRequest{GroupBy: "category", From: "2026-01", To: "2026-03"})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range byCat.Rows {
		names = append(names, r.Name)
	}
	if strings.Join(names, "|") != "未分类|办公设备 / 打印机|办公设备" {
		t.Errorf("categories %v", names)
	}
	tests := []struct {
		name  string
		req   SalesRequest
		total int64
	}{
		{"category sub-tree", SalesRequest{From: "2026-01", To: "2026-03", CategoryID: f.printers.ID}, 200000},
		{"owner", SalesRequest{From: "2026-01", To: "2026-03", OwnerIDs: []int64{f.li}}, 500000},
		{"customer", SalesRequest{From: "2026-01", To: "2026-03", CustomerID: f.cust}, 270000},
		{"one month", SalesRequest{From: "2026-02", To: "2026-02"}, 500000},
		{"default: twelve months to now", SalesRequest{}, 770000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := f.s.ProductSales(tt.req)
			if err != nil || r.Total.AmountCents != tt.total {
				t.Errorf("total %d, %v; want %d", r.Total.AmountCents, err, tt.total)
			}
		})
	}
	for _, bad := range []SalesRequest{{From: "2026-13"}, {From: "2026-03", To: "2026-01"}, {From: "2020-01", To: "2026-01"}, {GroupBy: "owner"}, {CategoryID: 999}} {
		if _, err := f.s.ProductSales(bad); !apperr.Is(err, apperr.CodeInvalid) {
			t.Errorf("%+v: %v", bad, err)
		}
	}
	exporttest.Dir(t, f.s.env)
	csv := readExport(t)(f.s.ExportProductSales(SalesRequest{From: "2026-01", To: "2026-02"}, "csv"))
	wantCSV := "\ufeff产品编码,产品名称,单位,2026-01 数量,2026-01 金额,2026-02 数量,2026-02 金额,合计数量,合计金额\r\n" +
		"C,实施服务,项,0,0.00,1,5000.00,1,5000.00\r\n" +
		"A,激光打印机,台,2,2000.00,0,0.00,2,2000.00\r\n" +
		"B,硒鼓,个,7,700.00,0,0.00,7,700.00\r\n" +
		"合计,,,9,2700.00,1,5000.00,10,7700.00\r\n"
	if csv != wantCSV {
		t.Errorf("CSV =\n%q\nwant\n%q", csv, wantCSV)
	}
}

func TestSalesChart(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name string
		req  SalesChartRequest
		w, h int
	}{
		{"screen", SalesChartRequest{Sales: SalesRequest{From: "2026-01", To: "2026-03"}}, chart.ScreenWidth, chart.ScreenHeight},
		{"quantity by category", SalesChartRequest{Sales: SalesRequest{GroupBy: "category"}, Measure: "quantity", TopN: 1}, chart.ScreenWidth, chart.ScreenHeight},
		{"print, English", SalesChartRequest{Sales: SalesRequest{From: "2026-01", To: "2026-03"}, Size: "print", Lang: "en"}, chart.PrintWidth, chart.PrintHeight},
		{"empty period", SalesChartRequest{Sales: SalesRequest{From: "2025-01", To: "2025-03"}}, chart.ScreenWidth, chart.ScreenHeight},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b64, err := f.s.ProductSalesChartPNG(tt.req)
			if err != nil {
				t.Fatal(err)
			}
			raw, err := base64.StdEncoding.DecodeString(b64)
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(raw))
			if err != nil {
				t.Fatal(err)
			}
			if b := img.Bounds(); b.Dx() != tt.w || b.Dy() != tt.h {
				t.Errorf("size %v, want %d×%d", b, tt.w, tt.h)
			}
		})
	}
	for _, bad := range []SalesChartRequest{{Size: "huge"}, {Measure: "margin"}, {Sales: SalesRequest{From: "x"}}} {
		if _, err := f.s.ProductSalesChartPNG(bad); !apperr.Is(err, apperr.CodeInvalid) {
			t.Errorf("%+v: %v", bad, err)
		}
	}
}

// TestReceivablesPathsAgree checks the per-customer sums read from the
// orders against the same sums read from the installments, including an
// order paid in full and then partly returned (its plan stays at what was
// received).
func TestReceivablesPathsAgree(t *testing.T) {
	f := newFixture(t)
	o, err := f.os.Create(order.Input{CustomerID: f.other, OwnerID: f.zhang, SignedDate: "2026-01-20",
		Lines: []product.LineInput{{ProductID: f.b.ID, Quantity: "10"}}})
	if err != nil {
		t.Fatal(err)
	}
	f.receive(t, o.Plan[0].ID, "1000")
	if _, err := f.os.CreateReturn(order.ReturnInput{OrderID: o.Order.ID, Reason: "退回", Lines: []order.ReturnLineInput{{OrderLineID: o.Lines[0].ID, Quantity: "4"}}}); err != nil {
		t.Fatal(err)
	}
	for _, day := range []string{"2026-01-01", "2026-03-15", "2026-05-01"} {
		d, _ := time.ParseInLocation("2006-01-02", day, time.Local)
		SetClock(f.s, func() time.Time { return d })
		fromOrders, err := f.s.Receivables(ReceivablesRequest{Sort: "name"})
		if err != nil {
			t.Fatal(err)
		}
		fromInstallments, err := f.s.Receivables(ReceivablesRequest{Sort: "name", Filter: ReceivablesFilter{DueFrom: "1900-01-01"}})
		if err != nil {
			t.Fatal(err)
		}
		if len(fromOrders.Items) != 2 || len(fromInstallments.Items) != 2 {
			t.Fatalf("%s: %d and %d rows", day, len(fromOrders.Items), len(fromInstallments.Items))
		}
		for i := range fromOrders.Items {
			if fromOrders.Items[i] != fromInstallments.Items[i] {
				t.Errorf("%s: from orders %+v, from installments %+v", day, fromOrders.Items[i], fromInstallments.Items[i])
			}
		}
		if fromOrders.Totals != fromInstallments.Totals {
			t.Errorf("%s: totals %+v and %+v", day, fromOrders.Totals, fromInstallments.Totals)
		}
	}
	// The overpaid order: 1,000 received, 600 net; due is what was received.
	p, _ := f.s.Receivables(ReceivablesRequest{Filter: ReceivablesFilter{CustomerID: f.other}})
	if p.Items[0].DueCents != 500000+100000 || p.Items[0].ReceivedCents != 100000+100000 {
		t.Errorf("喜多多贸易 %+v", p.Items[0])
	}
}
