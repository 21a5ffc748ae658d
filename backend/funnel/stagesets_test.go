package funnel_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"funneldesk/backend/apperr"
	"funneldesk/backend/funnel"
	"funneldesk/backend/opportunity"
	"funneldesk/backend/stage"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
	"funneldesk/backend/svc"
)

// outcomeFixture: the default stages plus a second and third lost outcome
// and a second won outcome, and a stage set 项目型 owning 招投标.
type outcomeFixture struct {
	st     *store.Store
	stages *stage.Service
	opps   *opportunity.Service
	owner  int64
	cust   int64
	byName map[string]int64
	setID  int64
}

func newOutcomeFixture(t *testing.T) *outcomeFixture {
	t.Helper()
	st := storetest.New(t)
	env := svc.New(nil)
	f := &outcomeFixture{st: st, stages: stage.NewService(st, env), opps: opportunity.NewService(st, env), byName: map[string]int64{}}
	f.owner = storetest.Owner(t, st, "甲")
	f.cust = storetest.Customer(t, st, "客户", f.owner)
	for _, in := range []stage.Input{
		{Name: "因竞争丢单", Kind: store.KindLost},
		{Name: "无效", Kind: store.KindLost},
		{Name: "部分成交", Kind: store.KindWon},
	} {
		if _, err := f.stages.Create(in); err != nil {
			t.Fatalf("create %s: %v", in.Name, err)
		}
	}
	set, err := f.stages.CreateSet(stage.SetInput{Name: "项目型阶段", Types: []string{"新业务"}})
	if err != nil {
		t.Fatal(err)
	}
	f.setID = set.ID
	if _, err := f.stages.Create(stage.Input{Name: "招投标", Probability: "55", SetID: set.ID}); err != nil {
		t.Fatal(err)
	}
	all, err := f.stages.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range all {
		f.byName[s.Name] = s.ID
	}
	return f
}

func (f *outcomeFixture) add(t *testing.T, name, typ, stageName, amount string) store.Opportunity {
	t.Helper()
	in := opportunity.Input{Name: name, CustomerID: f.cust, OwnerID: f.owner, Type: typ, Amount: amount, StageID: f.byName[stageName]}
	if st, _ := store.GetStage(context.Background(), f.st.DB, in.StageID); st.Kind == store.KindLost {
		in.LostReason = "价格"
	}
	o, err := f.opps.Create(in)
	if err != nil {
		t.Fatalf("create %s in %s: %v", name, stageName, err)
	}
	return o
}

// figures lists "stage:count:amount" for the rows with opportunities.
func figures(rep funnel.Report) string {
	var out []string
	for _, r := range rep.Stages {
		if r.Count > 0 {
			out = append(out, fmt.Sprintf("%s:%d:%d", r.Name, r.Count, r.AmountCents/100))
		}
	}
	return strings.Join(out, " ")
}

// wonLost sums the funnel's rows by kind, as every report must.
func wonLost(rep funnel.Report) (won, lost int) {
	for _, r := range rep.Stages {
		switch r.Kind {
		case store.KindWon:
			won += r.Count
		case store.KindLost:
			lost += r.Count
		}
	}
	return
}

func TestSeveralOutcomes(t *testing.T) {
	f := newOutcomeFixture(t)
	f.add(t, "甲单", "", "未成结束", "100")
	f.add(t, "乙单", "", "因竞争丢单", "200")
	f.add(t, "丙单", "", "因竞争丢单", "300")
	f.add(t, "丁单", "", "无效", "400")
	f.add(t, "戊单", "", "谈成结束", "500")
	f.add(t, "己单", "", "部分成交", "600")
	f.add(t, "庚单", "", "初期沟通", "700")

	rep, err := funnel.Compute(context.Background(), f.st.DB, funnel.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	// Each outcome is its own row, in funnel order after the open stages.
	want := "初期沟通:1:700 谈成结束:1:500 未成结束:1:100 因竞争丢单:2:500 无效:1:400 部分成交:1:600"
	if got := figures(rep); got != want {
		t.Errorf("rows\n got %s\nwant %s", got, want)
	}
	if won, lost := wonLost(rep); won != 2 || lost != 4 {
		t.Errorf("won %d lost %d, want 2 and 4", won, lost)
	}
	// The list's won and lost views count every outcome of their kind.
	for view, n := range map[string]int{store.KindWon: 2, store.KindLost: 4, store.KindOpen: 1} {
		page, err := f.opps.List(opportunity.ListRequest{Filter: opportunity.Filter{View: view}})
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != n {
			t.Errorf("view %s: %d, want %d", view, page.Total, n)
		}
	}
	// The kept totals equal a fresh count.
	of := funnel.OpportunityFilter(funnel.Filter{}, 0)
	counted, err := funnel.CountedFigures(context.Background(), f.st.DB, of)
	if err != nil {
		t.Fatal(err)
	}
	stages, _ := store.OrderedStages(context.Background(), f.st.DB)
	rows, total := funnel.Arrange(stages, counted)
	if !reflect.DeepEqual(rows, rep.Stages) || total != rep.Total {
		t.Errorf("kept totals differ from a fresh count:\n%+v\n%+v", rep.Stages, rows)
	}
}

func TestOutcomeRules(t *testing.T) {
	f := newOutcomeFixture(t)
	tests := []struct {
		name  string
		run   func() error
		field string
	}{
		{"won outcome at 60%", func() error {
			_, err := f.stages.Create(stage.Input{Name: "半赢", Kind: store.KindWon, Probability: "60"})
			return err
		}, "probability"},
		{"unknown kind", func() error {
			_, err := f.stages.Create(stage.Input{Name: "x", Kind: "maybe", Probability: "5"})
			return err
		}, "kind"},
		{"outcome after an open stage", func() error {
			_, err := f.stages.Create(stage.Input{Name: "y", Kind: store.KindLost, After: f.byName["初期沟通"]})
			return err
		}, "after"},
		{"open stage after an outcome", func() error {
			_, err := f.stages.Create(stage.Input{Name: "z", Probability: "5", After: f.byName["无效"]})
			return err
		}, "after"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.run()
			var ae *apperr.Error
			if !errors.As(err, &ae) || ae.Field != tt.field {
				t.Fatalf("err = %v, want one on %s", err, tt.field)
			}
		})
	}
	// Outcomes may be deleted or retired while another of the kind stays.
	if err := f.stages.Delete(f.byName["无效"]); err != nil {
		t.Errorf("delete an unused second lost outcome: %v", err)
	}
	if _, err := f.stages.SetRetired(f.byName["因竞争丢单"], true); err != nil {
		t.Errorf("retire a lost outcome: %v", err)
	}
	// The last shared lost outcome stays.
	err := f.stages.Delete(f.byName["未成结束"])
	if err == nil || !strings.Contains(err.Error(), "未成结束") {
		t.Errorf("deleting the last lost outcome: %v", err)
	}
	if _, err := f.stages.SetRetired(f.byName["未成结束"], true); err == nil {
		t.Error("retired the last lost outcome")
	}
}

func TestStageSetsInFunnel(t *testing.T) {
	f := newOutcomeFixture(t)
	f.add(t, "项目一", "新业务", "招投标", "1000")
	f.add(t, "项目二", "新业务", "初期沟通", "100")
	f.add(t, "续约一", "老客户续购", "初期沟通", "10")
	f.add(t, "续约二", "老客户续购", "无效", "20")

	ctx := context.Background()
	tests := []struct {
		name   string
		filter funnel.Filter
		want   string
		stages int
	}{
		{"all types combine the shared stages", funnel.Filter{}, "初期沟通:2:110 招投标:1:1000 无效:1:20", 12},
		{"the set's types over its stages", funnel.Filter{StageSetID: f.setID}, "初期沟通:1:100 招投标:1:1000", 12},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := funnel.Compute(ctx, f.st.DB, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			if got := figures(rep); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
			if len(rep.Stages) != tt.stages {
				t.Errorf("%d rows, want %d", len(rep.Stages), tt.stages)
			}
			if len(rep.Sets) != 1 || rep.Sets[0].Name != "项目型阶段" {
				t.Errorf("sets = %+v", rep.Sets)
			}
		})
	}
	// A type outside the chosen set is refused by name.
	_, err := funnel.Compute(ctx, f.st.DB, funnel.Filter{StageSetID: f.setID, Type: "老客户续购"})
	if err == nil || !strings.Contains(err.Error(), "老客户续购") {
		t.Errorf("type outside the set: %v", err)
	}
	// The board takes the same choice.
	b, err := f.opps.Board(opportunity.Filter{StageSetID: f.setID})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range b.Columns {
		n += c.Count
	}
	if n != 2 {
		t.Errorf("board of the set holds %d, want 2", n)
	}
}

func TestStageOutsideTypeSet(t *testing.T) {
	f := newOutcomeFixture(t)
	ctx := context.Background()
	base := opportunity.Input{Name: "续约", CustomerID: f.cust, OwnerID: f.owner, Type: "老客户续购", StageID: f.byName["招投标"]}
	before := storetest.Count(t, f.st, "opportunities")
	_, err := f.opps.Create(base)
	var ae *apperr.Error
	if !errors.As(err, &ae) || ae.Field != "stageId" || !strings.Contains(err.Error(), "招投标") || !strings.Contains(err.Error(), "老客户续购") {
		t.Fatalf("create in another type's stage: %v", err)
	}
	if storetest.Count(t, f.st, "opportunities") != before {
		t.Error("a refused create wrote a row")
	}
	o := f.add(t, "续约", "老客户续购", "初期沟通", "10")
	if _, err := f.opps.ChangeStage(o.ID, opportunity.Move{StageID: f.byName["招投标"]}); err == nil {
		t.Error("moved into another type's stage")
	}
	// A type change that leaves the stage outside the new set asks for a stage.
	p := f.add(t, "项目", "新业务", "招投标", "10")
	in := opportunity.Input{Name: p.Name, CustomerID: f.cust, OwnerID: f.owner, Type: "老客户续购", StageID: p.StageID}
	if _, err := f.opps.Update(p.ID, in); !errors.As(err, &ae) || ae.Field != "stageId" {
		t.Errorf("type change out of the set: %v", err)
	}
	in.StageID = f.byName["初期沟通"]
	if _, err := f.opps.Update(p.ID, in); err != nil {
		t.Errorf("type change with a shared stage: %v", err)
	}
	// Moving the set's types elsewhere is refused while they sit in its stages.
	f.add(t, "项目三", "新业务", "招投标", "10")
	if _, err := f.stages.UpdateSet(f.setID, stage.SetInput{Name: "项目型阶段"}); err == nil {
		t.Error("removed a type whose opportunities are in the set's stages")
	}
	// Marking won picks a won outcome the type may use.
	if _, err := f.opps.MarkWon(o.ID, 0); err != nil {
		t.Fatal(err)
	}
	got, _ := store.GetOpportunity(ctx, f.st.DB, o.ID)
	if got.StageKind != store.KindWon {
		t.Errorf("marked won into %s", got.StageName)
	}
	// Or the outcome the user chose; an open stage, or one the type may
	// not use, is refused and changes nothing.
	q := f.add(t, "续约二", "老客户续购", "初期沟通", "10")
	for _, bad := range []int64{f.byName["初期沟通"], f.byName["无效"], 99999} {
		if _, err := f.opps.MarkWon(q.ID, bad); !errors.As(err, &ae) || ae.Field != "stageId" {
			t.Errorf("mark won as stage %d: %v", bad, err)
		}
	}
	if got, _ := store.GetOpportunity(ctx, f.st.DB, q.ID); got.StageID != f.byName["初期沟通"] {
		t.Errorf("a refused mark won moved it to %s", got.StageName)
	}
	if _, err := f.opps.MarkWon(q.ID, f.byName["部分成交"]); err != nil {
		t.Fatal(err)
	}
	if got, _ := store.GetOpportunity(ctx, f.st.DB, q.ID); got.StageName != "部分成交" {
		t.Errorf("marked won as %s, want 部分成交", got.StageName)
	}
}
