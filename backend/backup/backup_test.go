package backup

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"funneldesk/backend/apperr"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
	"funneldesk/backend/svc"
)

func newService(t *testing.T, now time.Time) (*Service, *store.Store, *svc.Env) {
	t.Helper()
	st := storetest.New(t)
	env := svc.New(svc.Fixed(now))
	return NewService(st, env, filepath.Join(t.TempDir(), "backups")), st, env
}

func customers(t *testing.T, st *store.Store) int {
	t.Helper()
	var n int
	if err := st.DB.Get(&n, `SELECT COUNT(*) FROM customers`); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestBackupDeleteRestore: back up, delete a customer, restore: the
// customer is back, the replaced data is in a before-restore backup, and
// the list shows both with their counts.
func TestBackupDeleteRestore(t *testing.T) {
	now := time.Date(2026, 12, 6, 10, 0, 0, 0, time.Local)
	s, st, env := newService(t, now)
	owner := storetest.Owner(t, st, "张三")
	cid := storetest.Customer(t, st, "甲公司", owner)
	storetest.Customer(t, st, "乙公司", owner)

	b, err := s.BackupNow()
	if err != nil {
		t.Fatal(err)
	}
	if b.Kind != KindManual || b.Summary == nil || b.Summary.Customers != 2 || b.Size == 0 || b.Name != "funneldesk-20261206-100000.db" {
		t.Fatalf("backup entry %+v", b)
	}
	if err := store.DeleteCustomer(context.Background(), st.W, cid); err != nil {
		t.Fatal(err)
	}
	env.SetClock(svc.Fixed(now.Add(time.Minute)))
	p, err := s.Preview(b.Path)
	if err != nil || p.Summary.Customers != 2 {
		t.Fatalf("preview %+v %v", p, err)
	}
	r, err := s.Restore(b.Path)
	if err != nil {
		t.Fatal(err)
	}
	if got := customers(t, st); got != 2 || r.Summary.Customers != 2 {
		t.Errorf("after restore %d customers, summary %+v", got, r.Summary)
	}
	if r.Before.Kind != KindBeforeRestore || r.Before.Summary.Customers != 1 {
		t.Errorf("before-restore backup %+v", r.Before)
	}
	// The restored data's operation log says it was replaced, and from where.
	logged, n, err := store.ListLog(context.Background(), st.DB, store.LogFilter{Action: "backup_restore", Limit: 10})
	if err != nil || n != 1 || logged[0].RecordName != filepath.Base(b.Path) {
		t.Errorf("operation log after restore: %d rows %+v, %v", n, logged, err)
	}
	status, err := s.Status()
	if err != nil {
		t.Fatal(err)
	}
	if len(status.Backups) != 2 || status.Backups[0].Kind != KindBeforeRestore || status.Backups[1].Name != b.Name {
		t.Errorf("list %+v", status.Backups)
	}
}

// TestRestoreRefusals: a file outside the backup folder the user did not
// choose, a missing file, a damaged file and a newer FunnelDesk's file are
// refused, and nothing changes (no before-restore backup either).
func TestRestoreRefusals(t *testing.T) {
	now := time.Date(2026, 12, 6, 10, 0, 0, 0, time.Local)
	s, st, _ := newService(t, now)
	storetest.Customer(t, st, "甲公司", storetest.Owner(t, st, "张三"))
	folder := s.defaultFolder
	os.MkdirAll(folder, 0o755)

	outside := filepath.Join(t.TempDir(), "x.db")
	store.WriteBackup(context.Background(), st.Path, outside)
	damaged := filepath.Join(folder, "funneldesk-20261201-000000.db")
	os.WriteFile(damaged, []byte("SQLite format 3\x00 but then nothing"), 0o644)
	newer := filepath.Join(t.TempDir(), "newer.db")
	store.WriteBackup(context.Background(), st.Path, newer)
	nst, err := store.Open(newer)
	if err != nil {
		t.Fatal(err)
	}
	nst.W.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, '9999_future.sql', '')`)
	nst.Close()
	newerIn := filepath.Join(folder, "funneldesk-20261202-000000.db")
	os.Rename(newer, newerIn)

	tests := []struct {
		name, path, code, en string
	}{
		{"outside", outside, "invalid", "Only a file in the backup folder or one chosen in the Open dialog can be restored: x.db"},
		{"missing", filepath.Join(folder, "nope.db"), "not_found", "The backup file does not exist: nope.db"},
		{"damaged", damaged, "invalid", `"funneldesk-20261201-000000.db" is not a sound FunnelDesk backup (not a FunnelDesk data file, or it fails the integrity check); nothing was changed`},
		{"newer", newerIn, "conflict", "This file was made by a newer FunnelDesk (schema 9999); upgrade to open it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Restore(tt.path)
			e, ok := apperr.As(err)
			if !ok || e.Code != tt.code || e.MessageEn != tt.en || e.Message == "" {
				t.Fatalf("Restore: %#v", err)
			}
			if customers(t, st) != 1 {
				t.Error("data changed")
			}
			list, _ := List(context.Background(), folder)
			for _, b := range list {
				if b.Kind == KindBeforeRestore {
					t.Error("a before-restore backup was made for a refused restore")
				}
			}
		})
	}
}

// TestAutoRetention moves the clock through 40 days with one automatic
// backup a day: at the end the newest 7 days and the newest of each of 4
// weeks remain; a manual backup is never expired; a second run the same day
// writes nothing.
func TestAutoRetention(t *testing.T) {
	start := time.Date(2026, 11, 1, 9, 30, 0, 0, time.Local) // a Sunday
	s, _, env := newService(t, start)
	manual, err := s.BackupNow()
	if err != nil {
		t.Fatal(err)
	}
	var last time.Time
	for d := 0; d < 40; d++ {
		last = start.AddDate(0, 0, d)
		env.SetClock(svc.Fixed(last))
		made, err := s.runDue()
		if err != nil || made == nil {
			t.Fatalf("day %d: %v %v", d, made, err)
		}
		env.SetClock(svc.Fixed(last.Add(3 * time.Hour)))
		if again, err := s.runDue(); err != nil || again != nil {
			t.Fatalf("day %d second run: %v %v", d, again, err)
		}
	}
	list, _ := List(context.Background(), s.defaultFolder)
	var days []string
	for _, e := range list {
		if e.Kind == KindAuto {
			days = append(days, e.Time[:10])
		} else if e.Name != manual.Name {
			t.Errorf("unexpected %s", e.Name)
		}
	}
	sort.Strings(days)
	// last = 2026-12-10 (Thursday). Days kept: 12-04..12-10. Weeks: the
	// newest of the weeks starting 11-16, 11-23, 11-30 (in the days) and
	// 12-07 (in the days).
	want := "[2026-11-22 2026-11-29 2026-12-04 2026-12-05 2026-12-06 2026-12-07 2026-12-08 2026-12-09 2026-12-10]"
	if fmt.Sprint(days) != want {
		t.Errorf("kept %v\nwant %s", days, want)
	}
	if len(list) != 10 {
		t.Errorf("%d backups in all", len(list))
	}

	// Off: nothing is written.
	if _, err := s.SetSettings(Settings{Auto: false, KeepDays: 7, KeepWeeks: 4}); err != nil {
		t.Fatal(err)
	}
	env.SetClock(svc.Fixed(last.AddDate(0, 0, 1)))
	if made, err := s.runDue(); made != nil || err != nil {
		t.Errorf("auto off made %v %v", made, err)
	}
}

func TestSetSettingsBounds(t *testing.T) {
	s, _, _ := newService(t, time.Now())
	tests := []struct {
		name  string
		in    Settings
		field string
	}{
		{"no days", Settings{KeepDays: 0, KeepWeeks: 4}, "keepDays"},
		{"too many days", Settings{KeepDays: 366, KeepWeeks: 4}, "keepDays"},
		{"negative weeks", Settings{KeepDays: 7, KeepWeeks: -1}, "keepWeeks"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.SetSettings(tt.in)
			e, ok := apperr.As(err)
			if !ok || e.Field != tt.field || e.Code != "invalid" {
				t.Fatalf("%v", err)
			}
			st, _ := s.Status()
			if st.KeepDays != DefaultKeepDays || st.KeepWeeks != DefaultKeepWeeks {
				t.Errorf("settings changed: %+v", st)
			}
		})
	}
	got, err := s.SetSettings(Settings{Auto: true, KeepDays: 3, KeepWeeks: 0})
	if err != nil || got.KeepDays != 3 || got.KeepWeeks != 0 || !got.Auto {
		t.Errorf("%+v %v", got, err)
	}
}

// TestAbandonedPartialRemoved: the temporary file of a backup killed
// mid-copy is removed by the next automatic run once it has gone unwritten
// for abandonedAfter; one still being written, and other files, stay.
func TestAbandonedPartialRemoved(t *testing.T) {
	s, _, _ := newService(t, time.Date(2026, 11, 1, 9, 30, 0, 0, time.Local))
	folder := s.defaultFolder
	if err := os.MkdirAll(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	old := filepath.Join(folder, "auto-20261031-093000.db.partial")
	fresh := filepath.Join(folder, "manual-20261101-093000.db.partial")
	other := filepath.Join(folder, "notes.partial")
	for _, p := range []string{old, fresh, other} {
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stale := time.Now().Add(-abandonedAfter - time.Minute)
	for _, p := range []string{old, other} {
		if err := os.Chtimes(p, stale, stale); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.runDue(); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]bool{old: false, fresh: true, other: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s: exists %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}
