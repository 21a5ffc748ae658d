package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"funneldesk/backend/store"
)

// TestBackupRestoreCommands: backup beside an open FunnelDesk works; restore
// while it is open is refused and changes nothing; once closed, restore
// brings back the deleted data and says what it restored.
func TestBackupRestoreCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "funneldesk.db")
	if code, _, errs := runWith(t, db, nil, "demo"); code != 0 {
		t.Fatal(errs)
	}
	app, err := store.Open(db) // the desktop app holding the file
	if err != nil {
		t.Fatal(err)
	}
	to := filepath.Join(dir, "copy.db")
	code, out, errs := runWith(t, db, nil, "backup", "--to", to)
	if code != 0 || !strings.Contains(out, "backed up to "+to) || !strings.Contains(out, "3 opportunities") {
		t.Fatalf("backup: exit %d %q %q", code, out, errs)
	}
	code, out, errs = runWith(t, db, nil, "backup")
	if code != 0 || !strings.Contains(out, filepath.Join(dir, "backups", "funneldesk-")) {
		t.Fatalf("backup into the folder: exit %d %q %q", code, out, errs)
	}
	if _, err := app.W.Exec(`DELETE FROM opportunities`); err != nil {
		t.Fatal(err)
	}
	code, out, errs = runWith(t, db, nil, "restore", to)
	if code != 1 || out != "" || !strings.Contains(errs, "FunnelDesk") {
		t.Fatalf("restore beside the app: exit %d %q %q", code, out, errs)
	}
	app.Close()

	code, out, errs = runWith(t, db, nil, "restore", to)
	if code != 0 || !strings.Contains(out, "restored "+to) || !strings.Contains(out, "3 opportunities") ||
		!strings.Contains(out, "funneldesk-before-restore-") {
		t.Fatalf("restore: exit %d %q %q", code, out, errs)
	}

	code, _, errs = runWith(t, db, nil, "restore", filepath.Join(dir, "nope.db"))
	if code != 1 || !strings.Contains(errs, "备份文件不存在：nope.db") {
		t.Errorf("restore of a missing file: exit %d %q", code, errs)
	}
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var n int
	st.DB.Get(&n, `SELECT COUNT(*) FROM opportunities`)
	if n != 3 {
		t.Errorf("%d opportunities after restore", n)
	}
}
