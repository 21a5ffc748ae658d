package stage

import (
	"context"
	"strings"
	"testing"

	"funneldesk/backend/apperr"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
	"funneldesk/backend/svc"
)

func newService(t *testing.T) (*Service, *store.Store) {
	t.Helper()
	st := storetest.New(t)
	return NewService(st, svc.New(nil)), st
}

// order lists the stages as "name:percent" in funnel order.
func order(t *testing.T, s *Service) string {
	t.Helper()
	all, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for i, st := range all {
		if st.Position != i+1 {
			t.Errorf("stage %s at position %d, want %d", st.Name, st.Position, i+1)
		}
		out = append(out, st.Name)
	}
	return strings.Join(out, ",")
}

func ids(t *testing.T, s *Service) []int64 {
	t.Helper()
	all, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	var out []int64
	for _, st := range all {
		out = append(out, st.ID)
	}
	return out
}

// kinds checks there is exactly one won and one lost stage, at 100% and 0%.
func kinds(t *testing.T, s *Service) {
	t.Helper()
	all, _ := s.List()
	n := map[string]int{}
	for _, st := range all {
		n[st.Kind]++
		if st.Kind == store.KindWon && st.ProbabilityBP != 10000 || st.Kind == store.KindLost && st.ProbabilityBP != 0 {
			t.Errorf("stage %+v has the wrong probability for its kind", st)
		}
	}
	if n[store.KindWon] != 1 || n[store.KindLost] != 1 {
		t.Errorf("won/lost stages = %d/%d, want 1/1", n[store.KindWon], n[store.KindLost])
	}
}

const defaults = "初期沟通,立项评估,需求分析,方案制定,招投标/竞争,商务谈判,谈成结束,未成结束"

func TestDefaults(t *testing.T) {
	s, _ := newService(t)
	if got := order(t, s); got != defaults {
		t.Errorf("default stages = %s", got)
	}
	all, _ := s.List()
	wantBP := []int{1000, 2000, 3000, 4000, 5000, 6000, 10000, 0}
	for i, st := range all {
		if st.ProbabilityBP != wantBP[i] {
			t.Errorf("%s = %d bp, want %d", st.Name, st.ProbabilityBP, wantBP[i])
		}
	}
	if all[6].Kind != store.KindWon || all[7].Kind != store.KindLost {
		t.Errorf("won/lost = %s/%s", all[6].Kind, all[7].Kind)
	}
	kinds(t, s)
}

func TestCreate(t *testing.T) {
	const open = "初期沟通,立项评估,需求分析,方案制定,招投标/竞争,商务谈判"
	tests := []struct {
		name  string
		in    func(stage map[string]int64) Input
		code  string
		field string
		bp    int
		order string // with NEW for the new stage
	}{
		{"before the closed stages by default", func(map[string]int64) Input { return Input{Name: " 合同签订 ", Probability: "80"} }, "", "", 8000,
			open + ",NEW,谈成结束,未成结束"},
		{"two decimals", func(map[string]int64) Input { return Input{Name: "样品测试", Probability: "12.5%"} }, "", "", 1250,
			open + ",NEW,谈成结束,未成结束"},
		{"at the top", func(map[string]int64) Input { return Input{Name: "线索", Probability: "5", After: AtTop} }, "", "", 500,
			"NEW," + open + ",谈成结束,未成结束"},
		{"after a chosen stage", func(m map[string]int64) Input {
			return Input{Name: "样品测试", Probability: "35", After: m["需求分析"]}
		}, "", "", 3500,
			"初期沟通,立项评估,需求分析,NEW,方案制定,招投标/竞争,商务谈判,谈成结束,未成结束"},
		{"after the last open stage", func(m map[string]int64) Input {
			return Input{Name: "合同签订", Probability: "80", After: m["商务谈判"]}
		}, "", "", 8000,
			open + ",NEW,谈成结束,未成结束"},
		{"after the won stage", func(m map[string]int64) Input {
			return Input{Name: "新阶段", Probability: "80", After: m["谈成结束"]}
		}, apperr.CodeInvalid, "after", 0, ""},
		{"after the lost stage", func(m map[string]int64) Input {
			return Input{Name: "新阶段", Probability: "80", After: m["未成结束"]}
		}, apperr.CodeInvalid, "after", 0, ""},
		{"after an unknown stage", func(m map[string]int64) Input { return Input{Name: "新阶段", Probability: "80", After: 999} }, apperr.CodeInvalid, "after", 0, ""},
		{"duplicate name", func(map[string]int64) Input { return Input{Name: "商务谈判", Probability: "80"} }, apperr.CodeConflict, "name", 0, ""},
		{"empty name", func(map[string]int64) Input { return Input{Name: " ", Probability: "80"} }, apperr.CodeInvalid, "name", 0, ""},
		{"name too long", func(map[string]int64) Input { return Input{Name: strings.Repeat("段", 31), Probability: "80"} }, apperr.CodeInvalid, "name", 0, ""},
		{"empty probability", func(map[string]int64) Input { return Input{Name: "新阶段", Probability: ""} }, apperr.CodeInvalid, "probability", 0, ""},
		{"probability over 100", func(map[string]int64) Input { return Input{Name: "新阶段", Probability: "120"} }, apperr.CodeInvalid, "probability", 0, ""},
		{"probability three decimals", func(map[string]int64) Input { return Input{Name: "新阶段", Probability: "1.234"} }, apperr.CodeInvalid, "probability", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, st := newService(t)
			byName := map[string]int64{}
			all, _ := s.List()
			for _, x := range all {
				byName[x.Name] = x.ID
			}
			in := tt.in(byName)
			got, err := s.Create(in)
			storetest.WantErr(t, err, tt.code, tt.field)
			n := storetest.Count(t, st, "stages")
			if err != nil {
				if n != 8 {
					t.Errorf("refused create left %d stages", n)
				}
				if o := order(t, s); o != defaults {
					t.Errorf("refused create changed the order to %s", o)
				}
				return
			}
			if got.Name != strings.TrimSpace(in.Name) || got.ProbabilityBP != tt.bp || got.Kind != store.KindOpen || got.Retired {
				t.Errorf("created %+v", got)
			}
			if want := strings.Replace(tt.order, "NEW", got.Name, 1); order(t, s) != want {
				t.Errorf("order = %s, want %s", order(t, s), want)
			}
			kinds(t, s)
		})
	}
	// An empty form hears of both its fields at once.
	s, _ := newService(t)
	_, err := s.Create(Input{After: 999})
	storetest.WantFields(t, err, "name", "probability", "after")
}

func TestUpdate(t *testing.T) {
	tests := []struct {
		name  string
		stage string
		in    Input
		code  string
		field string
		bp    int
	}{
		{"rename and reprobability", "需求分析", Input{Name: "需求调研", Probability: "35.5"}, "", "", 3550},
		{"keep name", "需求分析", Input{Name: "需求分析", Probability: "30"}, "", "", 3000},
		{"rename won", "谈成结束", Input{Name: "赢单", Probability: "100"}, "", "", 10000},
		{"rename lost", "未成结束", Input{Name: "输单", Probability: "0"}, "", "", 0},
		{"won below 100", "谈成结束", Input{Name: "谈成结束", Probability: "90"}, apperr.CodeInvalid, "probability", 0},
		{"lost above 0", "未成结束", Input{Name: "未成结束", Probability: "5"}, apperr.CodeInvalid, "probability", 0},
		{"name of another", "需求分析", Input{Name: "商务谈判", Probability: "30"}, apperr.CodeConflict, "name", 0},
		{"bad probability", "需求分析", Input{Name: "需求分析", Probability: "abc"}, apperr.CodeInvalid, "probability", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, st := newService(t)
			cur := storetest.Stage(t, st, tt.stage)
			got, err := s.Update(cur.ID, tt.in)
			storetest.WantErr(t, err, tt.code, tt.field)
			after, _ := store.GetStage(context.Background(), st.DB, cur.ID)
			if err != nil {
				if after != cur {
					t.Errorf("refused update changed the stage: %+v → %+v", cur, after)
				}
				return
			}
			if got.Name != tt.in.Name || got.ProbabilityBP != tt.bp || got != after || got.Kind != cur.Kind || got.Position != cur.Position {
				t.Errorf("updated %+v (stored %+v)", got, after)
			}
			kinds(t, s)
		})
	}
	s, _ := newService(t)
	_, err := s.Update(999, Input{Name: "x", Probability: "1"})
	storetest.WantErr(t, err, apperr.CodeNotFound, "stageId")
}

func TestUpdateKeepsOpportunityProbability(t *testing.T) {
	s, st := newService(t)
	ctx := context.Background()
	oid := storetest.Owner(t, st, "张三")
	cid := storetest.Customer(t, st, "客户", oid)
	first := storetest.Stage(t, st, "初期沟通")
	id, err := store.InsertOpportunity(ctx, st.W, store.Opportunity{Name: "机会", CustomerID: cid, OwnerID: oid, StageID: first.ID, ProbabilityBP: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Update(first.ID, Input{Name: "初期沟通", Probability: "15"}); err != nil {
		t.Fatal(err)
	}
	o, _ := store.GetOpportunity(ctx, st.DB, id)
	if o.ProbabilityBP != 1000 {
		t.Errorf("changing the stage default changed an opportunity's probability to %d", o.ProbabilityBP)
	}
}

func TestReorder(t *testing.T) {
	s, _ := newService(t)
	base := ids(t, s)
	swapped := append([]int64{}, base...)
	swapped[0], swapped[1] = swapped[1], swapped[0]
	reversed := make([]int64, len(base))
	for i, id := range base {
		reversed[len(base)-1-i] = id
	}
	reversedOpen := append([]int64{}, reversed[2:]...)
	tests := []struct {
		name string
		ids  []int64
		want string // order afterwards; "" = unchanged
		code string
	}{
		{"missing one", base[1:], "", apperr.CodeInvalid},
		{"repeated", append(append([]int64{}, base[:7]...), base[0]), "", apperr.CodeInvalid},
		{"repeated beside every stage", append(append([]int64{}, base...), base[0]), "", apperr.CodeInvalid},
		{"unknown", append(append([]int64{}, base[:7]...), 999), "", apperr.CodeInvalid},
		{"empty", nil, "", apperr.CodeInvalid},
		{"swap first two", swapped, "立项评估,初期沟通,需求分析,方案制定,招投标/竞争,商务谈判,谈成结束,未成结束", ""},
		{"reverse: open stages after the closed ones", reversed, "", apperr.CodeInvalid},
		{"one open stage after won", append(append(append([]int64{}, base[:5]...), base[6], base[5]), base[7]), "", apperr.CodeInvalid},
		{"reverse the open stages, lost before won", append(reversedOpen, base[7], base[6]), "商务谈判,招投标/竞争,方案制定,需求分析,立项评估,初期沟通,未成结束,谈成结束", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := order(t, s)
			got, err := s.Reorder(tt.ids)
			storetest.WantErr(t, err, tt.code, "ids")
			if err != nil {
				if after := order(t, s); after != before {
					t.Errorf("refused reorder changed the order to %s", after)
				}
				return
			}
			if o := order(t, s); o != tt.want {
				t.Errorf("order = %s, want %s", o, tt.want)
			}
			if len(got) != 8 || got[0].ID != tt.ids[0] {
				t.Errorf("Reorder returned %v", got)
			}
		})
	}
}

func TestSetRetired(t *testing.T) {
	tests := []struct {
		name    string
		stage   string
		retired bool
		code    string
	}{
		{"retire open", "立项评估", true, ""},
		{"bring back", "立项评估", false, ""},
		{"retire won", "谈成结束", true, apperr.CodeConflict},
		{"retire lost", "未成结束", true, apperr.CodeConflict},
	}
	s, st := newService(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cur := storetest.Stage(t, st, tt.stage)
			got, err := s.SetRetired(cur.ID, tt.retired)
			storetest.WantErr(t, err, tt.code, "id")
			after := storetest.Stage(t, st, tt.stage)
			if err != nil {
				if after.Retired {
					t.Error("refused retire retired the stage")
				}
				return
			}
			if got.Retired != tt.retired || after.Retired != tt.retired {
				t.Errorf("retired = %v (stored %v), want %v", got.Retired, after.Retired, tt.retired)
			}
		})
	}
	_, err := s.SetRetired(999, true)
	storetest.WantErr(t, err, apperr.CodeNotFound, "stageId")
}

func TestDelete(t *testing.T) {
	s, st := newService(t)
	ctx := context.Background()
	oid := storetest.Owner(t, st, "张三")
	cid := storetest.Customer(t, st, "客户", oid)
	inUse := storetest.Stage(t, st, "需求分析")
	history := storetest.Stage(t, st, "立项评估")
	// One opportunity sits in 需求分析 after passing through 立项评估.
	opp, err := store.InsertOpportunity(ctx, st.W, store.Opportunity{Name: "机会", CustomerID: cid, OwnerID: oid, StageID: inUse.ID, ProbabilityBP: 3000})
	if err != nil {
		t.Fatal(err)
	}
	if err := store.InsertStageChange(ctx, st.W, opp, nil, history.ID); err != nil {
		t.Fatal(err)
	}
	if err := store.InsertStageChange(ctx, st.W, opp, &history.ID, inUse.ID); err != nil {
		t.Fatal(err)
	}
	fresh, err := s.Create(Input{Name: "新阶段", Probability: "70"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		id    int64
		code  string
		field string
	}{
		{"won", storetest.Stage(t, st, "谈成结束").ID, apperr.CodeConflict, "id"},
		{"lost", storetest.Stage(t, st, "未成结束").ID, apperr.CodeConflict, "id"},
		{"holds an opportunity", inUse.ID, apperr.CodeConflict, "id"},
		{"only in history", history.ID, apperr.CodeConflict, "id"},
		{"unknown", 999, apperr.CodeNotFound, "stageId"},
		{"unused", fresh.ID, "", ""},
		{"unused default", storetest.Stage(t, st, "方案制定").ID, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := storetest.Count(t, st, "stages")
			err := s.Delete(tt.id)
			storetest.WantErr(t, err, tt.code, tt.field)
			want := before
			if tt.code == "" {
				want--
			}
			if n := storetest.Count(t, st, "stages"); n != want {
				t.Errorf("%d stages, want %d", n, want)
			}
		})
	}
	kinds(t, s)
}

func TestResolve(t *testing.T) {
	s, st := newService(t)
	ctx := context.Background()
	open := storetest.Stage(t, st, "初期沟通")
	retired := storetest.Stage(t, st, "立项评估")
	if _, err := s.SetRetired(retired.ID, true); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name        string
		id, current int64
		code        string
	}{
		{"open", open.ID, 0, ""},
		{"missing", 0, 0, apperr.CodeInvalid},
		{"unknown", 999, 0, apperr.CodeInvalid},
		{"enter retired", retired.ID, open.ID, apperr.CodeInvalid},
		{"stay in retired", retired.ID, retired.ID, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Resolve(ctx, st.DB, tt.id, tt.current)
			storetest.WantErr(t, err, tt.code, "stageId")
			if err == nil && got.ID != tt.id {
				t.Errorf("resolved %+v, want id %d", got, tt.id)
			}
		})
	}
}
