package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"funneldesk/backend/store"
)

// The targets and forecast reports through `funneldesk report`: JSON as
// the README documents it, the files, and bad flags named.
func TestTargetReports(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "t.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	owner, err := store.InsertOwner(ctx, st.W, "张三", true)
	if err != nil {
		t.Fatal(err)
	}
	seed := `INSERT INTO targets (year, dimension, scope, scope_id, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, updated_at)
		VALUES (2026, 'won_amount', 'owner', ?, 100000, 100000, 100000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 't')`
	if _, err := st.W.Exec(seed, owner); err != nil {
		t.Fatal(err)
	}
	st.Close()

	code, out, errs := runWith(t, db, nil, "report", "targets", "--json", "--period", "2026Q1", "--by", "owner", "--clock", "2026-02-15")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Result struct {
			Dimension      string
			TimeProgressBp int64
			Total          struct{ Target, Actual int64 }
			Rows           []struct {
				Name   string
				Target int64
				RateBp *int64
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	r := got.Result
	if r.Dimension != "won_amount" || len(r.Rows) != 1 || r.Rows[0].Name != "张三" || r.Rows[0].Target != 300000 ||
		r.Rows[0].RateBp == nil || *r.Rows[0].RateBp != 0 || r.TimeProgressBp != 5111 {
		t.Fatalf("targets = %+v\n%s", r, out)
	}

	dir := t.TempDir()
	xlsx, png := filepath.Join(dir, "t.xlsx"), filepath.Join(dir, "t.png")
	if code, _, errs := runWith(t, db, nil, "report", "targets", "--xlsx", xlsx, "--png", png, "--chart", "people", "--dimension", "orders"); code != 0 {
		t.Fatalf("files exit %d: %s", code, errs)
	}
	if b, err := os.ReadFile(png); err != nil || !bytes.HasPrefix(b, []byte("\x89PNG")) {
		t.Fatalf("png: %v", err)
	}
	if fi, err := os.Stat(xlsx); err != nil || fi.Size() == 0 {
		t.Fatalf("xlsx: %v", err)
	}

	code, out, errs = runWith(t, db, nil, "report", "forecast", "--json", "--owner", "张三", "--clock", "2026-02-15")
	if code != 0 {
		t.Fatalf("forecast exit %d: %s", code, errs)
	}
	var fc struct {
		Result struct {
			Months []struct {
				Month     string
				HasTarget bool
				Target    int64
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &fc); err != nil {
		t.Fatal(err)
	}
	if len(fc.Result.Months) != 12 || fc.Result.Months[0].Month != "2026-02" || fc.Result.Months[1].Target != 100000 {
		t.Fatalf("forecast = %+v", fc.Result)
	}

	for _, c := range []struct {
		args []string
		err  string
	}{
		{[]string{"report", "targets", "--json", "--dimension", "profit"}, "profit"},
		{[]string{"report", "targets", "--json", "--by", "region"}, "region"},
		{[]string{"report", "targets", "--json", "--type", "新业务"}, "类型"},
		{[]string{"report", "targets", "--json", "--period", "2026-02-30"}, "2026-02-30"},
	} {
		code, _, errs := runWith(t, db, nil, c.args...)
		if code != 1 || !strings.Contains(errs, c.err) {
			t.Errorf("%v: exit %d, %q; want 1 naming %q", c.args, code, errs, c.err)
		}
	}
}
