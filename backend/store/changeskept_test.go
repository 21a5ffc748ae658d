package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
)

// TestChangeMarksImportWriter: the import writer's paused triggers and
// its catch-up in Finish leave the change marks (migration 0031) as a
// fresh computation gives them, also when the import edits, moves and
// deletes its own new rows and an older one before Finish, dates closed
// ones at their closing, or fails.
func TestChangeMarksImportWriter(t *testing.T) {
	ctx := context.Background()
	st := storetest.New(t)
	owner := storetest.Owner(t, st, "张三")
	other := storetest.Owner(t, st, "李四")
	cust := storetest.Customer(t, st, "华东电子", owner)
	initial, won := storetest.Stage(t, st, "初期沟通"), storetest.Stage(t, st, "谈成结束")
	opp := func(i int, s store.Stage) store.Opportunity {
		return store.Opportunity{Name: fmt.Sprintf("机会%d", i), CustomerID: cust, OwnerID: owner, AmountCents: int64(1000 * (i + 1)),
			StageID: s.ID, ProbabilityBP: s.ProbabilityBP, ExpectedClose: "2026-09-01"}
	}
	check := func(step string) {
		t.Helper()
		diff, err := store.ChangeMarksDiff(ctx, st.DB)
		if err != nil || diff != "" {
			t.Fatalf("%s: change marks differ from a fresh computation (%v):\n%s", step, err, diff)
		}
	}
	var older int64
	if err := st.Tx(ctx, func(tx store.Tx) error {
		var err error
		older, err = store.InsertOpportunity(ctx, tx, opp(0, initial))
		if err != nil {
			return err
		}
		return store.InsertStageChange(ctx, tx, older, nil, initial.ID)
	}); err != nil {
		t.Fatal(err)
	}
	check("before")
	triggers := func() int {
		var n int
		if err := st.DB.Get(&n, `SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'change_marks_%'`); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := triggers()
	write := func(fail bool) error {
		return st.ImportTx(ctx, func(tx store.Tx) error {
			w, err := store.NewImportWriter(ctx, tx)
			if err != nil {
				return err
			}
			defer w.Close()
			var ids []int64
			for i := range 6 {
				s, closed := initial, ""
				if i%3 == 2 {
					s, closed = won, "2026-01-15T10:00:00+08:00"
				}
				id, err := w.AddOpportunity(opp(i+1, s), closed)
				if err != nil {
					return err
				}
				ids = append(ids, id)
			}
			// An upsert's second row: amount, owner and stage of a new row.
			o, err := store.GetOpportunity(ctx, tx, ids[1])
			if err != nil {
				return err
			}
			o.AmountCents, o.OwnerID, o.StageID = 77, other, won.ID
			if err := store.UpdateOpportunity(ctx, tx, o); err != nil {
				return err
			}
			if err := store.InsertStageChange(ctx, tx, o.ID, &initial.ID, won.ID); err != nil {
				return err
			}
			if _, err := store.DeleteOpportunities(ctx, tx, ids[3:4]); err != nil {
				return err
			}
			if o, err = store.GetOpportunity(ctx, tx, older); err != nil {
				return err
			}
			o.ExpectedClose = "2026-12-31"
			if err := store.UpdateOpportunity(ctx, tx, o); err != nil {
				return err
			}
			if fail {
				return errors.New("a bad row")
			}
			return w.Finish()
		})
	}
	if err := write(true); err == nil {
		t.Fatal("no error")
	}
	check("failed import")
	if err := write(false); err != nil {
		t.Fatal(err)
	}
	check("import")
	// The older one and five new (one deleted), each one creation mark:
	// everything happened on its creation day.
	var n int
	if err := st.DB.Get(&n, `SELECT COUNT(*) FROM change_marks`); err != nil || n != 6 {
		t.Errorf("%d marks (%v), want 6", n, err)
	}
	if after := triggers(); after != before || before < 20 {
		t.Errorf("%d change_marks triggers after the import, %d before", after, before)
	}
}
