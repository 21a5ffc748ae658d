package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/jmoiron/sqlx"
	"github.com/mattn/go-sqlite3"
)

// WriteBackup writes a consistent copy of the database at path to dst, while
// the app may be using it: VACUUM INTO from a connection of its own, so that
// neither the writer nor the read pool waits for the copy. The copy is
// written under a temporary name, checked (integrity_check), synced and only
// then renamed to dst: a kill or a full disk never leaves a partial file
// under a backup's name. An existing dst is refused.
func WriteBackup(ctx context.Context, path, dst string) error {
	if _, err := os.Stat(dst); err == nil {
		return fmt.Errorf("backup %s: the file exists", dst)
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return fmt.Errorf("backup folder: %w", err)
	}
	db, err := sqlx.Open("sqlite3", dsn(path, "mode=ro&_busy_timeout="+busyTimeout))
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer db.Close()
	return vacuumInto(ctx, db, dst)
}

// vacuumInto writes db's copy to dst through a checked temporary file.
func vacuumInto(ctx context.Context, db *sqlx.DB, dst string) error {
	tmp := dst + ".partial"
	os.Remove(tmp) // a previous attempt's, killed before it finished
	fail := func(err error) error {
		os.Remove(tmp)
		return err
	}
	if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
		return fail(fmt.Errorf("backup: %w", err))
	}
	if err := checkBackup(tmp); err != nil {
		return fail(err)
	}
	if err := syncFile(tmp); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp, dst); err != nil {
		return fail(err)
	}
	syncDir(filepath.Dir(dst))
	return nil
}

// CheckBackupFile tells whether path is a database this binary may restore:
// it passes integrity_check and was not made by a newer FunnelDesk. The file
// is only read.
func CheckBackupFile(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if fi.IsDir() || fi.Size() == 0 {
		return fmt.Errorf("%s is not a FunnelDesk database", path)
	}
	if _, err := schemaState(path); err != nil {
		return err
	}
	if err := integrityCheck(path); err != nil {
		return err
	}
	db, err := sqlx.Open("sqlite3", dsn(path, "mode=ro"))
	if err != nil {
		return err
	}
	defer db.Close()
	var n int
	if err := db.Get(&n, `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('schema_migrations', 'customers', 'opportunities')`); err != nil {
		return fmt.Errorf("%s is not a FunnelDesk database: %w", path, err)
	}
	if n != 3 {
		return fmt.Errorf("%s is not a FunnelDesk database", path)
	}
	return nil
}

// RestoreFrom replaces the whole database with the backup at src, in place:
// SQLite's online backup API copies src's pages into the writer's
// connection as one write transaction, so the file is swapped atomically
// (a kill leaves the old data or the new, never a mix), the *Store every
// service holds stays valid, and the read pool sees the restored data at
// its next query. A backup from an older FunnelDesk is then migrated like a
// file opened at start. The caller checks src first (CheckBackupFile) and
// makes a backup of the current file.
func (s *Store) RestoreFrom(ctx context.Context, src string) error {
	if s.W == nil {
		return errors.New("restore: the database is open for reading only")
	}
	if err := CheckBackupFile(src); err != nil {
		return err
	}
	sdb, err := sql.Open("sqlite3", dsn(src, "mode=ro"))
	if err != nil {
		return err
	}
	defer sdb.Close()
	sconn, err := sdb.Conn(ctx)
	if err != nil {
		return err
	}
	defer sconn.Close()
	dconn, err := s.W.Conn(ctx)
	if err != nil {
		return err
	}
	err = dconn.Raw(func(d any) error {
		return sconn.Raw(func(sc any) error {
			b, err := d.(*sqlite3.SQLiteConn).Backup("main", sc.(*sqlite3.SQLiteConn), "main")
			if err != nil {
				return err
			}
			// All pages in one step: one write transaction, so no reader
			// ever sees half of the backup.
			if _, err := b.Step(-1); err != nil {
				b.Finish()
				return busy(fmt.Errorf("restore: %w", err))
			}
			return b.Finish()
		})
	})
	dconn.Close()
	if err != nil {
		return err
	}
	if err := s.migrate(); err != nil {
		return err
	}
	s.wrote()
	return nil
}

// BackupSummary is what a database file holds: its schema version, how many
// records of each kind, and the latest changed records.
type BackupSummary struct {
	Schema        int            `json:"schema"`
	Customers     int            `json:"customers"`
	Contacts      int            `json:"contacts"`
	Opportunities int            `json:"opportunities"`
	Products      int            `json:"products"`
	Quotes        int            `json:"quotes"`
	Orders        int            `json:"orders"`
	Latest        []LatestRecord `json:"latest"`
}

// LatestRecord is one recently changed record of a backup's preview.
type LatestRecord struct {
	Kind      string `db:"kind" json:"kind"` // customer, opportunity, order
	Name      string `db:"name" json:"name"`
	UpdatedAt string `db:"updated_at" json:"updatedAt"`
}

// latestShown is how many latest records a preview lists.
const latestShown = 8

// SummarizeFile reads path (without modifying it) and tells what it holds. A
// table an older FunnelDesk did not have counts as zero.
func SummarizeFile(ctx context.Context, path string) (BackupSummary, error) {
	db, err := sqlx.Open("sqlite3", dsn(path, "mode=ro&_busy_timeout="+busyTimeout))
	if err != nil {
		return BackupSummary{}, err
	}
	defer db.Close()
	var sum BackupSummary
	var tables []string
	if err := db.SelectContext(ctx, &tables, `SELECT name FROM sqlite_master WHERE type = 'table'`); err != nil {
		return sum, fmt.Errorf("read %s: %w", filepath.Base(path), err)
	}
	has := map[string]bool{}
	for _, t := range tables {
		has[t] = true
	}
	if has["schema_migrations"] {
		if err := db.GetContext(ctx, &sum.Schema, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`); err != nil {
			return sum, err
		}
	}
	for _, c := range []struct {
		table string
		n     *int
	}{{"customers", &sum.Customers}, {"contacts", &sum.Contacts}, {"opportunities", &sum.Opportunities},
		{"products", &sum.Products}, {"quotes", &sum.Quotes}, {"orders", &sum.Orders}} {
		if !has[c.table] {
			continue
		}
		if err := db.GetContext(ctx, c.n, `SELECT COUNT(*) FROM `+c.table); err != nil {
			return sum, err
		}
	}
	var parts []string
	if has["customers"] {
		parts = append(parts, `SELECT 'customer' AS kind, name, updated_at FROM customers`)
	}
	if has["opportunities"] {
		parts = append(parts, `SELECT 'opportunity', name, updated_at FROM opportunities`)
	}
	if has["orders"] {
		parts = append(parts, `SELECT 'order', number || CASE WHEN title = '' THEN '' ELSE ' ' || title END, updated_at FROM orders`)
	}
	sum.Latest = []LatestRecord{}
	if len(parts) > 0 {
		q := ""
		for i, p := range parts {
			if i > 0 {
				q += " UNION ALL "
			}
			q += p
		}
		q = `SELECT * FROM (` + q + `) ORDER BY updated_at DESC LIMIT ?`
		if err := db.SelectContext(ctx, &sum.Latest, q, latestShown); err != nil {
			return sum, err
		}
	}
	return sum, nil
}
