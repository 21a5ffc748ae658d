package order

import (
	"os"
	"strings"
	"testing"

	"funneldesk/backend/apperr"
	"funneldesk/backend/export"
	"funneldesk/backend/export/exporttest"
	"funneldesk/backend/product"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
)

// listFixture makes three orders: DD-20260105-001 (大商股份, paid), DD-20260210-001
// (喜多多贸易, 李四, overdue) and DD-20260301-001 (大商股份, voided).
func listFixture(t *testing.T) *fixture {
	f := newFixture(t)
	mk := func(date string, cust, owner int64, qty string) Detail {
		t.Helper()
		return f.create(t, Input{CustomerID: cust, OwnerID: owner, SignedDate: date, Title: "合同" + date,
			Lines: []product.LineInput{{ProductID: f.a.ID, Quantity: qty}}})
	}
	paid := mk("2026-01-05", f.cust, f.owner, "1")
	if _, err := f.s.RecordReceipt(ReceiptInput{InstallmentID: paid.Plan[0].ID, Amount: "1000", Date: "2026-01-20", Method: "现金", Note: "一次付清, 谢谢"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.AddInvoice(InvoiceInput{OrderID: paid.Order.ID, Number: "INV-1", Date: "2026-01-06", Amount: "1000", Kind: "增值税普通发票"}); err != nil {
		t.Fatal(err)
	}
	late := mk("2026-02-10", f.other, f.rep, "2")
	if _, err := f.s.RecordReceipt(ReceiptInput{InstallmentID: late.Plan[0].ID, Amount: "500", Date: "2026-02-20"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.AddInvoice(InvoiceInput{OrderID: late.Order.ID, Number: "INV-2", Date: "2026-02-11", Amount: "2000"}); err != nil {
		t.Fatal(err)
	}
	voided := mk("2026-03-01", f.cust, f.owner, "3")
	if _, err := f.s.Void(voided.Order.ID, "重复录入"); err != nil {
		t.Fatal(err)
	}
	return f
}

func TestOrderList(t *testing.T) {
	f := listFixture(t)
	tests := []struct {
		name    string
		filter  Filter
		numbers string
	}{
		{"newest first", Filter{}, "DD-20260301-001,DD-20260210-001,DD-20260105-001"},
		{"by total", Filter{Sort: "total"}, "DD-20260105-001,DD-20260210-001,DD-20260301-001"},
		{"by outstanding desc", Filter{Sort: "outstanding", Desc: true}, "DD-20260210-001,DD-20260301-001,DD-20260105-001"},
		{"completed", Filter{Statuses: []string{store.OrderCompleted}}, "DD-20260105-001"},
		{"active or voided", Filter{Statuses: []string{store.OrderActive, store.OrderVoided}}, "DD-20260301-001,DD-20260210-001"},
		{"customer", Filter{CustomerID: f.cust}, "DD-20260301-001,DD-20260105-001"},
		{"owner", Filter{OwnerIDs: []int64{f.rep}}, "DD-20260210-001"},
		{"signed range", Filter{SignedFrom: "2026-01-06", SignedTo: "2026-03-01"}, "DD-20260301-001,DD-20260210-001"},
		{"overdue", Filter{Overdue: true}, "DD-20260210-001"},
		{"outstanding", Filter{Outstanding: true}, "DD-20260210-001"},
		{"query: customer", Filter{Query: "喜多多"}, "DD-20260210-001"},
		{"query: number", Filter{Query: "0105"}, "DD-20260105-001"},
		{"query: title", Filter{Query: "合同2026-03"}, "DD-20260301-001"},
		{"query: wildcard is literal", Filter{Query: "%"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := f.s.List(ListRequest{Filter: tt.filter})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, o := range p.Items {
				got = append(got, o.Number)
			}
			if strings.Join(got, ",") != tt.numbers || p.Total != len(got) || p.AsOf != "2026-03-15" {
				t.Errorf("got %v (total %d), want %s", got, p.Total, tt.numbers)
			}
		})
	}
	p, _ := f.s.List(ListRequest{Page: 2, PageSize: 2})
	if p.Total != 3 || len(p.Items) != 1 || p.Items[0].Number != "DD-20260105-001" || p.Page != 2 {
		t.Errorf("page 2: %+v", p)
	}
	if p, _ := f.s.List(ListRequest{Page: 3, PageSize: 2}); p.Total != 3 || len(p.Items) != 0 {
		t.Errorf("past the end: %+v", p)
	}
	late, _ := f.s.List(ListRequest{Filter: Filter{Overdue: true}})
	if o := late.Items[0]; o.ReceivedCents != 50000 || o.OutstandingCents != 150000 || o.OverdueCents != 150000 || o.InvoicedCents != 200000 || o.CustomerName != "喜多多贸易" || o.OwnerName != "李四" {
		t.Errorf("overdue order row %+v", o)
	}
	for _, bad := range []Filter{{Sort: "1; drop"}, {Statuses: []string{"open"}}, {SignedFrom: "x"}} {
		if _, err := f.s.List(ListRequest{Filter: bad}); !apperr.Is(err, apperr.CodeInvalid) {
			t.Errorf("filter %+v: %v", bad, err)
		}
	}

	exporttest.Dir(t, f.s.env)
	csv := readFile(t)(f.s.Export(Filter{Sort: "signedDate"}, "csv"))
	want := "\ufeff订单编号,主题,客户名称,销售机会,报价单号,负责人,签约日期,状态,订单金额,退货金额,净额,已回款,未回款,逾期金额,已开票,备注,作废原因\r\n" +
		"DD-20260105-001,合同2026-01-05,大商股份,,,张三,2026-01-05,已完成,1000.00,0.00,1000.00,1000.00,0.00,0.00,1000.00,,\r\n" +
		"DD-20260210-001,合同2026-02-10,喜多多贸易,,,李四,2026-02-10,执行中,2000.00,0.00,2000.00,500.00,1500.00,1500.00,2000.00,,\r\n" +
		"DD-20260301-001,合同2026-03-01,大商股份,,,张三,2026-03-01,已作废,3000.00,0.00,3000.00,0.00,0.00,0.00,0.00,,重复录入\r\n"
	if csv != want {
		t.Errorf("CSV =\n%q\nwant\n%q", csv, want)
	}
}

func TestReceiptAndInvoiceLists(t *testing.T) {
	f := listFixture(t)
	rp, err := f.s.ListReceipts(ReceiptListRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if rp.Total != 2 || rp.SumCents != 150000 || rp.Items[0].Number != "HK-20260220-001" || rp.Items[0].OwnerName != "李四" || rp.Items[1].InstallmentSeq != 1 {
		t.Errorf("receipts %+v", rp)
	}
	// A later page still sums every match.
	if p, _ := f.s.ListReceipts(ReceiptListRequest{Page: 2, PageSize: 1}); p.Total != 2 || p.SumCents != 150000 || len(p.Items) != 1 {
		t.Errorf("receipts page 2: %+v", p)
	}
	tests := []struct {
		name  string
		f     ReceiptFilter
		total int
		sum   int64
	}{
		{"customer", ReceiptFilter{CustomerID: f.cust}, 1, 100000},
		{"owner", ReceiptFilter{OwnerIDs: []int64{f.rep}}, 1, 50000},
		{"method", ReceiptFilter{Methods: []string{"现金"}}, 1, 100000},
		{"dates", ReceiptFilter{DateFrom: "2026-02-01", DateTo: "2026-02-28"}, 1, 50000},
		{"order number", ReceiptFilter{Query: "DD-20260210"}, 1, 50000},
		{"by amount", ReceiptFilter{Sort: "amount"}, 2, 150000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := f.s.ListReceipts(ReceiptListRequest{Filter: tt.f})
			if err != nil || p.Total != tt.total || p.SumCents != tt.sum {
				t.Errorf("got %d / %d, %v; want %d / %d", p.Total, p.SumCents, err, tt.total, tt.sum)
			}
		})
	}
	exporttest.Dir(t, f.s.env)
	csv := readFile(t)(f.s.ExportReceipts(ReceiptFilter{Sort: "date"}, "csv"))
	want := "\ufeff回款编号,回款日期,订单编号,客户名称,期次,负责人,回款金额,回款方式,备注\r\n" +
		"HK-20260120-001,2026-01-20,DD-20260105-001,大商股份,1,张三,1000.00,现金,\"一次付清, 谢谢\"\r\n" +
		"HK-20260220-001,2026-02-20,DD-20260210-001,喜多多贸易,1,李四,500.00,,\r\n"
	if csv != want {
		t.Errorf("receipts CSV =\n%q\nwant\n%q", csv, want)
	}

	ip, err := f.s.ListInvoices(InvoiceListRequest{Filter: InvoiceFilter{OwnerIDs: []int64{f.owner}}})
	if err != nil || ip.Total != 1 || ip.SumCents != 100000 || ip.Items[0].Number != "INV-1" {
		t.Errorf("invoices of 张三's orders: %+v, %v", ip, err)
	}
	if ip, _ := f.s.ListInvoices(InvoiceListRequest{Filter: InvoiceFilter{Kinds: []string{"增值税普通发票"}}}); ip.Total != 1 {
		t.Errorf("by kind: %d", ip.Total)
	}
	if _, err := f.s.ListInvoices(InvoiceListRequest{Filter: InvoiceFilter{Sort: "x"}}); !apperr.Is(err, apperr.CodeInvalid) {
		t.Errorf("bad sort: %v", err)
	}
	csv = readFile(t)(f.s.ExportInvoices(InvoiceFilter{}, "csv"))
	want = "\ufeff发票号码,开票日期,订单编号,客户名称,开票金额,发票类型,备注\r\n" +
		"INV-2,2026-02-11,DD-20260210-001,喜多多贸易,2000.00,,\r\n" +
		"INV-1,2026-01-06,DD-20260105-001,大商股份,1000.00,增值税普通发票,\r\n"
	if csv != want {
		t.Errorf("invoices CSV =\n%q\nwant\n%q", csv, want)
	}
}

// readFile reads the file an export wrote.
func readFile(t *testing.T) func(path string, err error) string {
	return func(path string, err error) string {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
}

// TestExports writes the order, receipt and invoice lists as CSV and XLSX
// with filters: the same rows in both, typed XLSX cells, the filters in
// words, and the refusals.
func TestExports(t *testing.T) {
	f := listFixture(t)
	dir := exporttest.Dir(t, f.s.env)
	orders, _ := f.s.List(ListRequest{Filter: Filter{Sort: "number"}})
	first := orders.Items[0].ID
	tests := []struct {
		name    string
		run     func(format string) (string, error)
		file    string
		cols    []export.Column
		want    string // the first column of the rows
		filters map[string]string
	}{
		{"orders, all", func(fm string) (string, error) { return f.s.Export(Filter{Sort: "number"}, fm) }, "合同订单", Columns,
			"DD-20260105-001,DD-20260210-001,DD-20260301-001", map[string]string{"筛选": "无（全部记录）"}},
		{"orders overdue of an owner", func(fm string) (string, error) {
			return f.s.Export(Filter{Overdue: true, OwnerIDs: []int64{f.rep}, Statuses: []string{store.OrderActive}}, fm)
		}, "合同订单", Columns, "DD-20260210-001", map[string]string{"负责人": "李四", "状态": "执行中", "逾期": "只看有逾期的订单（截至 2026-03-15）"}},
		{"orders of a customer signed in a period", func(fm string) (string, error) {
			return f.s.Export(Filter{CustomerID: f.cust, SignedFrom: "2026-01-01", SignedTo: "2026-01-31", Query: "合同"}, fm)
		}, "合同订单", Columns, "DD-20260105-001", map[string]string{"客户": "大商股份", "签约日期": "2026-01-01 ~ 2026-01-31", "搜索": "合同"}},
		{"receipts by method", func(fm string) (string, error) {
			return f.s.ExportReceipts(ReceiptFilter{Methods: []string{"现金"}}, fm)
		}, "回款", ReceiptColumns, "HK-20260120-001", map[string]string{"回款方式": "现金"}},
		{"receipts of an order", func(fm string) (string, error) {
			return f.s.ExportReceipts(ReceiptFilter{OrderID: first, DateFrom: "2026-01-01"}, fm)
		}, "回款", ReceiptColumns, "HK-20260120-001", map[string]string{"订单": "DD-20260105-001", "回款日期": "2026-01-01 起"}},
		{"invoices of an owner's orders", func(fm string) (string, error) {
			return f.s.ExportInvoices(InvoiceFilter{OwnerIDs: []int64{f.owner}}, fm)
		}, "开票", InvoiceColumns, "INV-1", map[string]string{"负责人": "张三"}},
		{"invoices by kind up to a day", func(fm string) (string, error) {
			return f.s.ExportInvoices(InvoiceFilter{Kinds: []string{"增值税普通发票"}, DateTo: "2026-01-31"}, fm)
		}, "开票", InvoiceColumns, "INV-1", map[string]string{"发票类型": "增值税普通发票", "开票日期": "至 2026-01-31"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path, err := tt.run("csv")
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(path, dir) || !strings.HasSuffix(path, tt.file+"-20260315.csv") {
				t.Errorf("written to %s", path)
			}
			recs := exporttest.ReadCSV(t, path)
			if path, err = tt.run("xlsx"); err != nil {
				t.Fatal(err)
			}
			x := exporttest.OpenXLSX(t, path)
			exporttest.CheckTable(t, x, tt.file, tt.cols)
			rows := exporttest.Rows(t, x, tt.file)
			var c, v []string
			for _, r := range recs[1:] {
				c = append(c, r[0])
			}
			for _, r := range rows[1:] {
				v = append(v, r[0])
			}
			if strings.Join(c, ",") != tt.want || strings.Join(v, ",") != tt.want {
				t.Errorf("csv %v, xlsx %v, want %s", c, v, tt.want)
			}
			got := exporttest.Filters(t, x)
			for k, want := range tt.filters {
				if got[k] != want {
					t.Errorf("filter %s = %q, want %q (all %q)", k, got[k], want, got)
				}
			}
			exporttest.CheckRefusals(t, f.s.env, tt.run)
			f.s.env.SetPicker(svc.DirPicker(dir))
		})
	}
	bad := []struct {
		name  string
		err   error
		field string
	}{
		{"orders", second(f.s.Export(Filter{SignedFrom: "x"}, "csv")), "signedFrom"},
		{"receipts", second(f.s.ExportReceipts(ReceiptFilter{Sort: "x"}, "xlsx")), "sort"},
		{"invoices", second(f.s.ExportInvoices(InvoiceFilter{DateTo: "2026-13-01"}, "csv")), "dateTo"},
	}
	for _, tt := range bad {
		if e, ok := apperr.As(tt.err); !ok || e.Code != apperr.CodeInvalid || e.Field != tt.field {
			t.Errorf("%s with a bad filter: %v, want invalid %s", tt.name, tt.err, tt.field)
		}
	}
}

func second(_ string, err error) error { return err }
