package reportframe_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"funneldesk/backend/export"
	"funneldesk/backend/msg"
	"funneldesk/backend/reportframe"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"

	"github.com/xuri/excelize/v2"
)

func TestPeriod(t *testing.T) {
	for _, c := range []struct{ in, from, to, errField string }{
		{"2026", "2026-01-01", "2026-12-31", ""},
		{"2024-02", "2024-02-01", "2024-02-29", ""},
		{"2026-12", "2026-12-01", "2026-12-31", ""},
		{"2026Q1", "2026-01-01", "2026-03-31", ""},
		{"2026-q4", "2026-10-01", "2026-12-31", ""},
		{"2026-03-05", "2026-03-05", "2026-03-05", ""},
		{"2026-01-01..2026-03-31", "2026-01-01", "2026-03-31", ""},
		{"2026-01-01..", "2026-01-01", "", ""},
		{"2026-02-30", "", "", "period"},         // never corrected to March 2
		{"2026-01-01..2026-02-30", "", "", "to"}, // the bad end is named
		{"2026-03-31..2026-01-01", "", "", "to"}, // reversed
		{"2026Q5", "", "", "period"},
		{"2026-13", "", "", "period"},
		{"26", "", "", "period"},
		{"last year", "", "", "period"},
	} {
		from, to, err := reportframe.Period(c.in)
		if c.errField != "" {
			storetest.WantErr(t, err, "invalid", c.errField)
			continue
		}
		if err != nil || from != c.from || to != c.to {
			t.Errorf("Period(%q) = %q, %q, %v; want %q, %q", c.in, from, to, err, c.from, c.to)
		}
	}
}

func TestCheck(t *testing.T) {
	ctx := context.Background()
	st := storetest.New(t)
	a := storetest.Owner(t, st, "张三")
	b := storetest.Owner(t, st, "李四")
	storetest.Owner(t, st, "王五")
	var company int64
	if err := st.DB.Get(&company, `SELECT id FROM teams WHERE parent_id IS NULL`); err != nil {
		t.Fatal(err)
	}
	south, err := store.InsertTeam(ctx, st.W, store.Team{Name: "华南", ParentID: &company})
	if err != nil {
		t.Fatal(err)
	}
	empty, err := store.InsertTeam(ctx, st.W, store.Team{Name: "空", ParentID: &company})
	if err != nil {
		t.Fatal(err)
	}
	if err := store.SetOwnerTeam(ctx, st.W, a, &south); err != nil {
		t.Fatal(err)
	}

	sc, err := reportframe.Check(ctx, st.DB, reportframe.Filters{})
	if err != nil || !sc.AllOwners || !sc.HasOwner(b) || len(sc.Words) != 0 {
		t.Fatalf("no filters: %+v %v", sc, err)
	}
	sc, err = reportframe.Check(ctx, st.DB, reportframe.Filters{TeamID: south, From: "2026-01-01", To: "2026-12-31", Type: " 新业务 "})
	if err != nil || sc.AllOwners || !sc.HasOwner(a) || sc.HasOwner(b) || sc.Type != "新业务" {
		t.Fatalf("team: %+v %v", sc, err)
	}
	var words []string
	for _, w := range sc.Words {
		l, v := w.Text(msg.Zh)
		words = append(words, l+"="+v)
	}
	if got := strings.Join(words, ";"); got != "期间=2026-01-01 ~ 2026-12-31;团队=华南;类型=新业务" {
		t.Fatalf("words %q", got)
	}
	// A team and owners: only the chosen owners in the team.
	sc, _ = reportframe.Check(ctx, st.DB, reportframe.Filters{TeamID: south, OwnerIDs: []int64{a, b}})
	if len(sc.Owners) != 1 || sc.Owners[0] != a {
		t.Fatalf("team ∩ owners: %v", sc.Owners)
	}
	// A team without members selects no one, not everyone.
	sc, _ = reportframe.Check(ctx, st.DB, reportframe.Filters{TeamID: empty})
	if sc.AllOwners || sc.HasOwner(a) || len(sc.Owners) != 0 {
		t.Fatalf("empty team: %+v", sc)
	}
	// Every bad field at once.
	_, err = reportframe.Check(ctx, st.DB, reportframe.Filters{From: "2026-02-30", To: "2026-13-01", OwnerIDs: []int64{999}, TeamID: 998})
	storetest.WantFields(t, err, "from", "to", "ownerIds", "teamId")
	_, err = reportframe.Check(ctx, st.DB, reportframe.Filters{From: "2026-03-01", To: "2026-02-01"})
	storetest.WantErr(t, err, "invalid", "to")
}

func TestWrite(t *testing.T) {
	ctx := context.Background()
	st := storetest.New(t)
	sc, err := reportframe.Check(ctx, st.DB, reportframe.Filters{From: "2026-01-01", To: "2026-01-31", Source: "=cmd()"})
	if err != nil {
		t.Fatal(err)
	}
	drawn := 0
	res := reportframe.Result{Name: "测试", Table: export.Table{
		Columns: []export.Column{{Label: msg.LabelOwner, Kind: export.Text}, {Label: msg.LabelTotalAmount, Kind: export.Money}},
		Rows: func(emit func(...any) error) error {
			return emit("=张三", int64(12345))
		}},
		Chart: func(w, h int, lang msg.Lang) ([]byte, error) { drawn = w; return []byte("png"), nil },
	}
	var buf bytes.Buffer
	if err := reportframe.Write(&buf, reportframe.CSV, res, sc, msg.Zh); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"负责人", "'=张三", "123.45"} {
		if !strings.Contains(out, want) {
			t.Errorf("CSV lacks %q:\n%s", want, out)
		}
	}
	// The XLSX carries the filters in force on a sheet of their own (a CSV
	// stays the bare table, for the programs that read it).
	buf.Reset()
	if err := reportframe.Write(&buf, reportframe.XLSX, res, sc, msg.Zh); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(f.GetSheetList()[1])
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(rows); !strings.Contains(got, "期间 2026-01-01 ~ 2026-01-31") || !strings.Contains(got, "'=cmd()") && !strings.Contains(got, "=cmd()") {
		t.Fatalf("filters sheet %v (sheets %v)", rows, f.GetSheetList())
	}
	buf.Reset()
	if err := reportframe.Write(&buf, reportframe.PNGPrint, res, sc, msg.Zh); err != nil || buf.String() != "png" || drawn != 3508 {
		t.Fatalf("print PNG: %v %q %d", err, buf.String(), drawn)
	}
	storetest.WantErr(t, reportframe.Write(&buf, "pdf", res, sc, msg.Zh), "invalid", "format")
	storetest.WantErr(t, reportframe.Write(&buf, reportframe.PNG, reportframe.Result{}, sc, msg.Zh), "invalid", "format")
}
