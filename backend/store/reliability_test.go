package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/jmoiron/sqlx"

	"funneldesk/backend/apperr"
)

// upTo makes Open read the embedded migrations up to version v only, as a
// binary of that version would, until the test ends or upTo is called again.
func upTo(t *testing.T, v int) {
	t.Helper()
	m := fstest.MapFS{}
	for _, mg := range mustMigrations(t) {
		if mg.version <= v {
			m["migrations/"+mg.name] = &fstest.MapFile{Data: []byte(mg.sql)}
		}
	}
	old := migrationFS
	migrationFS = m
	t.Cleanup(func() { migrationFS = old })
}

func mustMigrations(t *testing.T) []migration {
	t.Helper()
	old := migrationFS
	migrationFS = embeddedMigrations
	defer func() { migrationFS = old }()
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// TestSecondOpenIsRefused: a second FunnelDesk on the same file is told so
// at start; the lock goes with Close.
func TestSecondOpenIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "funneldesk.db")
	a, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Open(path)
	e, ok := apperr.As(err)
	if !ok || e.Code != apperr.CodeConflict || !strings.Contains(e.Message, "另一个 FunnelDesk 正在使用") || !strings.Contains(e.MessageEn, "Another FunnelDesk is using") {
		t.Fatalf("second Open: %v, want it refused as in use", err)
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	b, err := Open(path)
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	b.Close()
}

// TestReadsDoNotWaitForAWriter: while another program holds the write lock,
// reads answer at once, and a write gives up with a plain message and
// changes nothing.
func TestReadsDoNotWaitForAWriter(t *testing.T) {
	old := busyTimeout
	busyTimeout = "1500"
	t.Cleanup(func() { busyTimeout = old })
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	st := openAt(t, path)
	if _, err := InsertOwner(ctx, st.W, "张三", true); err != nil {
		t.Fatal(err)
	}

	other, err := sqlx.Open("sqlite3", dsn(path, "_txlock=immediate"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	hold, err := other.Beginx()
	if err != nil {
		t.Fatal(err)
	}
	defer hold.Rollback()
	if _, err := hold.Exec(`INSERT INTO owners (name, active, created_at) VALUES ('别的程序', 1, '')`); err != nil {
		t.Fatal(err)
	}

	// A save of this app, waiting for the lock.
	saved := make(chan error, 1)
	go func() {
		saved <- st.Tx(ctx, func(tx Tx) error {
			_, err := InsertOwner(ctx, tx, "李四", true)
			return err
		})
	}()
	time.Sleep(100 * time.Millisecond)
	start := time.Now()
	owners, err := ListOwners(ctx, st.DB, true)
	if waited := time.Since(start); err != nil || waited > 500*time.Millisecond {
		t.Errorf("read took %v (%v), want it answered beside the waiting write", waited, err)
	}
	if len(owners) != 1 {
		t.Errorf("read %d owners, want the 1 committed", len(owners))
	}

	err = <-saved
	e, ok := apperr.As(err)
	if !ok || e.Code != apperr.CodeConflict || !strings.Contains(e.Message, "另一个 FunnelDesk（或别的程序）正在写这个数据文件") || !strings.Contains(e.MessageEn, "Another FunnelDesk (or another program) is writing") {
		t.Fatalf("write under another program's lock: %v, want the plain message", err)
	}
	hold.Rollback()
	if got := count(t, st.DB, `SELECT COUNT(*) FROM owners`); got != 1 {
		t.Errorf("%d owners after the refused write, want 1", got)
	}
	// Once the lock is free, the same save goes through.
	if err := st.Tx(ctx, func(tx Tx) error { _, err := InsertOwner(ctx, tx, "李四", true); return err }); err != nil {
		t.Fatal(err)
	}
}

// TestNewerSchemaIsRefusedUntouched: a file a newer FunnelDesk migrated
// is refused in both languages and not modified, not even by a byte.
func TestNewerSchemaIsRefusedUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "funneldesk.db")
	st := openAt(t, path)
	future := SchemaVersion() + 7
	if _, err := st.W.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, '')`, future, fmt.Sprintf("%04d_future.sql", future)); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	before := fileHash(t, path)

	_, err := Open(path)
	e, ok := apperr.As(err)
	if !ok || !strings.Contains(e.MessageEn, fmt.Sprintf("This file was made by a newer FunnelDesk (schema %d); upgrade to open it", future)) ||
		!strings.Contains(e.Message, fmt.Sprintf("更新版本的 FunnelDesk 创建的（数据结构版本 %d）", future)) {
		t.Fatalf("Open of a newer file: %v", err)
	}
	if fileHash(t, path) != before {
		t.Error("the newer file was modified")
	}
	if b := backups(t, path); len(b) != 0 {
		t.Errorf("backups %v of a file that is not migrated", b)
	}
	// The refusal released the lock.
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	openAt(t, path) // opens now: the refusal released the lock
}

// TestFailedBackupLeavesNoBackupAndNoMigration: a backup that fails its
// check (as a full disk or a kill would leave it) never appears under a
// backup's name, and the migration does not run without it.
func TestFailedBackupLeavesNoBackupAndNoMigration(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "funneldesk.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := InsertOwner(ctx, st.W, "王五", true); err != nil {
		t.Fatal(err)
	}
	st.Close()

	old := checkBackup
	checkBackup = func(p string) error {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("the check is not given the written copy: %v", err)
		}
		return errors.New("disk full")
	}
	t.Cleanup(func() { checkBackup = old })
	withMigrations(t, map[string]string{
		fmt.Sprintf("%04d_more.sql", SchemaVersion()+1): `CREATE TABLE more (id INTEGER PRIMARY KEY);`,
	})
	if st, err := Open(path); err == nil {
		st.Close()
		t.Fatal("migrated without a good backup")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".bak") {
			t.Errorf("left %s behind", e.Name())
		}
	}
	db := openRaw(t, path)
	if got := count(t, db, `SELECT COUNT(*) FROM sqlite_master WHERE name = 'more'`); got != 0 {
		t.Error("the migration ran without a backup")
	}

	// With a good check the backup is complete and checked.
	checkBackup = old
	openAt(t, path)
	b := backups(t, path)
	if len(b) != 1 {
		t.Fatalf("backups %v, want one", b)
	}
	if err := integrityCheck(b[0]); err != nil {
		t.Error(err)
	}
}

// TestIdleCheckpointLeavesDBComplete: after writes and a pause, the .db
// file alone (copied without its -wal) holds every saved row.
func TestIdleCheckpointLeavesDBComplete(t *testing.T) {
	old := idleCheckpoint
	idleCheckpoint = 100 * time.Millisecond
	t.Cleanup(func() { idleCheckpoint = old })
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "t.db")
	st := openAt(t, path)
	for i := range 50 {
		if err := st.Tx(ctx, func(tx Tx) error {
			_, err := InsertOwner(ctx, tx, fmt.Sprintf("销售%d", i), true)
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(600 * time.Millisecond)

	copied := filepath.Join(t.TempDir(), "copy.db")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(copied, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := count(t, openRaw(t, copied), `SELECT COUNT(*) FROM owners`); got != 50 {
		t.Errorf("the .db alone holds %d owners, want 50", got)
	}
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() != 0 {
		t.Errorf("-wal holds %d bytes after the idle checkpoint, want 0", fi.Size())
	}
}

// TestIDsAreNotReused: deleting the last customer does not give its id to
// the next one.
func TestIDsAreNotReused(t *testing.T) {
	ctx := context.Background()
	st := newTestStore(t)
	oid, _ := InsertOwner(ctx, st.W, "张三", true)
	var last int64
	for _, n := range []string{"甲", "乙", "丙"} {
		id, err := InsertCustomer(ctx, st.W, Customer{Name: n, OwnerID: &oid})
		if err != nil {
			t.Fatal(err)
		}
		last = id
	}
	if err := DeleteCustomer(ctx, st.W, last); err != nil {
		t.Fatal(err)
	}
	next, err := InsertCustomer(ctx, st.W, Customer{Name: "丁", OwnerID: &oid})
	if err != nil {
		t.Fatal(err)
	}
	if next <= last {
		t.Errorf("new customer got id %d after deleting %d, want a new id", next, last)
	}
	// The import writer hands out ids the same way.
	if err := DeleteCustomer(ctx, st.W, next); err != nil {
		t.Fatal(err)
	}
	var imported int64
	err = st.ImportTx(ctx, func(tx Tx) error {
		w, err := NewImportWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.Close()
		imported, err = w.AddCustomer(Customer{Name: "戊", OwnerID: &oid})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if imported <= next {
		t.Errorf("imported customer got id %d after deleting %d, want a new id", imported, next)
	}
}

// TestAutoincrementMigrationKeepsEverything migrates a file of the schema
// before 0009, with rows, gaps in the ids and references between tables,
// and checks that every row, id, index and trigger survives.
func TestAutoincrementMigrationKeepsEverything(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "funneldesk.db")
	upTo(t, 8)
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	seed := `
INSERT INTO owners (id, name, active, created_at) VALUES (1, '张三', 1, 't'), (2, '李四', 0, 't'), (5, '王五', 1, 't');
INSERT INTO price_lists (id, name, created_at) VALUES (3, '批发价', 't');
INSERT INTO customers (id, name, owner_id, created_at, updated_at, price_list_id, credit_limit_cents, credit_days)
	VALUES (1, '大商股份', 1, 't', 't', 3, 100000, 30), (4, '喜多多', 5, 't', 't', NULL, NULL, 0);
INSERT INTO contacts (id, customer_id, name) VALUES (2, 1, '联系人甲'), (7, 4, '联系人乙');
INSERT INTO followups (id, customer_id, date, content, created_at) VALUES (9, 4, '2025-01-01', '电话', 't');
INSERT INTO opportunities (id, name, customer_id, owner_id, stage_id, probability_bp, amount_cents, created_at, updated_at)
	VALUES (3, '采购', 1, 1, 1, 1000, 500000, 't', 't'), (8, '续约', 4, 5, 2, 2000, 0, 't', 't');
INSERT INTO stage_history (id, opportunity_id, from_stage_id, to_stage_id, changed_at) VALUES (1, 3, NULL, 1, 't'), (6, 8, 1, 2, 't');
INSERT INTO saved_views (id, name, filter_json, created_at) VALUES (2, '我的', '{}', 't');
INSERT INTO categories (id, name, parent_id, created_at) VALUES (1, '硬件', NULL, 't'), (2, '打印机', 1, 't');
INSERT INTO products (id, code, name, category_id, price_cents, owner_id, created_at, updated_at) VALUES (5, 'P-1', '打印机', 2, 120000, 1, 't', 't');
INSERT INTO price_list_items (price_list_id, product_id, price_cents) VALUES (3, 5, 100000);
INSERT INTO quotes (id, number, customer_id, opportunity_id, owner_id, quote_date, created_at, updated_at) VALUES (4, 'Q-1', 1, 3, 1, '2025-01-02', 't', 't');
DELETE FROM owners WHERE id = 2;`
	if _, err := st.W.Exec(seed); err != nil {
		t.Fatal(err)
	}
	tables := []string{"owners", "stages", "customers", "contacts", "followups", "opportunities", "stage_history", "saved_views",
		"categories", "products", "price_lists", "price_list_items", "quotes", "settings"}
	dump := func(q Querier) string {
		var b bytes.Buffer
		for _, tb := range tables {
			rows, err := q.QueryxContext(ctx, `SELECT * FROM `+tb+` ORDER BY 1, 2`)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				cols, err := rows.SliceScan()
				if err != nil {
					t.Fatal(err)
				}
				fmt.Fprintf(&b, "%s %v\n", tb, cols)
			}
			rows.Close()
		}
		return b.String()
	}
	schema := func(q Querier) string {
		var s []string
		if err := q.SelectContext(ctx, &s, `SELECT type || ' ' || name || ' ON ' || tbl_name || ': ' || COALESCE(sql, '') FROM sqlite_master
			WHERE type IN ('index', 'trigger') ORDER BY name`); err != nil {
			t.Fatal(err)
		}
		return strings.Join(s, "\n")
	}
	before, beforeSchema := dump(st.W), schema(st.W)
	st.Close()

	upTo(t, 9) // 0009 alone: later migrations add their own columns and indexes
	st = openAt(t, path)
	if after := dump(st.DB); after != before {
		t.Errorf("rows changed:\n%s\nwant\n%s", after, before)
	}
	if after := schema(st.DB); after != beforeSchema {
		t.Errorf("indexes or triggers changed:\n%s\nwant\n%s", after, beforeSchema)
	}
	var auto int
	if err := st.DB.Get(&auto, `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND sql LIKE '%INTEGER PRIMARY KEY AUTOINCREMENT%'`); err != nil || auto < 20 {
		t.Errorf("%d tables with AUTOINCREMENT (%v), want every table with an id", auto, err)
	}
	for _, pragma := range []string{"foreign_key_check", "integrity_check"} {
		var out []string
		rows, err := st.DB.Query(`PRAGMA ` + pragma)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			out = append(out, pragma)
		}
		rows.Close()
		if (pragma == "foreign_key_check" && len(out) != 0) || (pragma == "integrity_check" && len(out) != 1) {
			t.Errorf("PRAGMA %s: %d rows", pragma, len(out))
		}
	}
	// Foreign keys still cascade and refuse as before.
	if _, err := st.W.Exec(`INSERT INTO contacts (customer_id, name) VALUES (99, 'x')`); err == nil {
		t.Error("a contact of a missing customer was accepted after the migration")
	}
	if _, err := st.W.Exec(`INSERT INTO customers (id, name, created_at, updated_at) VALUES (10, '临时', 't', 't');
		INSERT INTO contacts (customer_id, name) VALUES (10, '临时联系人');
		DELETE FROM customers WHERE id = 10`); err != nil {
		t.Fatal(err)
	}
	if got := count(t, st.DB, `SELECT COUNT(*) FROM contacts WHERE customer_id = 10`); got != 0 {
		t.Error("deleting a customer no longer cascades to its contacts")
	}
	// The deleted owner 2 and the highest ids stay used.
	oid, err := InsertOwner(ctx, st.W, "赵六", true)
	if err != nil || oid != 6 {
		t.Errorf("new owner id %d (%v), want 6", oid, err)
	}
	var fk int
	if err := st.W.Get(&fk, `PRAGMA foreign_keys`); err != nil || fk != 1 {
		t.Errorf("writer foreign_keys = %d after the migration, want 1", fk)
	}
}

// TestRebuildRefusesToLoseAColumn: a table rebuild that would drop a
// column added by a migration it does not know of (one landed out of
// order) is refused and leaves the file as it was.
func TestRebuildRefusesToLoseAColumn(t *testing.T) {
	path := filepath.Join(t.TempDir(), "funneldesk.db")
	upTo(t, 8)
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.W.Exec(`ALTER TABLE customers ADD COLUMN pinyin TEXT NOT NULL DEFAULT ''`); err != nil {
		t.Fatal(err)
	}
	st.Close()
	migrationFS = embeddedMigrations
	_, err = Open(path)
	if err == nil || !strings.Contains(err.Error(), "would lose column customers.pinyin") {
		t.Fatalf("Open: %v, want the rebuild refused", err)
	}
	db := openRaw(t, path)
	if got := count(t, db, `SELECT COUNT(*) FROM pragma_table_info('customers') WHERE name = 'pinyin'`); got != 1 {
		t.Error("the column was lost")
	}
}

// TestImportOutlastsIdleCheckpoint: an import that takes longer than the
// idle checkpoint's delay after an earlier write commits and returns (the
// checkpoint waited for the writer connection while the import, done,
// waited to arm the next checkpoint: a deadlock).
func TestImportOutlastsIdleCheckpoint(t *testing.T) {
	old := idleCheckpoint
	idleCheckpoint = 50 * time.Millisecond
	t.Cleanup(func() { idleCheckpoint = old })
	ctx := context.Background()
	st := openAt(t, filepath.Join(t.TempDir(), "t.db"))
	if err := st.Tx(ctx, func(tx Tx) error { _, err := InsertOwner(ctx, tx, "甲", true); return err }); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		done <- st.ImportTx(ctx, func(tx Tx) error {
			time.Sleep(300 * time.Millisecond) // the checkpoint falls due meanwhile
			_, err := InsertOwner(ctx, tx, "乙", true)
			return err
		})
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the import did not return: deadlocked with the idle checkpoint")
	}
}
