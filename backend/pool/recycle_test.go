package pool

import (
	"context"
	"testing"

	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
)

func TestEvaluate(t *testing.T) {
	owned := "2026-11-01T09:00:00+08:00"
	tests := []struct {
		name string
		f    store.RecycleFacts
		r    store.PoolRule
		want verdict
	}{
		{"no follow-up counts from owning", store.RecycleFacts{OwnedSince: owned},
			store.PoolRule{NoFollowUpDays: 10}, verdict{Due: "2026-11-11", Kind: RuleNoFollowUp, Days: 10}},
		{"a later follow-up moves it", store.RecycleFacts{OwnedSince: owned, LastFollowUp: "2026-11-20"},
			store.PoolRule{NoFollowUpDays: 10}, verdict{Due: "2026-11-30", Kind: RuleNoFollowUp, Days: 10}},
		{"an old follow-up does not", store.RecycleFacts{OwnedSince: owned, LastFollowUp: "2026-10-01"},
			store.PoolRule{NoFollowUpDays: 10}, verdict{Due: "2026-11-11", Kind: RuleNoFollowUp, Days: 10}},
		{"not won", store.RecycleFacts{OwnedSince: owned},
			store.PoolRule{NoWonDays: 30}, verdict{Due: "2026-12-01", Kind: RuleNoWon, Days: 30}},
		{"won since owning", store.RecycleFacts{OwnedSince: owned, WonSince: 1},
			store.PoolRule{NoWonDays: 30}, verdict{}},
		{"after the last order", store.RecycleFacts{OwnedSince: owned, LastOrderEnd: "2026-11-05"},
			store.PoolRule{AfterOrderDays: 20}, verdict{Due: "2026-11-25", Kind: RuleAfterOrder, Days: 20}},
		{"a new opportunity after the order", store.RecycleFacts{OwnedSince: owned, LastOrderEnd: "2026-11-05", OppsAfterOrder: 1},
			store.PoolRule{AfterOrderDays: 20}, verdict{}},
		{"no order", store.RecycleFacts{OwnedSince: owned}, store.PoolRule{AfterOrderDays: 20}, verdict{}},
		{"the earliest condition wins", store.RecycleFacts{OwnedSince: owned, LastFollowUp: "2026-11-25"},
			store.PoolRule{NoFollowUpDays: 10, NoWonDays: 30}, verdict{Due: "2026-12-01", Kind: RuleNoWon, Days: 30}},
		{"kept at the stage", store.RecycleFacts{OwnedSince: owned, OpenPosition: 4},
			store.PoolRule{NoFollowUpDays: 10, KeepPosition: 4}, verdict{Kept: true}},
		{"kept past the stage", store.RecycleFacts{OwnedSince: owned, OpenPosition: 6},
			store.PoolRule{NoFollowUpDays: 10, KeepPosition: 4}, verdict{Kept: true}},
		{"not kept before the stage", store.RecycleFacts{OwnedSince: owned, OpenPosition: 3},
			store.PoolRule{NoFollowUpDays: 10, KeepPosition: 4}, verdict{Due: "2026-11-11", Kind: RuleNoFollowUp, Days: 10}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := evaluate(tt.f, tt.r); got != tt.want {
				t.Fatalf("evaluate = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestRecyclePerLevel runs the pass over real rows: each level's rule,
// the kept stage, the warning window and the flow row naming the rule.
func TestRecyclePerLevel(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	won := storetest.Stage(t, f.st, "谈成结束")
	plan := storetest.Stage(t, f.st, "方案制定")
	early := storetest.Stage(t, f.st, "初期沟通")
	p := f.pool(Input{Name: "回收", ClaimEnabled: true, Rules: []store.PoolRule{
		{Level: "A", NoFollowUpDays: 10, WarnDays: 3},
		{Level: "B", NoWonDays: 30, KeepStageID: &plan.ID},
		{Level: "", AfterOrderDays: 20, WarnDays: 5},
	}})
	// Everyone claims on 2026-12-01.
	names := []string{"甲A", "乙A", "丙B", "丁B", "戊C", "己B"}
	levels := []string{"A", "A", "B", "B", "C", "B"}
	ids := f.pooled(p, len(names), "c")
	for i, id := range ids {
		if _, err := f.st.W.Exec(`UPDATE customers SET name = ?, level = ? WHERE id = ?`, names[i], levels[i], id); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.s.Claim(ActionInput{CustomerIDs: ids, OwnerID: f.zhang}); err != nil {
		t.Fatal(err)
	}
	// 乙A was followed up on 12-05; 丁B has an opportunity at 方案制定 (kept);
	// 己B has one at 初期沟通 (not kept); 戊C's order ended on 12-02.
	if _, err := store.InsertFollowUp(ctx, f.st.W, store.FollowUp{CustomerID: ids[1], Date: "2026-12-05", Content: "电话"}); err != nil {
		t.Fatal(err)
	}
	for _, o := range []struct {
		cust  int64
		stage store.Stage
	}{{ids[3], plan}, {ids[5], early}} {
		if _, err := store.InsertOpportunity(ctx, f.st.W, store.Opportunity{Name: "机会", CustomerID: o.cust, OwnerID: f.zhang,
			StageID: o.stage.ID, ProbabilityBP: o.stage.ProbabilityBP}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.st.W.Exec(`INSERT INTO orders (number, customer_id, owner_id, signed_date, created_at, updated_at)
		VALUES ('SO1', ?, ?, '2026-11-20', '2026-11-20', '2026-11-20')`, ids[4], f.zhang); err != nil {
		t.Fatal(err)
	}
	_ = won
	// Due dates: 甲A 12-11 (no follow-up since claiming, warned from 12-08);
	// 乙A 12-15 (followed up 12-05); 丙B and 己B 12-31 (30 days without a
	// win; 己B's opportunity is before the keep stage); 丁B kept; 戊C 12-10
	// (its order, signed 11-20 without a plan, ended then; the "every
	// level" rule, warned from 12-05).
	check := func(day string, wantRecycled []int64) Report {
		t.Helper()
		f.at(day)
		rep, err := f.s.RunRecycle(false)
		if err != nil {
			t.Fatal(err)
		}
		var got []int64
		for _, m := range rep.Moves {
			got = append(got, m.CustomerID)
		}
		if len(got) != len(wantRecycled) {
			t.Fatalf("%s: recycled %v (%+v), want %v", day, got, rep.Moves, wantRecycled)
		}
		for i := range got {
			if got[i] != wantRecycled[i] {
				t.Fatalf("%s: recycled %v, want %v", day, got, wantRecycled)
			}
		}
		return rep
	}
	warn := func(day string, want []int64) {
		t.Helper()
		f.at(day)
		ws, err := f.s.RecycleWarnings(0)
		if err != nil {
			t.Fatal(err)
		}
		var got []int64
		for _, w := range ws {
			got = append(got, w.CustomerID)
		}
		if len(got) != len(want) || (len(got) > 0 && got[0] != want[0]) {
			t.Fatalf("%s: warnings %v (%+v), want %v", day, got, ws, want)
		}
	}
	warn("2026-12-05", []int64{ids[4]}) // 戊C due 12-10, 5 warning days
	warn("2026-12-08", []int64{ids[4], ids[0]})
	dry, err := f.s.RunRecycle(true)
	if err != nil || len(dry.Moves) != 0 {
		t.Fatalf("dry run on 12-08: %+v %v", dry, err)
	}
	check("2026-12-10", []int64{ids[4]})
	rep := check("2026-12-11", []int64{ids[0]})
	if rep.Moves[0].Reason != "A：10 天未跟进" || rep.Moves[0].ReasonEn != "A: no follow-up for 10 days" {
		t.Fatalf("reason = %q / %q", rep.Moves[0].Reason, rep.Moves[0].ReasonEn)
	}
	warn("2026-12-12", []int64{ids[1]})
	f.at("2026-12-14")
	if d, _ := f.s.RunRecycle(true); len(d.Moves) != 0 {
		t.Fatalf("dry run 12-14: %+v", d.Moves)
	}
	check("2026-12-15", []int64{ids[1]})
	check("2026-12-31", []int64{ids[2], ids[5]})
	// 丁B is kept by its opportunity at 方案制定.
	if c := f.customer(ids[3]); c.Status != store.CustomerOwned {
		t.Fatalf("kept customer recycled: %+v", c)
	}
	c := f.customer(ids[0])
	if c.Status != store.CustomerPool || *c.PoolID != p || c.OwnerID != nil || c.PoolReason != "A：10 天未跟进" {
		t.Fatalf("recycled customer: %+v", c)
	}
	rows, err := f.s.History(ids[0])
	if err != nil {
		t.Fatal(err)
	}
	last := rows[len(rows)-1]
	if last.Action != ActRecycle || last.Rule != "noFollowUp:A:10" || last.ForName != "张三" || last.From != "张三" ||
		last.To != "回收" || last.ActorName != "系统" || last.Day != "2026-12-11" {
		t.Fatalf("recycle row = %+v", last)
	}
	// The recycled owner is barred like a returner when the pool says so.
	if _, err := f.s.Save(p, Input{Name: "回收", ClaimEnabled: true, ReclaimDays: 7}); err != nil {
		t.Fatal(err)
	}
	f.at("2026-12-31")
	_, err = f.s.Claim(ActionInput{CustomerIDs: ids[2:3], OwnerID: f.zhang})
	refused(t, err, "张三 7 天内不能再领用此客户（2026-12-31 被回收）")
}

func TestSaveValidation(t *testing.T) {
	f := newFixture(t)
	f.pool(Input{Name: "已有"})
	tests := []struct {
		name  string
		in    Input
		field string
	}{
		{"name required", Input{}, "name"},
		{"name taken", Input{Name: "已有"}, "name"},
		{"negative limit", Input{Name: "x", DailyLimit: -1}, "dailyLimit"},
		{"unknown level", Input{Name: "x", Rules: []store.PoolRule{{Level: "Z", NoFollowUpDays: 3}}}, "rules[0].level"},
		{"repeated level", Input{Name: "x", Rules: []store.PoolRule{{Level: "A", NoFollowUpDays: 3}, {Level: "A", NoWonDays: 3}}}, "rules[1].level"},
		{"rule without days", Input{Name: "x", Rules: []store.PoolRule{{Level: "A"}}}, "rules[0].noFollowUpDays"},
		{"unknown manager", Input{Name: "x", ManagerID: 999}, "managerId"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := storetest.Count(t, f.st, "pools")
			_, err := f.s.Save(0, tt.in)
			e, ok := apperrAs(err)
			if !ok || e.Field != tt.field {
				t.Fatalf("err = %v, want field %s", err, tt.field)
			}
			if storetest.Count(t, f.st, "pools") != before {
				t.Fatal("a refused save wrote a pool")
			}
		})
	}
	if err := f.s.Delete(f.company); err == nil {
		t.Fatal("deleted the company pool")
	}
}
