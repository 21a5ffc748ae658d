package quote

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"funneldesk/backend/apperr"
	"funneldesk/backend/export/exporttest"
	"funneldesk/backend/opportunity"
	"funneldesk/backend/product"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
	"funneldesk/backend/svc"
)

func TestCapital(t *testing.T) {
	tests := []struct {
		cents int64
		want  string
	}{
		{0, "零元整"},
		{1005, "壹拾元零伍分"},
		{10000000, "壹拾万元整"},
		{123456789, "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"},
		{1000000010, "壹仟万元零壹角"},
		{1234567, "壹万贰仟叁佰肆拾伍元陆角柒分"},
		{1, "壹分"},
		{10, "壹角"},
		{35, "叁角伍分"},
		{100, "壹元整"},
		{1000, "壹拾元整"},
		{1500, "壹拾伍元整"},
		{100100, "壹仟零壹元整"},
		{101000, "壹仟零壹拾元整"},
		{168032, "壹仟陆佰捌拾元零叁角贰分"},
		{1640902, "壹万陆仟肆佰零玖元零贰分"},
		{32504, "叁佰贰拾伍元零肆分"},
		{10700053, "壹拾万柒仟元零伍角叁分"},
		{1000100, "壹万零壹元整"},
		{10000000000, "壹亿元整"},
		{10001000000, "壹亿零壹万元整"},
		{10000000100, "壹亿零壹元整"},
		{11000000000, "壹亿壹仟万元整"},
		{100000000000000, "壹万亿元整"},
		{123450000000000, "壹万贰仟叁佰肆拾伍亿元整"},
		{-1005, "负壹拾元零伍分"},
	}
	for _, tt := range tests {
		if got := Capital(tt.cents); got != tt.want {
			t.Errorf("Capital(%d) = %s, want %s", tt.cents, got, tt.want)
		}
	}
}

type fixture struct {
	s          *Service
	st         *store.Store
	ps         *product.Service
	owner      int64
	cust       int64
	other      int64
	a, b       store.Product
	open, lost int64 // opportunities
	won        int64
}

var today = time.Date(2026, 3, 15, 10, 0, 0, 0, time.Local)

func newFixture(t *testing.T) fixture {
	t.Helper()
	st := storetest.New(t)
	f := fixture{s: NewService(st, svc.New(nil)), st: st, ps: product.NewService(st, svc.New(nil)), owner: storetest.Owner(t, st, "张三")}
	SetClock(f.s, func() time.Time { return today })
	f.cust = storetest.Customer(t, st, "大商股份", f.owner)
	f.other = storetest.Customer(t, st, "喜多多贸易", f.owner)
	var err error
	if f.a, err = f.ps.Create(product.Input{Code: "A-1", Name: "激光打印机", Unit: "台", Price: "1999"}); err != nil {
		t.Fatal(err)
	}
	if f.b, err = f.ps.Create(product.Input{Code: "B-1", Name: "维保服务", Unit: "年", Price: "500"}); err != nil {
		t.Fatal(err)
	}
	f.open = f.opportunity(t, "需求分析")
	f.lost = f.opportunity(t, "未成结束")
	f.won = f.opportunity(t, "谈成结束")
	if _, err := f.ps.SetOpportunityLines(f.open, product.OpportunityLinesInput{FollowLines: true, Lines: []product.LineInput{
		{ProductID: f.a.ID, Quantity: "2", UnitPrice: "1800"}, {ProductID: f.b.ID, Quantity: "1"}}}); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f fixture) opportunity(t *testing.T, stage string) int64 {
	t.Helper()
	stg := storetest.Stage(t, f.st, stage)
	id, err := store.InsertOpportunity(context.Background(), f.st.W, store.Opportunity{Name: "打印机采购-" + stage,
		CustomerID: f.cust, OwnerID: f.owner, StageID: stg.ID, ProbabilityBP: stg.ProbabilityBP, LostReason: "价格"})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func (f fixture) input() Input {
	return Input{CustomerID: f.cust, OwnerID: f.owner, Lines: []product.LineInput{{ProductID: f.a.ID, Quantity: "1"}}}
}

func TestCreateFromOpportunity(t *testing.T) {
	f := newFixture(t)
	in, err := f.s.DraftFromOpportunity(f.open)
	if err != nil {
		t.Fatal(err)
	}
	if in.CustomerID != f.cust || in.OpportunityID != f.open || in.QuoteDate != "2026-03-15" || in.ValidUntil != "2026-04-14" || len(in.Lines) != 2 {
		t.Fatalf("draft = %+v", in)
	}
	if in.Lines[0].UnitPrice != "1800.00" || in.Lines[0].Quantity != "2" {
		t.Errorf("the opportunity's price was not carried over: %+v", in.Lines[0])
	}
	d, err := f.s.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	q := d.Quote
	if q.Number != "BJ-20260315-001" || q.Status != store.QuoteOpen || q.TotalCents != 360000+50000 || q.OpportunityID == nil || *q.OpportunityID != f.open {
		t.Errorf("created %+v", q)
	}
	if len(d.Lines) != 2 || d.Lines[1].ProductName != "维保服务" || d.Lines[1].Unit != "年" {
		t.Errorf("lines %+v", d.Lines)
	}
	// The next quote of the day gets the next number; another day starts again.
	d2, err := f.s.Create(f.input())
	if err != nil || d2.Quote.Number != "BJ-20260315-002" {
		t.Errorf("second number: %+v, %v", d2.Quote.Number, err)
	}
	in3 := f.input()
	in3.QuoteDate = "2026/3/1"
	d3, err := f.s.Create(in3)
	if err != nil || d3.Quote.Number != "BJ-20260301-001" || d3.Quote.QuoteDate != "2026-03-01" {
		t.Errorf("dated quote: %+v, %v", d3.Quote, err)
	}
}

func TestCreateRefusals(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name  string
		edit  func(*Input)
		code  string
		field string
	}{
		{"standalone", func(in *Input) {}, "", ""},
		{"won opportunity", func(in *Input) { in.OpportunityID = f.won }, "", ""},
		{"opportunity's customer by default", func(in *Input) { in.OpportunityID, in.CustomerID = f.open, 0 }, "", ""},
		{"lost opportunity", func(in *Input) { in.OpportunityID = f.lost }, apperr.CodeConflict, "opportunityId"},
		{"unknown opportunity", func(in *Input) { in.OpportunityID = 999 }, apperr.CodeInvalid, "opportunityId"},
		{"another customer than the opportunity's", func(in *Input) { in.OpportunityID, in.CustomerID = f.open, f.other }, apperr.CodeInvalid, "customerId"},
		{"no customer", func(in *Input) { in.CustomerID = 0 }, apperr.CodeInvalid, "customerId"},
		{"no owner", func(in *Input) { in.OwnerID = 0 }, apperr.CodeInvalid, "ownerId"},
		{"no lines", func(in *Input) { in.Lines = nil }, apperr.CodeInvalid, "lines"},
		{"bad line", func(in *Input) { in.Lines[0].Quantity = "x" }, apperr.CodeInvalid, "lines[0].quantity"},
		{"bad date", func(in *Input) { in.QuoteDate = "2026-02-30" }, apperr.CodeInvalid, "quoteDate"},
		{"valid until before the date", func(in *Input) { in.ValidUntil = "2026-03-14" }, apperr.CodeInvalid, "validUntil"},
		{"valid until the same day", func(in *Input) { in.ValidUntil = "2026-03-15" }, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := f.input()
			in.Lines = append([]product.LineInput{}, in.Lines...)
			tt.edit(&in)
			before := storetest.Count(t, f.st, "quotes")
			_, err := f.s.Create(in)
			storetest.WantErr(t, err, tt.code, tt.field)
			if err != nil && storetest.Count(t, f.st, "quotes") != before {
				t.Error("a refused quote was written")
			}
		})
	}
	if _, err := f.s.DraftFromOpportunity(f.lost); !apperr.Is(err, apperr.CodeConflict) {
		t.Errorf("draft from a lost opportunity: %v", err)
	}
	if e, _ := apperr.As(func() error { _, err := f.s.DraftFromOpportunity(f.lost); return err }()); !strings.Contains(e.Message, "不能再继续后续业务") {
		t.Errorf("message %q", e.Message)
	}
}

// TestQuoteAllErrors: an empty quote form hears of every missing field, a
// wrong one of every wrong field and line cell, at once.
func TestQuoteAllErrors(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name   string
		in     Input
		fields []string
	}{
		{"empty", Input{}, []string{"customerId", "ownerId", "lines"}},
		{"wrong everywhere", Input{CustomerID: f.cust, OwnerID: 999, QuoteDate: "2026-02-30", ValidUntil: "x",
			Lines: []product.LineInput{{ProductID: f.a.ID, Quantity: "x"}, {Quantity: "1"}}},
			[]string{"ownerId", "quoteDate", "validUntil", "lines[0].quantity", "lines[1].productId"}},
		{"valid until before the date and no lines", Input{CustomerID: f.cust, OwnerID: f.owner, QuoteDate: "2026-03-15", ValidUntil: "2026-03-01"},
			[]string{"validUntil", "lines"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.s.Create(tt.in)
			storetest.WantFields(t, err, tt.fields...)
			if storetest.Count(t, f.st, "quotes") != 0 {
				t.Error("a refused quote was written")
			}
		})
	}
}

// TestTransitions tries every action in every status.
func TestTransitions(t *testing.T) {
	f := newFixture(t)
	type action struct {
		name string
		do   func(id int64) error
	}
	actions := []action{
		{"approve", func(id int64) error { _, err := f.s.Approve(id); return err }},
		{"unapprove", func(id int64) error { _, err := f.s.Unapprove(id); return err }},
		{"close", func(id int64) error { _, err := f.s.Close(id); return err }},
		{"edit", func(id int64) error { _, err := f.s.Update(id, f.input()); return err }},
		{"delete", func(id int64) error { return f.s.Delete(id) }},
		{"order", func(id int64) error { _, _, err := ForOrder(context.Background(), f.st.DB, id); return err }},
	}
	// allowed[status][action] → the status after, or "" when refused.
	allowed := map[string]map[string]string{
		store.QuoteOpen:     {"approve": store.QuoteApproved, "close": store.QuoteClosed, "edit": store.QuoteOpen, "delete": "deleted"},
		store.QuoteApproved: {"unapprove": store.QuoteOpen, "close": store.QuoteClosed, "order": store.QuoteApproved},
		store.QuoteClosed:   {},
	}
	reach := func(t *testing.T, status string) int64 {
		t.Helper()
		d, err := f.s.Create(f.input())
		if err != nil {
			t.Fatal(err)
		}
		switch status {
		case store.QuoteApproved:
			_, err = f.s.Approve(d.Quote.ID)
		case store.QuoteClosed:
			_, err = f.s.Close(d.Quote.ID)
		}
		if err != nil {
			t.Fatal(err)
		}
		return d.Quote.ID
	}
	for _, status := range []string{store.QuoteOpen, store.QuoteApproved, store.QuoteClosed} {
		for _, a := range actions {
			t.Run(status+"/"+a.name, func(t *testing.T) {
				id := reach(t, status)
				err := a.do(id)
				next := allowed[status][a.name]
				if next == "" {
					if !apperr.Is(err, apperr.CodeConflict) {
						t.Fatalf("%s of a %s quote: %v, want a conflict", a.name, status, err)
					}
					next = status
				} else if err != nil {
					t.Fatalf("%s of a %s quote: %v", a.name, status, err)
				}
				x, err := store.GetQuote(context.Background(), f.st.DB, id)
				if next == "deleted" {
					if err != store.ErrNotFound {
						t.Errorf("not deleted: %v", err)
					}
					return
				}
				if err != nil || x.Status != next {
					t.Errorf("status after %s = %s, want %s", a.name, x.Status, next)
				}
			})
		}
	}
	if _, err := f.s.Approve(999); !apperr.Is(err, apperr.CodeNotFound) {
		t.Errorf("approve unknown: %v", err)
	}
}

func TestLostOpportunityStopsTheQuote(t *testing.T) {
	f := newFixture(t)
	in := f.input()
	in.OpportunityID = f.open
	d, err := f.s.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	// The opportunity is lost after the quote was made.
	lost := storetest.Stage(t, f.st, "未成结束")
	if _, err := f.st.W.Exec(`UPDATE opportunities SET stage_id = ? WHERE id = ?`, lost.ID, f.open); err != nil {
		t.Fatal(err)
	}
	_, err = f.s.Approve(d.Quote.ID)
	storetest.WantErr(t, err, apperr.CodeConflict, "opportunityId")
	_, err = f.s.Update(d.Quote.ID, in)
	storetest.WantErr(t, err, apperr.CodeConflict, "opportunityId")
	// Closing is still possible.
	if _, err := f.s.Close(d.Quote.ID); err != nil {
		t.Errorf("close: %v", err)
	}
}

func TestUpdate(t *testing.T) {
	f := newFixture(t)
	d, err := f.s.Create(f.input())
	if err != nil {
		t.Fatal(err)
	}
	in := f.input()
	in.Title = "新主题"
	in.Terms = "含税含运费"
	in.Lines = []product.LineInput{{ProductID: f.b.ID, Quantity: "3", Discount: "10"}}
	d2, err := f.s.Update(d.Quote.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	if d2.Quote.Number != d.Quote.Number || d2.Quote.TotalCents != 135000 || len(d2.Lines) != 1 || d2.Quote.Title != "新主题" {
		t.Errorf("updated %+v %+v", d2.Quote, d2.Lines)
	}
	if _, err := f.s.Update(999, in); !apperr.Is(err, apperr.CodeNotFound) {
		t.Errorf("update unknown: %v", err)
	}
}

func TestListAndExport(t *testing.T) {
	f := newFixture(t)
	mk := func(date string, cust int64, opp int64, approve bool) {
		t.Helper()
		in := f.input()
		in.QuoteDate, in.CustomerID, in.OpportunityID = date, cust, opp
		d, err := f.s.Create(in)
		if err != nil {
			t.Fatal(err)
		}
		if approve {
			if _, err := f.s.Approve(d.Quote.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	mk("2026-01-05", f.cust, f.open, true)
	mk("2026-02-10", f.other, 0, false)
	mk("2026-03-01", f.cust, 0, false)
	tests := []struct {
		name    string
		f       Filter
		numbers string
	}{
		{"newest first", Filter{}, "BJ-20260301-001,BJ-20260210-001,BJ-20260105-001"},
		{"by number", Filter{Sort: "number"}, "BJ-20260105-001,BJ-20260210-001,BJ-20260301-001"},
		{"approved", Filter{Statuses: []string{store.QuoteApproved}}, "BJ-20260105-001"},
		{"customer", Filter{CustomerID: f.other}, "BJ-20260210-001"},
		{"opportunity", Filter{OpportunityID: f.open}, "BJ-20260105-001"},
		{"dates", Filter{DateFrom: "2026-02-01", DateTo: "2026-03-01"}, "BJ-20260301-001,BJ-20260210-001"},
		{"query on customer", Filter{Query: "喜多多"}, "BJ-20260210-001"},
		{"query on number", Filter{Query: "0105"}, "BJ-20260105-001"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := f.s.List(ListRequest{Filter: tt.f})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, q := range p.Items {
				got = append(got, q.Number)
			}
			if strings.Join(got, ",") != tt.numbers || p.Total != len(got) {
				t.Errorf("got %v (total %d), want %s", got, p.Total, tt.numbers)
			}
		})
	}
	for _, bad := range []Filter{{Sort: "x"}, {Statuses: []string{"gone"}}, {DateFrom: "yesterday"}} {
		if _, err := f.s.List(ListRequest{Filter: bad}); !apperr.Is(err, apperr.CodeInvalid) {
			t.Errorf("filter %+v: %v", bad, err)
		}
	}
	dir := exporttest.Dir(t, f.s.env)
	path, err := f.s.Export(Filter{Statuses: []string{store.QuoteApproved}}, "csv")
	if err != nil {
		t.Fatal(err)
	}
	csv, _ := os.ReadFile(path)
	want := "\ufeff报价单号,主题,客户名称,销售机会,负责人,报价日期,有效期至,状态,金额,已生成订单,条款,备注\r\n" +
		"BJ-20260105-001,,大商股份,打印机采购-需求分析,张三,2026-01-05,,已审核,1999.00,0,,\r\n"
	if string(csv) != want || path != filepath.Join(dir, "报价单-20260315.csv") {
		t.Errorf("%s =\n%q\nwant\n%q", path, csv, want)
	}
	exports := []struct {
		name    string
		f       Filter
		numbers string
		filters map[string]string
	}{
		{"all", Filter{Sort: "number"}, "BJ-20260105-001,BJ-20260210-001,BJ-20260301-001", map[string]string{"筛选": "无（全部记录）"}},
		{"statuses and customer", Filter{Statuses: []string{store.QuoteOpen, store.QuoteApproved}, CustomerID: f.cust},
			"BJ-20260301-001,BJ-20260105-001", map[string]string{"状态": "开立、已审核", "客户": "大商股份"}},
		{"opportunity, owner and dates", Filter{OpportunityID: f.open, OwnerIDs: []int64{f.owner}, DateFrom: "2026-01-01", DateTo: "2026-01-31"},
			"BJ-20260105-001", map[string]string{"销售机会": "打印机采购-需求分析", "负责人": "张三", "报价日期": "2026-01-01 ~ 2026-01-31"}},
		{"search", Filter{Query: "喜多多"}, "BJ-20260210-001", map[string]string{"搜索": "喜多多"}},
	}
	for _, tt := range exports {
		t.Run("export "+tt.name, func(t *testing.T) {
			path, err := f.s.Export(tt.f, "csv")
			if err != nil {
				t.Fatal(err)
			}
			recs := exporttest.ReadCSV(t, path)
			if path, err = f.s.Export(tt.f, "xlsx"); err != nil {
				t.Fatal(err)
			}
			x := exporttest.OpenXLSX(t, path)
			exporttest.CheckTable(t, x, "报价单", Columns)
			rows := exporttest.Rows(t, x, "报价单")
			var csvNumbers, xlsxNumbers []string
			for _, r := range recs[1:] {
				csvNumbers = append(csvNumbers, r[0])
			}
			for _, r := range rows[1:] {
				xlsxNumbers = append(xlsxNumbers, r[0])
			}
			if strings.Join(csvNumbers, ",") != tt.numbers || strings.Join(xlsxNumbers, ",") != tt.numbers {
				t.Errorf("csv %v, xlsx %v, want %s", csvNumbers, xlsxNumbers, tt.numbers)
			}
			got := exporttest.Filters(t, x)
			for k, v := range tt.filters {
				if got[k] != v {
					t.Errorf("filter %s = %q, want %q (all %q)", k, got[k], v, got)
				}
			}
		})
	}
	if _, err := f.s.Export(Filter{DateFrom: "yesterday"}, "xlsx"); !apperr.Is(err, apperr.CodeInvalid) {
		t.Errorf("bad filter exported: %v", err)
	}
	exporttest.CheckRefusals(t, f.s.env, func(format string) (string, error) { return f.s.Export(Filter{}, format) })
}

func TestPrint(t *testing.T) {
	f := newFixture(t)
	if _, err := f.s.SetCompany(Company{Name: " "}); !apperr.Is(err, apperr.CodeInvalid) {
		t.Errorf("company without a name: %v", err)
	}
	if _, err := f.s.SetCompany(Company{Name: "北京漏斗科技有限公司", Address: "北京市海淀区中关村大街1号", Phone: "010-88886666",
		TaxID: "91110108MA01ABCD2X", BankName: "招商银行北京分行", BankAccount: "1109 0000 0000 0001"}); err != nil {
		t.Fatal(err)
	}
	in, _ := f.s.DraftFromOpportunity(f.open)
	in.Lines = append(in.Lines, product.LineInput{ProductID: f.b.ID, Quantity: "0.5", UnitPrice: "1234.56", Discount: "12.5"})
	in.Terms = "1. 报价含 13% 增值税\n2. 交货期：合同签订后 15 个工作日"
	d, err := f.s.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	p, err := f.s.printData(d.Quote.ID)
	if err != nil {
		t.Fatal(err)
	}
	// 2 × 1800 + 500 + 0.5 × 1234.56 × 0.875 (540.12) = 4640.12
	if p.TotalCents != 464012 || p.TotalFigures != "¥4,640.12" || p.TotalCapital != "肆仟陆佰肆拾元零壹角贰分" {
		t.Errorf("totals %d %s %s", p.TotalCents, p.TotalFigures, p.TotalCapital)
	}
	if p.Company.TaxID != "91110108MA01ABCD2X" || p.Customer.Name != "大商股份" || p.QuoteDate != "2026-03-15" || p.PrintedOn != "2026-03-15" {
		t.Errorf("print data %+v", p)
	}
	l := p.Lines[2]
	if l.No != 3 || l.ProductName != "维保服务" || l.Unit != "年" || l.Quantity != "0.5" || l.UnitPrice != "1,234.56" || l.Discount != "12.5%" || l.Total != "540.12" {
		t.Errorf("line 3 = %+v", l)
	}
	html, err := f.s.PrintHTML(d.Quote.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"北京漏斗科技有限公司", "报价单", "BJ-20260315-001", "肆仟陆佰肆拾元零壹角贰分", "¥4,640.12", "激光打印机", "1,800.00", "交货期"} {
		if !strings.Contains(html, s) {
			t.Errorf("printed quote lacks %q", s)
		}
	}
	// Text is escaped, not markup.
	if _, err := f.s.SetCompany(Company{Name: "<b>坏</b>"}); err != nil {
		t.Fatal(err)
	}
	html, _ = f.s.PrintHTML(d.Quote.ID)
	if strings.Contains(html, "<b>坏</b>") {
		t.Error("company name printed as markup")
	}
	if _, err := f.s.printData(999); !apperr.Is(err, apperr.CodeNotFound) {
		t.Errorf("print unknown: %v", err)
	}

	dir := exporttest.Dir(t, f.s.env)
	path, err := f.s.SavePrintHTML(d.Quote.ID)
	if err != nil || path != filepath.Join(dir, "报价单-BJ-20260315-001.html") {
		t.Fatalf("SavePrintHTML = %q, %v", path, err)
	}
	if saved, _ := os.ReadFile(path); string(saved) != html {
		t.Error("the saved page is not the printed one")
	}
	if _, err := f.s.SavePrintHTML(999); !apperr.Is(err, apperr.CodeNotFound) {
		t.Errorf("save unknown: %v", err)
	}
	f.s.env.SetPicker(func(string) (string, error) { return "", nil })
	if path, err := f.s.SavePrintHTML(d.Quote.ID); path != "" || err != nil {
		t.Errorf("cancelled save = %q, %v", path, err)
	}
	if files := exporttest.Files(t, dir); len(files) != 1 {
		t.Errorf("files %v", files)
	}
}

// TestOpportunityDeletedLeavesQuotes: deleting an opportunity (its own
// service) keeps its quotes, standalone.
func TestOpportunityDeletedLeavesQuotes(t *testing.T) {
	f := newFixture(t)
	in, _ := f.s.DraftFromOpportunity(f.open)
	d, err := f.s.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := opportunity.NewService(f.st, svc.New(nil)).BatchDelete([]int64{f.open}); err != nil {
		t.Fatalf("delete the opportunity: %v", err)
	}
	got, err := f.s.Get(d.Quote.ID)
	if err != nil || got.Quote.OpportunityID != nil || len(got.Lines) != 2 {
		t.Errorf("quote after its opportunity went: %+v, %v", got.Quote, err)
	}
	if n := storetest.Count(t, f.st, "opportunity_lines"); n != 0 {
		t.Errorf("%d opportunity lines left", n)
	}
}
