package opportunity_test

import (
	"context"
	"fmt"
	"sort"
	"syscall"
	"testing"
	"time"

	"funneldesk/backend/customer"
	"funneldesk/backend/opportunity"
	"funneldesk/backend/pinyin"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
	"funneldesk/bench/benchdb"
)

// The benchmarks run against the database of FUNNELDESK_BENCH_DB (made by
// bench/gen, 1,000,000 opportunities with seed 1) and skip without it:
//
//	FUNNELDESK_BENCH_DB=bench/data/bench.db go test -run '^$' -bench . ./backend/opportunity/

// benchOwner is a salesperson with an average share of the opportunities.
const benchOwner = 10

type listCase struct {
	name string
	req  opportunity.ListRequest
}

func benchCases(b *testing.B, st *store.Store) []listCase {
	ctx := context.Background()
	stage, err := store.StageByName(ctx, st.DB, "需求分析")
	if err != nil {
		b.Fatalf("stage 需求分析: %v", err)
	}
	// A customer of the long tail: its full name matches a handful of rows.
	c, err := customer.NewService(st, svc.New(nil)).Get(4242)
	if err != nil {
		b.Fatalf("customer 4242: %v", err)
	}
	py, ini := pinyin.Keys(string([]rune(c.Customer.Name)[:4]))
	f := func(fl opportunity.Filter) opportunity.ListRequest {
		return opportunity.ListRequest{Filter: fl, Page: 1, PageSize: 50}
	}
	cases := []listCase{
		{"all", f(opportunity.Filter{})},
		{"view=won", f(opportunity.Filter{View: store.KindWon})},
		{"view=open", f(opportunity.Filter{View: store.KindOpen})},
		{"view=lost", f(opportunity.Filter{View: store.KindLost})},
		{"stage", f(opportunity.Filter{StageIDs: []int64{stage.ID}})},
		{"owner", f(opportunity.Filter{OwnerIDs: []int64{benchOwner}})},
		{"source", f(opportunity.Filter{Sources: []string{"电话营销"}})},
		{"source=rare", f(opportunity.Filter{Sources: []string{"其他"}})},
		{"type", f(opportunity.Filter{Types: []string{"老客户续购"}})},
		{"close=quarter", f(opportunity.Filter{CloseFrom: "2026-04-01", CloseTo: "2026-06-30"})},
		{"close=year", f(opportunity.Filter{CloseFrom: "2026-01-01", CloseTo: "2026-12-31"})},
		{"owner+quarter", f(opportunity.Filter{OwnerIDs: []int64{benchOwner}, CloseFrom: "2026-04-01", CloseTo: "2026-06-30"})},
		{"customer", f(opportunity.Filter{CustomerID: 7})},
		{"search=few", f(opportunity.Filter{Query: c.Customer.Name})},
		{"search=many", f(opportunity.Filter{Query: "科技"})},
		{"search=name", f(opportunity.Filter{Query: "年度续约"})},
		{"search=none", f(opportunity.Filter{Query: "不存在的名字"})},
		// Pinyin: the customer's city and trade name (宁波光嘉 → ningboguangjia,
		// nbgj), the city's initials alone (thousands), a product (crm系统).
		{"search=pinyin", f(opportunity.Filter{Query: py})},
		{"search=initials", f(opportunity.Filter{Query: ini})},
		{"search=initials-short", f(opportunity.Filter{Query: ini[:2]})},
		{"search=pinyin-name", f(opportunity.Filter{Query: "crmxitong"})},
		{"page=1000", opportunity.ListRequest{Page: 1000, PageSize: 50}},
		{"view=open+owner+source+sort=amount", f(opportunity.Filter{View: store.KindOpen, OwnerIDs: []int64{benchOwner},
			Sources: []string{"展会"}, Sort: "amount", Desc: true})},
	}
	keys := make([]string, 0, len(store.SortColumns))
	for k := range store.SortColumns {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, desc := range []bool{false, true} {
			dir := "asc"
			if desc {
				dir = "desc"
			}
			cases = append(cases, listCase{"sort=" + k + "/" + dir, f(opportunity.Filter{Sort: k, Desc: desc})})
		}
	}
	cases = append(cases,
		listCase{"sort=stage/asc/page=1000", opportunity.ListRequest{Filter: opportunity.Filter{Sort: "stage"}, Page: 1000, PageSize: 50}},
		listCase{"sort=amount/desc/owner", f(opportunity.Filter{OwnerIDs: []int64{benchOwner}, Sort: "amount", Desc: true})},
		listCase{"sort=name/asc/view=won", f(opportunity.Filter{View: store.KindWon, Sort: "name"})},
		listCase{"sort=name/asc/page=1000", opportunity.ListRequest{Filter: opportunity.Filter{Sort: "name"}, Page: 1000, PageSize: 50}},
		listCase{"sort=name/asc/search=initials-short", f(opportunity.Filter{Query: ini[:2], Sort: "name"})},
		listCase{"sort=stage/asc/owner", f(opportunity.Filter{OwnerIDs: []int64{benchOwner}, Sort: "stage"})},
	)
	return cases
}

// BenchmarkList is one list page of 50 with its total, through the service.
func BenchmarkList(b *testing.B) {
	st := benchdb.Open(b)
	srv := opportunity.NewService(st, svc.New(nil))
	for _, tc := range benchCases(b, st) {
		b.Run(tc.name, func(b *testing.B) {
			p, err := srv.List(tc.req)
			if err != nil {
				b.Fatal(err)
			}
			if p.Total == 0 && tc.name != "search=none" {
				b.Fatalf("%s matched nothing", tc.name)
			}
			for b.Loop() {
				if _, err := srv.List(tc.req); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(p.Total), "total")
		})
	}
}

// BenchmarkBoard is the stage view: per-stage totals and the first cards.
func BenchmarkBoard(b *testing.B) {
	st := benchdb.Open(b)
	srv := opportunity.NewService(st, svc.New(nil))
	for _, tc := range []struct {
		name string
		f    opportunity.Filter
	}{
		{"all", opportunity.Filter{}},
		{"owner", opportunity.Filter{OwnerIDs: []int64{benchOwner}}},
		{"quarter", opportunity.Filter{CloseFrom: "2026-04-01", CloseTo: "2026-06-30"}},
		{"owner+quarter", opportunity.Filter{OwnerIDs: []int64{benchOwner}, CloseFrom: "2026-04-01", CloseTo: "2026-06-30"}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := srv.Board(tc.f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkStageTotals is the funnel query (count, amount and weighted
// amount per stage) under the filters a funnel report uses.
func BenchmarkStageTotals(b *testing.B) {
	st := benchdb.Open(b)
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		f    store.OpportunityFilter
	}{
		{"all", store.OpportunityFilter{}},
		{"owner", store.OpportunityFilter{OwnerIDs: []int64{benchOwner}}},
		{"quarter", store.OpportunityFilter{CloseFrom: "2026-04-01", CloseTo: "2026-06-30"}},
		{"year", store.OpportunityFilter{CloseFrom: "2026-01-01", CloseTo: "2026-12-31"}},
		{"owner+quarter", store.OpportunityFilter{OwnerIDs: []int64{benchOwner}, CloseFrom: "2026-04-01", CloseTo: "2026-06-30"}},
		{"owner+year", store.OpportunityFilter{OwnerIDs: []int64{benchOwner}, CloseFrom: "2026-01-01", CloseTo: "2026-12-31"}},
		{"3owners+year", store.OpportunityFilter{OwnerIDs: []int64{3, benchOwner, 17}, CloseFrom: "2026-01-01", CloseTo: "2026-12-31"}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := store.StageTotals(ctx, st.DB, tc.f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkImportInsert writes 100,000 opportunities with their first
// stage change in one transaction through store.ImportWriter, the bulk path
// of the importer, and rolls back so the database stays as generated. Its
// rows/s is the cost the indexes put on an import (parsing excluded); the
// keys are spread as real rows are (random customers, owners, dates,
// amounts).
func BenchmarkImportInsert(b *testing.B) {
	st := benchdb.Open(b)
	ctx := context.Background()
	const rows = 100000
	stages, err := store.ImportStages(ctx, st.DB)
	if err != nil {
		b.Fatal(err)
	}
	sources := []string{"电话营销", "网络推广", "客户介绍", "展会", "老客户", "其他"}
	opps := make([]store.Opportunity, rows)
	x := uint64(88172645463325252)
	next := func(n int) int { // xorshift: fixed, cheap, spread
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		return int(x % uint64(n))
	}
	for i := range opps {
		s := stages[next(len(stages))]
		opps[i] = store.Opportunity{Name: fmt.Sprintf("导入机会%d", i), CustomerID: int64(1 + next(100000)),
			Type: "新业务", Source: sources[next(len(sources))], OwnerID: int64(1 + next(20)),
			AmountCents: int64(100000 + next(90000000)), ExpectedClose: fmt.Sprintf("202%d-%02d-%02d", 5+next(3), 1+next(12), 1+next(28)),
			StageID: s.ID, ProbabilityBP: s.ProbabilityBP}
	}
	var n int
	cpu0 := cpuTime()
	for b.Loop() {
		tx, err := st.W.BeginTxx(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		w, err := store.NewImportWriter(ctx, tx)
		if err != nil {
			b.Fatal(err)
		}
		for _, o := range opps {
			if _, err := w.AddOpportunity(o, ""); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Finish(); err != nil {
			b.Fatal(err)
		}
		w.Close()
		n += rows
		b.StopTimer()
		if err := tx.Rollback(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	cpu := cpuTime() - cpu0
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "rows/s")
	// Per second of this process's CPU (rollbacks included): steadier than
	// rows/s when other work shares the machine.
	b.ReportMetric(float64(n)/cpu.Seconds(), "rows/cpu-s")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestListPlansAgree checks, on a few thousand generated rows, that every
// way ListOpportunities picks a page (walking a sort index, sorting the
// matches, merging close-date ranges, stage by stage, a search collected in
// one pass) returns the same pages as the plain ordered query the export
// runs. With 3,000 rows, filters matching more than a few hundred walk an
// index and the rest sort, so both sides of the cost model run.
func TestListPlansAgree(t *testing.T) {
	st, err := store.Open(t.TempDir() + "/plans.db")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	stages, err := store.ListStages(ctx, st.DB)
	if err != nil {
		t.Fatal(err)
	}
	// Stage positions that disagree with ids, as after a reorder.
	for i, s := range stages {
		if err := store.SetStagePosition(ctx, st.W, s.ID, len(stages)-i); err != nil {
			t.Fatal(err)
		}
	}
	x := uint64(7)
	next := func(n int) int {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		return int(x % uint64(n))
	}
	names := []string{"华信科技", "东方贸易", "年度续约", "ERP采购", "扩容"}
	sources := []string{"电话营销", "展会", "其他", ""}
	err = st.Tx(ctx, func(tx store.Tx) error {
		var owners, customers []int64
		for i := 0; i < 5; i++ {
			id, err := store.InsertOwner(ctx, tx, fmt.Sprintf("销售%d", i), true)
			if err != nil {
				return err
			}
			owners = append(owners, id)
		}
		for i := 0; i < 40; i++ {
			o := owners[next(len(owners))]
			id, err := store.InsertCustomer(ctx, tx, store.Customer{Name: fmt.Sprintf("%s客户%d", names[next(len(names))], i), OwnerID: &o})
			if err != nil {
				return err
			}
			customers = append(customers, id)
		}
		for i := 0; i < 3000; i++ {
			s := stages[next(len(stages))]
			closeDate := ""
			if next(20) > 0 {
				closeDate = fmt.Sprintf("202%d-%02d-%02d", 5+next(2), 1+next(12), 1+next(28))
			}
			id, err := store.InsertOpportunity(ctx, tx, store.Opportunity{Name: names[next(len(names))] + fmt.Sprint(next(4)),
				CustomerID: customers[next(len(customers))], Type: opportunity.Types[next(len(opportunity.Types))], Source: sources[next(len(sources))],
				OwnerID: owners[next(len(owners))], AmountCents: int64(next(50)) * 100000, ExpectedClose: closeDate,
				StageID: s.ID, ProbabilityBP: min(10000, s.ProbabilityBP+500*next(2))})
			if err != nil {
				return err
			}
			// Ties on updated_at, as rows written in the same second have.
			if _, err := tx.Exec(`UPDATE opportunities SET updated_at = ? WHERE id = ?`, fmt.Sprintf("2026-01-%02d", 1+next(3)), id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	filters := map[string]store.OpportunityFilter{
		"none":           {},
		"open":           {View: store.KindOpen},
		"won":            {View: store.KindWon},
		"stage":          {StageIDs: []int64{stages[2].ID}},
		"owner":          {OwnerIDs: []int64{2}},
		"owners twice":   {OwnerIDs: []int64{2, 3, 2}},
		"source":         {Sources: []string{"展会"}},
		"source+type":    {Sources: []string{"展会", "其他"}, Types: []string{"新业务"}},
		"type":           {Types: []string{"老客户续购"}},
		"close from":     {CloseFrom: "2026-03-01"},
		"close to":       {CloseTo: "2025-06-30"},
		"owner+close":    {OwnerIDs: []int64{1, 4}, CloseFrom: "2025-03-01", CloseTo: "2026-02-28"},
		"customer":       {CustomerID: 3},
		"search few":     {Query: "客户7"},
		"search many":    {Query: "科技"},
		"search all":     {Query: "客户"},
		"search+open":    {Query: "年度", View: store.KindOpen},
		"open+source":    {View: store.KindOpen, Sources: []string{"电话营销"}},
		"stage+owner":    {StageIDs: []int64{stages[0].ID, stages[5].ID}, OwnerIDs: []int64{5}},
		"lost+close+src": {View: store.KindLost, CloseFrom: "2025-01-01", Sources: []string{""}},
	}
	keys := make([]string, 0, len(store.SortColumns))
	for k := range store.SortColumns {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for fname, f := range filters {
		for _, key := range keys {
			for _, desc := range []bool{false, true} {
				f := f
				f.Sort, f.Desc = key, desc
				var want []int64
				if err := store.EachOpportunity(ctx, st.DB, f, func(o store.Opportunity) error {
					want = append(want, o.ID)
					return nil
				}); err != nil {
					t.Fatal(err)
				}
				for _, page := range []struct{ off, lim int }{{0, 50}, {50, 50}, {0, 7}, {333, 20}, {len(want) - 5, 50}} {
					if page.off < 0 {
						continue
					}
					got, total, err := store.ListOpportunities(ctx, st.DB, f, page.off, page.lim)
					if err != nil {
						t.Fatalf("%s %s desc=%v: %v", fname, key, desc, err)
					}
					if total != len(want) {
						t.Fatalf("%s %s desc=%v: total %d, want %d", fname, key, desc, total, len(want))
					}
					end := min(len(want), page.off+page.lim)
					exp := []int64{}
					if page.off < end {
						exp = want[page.off:end]
					}
					ids := make([]int64, len(got))
					for i, o := range got {
						ids[i] = o.ID
					}
					if fmt.Sprint(ids) != fmt.Sprint(exp) {
						t.Errorf("%s %s desc=%v page %+v:\n got  %v\n want %v", fname, key, desc, page, ids, exp)
					}
				}
			}
		}
	}
}
