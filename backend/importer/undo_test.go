package importer

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"funneldesk/backend/apperr"
	"funneldesk/backend/opportunity"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
)

func TestUndoImport(t *testing.T) {
	ctx := context.Background()
	st := openDB(t)
	first := "Name,Customer,Stage,Amount,External ID\nA,C1,初期沟通,100,x1\nB,C1,初期沟通,200,x2\n"
	if _, err := Import(ctx, st, Source{Name: "1.csv", Data: []byte(first)}, Options{}); err != nil {
		t.Fatal(err)
	}
	base := funnel(t, st)
	baseCounts := countRows(t, st)
	// The second file updates x1 and adds x3 and a customer.
	second := "Name,Customer,Stage,Amount,External ID\nA2,C1,商务谈判,150,x1\nC,C2,初期沟通,300,x3\n"
	res, err := Import(ctx, st, Source{Name: "2.csv", Data: []byte(second)}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 1 || res.Updated != 1 {
		t.Fatalf("result %+v, want 1 added 1 updated", res)
	}
	if _, err := UndoImport(ctx, st, res.ImportID, false); err != nil {
		t.Fatal(err)
	}
	if got := funnel(t, st); got != base {
		t.Errorf("after undo %+v, want %+v", got, base)
	}
	if got := countRows(t, st); got != baseCounts {
		t.Errorf("after undo %+v, want %+v", got, baseCounts)
	}
	if _, err := UndoImport(ctx, st, res.ImportID, false); !apperr.Is(err, apperr.CodeConflict) {
		t.Errorf("second undo: %v, want conflict", err)
	}

	// Changed since: refused, naming it; then the others only.
	res, err = Import(ctx, st, Source{Name: "2.csv", Data: []byte(second)}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Tx(ctx, func(tx store.Tx) error {
		_, err := tx.Exec(`UPDATE opportunities SET amount_cents = 1, updated_at = 'later' WHERE external_id = 'x3'`)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	_, err = UndoImport(ctx, st, res.ImportID, false)
	if e, ok := apperr.As(err); !ok || e.Code != apperr.CodeConflict || e.Params["count"] != 1 {
		t.Fatalf("undo after a change: %v, want a conflict naming 1 record", err)
	}
	u, err := UndoImport(ctx, st, res.ImportID, true)
	if err != nil || len(u.Kept) != 1 || u.Kept[0].Name != "C" {
		t.Fatalf("undo of the others: %+v %v", u, err)
	}
	if n := len(listOpps(t, st)); n != 3 {
		t.Errorf("%d opportunities, want the 2 first ones and the changed one", n)
	}
}

// TestUndoSeesAnEditInTheSameSecond: updated_at has whole seconds, so an
// edit through the app in the import's second (or under a fixed clock)
// leaves it unchanged; the operation log still shows the edit, and undo
// refuses to delete the edited opportunity.
func TestUndoSeesAnEditInTheSameSecond(t *testing.T) {
	ctx := context.Background()
	st := openDB(t)
	env := svc.New(svc.Fixed(time.Date(2026, 3, 1, 9, 0, 0, 0, time.Local)))
	store.SetClock(env.Now)
	t.Cleanup(func() { store.SetClock(nil) })
	res, err := Import(ctx, st, Source{Name: "1.csv", Data: []byte("Name,Customer,Stage,Amount,External ID\nA,C1,初期沟通,100,x1\n")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	opps := listOpps(t, st)
	svcOpp := opportunity.NewService(st, env)
	d, err := svcOpp.Get(opps[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	o := d.Opportunity
	in := opportunity.Input{Name: o.Name, CustomerID: o.CustomerID, OwnerID: o.OwnerID, StageID: o.StageID, Amount: "999",
		Probability: "10", ExpectedClose: o.ExpectedClose}
	if _, err := svcOpp.Update(o.ID, in); err != nil {
		t.Fatal(err)
	}
	_, err = UndoImport(ctx, st, res.ImportID, false)
	if e, ok := apperr.As(err); !ok || e.Code != apperr.CodeConflict {
		t.Fatalf("undo after an edit in the same second: %v, want a conflict naming it", err)
	}
}

// TestUndoProgress: an undo tells how many of the import's records it has
// dealt with, from 0 to all of them in steps of 1,024; the service shows
// the undo under way and refuses a second undo and an import beside it.
func TestUndoProgress(t *testing.T) {
	ctx := context.Background()
	st := openDB(t)
	var b strings.Builder
	b.WriteString("Name,Customer,Stage,Amount\n")
	for i := range 2500 {
		fmt.Fprintf(&b, "机会%d,客户%d,初期沟通,%d\n", i, i%700, 100+i)
	}
	res := mustImport(t, st, Source{Name: "big.csv", Data: []byte(b.String())}, Options{})
	var items int
	if err := st.DB.Get(&items, `SELECT COUNT(*) FROM import_items WHERE import_id = ?`, res.ImportID); err != nil || items < 3200 {
		t.Fatalf("%d import items (%v), want the 2,500 opportunities and 700 customers at least", items, err)
	}
	var calls [][2]int
	if _, err := undoImport(ctx, st, res.ImportID, false, func(done, total int) { calls = append(calls, [2]int{done, total}) }); err != nil {
		t.Fatal(err)
	}
	want := [][2]int{{0, items}}
	for d := 1024; d < items; d += 1024 {
		want = append(want, [2]int{d, items})
	}
	want = append(want, [2]int{items, items})
	if fmt.Sprint(calls) != fmt.Sprint(want) {
		t.Errorf("progress %v, want %v", calls, want)
	}

	s := NewService(st, svc.New(nil))
	if p := s.UndoProgress(); p != (UndoProgress{}) {
		t.Errorf("progress with no undo running: %+v", p)
	}
	// As while an undo runs (Undo sets these, and its progress the counts).
	s.mu.Lock()
	s.undoing = res.ImportID
	s.mu.Unlock()
	s.undoTotal.Store(5000)
	s.undoDone.Store(2048)
	if p := s.UndoProgress(); p != (UndoProgress{ImportID: res.ImportID, Done: 2048, Total: 5000}) {
		t.Errorf("progress %+v", p)
	}
	if _, err := s.Undo(res.ImportID, false); err == nil || !strings.Contains(err.Error(), "正在撤销") {
		t.Errorf("a second undo: %v, want refused as an undo is under way", err)
	}
	if _, err := s.PreviewData("a.csv", b64("Name,Customer\nA,C\n")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Start(s.file.token, PreviewOptions{}); err == nil || !strings.Contains(err.Error(), "正在撤销") {
		t.Errorf("an import beside the undo: %v, want refused", err)
	}
}

// TestUndoPlan: the question before an undo counts every table the import
// added to or updated, the file's kind first.
func TestUndoPlan(t *testing.T) {
	st := openDB(t)
	mustImport(t, st, Source{Name: "1.csv", Data: []byte("Name,Customer,Stage,Amount,External ID,Owner\nA,C1,初期沟通,100,x1,张三\n")}, Options{})
	res := mustImport(t, st, Source{Name: "2.csv", Data: []byte("Name,Customer,Stage,Amount,External ID,Owner\n" +
		"A2,C1,商务谈判,150,x1,张三\nB,C2,初期沟通,300,x2,李四\nC,C3,新阶段,1,x3,李四\n")}, Options{})
	s := NewService(st, svc.New(nil))
	plan, err := s.UndoPlan(res.ImportID)
	if err != nil {
		t.Fatal(err)
	}
	want := []store.ImportItemCount{{Table: "opportunities", Added: 2, Updated: 1}, {Table: "customers", Added: 2},
		{Table: "stages", Added: 1}, {Table: "owners", Added: 1}}
	if fmt.Sprint(plan) != fmt.Sprint(want) {
		t.Errorf("plan %+v, want %+v", plan, want)
	}
	if _, err := s.UndoPlan(res.ImportID + 1); !apperr.Is(err, apperr.CodeNotFound) {
		t.Errorf("plan of no import: %v, want not found", err)
	}
}
