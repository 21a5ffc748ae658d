package recycle_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"funneldesk/backend/apperr"
	"funneldesk/backend/customer"
	"funneldesk/backend/followup"
	"funneldesk/backend/oplog"
	"funneldesk/backend/opportunity"
	"funneldesk/backend/product"
	"funneldesk/backend/recycle"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
	"funneldesk/backend/svc"
)

type fixture struct {
	st   *store.Store
	env  *svc.Env
	now  time.Time
	cust *customer.Service
	opp  *opportunity.Service
	prod *product.Service
	bin  *recycle.Service
	log  *oplog.Service
}

func newFixture(t *testing.T) *fixture {
	st := storetest.New(t)
	f := &fixture{st: st, now: time.Date(2026, 3, 1, 10, 0, 0, 0, time.Local)}
	f.env = svc.New(func() time.Time { return f.now })
	f.cust, f.opp = customer.NewService(st, f.env), opportunity.NewService(st, f.env)
	f.prod, f.bin, f.log = product.NewService(st, f.env), recycle.NewService(st, f.env), oplog.NewService(st, f.env)
	return f
}

// seed makes a customer with a contact, a follow-up and an opportunity with
// two stage changes and a product line, plus a quote linked to another
// customer's opportunity, and returns the customer's and opportunity's ids.
func (f *fixture) seed(t *testing.T, name string) (int64, int64) {
	t.Helper()
	owner := storetest.Owner(t, f.st, "张三"+name)
	c, err := f.cust.Create(customer.Input{Name: name, OwnerID: owner})
	must(t, err)
	_, err = f.cust.AddContact(c.ID, customer.ContactInput{Name: "李四", Phone: "13800000000"})
	must(t, err)
	_, err = followup.NewService(f.st, f.env).Create(followup.Input{CustomerID: c.ID, Date: "2026-02-01", Content: "电话沟通"})
	must(t, err)
	o, err := f.opp.Create(opportunity.Input{Name: name + "项目", CustomerID: c.ID, OwnerID: owner, Amount: "1000",
		StageID: storetest.Stage(t, f.st, "初期沟通").ID})
	must(t, err)
	_, err = f.opp.ChangeStage(o.ID, opportunity.Move{StageID: storetest.Stage(t, f.st, "需求分析").ID})
	must(t, err)
	p, err := f.prod.Create(product.Input{Code: "P-" + name, Name: "软件", Unit: "套", Price: "500"})
	must(t, err)
	_, err = f.prod.SetOpportunityLines(o.ID, product.OpportunityLinesInput{Lines: []product.LineInput{{ProductID: p.ID, Quantity: "2"}}})
	must(t, err)
	return c.ID, o.ID
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

var dumped = []string{"customers", "contacts", "followups", "opportunities", "stage_history", "opportunity_lines", "products", "quotes"}

// dump is every row of the data tables, ids included.
func dump(t *testing.T, st *store.Store) string {
	t.Helper()
	var b strings.Builder
	for _, table := range dumped {
		rows, err := st.DB.Queryx(`SELECT * FROM ` + table + ` ORDER BY rowid`)
		must(t, err)
		for rows.Next() {
			r, err := rows.SliceScan()
			must(t, err)
			for i, v := range r {
				if x, ok := v.([]byte); ok {
					r[i] = string(x)
				}
			}
			fmt.Fprintf(&b, "%s %v\n", table, r)
		}
		rows.Close()
	}
	return b.String()
}

func funnelCount(t *testing.T, st *store.Store) int {
	var n int
	must(t, st.DB.Get(&n, `SELECT COUNT(*) FROM opportunities`))
	return n
}

func TestDeleteRestoreGivesBackTheSameRows(t *testing.T) {
	f := newFixture(t)
	f.seed(t, "华强电子")
	cid, _ := f.seed(t, "测试公司")
	before := dump(t, f.st)

	must(t, f.cust.Delete(cid))
	if got := funnelCount(t, f.st); got != 1 {
		t.Fatalf("opportunities after delete = %d, want 1", got)
	}
	for table, want := range map[string]int{"contacts": 1, "followups": 1, "stage_history": 2, "opportunity_lines": 1} {
		if n := storetest.Count(t, f.st, table); n != want {
			t.Errorf("%s after delete = %d, want %d (the other customer's)", table, n, want)
		}
	}
	page, err := f.bin.List(recycle.Filter{})
	must(t, err)
	if page.Total != 1 || page.Items[0].Kind != "customer" || page.Items[0].Name != "测试公司" || page.Days != 30 {
		t.Fatalf("bin = %+v", page)
	}
	// The flow history (customer_flow, the pool's 流转记录) goes with the customer.
	wantHeld := map[string]int{"contacts": 1, "customer_flow": 1, "followups": 1, "opportunities": 1, "stage_history": 2, "opportunity_lines": 1,
		"opportunity_field_history": 1} // the amount set to its lines' sum
	if fmt.Sprint(page.Items[0].Held) != fmt.Sprint(wantHeld) {
		t.Errorf("held = %v, want %v", page.Items[0].Held, wantHeld)
	}
	// The name is free again: a new customer may take it without a warning.
	same, err := f.cust.SameName("测试公司", 0)
	must(t, err)
	if len(same) != 0 {
		t.Errorf("a customer in the bin still counts as a duplicate: %v", same)
	}

	n, err := f.bin.Restore([]int64{page.Items[0].ID})
	must(t, err)
	if n != 1 {
		t.Fatalf("restored %d", n)
	}
	if after := dump(t, f.st); after != before {
		t.Fatalf("restore changed rows:\nbefore:\n%s\nafter:\n%s", before, after)
	}
	if page, _ := f.bin.List(recycle.Filter{}); page.Total != 0 {
		t.Errorf("bin still holds %d", page.Total)
	}
	logs, err := f.log.List(oplog.Filter{Kind: "customer", RecordID: cid})
	must(t, err)
	var actions []string
	for _, e := range logs.Items {
		actions = append(actions, e.Action)
	}
	if got := strings.Join(actions, ","); got != "restore,delete,create" {
		t.Errorf("customer log = %s", got)
	}
}

func TestRestoreOrderAndConflicts(t *testing.T) {
	f := newFixture(t)
	cid, oid := f.seed(t, "测试公司")
	must(t, f.opp.Delete(oid))
	must(t, f.cust.Delete(cid))
	page, err := f.bin.List(recycle.Filter{})
	must(t, err)
	var oppEntry, custEntry int64
	for _, e := range page.Items {
		switch e.Kind {
		case "opportunity":
			oppEntry = e.ID
		case "customer":
			custEntry = e.ID
		}
	}
	_, err = f.bin.Restore([]int64{oppEntry})
	storetest.WantErr(t, err, apperr.CodeConflict, "ids")
	if e, _ := apperr.As(err); e.Key.String() != "recycle.parentInBin" || !strings.Contains(e.Error(), "测试公司") {
		t.Errorf("err = %v, want the customer named as in the bin", err)
	}
	if funnelCount(t, f.st) != 0 {
		t.Fatal("a refused restore wrote rows")
	}

	// A customer of the same name made since blocks its restore, clearly.
	other, err := f.cust.Create(customer.Input{Name: "测试公司", OwnerID: storetest.Owner(t, f.st, "王五")})
	must(t, err)
	_, err = f.bin.Restore([]int64{custEntry})
	if e, ok := apperr.As(err); !ok || e.Key.String() != "recycle.nameTaken" {
		t.Fatalf("err = %v, want name taken", err)
	}
	must(t, f.cust.Delete(other.ID))

	// Both at once, opportunity first in the request: the customer goes back first.
	n, err := f.bin.Restore([]int64{oppEntry, custEntry})
	must(t, err)
	if n != 2 || funnelCount(t, f.st) != 1 {
		t.Fatalf("restored %d, opportunities %d", n, funnelCount(t, f.st))
	}
	_, err = f.bin.Restore([]int64{oppEntry})
	storetest.WantErr(t, err, apperr.CodeNotFound, "ids")
}

func TestProductCodeTakenSinceDelete(t *testing.T) {
	f := newFixture(t)
	p, err := f.prod.Create(product.Input{Code: "A-1", Name: "软件", Unit: "套", Price: "1"})
	must(t, err)
	must(t, f.prod.Delete(p.ID))
	_, err = f.prod.Create(product.Input{Code: "a-1", Name: "新软件", Unit: "套", Price: "1"})
	must(t, err) // the code is free while the first is in the bin
	page, _ := f.bin.List(recycle.Filter{Kind: "product"})
	_, err = f.bin.Restore([]int64{page.Items[0].ID})
	if e, ok := apperr.As(err); !ok || e.Key.String() != "recycle.uniqueTaken" || !strings.Contains(e.Error(), "A-1") {
		t.Fatalf("err = %v, want the code named", err)
	}
}

func TestExpiryAfterDays(t *testing.T) {
	tests := []struct {
		name  string
		days  int // 0: default
		after time.Duration
		purge int
	}{
		{"default keeps 29 days", 0, 29 * 24 * time.Hour, 0},
		{"default empties after 30 days", 0, 30*24*time.Hour + time.Minute, 1},
		{"setting of 7 keeps 6 days", 7, 6 * 24 * time.Hour, 0},
		{"setting of 7 empties after 8 days", 7, 8 * 24 * time.Hour, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			cid, _ := f.seed(t, "测试公司")
			must(t, f.cust.Delete(cid))
			if tt.days != 0 {
				_, err := f.bin.SetDays(tt.days)
				must(t, err)
			}
			f.now = f.now.Add(tt.after)
			n, err := recycle.PurgeExpired(f.bin)
			must(t, err)
			if n != tt.purge {
				t.Fatalf("purged %d, want %d", n, tt.purge)
			}
			page, _ := f.bin.List(recycle.Filter{})
			if page.Total != 1-tt.purge {
				t.Errorf("bin holds %d", page.Total)
			}
		})
	}
}

func TestSetDaysRefusesOutOfRange(t *testing.T) {
	f := newFixture(t)
	for _, d := range []int{0, -1, 3651} {
		_, err := f.bin.SetDays(d)
		storetest.WantErr(t, err, apperr.CodeInvalid, "days")
	}
}

func TestPurgeAndEmpty(t *testing.T) {
	f := newFixture(t)
	a, _ := f.seed(t, "甲")
	b, _ := f.seed(t, "乙")
	must(t, f.cust.Delete(a))
	must(t, f.cust.Delete(b))
	page, _ := f.bin.List(recycle.Filter{})
	n, err := f.bin.Purge([]int64{page.Items[0].ID})
	must(t, err)
	if n != 1 {
		t.Fatalf("purged %d", n)
	}
	n, err = f.bin.Empty()
	must(t, err)
	if n != 1 || storetest.Count(t, f.st, "recycle_bin") != 0 {
		t.Fatalf("emptied %d", n)
	}
	logs, _ := f.log.List(oplog.Filter{Action: oplog.Purge})
	if logs.Total != 2 {
		t.Errorf("purge log rows = %d", logs.Total)
	}
}

func TestLogOldAndNewValues(t *testing.T) {
	f := newFixture(t)
	owner := storetest.Owner(t, f.st, "张三")
	c, err := f.cust.Create(customer.Input{Name: "测试公司", OwnerID: owner, Phone: "010-12345678"})
	must(t, err)
	_, err = f.cust.Update(c.ID, customer.Input{Name: "测试公司", OwnerID: owner, Phone: "010-87654321"})
	must(t, err)
	o, err := f.opp.Create(opportunity.Input{Name: "项目", CustomerID: c.ID, OwnerID: owner, Amount: "10", StageID: storetest.Stage(t, f.st, "初期沟通").ID})
	must(t, err)
	_, err = f.opp.ChangeStage(o.ID, opportunity.Move{StageID: storetest.Stage(t, f.st, "立项评估").ID})
	must(t, err)
	must(t, f.opp.Delete(o.ID))

	tests := []struct {
		kind, action   string
		id             int64
		oldHas, newHas string
	}{
		{"customer", oplog.Create, c.ID, "", `"name":"测试公司"`},
		{"customer", oplog.Update, c.ID, `{"phone":"010-12345678"}`, `{"phone":"010-87654321"}`},
		{"opportunity", oplog.Stage, o.ID, `"stageName":"初期沟通"`, `"stageName":"立项评估"`},
		{"opportunity", oplog.Delete, o.ID, `"name":"项目"`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.kind+" "+tt.action, func(t *testing.T) {
			page, err := f.log.List(oplog.Filter{Kind: tt.kind, Action: tt.action, RecordID: tt.id})
			must(t, err)
			if page.Total != 1 {
				t.Fatalf("log rows = %d", page.Total)
			}
			e := page.Items[0]
			if !strings.Contains(e.OldJSON, tt.oldHas) || (tt.oldHas == "") != (e.OldJSON == "") {
				t.Errorf("old = %s, want %s", e.OldJSON, tt.oldHas)
			}
			if !strings.Contains(e.NewJSON, tt.newHas) || (tt.newHas == "") != (e.NewJSON == "") {
				t.Errorf("new = %s, want %s", e.NewJSON, tt.newHas)
			}
			if e.At != f.now.Format(time.RFC3339) && tt.action == oplog.Delete {
				t.Errorf("at = %s", e.At)
			}
		})
	}
	// The search finds a value inside the old and new values.
	page, err := f.log.List(oplog.Filter{Query: "010-12345678"})
	must(t, err)
	if page.Total != 2 { // the create and the update
		t.Errorf("search found %d", page.Total)
	}
}

func TestFailedChangeWritesNoLog(t *testing.T) {
	f := newFixture(t)
	owner := storetest.Owner(t, f.st, "张三")
	c, err := f.cust.Create(customer.Input{Name: "测试公司", OwnerID: owner})
	must(t, err)
	before := storetest.Count(t, f.st, "oplog")
	_, err = f.cust.Update(c.ID, customer.Input{Name: "", OwnerID: owner})
	storetest.WantErr(t, err, apperr.CodeInvalid, "name")
	// A transaction that logged and then failed leaves no row.
	boom := errors.New("boom")
	err = f.st.Tx(context.Background(), func(tx store.Tx) error {
		if err := oplog.Record(context.Background(), tx, oplog.Entry{Kind: "customer", ID: c.ID, Action: oplog.Update,
			Old: map[string]any{"a": 1}, New: map[string]any{"a": 2}}); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	// A refused delete moves nothing to the bin and logs nothing.
	err = f.cust.Delete(c.ID + 100)
	storetest.WantErr(t, err, apperr.CodeNotFound, "customerId")
	if got := storetest.Count(t, f.st, "oplog"); got != before {
		t.Errorf("log rows %d → %d", before, got)
	}
	if storetest.Count(t, f.st, "recycle_bin") != 0 {
		t.Error("bin written")
	}
}

func TestOlderDuplicateDoesNotBlockRestore(t *testing.T) {
	f := newFixture(t)
	owner := storetest.Owner(t, f.st, "张三")
	a, err := f.cust.Create(customer.Input{Name: "同名公司", OwnerID: owner})
	must(t, err)
	_, err = f.cust.Create(customer.Input{Name: "同名公司", OwnerID: owner, AllowDuplicate: true})
	must(t, err)
	must(t, f.cust.Delete(a.ID))
	page, _ := f.bin.List(recycle.Filter{})
	if _, err := f.bin.Restore([]int64{page.Items[0].ID}); err != nil {
		t.Fatalf("a duplicate confirmed before the delete blocked the restore: %v", err)
	}
}
