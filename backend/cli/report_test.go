package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"funneldesk/backend/export"
	"funneldesk/backend/msg"
	"funneldesk/backend/reportframe"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
)

// A report of the test's own: it answers with what it was given, so the
// test sees exactly what the command resolved.
func init() {
	reportframe.Register(reportframe.Spec{Name: "echo-test", Summary: "test report",
		Flags: []reportframe.Flag{{Name: "by", Default: "owner", Usage: "grouping"}, {Name: "from"}},
		Run: func(ctx context.Context, st *store.Store, env *svc.Env, sc reportframe.Scope, opts map[string]string) (reportframe.Result, error) {
			return reportframe.Result{Name: "回显", JSON: map[string]any{"opts": opts, "today": env.Now().Format("2006-01-02")},
				Table: export.Table{Columns: []export.Column{{Label: msg.LabelOwner, Kind: export.Text}},
					Rows: func(emit func(...any) error) error { return emit(opts["by"]) }}}, nil
		}})
}

func TestReport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.InsertOwner(context.Background(), st.W, "张三", true); err != nil {
		t.Fatal(err)
	}
	st.Close()

	code, out, errs := runWith(t, db, nil, "report", "echo-test", "--json", "--period", "2026Q2", "--owner", "张三", "--by", "team", "--clock", "2026-12-06")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Report  string
		Filters map[string]any
		Result  struct {
			Opts  map[string]string
			Today string
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got.Report != "echo-test" || got.Filters["from"] != "2026-04-01" || got.Filters["to"] != "2026-06-30" ||
		got.Result.Opts["by"] != "team" || got.Result.Opts["from"] != "2026-04-01" || got.Result.Today != "2026-12-06" {
		t.Fatalf("got %+v", got)
	}
	csv := filepath.Join(t.TempDir(), "r.csv")
	if code, _, errs := runWith(t, db, nil, "report", "echo-test", "--csv", csv); code != 0 {
		t.Fatalf("csv exit %d: %s", code, errs)
	}
	if b, err := os.ReadFile(csv); err != nil || !strings.Contains(string(b), "负责人\r\nowner") && !strings.Contains(string(b), "负责人\nowner") {
		t.Fatalf("csv %q %v", b, err)
	}
	for _, c := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"report", "nope", "--json"}, 1, "echo-test"},
		{[]string{"report", "echo-test", "--json", "--period", "2026-02-30"}, 1, "日期"},
		{[]string{"report", "echo-test", "--json", "--owner", "无名"}, 1, "无名"},
		{[]string{"report", "echo-test", "--json", "--team", "无队"}, 1, "无队"},
		{[]string{"report", "echo-test", "--json", "--from", "2026-03-01", "--to", "2026-02-01"}, 1, "error"},
		{[]string{"report", "echo-test"}, 2, "--json"},
		{[]string{"report", "echo-test", "--png", "x.png", "--size", "huge"}, 1, "huge"},
	} {
		code, _, errs := runWith(t, db, nil, c.args...)
		if code != c.code || !strings.Contains(errs, c.err) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, errs, c.code, c.err)
		}
	}
	if code, out, _ := runWith(t, db, nil, "report", "--help"); code != 0 || !strings.Contains(out, "echo-test") || !strings.Contains(out, "--by") {
		t.Fatalf("help: %d %q", code, out)
	}
}
