package store

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jmoiron/sqlx"
)

// newTestStore opens a fresh migrated database in t.TempDir(). (Package
// storetest does the same for the other packages; it cannot be imported here.)
func newTestStore(t *testing.T) *Store {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "t.db"))
}

func openAt(t *testing.T, path string) *Store {
	t.Helper()
	st, err := Open(path)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func count(t *testing.T, q Querier, query string, args ...any) int {
	t.Helper()
	var n int
	if err := q.GetContext(context.Background(), &n, query, args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func backups(t *testing.T, dbPath string) []string {
	t.Helper()
	m, err := filepath.Glob(dbPath + ".v*.bak")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// withMigrations makes Open read the embedded migrations plus extra (file
// name → SQL) until the test ends.
func withMigrations(t *testing.T, extra map[string]string) {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(embeddedMigrations, "migrations", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(embeddedMigrations, p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, sql := range extra {
		m["migrations/"+name] = &fstest.MapFile{Data: []byte(sql)}
	}
	old := migrationFS
	migrationFS = m
	t.Cleanup(func() { migrationFS = old })
}

func TestOpenConnectionSettings(t *testing.T) {
	st := newTestStore(t)
	tests := []struct {
		pragma string
		want   string
	}{
		{"journal_mode", "wal"},
		{"foreign_keys", "1"},
		{"busy_timeout", "5000"},
	}
	for _, tt := range tests {
		t.Run(tt.pragma, func(t *testing.T) {
			var got string
			if err := st.DB.Get(&got, "PRAGMA "+tt.pragma); err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("PRAGMA %s = %q, want %q", tt.pragma, got, tt.want)
			}
		})
	}
	if st.W.Stats().MaxOpenConnections != 1 {
		t.Errorf("writer MaxOpenConnections = %d, want 1", st.W.Stats().MaxOpenConnections)
	}
	// synchronous is per connection: the writer's is the one that counts.
	var sync int
	if err := st.W.Get(&sync, `PRAGMA synchronous`); err != nil || sync != 2 {
		t.Errorf("writer PRAGMA synchronous = %d (%v), want 2 (FULL)", sync, err)
	}
	if _, err := st.DB.Exec(`INSERT INTO settings (key, value) VALUES ('x', 'y')`); err == nil {
		t.Errorf("the read pool accepted a write")
	}
}

func TestOpenNewFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nested", "dir", "funneldesk.db")
	st := openAt(t, path)
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database file not created: %v", err)
	}
	ms, err := loadMigrations()
	if err != nil || len(ms) == 0 {
		t.Fatalf("loadMigrations = %v, %v", ms, err)
	}
	if got := count(t, st.DB, `SELECT COUNT(*) FROM schema_migrations`); got != len(ms) {
		t.Errorf("schema_migrations has %d rows, want %d", got, len(ms))
	}
	if got := count(t, st.DB, `SELECT MAX(version) FROM schema_migrations`); got != SchemaVersion() {
		t.Errorf("schema version %d, want %d", got, SchemaVersion())
	}
	if b := backups(t, path); len(b) != 0 {
		t.Errorf("a new file was backed up: %v", b)
	}
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	oid, err := InsertOwner(ctx, st.W, "张三", true)
	if err != nil {
		t.Fatal(err)
	}
	cid, err := InsertCustomer(ctx, st.W, Customer{Name: "大商股份(TEST)", OwnerID: &oid})
	if err != nil {
		t.Fatal(err)
	}
	if err := SetSetting(ctx, st.W, "language", "en"); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	st = openAt(t, path)
	c, err := GetCustomer(ctx, st.DB, cid)
	if err != nil {
		t.Fatalf("customer lost on reopen: %v", err)
	}
	if c.Name != "大商股份(TEST)" || c.OwnerName != "张三" {
		t.Errorf("customer after reopen = %+v", c)
	}
	if v, _ := GetSetting(ctx, st.DB, "language", "zh-CN"); v != "en" {
		t.Errorf("language after reopen = %q, want en", v)
	}
	stages, err := ListStages(ctx, st.DB)
	if err != nil || len(stages) != 8 {
		t.Errorf("stages after reopen = %d, %v; want the 8 defaults once", len(stages), err)
	}
	if b := backups(t, path); len(b) != 0 {
		t.Errorf("reopening an up-to-date file made a backup: %v", b)
	}
}

func TestMigrateExistingFileBacksUp(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "funneldesk.db")
	old := SchemaVersion()
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	oid, err := InsertOwner(ctx, st.W, "李四", true)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := InsertCustomer(ctx, st.W, Customer{Name: "喜多多贸易", OwnerID: &oid}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	// A newer binary brings one more migration.
	next := old + 1
	withMigrations(t, map[string]string{
		fmt.Sprintf("%04d_nickname.sql", next): `ALTER TABLE owners ADD COLUMN nickname TEXT NOT NULL DEFAULT '';
			UPDATE owners SET nickname = 'nick-' || name;`,
	})
	st = openAt(t, path)
	if got := count(t, st.DB, `SELECT MAX(version) FROM schema_migrations`); got != next {
		t.Errorf("schema version after upgrade = %d, want %d", got, next)
	}
	var nick string
	if err := st.DB.Get(&nick, `SELECT nickname FROM owners WHERE id = ?`, oid); err != nil || nick != "nick-李四" {
		t.Errorf("migration not applied to existing rows: %q, %v", nick, err)
	}
	if got := count(t, st.DB, `SELECT COUNT(*) FROM customers WHERE name = '喜多多贸易'`); got != 1 {
		t.Errorf("customer lost in upgrade: %d rows", got)
	}

	b := backups(t, path)
	if len(b) != 1 {
		t.Fatalf("backups = %v, want exactly one", b)
	}
	if !strings.HasPrefix(filepath.Base(b[0]), fmt.Sprintf("funneldesk.db.v%d-", old)) {
		t.Errorf("backup %s is not named after the old version %d", b[0], old)
	}
	// The backup is the database as it was: old version, same data, no new column.
	bk := openRaw(t, b[0])
	if got := count(t, bk, `SELECT MAX(version) FROM schema_migrations`); got != old {
		t.Errorf("backup schema version = %d, want %d", got, old)
	}
	if got := count(t, bk, `SELECT COUNT(*) FROM owners WHERE name = '李四'`); got != 1 {
		t.Errorf("backup lacks the owner")
	}
	if got := count(t, bk, `SELECT COUNT(*) FROM customers WHERE name = '喜多多贸易'`); got != 1 {
		t.Errorf("backup lacks the customer")
	}
	if got := count(t, bk, `SELECT COUNT(*) FROM pragma_table_info('owners') WHERE name = 'nickname'`); got != 0 {
		t.Errorf("backup was taken after migrating")
	}
}

func TestFailedMigrationKeepsFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	old := SchemaVersion()
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := InsertOwner(ctx, st.W, "王五", true); err != nil {
		t.Fatal(err)
	}
	st.Close()

	withMigrations(t, map[string]string{
		fmt.Sprintf("%04d_broken.sql", old+1): `CREATE TABLE half_done (x INTEGER); SELECT * FROM no_such_table;`,
	})
	if st, err := Open(path); err == nil {
		st.Close()
		t.Fatal("Open with a broken migration succeeded")
	}
	if len(backups(t, path)) != 1 {
		t.Errorf("no backup written before the failed migration")
	}

	db := openRaw(t, path)
	if got := count(t, db, `SELECT MAX(version) FROM schema_migrations`); got != old {
		t.Errorf("schema version = %d after a failed migration, want %d", got, old)
	}
	if got := count(t, db, `SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'`); got != 0 {
		t.Errorf("a failed migration left part of its work behind")
	}
	if got := count(t, db, `SELECT COUNT(*) FROM owners WHERE name = '王五'`); got != 1 {
		t.Errorf("data lost after a failed migration")
	}
}

func TestLoadMigrationsRejectsBadName(t *testing.T) {
	withMigrations(t, map[string]string{"extra.sql": `SELECT 1;`})
	if _, err := Open(filepath.Join(t.TempDir(), "t.db")); err == nil {
		t.Fatal("Open accepted a migration not named NNNN_name.sql")
	}
}

// openRaw opens a database file read-only, without migrating it.
func openRaw(t *testing.T, path string) Querier {
	t.Helper()
	db, err := sqlx.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestDefaultStages(t *testing.T) {
	st := newTestStore(t)
	got, err := ListStages(context.Background(), st.DB)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		name string
		bp   int
		kind string
	}{
		{"初期沟通", 1000, KindOpen},
		{"立项评估", 2000, KindOpen},
		{"需求分析", 3000, KindOpen},
		{"方案制定", 4000, KindOpen},
		{"招投标/竞争", 5000, KindOpen},
		{"商务谈判", 6000, KindOpen},
		{"谈成结束", 10000, KindWon},
		{"未成结束", 0, KindLost},
	}
	if len(got) != len(want) {
		t.Fatalf("%d stages, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Name != w.name || g.ProbabilityBP != w.bp || g.Kind != w.kind || g.Retired || g.Position != i+1 {
			t.Errorf("stage %d = %+v, want %s %d %s at %d", i, g, w.name, w.bp, w.kind, i+1)
		}
	}
}

func TestSchemaConstraints(t *testing.T) {
	ctx := context.Background()
	st := newTestStore(t)
	oid, err := InsertOwner(ctx, st.W, "张三", true)
	if err != nil {
		t.Fatal(err)
	}
	cid, err := InsertCustomer(ctx, st.W, Customer{Name: "C", OwnerID: &oid})
	if err != nil {
		t.Fatal(err)
	}
	first, _ := StageByName(ctx, st.DB, "初期沟通")
	tests := []struct {
		name string
		run  func() error
	}{
		{"unknown stage kind", func() error {
			_, err := InsertStage(ctx, st.W, Stage{Name: "半成", ProbabilityBP: 5000, Kind: "half"})
			return err
		}},
		{"duplicate stage name", func() error {
			_, err := InsertStage(ctx, st.W, Stage{Name: "初期沟通", ProbabilityBP: 0, Kind: KindOpen})
			return err
		}},
		{"duplicate owner name", func() error {
			_, err := InsertOwner(ctx, st.W, "张三", true)
			return err
		}},
		{"opportunity of unknown customer", func() error {
			_, err := InsertOpportunity(ctx, st.W, Opportunity{Name: "x", CustomerID: 999, OwnerID: oid, StageID: first.ID})
			return err
		}},
		{"opportunity of unknown owner", func() error {
			_, err := InsertOpportunity(ctx, st.W, Opportunity{Name: "x", CustomerID: cid, OwnerID: 999, StageID: first.ID})
			return err
		}},
		{"negative amount", func() error {
			_, err := InsertOpportunity(ctx, st.W, Opportunity{Name: "x", CustomerID: cid, OwnerID: oid, StageID: first.ID, AmountCents: -1})
			return err
		}},
		{"probability over 100%", func() error {
			_, err := InsertOpportunity(ctx, st.W, Opportunity{Name: "x", CustomerID: cid, OwnerID: oid, StageID: first.ID, ProbabilityBP: 10001})
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.run(); err == nil {
				t.Error("accepted")
			}
		})
	}
	if n := count(t, st.DB, `SELECT COUNT(*) FROM opportunities`); n != 0 {
		t.Errorf("%d opportunities written by refused inserts", n)
	}
}

func TestDeleteCustomerCascades(t *testing.T) {
	ctx := context.Background()
	st := newTestStore(t)
	oid, _ := InsertOwner(ctx, st.W, "张三", true)
	keep, _ := InsertCustomer(ctx, st.W, Customer{Name: "keep", OwnerID: &oid})
	gone, _ := InsertCustomer(ctx, st.W, Customer{Name: "gone", OwnerID: &oid})
	for _, cid := range []int64{keep, gone} {
		if _, err := InsertContact(ctx, st.W, Contact{CustomerID: cid, Name: "联系人"}); err != nil {
			t.Fatal(err)
		}
		if _, err := InsertFollowUp(ctx, st.W, FollowUp{CustomerID: cid, Date: "2024-01-01", Content: "电话"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := DeleteCustomer(ctx, st.W, gone); err != nil {
		t.Fatal(err)
	}
	if n := count(t, st.DB, `SELECT COUNT(*) FROM contacts WHERE customer_id = ?`, gone); n != 0 {
		t.Errorf("%d contacts left after deleting their customer", n)
	}
	if n := count(t, st.DB, `SELECT COUNT(*) FROM followups WHERE customer_id = ?`, gone); n != 0 {
		t.Errorf("%d follow-ups left after deleting their customer", n)
	}
	if n := count(t, st.DB, `SELECT COUNT(*) FROM contacts`) + count(t, st.DB, `SELECT COUNT(*) FROM followups`); n != 2 {
		t.Errorf("the other customer's records were touched: %d left, want 2", n)
	}
}

func TestTxRollsBackOnError(t *testing.T) {
	ctx := context.Background()
	st := newTestStore(t)
	boom := fmt.Errorf("boom")
	err := st.Tx(ctx, func(tx Tx) error {
		if _, err := InsertOwner(ctx, tx, "张三", true); err != nil {
			return err
		}
		return boom
	})
	if err != boom {
		t.Fatalf("Tx error = %v, want the callback's", err)
	}
	if n := count(t, st.DB, `SELECT COUNT(*) FROM owners`); n != 0 {
		t.Errorf("rolled-back insert is visible: %d owners", n)
	}
	if err := st.Tx(ctx, func(tx Tx) error {
		_, err := InsertOwner(ctx, tx, "李四", true)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if n := count(t, st.DB, `SELECT COUNT(*) FROM owners`); n != 1 {
		t.Errorf("committed insert: %d owners, want 1", n)
	}
}

func TestListCustomersQuery(t *testing.T) {
	ctx := context.Background()
	st := newTestStore(t)
	a, _ := InsertOwner(ctx, st.W, "A", true)
	b, _ := InsertOwner(ctx, st.W, "B", true)
	for _, c := range []Customer{
		{Name: "100% 纯净水", OwnerID: &a, Classification: "潜在客户"},
		{Name: "1000 纯净水", OwnerID: &a, Classification: "意向客户"},
		{Name: "a_b 公司", OwnerID: &b, Classification: "潜在客户", Phone: "010-1234"},
		{Name: "axb 公司", OwnerID: &b},
		{Name: `back\slash`, OwnerID: &b},
	} {
		if _, err := InsertCustomer(ctx, st.W, c); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		f    CustomerFilter
		want []string
	}{
		{"all by name", CustomerFilter{}, []string{"100% 纯净水", "1000 纯净水", "a_b 公司", "axb 公司", `back\slash`}},
		{"percent literal", CustomerFilter{Query: "0%"}, []string{"100% 纯净水"}},
		{"underscore literal", CustomerFilter{Query: "a_b"}, []string{"a_b 公司"}},
		{"backslash literal", CustomerFilter{Query: `k\s`}, []string{`back\slash`}},
		{"phone", CustomerFilter{Query: "1234"}, []string{"a_b 公司"}},
		{"classification", CustomerFilter{Classification: "潜在客户"}, []string{"100% 纯净水", "a_b 公司"}},
		{"owner", CustomerFilter{OwnerID: a}, []string{"100% 纯净水", "1000 纯净水"}},
		{"owner and query", CustomerFilter{OwnerID: b, Query: "公司"}, []string{"a_b 公司", "axb 公司"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.f.Limit = 100
			got, total, err := ListCustomers(ctx, st.DB, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, c := range got {
				names = append(names, c.Name)
			}
			if strings.Join(names, "|") != strings.Join(tt.want, "|") || total != len(tt.want) {
				t.Errorf("got %q (total %d), want %q", names, total, tt.want)
			}
		})
	}
	page, total, err := ListCustomers(ctx, st.DB, CustomerFilter{Offset: 2, Limit: 2})
	if err != nil || total != 5 || len(page) != 2 || page[0].Name != "a_b 公司" {
		t.Errorf("page 2 of 2 = %v, total %d, %v", page, total, err)
	}
}

func TestSettingsAndSavedViews(t *testing.T) {
	ctx := context.Background()
	st := newTestStore(t)
	if v, err := GetSetting(ctx, st.DB, "language", "zh-CN"); err != nil || v != "zh-CN" {
		t.Errorf("unset setting = %q, %v; want the default", v, err)
	}
	for _, v := range []string{"en", "zh-CN"} {
		if err := SetSetting(ctx, st.W, "language", v); err != nil {
			t.Fatal(err)
		}
		if got, _ := GetSetting(ctx, st.DB, "language", ""); got != v {
			t.Errorf("setting = %q, want %q", got, v)
		}
	}
	if n := count(t, st.DB, `SELECT COUNT(*) FROM settings`); n != 1 {
		t.Errorf("SetSetting twice made %d rows", n)
	}

	id1, err := UpsertSavedView(ctx, st.W, "我的", `{"view":"won"}`)
	if err != nil {
		t.Fatal(err)
	}
	id2, err := UpsertSavedView(ctx, st.W, "我的", `{"view":"lost"}`)
	if err != nil || id2 != id1 {
		t.Fatalf("replacing a view: id %d, %v; want %d", id2, err, id1)
	}
	v, err := SavedViewByName(ctx, st.DB, "我的")
	if err != nil || v.FilterJSON != `{"view":"lost"}` {
		t.Errorf("view = %+v, %v", v, err)
	}
	if ok, err := DeleteSavedView(ctx, st.W, id1); !ok || err != nil {
		t.Errorf("DeleteSavedView = %v, %v", ok, err)
	}
	if ok, _ := DeleteSavedView(ctx, st.W, id1); ok {
		t.Error("deleting a deleted view reported a deletion")
	}
	if _, err := SavedViewByName(ctx, st.DB, "我的"); err != ErrNotFound {
		t.Errorf("deleted view lookup = %v, want ErrNotFound", err)
	}
}

func TestIsEmpty(t *testing.T) {
	ctx := context.Background()
	st := newTestStore(t)
	if empty, err := IsEmpty(ctx, st.DB); !empty || err != nil {
		t.Errorf("new database IsEmpty = %v, %v", empty, err)
	}
	oid, _ := InsertOwner(ctx, st.W, "张三", true)
	if empty, _ := IsEmpty(ctx, st.DB); !empty {
		t.Error("an owner alone made the database non-empty")
	}
	InsertCustomer(ctx, st.W, Customer{Name: "C", OwnerID: &oid})
	if empty, _ := IsEmpty(ctx, st.DB); empty {
		t.Error("a database with a customer is empty")
	}
}

func TestNotFound(t *testing.T) {
	ctx := context.Background()
	st := newTestStore(t)
	tests := []struct {
		name string
		run  func() error
	}{
		{"owner", func() error { _, err := GetOwner(ctx, st.DB, 42); return err }},
		{"owner by name", func() error { _, err := OwnerByName(ctx, st.DB, "nobody"); return err }},
		{"stage", func() error { _, err := GetStage(ctx, st.DB, 42); return err }},
		{"customer", func() error { _, err := GetCustomer(ctx, st.DB, 42); return err }},
		{"contact", func() error { _, err := GetContact(ctx, st.DB, 42); return err }},
		{"opportunity", func() error { _, err := GetOpportunity(ctx, st.DB, 42); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.run(); err != ErrNotFound {
				t.Errorf("error = %v, want ErrNotFound", err)
			}
		})
	}
}

func TestOpenOddPaths(t *testing.T) {
	ctx := context.Background()
	for _, dir := range []string{"a#b", "50%25", "q?x", "with space", "销售 数据"} {
		t.Run(dir, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), dir, "funneldesk.db")
			st, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			var fk int
			if err := st.DB.Get(&fk, `PRAGMA foreign_keys`); err != nil || fk != 1 {
				t.Errorf("foreign_keys = %d, %v", fk, err)
			}
			if _, err := InsertOwner(ctx, st.W, "张三", true); err != nil {
				t.Fatal(err)
			}
			st.Close()
			if _, err := os.Stat(path); err != nil {
				t.Fatalf("database not written at %s: %v", path, err)
			}
			st = openAt(t, path)
			if n := count(t, st.DB, `SELECT COUNT(*) FROM owners`); n != 1 {
				t.Errorf("reopened %s holds %d owners, want 1", path, n)
			}
		})
	}
}

func TestAnotherProgramWritesConcurrently(t *testing.T) {
	// The busy timeout and immediate transactions let another program (the
	// sqlite3 shell, a sync tool) write beside the app without "database
	// is locked".
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	a := openAt(t, path)
	b, err := sqlx.Open("sqlite3", dsn(path, "_busy_timeout=5000&_txlock=immediate"))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	const n = 50
	errs := make(chan error, 2*n)
	for i := 0; i < n; i++ {
		go func() {
			errs <- a.Tx(ctx, func(tx Tx) error {
				var c int
				if err := tx.GetContext(ctx, &c, `SELECT COUNT(*) FROM owners`); err != nil {
					return err
				}
				_, err := InsertOwner(ctx, tx, fmt.Sprintf("owner-a-%d-%d", i, c), true)
				return err
			})
		}()
		go func() {
			tx, err := b.Beginx()
			if err != nil {
				errs <- err
				return
			}
			defer tx.Rollback()
			if _, err := InsertOwner(ctx, tx, fmt.Sprintf("owner-b-%d", i), true); err != nil {
				errs <- err
				return
			}
			errs <- tx.Commit()
		}()
	}
	for i := 0; i < 2*n; i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	if got := count(t, a.DB, `SELECT COUNT(*) FROM owners`); got != 2*n {
		t.Errorf("%d owners, want %d", got, 2*n)
	}
}

// A migration that lands with a lower number than one already applied (work
// merged from a parallel branch) is still applied on the next open.
func TestMigrationLandingOutOfOrder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "funneldesk.db")
	top := SchemaVersion()
	withMigrations(t, map[string]string{
		fmt.Sprintf("%04d_later.sql", top+2): `CREATE TABLE later_table (id INTEGER PRIMARY KEY);`,
	})
	st := openAt(t, path)
	st.Close()

	withMigrations(t, map[string]string{
		fmt.Sprintf("%04d_later.sql", top+2):   `CREATE TABLE later_table (id INTEGER PRIMARY KEY);`,
		fmt.Sprintf("%04d_between.sql", top+1): `CREATE TABLE between_table (id INTEGER PRIMARY KEY);`,
	})
	st = openAt(t, path)
	if got := count(t, st.DB, `SELECT COUNT(*) FROM schema_migrations WHERE version = `+fmt.Sprint(top+1)); got != 1 {
		t.Fatalf("the out-of-order migration %d was not recorded", top+1)
	}
	if got := count(t, st.DB, `SELECT COUNT(*) FROM sqlite_master WHERE name = 'between_table'`); got != 1 {
		t.Fatal("the out-of-order migration was not applied")
	}
	if len(backups(t, path)) != 1 {
		t.Errorf("backups = %v, want one before applying it", backups(t, path))
	}
}
