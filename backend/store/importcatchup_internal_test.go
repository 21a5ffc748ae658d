package store

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
)

// TestImportCatchUpHook adds a kept table to opportunities the way a
// migration would (an insert trigger, update and delete triggers that
// leave the import writer's rows alone) and registers it in
// importCatchUps with one line: its insert trigger is paused while the
// writer writes, and after an import (a new row updated by a repeated
// file row, an older row updated), its undo, a failed import and an
// ordinary write the table equals a fresh count.
func TestImportCatchUpHook(t *testing.T) {
	ctx := context.Background()
	st, err := Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	guard := `COALESCE((SELECT first_id FROM analysis_import_first), 9223372036854775807)`
	if _, err := st.W.Exec(`CREATE TABLE test_kept (owner_id INTEGER PRIMARY KEY, n INTEGER NOT NULL, amount INTEGER NOT NULL);
		CREATE TRIGGER test_kept_insert AFTER INSERT ON opportunities BEGIN
			INSERT INTO test_kept VALUES (NEW.owner_id, 1, NEW.amount_cents)
			ON CONFLICT DO UPDATE SET n = n + 1, amount = amount + excluded.amount; END;
		CREATE TRIGGER test_kept_update AFTER UPDATE OF owner_id, amount_cents ON opportunities WHEN NEW.id < ` + guard + ` BEGIN
			UPDATE test_kept SET n = n - 1, amount = amount - OLD.amount_cents WHERE owner_id = OLD.owner_id;
			INSERT INTO test_kept VALUES (NEW.owner_id, 1, NEW.amount_cents)
			ON CONFLICT DO UPDATE SET n = n + 1, amount = amount + excluded.amount; END;
		CREATE TRIGGER test_kept_delete AFTER DELETE ON opportunities WHEN OLD.id < ` + guard + ` BEGIN
			UPDATE test_kept SET n = n - 1, amount = amount - OLD.amount_cents WHERE owner_id = OLD.owner_id; END;`); err != nil {
		t.Fatal(err)
	}
	saved := importCatchUps
	defer func() { importCatchUps = saved }()
	importCatchUps = append(importCatchUps, importCatchUp{"test kept", []string{"test_kept_insert"},
		func(ctx context.Context, tx Tx, first, next int64) error {
			_, err := tx.ExecContext(ctx, `INSERT INTO test_kept SELECT owner_id, COUNT(*), SUM(amount_cents) FROM opportunities
				WHERE id >= ? AND id < ? GROUP BY owner_id
				ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount`, first, next)
			return err
		}})

	kept := func(step string) {
		t.Helper()
		var got, want []string
		if err := st.DB.Select(&got, `SELECT owner_id || ':' || n || ':' || amount FROM test_kept WHERE n <> 0 ORDER BY owner_id`); err != nil {
			t.Fatal(err)
		}
		if err := st.DB.Select(&want, `SELECT owner_id || ':' || COUNT(*) || ':' || SUM(amount_cents) FROM opportunities
			GROUP BY owner_id ORDER BY owner_id`); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: kept %v, fresh %v", step, got, want)
		}
		var trig int
		if err := st.DB.Get(&trig, `SELECT COUNT(*) FROM sqlite_master WHERE name = 'test_kept_insert'`); err != nil || trig != 1 {
			t.Fatalf("%s: insert trigger there %d times (%v)", step, trig, err)
		}
	}
	var owners []int64
	var cust, stage int64
	err = st.Tx(ctx, func(tx Tx) error {
		for _, name := range []string{"甲", "乙", "丙"} {
			id, err := InsertOwner(ctx, tx, name, true)
			if err != nil {
				return err
			}
			owners = append(owners, id)
		}
		if cust, err = InsertCustomer(ctx, tx, Customer{Name: "华东电子", OwnerID: &owners[0]}); err != nil {
			return err
		}
		if err := tx.GetContext(ctx, &stage, `SELECT id FROM stages WHERE kind = 'open' ORDER BY position LIMIT 1`); err != nil {
			return err
		}
		for i := range 6 {
			if _, err := InsertOpportunity(ctx, tx, Opportunity{Name: fmt.Sprintf("旧%d", i), CustomerID: cust, OwnerID: owners[i%3],
				StageID: stage, AmountCents: int64(100 * (i + 1))}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	kept("ordinary inserts")

	var importID int64
	err = st.ImportTx(ctx, func(tx Tx) error {
		w, err := NewImportWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.Close()
		var n int
		if err := tx.GetContext(ctx, &n, `SELECT COUNT(*) FROM sqlite_master WHERE name = 'test_kept_insert'`); err != nil || n != 0 {
			return fmt.Errorf("insert trigger not paused while writing (%d, %v)", n, err)
		}
		var added []int64
		for i := range 20 {
			id, err := w.AddOpportunity(Opportunity{Name: fmt.Sprintf("新%d", i), CustomerID: cust, OwnerID: owners[i%3],
				StageID: stage, AmountCents: int64(1000 + i)}, "")
			if err != nil {
				return err
			}
			added = append(added, id)
		}
		// A repeated file row moves a new row to another owner; a row of
		// the file updates an older one.
		o := Opportunity{Name: "新3", CustomerID: cust, OwnerID: owners[2], StageID: stage, AmountCents: 7777}
		if _, _, err := w.UpdateOpportunity(added[3], o, ""); err != nil {
			return err
		}
		o = Opportunity{Name: "旧1", CustomerID: cust, OwnerID: owners[2], StageID: stage, AmountCents: 5}
		if _, _, err := w.UpdateOpportunity(1, o, ""); err != nil {
			return err
		}
		if err := w.Finish(); err != nil {
			return err
		}
		first, next := w.Range()
		if importID, err = InsertImport(ctx, tx, Import{FileName: "a.csv", Kind: "opportunities", CreatedAt: w.Now()}); err != nil {
			return err
		}
		return AddImportItems(ctx, tx, importID, "opportunities", first, next)
	})
	if err != nil {
		t.Fatal(err)
	}
	kept("import")

	if err := st.Tx(ctx, func(tx Tx) error { return UndoImport(ctx, tx, importID, nil, Now(), nil) }); err != nil {
		t.Fatal(err)
	}
	kept("undo")

	err = st.ImportTx(ctx, func(tx Tx) error {
		w, err := NewImportWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.Close()
		if _, err := w.AddOpportunity(Opportunity{Name: "失败", CustomerID: cust, OwnerID: owners[0], StageID: stage, AmountCents: 9}, ""); err != nil {
			return err
		}
		return fmt.Errorf("a bad row")
	})
	if err == nil {
		t.Fatal("failed import committed")
	}
	kept("failed import")

	if err := st.Tx(ctx, func(tx Tx) error {
		_, err := InsertOpportunity(ctx, tx, Opportunity{Name: "之后", CustomerID: cust, OwnerID: owners[1], StageID: stage, AmountCents: 42})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	kept("ordinary insert after")
}
