package funnel_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"funneldesk/backend/apperr"
	"funneldesk/backend/chart"
	"funneldesk/backend/chart/charttest"

	"funneldesk/backend/demo"
	"funneldesk/backend/funnel"
	"funneldesk/backend/opportunity"
	"funneldesk/backend/stage"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
	"funneldesk/backend/svc"
)

// get reads the funnel's figures as the screen does: through View.
func get(st *store.Store, f funnel.Filter) (funnel.Report, error) {
	v, err := funnel.NewService(st, svc.New(nil)).View(funnel.ViewRequest{Filter: f})
	return v.Report, err
}

// row is a stage line as the seed's table shows it.
type row struct {
	name          string
	count         int
	countShare    int
	amount        int64
	amountShare   int
	expected      int64
	expectedShare int
}

func TestSeedFunnel(t *testing.T) {
	st := storetest.New(t)
	if err := demo.Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	rep, err := get(st, funnel.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	// Seed 000's table, to the cent and the hundredth of a percent.
	want := []row{
		{"初期沟通", 1, 3333, 4000000, 4444, 400000, 800},
		{"立项评估", 0, 0, 0, 0, 0, 0},
		{"需求分析", 0, 0, 0, 0, 0, 0},
		{"方案制定", 0, 0, 0, 0, 0, 0},
		{"招投标/竞争", 0, 0, 0, 0, 0, 0},
		{"商务谈判", 1, 3333, 1000000, 1111, 600000, 1200},
		{"谈成结束", 1, 3333, 4000000, 4444, 4000000, 8000},
		{"未成结束", 0, 0, 0, 0, 0, 0},
	}
	if len(rep.Stages) != len(want) {
		t.Fatalf("got %d stages, want %d", len(rep.Stages), len(want))
	}
	for i, w := range want {
		g := rep.Stages[i]
		got := row{g.Name, g.Count, g.CountShare, g.AmountCents, g.AmountShare, g.ExpectedCents, g.ExpectedShare}
		if got != w {
			t.Errorf("stage %d: got %+v, want %+v", i, got, w)
		}
	}
	if rep.Total != (funnel.Total{Count: 3, AmountCents: 9000000, ExpectedCents: 5000000}) {
		t.Errorf("total = %+v", rep.Total)
	}
}

func TestEmptyFunnel(t *testing.T) {
	st := storetest.New(t)
	rep, err := get(st, funnel.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Stages) != 8 || rep.Total != (funnel.Total{}) {
		t.Fatalf("empty funnel: %d stages, total %+v", len(rep.Stages), rep.Total)
	}
	for _, r := range rep.Stages {
		if r.Count != 0 || r.CountShare != 0 || r.AmountShare != 0 || r.ExpectedShare != 0 {
			t.Errorf("stage %s not zero: %+v", r.Name, r)
		}
	}
}

func TestShareRounding(t *testing.T) {
	tests := []struct {
		part, total int64
		want        int
	}{
		{1, 3, 3333},
		{2, 3, 6667},
		{1, 8, 1250},
		{1, 16, 625},    // 6.25 exactly
		{1, 32, 313},    // 3.125 → 3.13 (half up)
		{1, 64, 156},    // 1.5625 → 1.56
		{5, 10000, 5},   // 0.05
		{1, 20000, 1},   // 0.005 → 0.01
		{1, 20001, 0},   // just under half
		{0, 0, 0},       // empty total
		{7, 7, 10000},   // 100%
		{1, 1 << 40, 0}, // tiny
	}
	for _, tt := range tests {
		if got := funnel.Share(tt.part, tt.total); got != tt.want {
			t.Errorf("Share(%d, %d) = %d, want %d", tt.part, tt.total, got, tt.want)
		}
	}
}

func TestExpectedRoundsOncePerStage(t *testing.T) {
	st := storetest.New(t)
	o := storetest.Owner(t, st, "张三")
	c := storetest.Customer(t, st, "客户甲", o)
	s := storetest.Stage(t, st, "立项评估")
	srv := opportunity.NewService(st, svc.New(nil))
	// 0.05 yuan × 10% = 0.5 分 each: rounded per row it would give 0+0+0=0 or
	// 1+1+1=3; rounded once from the exact sum 1.5 it is 2.
	for i := 0; i < 3; i++ {
		if _, err := srv.Create(opportunity.Input{Name: "小单", CustomerID: c, OwnerID: o, StageID: s.ID, Amount: "0.05", Probability: "10"}); err != nil {
			t.Fatal(err)
		}
	}
	// 0.01 yuan at 50% = 0.5 分: half rounds up to 1.
	n := storetest.Stage(t, st, "需求分析")
	if _, err := srv.Create(opportunity.Input{Name: "半分", CustomerID: c, OwnerID: o, StageID: n.ID, Amount: "0.01", Probability: "50"}); err != nil {
		t.Fatal(err)
	}
	rep, err := get(st, funnel.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int64{}
	for _, r := range rep.Stages {
		got[r.Name] = r.ExpectedCents
	}
	if got["立项评估"] != 2 || got["需求分析"] != 1 {
		t.Fatalf("expected cents: 立项评估 %d (want 2), 需求分析 %d (want 1)", got["立项评估"], got["需求分析"])
	}
	if rep.Total.ExpectedCents != 3 {
		t.Fatalf("total expected = %d, want the sum of stage figures 3", rep.Total.ExpectedCents)
	}
}

func TestWonAndLostRules(t *testing.T) {
	st := storetest.New(t)
	o := storetest.Owner(t, st, "张三")
	c := storetest.Customer(t, st, "客户甲", o)
	won := storetest.Stage(t, st, "谈成结束")
	lost := storetest.Stage(t, st, "未成结束")
	srv := opportunity.NewService(st, svc.New(nil))
	// Whatever probability is typed, won counts fully and lost not at all.
	if _, err := srv.Create(opportunity.Input{Name: "赢", CustomerID: c, OwnerID: o, StageID: won.ID, Amount: "100", Probability: "30"}); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.Create(opportunity.Input{Name: "输", CustomerID: c, OwnerID: o, StageID: lost.ID, Amount: "100", Probability: "80", LostReason: "价格"}); err != nil {
		t.Fatal(err)
	}
	rep, err := get(st, funnel.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rep.Stages {
		switch r.Name {
		case "谈成结束":
			if r.ExpectedCents != 10000 {
				t.Errorf("won expected = %d, want 10000", r.ExpectedCents)
			}
		case "未成结束":
			if r.Count != 1 || r.ExpectedCents != 0 {
				t.Errorf("lost: count %d expected %d, want 1 and 0", r.Count, r.ExpectedCents)
			}
		}
	}
}

func TestFiltersAndRetiredStages(t *testing.T) {
	st := storetest.New(t)
	ctx := context.Background()
	zs := storetest.Owner(t, st, "张三")
	ls := storetest.Owner(t, st, "李四")
	c := storetest.Customer(t, st, "客户甲", zs)
	first := storetest.Stage(t, st, "初期沟通")
	second := storetest.Stage(t, st, "立项评估")
	srv := opportunity.NewService(st, svc.New(nil))
	add := func(owner, stageID int64, close, typ, source, amount string) {
		t.Helper()
		if _, err := srv.Create(opportunity.Input{Name: "机会", CustomerID: c, OwnerID: owner, StageID: stageID,
			ExpectedClose: close, Type: typ, Source: source, Amount: amount}); err != nil {
			t.Fatal(err)
		}
	}
	add(zs, first.ID, "2026-01-01", "新业务", "展会", "100")
	add(zs, first.ID, "2026-01-31", "老客户续购", "展会", "200")
	add(ls, second.ID, "2026-02-01", "新业务", "电话营销", "400")
	add(ls, second.ID, "", "", "", "800")
	fsrv := funnel.NewService(st, svc.New(nil))

	// Retire a stage that holds opportunities: it still shows.
	if _, err := stage.NewService(st, svc.New(nil)).SetRetired(second.ID, true); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		f      funnel.Filter
		count  int
		amount int64
		stages int
	}{
		{"all", funnel.Filter{}, 4, 150000, 8},
		{"owner", funnel.Filter{OwnerID: zs}, 2, 30000, 7},
		{"period both ends inclusive", funnel.Filter{From: "2026-01-01", To: "2026-01-31"}, 2, 30000, 7},
		{"period from", funnel.Filter{From: "2026-01-31"}, 2, 60000, 8},
		{"type", funnel.Filter{Type: "新业务"}, 2, 50000, 8},
		{"source", funnel.Filter{Source: "展会"}, 2, 30000, 7},
		{"owner and period", funnel.Filter{OwnerID: ls, From: "2026-02-01", To: "2026-02-28"}, 1, 40000, 8},
		{"nothing", funnel.Filter{From: "2030-01-01"}, 0, 0, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := funnel.Compute(ctx, st.DB, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Total.Count != tt.count || rep.Total.AmountCents != tt.amount {
				t.Errorf("total = %+v, want count %d amount %d", rep.Total, tt.count, tt.amount)
			}
			if len(rep.Stages) != tt.stages {
				t.Errorf("%d stages shown, want %d (retired stage only while it holds opportunities)", len(rep.Stages), tt.stages)
			}
			// The click-through (one call) lists exactly what the funnel counts:
			// each stage's opportunities, and all of them for the 总计 row.
			for _, r := range append(rep.Stages, funnel.Row{Name: "总计", Count: rep.Total.Count}) {
				p, err := fsrv.Stage(funnel.StageRequest{Filter: tt.f, StageID: r.StageID, Page: 1, PageSize: 50})
				if err != nil {
					t.Fatal(err)
				}
				if p.Total != r.Count || len(p.Items) != r.Count {
					t.Errorf("stage %s: list shows %d (%d items), funnel counts %d", r.Name, p.Total, len(p.Items), r.Count)
				}
				for _, o := range p.Items {
					if r.StageID != 0 && o.StageID != r.StageID {
						t.Errorf("stage %s lists %q of stage %d", r.Name, o.Name, o.StageID)
					}
				}
			}
		})
	}
	if _, err := funnel.Compute(ctx, st.DB, funnel.Filter{From: "2026-02-30"}); err == nil {
		t.Error("an impossible date was accepted")
	}
	if _, err := funnel.Compute(ctx, st.DB, funnel.Filter{From: "2026-03-01", To: "2026-02-01"}); err == nil {
		t.Error("a reversed period was accepted")
	}
}

// The rule of backend/chart holds here too: the chart's geometry is
// measured in the drawn pixels and must follow the report's figures.

// TestDrawChartOfFigures: the screen's two-step refresh (the figures
// alone, then the chart drawn from them) gives what one View gives.
func TestDrawChartOfFigures(t *testing.T) {
	st := storetest.New(t)
	if err := demo.Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	srv := funnel.NewService(st, svc.New(nil))
	for _, measure := range []string{"count", "amount"} {
		whole, err := srv.View(funnel.ViewRequest{Measure: measure, Lang: "en"})
		if err != nil {
			t.Fatal(err)
		}
		figs, err := srv.View(funnel.ViewRequest{Measure: measure, Lang: "en", FiguresOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		if figs.Chart.PNG != "" || !reflect.DeepEqual(figs.Report, whole.Report) {
			t.Fatalf("%s: figures only: chart %d bytes, report differs %v", measure, len(figs.Chart.PNG), !reflect.DeepEqual(figs.Report, whole.Report))
		}
		c, err := srv.DrawChart(funnel.DrawRequest{Report: figs.Report, Measure: measure, Lang: "en"})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(c, whole.Chart) {
			t.Errorf("%s: the chart of the figures is not View's chart", measure)
		}
	}
	if _, err := srv.DrawChart(funnel.DrawRequest{Measure: "width"}); err == nil {
		t.Error("DrawChart accepted an unknown measure")
	}
}

// TestViewDrawsItsOwnFigures: one View call returns the figures and a chart
// whose bands are those stages, in order, with widths following the chosen
// measure's figures of the same report.
func TestViewDrawsItsOwnFigures(t *testing.T) {
	st := storetest.New(t)
	if err := demo.Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	srv := funnel.NewService(st, svc.New(nil))
	for _, measure := range []string{"", "count", "amount"} {
		t.Run("measure "+measure, func(t *testing.T) {
			v, err := srv.View(funnel.ViewRequest{Measure: measure, Lang: "en"})
			if err != nil {
				t.Fatal(err)
			}
			rep, c := v.Report, v.Chart
			if rep.Total.Count != 3 || len(rep.Stages) != 8 {
				t.Fatalf("report: %d stages, total %+v", len(rep.Stages), rep.Total)
			}
			if c.Width != chart.ScreenWidth || c.Height != chart.ScreenHeight || len(c.Areas) != len(rep.Stages) {
				t.Fatalf("chart %dx%d with %d areas for %d stages", c.Width, c.Height, len(c.Areas), len(rep.Stages))
			}
			raw, err := base64.StdEncoding.DecodeString(c.PNG)
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(raw))
			if err != nil {
				t.Fatal(err)
			}
			if s := img.Bounds().Size(); s.X != c.Width || s.Y != c.Height {
				t.Fatalf("image %v, chart says %dx%d", s, c.Width, c.Height)
			}
			widths := make([]int, len(c.Areas))
			values := make([]int64, len(c.Areas))
			for i, a := range c.Areas {
				if a.StageID != rep.Stages[i].StageID {
					t.Fatalf("area %d is stage %d, want %d (stage order)", i, a.StageID, rep.Stages[i].StageID)
				}
				_, widths[i] = charttest.TopWidth(img, a.Y, a.X, a.X+a.W)
				values[i] = int64(rep.Stages[i].Count)
				if measure == "amount" {
					values[i] = rep.Stages[i].AmountCents
				}
			}
			if err := charttest.FollowValues(widths, values, -1, 2); err != nil {
				t.Errorf("band widths %v for %v %s: %v", widths, values, measure, err)
			}
		})
	}
	tests := []struct {
		name  string
		req   funnel.ViewRequest
		field string
	}{
		{"unknown measure", funnel.ViewRequest{Measure: "weight"}, "measure"},
		{"bad date", funnel.ViewRequest{Filter: funnel.Filter{From: "2026-02-30"}}, "from"},
		{"unknown owner", funnel.ViewRequest{Filter: funnel.Filter{OwnerID: 999}}, "ownerId"},
	}
	for _, tt := range tests {
		_, err := srv.View(tt.req)
		var ae *apperr.Error
		if !errors.As(err, &ae) || ae.Field != tt.field {
			t.Errorf("%s: error %v, want one about %s", tt.name, err, tt.field)
		}
	}
}

// TestSaveChart: the export is drawn and written by Go through the save
// picker, at both sizes, the print size stating its 300 dpi.
func TestSaveChart(t *testing.T) {
	st := storetest.New(t)
	if err := demo.Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	env := svc.New(svc.Fixed(time.Date(2026, 3, 9, 10, 0, 0, 0, time.Local)))
	env.SetPicker(svc.DirPicker(dir))
	srv := funnel.NewService(st, env)
	tests := []struct {
		req     funnel.ChartRequest
		name    string
		w, h    int
		physDPI bool
	}{
		{funnel.ChartRequest{}, "销售漏斗-20260309.png", 1600, 1000, false},
		{funnel.ChartRequest{Size: "print", Measure: "amount"}, "销售漏斗-20260309-A4.png", 3508, 2480, true},
		{funnel.ChartRequest{Size: "print", Lang: "en"}, "sales-funnel-20260309-A4.png", 3508, 2480, true},
	}
	for _, tt := range tests {
		path, err := srv.SaveChart(tt.req)
		if err != nil {
			t.Fatal(err)
		}
		if path != filepath.Join(dir, tt.name) {
			t.Fatalf("saved to %q, want %q", path, filepath.Join(dir, tt.name))
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(b))
		if err != nil || cfg.Width != tt.w || cfg.Height != tt.h {
			t.Fatalf("%s: %dx%d, %v", tt.name, cfg.Width, cfg.Height, err)
		}
		// pHYs right after IHDR (8 + 25 bytes): 11811 pixels per metre = 300 dpi.
		hasPhys := len(b) > 50 && string(b[37:41]) == "pHYs"
		if hasPhys != tt.physDPI || (hasPhys && !bytes.Equal(b[41:50], []byte{0, 0, 0x2e, 0x23, 0, 0, 0x2e, 0x23, 1})) {
			t.Errorf("%s: pHYs present %v (want %v): % x", tt.name, hasPhys, tt.physDPI, b[33:54])
		}
	}

	// Refused before any file is chosen or written.
	for _, req := range []funnel.ChartRequest{{Size: "huge"}, {Measure: "weight"}, {Filter: funnel.Filter{To: "2026-13-01"}}} {
		if p, err := srv.SaveChart(req); err == nil || p != "" {
			t.Errorf("%+v: saved %q, err %v", req, p, err)
		}
	}
	// Cancelling the dialog writes nothing and is no error.
	env.SetPicker(func(string) (string, error) { return "", nil })
	if p, err := srv.SaveChart(funnel.ChartRequest{}); p != "" || err != nil {
		t.Errorf("cancelled: %q, %v", p, err)
	}
	if files, _ := os.ReadDir(dir); len(files) != len(tests) {
		t.Errorf("%d files in the save folder, want %d", len(files), len(tests))
	}
}

func TestStagePages(t *testing.T) {
	st := storetest.New(t)
	o := storetest.Owner(t, st, "张三")
	c := storetest.Customer(t, st, "客户甲", o)
	s := storetest.Stage(t, st, "初期沟通")
	opp := opportunity.NewService(st, svc.New(nil))
	for i := 0; i < 25; i++ {
		if _, err := opp.Create(opportunity.Input{Name: fmt.Sprint("机会", i), CustomerID: c, OwnerID: o, StageID: s.ID,
			ExpectedClose: fmt.Sprintf("2026-01-%02d", i+1), Amount: "1"}); err != nil {
			t.Fatal(err)
		}
	}
	srv := funnel.NewService(st, svc.New(nil))
	tests := []struct {
		name      string
		req       funnel.StageRequest
		total     int
		items     int
		page      int
		firstName string
	}{
		{"first page", funnel.StageRequest{StageID: s.ID, Page: 1, PageSize: 10}, 25, 10, 1, "机会0"},
		{"last page", funnel.StageRequest{StageID: s.ID, Page: 3, PageSize: 10}, 25, 5, 3, "机会20"},
		{"the funnel's filter", funnel.StageRequest{Filter: funnel.Filter{From: "2026-01-21"}, StageID: s.ID, Page: 1, PageSize: 10}, 5, 5, 1, "机会20"},
		{"every stage", funnel.StageRequest{Page: 1, PageSize: 50}, 25, 25, 1, "机会0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := srv.Stage(tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if p.Total != tt.total || len(p.Items) != tt.items || p.Page != tt.page || p.Items[0].Name != tt.firstName {
				t.Errorf("total %d, %d items, page %d, first %q", p.Total, len(p.Items), p.Page, p.Items[0].Name)
			}
		})
	}
	if _, err := srv.Stage(funnel.StageRequest{StageID: s.ID, Filter: funnel.Filter{From: "2026-02-30"}}); err == nil {
		t.Error("an impossible date was accepted")
	}
}

// Σ amount × probability leaves 64 bits long before the amounts do: the
// funnel then sums exactly in Go instead of failing or rounding.
func TestExpectedBeyond64Bits(t *testing.T) {
	ctx := context.Background()
	st := storetest.New(t)
	o := storetest.Owner(t, st, "张三")
	c := storetest.Customer(t, st, "大客户", o)
	s := storetest.Stage(t, st, "商务谈判")
	const n, amount, bp = 100, int64(99_999_999_999_999), 9999 // ¥999,999,999,999.99 at 99.99%
	for i := 0; i < n; i++ {
		if _, err := store.InsertOpportunity(ctx, st.W, store.Opportunity{Name: "巨单", CustomerID: c, OwnerID: o,
			StageID: s.ID, AmountCents: amount, ProbabilityBP: bp}); err != nil {
			t.Fatal(err)
		}
	}
	// The fast one-pass sum really does overflow here, so the exact path runs.
	if _, err := store.StageTotals(ctx, st.DB, store.OpportunityFilter{}); !store.IsOverflow(err) {
		t.Fatalf("StageTotals = %v, want an integer overflow for this data", err)
	}
	rep, err := funnel.Compute(ctx, st.DB, funnel.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var got int64
	for _, r := range rep.Stages {
		if r.Name == "商务谈判" {
			got = r.ExpectedCents
		}
	}
	// Exact: Σ = 100 × 99999999999999 × 9999 = 99,989,999,999,999,000,100 (×10^-4) → 9,998,999,999,999,900.01 → 9998999999999900.
	if got != 9998999999999900 {
		t.Fatalf("expected cents = %d, want 9998999999999900", got)
	}
}

// TestCaptions: the chart's captions come from the catalog in the request's
// language, with the field labels the forms and exports use.
func TestCaptions(t *testing.T) {
	rep := funnel.Report{GeneratedAt: "2026-03-09T10:00:00+08:00", OwnerName: "张三", Filter: funnel.Filter{From: "2026-01-01", Source: "展会"},
		Stages: []funnel.Row{{Name: "初期沟通", Count: 3, CountShare: 3333, AmountCents: 123456, AmountShare: 5000, ExpectedCents: 12345, ExpectedShare: 2500}},
		Total:  funnel.Total{Count: 9, AmountCents: 246912, ExpectedCents: 49382}}
	tests := []struct {
		lang             string
		title, describe  string
		generated, lines string
		footer           string
	}{
		{"", "销售漏斗", "负责人：张三    预计完成日期：2026-01-01 ~    类型：全部    客户来源：展会", "生成时间：2026-03-09 10:00    漏斗宽度按机会金额",
			"[3 个（33.33%）  金额 ¥1,234.56（50.00%） 预期成交 ¥123.45（25.00%）]", "总计：9 个销售机会    金额 ¥2,469.12    预期成交金额 ¥493.82"},
		{"en", "Sales funnel", "Owner: 张三    Expected close date: 2026-01-01 ~    Type: all    Source: 展会", "Generated: 2026-03-09 10:00    Band widths by amount",
			"[3 (33.33%)  amount ¥1,234.56 (50.00%) expected ¥123.45 (25.00%)]", "Total: 9 opportunities    amount ¥2,469.12    expected ¥493.82"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			f := funnel.Drawing(rep, "amount", tt.lang)
			got := []string{f.Title, f.Subtitle[0], f.Subtitle[1], fmt.Sprint(f.Bands[0].Lines), f.Footer}
			want := []string{tt.title, tt.describe, tt.generated, tt.lines, tt.footer}
			for i := range want {
				if got[i] != want[i] {
					t.Errorf("caption %d = %q, want %q", i, got[i], want[i])
				}
			}
		})
	}
}

// TestCaptionStageSet: with stage sets, the chart's caption names the set
// counted (or all types); without any, it says nothing of sets.
func TestCaptionStageSet(t *testing.T) {
	sets := []store.StageSet{{ID: 1, Name: "项目型"}, {ID: 2, Name: "续约型"}}
	tests := []struct {
		name, lang string
		sets       []store.StageSet
		setID      int64
		want       string
	}{
		{"no sets", "", nil, 0, ""},
		{"all types", "", sets, 0, "    阶段组：全部类型"},
		{"one set", "", sets, 2, "    阶段组：续约型"},
		{"one set in English", "en", sets, 1, "    Stage set: 项目型"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := funnel.Report{Filter: funnel.Filter{StageSetID: tt.setID}, Sets: tt.sets}
			got := funnel.Describe(rep, tt.lang)
			base := funnel.Describe(funnel.Report{}, tt.lang)
			if got != base+tt.want {
				t.Errorf("caption %q, want %q", got, base+tt.want)
			}
		})
	}
}
