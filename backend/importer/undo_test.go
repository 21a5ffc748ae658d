package importer

import (
	"context"
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
