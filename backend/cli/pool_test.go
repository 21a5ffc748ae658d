package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"funneldesk/backend/pool"
	"funneldesk/backend/store"
)

// TestPoolRecycle: `pool recycle --dry-run` lists what would move and why
// and moves nothing; the real run moves it and writes the flow row.
func TestPoolRecycle(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	owner, err := store.InsertOwner(ctx, st.W, "张三", true)
	if err != nil {
		t.Fatal(err)
	}
	company, err := store.CompanyPool(ctx, st.DB)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.SetRules(ctx, st.W, company, []store.PoolRule{{Level: "A", NoFollowUpDays: 10}}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, level string }{{"甲", "A"}, {"乙", "B"}} {
		if _, err := store.InsertCustomer(ctx, st.W, store.Customer{Name: c.name, Level: c.level, OwnerID: &owner,
			OwnedSince: "2026-12-01T09:00:00+08:00"}); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()

	code, out, errs := runWith(t, db, nil, "pool", "recycle", "--dry-run", "--json", "--clock", "2026-12-11")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rep pool.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if !rep.DryRun || rep.Today != "2026-12-11" || len(rep.Moves) != 1 || rep.Moves[0].Customer != "甲" ||
		rep.Moves[0].Reason != "A：10 天未跟进" || rep.Moves[0].Pool != "企业公海" {
		t.Fatalf("report = %+v", rep)
	}
	code, out, _ = runWith(t, db, nil, "pool", "recycle", "--clock", "2026-12-10")
	if code != 0 || !strings.Contains(out, "共 0 个客户") {
		t.Fatalf("a day early: exit %d %q", code, out)
	}
	code, out, _ = runWith(t, db, nil, "pool", "recycle", "--clock", "2026-12-11")
	if code != 0 || !strings.Contains(out, "回收\t甲\t张三 → 企业公海\tA：10 天未跟进") || !strings.Contains(out, "共 1 个客户") {
		t.Fatalf("run: exit %d %q", code, out)
	}
	st, err = store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	var status string
	if err := st.DB.Get(&status, `SELECT status FROM customers WHERE name = '甲'`); err != nil || status != "pool" {
		t.Fatalf("status %q %v", status, err)
	}
	if n := countRows(t, st, `SELECT COUNT(*) FROM customer_flow WHERE action = 'recycle' AND rule = 'noFollowUp:A:10'`); n != 1 {
		t.Fatalf("flow rows %d", n)
	}
	st.Close()
	if code, _, _ := runWith(t, db, nil, "pool", "bogus"); code != 2 {
		t.Fatalf("bad subcommand exit %d", code)
	}
}

func countRows(t *testing.T, st *store.Store, q string) int {
	t.Helper()
	var n int
	if err := st.DB.Get(&n, q); err != nil {
		t.Fatal(err)
	}
	return n
}
