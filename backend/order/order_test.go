package order

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"funneldesk/backend/apperr"
	"funneldesk/backend/opportunity"
	"funneldesk/backend/product"
	"funneldesk/backend/quote"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
	"funneldesk/backend/svc"
)

var today = time.Date(2026, 3, 15, 10, 0, 0, 0, time.Local)

type fixture struct {
	s           *Service
	qs          *quote.Service
	ps          *product.Service
	st          *store.Store
	owner, rep  int64
	cust, other int64
	a, b        store.Product
	open, lost  int64
	won         int64
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	st := storetest.New(t)
	f := &fixture{s: NewService(st, svc.New(nil)), qs: quote.NewService(st, svc.New(nil)), ps: product.NewService(st, svc.New(nil)), st: st,
		owner: storetest.Owner(t, st, "张三"), rep: storetest.Owner(t, st, "李四")}
	f.setToday(t, today)
	f.cust = storetest.Customer(t, st, "大商股份", f.owner)
	f.other = storetest.Customer(t, st, "喜多多贸易", f.rep)
	var err error
	if f.a, err = f.ps.Create(product.Input{Code: "A-1", Name: "激光打印机", Unit: "台", Price: "1000"}); err != nil {
		t.Fatal(err)
	}
	if f.b, err = f.ps.Create(product.Input{Code: "B-1", Name: "硒鼓", Unit: "个", Price: "100"}); err != nil {
		t.Fatal(err)
	}
	f.open = f.opportunity(t, "商务谈判")
	f.lost = f.opportunity(t, "未成结束")
	f.won = f.opportunity(t, "谈成结束")
	if _, err := f.ps.SetOpportunityLines(f.open, product.OpportunityLinesInput{Lines: []product.LineInput{
		{ProductID: f.a.ID, Quantity: "3", UnitPrice: "900"}}}); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fixture) setToday(t *testing.T, d time.Time) {
	SetClock(f.s, func() time.Time { return d })
	quote.SetClock(f.qs, func() time.Time { return d })
}

func (f *fixture) opportunity(t *testing.T, stage string) int64 {
	t.Helper()
	stg := storetest.Stage(t, f.st, stage)
	id, err := store.InsertOpportunity(context.Background(), f.st.W, store.Opportunity{Name: "采购-" + stage,
		CustomerID: f.cust, OwnerID: f.owner, StageID: stg.ID, ProbabilityBP: stg.ProbabilityBP, LostReason: "价格"})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// byHand is an order for cust of n printers at 1,000.00.
func (f *fixture) byHand(cust int64, n string) Input {
	return Input{CustomerID: cust, OwnerID: f.owner, SignedDate: "2026-03-01",
		Lines: []product.LineInput{{ProductID: f.a.ID, Quantity: n}}}
}

func (f *fixture) create(t *testing.T, in Input) Detail {
	t.Helper()
	d, err := f.s.Create(in)
	if err != nil {
		t.Fatalf("create order: %v", err)
	}
	return d
}

func (f *fixture) approvedQuote(t *testing.T, opp int64) int64 {
	t.Helper()
	in := quote.Input{CustomerID: f.cust, OpportunityID: opp, OwnerID: f.rep,
		Lines: []product.LineInput{{ProductID: f.a.ID, Quantity: "2", Discount: "10"}, {ProductID: f.b.ID, Quantity: "5"}}}
	d, err := f.qs.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.qs.Approve(d.Quote.ID); err != nil {
		t.Fatal(err)
	}
	return d.Quote.ID
}

func TestCreateByHand(t *testing.T) {
	f := newFixture(t)
	d := f.create(t, f.byHand(f.cust, "2"))
	o := d.Order
	if o.Number != "DD-20260301-001" || o.Status != store.OrderActive || o.TotalCents != 200000 || o.OutstandingCents != 200000 || o.OpportunityID != nil {
		t.Errorf("order %+v", o)
	}
	// Without a plan: one installment of everything, due on signing (no credit days), held by the owner.
	if len(d.Plan) != 1 || d.Plan[0].AmountCents != 200000 || d.Plan[0].DueDate != "2026-03-01" || d.Plan[0].OwnerID != f.owner {
		t.Errorf("default plan %+v", d.Plan)
	}
	if d.Figures.OverdueCents != 200000 || !d.Plan[0].Overdue {
		t.Errorf("due on 03-01, unpaid on 03-15: overdue %d", d.Figures.OverdueCents)
	}
	if d2 := f.create(t, f.byHand(f.cust, "1")); d2.Order.Number != "DD-20260301-002" {
		t.Errorf("second number %s", d2.Order.Number)
	}
	// Credit days set the default due date.
	if _, err := f.s.SetCustomerCredit(f.other, CreditInput{Days: 30}); err != nil {
		t.Fatal(err)
	}
	if d3 := f.create(t, f.byHand(f.other, "1")); d3.Plan[0].DueDate != "2026-03-31" || d3.Figures.OverdueCents != 0 {
		t.Errorf("credit days: plan %+v", d3.Plan)
	}
	tests := []struct {
		name  string
		edit  func(*Input)
		code  string
		field string
	}{
		{"no customer", func(in *Input) { in.CustomerID = 0 }, apperr.CodeInvalid, "customerId"},
		{"no lines", func(in *Input) { in.Lines = nil }, apperr.CodeInvalid, "lines"},
		{"no owner", func(in *Input) { in.OwnerID = 0 }, apperr.CodeInvalid, "ownerId"},
		{"bad signing date", func(in *Input) { in.SignedDate = "3月1日" }, apperr.CodeInvalid, "signedDate"},
		{"bad line", func(in *Input) { in.Lines = []product.LineInput{{ProductID: f.a.ID, Quantity: "1.0001"}} }, apperr.CodeInvalid, "lines[0].quantity"},
		{"plan not adding up", func(in *Input) { in.Plan = []InstallmentInput{{DueDate: "2026-04-01", Amount: "999"}} }, apperr.CodeInvalid, "plan"},
		{"plan adding up", func(in *Input) {
			in.Plan = []InstallmentInput{{DueDate: "2026-04-01", Amount: "400"}, {DueDate: "2026-05-01", Amount: "600", OwnerID: f.rep}}
		}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := f.byHand(f.cust, "1")
			tt.edit(&in)
			before := storetest.Count(t, f.st, "orders")
			_, err := f.s.Create(in)
			storetest.WantErr(t, err, tt.code, tt.field)
			if err != nil && storetest.Count(t, f.st, "orders") != before {
				t.Error("a refused order was written")
			}
		})
	}
}

func TestCreateFromQuote(t *testing.T) {
	f := newFixture(t)
	qid := f.approvedQuote(t, f.open)
	in, err := f.s.DraftFromQuote(qid)
	if err != nil {
		t.Fatal(err)
	}
	if in.CustomerID != f.cust || in.OpportunityID != f.open || in.QuoteID != qid || in.OwnerID != f.rep || len(in.Lines) != 2 || in.SignedDate != "2026-03-15" {
		t.Fatalf("draft %+v", in)
	}
	// Lines left empty are the quote's.
	in.Lines = nil
	d := f.create(t, in)
	// 2 × 1000 × 0.9 + 5 × 100
	if d.Order.TotalCents != 230000 || d.Order.QuoteID == nil || *d.Order.QuoteID != qid || d.Order.QuoteNumber == "" || len(d.Lines) != 2 || d.Lines[0].DiscountBP != 1000 {
		t.Errorf("order from quote: %+v %+v", d.Order, d.Lines)
	}
	// A quote becomes one order; while it stands the quote cannot be 弃审.
	_, err = f.s.Create(Input{QuoteID: qid, OwnerID: f.owner})
	storetest.WantErr(t, err, apperr.CodeConflict, "quoteId")
	_, err = f.qs.Unapprove(qid)
	storetest.WantErr(t, err, apperr.CodeConflict, "status")
	// Voided, it no longer holds the quote.
	if _, err := f.s.Void(d.Order.ID, "录错了"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.qs.Unapprove(qid); err != nil {
		t.Errorf("unapprove after the order was voided: %v", err)
	}

	open, _ := f.qs.Create(quote.Input{CustomerID: f.cust, OwnerID: f.owner, Lines: []product.LineInput{{ProductID: f.a.ID, Quantity: "1"}}})
	closed, _ := f.qs.Create(quote.Input{CustomerID: f.cust, OwnerID: f.owner, Lines: []product.LineInput{{ProductID: f.a.ID, Quantity: "1"}}})
	if _, err := f.qs.Approve(closed.Quote.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.qs.Close(closed.Quote.ID); err != nil {
		t.Fatal(err)
	}
	other := f.approvedQuote(t, 0)
	tests := []struct {
		name  string
		in    Input
		code  string
		field string
	}{
		{"open quote", Input{QuoteID: open.Quote.ID, OwnerID: f.owner}, apperr.CodeConflict, "quoteId"},
		{"closed quote", Input{QuoteID: closed.Quote.ID, OwnerID: f.owner}, apperr.CodeConflict, "quoteId"},
		{"unknown quote", Input{QuoteID: 999, OwnerID: f.owner}, apperr.CodeInvalid, "quoteId"},
		{"another customer than the quote's", Input{QuoteID: other, CustomerID: f.other, OwnerID: f.owner}, apperr.CodeInvalid, "customerId"},
		{"another opportunity than the quote's", Input{QuoteID: other, OpportunityID: f.open, OwnerID: f.owner}, apperr.CodeInvalid, "opportunityId"},
		{"approved quote", Input{QuoteID: other, OwnerID: f.owner}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.s.Create(tt.in)
			storetest.WantErr(t, err, tt.code, tt.field)
		})
	}
	if _, err := f.s.DraftFromQuote(open.Quote.ID); !apperr.Is(err, apperr.CodeConflict) {
		t.Errorf("draft from an open quote: %v", err)
	}
}

func TestClosedOpportunityRule(t *testing.T) {
	f := newFixture(t)
	// A quote approved while the opportunity was open...
	qid := f.approvedQuote(t, f.open)
	tests := []struct {
		name  string
		in    Input
		code  string
		field string
	}{
		{"lost opportunity", Input{OpportunityID: f.lost, OwnerID: f.owner, Lines: []product.LineInput{{ProductID: f.a.ID, Quantity: "1"}}}, apperr.CodeConflict, "opportunityId"},
		{"won opportunity", Input{OpportunityID: f.won, OwnerID: f.owner, Lines: []product.LineInput{{ProductID: f.a.ID, Quantity: "1"}}}, "", ""},
		{"open opportunity, its lines", Input{OpportunityID: f.open, OwnerID: f.owner, Lines: []product.LineInput{{ProductID: f.a.ID, Quantity: "3", UnitPrice: "900"}}}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := f.s.Create(tt.in)
			storetest.WantErr(t, err, tt.code, tt.field)
			if err == nil && (d.Order.CustomerID != f.cust || d.Order.OpportunityID == nil) {
				t.Errorf("order %+v", d.Order)
			}
		})
	}
	if _, err := f.s.DraftFromOpportunity(f.lost); !apperr.Is(err, apperr.CodeConflict) {
		t.Errorf("draft from a lost opportunity: %v", err)
	}
	if in, err := f.s.DraftFromOpportunity(f.open); err != nil || len(in.Lines) != 1 || in.Lines[0].UnitPrice != "900.00" {
		t.Errorf("draft from an open opportunity: %+v, %v", in, err)
	}
	// ...then the opportunity is lost: the quote can no longer become an order.
	lost := storetest.Stage(t, f.st, "未成结束")
	if _, err := f.st.W.Exec(`UPDATE opportunities SET stage_id = ? WHERE id = ?`, lost.ID, f.open); err != nil {
		t.Fatal(err)
	}
	_, err := f.s.Create(Input{QuoteID: qid, OwnerID: f.owner})
	storetest.WantErr(t, err, apperr.CodeConflict, "opportunityId")
}

func TestCreditControl(t *testing.T) {
	f := newFixture(t)
	// 大商股份 owes 800.00 on an order (1000 ordered, 200 received).
	d := f.create(t, f.byHand(f.cust, "1"))
	if _, err := f.s.RecordReceipt(ReceiptInput{InstallmentID: d.Plan[0].ID, Amount: "200"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.SetCustomerCredit(f.cust, CreditInput{Limit: "1,000", Days: 0}); err != nil {
		t.Fatal(err)
	}
	c, err := f.s.CustomerCredit(f.cust)
	if err != nil || c.UnpaidCents != 80000 || *c.LimitCents != 100000 || *c.AvailableCents != 20000 {
		t.Fatalf("credit %+v, %v", c, err)
	}
	line := func(price string) Input {
		return Input{CustomerID: f.cust, OwnerID: f.owner, Lines: []product.LineInput{{ProductID: f.b.ID, Quantity: "1", UnitPrice: price}}}
	}
	tests := []struct {
		name   string
		in     Input
		ok     bool
		figure []string // in the refusal message
	}{
		{"one cent over", line("200.01"), false, []string{"¥1,000.00", "¥800.00", "¥200.01", "¥0.01"}},
		{"far over", line("5000"), false, []string{"¥1,000.00", "¥800.00", "¥4,800.00"}},
		{"exactly at the limit", line("200"), true, nil},
		{"now at the limit: any more is over", line("0.01"), false, []string{"¥1,000.00", "¥1,000.00", "¥0.01"}},
		{"a free order is never over", line("0"), true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.s.Create(tt.in)
			if tt.ok {
				storetest.WantErr(t, err, "", "")
				return
			}
			storetest.WantErr(t, err, apperr.CodeConflict, "customerId")
			e, _ := apperr.As(err)
			for _, fig := range tt.figure {
				if !strings.Contains(e.Message, fig) || !strings.Contains(e.MessageEn, fig) {
					t.Errorf("message lacks %s:\n%s\n%s", fig, e.Message, e.MessageEn)
				}
			}
			for _, word := range []string{"信用额度", "未收款合计", "超出"} {
				if !strings.Contains(e.Message, word) {
					t.Errorf("message lacks %s: %s", word, e.Message)
				}
			}
		})
	}
	// Money received frees credit; a customer without a limit is unlimited.
	if _, err := f.s.RecordReceipt(ReceiptInput{InstallmentID: d.Plan[0].ID, Amount: "100"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Create(line("100")); err != nil {
		t.Errorf("after a receipt of 100: %v", err)
	}
	if _, err := f.s.Create(Input{CustomerID: f.other, OwnerID: f.owner, Lines: []product.LineInput{{ProductID: f.a.ID, Quantity: "1000"}}}); err != nil {
		t.Errorf("no limit: %v", err)
	}
	// A voided order counts nowhere: voiding one frees its amount.
	if _, err := f.s.SetCustomerCredit(f.other, CreditInput{Limit: "1000000"}); err != nil {
		t.Fatal(err)
	}
	big := Input{CustomerID: f.other, OwnerID: f.owner, Lines: []product.LineInput{{ProductID: f.a.ID, Quantity: "1"}}}
	_, err = f.s.Create(big)
	storetest.WantErr(t, err, apperr.CodeConflict, "customerId")
	var voidID int64
	p, _ := f.s.List(ListRequest{Filter: Filter{CustomerID: f.other}})
	voidID = p.Items[0].ID
	if _, err := f.s.Void(voidID, "客户取消"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Create(big); err != nil {
		t.Errorf("after voiding the big order: %v", err)
	}
	// Credit settings are validated.
	_, err = f.s.SetCustomerCredit(f.cust, CreditInput{Limit: "-1"})
	storetest.WantErr(t, err, apperr.CodeInvalid, "limit")
	_, err = f.s.SetCustomerCredit(f.cust, CreditInput{Days: -1})
	storetest.WantErr(t, err, apperr.CodeInvalid, "days")
	_, err = f.s.SetCustomerCredit(999, CreditInput{})
	storetest.WantErr(t, err, apperr.CodeInvalid, "customerId")
	if c, _ := f.s.SetCustomerCredit(f.cust, CreditInput{Limit: ""}); c.LimitCents != nil || c.AvailableCents != nil {
		t.Errorf("empty limit should remove it: %+v", c)
	}
}

func TestPlan(t *testing.T) {
	f := newFixture(t)
	d := f.create(t, f.byHand(f.cust, "1")) // 1,000.00
	id := d.Order.ID
	tests := []struct {
		name  string
		plan  []InstallmentInput
		code  string
		field string
	}{
		{"short", []InstallmentInput{{DueDate: "2026-04-01", Amount: "300"}, {DueDate: "2026-05-01", Amount: "600"}}, apperr.CodeInvalid, "plan"},
		{"over", []InstallmentInput{{DueDate: "2026-04-01", Amount: "300"}, {DueDate: "2026-05-01", Amount: "700.01"}}, apperr.CodeInvalid, "plan"},
		{"empty", nil, apperr.CodeInvalid, "plan"},
		{"zero installment", []InstallmentInput{{DueDate: "2026-04-01", Amount: "1000"}, {DueDate: "2026-05-01", Amount: "0"}}, apperr.CodeInvalid, "plan[1].amount"},
		{"no due date", []InstallmentInput{{Amount: "1000"}}, apperr.CodeInvalid, "plan[0].dueDate"},
		{"unknown owner", []InstallmentInput{{DueDate: "2026-04-01", Amount: "1000", OwnerID: 999}}, apperr.CodeInvalid, "plan[0].ownerId"},
		{"foreign installment", []InstallmentInput{{ID: 999, DueDate: "2026-04-01", Amount: "1000"}}, apperr.CodeInvalid, "plan[0].id"},
		{"exact, two", []InstallmentInput{{DueDate: "2026-05-01", Amount: "600", OwnerID: f.rep}, {DueDate: "2026-03-10", Amount: "400"}}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.s.SetPlan(id, tt.plan)
			storetest.WantErr(t, err, tt.code, tt.field)
		})
	}
	d, _ = f.s.Get(id)
	// Numbered by due date; the installment without an owner is the order owner's.
	if len(d.Plan) != 2 || d.Plan[0].DueDate != "2026-03-10" || d.Plan[0].Seq != 1 || d.Plan[0].OwnerID != f.owner || d.Plan[1].OwnerID != f.rep {
		t.Fatalf("plan %+v", d.Plan)
	}
	if e, _ := apperr.As(func() error {
		_, err := f.s.SetPlan(id, []InstallmentInput{{DueDate: "2026-04-01", Amount: "300"}})
		return err
	}()); !strings.Contains(e.Message, "¥300.00") || !strings.Contains(e.Message, "¥1,000.00") || !strings.Contains(e.Message, "¥700.00") {
		t.Errorf("the message should give the sum, the total and the difference: %s", e.Message)
	}
	// An installment with receipts stays, and not below what it received.
	if _, err := f.s.RecordReceipt(ReceiptInput{InstallmentID: d.Plan[0].ID, Amount: "250"}); err != nil {
		t.Fatal(err)
	}
	_, err := f.s.SetPlan(id, []InstallmentInput{{DueDate: "2026-04-01", Amount: "1000"}})
	storetest.WantErr(t, err, apperr.CodeConflict, "plan")
	_, err = f.s.SetPlan(id, []InstallmentInput{{ID: d.Plan[0].ID, DueDate: "2026-03-10", Amount: "200"}, {DueDate: "2026-04-01", Amount: "800"}})
	storetest.WantErr(t, err, apperr.CodeInvalid, "plan[0].amount")
	d, err = f.s.SetPlan(id, []InstallmentInput{{ID: d.Plan[0].ID, DueDate: "2026-03-10", Amount: "250"}, {DueDate: "2026-04-01", Amount: "750", OwnerID: f.rep}})
	if err != nil {
		t.Fatal(err)
	}
	if d.Plan[0].ReceivedCents != 25000 || d.Plan[0].OutstandingCents != 0 || d.Figures.PlanCents != 100000 || d.Receipts[0].OwnerName != "张三" {
		t.Errorf("after re-planning: %+v", d.Plan)
	}
	if d.Figures.OverdueCents != 0 {
		t.Errorf("the past installment is paid: overdue %d", d.Figures.OverdueCents)
	}
}

func TestReceiptsAndStatus(t *testing.T) {
	f := newFixture(t)
	d := f.create(t, Input{CustomerID: f.cust, OwnerID: f.owner, SignedDate: "2026-03-01", Lines: []product.LineInput{{ProductID: f.a.ID, Quantity: "1"}},
		Plan: []InstallmentInput{{DueDate: "2026-03-10", Amount: "400"}, {DueDate: "2026-04-10", Amount: "600"}}})
	first, second := d.Plan[0].ID, d.Plan[1].ID
	steps := []struct {
		name                           string
		in                             ReceiptInput
		code, field                    string
		received, outstanding, overdue int64
		status                         string
	}{
		{"over the installment", ReceiptInput{InstallmentID: first, Amount: "400.01"}, apperr.CodeConflict, "amount", 0, 100000, 40000, store.OrderActive},
		{"part of the first", ReceiptInput{InstallmentID: first, Amount: "150", Date: "2026-03-12", Method: "银行转账"}, "", "", 15000, 85000, 25000, store.OrderActive},
		{"the rest of the first", ReceiptInput{InstallmentID: first, Amount: "250"}, "", "", 40000, 60000, 0, store.OrderActive},
		{"the first is paid", ReceiptInput{InstallmentID: first, Amount: "0.01"}, apperr.CodeConflict, "amount", 40000, 60000, 0, store.OrderActive},
		{"zero", ReceiptInput{InstallmentID: second, Amount: "0"}, apperr.CodeInvalid, "amount", 40000, 60000, 0, store.OrderActive},
		{"no amount", ReceiptInput{InstallmentID: second}, apperr.CodeInvalid, "amount", 40000, 60000, 0, store.OrderActive},
		{"bad date", ReceiptInput{InstallmentID: second, Amount: "1", Date: "2026-13-01"}, apperr.CodeInvalid, "date", 40000, 60000, 0, store.OrderActive},
		{"no installment", ReceiptInput{Amount: "1"}, apperr.CodeInvalid, "installmentId", 40000, 60000, 0, store.OrderActive},
		{"the second in full", ReceiptInput{InstallmentID: second, Amount: "600"}, "", "", 100000, 0, 0, store.OrderCompleted},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			_, err := f.s.RecordReceipt(st.in)
			storetest.WantErr(t, err, st.code, st.field)
			d, _ := f.s.Get(d.Order.ID)
			fg := d.Figures
			if fg.ReceivedCents != st.received || fg.OutstandingCents != st.outstanding || fg.OverdueCents != st.overdue || d.Order.Status != st.status {
				t.Errorf("received %d outstanding %d overdue %d status %s; want %d %d %d %s",
					fg.ReceivedCents, fg.OutstandingCents, fg.OverdueCents, d.Order.Status, st.received, st.outstanding, st.overdue, st.status)
			}
		})
	}
	d, _ = f.s.Get(d.Order.ID)
	if len(d.Receipts) != 3 || d.Receipts[0].Number != "HK-20260312-001" || d.Receipts[1].Number != "HK-20260315-001" || d.Receipts[0].Method != "银行转账" {
		t.Errorf("receipts %+v", d.Receipts)
	}
	// Deleting a receipt brings the order back to 执行中.
	d, err := f.s.DeleteReceipt(d.Receipts[2].ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Order.Status != store.OrderActive || d.Figures.OutstandingCents != 60000 || d.Plan[1].ReceivedCents != 0 {
		t.Errorf("after deleting the last receipt: %+v", d.Figures)
	}
	if _, err := f.s.DeleteReceipt(999); !apperr.Is(err, apperr.CodeNotFound) {
		t.Errorf("delete unknown receipt: %v", err)
	}
}

func TestOverdueAsOfToday(t *testing.T) {
	f := newFixture(t)
	d := f.create(t, Input{CustomerID: f.cust, OwnerID: f.owner, SignedDate: "2026-03-01", Lines: []product.LineInput{{ProductID: f.a.ID, Quantity: "1"}},
		Plan: []InstallmentInput{{DueDate: "2026-03-10", Amount: "400"}, {DueDate: "2026-04-10", Amount: "600"}}})
	if _, err := f.s.RecordReceipt(ReceiptInput{InstallmentID: d.Plan[0].ID, Amount: "100"}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		day     string
		overdue int64
		listed  bool
	}{
		{"2026-03-09", 0, false},
		{"2026-03-10", 0, false}, // due today is not overdue yet
		{"2026-03-11", 30000, true},
		{"2026-04-10", 30000, true},
		{"2026-04-11", 90000, true},
	}
	for _, tt := range tests {
		t.Run(tt.day, func(t *testing.T) {
			day, _ := time.ParseInLocation("2006-01-02", tt.day, time.Local)
			f.setToday(t, day)
			got, err := f.s.Get(d.Order.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Figures.OverdueCents != tt.overdue || got.Order.OverdueCents != tt.overdue || got.Figures.AsOf != tt.day {
				t.Errorf("overdue on %s = %d / %d, want %d", tt.day, got.Figures.OverdueCents, got.Order.OverdueCents, tt.overdue)
			}
			p, err := f.s.List(ListRequest{Filter: Filter{Overdue: true}})
			if err != nil {
				t.Fatal(err)
			}
			if (p.Total == 1) != tt.listed || (tt.listed && p.Items[0].OverdueCents != tt.overdue) {
				t.Errorf("overdue list on %s: %+v", tt.day, p)
			}
		})
	}
}

func TestReturns(t *testing.T) {
	f := newFixture(t)
	// 3 printers at 1,000 less 1/3 discount... use 3 × 333.33 to exercise the rounding.
	d := f.create(t, Input{CustomerID: f.cust, OwnerID: f.owner, SignedDate: "2026-03-01",
		Lines: []product.LineInput{{ProductID: f.a.ID, Quantity: "3", UnitPrice: "333.33"}, {ProductID: f.b.ID, Quantity: "10"}},
		Plan:  []InstallmentInput{{DueDate: "2026-03-10", Amount: "999.99"}, {DueDate: "2026-04-10", Amount: "1000"}}})
	la, lb := d.Lines[0].ID, d.Lines[1].ID
	if _, err := f.s.RecordReceipt(ReceiptInput{InstallmentID: d.Plan[0].ID, Amount: "999.99"}); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name        string
		in          ReturnInput
		code, field string
		// figures after the step
		returned, net, outstanding, refund, plan int64
		status                                   string
	}{
		{"no reason", ReturnInput{OrderID: d.Order.ID, Lines: []ReturnLineInput{{OrderLineID: la, Quantity: "1"}}}, apperr.CodeInvalid, "reason", 0, 199999, 100000, 0, 199999, store.OrderActive},
		{"nothing returned", ReturnInput{OrderID: d.Order.ID, Reason: "x", Lines: []ReturnLineInput{{OrderLineID: la, Quantity: ""}}}, apperr.CodeInvalid, "lines", 0, 199999, 100000, 0, 199999, store.OrderActive},
		{"more than ordered", ReturnInput{OrderID: d.Order.ID, Reason: "x", Lines: []ReturnLineInput{{OrderLineID: lb, Quantity: "10.001"}}}, apperr.CodeInvalid, "lines[0].quantity", 0, 199999, 100000, 0, 199999, store.OrderActive},
		{"another order's line", ReturnInput{OrderID: d.Order.ID, Reason: "x", Lines: []ReturnLineInput{{OrderLineID: 999, Quantity: "1"}}}, apperr.CodeInvalid, "lines[0].orderLineId", 0, 199999, 100000, 0, 199999, store.OrderActive},
		{"4 of the 10 cartridges", ReturnInput{OrderID: d.Order.ID, Reason: "型号不符", Lines: []ReturnLineInput{{OrderLineID: lb, Quantity: "4"}}}, "", "", 40000, 159999, 60000, 0, 159999, store.OrderActive},
		{"7 more is more than the 6 left", ReturnInput{OrderID: d.Order.ID, Reason: "x", Lines: []ReturnLineInput{{OrderLineID: lb, Quantity: "7"}}}, apperr.CodeInvalid, "lines[0].quantity", 40000, 159999, 60000, 0, 159999, store.OrderActive},
		{"one printer", ReturnInput{OrderID: d.Order.ID, Reason: "质量问题", Lines: []ReturnLineInput{{OrderLineID: la, Quantity: "1"}}}, "", "", 73333, 126666, 26667, 0, 126666, store.OrderActive},
		{"the other 6 cartridges", ReturnInput{OrderID: d.Order.ID, Reason: "不要了", Lines: []ReturnLineInput{{OrderLineID: lb, Quantity: "6"}}}, "", "", 133333, 66666, 0, 33333, 99999, store.OrderCompleted},
		{"the last two printers", ReturnInput{OrderID: d.Order.ID, Reason: "全退", Lines: []ReturnLineInput{{OrderLineID: la, Quantity: "2"}}}, "", "", 199999, 0, 0, 99999, 99999, store.OrderCompleted},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			_, err := f.s.CreateReturn(st.in)
			storetest.WantErr(t, err, st.code, st.field)
			got, _ := f.s.Get(d.Order.ID)
			fg := got.Figures
			if fg.ReturnedCents != st.returned || fg.NetCents != st.net || fg.OutstandingCents != st.outstanding ||
				fg.RefundDueCents != st.refund || fg.PlanCents != st.plan || got.Order.Status != st.status {
				t.Errorf("returned %d net %d outstanding %d refund %d plan %d %s; want %d %d %d %d %d %s",
					fg.ReturnedCents, fg.NetCents, fg.OutstandingCents, fg.RefundDueCents, fg.PlanCents, got.Order.Status,
					st.returned, st.net, st.outstanding, st.refund, st.plan, st.status)
			}
		})
	}
	got, _ := f.s.Get(d.Order.ID)
	// All three printers came back in two returns: exactly the line total.
	if got.Lines[0].ReturnedCents != got.Lines[0].TotalCents || got.Lines[0].ReturnedQtyMilli != 3000 {
		t.Errorf("printer line %+v", got.Lines[0])
	}
	if len(got.Returns) != 4 || got.Returns[0].Number != "TH-20260315-001" || got.Returns[1].Lines[0].ProductName != "激光打印机" {
		t.Errorf("returns %+v", got.Returns)
	}
	// The emptied second installment without receipts is gone.
	if len(got.Plan) != 1 || got.Plan[0].AmountCents != 99999 {
		t.Errorf("plan %+v", got.Plan)
	}
}

func TestInvoices(t *testing.T) {
	f := newFixture(t)
	d := f.create(t, f.byHand(f.cust, "2")) // 2,000.00
	id := d.Order.ID
	tests := []struct {
		name        string
		in          InvoiceInput
		code, field string
		invoiced    int64
	}{
		{"first", InvoiceInput{OrderID: id, Number: "No.0001", Amount: "1500", Kind: "增值税专用发票", Date: "2026-03-02"}, "", "", 150000},
		{"duplicate number", InvoiceInput{OrderID: id, Number: "No.0001", Amount: "1"}, apperr.CodeConflict, "number", 150000},
		{"over the order", InvoiceInput{OrderID: id, Number: "No.0002", Amount: "500.01"}, apperr.CodeConflict, "amount", 150000},
		{"unknown kind", InvoiceInput{OrderID: id, Number: "No.0002", Amount: "1", Kind: "收据"}, apperr.CodeInvalid, "kind", 150000},
		{"no number", InvoiceInput{OrderID: id, Amount: "1"}, apperr.CodeInvalid, "number", 150000},
		{"no order", InvoiceInput{Number: "No.0009", Amount: "1"}, apperr.CodeInvalid, "orderId", 150000},
		{"the rest", InvoiceInput{OrderID: id, Number: "No.0002", Amount: "500"}, "", "", 200000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.s.AddInvoice(tt.in)
			storetest.WantErr(t, err, tt.code, tt.field)
			got, _ := f.s.Get(id)
			if got.Figures.InvoicedCents != tt.invoiced || got.Figures.ReceivedCents != 0 {
				t.Errorf("invoiced %d received %d, want %d 0", got.Figures.InvoicedCents, got.Figures.ReceivedCents, tt.invoiced)
			}
		})
	}
	got, _ := f.s.Get(id)
	if got.Figures.UninvoicedCents != 0 || len(got.Invoices) != 2 || got.Invoices[0].Date != "2026-03-02" || got.Invoices[1].Date != "2026-03-15" {
		t.Errorf("invoices %+v", got.Invoices)
	}
	got, err := f.s.DeleteInvoice(got.Invoices[1].ID)
	if err != nil || got.Figures.InvoicedCents != 150000 || got.Figures.UninvoicedCents != 50000 {
		t.Errorf("after deleting an invoice: %+v, %v", got.Figures, err)
	}
}

func TestVoid(t *testing.T) {
	f := newFixture(t)
	d := f.create(t, f.byHand(f.cust, "1"))
	id := d.Order.ID
	_, err := f.s.Void(id, " ")
	storetest.WantErr(t, err, apperr.CodeInvalid, "reason")
	// Receipts and invoices must go first.
	if d, err = f.s.RecordReceipt(ReceiptInput{InstallmentID: d.Plan[0].ID, Amount: "10"}); err != nil {
		t.Fatal(err)
	}
	_, err = f.s.Void(id, "取消")
	storetest.WantErr(t, err, apperr.CodeConflict, "id")
	if d, err = f.s.DeleteReceipt(d.Receipts[0].ID); err != nil {
		t.Fatal(err)
	}
	if d, err = f.s.AddInvoice(InvoiceInput{OrderID: id, Number: "F1", Amount: "10"}); err != nil {
		t.Fatal(err)
	}
	_, err = f.s.Void(id, "取消")
	storetest.WantErr(t, err, apperr.CodeConflict, "id")
	if _, err = f.s.DeleteInvoice(d.Invoices[0].ID); err != nil {
		t.Fatal(err)
	}
	d, err = f.s.Void(id, "客户取消")
	if err != nil {
		t.Fatal(err)
	}
	if d.Order.Status != store.OrderVoided || d.Order.VoidReason != "客户取消" || d.Figures.OutstandingCents != 0 || d.Figures.OverdueCents != 0 || len(d.Allowed) != 0 {
		t.Errorf("voided %+v %+v", d.Order, d.Figures)
	}
	// Kept, and nothing more can be done with it.
	if storetest.Count(t, f.st, "orders") != 1 {
		t.Error("the voided order is gone")
	}
	refusals := []struct {
		name string
		do   func() error
	}{
		{"void again", func() error { _, err := f.s.Void(id, "x"); return err }},
		{"edit", func() error {
			_, err := f.s.Update(id, HeaderInput{OwnerID: f.owner, SignedDate: "2026-03-01"})
			return err
		}},
		{"plan", func() error {
			_, err := f.s.SetPlan(id, []InstallmentInput{{DueDate: "2026-04-01", Amount: "1000"}})
			return err
		}},
		{"receipt", func() error {
			_, err := f.s.RecordReceipt(ReceiptInput{InstallmentID: d.Plan[0].ID, Amount: "1"})
			return err
		}},
		{"invoice", func() error {
			_, err := f.s.AddInvoice(InvoiceInput{OrderID: id, Number: "F2", Amount: "1"})
			return err
		}},
		{"return", func() error {
			_, err := f.s.CreateReturn(ReturnInput{OrderID: id, Reason: "x", Lines: []ReturnLineInput{{OrderLineID: d.Lines[0].ID, Quantity: "1"}}})
			return err
		}},
	}
	for _, r := range refusals {
		t.Run(r.name, func(t *testing.T) {
			if err := r.do(); !apperr.Is(err, apperr.CodeConflict) {
				t.Errorf("%s on a voided order: %v", r.name, err)
			}
		})
	}
	// It counts nowhere: not in the customer's unpaid, not in the outstanding or overdue lists.
	if c, _ := f.s.CustomerCredit(f.cust); c.UnpaidCents != 0 {
		t.Errorf("unpaid %d", c.UnpaidCents)
	}
	for _, fl := range []Filter{{Outstanding: true}, {Overdue: true}} {
		if p, _ := f.s.List(ListRequest{Filter: fl}); p.Total != 0 {
			t.Errorf("voided order listed under %+v", fl)
		}
	}
	if p, _ := f.s.List(ListRequest{Filter: Filter{Statuses: []string{store.OrderVoided}}}); p.Total != 1 {
		t.Errorf("voided list: %d", p.Total)
	}
}

func TestUpdateHeader(t *testing.T) {
	f := newFixture(t)
	d := f.create(t, f.byHand(f.cust, "1"))
	got, err := f.s.Update(d.Order.ID, HeaderInput{Title: "年度采购合同", OwnerID: f.rep, SignedDate: "2026-03-02", Notes: "备注"})
	if err != nil {
		t.Fatal(err)
	}
	if got.Order.Title != "年度采购合同" || got.Order.OwnerID != f.rep || got.Order.SignedDate != "2026-03-02" || got.Order.Number != d.Order.Number {
		t.Errorf("updated %+v", got.Order)
	}
	_, err = f.s.Update(d.Order.ID, HeaderInput{OwnerID: f.rep})
	storetest.WantErr(t, err, apperr.CodeInvalid, "signedDate")
	_, err = f.s.Update(999, HeaderInput{OwnerID: f.rep, SignedDate: "2026-03-02"})
	storetest.WantErr(t, err, apperr.CodeNotFound, "id")
}

func TestDocumentsHoldCustomerAndOwner(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for _, id := range []int64{f.cust, f.other} {
		if n, err := store.CustomerDocuments(ctx, f.st.DB, id); err != nil || n != 0 {
			t.Fatalf("before: %d, %v", n, err)
		}
	}
	f.create(t, f.byHand(f.cust, "1"))
	if n, _ := store.CustomerDocuments(ctx, f.st.DB, f.cust); n != 1 {
		t.Errorf("customer documents %d, want 1", n)
	}
	// The order and its installment are 张三's.
	if n, _ := store.OwnerDocuments(ctx, f.st.DB, f.owner); n != 2 {
		t.Errorf("owner documents %d, want 2", n)
	}
	if n, _ := store.OwnerDocuments(ctx, f.st.DB, f.rep); n != 0 {
		t.Errorf("李四 holds %d", n)
	}
}

// TestOrderFormsAllErrors: every order form (order, plan, receipt,
// invoice, return) hears of all its field errors at once and writes nothing.
func TestOrderFormsAllErrors(t *testing.T) {
	f := newFixture(t)
	d := f.create(t, Input{CustomerID: f.cust, OwnerID: f.owner, SignedDate: "2026-03-01",
		Lines: []product.LineInput{{ProductID: f.a.ID, Quantity: "2"}, {ProductID: f.b.ID, Quantity: "1"}},
		Plan:  []InstallmentInput{{DueDate: "2026-03-10", Amount: "1000"}, {DueDate: "2026-04-10", Amount: "1100"}}})
	la, lb := d.Lines[0].ID, d.Lines[1].ID
	counts := func() string {
		var out []string
		for _, tb := range []string{"orders", "installments", "receipts", "invoices", "returns"} {
			out = append(out, fmt.Sprint(storetest.Count(t, f.st, tb)))
		}
		return strings.Join(out, ",")
	}
	before := counts()
	tests := []struct {
		name   string
		call   func() error
		fields []string
	}{
		{"empty order", func() error { _, err := f.s.Create(Input{}); return err }, []string{"customerId", "ownerId", "lines"}},
		{"order wrong everywhere", func() error {
			_, err := f.s.Create(Input{CustomerID: f.cust, OwnerID: f.owner, SignedDate: "2026-02-30",
				Lines: []product.LineInput{{ProductID: f.a.ID, Quantity: "x"}, {ProductID: f.b.ID, Quantity: "1", Discount: "200"}},
				Plan:  []InstallmentInput{{DueDate: "x", Amount: "1"}, {DueDate: "2026-04-01", Amount: "0"}}})
			return err
		}, []string{"signedDate", "lines[0].quantity", "lines[1].discount", "plan[0].dueDate", "plan[1].amount"}},
		{"plan rows", func() error {
			_, err := f.s.SetPlan(d.Order.ID, []InstallmentInput{{Amount: "x"}, {DueDate: "2026-04-01", Amount: "1", OwnerID: 999}})
			return err
		}, []string{"plan[0].dueDate", "plan[0].amount", "plan[1].ownerId"}},
		{"empty receipt", func() error {
			_, err := f.s.RecordReceipt(ReceiptInput{InstallmentID: d.Plan[0].ID, Date: "2026-13-01", Method: strings.Repeat("x", 21)})
			return err
		}, []string{"date", "amount", "method"}},
		{"empty invoice", func() error {
			_, err := f.s.AddInvoice(InvoiceInput{OrderID: d.Order.ID, Kind: "x"})
			return err
		}, []string{"number", "amount", "kind"}},
		{"empty return", func() error { _, err := f.s.CreateReturn(ReturnInput{OrderID: d.Order.ID}); return err }, []string{"reason", "lines"}},
		{"return rows", func() error {
			_, err := f.s.CreateReturn(ReturnInput{OrderID: d.Order.ID, Date: "x", Lines: []ReturnLineInput{
				{OrderLineID: la, Quantity: "3"}, {OrderLineID: lb, Quantity: "1"}, {OrderLineID: la, Quantity: "y"}}})
			return err
		}, []string{"date", "reason", "lines[0].quantity", "lines[2].quantity"}},
		{"same line twice over what is left", func() error {
			_, err := f.s.CreateReturn(ReturnInput{OrderID: d.Order.ID, Reason: "坏", Lines: []ReturnLineInput{
				{OrderLineID: la, Quantity: "2"}, {OrderLineID: la, Quantity: "1"}}})
			return err
		}, []string{"lines[1].quantity"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			storetest.WantFields(t, tt.call(), tt.fields...)
			if got := counts(); got != before {
				t.Errorf("rows %s, want %s: a refused form wrote", got, before)
			}
		})
	}
}

// TestOrderWinsItsOpportunity: a new order from an open opportunity (or
// from a quote of it) offers to mark it won (ask), marks it won (always) or
// leaves it (never); a won opportunity, or an order by hand, offers nothing.
func TestOrderWinsItsOpportunity(t *testing.T) {
	tests := []struct {
		mode      string
		fromQuote bool
		offer     bool
		won       bool
	}{
		{"", false, true, false},
		{store.OrderWinsAsk, true, true, false},
		{store.OrderWinsAlways, false, false, true},
		{store.OrderWinsAlways, true, false, true},
		{store.OrderWinsNever, false, false, false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s quote=%v", tt.mode, tt.fromQuote), func(t *testing.T) {
			f := newFixture(t)
			ctx := context.Background()
			if tt.mode != "" {
				if err := store.SetSetting(ctx, f.st.W, store.SettingOrderWins, tt.mode); err != nil {
					t.Fatal(err)
				}
			}
			in := Input{OpportunityID: f.open, OwnerID: f.owner, SignedDate: "2026-03-01"}
			if tt.fromQuote {
				in = Input{QuoteID: f.approvedQuote(t, f.open), OwnerID: f.owner, SignedDate: "2026-03-20"}
			} else {
				d, err := f.s.DraftFromOpportunity(f.open)
				if err != nil {
					t.Fatal(err)
				}
				in.Lines = d.Lines
			}
			d := f.create(t, in)
			if (d.WinOffer != nil) != tt.offer || d.Won != tt.won {
				t.Errorf("offer %+v, won %v; want offer %v, won %v", d.WinOffer, d.Won, tt.offer, tt.won)
			}
			if d.WinOffer != nil && (d.WinOffer.OpportunityID != f.open || d.WinOffer.Name != "采购-商务谈判") {
				t.Errorf("offer %+v", d.WinOffer)
			}
			op, _ := store.GetOpportunity(ctx, f.st.DB, f.open)
			if (op.StageKind == store.KindWon) != tt.won || tt.won && op.ProbabilityBP != 10000 {
				t.Errorf("opportunity at %s %d bp, won %v", op.StageName, op.ProbabilityBP, tt.won)
			}
			var moves int
			if err := f.st.DB.Get(&moves, `SELECT COUNT(*) FROM stage_history WHERE opportunity_id = ?`, f.open); err != nil {
				t.Fatal(err)
			}
			if tt.won != (moves == 1) {
				t.Errorf("%d stage changes recorded", moves)
			}
		})
	}
	// A won opportunity and an order by hand offer nothing.
	f := newFixture(t)
	if d := f.create(t, Input{OpportunityID: f.won, OwnerID: f.owner, Lines: []product.LineInput{{ProductID: f.a.ID, Quantity: "1"}}}); d.WinOffer != nil {
		t.Errorf("won opportunity: offer %+v", d.WinOffer)
	}
	if d := f.create(t, f.byHand(f.cust, "1")); d.WinOffer != nil || d.Won {
		t.Errorf("by hand: offer %+v", d.WinOffer)
	}
}

// TestLostOrReopenAsksForLiveOrders: marking lost, or reopening a won
// opportunity, with live orders is refused with a conflict naming them
// until confirmed; voided orders do not count.
func TestLostOrReopenAsksForLiveOrders(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	ops := opportunity.NewService(f.st, svc.New(nil))
	lost, won, open := storetest.Stage(t, f.st, "未成结束"), storetest.Stage(t, f.st, "谈成结束"), storetest.Stage(t, f.st, "商务谈判")
	stageOf := func() string {
		op, _ := store.GetOpportunity(ctx, f.st.DB, f.open)
		return op.StageName
	}
	// Without orders nothing is asked.
	if _, err := ops.ChangeStage(f.open, opportunity.Move{StageID: lost.ID, LostReason: "价格"}); err != nil {
		t.Fatal(err)
	}
	if _, err := ops.ChangeStage(f.open, opportunity.Move{StageID: open.ID}); err != nil {
		t.Fatal(err)
	}
	d := f.create(t, Input{OpportunityID: f.open, OwnerID: f.owner, Lines: []product.LineInput{{ProductID: f.a.ID, Quantity: "1"}}})
	d2 := f.create(t, Input{OpportunityID: f.open, OwnerID: f.owner, Lines: []product.LineInput{{ProductID: f.a.ID, Quantity: "2"}}})
	steps := []struct {
		name    string
		call    func() error
		code    string
		message string
		stage   string
	}{
		{"lost by drag", func() error {
			_, err := ops.ChangeStage(f.open, opportunity.Move{StageID: lost.ID, LostReason: "价格"})
			return err
		}, apperr.CodeConflict, "销售机会「采购-商务谈判」有未作废的订单 " + d.Order.Number + "、" + d2.Order.Number + "，仍要标为输单吗？", "商务谈判"},
		{"lost by the form", func() error {
			in := opportunity.Input{Name: "采购-商务谈判", CustomerID: f.cust, OwnerID: f.owner, StageID: lost.ID, LostReason: "价格"}
			_, err := ops.Update(f.open, in)
			return err
		}, apperr.CodeConflict, "", "商务谈判"},
		{"won needs no question", func() error { _, err := ops.ChangeStage(f.open, opportunity.Move{StageID: won.ID}); return err }, "", "", "谈成结束"},
		{"reopen", func() error { _, err := ops.ChangeStage(f.open, opportunity.Move{StageID: open.ID}); return err },
			apperr.CodeConflict, "销售机会「采购-商务谈判」已赢单，且有未作废的订单 " + d.Order.Number + "、" + d2.Order.Number + "，仍要重新打开吗？", "谈成结束"},
		{"reopen confirmed", func() error {
			_, err := ops.ChangeStage(f.open, opportunity.Move{StageID: open.ID, ConfirmOrders: true})
			return err
		}, "", "", "商务谈判"},
		{"lost confirmed", func() error {
			_, err := ops.ChangeStage(f.open, opportunity.Move{StageID: lost.ID, LostReason: "价格", ConfirmOrders: true})
			return err
		}, "", "", "未成结束"},
	}
	for _, st := range steps {
		err := st.call()
		if st.code == "" && err != nil || st.code != "" && !apperr.Is(err, st.code) {
			t.Fatalf("%s: %v, want %q", st.name, err, st.code)
		}
		if e, _ := apperr.As(err); st.message != "" && (e.Message != st.message || e.Field != "stageId") {
			t.Errorf("%s: %q on %q, want %q", st.name, e.Message, e.Field, st.message)
		}
		if got := stageOf(); got != st.stage {
			t.Errorf("%s: stage %s, want %s", st.name, got, st.stage)
		}
	}
	// Voided orders do not hold it.
	if _, err := ops.ChangeStage(f.open, opportunity.Move{StageID: open.ID, ConfirmOrders: true}); err != nil {
		t.Fatal(err)
	}
	for _, o := range []Detail{d, d2} {
		if _, err := f.s.Void(o.Order.ID, "签错了"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := ops.ChangeStage(f.open, opportunity.Move{StageID: lost.ID, LostReason: "价格"}); err != nil {
		t.Errorf("voided orders still asked: %v", err)
	}
}
