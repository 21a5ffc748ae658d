// Package store is the only package that speaks SQL. It opens the one SQLite
// file, applies the embedded migrations and offers typed queries per table.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gofrs/flock"
	"github.com/jmoiron/sqlx"
	"github.com/mattn/go-sqlite3" // the SQLite driver, registered as "sqlite3"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
)

//go:embed migrations/*.sql
var embeddedMigrations embed.FS

// migrationFS is where Open reads migrations/*.sql; tests swap in their own
// to check the upgrade of an existing file.
var migrationFS fs.FS = embeddedMigrations

// Store wraps the database handles: a pool of read-only connections and the
// one writer. WAL lets readers go on while a writer (this process or
// another) holds the write lock, so a list never waits behind a save.
type Store struct {
	// DB reads: a pool of query-only connections. Writes go through Tx (or
	// W), never through DB.
	DB *sqlx.DB
	// W is the single writer connection every transaction runs on.
	W    *sqlx.DB
	Path string

	lock *flock.Flock

	mu     sync.Mutex
	idle   *time.Timer // checkpoints the WAL once writes pause
	closed bool
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

// busyTimeout is how long, in milliseconds, a write waits for another
// process's write lock before it gives up (tests shorten it).
var busyTimeout = "5000"

// readers is the size of the read pool: the UI asks for a few things at
// once when a screen opens.
const readers = 4

// idleCheckpoint is how long after the last write the WAL is folded into
// the database file, so that the .db alone holds every confirmed save as
// often as possible (a copy of it, a backup tool that skips -wal files).
var idleCheckpoint = 2 * time.Second

// dsn is the connection string for path: PRAGMAs in the DSN so every pooled
// connection gets them. SQLite reads the DSN as a URI: escape what would
// end or alter the file name.
func dsn(path, params string) string {
	return "file:" + strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23").Replace(path) + "?" + params
}

// Open opens (creating if needed) the database at path and migrates it. An
// existing file that needs migrating is first copied beside itself. A file
// another FunnelDesk has open, or one a newer FunnelDesk has migrated, is
// refused and left untouched.
func Open(path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("create data dir: %w", err)
	}
	// An OS lock beside the file (flock on unix, LockFileEx on Windows),
	// released by Close or by the OS when the process dies: a second
	// FunnelDesk on the same file would otherwise find out only when both
	// write, and the busy timeout runs out.
	lock := flock.New(path + ".lock")
	ok, err := lock.TryLock()
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	if !ok {
		return nil, inUse(path)
	}
	s, err := open(path, lock)
	if err != nil {
		lock.Unlock()
		return nil, err
	}
	if err := s.backfillPinyin(context.Background()); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.backfillDupeKeys(context.Background()); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func open(path string, lock *flock.Flock) (*Store, error) {
	if err := checkNotNewer(path); err != nil {
		return nil, err
	}
	// synchronous=FULL: with WAL, NORMAL may lose the last saves the user
	// saw confirmed on power failure; FULL syncs the WAL at each commit.
	w, err := sqlx.Open(writerDriver, dsn(path, "_foreign_keys=on&_busy_timeout="+busyTimeout+"&_journal_mode=WAL&_synchronous=FULL&_txlock=immediate"))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// One writer connection: SQLite takes one writer at a time anyway, and
	// in-process writers then queue here instead of in the busy handler.
	w.SetMaxOpenConns(1)
	if err := w.Ping(); err != nil {
		w.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s := &Store{W: w, Path: path, lock: lock}
	if err := s.migrate(); err != nil {
		w.Close()
		return nil, err
	}
	r, err := sqlx.Open("sqlite3", dsn(path, "_foreign_keys=on&_busy_timeout="+busyTimeout+"&_query_only=1&_txlock=deferred"))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	r.SetMaxOpenConns(readers)
	if err := r.Ping(); err != nil {
		r.Close()
		w.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s.DB = r
	return s, nil
}

// Close checkpoints the WAL, closes the database and releases the lock.
func (s *Store) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	if s.idle != nil {
		s.idle.Stop()
	}
	s.mu.Unlock()
	rerr := s.DB.Close()
	if s.W == nil { // opened for reading
		return rerr
	}
	_, cerr := s.W.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	werr := s.W.Close()
	if s.lock != nil {
		s.lock.Unlock()
	}
	return errors.Join(werr, rerr, cerr)
}

// wrote arms the idle checkpoint after a committed write.
func (s *Store) wrote() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	if s.idle == nil {
		s.idle = time.AfterFunc(idleCheckpoint, s.checkpoint)
		return
	}
	s.idle.Reset(idleCheckpoint)
}

// checkpoint folds the WAL into the database file. A reader still on an
// old snapshot keeps part of it; the next idle moment finishes the job.
func (s *Store) checkpoint() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	_, _ = s.W.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
}

func inUse(path string) error {
	return apperr.Conflict("file", msg.StoreInUse, msg.P{"path": path})
}

func newerSchema(v int) error {
	return apperr.Conflict("file", msg.StoreNewer, msg.P{"version": v})
}

// checkNotNewer refuses a file holding a migration this binary does not
// know. It reads through a read-only connection, so such a file is never
// modified (not even switched to WAL or given a schema_migrations table).
func checkNotNewer(path string) error {
	_, err := schemaState(path)
	return err
}

// schemaState tells, reading path without modifying it, whether migrations
// are pending (a new file has all of them pending), and refuses a file a
// newer FunnelDesk has migrated.
func schemaState(path string) (pending bool, err error) {
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		return true, nil // a new file
	}
	db, err := sqlx.Open("sqlite3", dsn(path, "mode=ro&_busy_timeout="+busyTimeout))
	if err != nil {
		return false, fmt.Errorf("open %s: %w", path, err)
	}
	defer db.Close()
	var has int
	if err := db.Get(&has, `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`); err != nil {
		return false, fmt.Errorf("open %s: %w", path, err)
	}
	if has == 0 {
		return true, nil
	}
	var applied []int
	if err := db.Select(&applied, `SELECT version FROM schema_migrations ORDER BY version`); err != nil {
		return false, fmt.Errorf("schema version: %w", err)
	}
	ms, err := loadMigrations()
	if err != nil {
		return false, err
	}
	known := map[int]bool{}
	for _, m := range ms {
		known[m.version] = true
	}
	done := map[int]bool{}
	for _, v := range applied {
		if !known[v] {
			return false, newerSchema(applied[len(applied)-1])
		}
		done[v] = true
	}
	return len(done) < len(ms), nil
}

// OpenForReading opens the database to read it only, beside a FunnelDesk
// that may have it open (the CLI's reports next to the app): no lock, no
// writer, no migration. A file that is new or needs migrating is opened
// with Open instead.
func OpenForReading(path string) (*Store, error) {
	pending, err := schemaState(path)
	if err != nil {
		return nil, err
	}
	if pending {
		return Open(path)
	}
	r, err := sqlx.Open("sqlite3", dsn(path, "_foreign_keys=on&_busy_timeout="+busyTimeout+"&_query_only=1&_txlock=deferred"))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	r.SetMaxOpenConns(readers)
	if err := r.Ping(); err != nil {
		r.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return &Store{DB: r, Path: path}, nil
}

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
	if _, err := s.W.Exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("schema_migrations: %w", err)
	}
	// Apply every embedded migration not yet recorded, not only those above
	// the highest: migrations written on parallel branches may land out of order.
	var applied []int
	if err := s.W.Select(&applied, `SELECT version FROM schema_migrations`); err != nil {
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

// foreignKeysOff marks a migration that rebuilds tables (SQLite's 12-step
// ALTER): with foreign keys on, dropping the old table would delete or
// refuse the rows that refer to it. PRAGMA foreign_keys is a no-op inside
// a transaction, so it is turned off around it, and foreign_key_check must
// find nothing before the migration commits.
const foreignKeysOff = "-- migrate: foreign_keys off"

// schemaItems lists every column of every table, and every index and
// trigger, by name.
const schemaItems = `SELECT 'column ' || m.name || '.' || c.name FROM sqlite_master m, pragma_table_info(m.name) c WHERE m.type = 'table'
	UNION ALL SELECT type || ' ' || name FROM sqlite_master WHERE type IN ('index', 'trigger')`

func (s *Store) apply(m migration) error {
	ctx := context.Background()
	conn, err := s.W.Connx(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	fkOff := strings.HasPrefix(m.sql, foreignKeysOff)
	if fkOff {
		if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		defer conn.ExecContext(ctx, `PRAGMA foreign_keys = ON`)
	}
	tx, err := conn.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var before []string
	if fkOff {
		if err := tx.Select(&before, schemaItems); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	if _, err := tx.Exec(m.sql); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	if fkOff {
		// A rebuild lists the columns, indexes and triggers it knows of; a
		// column or index another migration added (one that landed out of
		// order) would be lost without a word. Refuse instead.
		var after []string
		if err := tx.Select(&after, schemaItems); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		kept := map[string]bool{}
		for _, a := range after {
			kept[a] = true
		}
		for _, b := range before {
			if !kept[b] {
				return fmt.Errorf("migration %s would lose %s", m.name, b)
			}
		}
		var bad []struct {
			Table  string        `db:"table"`
			RowID  sql.NullInt64 `db:"rowid"`
			Parent string        `db:"parent"`
			FKID   sql.NullInt64 `db:"fkid"`
		}
		if err := tx.Select(&bad, `PRAGMA foreign_key_check`); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if len(bad) > 0 {
			return fmt.Errorf("migration %s: %d rows of %s refer to missing %s rows", m.name, len(bad), bad[0].Table, bad[0].Parent)
		}
	}
	if _, err := tx.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`, m.version, m.name, Now()); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	return tx.Commit()
}

// checkBackup is the check a backup must pass before it takes its name;
// tests replace it to play a failure.
var checkBackup = integrityCheck

// backup writes a consistent copy of the database beside it before a
// migration touches it: funneldesk.db.v3-20261123-150405.bak. The copy is
// written under a temporary name, checked, synced and only then renamed,
// so that a kill or a full disk never leaves a partial file under a
// backup's name; without a good backup the migration does not run.
func (s *Store) backup(version int) error {
	dst := fmt.Sprintf("%s.v%d-%s.bak", s.Path, version, time.Now().Format("20060102-150405"))
	if err := vacuumInto(context.Background(), s.W, dst); err != nil {
		return fmt.Errorf("backup before migrating (nothing was changed): %w", err)
	}
	return nil
}

// integrityCheck opens a database file read-only and runs integrity_check.
func integrityCheck(path string) error {
	db, err := sqlx.Open("sqlite3", dsn(path, "mode=ro"))
	if err != nil {
		return err
	}
	defer db.Close()
	var res []string
	if err := db.Select(&res, `PRAGMA integrity_check`); err != nil {
		return err
	}
	if len(res) != 1 || res[0] != "ok" {
		return fmt.Errorf("integrity_check of %s: %s", path, strings.Join(res, "; "))
	}
	return nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes a rename durable; Windows cannot open a directory for it
// and does not need it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
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
	tx, err := s.W.BeginTxx(ctx, nil)
	if err != nil {
		return busy(fmt.Errorf("begin: %w", err))
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return busy(err)
	}
	if err := tx.Commit(); err != nil {
		return busy(fmt.Errorf("commit: %w", err))
	}
	s.wrote()
	return nil
}

// busy turns SQLite's "database is locked", once the busy timeout has run
// out, into plain words: someone else holds the write lock, and this
// transaction changed nothing.
func busy(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked) {
		return apperr.Conflict("", msg.StoreBusy, nil)
	}
	return err
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
