package opportunity

import (
	"context"
	"strings"
	"testing"
	"time"

	"funneldesk/backend/msg"
	"funneldesk/backend/oplog"
	"funneldesk/backend/recycle"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
)

func TestContactsStaffPriority(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	boss, err := store.InsertContact(ctx, f.st.W, store.Contact{CustomerID: f.dashang, Name: "王总"})
	if err != nil {
		t.Fatal(err)
	}
	eng, err := store.InsertContact(ctx, f.st.W, store.Contact{CustomerID: f.dashang, Name: "赵工"})
	if err != nil {
		t.Fatal(err)
	}
	other, err := store.InsertContact(ctx, f.st.W, store.Contact{CustomerID: f.xiduoduo, Name: "外人"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		edit  func(in *Input)
		field string
	}{
		{"bad priority", func(in *Input) { in.Priority = "紧急" }, "priority"},
		{"another customer's contact", func(in *Input) { in.Contacts = []ContactRole{{ContactID: other}} }, "contacts"},
		{"contact twice", func(in *Input) { in.Contacts = []ContactRole{{ContactID: boss}, {ContactID: boss}} }, "contacts"},
		{"unknown staff", func(in *Input) { in.StaffIDs = []int64{9999} }, "staffIds"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := f.counts(t)
			in := f.input()
			tt.edit(&in)
			_, err := f.s.Create(in)
			storetest.WantErr(t, err, "invalid", tt.field)
			if f.counts(t) != before {
				t.Error("a refused create wrote rows")
			}
		})
	}
	in := f.input()
	in.Priority = "高"
	in.Contacts = []ContactRole{{ContactID: boss, Role: "决策人"}, {ContactID: eng, Role: "技术评估"}}
	in.StaffIDs = []int64{f.li}
	o := f.create(t, in)
	if o.Priority != "high" {
		t.Errorf("priority %q", o.Priority)
	}
	d, err := f.s.Get(o.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Contacts) != 2 || d.Contacts[0].Role == "" || len(d.Staff) != 1 || d.Staff[0].Name != "李四" {
		t.Errorf("detail contacts %+v staff %+v", d.Contacts, d.Staff)
	}
	// An edit changing a role shows in the history in words.
	in.Contacts = []ContactRole{{ContactID: boss, Role: "使用人"}}
	in.Priority = "low"
	if _, err := f.s.Update(o.ID, in); err != nil {
		t.Fatal(err)
	}
	var row struct {
		Old string `db:"old_json"`
		New string `db:"new_json"`
	}
	if err := f.st.DB.GetContext(ctx, &row, `SELECT old_json, new_json FROM oplog WHERE kind = 'opportunity' AND record_id = ? ORDER BY id DESC LIMIT 1`, o.ID); err != nil {
		t.Fatal(err)
	}
	var words []string
	for _, c := range oplog.Render(msg.Zh, "opportunity", row.Old, row.New) {
		words = append(words, c.Label+":"+c.Old+">"+c.New)
	}
	got := strings.Join(words, " ")
	for _, want := range []string{"优先级:高>低", "相关联系人:王总（决策人）、赵工（技术评估）>王总（使用人）"} {
		if !strings.Contains(got, want) {
			t.Errorf("history %q lacks %q", got, want)
		}
	}
	// A Go caller leaving the lists out keeps them.
	in.Contacts, in.StaffIDs = nil, nil
	if _, err := f.s.Update(o.ID, in); err != nil {
		t.Fatal(err)
	}
	if d, _ := f.s.Get(o.ID); len(d.Contacts) != 1 || len(d.Staff) != 1 {
		t.Errorf("nil lists changed people: %+v %+v", d.Contacts, d.Staff)
	}
}

func TestMonthViews(t *testing.T) {
	f := newFixture(t)
	open := f.create(t, f.input())
	closed := f.create(t, f.input())
	if _, err := f.s.ChangeStage(closed.ID, Move{StageID: f.lost, LostReason: "价格"}); err != nil {
		t.Fatal(err)
	}
	_ = open
	tests := []struct {
		name  string
		clock time.Time
		view  string
		want  int
	}{
		{"created this month", time.Now(), ViewCreatedMonth, 2},
		{"closed this month", time.Now(), ViewClosedMonth, 1},
		{"created, a month on", time.Now().AddDate(0, 1, 0), ViewCreatedMonth, 0},
		{"closed, a month on", time.Now().AddDate(0, 1, 0), ViewClosedMonth, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := tt.clock
			f.s.env.SetClock(func() time.Time { return clock })
			p, err := f.s.List(ListRequest{Filter: Filter{View: tt.view}})
			if err != nil {
				t.Fatal(err)
			}
			if p.Total != tt.want {
				t.Errorf("%d, want %d", p.Total, tt.want)
			}
		})
	}
}

// TestPeopleThroughRecycleBin: the contacts and staff of an opportunity go
// into the bin with it and come back on restore.
func TestPeopleThroughRecycleBin(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	boss, err := store.InsertContact(ctx, f.st.W, store.Contact{CustomerID: f.dashang, Name: "王总"})
	if err != nil {
		t.Fatal(err)
	}
	in := f.input()
	in.Contacts = []ContactRole{{ContactID: boss, Role: "决策人"}}
	in.StaffIDs = []int64{f.li}
	o := f.create(t, in)
	if _, err := f.s.BatchDelete([]int64{o.ID}); err != nil {
		t.Fatal(err)
	}
	if n := storetest.Count(t, f.st, "opportunity_contacts") + storetest.Count(t, f.st, "opportunity_staff"); n != 0 {
		t.Fatalf("%d people rows left behind", n)
	}
	bin := recycle.NewService(f.st, f.s.env)
	page, err := bin.List(recycle.Filter{})
	if err != nil || len(page.Items) != 1 {
		t.Fatalf("bin %+v %v", page, err)
	}
	if _, err := bin.Restore([]int64{page.Items[0].ID}); err != nil {
		t.Fatal(err)
	}
	d, err := f.s.Get(o.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Contacts) != 1 || d.Contacts[0].Role != "决策人" || len(d.Staff) != 1 {
		t.Errorf("restored people %+v %+v", d.Contacts, d.Staff)
	}
}
