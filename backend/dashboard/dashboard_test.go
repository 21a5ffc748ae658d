package dashboard

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"funneldesk/backend/followup"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
	"funneldesk/backend/svc"
)

// The fixed clock: 2026-03-10, 09:30 local time.
const today = "2026-03-10"

func clockAt(day string) svc.Clock {
	t, _ := time.ParseInLocation("2006-01-02 15:04", day+" 09:30", time.Local)
	return svc.Fixed(t)
}

type fixture struct {
	st    *store.Store
	env   *svc.Env
	s     *Service
	fu    *followup.Service
	owner int64
	cust  int64
}

func newFixture(t *testing.T) fixture {
	st := storetest.New(t)
	env := svc.New(clockAt(today))
	f := fixture{st: st, env: env, s: NewService(st, env), fu: followup.NewService(st, env)}
	f.owner = storetest.Owner(t, st, "张三")
	f.cust = storetest.Customer(t, st, "华强电子", f.owner)
	return f
}

func (f fixture) opp(t *testing.T, name, stage, closeDate string) int64 {
	t.Helper()
	s := storetest.Stage(t, f.st, stage)
	id, err := store.InsertOpportunity(context.Background(), f.st.W, store.Opportunity{Name: name, CustomerID: f.cust,
		OwnerID: f.owner, StageID: s.ID, ProbabilityBP: s.ProbabilityBP, ExpectedClose: closeDate, AmountCents: 100_000_00})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func (f fixture) follow(t *testing.T, in followup.Input) store.FollowUp {
	t.Helper()
	if in.CustomerID == 0 && in.OpportunityID == 0 {
		in.CustomerID = f.cust
	}
	x, err := f.fu.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func contents(items []store.FollowUp) string {
	var out []string
	for _, x := range items {
		out = append(out, x.Content)
	}
	return strings.Join(out, ",")
}

func TestFollowUpsDue(t *testing.T) {
	f := newFixture(t)
	o1 := f.opp(t, "ERP", "初期沟通", "2026-06-01")
	o2 := f.opp(t, "CRM", "初期沟通", "2026-06-01")
	o3 := f.opp(t, "OA", "初期沟通", "2026-06-01")
	o4 := f.opp(t, "MES", "初期沟通", "2026-06-01")
	f.follow(t, followup.Input{OpportunityID: o1, Date: "2026-03-01", Content: "due today", NextDate: today})
	f.follow(t, followup.Input{OpportunityID: o2, Date: "2026-03-01", Content: "due yesterday", NextDate: "2026-03-09"})
	f.follow(t, followup.Input{OpportunityID: o3, Date: "2026-02-01", Content: "long overdue", NextDate: "2026-02-10"})
	f.follow(t, followup.Input{OpportunityID: o4, Date: "2026-03-01", Content: "due tomorrow", NextDate: "2026-03-11"})
	// Settled: a later follow-up on the customer came after it.
	f.follow(t, followup.Input{Date: "2026-03-01", Content: "settled", NextDate: "2026-03-05"})
	f.follow(t, followup.Input{Date: "2026-03-02", Content: "no next date"})

	tests := []struct {
		day              string
		dueToday, overdu string
		badge            int
	}{
		{today, "due today", "long overdue,due yesterday", 3},
		{"2026-03-09", "due yesterday", "long overdue", 2},
		{"2026-03-11", "due tomorrow", "long overdue,due yesterday,due today", 4},
		{"2026-02-09", "", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.day, func(t *testing.T) {
			f.env.SetClock(clockAt(tt.day))
			d, err := f.s.Get()
			if err != nil {
				t.Fatal(err)
			}
			if d.Today != tt.day || contents(d.FollowUpsToday.Items) != tt.dueToday || contents(d.FollowUpsOverdue.Items) != tt.overdu {
				t.Errorf("today %s: due %q, overdue %q", d.Today, contents(d.FollowUpsToday.Items), contents(d.FollowUpsOverdue.Items))
			}
			if d.FollowUpsToday.Count != len(d.FollowUpsToday.Items) || d.FollowUpsOverdue.Count != len(d.FollowUpsOverdue.Items) {
				t.Errorf("counts %d %d", d.FollowUpsToday.Count, d.FollowUpsOverdue.Count)
			}
			c, err := f.s.Counts()
			if err != nil || c.Badge != tt.badge || c.FollowUpsToday != d.FollowUpsToday.Count {
				t.Errorf("counts %+v, %v; want badge %d", c, err, tt.badge)
			}
		})
	}
	// Recording the follow-up that was due settles it.
	f.env.SetClock(clockAt(today))
	f.follow(t, followup.Input{OpportunityID: o1, Date: today, Content: "done"})
	if d, _ := f.s.Get(); d.FollowUpsToday.Count != 0 || d.FollowUpsOverdue.Count != 2 {
		t.Errorf("after recording it: %d due, %d overdue", d.FollowUpsToday.Count, d.FollowUpsOverdue.Count)
	}
}

func TestSlippedAndStages(t *testing.T) {
	f := newFixture(t)
	f.opp(t, "closes today", "初期沟通", today)
	f.opp(t, "slipped yesterday", "商务谈判", "2026-03-09")
	f.opp(t, "slipped long ago", "需求分析", "2025-12-31")
	f.opp(t, "no date", "初期沟通", "")
	f.opp(t, "won late", "谈成结束", "2026-01-01")
	f.opp(t, "lost late", "未成结束", "2026-01-01")
	d, err := f.s.Get()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, o := range d.Slipped.Items {
		names = append(names, o.Name)
	}
	if got := strings.Join(names, ","); got != "slipped yesterday,slipped long ago" || d.Slipped.Count != 2 {
		t.Errorf("slipped %q (%d), want the open ones before today, latest first", got, d.Slipped.Count)
	}
	bars := map[string]string{}
	for _, b := range d.Stages {
		bars[b.Stage.Name] = fmt.Sprintf("%d/%d", b.Count, b.AmountCents)
	}
	if bars["初期沟通"] != "2/20000000" || bars["谈成结束"] != "1/10000000" || bars["立项评估"] != "0/0" || len(d.Stages) != 8 {
		t.Errorf("stage bars %v", bars)
	}
	if d.Customers != 1 || d.Recycling.Enabled || len(d.Recycling.Items) != 0 {
		t.Errorf("customers %d, recycling %+v (it is a call of its own)", d.Customers, d.Recycling)
	}
	// No pool rule here: the section is on and empty.
	if r, err := f.s.Recycling(); err != nil || !r.Enabled || r.Count != 0 || len(r.Items) != 0 {
		t.Errorf("recycling %+v, %v", r, err)
	}
}

func TestInstallmentsAndQuotes(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	oid, err := store.InsertOrder(ctx, f.st.W, store.Order{Number: "DD-1", CustomerID: f.cust, OwnerID: f.owner, SignedDate: "2026-01-01"})
	if err != nil {
		t.Fatal(err)
	}
	due := map[string]int64{ // due date → received of 1,000.00
		"2026-03-01": 0,      // overdue
		"2026-03-09": 50000,  // overdue, part paid
		"2026-03-08": 100000, // paid: not shown
		today:        0,      // due today
		"2026-03-17": 0,      // the 7th day: shown
		"2026-03-18": 0,      // 8th day: not yet
	}
	seq := 0
	for day, rec := range due {
		seq++
		id, err := store.InsertInstallment(ctx, f.st.W, f.cust, store.Installment{OrderID: oid, Seq: seq, DueDate: day,
			AmountCents: 100000, OwnerID: f.owner})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.st.W.Exec(`UPDATE installments SET received_cents = ? WHERE id = ?`, rec, id); err != nil {
			t.Fatal(err)
		}
	}
	// A voided order's installments are not reminded of.
	vid, _ := store.InsertOrder(ctx, f.st.W, store.Order{Number: "DD-2", CustomerID: f.cust, OwnerID: f.owner, SignedDate: "2026-01-01"})
	if _, err := store.InsertInstallment(ctx, f.st.W, f.cust, store.Installment{OrderID: vid, Seq: 1, DueDate: "2026-03-02",
		AmountCents: 100000, OwnerID: f.owner}); err != nil {
		t.Fatal(err)
	}
	if err := store.VoidOrder(ctx, f.st.W, vid, "作废"); err != nil {
		t.Fatal(err)
	}

	quote := func(number, status, valid string) int64 {
		id, err := store.InsertQuote(ctx, f.st.W, store.Quote{Number: number, CustomerID: f.cust, OwnerID: f.owner,
			QuoteDate: "2026-02-01", ValidUntil: valid})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.st.W.Exec(`UPDATE quotes SET status = ? WHERE id = ?`, status, id); err != nil {
			t.Fatal(err)
		}
		return id
	}
	quote("BJ-today", "open", today)
	quote("BJ-7", "approved", "2026-03-17")
	quote("BJ-8", "open", "2026-03-18")
	quote("BJ-past", "open", "2026-03-09")
	quote("BJ-closed", "closed", "2026-03-12")
	quote("BJ-none", "open", "")
	ordered := quote("BJ-ordered", "approved", "2026-03-12")
	if _, err := store.InsertOrder(ctx, f.st.W, store.Order{Number: "DD-3", CustomerID: f.cust, OwnerID: f.owner,
		SignedDate: "2026-03-01", QuoteID: &ordered}); err != nil {
		t.Fatal(err)
	}

	d, err := f.s.Get()
	if err != nil {
		t.Fatal(err)
	}
	dates := func(items []store.DueInstallment) string {
		var out []string
		for _, i := range items {
			out = append(out, fmt.Sprintf("%s:%d", i.DueDate, i.OpenCents))
		}
		return strings.Join(out, ",")
	}
	if got := dates(d.InstallmentsDue.Items); got != "2026-03-10:100000,2026-03-17:100000" || d.InstallmentsDue.Count != 2 {
		t.Errorf("installments due %s (%d)", got, d.InstallmentsDue.Count)
	}
	if got := dates(d.InstallmentsOverdue.Items); got != "2026-03-01:100000,2026-03-09:50000" || d.InstallmentsOverdue.Count != 2 {
		t.Errorf("installments overdue %s (%d)", got, d.InstallmentsOverdue.Count)
	}
	if d.InstallmentsDue.Items[0].OrderNumber != "DD-1" || d.InstallmentsDue.Items[0].CustomerName != "华强电子" {
		t.Errorf("installment row %+v", d.InstallmentsDue.Items[0])
	}
	var numbers []string
	for _, q := range d.QuotesExpiring.Items {
		numbers = append(numbers, q.Number)
	}
	if got := strings.Join(numbers, ","); got != "BJ-today,BJ-7" || d.QuotesExpiring.Count != 2 {
		t.Errorf("quotes expiring %s (%d)", got, d.QuotesExpiring.Count)
	}
	c, err := f.s.Counts()
	if err != nil || c.InstallmentsToday != 1 || c.InstallmentsOverdue != 2 {
		t.Errorf("counts %+v, %v", c, err)
	}
}

func TestNotifications(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	w := &watcher{st: f.st, env: f.env}
	says := func(want string) {
		t.Helper()
		_, body, ok := w.check(ctx)
		if got := map[bool]string{true: body, false: "-"}[ok]; got != want {
			t.Errorf("notified %q, want %q", got, want)
		}
	}
	says("-") // nothing due at start: silence
	o := f.opp(t, "ERP", "初期沟通", "2026-06-01")
	f.follow(t, followup.Input{OpportunityID: o, Date: "2026-03-01", Content: "x", NextDate: "2026-03-11"})
	says("-") // due tomorrow
	f.env.SetClock(clockAt("2026-03-11"))
	says("今日待跟进 1 条，逾期未跟进 0 条") // the day turned: it fell due
	says("-")                   // said once
	f.follow(t, followup.Input{Date: "2026-03-01", Content: "y", NextDate: "2026-03-11"})
	says("今日待跟进 2 条，逾期未跟进 0 条") // one more due today while open
	f.env.SetClock(clockAt("2026-03-12"))
	if _, err := f.fu.SetNotify(false); err != nil {
		t.Fatal(err)
	}
	says("-") // off
	f.env.SetClock(clockAt("2026-03-13"))
	if _, err := f.fu.SetNotify(true); err != nil {
		t.Fatal(err)
	}
	says("今日待跟进 0 条，逾期未跟进 2 条") // a new day while on: overdue ones are news again

	// At start, with something due, it speaks at once; Watch hands it to send.
	ctx2, cancel := context.WithCancel(ctx)
	got := make(chan string, 1)
	go Watch(ctx2, f.st, f.env, func(title, body string) error {
		got <- title + "|" + body
		cancel()
		return nil
	}, time.Hour)
	select {
	case s := <-got:
		if s != "FunnelDesk 工作台提醒|今日待跟进 0 条，逾期未跟进 2 条" {
			t.Errorf("start notification %q", s)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no notification at start")
	}
}
