// Package store is the only package that speaks SQL. It opens the one SQLite
// file, applies the embedded migrations and offers typed queries per table.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jmoiron/sqlx"
	_ "github.com/mattn/go-sqlite3" // the SQLite driver, registered as "sqlite3"
)

//go:embed migrations/*.sql
var embeddedMigrations embed.FS

// migrationFS is where Open reads migrations/*.sql; tests swap in their own
// to check the upgrade of an existing file.
var migrationFS fs.FS = embeddedMigrations

// Store wraps the database handle.
type Store struct {
	DB   *sqlx.DB
	Path string
}

// ErrNotFound is returned when a row does not exist.
var ErrNotFound = errors.New("not found")

// DefaultPath is FunnelDesk/funneldesk.db in the OS user config dir.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("user config dir: %w", err)
	}
	return filepath.Join(dir, "FunnelDesk", "funneldesk.db"), nil
}

// Open opens (creating if needed) the database at path and migrates it. An
// existing file that needs migrating is first copied beside itself.
func Open(path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("create data dir: %w", err)
	}
	// PRAGMAs in the DSN so every pooled connection gets them. SQLite reads
	// the DSN as a URI: escape what would end or alter the file name.
	uriPath := strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23").Replace(path)
	dsn := "file:" + uriPath + "?_foreign_keys=on&_busy_timeout=5000&_journal_mode=WAL&_synchronous=NORMAL&_txlock=immediate"
	db, err := sqlx.Open("sqlite3", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// One connection: one writer, and no surprises with WAL snapshots.
	db.SetMaxOpenConns(1)
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s := &Store{DB: db, Path: path}
	if err := s.migrate(); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.backfillPinyin(context.Background()); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.DB.Close() }

type migration struct {
	version int
	name    string
	sql     string
}

func loadMigrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with NNNN_", e.Name())
		}
		b, err := fs.ReadFile(migrationFS, "migrations/"+e.Name())
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{v, e.Name(), string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

// SchemaVersion is the highest migration embedded in this binary.
func SchemaVersion() int {
	ms, _ := loadMigrations()
	if len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

func (s *Store) migrate() error {
	ms, err := loadMigrations()
	if err != nil {
		return err
	}
	if _, err := s.DB.Exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("schema_migrations: %w", err)
	}
	// Apply every embedded migration not yet recorded, not only those above
	// the highest: migrations written on parallel branches may land out of order.
	var applied []int
	if err := s.DB.Select(&applied, `SELECT version FROM schema_migrations`); err != nil {
		return fmt.Errorf("schema version: %w", err)
	}
	done := map[int]bool{}
	current := 0
	for _, v := range applied {
		done[v] = true
		current = max(current, v)
	}
	var pending []migration
	for _, m := range ms {
		if !done[m.version] {
			pending = append(pending, m)
		}
	}
	if len(pending) == 0 {
		return nil
	}
	if len(applied) > 0 {
		if err := s.backup(current); err != nil {
			return err
		}
	}
	for _, m := range pending {
		if err := s.apply(m); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) apply(m migration) error {
	tx, err := s.DB.Beginx()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec(m.sql); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	if _, err := tx.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`, m.version, m.name, Now()); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	return tx.Commit()
}

// backup writes a consistent copy of the database beside it before a
// migration touches it: funneldesk.db.v3-20261123-150405.bak.
func (s *Store) backup(version int) error {
	// Fold the WAL into the main file so the copy is complete.
	if _, err := s.DB.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return fmt.Errorf("checkpoint before backup: %w", err)
	}
	dst := fmt.Sprintf("%s.v%d-%s.bak", s.Path, version, time.Now().Format("20060102-150405"))
	if _, err := s.DB.Exec(`VACUUM INTO ?`, dst); err == nil {
		return nil
	}
	// VACUUM INTO needs SQLite 3.27; fall back to a file copy.
	return copyFile(s.Path, dst)
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("backup: %w", err)
	}
	return out.Close()
}

// clock is behind Now for the whole process: timestamps are written inside
// store functions that are handed only a Querier, and the headless server's
// --clock test aid must move them together with the services' clock.
var clock atomic.Pointer[func() time.Time]

// SetClock makes Now read c (nil: the system clock).
func SetClock(c func() time.Time) {
	if c == nil {
		clock.Store(nil)
		return
	}
	clock.Store(&c)
}

// Now is the timestamp format stored in *_at columns (RFC 3339, local time).
func Now() string {
	if c := clock.Load(); c != nil {
		return (*c)().Format(time.RFC3339)
	}
	return time.Now().Format(time.RFC3339)
}

// Tx runs fn in one transaction: one user action, one transaction.
func (s *Store) Tx(ctx context.Context, fn func(tx Tx) error) error {
	tx, err := s.DB.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// Tx is an open transaction.
type Tx = *sqlx.Tx

// Querier is what both *sqlx.DB and *sqlx.Tx offer, so queries run in or out of a tx.
type Querier interface {
	sqlx.ExtContext
	GetContext(ctx context.Context, dest any, query string, args ...any) error
	SelectContext(ctx context.Context, dest any, query string, args ...any) error
}

func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return err
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
