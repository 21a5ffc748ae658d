package cli

import (
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(t *testing.T, db string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(db, args, Env{Stdout: &out, Stderr: &errb})
	return code, out.String(), errb.String()
}

func TestFunnelJSONOfTheSeed(t *testing.T) {
	db := filepath.Join(t.TempDir(), "new", "f.db") // the directory does not exist yet
	if code, _, errs := run(t, db, "demo"); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, errs)
	}
	code, out, errs := run(t, db, "funnel", "--json")
	if code != 0 {
		t.Fatalf("funnel: exit %d: %s", code, errs)
	}
	if !strings.Contains(out, `"countPct":33.33`) || !strings.Contains(out, `"expectedPct":8.00`) {
		t.Errorf("shares are not printed as numbers with 2 decimals: %s", out)
	}
	var got struct {
		Stages []struct {
			Name          string  `json:"name"`
			Count         int     `json:"count"`
			CountPct      float64 `json:"countPct"`
			AmountCents   int64   `json:"amountCents"`
			AmountPct     float64 `json:"amountPct"`
			ExpectedCents int64   `json:"expectedCents"`
			ExpectedPct   float64 `json:"expectedPct"`
		} `json:"stages"`
		Total struct {
			Count         int   `json:"count"`
			AmountCents   int64 `json:"amountCents"`
			ExpectedCents int64 `json:"expectedCents"`
		} `json:"total"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(got.Stages) != 8 || got.Stages[0].Name != "初期沟通" || got.Stages[7].Name != "未成结束" {
		t.Fatalf("stages not in the configured order: %+v", got.Stages)
	}
	s0 := got.Stages[0]
	if s0.Count != 1 || s0.CountPct != 33.33 || s0.AmountCents != 4000000 || s0.AmountPct != 44.44 || s0.ExpectedCents != 400000 || s0.ExpectedPct != 8 {
		t.Errorf("初期沟通 = %+v", s0)
	}
	if got.Total.Count != 3 || got.Total.AmountCents != 9000000 || got.Total.ExpectedCents != 5000000 {
		t.Errorf("total = %+v", got.Total)
	}

	// Filters: an owner that holds nothing, and an unknown owner.
	code, out, _ = run(t, db, "funnel", "--json", "--from", "2009-01-01")
	if code != 0 || !strings.Contains(out, `"total":{"count":0,"amountCents":0,"expectedCents":0}`) {
		t.Errorf("period filter: exit %d, %s", code, out)
	}
	if code, _, errs := run(t, db, "funnel", "--json", "--owner", "nobody"); code != 1 || !strings.Contains(errs, "nobody") {
		t.Errorf("unknown owner: exit %d, stderr %q", code, errs)
	}
	if code, _, _ := run(t, db, "funnel", "--json", "--owner", "admin", "--to", "2008-01-03"); code != 0 {
		t.Errorf("owner and period: exit %d", code)
	}
	if code, _, _ := run(t, db, "funnel", "--json", "--from", "2008-02-30"); code != 1 {
		t.Errorf("bad date: exit %d, want 1", code)
	}
}

func TestFunnelPNG(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "f.db")
	run(t, db, "demo")
	for _, size := range []struct {
		name string
		w, h int
	}{{"screen", 1600, 1000}, {"print", 3508, 2480}} {
		file := filepath.Join(dir, size.name+".png")
		if code, _, errs := run(t, db, "funnel", "--png", file, "--size", size.name); code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != size.w || b.Dy() != size.h {
			t.Errorf("%s: %dx%d", size.name, b.Dx(), b.Dy())
		}
		// The print size states its 300 dpi in a pHYs chunk right after IHDR.
		raw, _ := os.ReadFile(file)
		if hasPhys := string(raw[37:41]) == "pHYs"; hasPhys != (size.name == "print") {
			t.Errorf("%s: pHYs chunk present = %v", size.name, hasPhys)
		}
	}
	if code, _, _ := run(t, db, "funnel", "--png", filepath.Join(dir, "x.png"), "--size", "huge"); code != 1 {
		t.Errorf("bad size: exit %d, want 1", code)
	}
	if code, _, _ := run(t, db, "funnel"); code != 2 {
		t.Errorf("no output flag: exit %d, want 2", code)
	}
}
