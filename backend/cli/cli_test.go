package cli

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
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

// TestErrorLanguage: errors print in Chinese, or in the funnel's --lang.
func TestErrorLanguage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"default", []string{"funnel", "--json", "--owner", "王五"}, "error: 没有名为「王五」的负责人\n"},
		{"zh-CN", []string{"funnel", "--json", "--lang", "zh-CN", "--owner", "王五"}, "error: 没有名为「王五」的负责人\n"},
		{"en", []string{"funnel", "--json", "--lang", "en", "--owner", "王五"}, "error: No salesperson named \"王五\"\n"},
		{"en, bad date", []string{"funnel", "--json", "--lang", "en", "--from", "2025-02-30"}, "error: From date \"2025-02-30\" is not a valid date (YYYY-MM-DD)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runWith(t, db, nil, tt.args...)
			if code != 1 || out != "" || errs != tt.want {
				t.Errorf("exit %d, stdout %q, stderr %q; want stderr %q", code, out, errs, tt.want)
			}
		})
	}
}

func TestOpenFails(t *testing.T) {
	dir := t.TempDir() // a directory is not a database file
	code, out, errs := runWith(t, dir, nil, "demo")
	if code != 1 || out != "" || !strings.HasPrefix(errs, "error: ") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestServeRefusesBadArguments(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	saveDir := t.TempDir()
	var gotStore *store.Store
	bindings := func(st *store.Store, dir string, env *svc.Env) []any {
		gotStore = st
		return []any{owner.NewService(st, env)}
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"not loopback", []string{"serve", "--addr", "0.0.0.0:34115", "--save-dir", saveDir}, 1, "not a loopback address"},
		{"all interfaces", []string{"serve", "--addr", ":34115"}, 1, "not a loopback address"},
		{"unknown flag", []string{"serve", "--port", "1"}, 2, "flag provided but not defined: -port"},
		{"bad clock", []string{"serve", "--addr", "127.0.0.1:0", "--clock", "soon"}, 1, "clock"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gotStore = nil
			code, out, errs := runWith(t, db, bindings, tt.args...)
			// Nothing is announced, and no service built, unless it serves.
			if code != tt.code || out != "" || !strings.Contains(errs, tt.stderr) || gotStore != nil {
				t.Errorf("exit %d, stdout %q, stderr %q, bindings built %v", code, out, errs, gotStore != nil)
			}
		})
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

// TestServeAnnouncesTokenURL runs the server for real: scripts and the
// end-to-end tests read its first line to find the URL and the token.
func TestServeAnnouncesTokenURL(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	saveDir, openDir := t.TempDir(), t.TempDir()
	built := make(chan *svc.Env, 1)
	bindings := func(st *store.Store, dir string, env *svc.Env) []any {
		if dir != saveDir {
			t.Errorf("save dir %q, want %q", dir, saveDir)
		}
		built <- env
		return []any{owner.NewService(st, env)}
	}
	out, w := io.Pipe()
	go func() {
		// It serves until the test process ends.
		Run(db, []string{"serve", "--addr", "127.0.0.1:0", "--save-dir", saveDir, "--open-dir", openDir}, Env{
			Assets: fstest.MapFS{"index.html": {Data: []byte("<html><head></head></html>")}}, Bindings: bindings,
			Stdout: w, Stderr: io.Discard,
		})
		w.Close()
	}()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("first line %q: %v", line, err)
	}
	m := regexp.MustCompile(`^serving FunnelDesk on (http://127\.0\.0\.1:[1-9][0-9]*/)\?token=([0-9a-f]{32,}) \(database (.+)\)\n$`).FindStringSubmatch(line)
	if m == nil || m[3] != db {
		t.Fatalf("first line %q, want serving FunnelDesk on http://127.0.0.1:PORT/?token=TOKEN (database %s)", line, db)
	}
	base, token := m[1], m[2]
	env := <-built
	for _, dir := range []string{saveDir, openDir} {
		if p := filepath.Join(dir, "x.csv"); !env.MayOpen(p) {
			t.Errorf("the import may not read %s", p)
		}
	}
	if env.MayOpen(db) {
		t.Errorf("the import may read the database %s", db)
	}

	tests := []struct {
		name   string
		token  string
		status int
	}{
		{"with the printed token", token, 200},
		{"without a token", "", 403},
		{"with another token", strings.Repeat("0", len(token)), 403},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodPost, base+"wails/call", strings.NewReader(`{"name":"owner.Service.List","args":[true]}`))
			req.Header.Set("Content-Type", "application/json")
			if tt.token != "" {
				req.Header.Set("X-FunnelDesk-Token", tt.token)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.status || (tt.status == 200 && string(b) != "{\"result\":[]}\n") {
				t.Errorf("%d %q, want %d", resp.StatusCode, b, tt.status)
			}
		})
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
