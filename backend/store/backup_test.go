package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"funneldesk/backend/apperr"
)

// TestBackupAndRestoreInPlace: a backup taken while the store is open holds
// what was saved; after a delete, restoring it brings the record back to the
// same *Store (writer and read pool), the file stays in WAL mode, and later
// writes go on.
func TestBackupAndRestoreInPlace(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st := openAt(t, filepath.Join(dir, "funneldesk.db"))
	owner, err := InsertOwner(ctx, st.W, "张三", true)
	if err != nil {
		t.Fatal(err)
	}
	cid, err := InsertCustomer(ctx, st.W, Customer{Name: "甲公司", OwnerID: &owner})
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(dir, "backups", "b1.db")
	if err := WriteBackup(ctx, st.Path, dst); err != nil {
		t.Fatal(err)
	}
	if err := WriteBackup(ctx, st.Path, dst); err == nil {
		t.Error("a second backup overwrote the first")
	}
	if _, err := os.Stat(dst + ".partial"); !os.IsNotExist(err) {
		t.Error("the temporary file was left behind")
	}
	sum, err := SummarizeFile(ctx, dst)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Customers != 1 || sum.Schema != SchemaVersion() || len(sum.Latest) != 1 || sum.Latest[0].Name != "甲公司" {
		t.Fatalf("summary %+v", sum)
	}

	if err := DeleteCustomer(ctx, st.W, cid); err != nil {
		t.Fatal(err)
	}
	// A reader on the pool before the restore must see the new data after.
	if _, err := GetCustomer(ctx, st.DB, cid); err != ErrNotFound {
		t.Fatalf("deleted customer: %v", err)
	}
	if err := st.RestoreFrom(ctx, dst); err != nil {
		t.Fatal(err)
	}
	c, err := GetCustomer(ctx, st.DB, cid)
	if err != nil || c.Name != "甲公司" {
		t.Fatalf("after restore: %+v %v", c, err)
	}
	var mode string
	if err := st.W.Get(&mode, `PRAGMA journal_mode`); err != nil || mode != "wal" {
		t.Errorf("journal mode %q %v", mode, err)
	}
	if _, err := InsertCustomer(ctx, st.W, Customer{Name: "乙公司", OwnerID: &owner}); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st2 := openAt(t, st.Path)
	var n int
	if err := st2.DB.Get(&n, `SELECT COUNT(*) FROM customers`); err != nil || n != 2 {
		t.Errorf("after reopening: %d customers %v", n, err)
	}
	if err := integrityCheck(st.Path); err != nil {
		t.Error(err)
	}
}

// TestRestoreRefusesBadFiles: a newer schema, a file that is not a database
// and a file that is not FunnelDesk's are refused and nothing changes.
func TestRestoreRefusesBadFiles(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st := openAt(t, filepath.Join(dir, "funneldesk.db"))
	if _, err := InsertOwner(ctx, st.W, "张三", true); err != nil {
		t.Fatal(err)
	}

	newer := filepath.Join(dir, "newer.db")
	if err := WriteBackup(ctx, st.Path, newer); err != nil {
		t.Fatal(err)
	}
	other := openAt(t, newer)
	future := SchemaVersion() + 3
	if _, err := other.W.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, '')`, future, fmt.Sprintf("%04d_x.sql", future)); err != nil {
		t.Fatal(err)
	}
	other.Close()

	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte("not a database at all, not even close"), 0o644)
	foreign := filepath.Join(dir, "foreign.db")
	f := openAt(t, filepath.Join(dir, "seed.db"))
	f.W.Exec(`VACUUM INTO ?`, foreign)
	f.Close()
	fdb := openAt(t, foreign)
	fdb.W.Exec(`DROP TABLE schema_migrations`)
	fdb.Close()

	for _, tt := range []struct {
		name, path string
		conflict   bool
	}{{"newer", newer, true}, {"junk", junk, false}, {"foreign", foreign, false}, {"missing", filepath.Join(dir, "nope.db"), false}} {
		t.Run(tt.name, func(t *testing.T) {
			err := st.RestoreFrom(ctx, tt.path)
			if err == nil {
				t.Fatal("restored")
			}
			if _, ok := apperr.As(err); ok != tt.conflict {
				t.Errorf("error %v", err)
			}
			var n int
			if err := st.DB.Get(&n, `SELECT COUNT(*) FROM owners WHERE name = '张三'`); err != nil || n != 1 {
				t.Errorf("the current data changed: %d %v", n, err)
			}
		})
	}
}
