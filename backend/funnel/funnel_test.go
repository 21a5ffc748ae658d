package funnel_test

import (
	"context"
	"testing"

	"funneldesk/backend/demo"
	"funneldesk/backend/funnel"
	"funneldesk/backend/opportunity"
	"funneldesk/backend/stage"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
	"funneldesk/backend/svc"
)

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
	rep, err := funnel.NewService(st, svc.New(nil)).Get(funnel.Filter{})
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
	rep, err := funnel.NewService(st, svc.New(nil)).Get(funnel.Filter{})
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
	rep, err := funnel.NewService(st, svc.New(nil)).Get(funnel.Filter{})
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
	rep, err := funnel.NewService(st, svc.New(nil)).Get(funnel.Filter{})
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
			// The click-through list agrees with the funnel's count.
			for _, r := range rep.Stages {
				_, total, err := store.ListOpportunities(ctx, st.DB, funnel.OpportunityFilter(tt.f, r.StageID), 0, 50)
				if err != nil {
					t.Fatal(err)
				}
				if total != r.Count {
					t.Errorf("stage %s: list shows %d, funnel counts %d", r.Name, total, r.Count)
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

func TestChartMapsBandsToStages(t *testing.T) {
	st := storetest.New(t)
	if err := demo.Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	srv := funnel.NewService(st, svc.New(nil))
	rep, err := srv.Get(funnel.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range []struct {
		name string
		w, h int
	}{{"screen", 1600, 1000}, {"print", 3508, 2480}} {
		c, err := srv.Chart(funnel.ChartRequest{Size: size.name, Measure: "amount"})
		if err != nil {
			t.Fatal(err)
		}
		if c.Width != size.w || c.Height != size.h || len(c.PNG) < 1000 {
			t.Fatalf("%s: %dx%d, %d bytes of base64", size.name, c.Width, c.Height, len(c.PNG))
		}
		if len(c.Areas) != len(rep.Stages) {
			t.Fatalf("%s: %d areas for %d stages", size.name, len(c.Areas), len(rep.Stages))
		}
		for i, a := range c.Areas {
			if a.StageID != rep.Stages[i].StageID || a.W <= 0 || a.H <= 0 || a.X+a.W > c.Width || a.Y+a.H > c.Height {
				t.Errorf("%s: area %d = %+v for stage %d", size.name, i, a, rep.Stages[i].StageID)
			}
		}
	}
	if _, err := srv.Chart(funnel.ChartRequest{Size: "huge"}); err == nil {
		t.Error("an unknown size was accepted")
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
