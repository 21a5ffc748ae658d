// Package backup makes, lists, checks and restores copies of the database:
// "back up now", the automatic daily backups kept N days and M weeks, and a
// restore that first backs up the file it replaces.
//
// Backups are plain FunnelDesk database files in one folder (by default
// "backups" beside the database; the user may choose another, a USB stick or
// a synced folder), named by kind and time so that the list, the retention
// and a person looking at the folder agree:
//
//	funneldesk-20261206-104400.db                 backed up by hand
//	funneldesk-auto-20261206-090000.db            the daily automatic backup
//	funneldesk-before-restore-20261206-104500.db  the file a restore replaced
//
// Only automatic backups are ever deleted, by the retention rule.
package backup

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
	"funneldesk/backend/oplog"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
)

// The kinds of backup, as named in the file and shown in the list.
const (
	KindManual        = "manual"
	KindAuto          = "auto"
	KindBeforeRestore = "before-restore"
)

var prefixes = map[string]string{
	KindManual:        "funneldesk-",
	KindAuto:          "funneldesk-auto-",
	KindBeforeRestore: "funneldesk-before-restore-",
}

const stamp = "20060102-150405"

// Retention defaults and bounds.
const (
	DefaultKeepDays  = 7
	DefaultKeepWeeks = 4
	MaxKeepDays      = 365
	MaxKeepWeeks     = 260
)

// Setting keys.
const (
	settingFolder    = "backup_folder"
	settingKeepDays  = "backup_keep_days"
	settingKeepWeeks = "backup_keep_weeks"
	settingAuto      = "backup_auto"
)

// Entry is one backup in the folder.
type Entry struct {
	Name string `json:"name"`
	Path string `json:"path"`
	Kind string `json:"kind"`
	// Time is when it was made (RFC 3339, local time).
	Time string `json:"time"`
	Size int64  `json:"size"`
	// Summary is what it holds; nil when the file cannot be read, and then
	// Problem says why.
	Summary *store.BackupSummary `json:"summary"`
	Problem string               `json:"problem"`
}

// Status is the backup screen: the folder, the rules and the backups, newest
// first.
type Status struct {
	Folder    string  `json:"folder"`
	Auto      bool    `json:"auto"`
	KeepDays  int     `json:"keepDays"`
	KeepWeeks int     `json:"keepWeeks"`
	Backups   []Entry `json:"backups"`
	// CanChooseFolder is false headless, where there is no folder dialog.
	CanChooseFolder bool `json:"canChooseFolder"`
}

// Settings are the rules the user sets.
type Settings struct {
	Auto      bool `json:"auto"`
	KeepDays  int  `json:"keepDays"`
	KeepWeeks int  `json:"keepWeeks"`
}

// Restored tells what a restore put in place and where the replaced data
// went.
type Restored struct {
	From    string              `json:"from"`
	Summary store.BackupSummary `json:"summary"`
	Before  Entry               `json:"before"`
}

// FolderDialog asks the user for a folder; "" when cancelled.
type FolderDialog func(title string) (string, error)

// Service is bound to the UI.
type Service struct {
	st            *store.Store
	env           *svc.Env
	defaultFolder string

	mu     sync.Mutex // one backup or restore at a time
	dialog FolderDialog
}

// NewService returns the service over st; defaultFolder is where backups go
// until the user chooses a folder (the desktop app: "backups" beside the
// database; headless: under --save-dir).
func NewService(st *store.Store, env *svc.Env, defaultFolder string) *Service {
	return &Service{st: st, env: env, defaultFolder: defaultFolder}
}

// DefaultFolder is "backups" beside the database file.
func DefaultFolder(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), "backups")
}

// SetFolderDialog hands the service the native folder dialog (desktop only).
func SetFolderDialog(s *Service, d FolderDialog) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.dialog = d
}

// Folder is where backups are written now.
func Folder(ctx context.Context, q store.Querier, defaultFolder string) (string, error) {
	return store.GetSetting(ctx, q, settingFolder, defaultFolder)
}

// Status returns the folder, the rules and the list of backups.
func (s *Service) Status() (Status, error) {
	ctx := s.env.Ctx()
	folder, err := Folder(ctx, s.st.DB, s.defaultFolder)
	if err != nil {
		return Status{}, err
	}
	set, err := s.settings(ctx)
	if err != nil {
		return Status{}, err
	}
	list, err := List(ctx, folder)
	if err != nil {
		return Status{}, err
	}
	s.mu.Lock()
	can := s.dialog != nil
	s.mu.Unlock()
	return Status{Folder: folder, Auto: set.Auto, KeepDays: set.KeepDays, KeepWeeks: set.KeepWeeks, Backups: list, CanChooseFolder: can}, nil
}

func (s *Service) settings(ctx context.Context) (Settings, error) {
	out := Settings{Auto: true, KeepDays: DefaultKeepDays, KeepWeeks: DefaultKeepWeeks}
	auto, err := store.GetSetting(ctx, s.st.DB, settingAuto, "1")
	if err != nil {
		return out, err
	}
	out.Auto = auto != "0"
	for _, v := range []struct {
		key string
		n   *int
	}{{settingKeepDays, &out.KeepDays}, {settingKeepWeeks, &out.KeepWeeks}} {
		raw, err := store.GetSetting(ctx, s.st.DB, v.key, "")
		if err != nil {
			return out, err
		}
		if n, err := strconv.Atoi(raw); err == nil {
			*v.n = n
		}
	}
	return out, nil
}

// SetSettings changes the automatic backup and its retention; the rule
// applies at once.
func (s *Service) SetSettings(in Settings) (Status, error) {
	if in.KeepDays < 1 || in.KeepDays > MaxKeepDays {
		return Status{}, apperr.Invalid("keepDays", msg.BackupRange, msg.P{"field": msg.LabelBackupKeepDays, "min": 1, "max": MaxKeepDays})
	}
	if in.KeepWeeks < 0 || in.KeepWeeks > MaxKeepWeeks {
		return Status{}, apperr.Invalid("keepWeeks", msg.BackupRange, msg.P{"field": msg.LabelBackupKeepWeeks, "min": 0, "max": MaxKeepWeeks})
	}
	ctx := s.env.Ctx()
	auto := "0"
	if in.Auto {
		auto = "1"
	}
	before, err := s.settings(ctx)
	if err != nil {
		return Status{}, err
	}
	if err := s.st.Tx(ctx, func(tx store.Tx) error {
		for k, v := range map[string]string{settingAuto: auto, settingKeepDays: strconv.Itoa(in.KeepDays), settingKeepWeeks: strconv.Itoa(in.KeepWeeks)} {
			if err := store.SetSetting(ctx, tx, k, v); err != nil {
				return err
			}
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "settings", Action: oplog.Update,
			Old: map[string]any{"backupAuto": before.Auto, "backupKeepDays": before.KeepDays, "backupKeepWeeks": before.KeepWeeks},
			New: map[string]any{"backupAuto": in.Auto, "backupKeepDays": in.KeepDays, "backupKeepWeeks": in.KeepWeeks}})
	}); err != nil {
		return Status{}, err
	}
	if _, err := s.runDue(); err != nil {
		return Status{}, err
	}
	return s.Status()
}

// ChooseFolder asks for the backup folder with the native dialog and keeps
// it; cancelled, nothing changes. Headless there is no dialog.
func (s *Service) ChooseFolder() (Status, error) {
	s.mu.Lock()
	d := s.dialog
	s.mu.Unlock()
	ctx := s.env.Ctx()
	if d == nil {
		folder, _ := Folder(ctx, s.st.DB, s.defaultFolder)
		return Status{}, apperr.Invalid("folder", msg.BackupNoDialog, msg.P{"folder": folder})
	}
	dir, err := d("备份文件夹 / Backup folder")
	if err != nil {
		return Status{}, err
	}
	if dir != "" {
		if err := writable(dir); err != nil {
			return Status{}, apperr.Invalid("folder", msg.BackupFailed, msg.P{"folder": dir, "reason": err.Error()})
		}
		old, _ := Folder(ctx, s.st.DB, s.defaultFolder)
		if err := s.st.Tx(ctx, func(tx store.Tx) error {
			if err := store.SetSetting(ctx, tx, settingFolder, dir); err != nil {
				return err
			}
			return oplog.Setting(ctx, tx, "backupFolder", old, dir)
		}); err != nil {
			return Status{}, err
		}
	}
	return s.Status()
}

// writable tries a file in dir, so that a folder that cannot take backups
// (a read-only stick) is refused when chosen, not at the next backup.
func writable(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".funneldesk-probe-*")
	if err != nil {
		return err
	}
	f.Close()
	return os.Remove(f.Name())
}

// BackupNow writes a checked backup into the backup folder while the app
// goes on.
func (s *Service) BackupNow() (Entry, error) {
	return s.make(KindManual)
}

func (s *Service) make(kind string) (Entry, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ctx := s.env.Ctx()
	folder, err := Folder(ctx, s.st.DB, s.defaultFolder)
	if err != nil {
		return Entry{}, err
	}
	return Write(ctx, s.st.Path, folder, kind, s.env.Now())
}

// Write backs up the database at dbPath into folder as a backup of kind made
// at now, and returns its entry. Used by the service and the CLI.
func Write(ctx context.Context, dbPath, folder, kind string, now time.Time) (Entry, error) {
	name := prefixes[kind] + now.Format(stamp)
	dst := filepath.Join(folder, name+".db")
	// Two backups in the same second get a suffix rather than a refusal.
	for i := 2; exists(dst); i++ {
		dst = filepath.Join(folder, fmt.Sprintf("%s-%d.db", name, i))
	}
	if err := store.WriteBackup(ctx, dbPath, dst); err != nil {
		return Entry{}, apperr.Invalid("folder", msg.BackupFailed, msg.P{"folder": folder, "reason": err.Error()})
	}
	return entry(ctx, dst)
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// List returns the backups in folder, newest first. A missing folder holds
// none.
func List(ctx context.Context, folder string) ([]Entry, error) {
	out := []Entry{}
	des, err := os.ReadDir(folder)
	if errors.Is(err, os.ErrNotExist) {
		return out, nil
	}
	if err != nil {
		return nil, err
	}
	for _, de := range des {
		if de.IsDir() || !strings.HasSuffix(de.Name(), ".db") {
			continue
		}
		e, err := entry(ctx, filepath.Join(folder, de.Name()))
		if err != nil {
			continue
		}
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Time > out[j].Time })
	return out, nil
}

// entry describes one file: its kind and time come from its name (the
// file's modification time for a file named otherwise).
func entry(ctx context.Context, path string) (Entry, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return Entry{}, err
	}
	kind, t := parseName(filepath.Base(path))
	if t.IsZero() {
		t = fi.ModTime()
	}
	e := Entry{Name: filepath.Base(path), Path: path, Kind: kind, Time: t.Format(time.RFC3339), Size: fi.Size()}
	if err := store.CheckBackupFile(path); err != nil {
		e.Problem = err.Error()
		return e, nil
	}
	sum, err := store.SummarizeFile(ctx, path)
	if err != nil {
		e.Problem = err.Error()
		return e, nil
	}
	e.Summary = &sum
	return e, nil
}

// parseName reads kind and time from a backup's file name.
func parseName(name string) (string, time.Time) {
	base := strings.TrimSuffix(name, ".db")
	// The longest prefix first: "funneldesk-" is a prefix of the others.
	for _, kind := range []string{KindBeforeRestore, KindAuto, KindManual} {
		rest, ok := strings.CutPrefix(base, prefixes[kind])
		if !ok || len(rest) < len(stamp) {
			continue
		}
		if t, err := time.ParseInLocation(stamp, rest[:len(stamp)], time.Local); err == nil {
			return kind, t
		}
	}
	return KindManual, time.Time{}
}

// Preview tells what a backup holds before it is restored.
func (s *Service) Preview(path string) (Entry, error) {
	ctx := s.env.Ctx()
	if err := s.mayRestore(ctx, path); err != nil {
		return Entry{}, err
	}
	e, err := entry(ctx, path)
	if err != nil {
		return Entry{}, err
	}
	if e.Summary == nil {
		return Entry{}, bad(path, store.CheckBackupFile(path))
	}
	return e, nil
}

// bad is the refusal of a backup that cannot be restored: the store's own
// words for a newer FunnelDesk's file (which schema, what to do), the
// catalog's for anything else.
func bad(path string, err error) error {
	if e, ok := apperr.As(err); ok {
		return e
	}
	return apperr.Invalid("file", msg.BackupBad, msg.P{"name": filepath.Base(path)})
}

// mayRestore lets the page name only a file in the backup folder, or one the
// user chose in the open dialog (or, headless, under --open-dir): a page may
// not read any file the user can.
func (s *Service) mayRestore(ctx context.Context, path string) error {
	folder, err := Folder(ctx, s.st.DB, s.defaultFolder)
	if err != nil {
		return err
	}
	clean := filepath.Clean(path)
	inFolder := filepath.Dir(clean) == filepath.Clean(folder) && strings.HasSuffix(clean, ".db")
	if !inFolder && !s.env.MayOpen(path) {
		return apperr.Invalid("file", msg.BackupNotAllowed, msg.P{"name": filepath.Base(path)})
	}
	if !exists(clean) {
		return apperr.NotFound("file", msg.BackupMissing, msg.P{"name": filepath.Base(path)})
	}
	return nil
}

// Restore replaces the data with the backup at path: the backup is checked
// (a newer FunnelDesk's is refused), the current data is backed up first,
// then the database is replaced in place and the app goes on with it.
func (s *Service) Restore(path string) (Restored, error) {
	ctx := s.env.Ctx()
	if err := s.mayRestore(ctx, path); err != nil {
		return Restored{}, err
	}
	if err := store.CheckBackupFile(path); err != nil {
		return Restored{}, bad(path, err)
	}
	before, err := s.make(KindBeforeRestore)
	if err != nil {
		return Restored{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return restore(ctx, s.st, path, before)
}

// Restore replaces st's data with the backup at path once the current data
// is backed up into folder (the CLI's restore).
func Restore(ctx context.Context, st *store.Store, path, folder string, now time.Time) (Restored, error) {
	if !exists(path) {
		return Restored{}, apperr.NotFound("file", msg.BackupMissing, msg.P{"name": filepath.Base(path)})
	}
	if err := store.CheckBackupFile(path); err != nil {
		return Restored{}, bad(path, err)
	}
	before, err := Write(ctx, st.Path, folder, KindBeforeRestore, now)
	if err != nil {
		return Restored{}, err
	}
	return restore(ctx, st, path, before)
}

func restore(ctx context.Context, st *store.Store, path string, before Entry) (Restored, error) {
	if err := st.RestoreFrom(ctx, path); err != nil {
		if _, ok := apperr.As(err); ok {
			return Restored{}, err
		}
		return Restored{}, bad(path, err)
	}
	// The restored data's own log says it was replaced, and from which file
	// (the log of the data before is in the before-restore backup).
	if err := st.Tx(ctx, func(tx store.Tx) error {
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "backup", Name: filepath.Base(path), Action: oplog.BackupRestore,
			Note: path + " (" + filepath.Base(before.Path) + ")"})
	}); err != nil {
		return Restored{}, err
	}
	sum, err := store.SummarizeFile(ctx, st.Path)
	if err != nil {
		return Restored{}, err
	}
	return Restored{From: path, Summary: sum, Before: before}, nil
}

// Describe is the entry of one backup file.
func Describe(ctx context.Context, path string) (Entry, error) { return entry(ctx, path) }
