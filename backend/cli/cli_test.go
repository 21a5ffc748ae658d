package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"funneldesk/backend/owner"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
)

// runWith runs one command with the given bindings and returns the exit
// code, stdout and stderr.
func runWith(t *testing.T, db string, bindings func(*store.Store, string, *svc.Env) []any, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(db, args, Env{
		Assets:   fstest.MapFS{"index.html": {Data: []byte("<html><head></head></html>")}},
		Bindings: bindings,
		Stdout:   &out,
		Stderr:   &errb,
	})
	return code, out.String(), errb.String()
}

func TestHelp(t *testing.T) {
	for _, arg := range []string{"help", "-h", "--help"} {
		t.Run(arg, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "t.db")
			code, out, errs := runWith(t, db, nil, arg)
			if code != 0 || out != Usage || errs != "" {
				t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
			}
			if _, err := os.Stat(db); !os.IsNotExist(err) {
				t.Errorf("help created the database (%v)", err)
			}
		})
	}
}

func TestNoCommand(t *testing.T) {
	code, out, errs := runWith(t, filepath.Join(t.TempDir(), "t.db"), nil)
	if code != 2 || out != "" || errs != Usage {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestUnknownCommand(t *testing.T) {
	code, out, errs := runWith(t, filepath.Join(t.TempDir(), "t.db"), nil, "frobnicate")
	if code != 2 || out != "" || !strings.HasPrefix(errs, `unknown command "frobnicate"`) || !strings.Contains(errs, Usage) {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestDemo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	code, out, errs := runWith(t, db, nil, "demo")
	if code != 0 || errs != "" || out != "loaded the example: 3 opportunities, ¥90,000.00, expected ¥50,000.00\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	code, out, errs = runWith(t, db, nil, "demo")
	if code != 1 || out != "" || errs != "error: 数据库中已有数据，示例数据只能载入到空数据库\n" {
		t.Errorf("second demo: exit %d, stdout %q, stderr %q", code, out, errs)
	}

	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var n int
	var cents int64
	if err := st.DB.QueryRow(`SELECT COUNT(*), SUM(amount_cents) FROM opportunities`).Scan(&n, &cents); err != nil {
		t.Fatal(err)
	}
	if n != 3 || cents != 9000000 {
		t.Errorf("database holds %d opportunities, %d cents; want 3 and 9000000", n, cents)
	}
}

func TestOpenFails(t *testing.T) {
	dir := t.TempDir() // a directory is not a database file
	code, out, errs := runWith(t, dir, nil, "demo")
	if code != 1 || out != "" || !strings.HasPrefix(errs, "error: ") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestServe(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	saveDir := t.TempDir()
	var gotDir string
	var gotStore *store.Store
	bindings := func(st *store.Store, dir string, env *svc.Env) []any {
		gotStore, gotDir = st, dir
		return []any{owner.NewService(st, env)}
	}
	tests := []struct {
		name    string
		args    []string
		code    int
		stdout  string
		stderr  string
		binding bool
	}{
		{"not loopback", []string{"serve", "--addr", "0.0.0.0:34115", "--save-dir", saveDir}, 1,
			"serving FunnelDesk on http://0.0.0.0:34115 (database " + db + ")\n", "not a loopback address", true},
		{"all interfaces", []string{"serve", "--addr", ":34115"}, 1, "serving", "not a loopback address", true},
		{"unknown flag", []string{"serve", "--port", "1"}, 2, "", "flag provided but not defined: -port", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gotStore, gotDir = nil, ""
			code, out, errs := runWith(t, db, bindings, tt.args...)
			if code != tt.code || !strings.HasPrefix(out, tt.stdout) || !strings.Contains(errs, tt.stderr) {
				t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
			}
			if tt.binding != (gotStore != nil) {
				t.Errorf("bindings built: %v, want %v", gotStore != nil, tt.binding)
			}
		})
	}
	runWith(t, db, bindings, "serve", "--addr", "0.0.0.0:1", "--save-dir", saveDir)
	if gotDir != saveDir || gotStore == nil || gotStore.Path != db {
		t.Errorf("bindings got store %v and save dir %q, want %s and %q", gotStore, gotDir, db, saveDir)
	}
	// The database was opened (and migrated) before serving.
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if ss, err := store.ListStages(context.Background(), st.DB); err != nil || len(ss) != 8 {
		t.Errorf("stages = %d, %v", len(ss), err)
	}
}

// TestSecondFunnelDesk: with the file open in FunnelDesk, a command that
// writes is refused in plain words (both languages), while a report reads
// beside it.
func TestSecondFunnelDesk(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	if code, _, errs := runWith(t, db, nil, "demo"); code != 0 {
		t.Fatalf("demo: exit %d, %s", code, errs)
	}
	app, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	code, _, errs := runWith(t, db, nil, "demo")
	if code != 1 || !strings.Contains(errs, "另一个 FunnelDesk 正在使用这个数据文件") || !strings.Contains(errs, "Another FunnelDesk is using this data file") {
		t.Errorf("demo beside the app: exit %d, stderr %q", code, errs)
	}
	code, out, errs := runWith(t, db, nil, "funnel", "--json")
	if code != 0 || !strings.Contains(out, `"count": 3`) && !strings.Contains(out, `"count":3`) {
		t.Errorf("funnel beside the app: exit %d, stdout %.200q, stderr %q", code, out, errs)
	}
}
