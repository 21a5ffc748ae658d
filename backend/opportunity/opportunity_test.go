package opportunity

import (
	"context"
	"slices"
	"strings"
	"testing"

	"funneldesk/backend/apperr"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
	"funneldesk/backend/svc"
)

// fixture is a database with two active salespeople, one inactive, two
// customers and the default stages (one of them, 立项评估, retired).
type fixture struct {
	s                     *Service
	st                    *store.Store
	zhang, li, gone       int64
	dashang, xiduoduo     int64
	stage                 map[string]int64
	retired, won, lost    int64
	initial, negotiations int64
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	st := storetest.New(t)
	f := &fixture{s: NewService(st, svc.New(nil)), st: st, stage: map[string]int64{}}
	f.zhang = storetest.Owner(t, st, "张三")
	f.li = storetest.Owner(t, st, "李四")
	f.gone = storetest.Owner(t, st, "离职")
	if err := store.UpdateOwner(ctx, st.W, f.gone, "离职", false); err != nil {
		t.Fatal(err)
	}
	f.dashang = storetest.Customer(t, st, "大商股份(TEST)", f.zhang)
	f.xiduoduo = storetest.Customer(t, st, "喜多多贸易", f.li)
	stages, err := store.ListStages(ctx, st.DB)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stages {
		f.stage[s.Name] = s.ID
	}
	f.initial, f.negotiations = f.stage["初期沟通"], f.stage["商务谈判"]
	f.won, f.lost, f.retired = f.stage["谈成结束"], f.stage["未成结束"], f.stage["立项评估"]
	r, _ := store.GetStage(ctx, st.DB, f.retired)
	r.Retired = true
	if err := store.UpdateStage(ctx, st.W, r); err != nil {
		t.Fatal(err)
	}
	return f
}

// input is a valid opportunity in 初期沟通 for 大商股份 held by 张三.
func (f *fixture) input() Input {
	return Input{Name: "购买五十用户", CustomerID: f.dashang, OwnerID: f.zhang, StageID: f.initial, Amount: "40000"}
}

func (f *fixture) create(t *testing.T, in Input) store.Opportunity {
	t.Helper()
	o, err := f.s.Create(in)
	if err != nil {
		t.Fatalf("create %+v: %v", in, err)
	}
	return o
}

// counts is the number of opportunities and stage history rows.
type counts struct{ opps, history int }

func (f *fixture) counts(t *testing.T) counts {
	t.Helper()
	return counts{storetest.Count(t, f.st, "opportunities"), storetest.Count(t, f.st, "stage_history")}
}

func (f *fixture) history(t *testing.T, id int64) string {
	t.Helper()
	d, err := f.s.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, h := range d.History {
		from := "-"
		if h.FromStageID != nil {
			from = h.FromStageName
		}
		if h.ChangedAt == "" || h.OpportunityID != id {
			t.Errorf("history row %+v", h)
		}
		out = append(out, from+">"+h.ToStageName)
	}
	return strings.Join(out, ",")
}

func TestCreate(t *testing.T) {
	f := newFixture(t)
	type want struct {
		amount      int64
		bp          int
		close       string
		lostReason  string
		competitor  string
		stage       string
		stageKind   string
		ownerName   string
		customerNam string
	}
	tests := []struct {
		name  string
		edit  func(*Input)
		code  string
		field string
		want  want
	}{
		{"stage default probability", func(in *Input) {}, "", "",
			want{4000000, 1000, "", "", "", "初期沟通", store.KindOpen, "张三", "大商股份(TEST)"}},
		{"grouped amount, own probability, slashed date", func(in *Input) {
			in.Amount, in.Probability, in.ExpectedClose, in.StageID = "¥1,234.56", "35.5", "2024/3/5", f.stage["需求分析"]
		}, "", "", want{123456, 3550, "2024-03-05", "", "", "需求分析", store.KindOpen, "张三", "大商股份(TEST)"}},
		{"no amount", func(in *Input) { in.Amount = "" }, "", "",
			want{0, 1000, "", "", "", "初期沟通", store.KindOpen, "张三", "大商股份(TEST)"}},
		{"won forces 100%", func(in *Input) { in.StageID, in.Probability, in.LostReason = f.won, "50", "ignored" }, "", "",
			want{4000000, 10000, "", "", "", "谈成结束", store.KindWon, "张三", "大商股份(TEST)"}},
		{"lost forces 0% and keeps reason", func(in *Input) {
			in.StageID, in.Probability, in.LostReason, in.Competitor = f.lost, "50", "价格太高", "对手公司"
		}, "", "", want{4000000, 0, "", "价格太高", "对手公司", "未成结束", store.KindLost, "张三", "大商股份(TEST)"}},
		{"lost without competitor", func(in *Input) { in.StageID, in.LostReason = f.lost, "预算取消" }, "", "",
			want{4000000, 0, "", "预算取消", "", "未成结束", store.KindLost, "张三", "大商股份(TEST)"}},
		{"open stage drops lost reason", func(in *Input) { in.LostReason, in.Competitor = "x", "y" }, "", "",
			want{4000000, 1000, "", "", "", "初期沟通", store.KindOpen, "张三", "大商股份(TEST)"}},
		{"leap day", func(in *Input) { in.ExpectedClose = "2024-02-29"; in.OwnerID, in.CustomerID = f.li, f.xiduoduo }, "", "",
			want{4000000, 1000, "2024-02-29", "", "", "初期沟通", store.KindOpen, "李四", "喜多多贸易"}},

		{"no name", func(in *Input) { in.Name = "  " }, apperr.CodeInvalid, "name", want{}},
		{"no customer", func(in *Input) { in.CustomerID = 0 }, apperr.CodeInvalid, "customerId", want{}},
		{"unknown customer", func(in *Input) { in.CustomerID = 999 }, apperr.CodeInvalid, "customerId", want{}},
		{"no stage", func(in *Input) { in.StageID = 0 }, apperr.CodeInvalid, "stageId", want{}},
		{"unknown stage", func(in *Input) { in.StageID = 999 }, apperr.CodeInvalid, "stageId", want{}},
		{"retired stage", func(in *Input) { in.StageID = f.retired }, apperr.CodeInvalid, "stageId", want{}},
		{"no owner", func(in *Input) { in.OwnerID = 0 }, apperr.CodeInvalid, "ownerId", want{}},
		{"unknown owner", func(in *Input) { in.OwnerID = 999 }, apperr.CodeInvalid, "ownerId", want{}},
		{"inactive owner", func(in *Input) { in.OwnerID = f.gone }, apperr.CodeInvalid, "ownerId", want{}},
		{"negative amount", func(in *Input) { in.Amount = "-5" }, apperr.CodeInvalid, "amount", want{}},
		{"malformed amount", func(in *Input) { in.Amount = "四万" }, apperr.CodeInvalid, "amount", want{}},
		{"bad grouping", func(in *Input) { in.Amount = "1,23.00" }, apperr.CodeInvalid, "amount", want{}},
		{"three decimals", func(in *Input) { in.Amount = "1.234" }, apperr.CodeInvalid, "amount", want{}},
		{"probability over 100", func(in *Input) { in.Probability = "101" }, apperr.CodeInvalid, "probability", want{}},
		{"negative probability", func(in *Input) { in.Probability = "-1" }, apperr.CodeInvalid, "probability", want{}},
		{"probability three decimals", func(in *Input) { in.Probability = "12.345" }, apperr.CodeInvalid, "probability", want{}},
		{"malformed probability", func(in *Input) { in.Probability = "high" }, apperr.CodeInvalid, "probability", want{}},
		{"impossible date", func(in *Input) { in.ExpectedClose = "2025-02-30" }, apperr.CodeInvalid, "expectedClose", want{}},
		{"not a leap year", func(in *Input) { in.ExpectedClose = "2025-02-29" }, apperr.CodeInvalid, "expectedClose", want{}},
		{"unknown type", func(in *Input) { in.Type = "其他" }, apperr.CodeInvalid, "type", want{}},
		{"lost without reason", func(in *Input) { in.StageID = f.lost }, apperr.CodeInvalid, "lostReason", want{}},
		{"name too long", func(in *Input) { in.Name = strings.Repeat("机", 101) }, apperr.CodeInvalid, "name", want{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := f.input()
			tt.edit(&in)
			before := f.counts(t)
			o, err := f.s.Create(in)
			storetest.WantErr(t, err, tt.code, tt.field)
			after := f.counts(t)
			if err != nil {
				if after != before {
					t.Errorf("refused create wrote rows: %+v → %+v", before, after)
				}
				return
			}
			if after != (counts{before.opps + 1, before.history + 1}) {
				t.Errorf("counts %+v → %+v, want one opportunity and one history row more", before, after)
			}
			w := tt.want
			got := want{o.AmountCents, o.ProbabilityBP, o.ExpectedClose, o.LostReason, o.Competitor, o.StageName, o.StageKind, o.OwnerName, o.CustomerName}
			if got != w {
				t.Errorf("created %+v, want %+v", got, w)
			}
			if o.Name != in.Name || o.ID == 0 || o.CreatedAt == "" || o.UpdatedAt == "" {
				t.Errorf("created %+v", o)
			}
			if h := f.history(t, o.ID); h != "->"+w.stage {
				t.Errorf("history = %s, want ->%s", h, w.stage)
			}
		})
	}
}

// TestCreateAllErrors: an empty or wholly wrong opportunity form hears of
// every field at once.
func TestCreateAllErrors(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name   string
		in     Input
		fields []string
	}{
		{"empty", Input{}, []string{"name", "customerId", "ownerId", "stageId"}},
		{"wrong everywhere", Input{Name: "x", CustomerID: 999, OwnerID: f.zhang, Type: "?", Amount: "abc", ExpectedClose: "2025-02-30", Probability: "120", StageID: f.lost},
			[]string{"customerId", "type", "amount", "expectedClose", "probability", "lostReason"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := storetest.Count(t, f.st, "opportunities")
			_, err := f.s.Create(tt.in)
			storetest.WantFields(t, err, tt.fields...)
			if storetest.Count(t, f.st, "opportunities") != before {
				t.Error("a refused opportunity was written")
			}
		})
	}
}

func TestCreateKeepsOptionalFields(t *testing.T) {
	f := newFixture(t)
	in := f.input()
	in.Type, in.Source, in.Campaign, in.NextStep, in.Description = "新业务", "网站", "春季促销", "发报价", "五十个用户"
	o := f.create(t, in)
	stored, _ := store.GetOpportunity(context.Background(), f.st.DB, o.ID)
	if stored != o {
		t.Errorf("returned %+v, stored %+v", o, stored)
	}
	if o.Type != "新业务" || o.Source != "网站" || o.Campaign != "春季促销" || o.NextStep != "发报价" || o.Description != "五十个用户" {
		t.Errorf("optional fields lost: %+v", o)
	}
}

func TestUpdate(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	tests := []struct {
		name    string
		setup   func(t *testing.T, id int64) // runs after creating f.input()
		edit    func(in *Input)
		code    string
		field   string
		bp      int
		history string
		check   func(t *testing.T, o store.Opportunity)
	}{
		{"same stage records no history", nil, func(in *Input) { in.Name, in.Amount = "改名", "500" }, "", "", 1000, "->初期沟通",
			func(t *testing.T, o store.Opportunity) {
				if o.Name != "改名" || o.AmountCents != 50000 {
					t.Errorf("updated %+v", o)
				}
			}},
		{"stage change takes the new default", nil, func(in *Input) { in.StageID = f.negotiations }, "", "", 6000, "->初期沟通,初期沟通>商务谈判", nil},
		{"stage change with own probability", nil, func(in *Input) { in.StageID, in.Probability = f.negotiations, "65" }, "", "", 6500, "->初期沟通,初期沟通>商务谈判", nil},
		{"to won", nil, func(in *Input) { in.StageID, in.Probability = f.won, "80" }, "", "", 10000, "->初期沟通,初期沟通>谈成结束", nil},
		{"to lost", nil, func(in *Input) { in.StageID, in.LostReason, in.Competitor = f.lost, "价格", "对手" }, "", "", 0, "->初期沟通,初期沟通>未成结束",
			func(t *testing.T, o store.Opportunity) {
				if o.LostReason != "价格" || o.Competitor != "对手" || o.StageKind != store.KindLost {
					t.Errorf("lost %+v", o)
				}
			}},
		{"back from lost clears the reason", func(t *testing.T, id int64) {
			if _, err := f.s.ChangeStage(id, Move{StageID: f.lost, LostReason: "价格", Competitor: "对手"}); err != nil {
				t.Fatal(err)
			}
		}, func(in *Input) { in.StageID = f.negotiations }, "", "", 6000, "->初期沟通,初期沟通>未成结束,未成结束>商务谈判",
			func(t *testing.T, o store.Opportunity) {
				if o.LostReason != "" || o.Competitor != "" {
					t.Errorf("lost reason kept on an open opportunity: %+v", o)
				}
			}},
		{"stays in a stage retired since", func(t *testing.T, id int64) {
			if _, err := f.s.ChangeStage(id, Move{StageID: f.stage["需求分析"]}); err != nil {
				t.Fatal(err)
			}
			retire(t, f, f.stage["需求分析"])
		}, func(in *Input) { in.StageID, in.Name = f.stage["需求分析"], "还在需求分析" }, "", "", 3000, "->初期沟通,初期沟通>需求分析", nil},
		{"keeps an owner deactivated since", func(t *testing.T, id int64) {
			leaving := storetest.Owner(t, f.st, "将离职")
			if _, err := f.s.BatchSetOwner([]int64{id}, leaving); err != nil {
				t.Fatal(err)
			}
			if err := store.UpdateOwner(ctx, f.st.W, leaving, "将离职", false); err != nil {
				t.Fatal(err)
			}
		}, func(in *Input) {
			o, _ := store.OwnerByName(ctx, f.st.DB, "将离职")
			in.OwnerID = o.ID
		}, "", "", 1000, "->初期沟通", nil},

		{"into a retired stage", nil, func(in *Input) { in.StageID = f.retired }, apperr.CodeInvalid, "stageId", 0, "->初期沟通", nil},
		{"to an inactive owner", nil, func(in *Input) { in.OwnerID = f.gone }, apperr.CodeInvalid, "ownerId", 0, "->初期沟通", nil},
		{"to lost without reason", nil, func(in *Input) { in.StageID = f.lost }, apperr.CodeInvalid, "lostReason", 0, "->初期沟通", nil},
		{"bad amount after a stage change", nil, func(in *Input) { in.StageID, in.Amount = f.negotiations, "1.005" }, apperr.CodeInvalid, "amount", 0, "->初期沟通", nil},
		{"unknown customer", nil, func(in *Input) { in.CustomerID = 999 }, apperr.CodeInvalid, "customerId", 0, "->初期沟通", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cur := f.create(t, f.input())
			if tt.setup != nil {
				tt.setup(t, cur.ID)
				cur, _ = store.GetOpportunity(ctx, f.st.DB, cur.ID)
			}
			in := f.input()
			tt.edit(&in)
			before := f.counts(t)
			o, err := f.s.Update(cur.ID, in)
			storetest.WantErr(t, err, tt.code, tt.field)
			if err != nil {
				after, _ := store.GetOpportunity(ctx, f.st.DB, cur.ID)
				if after != cur || f.counts(t) != before {
					t.Errorf("refused update changed %+v to %+v", cur, after)
				}
				return
			}
			if o.ProbabilityBP != tt.bp || o.ID != cur.ID || o.CreatedAt != cur.CreatedAt {
				t.Errorf("updated %+v, want %d bp", o, tt.bp)
			}
			if h := f.history(t, cur.ID); h != tt.history {
				t.Errorf("history = %s, want %s", h, tt.history)
			}
			if tt.check != nil {
				tt.check(t, o)
			}
		})
	}
	_, err := f.s.Update(999, f.input())
	storetest.WantErr(t, err, apperr.CodeNotFound, "id")
}

func retire(t *testing.T, f *fixture, id int64) {
	t.Helper()
	s, _ := store.GetStage(context.Background(), f.st.DB, id)
	s.Retired = true
	if err := store.UpdateStage(context.Background(), f.st.W, s); err != nil {
		t.Fatal(err)
	}
}

func TestChangeStage(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	tests := []struct {
		name    string
		move    Move
		code    string
		field   string
		bp      int
		history string
		reason  string
	}{
		{"to the next stage", Move{StageID: f.stage["需求分析"]}, "", "", 3000, "->初期沟通,初期沟通>需求分析", ""},
		{"to won", Move{StageID: f.won, LostReason: "x"}, "", "", 10000, "->初期沟通,初期沟通>谈成结束", ""},
		{"to lost", Move{StageID: f.lost, LostReason: "预算砍了", Competitor: "对手"}, "", "", 0, "->初期沟通,初期沟通>未成结束", "预算砍了"},
		{"to the same stage keeps its probability", Move{StageID: f.initial}, "", "", 1500, "->初期沟通", ""},
		{"to lost without reason", Move{StageID: f.lost}, apperr.CodeInvalid, "lostReason", 0, "", ""},
		{"to a retired stage", Move{StageID: f.retired}, apperr.CodeInvalid, "stageId", 0, "", ""},
		{"to an unknown stage", Move{StageID: 999}, apperr.CodeInvalid, "stageId", 0, "", ""},
		{"to no stage", Move{}, apperr.CodeInvalid, "stageId", 0, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := f.input()
			in.Probability = "15"
			cur := f.create(t, in)
			before := f.counts(t)
			o, err := f.s.ChangeStage(cur.ID, tt.move)
			storetest.WantErr(t, err, tt.code, tt.field)
			if err != nil {
				after, _ := store.GetOpportunity(ctx, f.st.DB, cur.ID)
				if after != cur || f.counts(t) != before {
					t.Errorf("refused move changed %+v to %+v", cur, after)
				}
				return
			}
			if o.StageID != tt.move.StageID || o.ProbabilityBP != tt.bp || o.LostReason != tt.reason || o.AmountCents != cur.AmountCents {
				t.Errorf("moved %+v", o)
			}
			if h := f.history(t, cur.ID); h != tt.history {
				t.Errorf("history = %s, want %s", h, tt.history)
			}
		})
	}
	_, err := f.s.ChangeStage(999, Move{StageID: f.initial})
	storetest.WantErr(t, err, apperr.CodeNotFound, "id")
}

func TestHistoryAcrossMoves(t *testing.T) {
	f := newFixture(t)
	o := f.create(t, f.input())
	steps := []Move{{StageID: f.stage["需求分析"]}, {StageID: f.negotiations}, {StageID: f.lost, LostReason: "价格"}, {StageID: f.won}}
	for _, m := range steps {
		if _, err := f.s.ChangeStage(o.ID, m); err != nil {
			t.Fatal(err)
		}
	}
	in := f.input()
	in.StageID = f.negotiations
	if _, err := f.s.Update(o.ID, in); err != nil {
		t.Fatal(err)
	}
	want := "->初期沟通,初期沟通>需求分析,需求分析>商务谈判,商务谈判>未成结束,未成结束>谈成结束,谈成结束>商务谈判"
	if h := f.history(t, o.ID); h != want {
		t.Errorf("history = %s\nwant      %s", h, want)
	}
}

func TestBatchSetOwner(t *testing.T) {
	tests := []struct {
		name  string
		ids   func(a, b int64) []int64
		owner func(f *fixture) int64
		code  string
		field string
		n     int
	}{
		{"both", func(a, b int64) []int64 { return []int64{a, b} }, func(f *fixture) int64 { return f.li }, "", "", 2},
		{"one", func(a, b int64) []int64 { return []int64{b} }, func(f *fixture) int64 { return f.li }, "", "", 1},
		{"one unknown id", func(a, b int64) []int64 { return []int64{a, 999, b} }, func(f *fixture) int64 { return f.li }, apperr.CodeNotFound, "id", 0},
		{"none", func(a, b int64) []int64 { return nil }, func(f *fixture) int64 { return f.li }, apperr.CodeInvalid, "ids", 0},
		{"inactive owner", func(a, b int64) []int64 { return []int64{a, b} }, func(f *fixture) int64 { return f.gone }, apperr.CodeInvalid, "ownerId", 0},
		{"unknown owner", func(a, b int64) []int64 { return []int64{a, b} }, func(f *fixture) int64 { return 999 }, apperr.CodeInvalid, "ownerId", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			a, b := f.create(t, f.input()), f.create(t, f.input())
			ids := tt.ids(a.ID, b.ID)
			n, err := f.s.BatchSetOwner(ids, tt.owner(f))
			storetest.WantErr(t, err, tt.code, tt.field)
			if n != tt.n {
				t.Errorf("changed %d, want %d", n, tt.n)
			}
			moved := map[int64]bool{}
			if err == nil {
				for _, id := range ids {
					moved[id] = true
				}
			}
			for _, o := range []store.Opportunity{a, b} {
				got, _ := store.GetOpportunity(context.Background(), f.st.DB, o.ID)
				want := f.zhang
				if moved[o.ID] {
					want = f.li
				}
				if got.OwnerID != want {
					t.Errorf("opportunity %d owner = %d, want %d", o.ID, got.OwnerID, want)
				}
			}
		})
	}
}

func TestBatchDelete(t *testing.T) {
	tests := []struct {
		name  string
		ids   func(a, b, c int64) []int64
		code  string
		field string
		n     int
	}{
		{"two of three", func(a, b, c int64) []int64 { return []int64{a, c} }, "", "", 2},
		{"one unknown id", func(a, b, c int64) []int64 { return []int64{a, b, 999} }, apperr.CodeNotFound, "id", 0},
		{"none", func(a, b, c int64) []int64 { return []int64{} }, apperr.CodeInvalid, "ids", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			a, b, c := f.create(t, f.input()), f.create(t, f.input()), f.create(t, f.input())
			if _, err := f.s.ChangeStage(a.ID, Move{StageID: f.negotiations}); err != nil {
				t.Fatal(err)
			}
			before := f.counts(t)
			n, err := f.s.BatchDelete(tt.ids(a.ID, b.ID, c.ID))
			storetest.WantErr(t, err, tt.code, tt.field)
			after := f.counts(t)
			if n != tt.n {
				t.Errorf("deleted %d, want %d", n, tt.n)
			}
			if err != nil {
				if after != before {
					t.Errorf("refused delete changed counts %+v → %+v", before, after)
				}
				return
			}
			// a had two history rows, c one: all go with them.
			if after != (counts{1, 1}) {
				t.Errorf("counts after delete = %+v, want b and its one history row", after)
			}
			if _, err := f.s.Get(b.ID); err != nil {
				t.Errorf("the unselected opportunity is gone: %v", err)
			}
		})
	}
	f := newFixture(t)
	o := f.create(t, f.input())
	if err := f.s.Delete(o.ID); err != nil {
		t.Fatal(err)
	}
	storetest.WantErr(t, f.s.Delete(o.ID), apperr.CodeNotFound, "id")
	_, err := f.s.Get(o.ID)
	storetest.WantErr(t, err, apperr.CodeNotFound, "id")
}

func TestCustomerWithOpportunities(t *testing.T) {
	f := newFixture(t)
	f.create(t, f.input())
	c, err := store.GetCustomer(context.Background(), f.st.DB, f.dashang)
	if err != nil || c.Opportunities != 1 {
		t.Errorf("customer opportunity count = %d, %v", c.Opportunities, err)
	}
}

func TestOptions(t *testing.T) {
	f := newFixture(t)
	for _, src := range []string{"网站", "展会", "网站", ""} {
		in := f.input()
		in.Source = src
		f.create(t, in)
	}
	opts, err := f.s.Options()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(opts.Types, ",") != "新业务,老客户续购" || strings.Join(opts.Sources, ",") != "展会,网站" {
		t.Errorf("options = %+v", opts)
	}
}

// The type is checked against the configurable list (an import may have
// added types), not the built-in two.
func TestTypeFromConfiguredList(t *testing.T) {
	f := newFixture(t)
	if err := store.SetOpportunityTypes(context.Background(), f.st.W, []string{"新业务", "老客户续购", "Upsell"}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		typ string
		ok  bool
	}{{"Upsell", true}, {"新业务", true}, {"", true}, {"其他", false}}
	for _, tt := range tests {
		t.Run(tt.typ, func(t *testing.T) {
			in := f.input()
			in.Type = tt.typ
			o, err := f.s.Create(in)
			if tt.ok {
				if err != nil || o.Type != tt.typ {
					t.Fatalf("create type %q: %+v, %v", tt.typ, o, err)
				}
				return
			}
			storetest.WantErr(t, err, apperr.CodeInvalid, "type")
		})
	}
	opts, err := f.s.Options()
	if err != nil || !slices.Contains(opts.Types, "Upsell") {
		t.Fatalf("options: %+v, %v", opts, err)
	}
}
