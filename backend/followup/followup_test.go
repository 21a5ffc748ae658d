package followup

import (
	"context"
	"strings"
	"testing"
	"time"

	"funneldesk/backend/apperr"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
	"funneldesk/backend/svc"
)

type fixture struct {
	s         *Service
	st        *store.Store
	cust, alt int64
	contact   int64
	opp       int64
	altOpp    int64
}

// today is the fixed clock's date in every test here.
const today = "2026-03-10"

func newFixture(t *testing.T) fixture {
	t.Helper()
	st := storetest.New(t)
	ctx := context.Background()
	at, _ := time.ParseInLocation("2006-01-02 15:04", today+" 09:30", time.Local)
	owner := storetest.Owner(t, st, "张三")
	f := fixture{s: NewService(st, svc.New(svc.Fixed(at))), st: st}
	f.cust = storetest.Customer(t, st, "华强电子", owner)
	f.alt = storetest.Customer(t, st, "大商股份", owner)
	var err error
	if f.contact, err = store.InsertContact(ctx, st.W, store.Contact{CustomerID: f.cust, Name: "王经理"}); err != nil {
		t.Fatal(err)
	}
	stage := storetest.Stage(t, st, "初期沟通")
	for _, c := range []struct {
		id  *int64
		cid int64
	}{{&f.opp, f.cust}, {&f.altOpp, f.alt}} {
		*c.id, err = store.InsertOpportunity(ctx, st.W, store.Opportunity{Name: "ERP", CustomerID: c.cid, OwnerID: owner,
			StageID: stage.ID, ProbabilityBP: stage.ProbabilityBP})
		if err != nil {
			t.Fatal(err)
		}
	}
	return f
}

func (f fixture) lastDates(t *testing.T) (cust, opp string) {
	t.Helper()
	if err := f.st.DB.Get(&cust, `SELECT last_followup_at FROM customers WHERE id = ?`, f.cust); err != nil {
		t.Fatal(err)
	}
	if err := f.st.DB.Get(&opp, `SELECT last_followup_at FROM opportunities WHERE id = ?`, f.opp); err != nil {
		t.Fatal(err)
	}
	return cust, opp
}

func TestCreate(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name        string
		in          Input
		code, field string
		// want: customer, date, time, next date of the saved follow-up
		cust                  int64
		date, clock, nextDate string
	}{
		{"on the customer", Input{CustomerID: f.cust, Date: "2026-03-01", Time: "9:05", Method: "电话", Content: "介绍产品",
			NextDate: "2026-03-08", NextAction: "发报价"}, "", "", f.cust, "2026-03-01", "09:05", "2026-03-08"},
		{"on a contact: the customer comes from it", Input{ContactID: f.contact, Date: "2026/3/2", Method: "微信", Content: "发资料"},
			"", "", f.cust, "2026-03-02", "", ""},
		{"on an opportunity: the customer comes from it", Input{OpportunityID: f.opp, Date: "2026-03-10", Time: "08：30",
			Content: "演示", NextDate: "2026-03-10"}, "", "", f.cust, "2026-03-10", "08:30", "2026-03-10"},
		{"contact and opportunity of one customer", Input{CustomerID: f.cust, ContactID: f.contact, OpportunityID: f.opp,
			Date: "2026-03-03", Content: "拜访"}, "", "", f.cust, "2026-03-03", "", ""},
		{"nothing followed up", Input{Date: "2026-03-01", Content: "x"}, apperr.CodeInvalid, "customerId", 0, "", "", ""},
		{"unknown customer", Input{CustomerID: 999, Date: "2026-03-01", Content: "x"}, apperr.CodeInvalid, "customerId", 0, "", "", ""},
		{"unknown opportunity", Input{OpportunityID: 999, Date: "2026-03-01", Content: "x"}, apperr.CodeInvalid, "opportunityId", 0, "", "", ""},
		{"unknown contact", Input{ContactID: 999, Date: "2026-03-01", Content: "x"}, apperr.CodeInvalid, "contactId", 0, "", "", ""},
		{"another customer's opportunity", Input{CustomerID: f.cust, OpportunityID: f.altOpp, Date: "2026-03-01", Content: "x"},
			apperr.CodeInvalid, "opportunityId", 0, "", "", ""},
		{"contact of another customer than the opportunity", Input{ContactID: f.contact, OpportunityID: f.altOpp,
			Date: "2026-03-01", Content: "x"}, apperr.CodeInvalid, "contactId", 0, "", "", ""},
		{"no date", Input{CustomerID: f.cust, Content: "x"}, apperr.CodeInvalid, "date", 0, "", "", ""},
		{"impossible date", Input{CustomerID: f.cust, Date: "2026-02-29", Content: "x"}, apperr.CodeInvalid, "date", 0, "", "", ""},
		{"tomorrow", Input{CustomerID: f.cust, Date: "2026-03-11", Content: "x"}, apperr.CodeInvalid, "date", 0, "", "", ""},
		{"bad time", Input{CustomerID: f.cust, Date: "2026-03-01", Time: "25:00", Content: "x"}, apperr.CodeInvalid, "time", 0, "", "", ""},
		{"method not offered", Input{CustomerID: f.cust, Date: "2026-03-01", Method: "飞鸽传书", Content: "x"}, apperr.CodeInvalid, "method", 0, "", "", ""},
		{"no content", Input{CustomerID: f.cust, Date: "2026-03-01", Content: " "}, apperr.CodeInvalid, "content", 0, "", "", ""},
		{"next before date", Input{CustomerID: f.cust, Date: "2026-03-05", Content: "x", NextDate: "2026-03-04"}, apperr.CodeInvalid, "nextDate", 0, "", "", ""},
		{"bad next date", Input{CustomerID: f.cust, Date: "2026-03-05", Content: "x", NextDate: "2026-03-32"}, apperr.CodeInvalid, "nextDate", 0, "", "", ""},
		{"next action too long", Input{CustomerID: f.cust, Date: "2026-03-05", Content: "x", NextAction: strings.Repeat("事", 201)},
			apperr.CodeInvalid, "nextAction", 0, "", "", ""},
	}
	want := 0
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := f.s.Create(tt.in)
			storetest.WantErr(t, err, tt.code, tt.field)
			if err == nil {
				want++
				if got.ID == 0 || got.CustomerID != tt.cust || got.Date != tt.date || got.Time != tt.clock || got.NextDate != tt.nextDate ||
					got.CustomerName != "华强电子" {
					t.Errorf("saved %+v", got)
				}
			}
			if n := storetest.Count(t, f.st, "followups"); n != want {
				t.Errorf("%d follow-ups, want %d", n, want)
			}
		})
	}
	cust, opp := f.lastDates(t)
	if cust != "2026-03-10" || opp != "2026-03-10" {
		t.Errorf("last follow-up: customer %q, opportunity %q; want 2026-03-10 both", cust, opp)
	}
	// The lists: the customer's holds them all, newest first; the
	// contact's and opportunity's their own.
	for _, c := range []struct {
		of   Of
		want string
	}{
		{Of{CustomerID: f.cust}, "2026-03-10,2026-03-03,2026-03-02,2026-03-01"},
		{Of{ContactID: f.contact}, "2026-03-03,2026-03-02"},
		{Of{OpportunityID: f.opp}, "2026-03-10,2026-03-03"},
		{Of{OpportunityID: f.altOpp}, ""},
	} {
		list, err := f.s.List(c.of)
		if err != nil {
			t.Fatal(err)
		}
		var dates []string
		for _, x := range list {
			dates = append(dates, x.Date)
		}
		if got := strings.Join(dates, ","); got != c.want {
			t.Errorf("List(%+v) = %s, want %s", c.of, got, c.want)
		}
	}
	_, err := f.s.List(Of{})
	storetest.WantErr(t, err, apperr.CodeInvalid, "customerId")
}

// pending lists the ids of the pending follow-ups.
func pending(t *testing.T, st *store.Store) []int64 {
	t.Helper()
	var ids []int64
	if err := st.DB.Select(&ids, `SELECT id FROM followups WHERE pending = 1 ORDER BY id`); err != nil {
		t.Fatal(err)
	}
	return ids
}

func sameIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// A next date is a reminder until a later follow-up on the same record;
// editing and deleting move the reminder and the last follow-up dates.
func TestRemindersAndLastDates(t *testing.T) {
	f := newFixture(t)
	mk := func(in Input) store.FollowUp {
		t.Helper()
		x, err := f.s.Create(in)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	a := mk(Input{CustomerID: f.cust, Date: "2026-03-01", Content: "a", NextDate: "2026-03-05"})
	o := mk(Input{OpportunityID: f.opp, Date: "2026-03-02", Content: "o", NextDate: "2026-03-09"})
	if got := pending(t, f.st); !sameIDs(got, []int64{a.ID, o.ID}) {
		t.Fatalf("pending %v, want both (different records)", got)
	}
	// A later follow-up on the customer settles a, not o.
	b := mk(Input{CustomerID: f.cust, Date: "2026-03-04", Content: "b"})
	if got := pending(t, f.st); !sameIDs(got, []int64{o.ID}) {
		t.Fatalf("pending %v, want only the opportunity's", got)
	}
	if c, op := f.lastDates(t); c != "2026-03-04" || op != "2026-03-02" {
		t.Fatalf("last dates %s %s", c, op)
	}
	// An earlier follow-up recorded afterwards does not settle the later.
	mk(Input{OpportunityID: f.opp, Date: "2026-03-01", Content: "earlier"})
	if got := pending(t, f.st); !sameIDs(got, []int64{o.ID}) {
		t.Fatalf("pending %v after an earlier entry", got)
	}

	// Editing b's date back before a makes a the latest again.
	if _, err := f.s.Update(b.ID, Input{CustomerID: f.cust, Date: "2026-02-20", Content: "b"}); err != nil {
		t.Fatal(err)
	}
	if got := pending(t, f.st); !sameIDs(got, []int64{a.ID, o.ID}) {
		t.Fatalf("pending %v after moving b back", got)
	}
	if c, _ := f.lastDates(t); c != "2026-03-02" {
		t.Fatalf("customer's last %s, want the opportunity's 2026-03-02", c)
	}
	// Moving o onto the customer: the opportunity's last date falls back,
	// and o, later than a, now settles a.
	if _, err := f.s.Update(o.ID, Input{CustomerID: f.cust, Date: "2026-03-02", Content: "o", NextDate: "2026-03-09"}); err != nil {
		t.Fatal(err)
	}
	if got := pending(t, f.st); !sameIDs(got, []int64{o.ID}) {
		t.Fatalf("pending %v after moving o to the customer", got)
	}
	if _, op := f.lastDates(t); op != "2026-03-01" {
		t.Fatalf("opportunity's last %s, want 2026-03-01", op)
	}
	// Deleting o brings a's reminder back.
	if err := f.s.Delete(o.ID); err != nil {
		t.Fatal(err)
	}
	if got := pending(t, f.st); !sameIDs(got, []int64{a.ID}) {
		t.Fatalf("pending %v after deleting o", got)
	}
	if c, _ := f.lastDates(t); c != "2026-03-01" {
		t.Fatalf("customer's last %s after delete", c)
	}
	storetest.WantErr(t, f.s.Delete(o.ID), apperr.CodeNotFound, "id")
	_, err := f.s.Update(o.ID, Input{CustomerID: f.cust, Date: "2026-03-02", Content: "o"})
	storetest.WantErr(t, err, apperr.CodeNotFound, "id")
	// A refused edit changes nothing.
	_, err = f.s.Update(a.ID, Input{CustomerID: f.cust, Date: "2026-03-01", Content: ""})
	storetest.WantErr(t, err, apperr.CodeInvalid, "content")
	if got, _ := store.GetFollowUp(context.Background(), f.st.DB, a.ID); got.Content != "a" || !got.Pending {
		t.Errorf("refused edit wrote %+v", got)
	}
}

func TestMethods(t *testing.T) {
	f := newFixture(t)
	opts, err := f.s.Options()
	if err != nil || strings.Join(opts.Methods, ",") != "电话,拜访,微信,邮件,会议,其他" || !opts.Notify {
		t.Fatalf("options %+v, %v", opts, err)
	}
	x, err := f.s.Create(Input{CustomerID: f.cust, Date: "2026-03-01", Method: "拜访", Content: "x"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		methods []string
		field   string
		want    string
	}{
		{"trimmed, blanks dropped", []string{" 电话 ", "", "钉钉"}, "", "电话,钉钉"},
		{"empty", []string{" "}, "methods", ""},
		{"duplicate", []string{"电话", "电话"}, "methods", ""},
		{"too long", []string{strings.Repeat("长", 21)}, "methods", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := f.s.SetMethods(tt.methods)
			code := ""
			if tt.field != "" {
				code = apperr.CodeInvalid
			}
			storetest.WantErr(t, err, code, tt.field)
			if after, _ := f.s.Options(); strings.Join(after.Methods, ",") != "电话,钉钉" {
				t.Errorf("methods now %v", after.Methods)
			}
			if err == nil && strings.Join(got.Methods, ",") != tt.want {
				t.Errorf("got %v", got.Methods)
			}
		})
	}
	// 拜访 left the list: a new follow-up cannot use it, the old one keeps it.
	_, err = f.s.Create(Input{CustomerID: f.cust, Date: "2026-03-01", Method: "拜访", Content: "y"})
	storetest.WantErr(t, err, apperr.CodeInvalid, "method")
	if _, err := f.s.Update(x.ID, Input{CustomerID: f.cust, Date: "2026-03-02", Method: "拜访", Content: "x2"}); err != nil {
		t.Errorf("editing a follow-up with a retired method: %v", err)
	}
	if o, err := f.s.SetNotify(false); err != nil || o.Notify {
		t.Errorf("SetNotify(false) = %+v, %v", o, err)
	}
	if on, _ := NotifyOn(context.Background(), f.st.DB); on {
		t.Error("notifications still on")
	}
}

// The opportunity list sorts by the last follow-up date (the column the
// lists show), through opportunities_last_followup.
func TestOpportunitiesSortByLastFollowUp(t *testing.T) {
	f := newFixture(t)
	if _, err := f.s.Create(Input{OpportunityID: f.altOpp, Date: "2026-03-05", Content: "x"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Create(Input{OpportunityID: f.opp, Date: "2026-03-01", Content: "y"}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		desc bool
		want []int64
	}{{false, []int64{f.opp, f.altOpp}}, {true, []int64{f.altOpp, f.opp}}} {
		got, _, err := store.ListOpportunities(context.Background(), f.st.DB, store.OpportunityFilter{Sort: "lastFollowup", Desc: tt.desc}, 0, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0].ID != tt.want[0] || got[1].ID != tt.want[1] || got[0].LastFollowupAt == "" {
			t.Errorf("desc=%v: %+v", tt.desc, got)
		}
	}
}

// TestAllErrors: an empty or wholly wrong follow-up form hears of every
// field error at once and writes nothing.
func TestAllErrors(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name   string
		in     Input
		fields []string
	}{
		{"empty", Input{}, []string{"customerId", "date", "content"}},
		{"wrong everywhere", Input{CustomerID: f.cust, ContactID: 999, Date: "2026-03-11", Time: "25:00", Method: "飞鸽", NextDate: "2025-02-30"},
			[]string{"contactId", "date", "time", "method", "content", "nextDate"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.s.Create(tt.in)
			storetest.WantFields(t, err, tt.fields...)
			if n := storetest.Count(t, f.st, "followups"); n != 0 {
				t.Errorf("%d follow-ups written", n)
			}
		})
	}
}
