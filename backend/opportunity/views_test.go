package opportunity

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"funneldesk/backend/apperr"
	"funneldesk/backend/export/exporttest"
	"funneldesk/backend/money"
	"funneldesk/backend/pinyin"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
)

// listFixture adds seven opportunities (#1–#7 in the comments below) to the
// fixture, with distinct updated_at values out of id order.
type listFixture struct {
	*fixture
	discount int64 // the customer 5%折扣店
	ids      map[string]int64
}

func newListFixture(t *testing.T) *listFixture {
	t.Helper()
	f := &listFixture{fixture: newFixture(t), ids: map[string]int64{}}
	f.discount = storetest.Customer(t, f.st, "5%折扣店", f.zhang)
	rows := []Input{
		{Name: "购买五十用户", CustomerID: f.dashang, OwnerID: f.zhang, StageID: f.initial, Amount: "40000", ExpectedClose: "2024-01-15", Source: "网站", Type: "新业务"},
		{Name: "购买", CustomerID: f.xiduoduo, OwnerID: f.li, StageID: f.negotiations, Amount: "10000", Probability: "60", ExpectedClose: "2024-03-01", Source: "展会", Type: "老客户续购"},
		{Name: "续约服务", CustomerID: f.dashang, OwnerID: f.li, StageID: f.won, Amount: "25,000.50", ExpectedClose: "2024-02-10", Source: "网站", Type: "老客户续购"},
		{Name: "100% 满意计划", CustomerID: f.xiduoduo, OwnerID: f.zhang, StageID: f.lost, LostReason: "价格", Amount: "8000", ExpectedClose: "2024-03-31"},
		{Name: "a_b 项目", CustomerID: f.dashang, OwnerID: f.zhang, StageID: f.stage["需求分析"], Amount: "0", Source: "电话", Type: "新业务"},
		{Name: "axb 项目", CustomerID: f.xiduoduo, OwnerID: f.li, StageID: f.stage["需求分析"], Amount: "1,000,000", Probability: "33.33", ExpectedClose: "2023-12-31", Source: "展会", Type: "新业务"},
		{Name: "Excel 导出", CustomerID: f.discount, OwnerID: f.zhang, StageID: f.stage["方案制定"], Amount: "500", ExpectedClose: "2024-01-15"},
	}
	updated := []string{"2024-05-03", "2024-05-07", "2024-05-01", "2024-05-06", "2024-05-02", "2024-05-05", "2024-05-04"}
	for i, in := range rows {
		o := f.create(t, in)
		f.ids[in.Name] = o.ID
		if _, err := f.st.W.Exec(`UPDATE opportunities SET updated_at = ? WHERE id = ?`, updated[i]+"T10:00:00+08:00", o.ID); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

func oppNames(os []store.Opportunity) string {
	var out []string
	for _, o := range os {
		out = append(out, o.Name)
	}
	return strings.Join(out, "|")
}

func (f *listFixture) list(t *testing.T, flt Filter) []store.Opportunity {
	t.Helper()
	p, err := f.s.List(ListRequest{Filter: flt, PageSize: 500})
	if err != nil {
		t.Fatal(err)
	}
	if p.Total != len(p.Items) {
		t.Errorf("total %d, items %d", p.Total, len(p.Items))
	}
	return p.Items
}

func TestListFilters(t *testing.T) {
	f := newListFixture(t)
	analysis := f.stage["需求分析"]
	tests := []struct {
		name   string
		filter Filter
		want   string // names in the default order: expected close, then id
	}{
		{"everything", Filter{}, "a_b 项目|axb 项目|购买五十用户|Excel 导出|续约服务|购买|100% 满意计划"},
		{"view all", Filter{View: "all"}, "a_b 项目|axb 项目|购买五十用户|Excel 导出|续约服务|购买|100% 满意计划"},
		{"view won", Filter{View: "won"}, "续约服务"},
		{"view lost", Filter{View: "lost"}, "100% 满意计划"},
		{"view open", Filter{View: "open"}, "a_b 项目|axb 项目|购买五十用户|Excel 导出|购买"},
		{"one stage", Filter{StageIDs: []int64{analysis}}, "a_b 项目|axb 项目"},
		{"two stages", Filter{StageIDs: []int64{analysis, f.negotiations}}, "a_b 项目|axb 项目|购买"},
		{"owner", Filter{OwnerIDs: []int64{f.li}}, "axb 项目|续约服务|购买"},
		{"both owners", Filter{OwnerIDs: []int64{f.li, f.zhang}}, "a_b 项目|axb 项目|购买五十用户|Excel 导出|续约服务|购买|100% 满意计划"},
		{"source", Filter{Sources: []string{"网站"}}, "购买五十用户|续约服务"},
		{"two sources", Filter{Sources: []string{"网站", "展会"}}, "axb 项目|购买五十用户|续约服务|购买"},
		{"type", Filter{Types: []string{"新业务"}}, "a_b 项目|axb 项目|购买五十用户"},
		{"customer", Filter{CustomerID: f.dashang}, "a_b 项目|购买五十用户|续约服务"},
		{"close range inclusive", Filter{CloseFrom: "2024-01-15", CloseTo: "2024-03-01"}, "购买五十用户|Excel 导出|续约服务|购买"},
		{"close range of one day", Filter{CloseFrom: "2024-03-31", CloseTo: "2024-03-31"}, "100% 满意计划"},
		{"close from", Filter{CloseFrom: "2024-02-10"}, "续约服务|购买|100% 满意计划"},
		{"close to leaves out undated", Filter{CloseTo: "2024-01-15"}, "axb 项目|购买五十用户|Excel 导出"},
		{"close range with slashes", Filter{CloseFrom: "2024/1/15", CloseTo: "2024/3/1"}, "购买五十用户|Excel 导出|续约服务|购买"},
		{"query opportunity name", Filter{Query: " 购买 "}, "购买五十用户|购买"},
		{"query customer name", Filter{Query: "大商"}, "a_b 项目|购买五十用户|续约服务"},
		{"query percent is literal", Filter{Query: "%"}, "Excel 导出|100% 满意计划"},
		{"query underscore is literal", Filter{Query: "_"}, "a_b 项目"},
		{"query a_b", Filter{Query: "a_b"}, "a_b 项目"},
		{"query ignores ASCII case", Filter{Query: "AXB"}, "axb 项目"},
		{"query nothing", Filter{Query: "无此机会"}, ""},
		{"combined", Filter{View: "open", OwnerIDs: []int64{f.zhang}, Query: "项目"}, "a_b 项目"},
		{"view and stage disagree", Filter{View: "won", StageIDs: []int64{analysis}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := oppNames(f.list(t, tt.filter)); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestListRefusesBadFilter(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name   string
		filter Filter
		field  string
	}{
		{"from date", Filter{CloseFrom: "2024-02-30"}, "closeFrom"},
		{"to date", Filter{CloseTo: "soon"}, "closeTo"},
		{"sort key", Filter{Sort: "amount_cents; DROP TABLE opportunities"}, "sort"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.s.List(ListRequest{Filter: tt.filter})
			storetest.WantErr(t, err, apperr.CodeInvalid, tt.field)
			_, err = f.s.Board(tt.filter)
			storetest.WantErr(t, err, apperr.CodeInvalid, tt.field)
			_, err = f.s.Export(tt.filter, "csv")
			storetest.WantErr(t, err, apperr.CodeInvalid, tt.field)
			_, err = f.s.SaveView("坏视图", tt.filter)
			storetest.WantErr(t, err, apperr.CodeInvalid, tt.field)
		})
	}
}

func TestListSort(t *testing.T) {
	f := newListFixture(t)
	// Put 需求分析 first so that stage position and stage id disagree.
	stages, _ := store.ListStages(context.Background(), f.st.DB)
	var order []int64
	order = append(order, f.stage["需求分析"])
	for _, s := range stages {
		if s.ID != f.stage["需求分析"] {
			order = append(order, s.ID)
		}
	}
	for i, id := range order {
		if err := store.SetStagePosition(context.Background(), f.st.W, id, i+1); err != nil {
			t.Fatal(err)
		}
	}
	pos := map[int64]int{}
	for i, id := range order {
		pos[id] = i
	}
	compare := map[string]func(a, b store.Opportunity) int{
		"expectedClose": func(a, b store.Opportunity) int { return strings.Compare(a.ExpectedClose, b.ExpectedClose) },
		"name":          func(a, b store.Opportunity) int { return strings.Compare(pyKey(a.Name), pyKey(b.Name)) },
		"amount":        func(a, b store.Opportunity) int { return cmp.Compare(a.AmountCents, b.AmountCents) },
		"probability":   func(a, b store.Opportunity) int { return cmp.Compare(a.ProbabilityBP, b.ProbabilityBP) },
		"updatedAt":     func(a, b store.Opportunity) int { return strings.Compare(a.UpdatedAt, b.UpdatedAt) },
		"createdAt":     func(a, b store.Opportunity) int { return cmp.Compare(a.ID, b.ID) },
		"stage":         func(a, b store.Opportunity) int { return cmp.Compare(pos[a.StageID], pos[b.StageID]) },
		"lastFollowup":  func(a, b store.Opportunity) int { return strings.Compare(a.LastFollowupAt, b.LastFollowupAt) },
	}
	all := f.list(t, Filter{Sort: "createdAt"})
	keys := make([]string, 0, len(store.SortColumns))
	for k := range store.SortColumns {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		for _, desc := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s desc=%v", key, desc), func(t *testing.T) {
				c, ok := compare[key]
				if !ok {
					t.Fatalf("no expectation for sort key %q: add one", key)
				}
				want := slices.Clone(all)
				slices.SortStableFunc(want, func(a, b store.Opportunity) int {
					return cmp.Or(c(a, b), cmp.Compare(a.ID, b.ID))
				})
				if desc {
					slices.Reverse(want)
				}
				got := f.list(t, Filter{Sort: key, Desc: desc})
				if oppNames(got) != oppNames(want) {
					t.Errorf("got  %s\nwant %s", oppNames(got), oppNames(want))
				}
				// The same order holds page by page.
				var paged []store.Opportunity
				for page := 1; page <= 3; page++ {
					p, err := f.s.List(ListRequest{Filter: Filter{Sort: key, Desc: desc}, Page: page, PageSize: 3})
					if err != nil {
						t.Fatal(err)
					}
					paged = append(paged, p.Items...)
				}
				if oppNames(paged) != oppNames(want) {
					t.Errorf("paged %s\nwant  %s", oppNames(paged), oppNames(want))
				}
			})
		}
	}
	// The default is by expected close date.
	if got, want := oppNames(f.list(t, Filter{})), oppNames(f.list(t, Filter{Sort: "expectedClose"})); got != want {
		t.Errorf("default order %s, want by expected close %s", got, want)
	}
}

func TestListPaging(t *testing.T) {
	f := newListFixture(t)
	all := oppNames(f.list(t, Filter{}))
	var got []string
	for page := 1; page <= 4; page++ {
		p, err := f.s.List(ListRequest{Page: page, PageSize: 2})
		if err != nil {
			t.Fatal(err)
		}
		wantLen := 2
		if page == 4 {
			wantLen = 1
		}
		if p.Total != 7 || p.Page != page || p.PageSize != 2 || len(p.Items) != wantLen {
			t.Errorf("page %d: total %d page %d size %d items %d", page, p.Total, p.Page, p.PageSize, len(p.Items))
		}
		got = append(got, oppNames(p.Items))
	}
	if strings.Join(got, "|") != all {
		t.Errorf("pages %v do not make up the whole list %s", got, all)
	}
	p, _ := f.s.List(ListRequest{Page: 9, PageSize: 2})
	if p.Total != 7 || len(p.Items) != 0 || p.Items == nil {
		t.Errorf("past the end: %+v", p)
	}
	p, _ = f.s.List(ListRequest{Filter: Filter{View: "open"}, Page: 2, PageSize: 2})
	if p.Total != 5 || oppNames(p.Items) != "购买五十用户|Excel 导出" {
		t.Errorf("filtered page 2 = %s (total %d)", oppNames(p.Items), p.Total)
	}
}

// boardSummary lists the columns as "stage:count:cents".
func boardSummary(b Board) string {
	var out []string
	for _, c := range b.Columns {
		out = append(out, fmt.Sprintf("%s:%d:%d", c.Stage.Name, c.Count, c.AmountCents))
	}
	return strings.Join(out, " ")
}

func TestBoard(t *testing.T) {
	f := newListFixture(t)
	b, err := f.s.Board(Filter{})
	if err != nil {
		t.Fatal(err)
	}
	// 立项评估 is retired and empty, so hidden.
	want := "初期沟通:1:4000000 需求分析:2:100000000 方案制定:1:50000 招投标/竞争:0:0 商务谈判:1:1000000 谈成结束:1:2500050 未成结束:1:800000"
	if got := boardSummary(b); got != want {
		t.Errorf("board  %s\nwant   %s", got, want)
	}
	for _, c := range b.Columns {
		if len(c.Cards) != c.Count || c.Cards == nil {
			t.Errorf("column %s has %d cards for %d opportunities", c.Stage.Name, len(c.Cards), c.Count)
		}
		for _, card := range c.Cards {
			if card.StageID != c.Stage.ID {
				t.Errorf("card %s in column %s", card.Name, c.Stage.Name)
			}
		}
	}
	if got := oppNames(b.Columns[1].Cards); got != "a_b 项目|axb 项目" {
		t.Errorf("需求分析 cards = %s, want by expected close", got)
	}

	// A retired stage still holding opportunities stays on the board.
	retire(t, f.fixture, f.stage["需求分析"])
	b, _ = f.s.Board(Filter{})
	if got := boardSummary(b); got != want {
		t.Errorf("board with retired 需求分析 = %s", got)
	}
	// ... unless the filter leaves it empty.
	b, _ = f.s.Board(Filter{OwnerIDs: []int64{f.zhang}})
	want = "初期沟通:1:4000000 需求分析:1:0 方案制定:1:50000 招投标/竞争:0:0 商务谈判:0:0 谈成结束:0:0 未成结束:1:800000"
	if got := boardSummary(b); got != want {
		t.Errorf("张三's board %s\nwant         %s", got, want)
	}
	b, _ = f.s.Board(Filter{OwnerIDs: []int64{f.zhang}, View: "won"})
	want = "初期沟通:0:0 方案制定:0:0 招投标/竞争:0:0 商务谈判:0:0 谈成结束:0:0 未成结束:0:0"
	if got := boardSummary(b); got != want {
		t.Errorf("张三's won board %s\nwant             %s", got, want)
	}

	// Columns follow the stage order.
	stages, _ := store.ListStages(context.Background(), f.st.DB)
	var ids []int64
	for i := len(stages) - 1; i >= 0; i-- {
		ids = append(ids, stages[i].ID)
	}
	for i, id := range ids {
		store.SetStagePosition(context.Background(), f.st.W, id, i+1)
	}
	b, _ = f.s.Board(Filter{})
	want = "未成结束:1:800000 谈成结束:1:2500050 商务谈判:1:1000000 招投标/竞争:0:0 方案制定:1:50000 需求分析:2:100000000 初期沟通:1:4000000"
	if got := boardSummary(b); got != want {
		t.Errorf("reordered board %s\nwant            %s", got, want)
	}
}

func TestBoardCardsBounded(t *testing.T) {
	f := newFixture(t)
	for i := 0; i < CardsPerColumn+3; i++ {
		in := f.input()
		in.Amount = "1"
		in.ExpectedClose = fmt.Sprintf("2024-01-%02d", 28-i%28)
		f.create(t, in)
	}
	b, err := f.s.Board(Filter{})
	if err != nil {
		t.Fatal(err)
	}
	c := b.Columns[0]
	if c.Count != CardsPerColumn+3 || c.AmountCents != int64(100*(CardsPerColumn+3)) || len(c.Cards) != CardsPerColumn {
		t.Errorf("column: count %d amount %d cards %d", c.Count, c.AmountCents, len(c.Cards))
	}
	if !slices.IsSortedFunc(c.Cards, func(a, b store.Opportunity) int { return strings.Compare(a.ExpectedClose, b.ExpectedClose) }) {
		t.Error("cards are not by expected close date")
	}
}

func TestExport(t *testing.T) {
	f := newFixture(t)
	dir := exporttest.Dir(t, f.s.env)
	a := f.input()
	a.ExpectedClose, a.Type, a.Source = "2008-01-03", "新业务", "网站"
	f.create(t, a)
	b := f.input()
	b.Name, b.CustomerID, b.OwnerID, b.StageID, b.Amount, b.ExpectedClose = `报价,含"引号"`, f.xiduoduo, f.li, f.lost, "1,234.5", "2008-02-01"
	b.Description, b.LostReason, b.Competitor = "第一行\n第二行", "价格, 太高", "对手"
	f.create(t, b)
	c := f.input()
	c.Name, c.StageID, c.Amount, c.ExpectedClose = `=HYPERLINK("http://x","y")`, f.won, "40000", "2008-03-01"
	c.NextStep = "-再打电话"
	f.create(t, c)

	path, err := f.s.Export(Filter{}, "csv")
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(path) != dir || !strings.HasPrefix(filepath.Base(path), "销售机会-") || filepath.Ext(path) != ".csv" {
		t.Fatalf("written to %s", path)
	}
	raw, _ := os.ReadFile(path)
	out := string(raw)
	if !strings.Contains(out, `"报价,含""引号"""`) || !strings.Contains(out, `"价格, 太高"`) || !strings.Contains(out, "\"第一行\r\n第二行\"") {
		t.Errorf("fields with commas, quotes or newlines are not quoted per RFC 4180:\n%s", out)
	}
	recs := exporttest.ReadCSV(t, path)
	want := [][]string{
		// The importer reads these headers back (importer.headerAliases).
		{"销售机会名称", "客户名称", "类型", "客户来源", "负责人", "营销活动", "金额", "预计完成日期", "下一步", "销售阶段", "可能性(%)", "描述", "丢单原因", "竞争对手"},
		{"购买五十用户", "大商股份(TEST)", "新业务", "网站", "张三", "", "40000.00", "2008-01-03", "", "初期沟通", "10", "", "", ""},
		{`报价,含"引号"`, "喜多多贸易", "", "", "李四", "", "1234.50", "2008-02-01", "", "未成结束", "0", "第一行\n第二行", "价格, 太高", "对手"},
		// Text Excel would run as a formula is quoted (OWASP); amounts never are.
		{`'=HYPERLINK("http://x","y")`, "大商股份(TEST)", "", "", "张三", "", "40000.00", "2008-03-01", "'-再打电话", "谈成结束", "100", "", "", ""},
	}
	if len(recs) != len(want) {
		t.Fatalf("%d records, want %d:\n%s", len(recs), len(want), out)
	}
	for i := range want {
		if !slices.Equal(recs[i], want[i]) {
			t.Errorf("record %d = %q\nwant        %q", i, recs[i], want[i])
		}
	}
	for _, rec := range recs[1:] {
		cents, err := money.ParseYuan(rec[6])
		if err != nil {
			t.Errorf("amount %q does not parse back: %v", rec[6], err)
		}
		if rec[6] != money.Plain(cents) {
			t.Errorf("amount %q does not round-trip (%d cents)", rec[6], cents)
		}
	}

	tests := []struct {
		name    string
		filter  Filter
		names   []string
		filters map[string]string
	}{
		{"all", Filter{Sort: "expectedClose"}, []string{"购买五十用户", `报价,含"引号"`, `=HYPERLINK("http://x","y")`},
			map[string]string{"筛选": "无（全部记录）"}},
		{"won view of one owner", Filter{View: "won", OwnerIDs: []int64{f.zhang}}, []string{`=HYPERLINK("http://x","y")`},
			map[string]string{"视图": "成功销售机会", "负责人": "张三"}},
		{"stages, period and search, newest first", Filter{StageIDs: []int64{f.initial, f.lost}, CloseFrom: "2008-01-01", CloseTo: "2008-02-29",
			Query: "报价", Sort: "expectedClose", Desc: true}, []string{`报价,含"引号"`},
			map[string]string{"销售阶段": "初期沟通、未成结束", "预计完成日期": "2008-01-01 ~ 2008-02-29", "搜索": "报价"}},
		{"by close date, newest first", Filter{Sort: "expectedClose", Desc: true},
			[]string{`=HYPERLINK("http://x","y")`, `报价,含"引号"`, "购买五十用户"}, map[string]string{}},
		{"a customer and sources", Filter{CustomerID: f.dashang, Sources: []string{"网站", "展会"}}, []string{"购买五十用户"},
			map[string]string{"客户": "大商股份(TEST)", "客户来源": "网站、展会"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, format := range []string{"csv", "xlsx"} {
				path, err := f.s.Export(tt.filter, format)
				if err != nil {
					t.Fatal(err)
				}
				var rows [][]string
				if format == "csv" {
					rows = exporttest.ReadCSV(t, path)
				} else {
					x := exporttest.OpenXLSX(t, path)
					exporttest.CheckTable(t, x, "销售机会", Columns)
					rows = exporttest.Rows(t, x, "销售机会")
					got := exporttest.Filters(t, x)
					for k, v := range tt.filters {
						if got[k] != v {
							t.Errorf("filters sheet %s = %q, want %q (all: %q)", k, got[k], v, got)
						}
					}
					if got["导出时间"] == "" {
						t.Errorf("filters sheet without the export time: %q", got)
					}
				}
				var names []string
				for _, r := range rows[1:] {
					names = append(names, strings.TrimPrefix(r[0], "'"))
				}
				if !slices.Equal(names, tt.names) {
					t.Errorf("%s rows %q, want %q", format, names, tt.names)
				}
			}
		})
	}
	exporttest.CheckRefusals(t, f.s.env, func(format string) (string, error) { return f.s.Export(Filter{}, format) })
}

func TestExportEmpty(t *testing.T) {
	f := newFixture(t)
	exporttest.Dir(t, f.s.env)
	path, err := f.s.Export(Filter{}, "csv")
	if err != nil {
		t.Fatal(err)
	}
	if recs := exporttest.ReadCSV(t, path); len(recs) != 1 || recs[0][0] != "销售机会名称" {
		t.Errorf("empty export = %q", recs)
	}
	path, err = f.s.Export(Filter{}, "xlsx")
	if err != nil {
		t.Fatal(err)
	}
	x := exporttest.OpenXLSX(t, path)
	if n := exporttest.CheckTable(t, x, "销售机会", Columns); n != 0 {
		t.Errorf("empty export has %d rows", n)
	}
}

func TestSavedViews(t *testing.T) {
	f := newFixture(t)
	mine := Filter{View: "open", OwnerIDs: []int64{f.zhang}, Sources: []string{"网站"}, CloseFrom: "2024-01-01", Query: "购买", Sort: "amount", Desc: true}
	v, err := f.s.SaveView(" 我的机会 ", mine)
	if err != nil {
		t.Fatal(err)
	}
	if v.ID == 0 || v.Name != "我的机会" {
		t.Errorf("saved %+v", v)
	}
	if _, err := f.s.SaveView("大单", Filter{Sort: "amount", Desc: true}); err != nil {
		t.Fatal(err)
	}
	views, err := f.s.ListViews()
	if err != nil {
		t.Fatal(err)
	}
	if len(views) != 2 || views[0].Name != "大单" || views[1].Name != "我的机会" {
		t.Fatalf("views = %+v", views)
	}
	if fmt.Sprint(views[1].Filter) != fmt.Sprint(mine) || views[1].ID != v.ID {
		t.Errorf("filter read back %+v, want %+v", views[1].Filter, mine)
	}

	// Saving under the same name replaces the filter and keeps the id.
	replaced, err := f.s.SaveView("我的机会", Filter{View: "won"})
	if err != nil || replaced.ID != v.ID {
		t.Fatalf("replace = %+v, %v", replaced, err)
	}
	views, _ = f.s.ListViews()
	if len(views) != 2 || views[1].Filter.View != "won" || views[1].Filter.Query != "" {
		t.Errorf("after replacing: %+v", views)
	}

	tests := []struct {
		name, view string
		code       string
	}{
		{"所有", "所有", apperr.CodeConflict},
		{"成功销售机会", "成功销售机会", apperr.CodeConflict},
		{"预期销售机会", "预期销售机会", apperr.CodeConflict},
		{"All", "All", apperr.CodeConflict},
		{"Won", "Won", apperr.CodeConflict},
		{"Open", "Open", apperr.CodeConflict},
		{"built-in with spaces", " 所有 ", apperr.CodeConflict},
		{"empty", "  ", apperr.CodeInvalid},
		{"too long", strings.Repeat("视", 31), apperr.CodeInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.s.SaveView(tt.view, Filter{})
			storetest.WantErr(t, err, tt.code, "name")
			if n := storetest.Count(t, f.st, "saved_views"); n != 2 {
				t.Errorf("%d saved views, want 2", n)
			}
		})
	}

	if err := f.s.DeleteView(v.ID); err != nil {
		t.Fatal(err)
	}
	storetest.WantErr(t, f.s.DeleteView(v.ID), apperr.CodeNotFound, "id")
	views, _ = f.s.ListViews()
	if len(views) != 1 || views[0].Name != "大单" {
		t.Errorf("after delete: %+v", views)
	}

	// A view this version cannot read is skipped, not fatal.
	if _, err := store.UpsertSavedView(context.Background(), f.st.W, "坏的", "{not json"); err != nil {
		t.Fatal(err)
	}
	views, err = f.s.ListViews()
	if err != nil || len(views) != 1 {
		t.Errorf("with an unreadable view: %+v, %v", views, err)
	}
}

func TestSavedViewDrivesList(t *testing.T) {
	f := newListFixture(t)
	if _, err := f.s.SaveView("李四的展会", Filter{OwnerIDs: []int64{f.li}, Sources: []string{"展会"}, Sort: "amount"}); err != nil {
		t.Fatal(err)
	}
	views, _ := f.s.ListViews()
	if got := oppNames(f.list(t, views[0].Filter)); got != "购买|axb 项目" {
		t.Errorf("saved view lists %s", got)
	}
}

// pyKey is the name sort key: pinyin order.
func pyKey(name string) string {
	full, _ := pinyin.Keys(name)
	return full
}
