package importer

import (
	"context"
	"strings"
	"testing"

	"funneldesk/backend/store"
)

// TestReimportLeavesUnchangedRowsAlone: a row equal to its record is
// counted as unchanged and writes nothing (updated_at and the history stay,
// nothing to undo); a changed row is written, counted as updated, recorded
// and undone; a row the file repeats updates the one the same import added.
// The summary tells the unchanged rows apart.
func TestReimportLeavesUnchangedRowsAlone(t *testing.T) {
	ctx := context.Background()
	st := openDB(t)
	file := "Name,Customer,Stage,Amount,Expected Close\nA,C1,初期沟通,100,2026-05-01\nB,C1,商务谈判,200,2026-06-01\nC,C2,初期沟通,300,2026-07-01\n"
	if _, err := Import(ctx, st, Source{Name: "1.csv", Data: []byte(file)}, Options{}); err != nil {
		t.Fatal(err)
	}
	stamps := func() map[string]string {
		out := map[string]string{}
		for _, o := range listOpps(t, st) {
			out[o.Name] = o.UpdatedAt
		}
		return out
	}
	// Backdate the rows, so that a write now would show.
	if err := st.Tx(ctx, func(tx store.Tx) error {
		_, err := tx.Exec(`UPDATE opportunities SET updated_at = '2020-01-01T00:00:00Z'`)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	before, history := stamps(), countRows(t, st).history

	res, err := Import(ctx, st, Source{Name: "2.csv", Data: []byte(file)}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 0 || res.Updated != 0 || res.Unchanged != 3 || res.Opportunities != 0 {
		t.Fatalf("again: %+v, want 3 unchanged, none written", res)
	}
	if sum := Summary(res, "2.csv"); !strings.Contains(sum, "0 new, 0 updated, 0 skipped, 0 merged; 3 unchanged") {
		t.Errorf("summary %q does not tell the unchanged rows", sum)
	}
	if im, err := store.GetImport(ctx, st.DB, res.ImportID); err != nil || UnchangedOf(im) != 3 || MergedOf(im) != 0 {
		t.Errorf("history: %d unchanged, %d merged (%v), want 3 and 0", UnchangedOf(im), MergedOf(im), err)
	}
	if got := stamps(); got["A"] != before["A"] || got["B"] != before["B"] || got["C"] != before["C"] {
		t.Errorf("unchanged rows were written: %v, want %v", got, before)
	}
	if got := countRows(t, st).history; got != history {
		t.Errorf("history %d rows, want %d", got, history)
	}
	var items int
	if err := st.DB.Get(&items, `SELECT COUNT(*) FROM import_items WHERE import_id = ? AND action = 'update'`, res.ImportID); err != nil {
		t.Fatal(err)
	}
	if items != 0 {
		t.Errorf("%d update items for unchanged rows, want 0", items)
	}

	// B moves on and is repeated with a new amount; D is new and repeated.
	changed := "Name,Customer,Stage,Amount,Expected Close\nA,C1,初期沟通,100,2026-05-01\nB,C1,谈成结束,250,2026-06-01\n" +
		"D,C2,初期沟通,400,2026-08-01\nD,C2,商务谈判,450,2026-08-01\nB,C1,谈成结束,260,2026-06-01\n"
	res, err = Import(ctx, st, Source{Name: "3.csv", Data: []byte(changed)}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The second D and the second B are merged into the first (the first
	// B updates the B there was), and their new values are noted.
	if res.Added != 1 || res.Updated != 1 || res.Unchanged != 1 || res.Merged != 2 || res.NoteCount != 3 {
		t.Fatalf("changed file: %+v, want 1 added, 1 updated (B), 1 unchanged (A), 2 merged, 3 notes", res)
	}
	got := map[string]store.Opportunity{}
	for _, o := range listOpps(t, st) {
		got[o.Name] = o
	}
	if len(got) != 4 || got["B"].AmountCents != 26000 || got["D"].AmountCents != 45000 || got["D"].StageName != "商务谈判" {
		t.Fatalf("after the changed file: %+v", got)
	}
	if got["A"].UpdatedAt != before["A"] || got["B"].UpdatedAt == before["B"] {
		t.Errorf("A written or B not: %q %q", got["A"].UpdatedAt, got["B"].UpdatedAt)
	}
	if err := st.DB.Get(&items, `SELECT COUNT(*) FROM import_items WHERE import_id = ? AND action = 'update'`, res.ImportID); err != nil {
		t.Fatal(err)
	}
	if items != 1 {
		t.Errorf("%d update items, want 1 (B)", items)
	}
	if _, err := UndoImport(ctx, st, res.ImportID, false); err != nil {
		t.Fatal(err)
	}
	after := map[string]store.Opportunity{}
	for _, o := range listOpps(t, st) {
		after[o.Name] = o
	}
	if len(after) != 3 || after["B"].AmountCents != 20000 || after["B"].StageName != "商务谈判" {
		t.Errorf("after undo: %+v", after)
	}
}

// TestReimportFindsExternalIDsUnderNewCustomers: a row with the other
// system's id is its record whatever customer it now names, one created
// by the same import included.
func TestReimportFindsExternalIDsUnderNewCustomers(t *testing.T) {
	ctx := context.Background()
	st := openDB(t)
	if _, err := Import(ctx, st, Source{Name: "1.csv", Data: []byte("Name,Customer,Stage,Amount,External ID\nA,C1,初期沟通,100,x1\n")}, Options{}); err != nil {
		t.Fatal(err)
	}
	res, err := Import(ctx, st, Source{Name: "2.csv", Data: []byte("Name,Customer,Stage,Amount,External ID\nA,C9,初期沟通,100,x1\n")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 0 || res.Updated != 1 || res.CustomersCreated != 1 {
		t.Fatalf("%+v, want x1 updated under a new customer", res)
	}
	if opps := listOpps(t, st); len(opps) != 1 || opps[0].CustomerName != "C9" {
		t.Errorf("opportunities %+v, want x1 moved to C9", opps)
	}
}
