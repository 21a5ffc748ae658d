package analysis

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"funneldesk/backend/export"
	"funneldesk/backend/msg"
	"funneldesk/backend/opportunity"
	"funneldesk/backend/reportframe"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
	"funneldesk/backend/svc"
)

// The default stages: 1 初期沟通 … 6 商务谈判 (open), 7 谈成结束 (won),
// 8 未成结束 (lost).
const (
	s1, s2, s3, s4, s5, s6 = 1, 2, 3, 4, 5, 6
	won, lost              = 7, 8
)

// step is one stage history row: the stage entered and the day.
type step struct {
	stage int64
	day   string
}

// fixture builds opportunities with hand-written histories.
type fixture struct {
	t  *testing.T
	st *store.Store
	c  int64
}

func newFixture(t *testing.T) *fixture {
	st := storetest.New(t)
	o := storetest.Owner(t, st, "甲")
	return &fixture{t: t, st: st, c: storetest.Customer(t, st, "客户", o)}
}

// opp inserts an opportunity of owner with amount (cents) whose history is
// steps (the first is its creation); its stage is the last step's. It
// returns the id.
func (f *fixture) opp(owner int64, amount int64, steps ...step) int64 {
	f.t.Helper()
	ctx := context.Background()
	last := steps[len(steps)-1].stage
	var prob int
	if err := f.st.DB.GetContext(ctx, &prob, `SELECT probability_bp FROM stages WHERE id = ?`, last); err != nil {
		f.t.Fatal(err)
	}
	var id int64
	err := f.st.Tx(ctx, func(tx store.Tx) error {
		at := steps[0].day + "T09:00:00+08:00"
		res, err := tx.ExecContext(ctx, `INSERT INTO opportunities (name, customer_id, owner_id, amount_cents, stage_id,
			probability_bp, type, source, lost_reason, created_at, updated_at) VALUES ('机会', ?, ?, ?, ?, ?, '新业务', '展会', ?, ?, ?)`,
			f.c, owner, amount, last, prob, map[bool]string{true: "价格", false: ""}[last == lost], at, at)
		if err != nil {
			return err
		}
		id, _ = res.LastInsertId()
		var from *int64
		for _, s := range steps {
			if _, err := tx.ExecContext(ctx, `INSERT INTO stage_history (opportunity_id, from_stage_id, to_stage_id, changed_at)
				VALUES (?, ?, ?, ?)`, id, from, s.stage, s.day+"T09:00:00+08:00"); err != nil {
				return err
			}
			st := s.stage
			from = &st
		}
		return nil
	})
	if err != nil {
		f.t.Fatal(err)
	}
	return id
}

func (f *fixture) scope(from, to string, owners ...int64) reportframe.Scope {
	f.t.Helper()
	sc, err := reportframe.Check(context.Background(), f.st.DB, reportframe.Filters{From: from, To: to, OwnerIDs: owners})
	if err != nil {
		f.t.Fatal(err)
	}
	return sc
}

func TestConversion(t *testing.T) {
	tests := []struct {
		name  string
		steps []step
		// reached lists the open stages 1…6 reached, then won (1/0).
		reached [7]int64
	}{
		{"skipped stages then won", []step{{s1, "2026-01-05"}, {s3, "2026-01-09"}, {won, "2026-02-01"}}, [7]int64{1, 1, 1, 1, 1, 1, 1}},
		{"backward moves count once", []step{{s1, "2026-01-05"}, {s2, "2026-01-06"}, {s3, "2026-01-07"}, {s2, "2026-01-08"}, {s4, "2026-01-09"}, {s2, "2026-01-10"}},
			[7]int64{1, 1, 1, 1, 0, 0, 0}},
		{"lost after skipping", []step{{s1, "2026-01-05"}, {s4, "2026-01-09"}, {lost, "2026-02-01"}}, [7]int64{1, 1, 1, 1, 0, 0, 0}},
		{"reopened and won", []step{{s2, "2026-01-05"}, {won, "2026-01-09"}, {s5, "2026-02-01"}, {won, "2026-03-01"}}, [7]int64{1, 1, 1, 1, 1, 1, 1}},
		{"won then reopened", []step{{s2, "2026-01-05"}, {won, "2026-01-09"}, {s5, "2026-02-01"}}, [7]int64{1, 1, 1, 1, 1, 1, 0}},
		{"lost at once still entered the funnel", []step{{lost, "2026-01-05"}}, [7]int64{1, 0, 0, 0, 0, 0, 0}},
		{"created in a later stage", []step{{s3, "2026-01-05"}}, [7]int64{1, 1, 1, 0, 0, 0, 0}},
	}
	for _, tt := range tests {
		for _, bits := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s/bits=%v", tt.name, bits), func(t *testing.T) {
				f := newFixture(t)
				owner := storetest.Owner(t, f.st, "乙")
				f.opp(owner, 100, tt.steps...)
				// One created before the period: outside the cohort.
				f.opp(owner, 100, step{s1, "2025-12-31"}, step{s6, "2026-01-02"})
				rep, err := computeConversion(context.Background(), f.st.DB, f.scope("2026-01-01", "2026-12-31"), bits)
				if err != nil {
					t.Fatal(err)
				}
				if rep.Cohort != 1 || len(rep.Stages) != 7 {
					t.Fatalf("cohort %d, %d rows", rep.Cohort, len(rep.Stages))
				}
				for i, r := range rep.Stages {
					if r.Reached != tt.reached[i] {
						t.Errorf("row %d (%s): reached %d, want %d", i, r.Name, r.Reached, tt.reached[i])
					}
				}
			})
		}
	}
}

func TestConversionRates(t *testing.T) {
	f := newFixture(t)
	o := storetest.Owner(t, f.st, "乙")
	// 4 created: all reach 1; 3 reach 2; 3 reach 3 (one skipped 2); 1 reaches 4…6 and wins.
	f.opp(o, 100, step{s1, "2026-01-05"})
	f.opp(o, 100, step{s1, "2026-01-05"}, step{s2, "2026-01-06"}, step{s3, "2026-01-07"}, step{lost, "2026-01-08"})
	f.opp(o, 100, step{s1, "2026-01-05"}, step{s3, "2026-01-07"})
	f.opp(o, 100, step{s2, "2026-01-05"}, step{won, "2026-01-20"})
	rep, err := ComputeConversion(context.Background(), f.st.DB, f.scope("2026-01-01", "2026-01-31"))
	if err != nil {
		t.Fatal(err)
	}
	wantReached := []int64{4, 3, 3, 1, 1, 1, 1}
	wantNext := []int64{7500, 10000, 3333, 10000, 10000, 10000}
	wantCum := []int64{10000, 7500, 7500, 2500, 2500, 2500, 2500}
	for i, r := range rep.Stages {
		if r.Reached != wantReached[i] || *r.CumulativeBP != wantCum[i] {
			t.Errorf("row %d: reached %d cum %d, want %d %d", i, r.Reached, *r.CumulativeBP, wantReached[i], wantCum[i])
		}
		if i < len(wantNext) && *r.NextBP != wantNext[i] {
			t.Errorf("row %d: next %d, want %d", i, *r.NextBP, wantNext[i])
		}
		if r.Bottleneck != (i == 2) {
			t.Errorf("row %d: bottleneck %v", i, r.Bottleneck)
		}
	}
	if rep.Lost != 1 || rep.Open != 2 {
		t.Errorf("lost %d open %d", rep.Lost, rep.Open)
	}
}

func TestStageTime(t *testing.T) {
	f := newFixture(t)
	o := storetest.Owner(t, f.st, "乙")
	// Stage 1: 10 and 4 days (left), 20 days still in it (today 2026-03-01, entered 02-09).
	f.opp(o, 100, step{s1, "2026-01-01"}, step{s2, "2026-01-11"}, step{s3, "2026-01-21"}, step{s2, "2026-01-25"}, step{won, "2026-01-31"})
	f.opp(o, 100, step{s1, "2026-01-01"}, step{s3, "2026-01-05"}, step{lost, "2026-01-08"})
	f.opp(o, 100, step{s1, "2026-02-09"})
	// Stage 2 for the first: 10 + 6 days (two visits, one stay); stage 3: 4 and 3 days.
	rep, err := ComputeStageTime(context.Background(), f.st.DB, f.scope("2026-01-01", "2026-12-31"), "2026-03-01")
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		left          int64
		avg, median   float64
		still         int64
		sAvg, sMedian float64
	}
	wants := map[int64]want{
		s1: {2, 7, 7, 1, 20, 20},
		s2: {1, 16, 16, 0, 0, 0},
		s3: {2, 3.5, 3.5, 0, 0, 0},
	}
	for _, r := range rep.Stages {
		w := wants[r.StageID]
		got := want{r.Left, r.AvgDays, r.MedianDays, r.Still, r.StillAvg, r.StillMedian}
		if got != w {
			t.Errorf("stage %d: %+v, want %+v", r.StageID, got, w)
		}
		if r.Bottleneck != (r.StageID == s2) {
			t.Errorf("stage %d bottleneck %v", r.StageID, r.Bottleneck)
		}
	}
	// Sales cycle: the one won, 30 days from 01-01 to 01-31.
	if rep.Cycle != (Cycle{Won: 1, AvgDays: 30, MedianDays: 30}) {
		t.Errorf("cycle %+v", rep.Cycle)
	}
}

func TestMedians(t *testing.T) {
	tests := []struct {
		days        []int64
		avg, median float64
	}{
		{[]int64{5}, 5, 5},
		{[]int64{9, 1, 4}, 4.7, 4},
		{[]int64{1, 2, 3, 10}, 4, 2.5},
		{[]int64{3, 3, 7, 3}, 4, 3},
		{nil, 0, 0},
	}
	for _, tt := range tests {
		h := days{}
		for _, d := range tt.days {
			h[d]++
		}
		n, avg, med := stats(h)
		if n != int64(len(tt.days)) || avg != tt.avg || med != tt.median {
			t.Errorf("stats(%v) = %d %v %v, want %v %v", tt.days, n, avg, med, tt.avg, tt.median)
		}
		var hist []store.DaysCount
		for _, d := range tt.days {
			hist = append(hist, store.DaysCount{Days: d, Count: 1})
		}
		if c := cycleStats(hist); c.AvgDays != tt.avg || c.MedianDays != tt.median {
			t.Errorf("cycleStats(%v) = %+v", tt.days, c)
		}
	}
}

func TestGroupByOwner(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	a := storetest.Owner(t, f.st, "阿")
	b := storetest.Owner(t, f.st, "博")
	// a: 3 created in Q1 (one won in Q1, one lost in Q1, one open); one
	// created last year and won in Q1; one created in Q1, won in Q1,
	// reopened and won again in Q2 (not a Q1 win: counts at its last win).
	f.opp(a, 1000, step{s1, "2026-01-05"}, step{won, "2026-02-01"})
	f.opp(a, 2000, step{s1, "2026-01-05"}, step{s3, "2026-01-15"}, step{lost, "2026-03-01"})
	f.opp(a, 3000, step{s1, "2026-02-05"})
	f.opp(a, 4000, step{s1, "2025-11-05"}, step{won, "2026-03-31"})
	f.opp(a, 5000, step{s1, "2026-01-05"}, step{won, "2026-01-20"}, step{s4, "2026-02-01"}, step{won, "2026-04-01"})
	// b: one lost in Q1, created in Q1.
	f.opp(b, 700, step{s2, "2026-03-31"}, step{lost, "2026-03-31"})
	sc := f.scope("2026-01-01", "2026-03-31")
	rep, err := ComputeGroup(ctx, f.st.DB, sc, "owner")
	if err != nil {
		t.Fatal(err)
	}
	type want struct{ count, amount, expected, won, wonC, lostN, lostC, rate int64 }
	wants := map[string]want{
		"阿": {4, 11000, 1000 + 0 + 300 + 5000, 2, 5000, 1, 2000, 6667},
		"博": {1, 700, 0, 0, 0, 1, 700, 0},
	}
	if len(rep.Rows) != 2 {
		t.Fatalf("rows %+v", rep.Rows)
	}
	for _, r := range rep.Rows {
		w := wants[r.Label]
		got := want{r.Count, r.AmountCents, r.ExpectedCents, r.WonCount, r.WonCents, r.LostCount, r.LostCents, *r.WinRateBP}
		if got != w {
			t.Errorf("%s: %+v, want %+v", r.Label, got, w)
		}
		for _, d := range []struct {
			f    store.OpportunityFilter
			want int64
		}{{r.Drill, r.Count}, {r.DrillWon, r.WonCount}, {r.DrillLost, r.LostCount}} {
			_, total, err := store.ListOpportunities(ctx, f.st.DB, d.f, 0, 50)
			if err != nil {
				t.Fatal(err)
			}
			if int64(total) != d.want {
				t.Errorf("%s: drill %+v lists %d, want %d", r.Label, d.f, total, d.want)
			}
		}
	}
	if rep.Total.Count != 5 || rep.Total.WonCount != 2 || rep.Total.LostCount != 2 || *rep.Total.WinRateBP != 5000 {
		t.Errorf("total %+v", rep.Total)
	}
}

func TestGroupings(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	a := storetest.Owner(t, f.st, "阿")
	f.opp(a, 1000, step{s1, "2026-01-05"}, step{won, "2026-02-01"})
	f.opp(a, 2000, step{s1, "2026-01-05"}, step{lost, "2026-03-01"})
	f.opp(a, 3000, step{s2, "2026-02-05"})
	sc := f.scope("2026-01-01", "2026-12-31")
	for _, by := range Groupings {
		t.Run(by, func(t *testing.T) {
			rep, err := ComputeGroup(ctx, f.st.DB, sc, by)
			if err != nil {
				t.Fatal(err)
			}
			var n, wonN, lostN int64
			for _, r := range rep.Rows {
				n, wonN, lostN = n+r.Count, wonN+r.WonCount, lostN+r.LostCount
				for _, d := range []struct {
					f    store.OpportunityFilter
					want int64
				}{{r.Drill, r.Count}, {r.DrillWon, r.WonCount}, {r.DrillLost, r.LostCount}} {
					_, total, err := store.ListOpportunities(ctx, f.st.DB, d.f, 0, 50)
					if err != nil {
						t.Fatal(err)
					}
					if int64(total) != d.want {
						t.Errorf("row %q: drill lists %d, want %d", r.Key, total, d.want)
					}
				}
			}
			if n != 3 || wonN != 1 || lostN != 1 || rep.Total.Count != 3 {
				t.Errorf("sums %d %d %d, total %+v", n, wonN, lostN, rep.Total)
			}
		})
	}
	if _, err := ComputeGroup(ctx, f.st.DB, sc, "colour"); err == nil {
		t.Error("unknown grouping accepted")
	} else {
		storetest.WantErr(t, err, "invalid", "by")
	}
}

// TestDrillThroughTheList opens each drill-down as the screen does, through
// the opportunity service (which checks the new filter fields), with an
// open period too.
func TestDrillThroughTheList(t *testing.T) {
	f := newFixture(t)
	a := storetest.Owner(t, f.st, "阿")
	f.opp(a, 1000, step{s1, "2025-06-05"}, step{won, "2026-02-01"})
	f.opp(a, 2000, step{s1, "2026-01-05"}, step{lost, "2026-03-01"})
	f.opp(a, 3000, step{s2, "2026-02-05"})
	opps := opportunity.NewService(f.st, svc.New(nil))
	for _, period := range [][2]string{{"2026-01-01", "2026-12-31"}, {"", ""}, {"", "2026-02-01"}} {
		rep, err := ComputeGroup(context.Background(), f.st.DB, f.scope(period[0], period[1]), "owner")
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range append(rep.Rows, rep.Total) {
			for _, d := range []struct {
				f    store.OpportunityFilter
				want int64
			}{{r.Drill, r.Count}, {r.DrillWon, r.WonCount}, {r.DrillLost, r.LostCount}} {
				page, err := opps.List(opportunity.ListRequest{Filter: d.f, Page: 1, PageSize: 50})
				if err != nil {
					t.Fatal(err)
				}
				if int64(page.Total) != d.want {
					t.Errorf("period %v: drill %+v lists %d, want %d", period, d.f, page.Total, d.want)
				}
			}
		}
	}
	tests := []struct {
		name  string
		f     store.OpportunityFilter
		field string
	}{
		{"impossible created day", store.OpportunityFilter{CreatedFrom: "2026-02-30"}, "createdFrom"},
		{"created end before start", store.OpportunityFilter{CreatedFrom: "2026-03-01", CreatedTo: "2026-02-01"}, "createdTo"},
		{"impossible closed day", store.OpportunityFilter{ClosedTo: "2026-13-01"}, "closedTo"},
		{"closed end before start", store.OpportunityFilter{ClosedFrom: "2026-03-01", ClosedTo: "2026-02-01"}, "closedTo"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := opps.List(opportunity.ListRequest{Filter: tt.f, Page: 1, PageSize: 50})
			storetest.WantErr(t, err, "invalid", tt.field)
		})
	}
}

// TestKeptMatchesCount builds random histories, changes them the ways the
// app does (stage moves, owner, amount, type, lost reason, deletes), and
// checks for many periods — whole months and odd days — that every report
// read from the kept monthly totals equals the same report counted row by
// row.
func TestKeptMatchesCount(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	owners := []int64{storetest.Owner(t, f.st, "阿"), storetest.Owner(t, f.st, "博"), storetest.Owner(t, f.st, "陈")}
	rnd := rand.New(rand.NewPCG(7, 12))
	day := func() string {
		return fmt.Sprintf("2025-%02d-%02d", 1+rnd.IntN(12), 1+rnd.IntN(28))
	}
	var ids []int64
	for i := 0; i < 120; i++ {
		start := day()
		steps := []step{{int64(1 + rnd.IntN(3)), start}}
		for k := 0; k < rnd.IntN(4); k++ {
			steps = append(steps, step{int64(1 + rnd.IntN(8)), AddDaysForTest(steps[len(steps)-1].day, rnd.IntN(40))})
		}
		ids = append(ids, f.opp(owners[rnd.IntN(3)], int64(rnd.IntN(100000)), steps...))
	}
	// Several customers, for the by-customer order (the fixture has one).
	var customers []int64
	for i := range 12 {
		customers = append(customers, storetest.Customer(t, f.st, fmt.Sprintf("客户%d", i), owners[i%3]))
	}
	// Changes after the fact, as the services make them.
	err := f.st.Tx(ctx, func(tx store.Tx) error {
		for i, id := range ids {
			if i%5 != 0 {
				if _, err := tx.ExecContext(ctx, `UPDATE opportunities SET customer_id = ? WHERE id = ?`, customers[i%len(customers)], id); err != nil {
					return err
				}
			}
			var q string
			var args []any
			switch i % 6 {
			case 0:
				q, args = `UPDATE opportunities SET owner_id = ? WHERE id = ?`, []any{owners[(i/6)%3], id}
			case 1:
				q, args = `UPDATE opportunities SET amount_cents = amount_cents + 7, type = '老客户续购' WHERE id = ?`, []any{id}
			case 2:
				q, args = `UPDATE opportunities SET lost_reason = '预算', competitor = '某某' WHERE id = ?`, []any{id}
			case 3:
				q, args = `INSERT INTO stage_history (opportunity_id, to_stage_id, changed_at) VALUES (?, 8, '2025-12-30T10:00:00+08:00')`, []any{id}
				if _, err := tx.ExecContext(ctx, `UPDATE opportunities SET stage_id = 8, probability_bp = 0 WHERE id = ?`, id); err != nil {
					return err
				}
			case 4:
				if i%12 == 4 {
					q, args = `DELETE FROM opportunities WHERE id = ?`, []any{id}
				}
			}
			if q == "" {
				continue
			}
			if _, err := tx.ExecContext(ctx, q, args...); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	periods := [][2]string{{"2025-01-01", "2025-12-31"}, {"2025-03-01", "2025-03-31"}, {"2025-02-11", "2025-09-17"},
		{"2025-04-05", "2025-04-20"}, {"2025-05-15", "2025-06-14"}, {"", "2025-07-03"}, {"2025-08-09", ""}, {"", ""}}
	for _, p := range periods {
		for _, owners := range [][]int64{nil, {owners[1]}} {
			sc := f.scope(p[0], p[1], owners...)
			for _, by := range Groupings {
				useKept = true
				kept, err := ComputeGroup(ctx, f.st.DB, sc, by)
				useKept = false
				counted, err2 := ComputeGroup(ctx, f.st.DB, sc, by)
				useKept = true
				if err != nil || err2 != nil {
					t.Fatal(err, err2)
				}
				if !reflect.DeepEqual(kept, counted) {
					t.Errorf("period %v owners %v by %s: kept %+v\ncounted %+v", p, owners, by, kept.Total, counted.Total)
				}
			}
			useKept = false
			counted, err := ComputeConversion(ctx, f.st.DB, sc)
			useKept = true
			kept, err2 := ComputeConversion(ctx, f.st.DB, sc)
			if err != nil || err2 != nil {
				t.Fatal(err, err2)
			}
			if !reflect.DeepEqual(kept, counted) {
				t.Errorf("period %v: conversion kept %+v, counted %+v", p, kept, counted)
			}
			// Days in stage and the sales cycle (migration 0028), with a
			// today before some stays began too.
			for _, today := range []string{"2026-03-01", "2025-06-15"} {
				keptST, err := computeStageTime(ctx, f.st.DB, sc, today, true)
				countedST, err2 := computeStageTime(ctx, f.st.DB, sc, today, false)
				if err != nil || err2 != nil {
					t.Fatal(err, err2)
				}
				if !reflect.DeepEqual(keptST, countedST) {
					t.Errorf("period %v owners %v today %s: stage time kept %+v\ncounted %+v", p, owners, today, keptST, countedST)
				}
			}
		}
	}
	// The comparison sees a kept total gone wrong.
	if _, err := f.st.W.ExecContext(ctx, `UPDATE analysis_closed SET n = n + 1 WHERE rowid IN (SELECT rowid FROM analysis_closed LIMIT 1)`); err == nil {
		t.Fatal("analysis_closed has a rowid: it should be WITHOUT ROWID")
	}
	if _, err := f.st.W.ExecContext(ctx, `UPDATE analysis_closed SET n = n + 1 WHERE n > 0 AND month = '2025-12'`); err != nil {
		t.Fatal(err)
	}
	sc := f.scope("2025-01-01", "2025-12-31")
	kept, _ := ComputeGroup(ctx, f.st.DB, sc, "owner")
	useKept = false
	counted, _ := ComputeGroup(ctx, f.st.DB, sc, "owner")
	useKept = true
	if reflect.DeepEqual(kept, counted) {
		t.Error("a wrong kept total went unnoticed")
	}
}

func AddDaysForTest(d string, k int) string { return store.AddDays(d, k) }

// TestExports writes every report in every format, with the filters in
// force in the CSV, and checks the CLI registry has each name.
func TestExports(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	a := storetest.Owner(t, f.st, "阿")
	f.opp(a, 1000, step{s1, "2026-01-05"}, step{won, "2026-02-01"})
	f.opp(a, 2000, step{s1, "2026-01-05"}, step{s2, "2026-01-15"})
	sc := f.scope("2026-01-01", "2026-12-31", a)
	group, err := ComputeGroup(ctx, f.st.DB, sc, "owner")
	if err != nil {
		t.Fatal(err)
	}
	conv, err := ComputeConversion(ctx, f.st.DB, sc)
	if err != nil {
		t.Fatal(err)
	}
	st, err := ComputeStageTime(ctx, f.st.DB, sc, "2026-03-01")
	if err != nil {
		t.Fatal(err)
	}
	results := map[string]reportframe.Result{"group": groupResult(group, sc), "conversion": conversionResult(conv, sc), "stage-time": stageTimeResult(st, sc)}
	for name, res := range results {
		for _, format := range []string{reportframe.CSV, reportframe.XLSX, reportframe.PNG} {
			var buf bytes.Buffer
			if err := reportframe.Write(&buf, format, res, sc, msg.Zh); err != nil {
				t.Fatalf("%s %s: %v", name, format, err)
			}
			if buf.Len() == 0 {
				t.Fatalf("%s %s: empty", name, format)
			}
			if format != reportframe.XLSX {
				continue
			}
			x, err := excelize.OpenReader(&buf)
			if err != nil {
				t.Fatal(err)
			}
			rows, err := x.GetRows(export.FiltersSheet)
			if err != nil || !strings.Contains(fmt.Sprint(rows), "阿") || !strings.Contains(fmt.Sprint(rows), "2026-01-01") {
				t.Errorf("%s xlsx: filters sheet %v (%v)", name, rows, err)
			}
		}
	}
	for _, name := range []string{"by-owner", "by-team", "by-customer", "by-source", "by-type", "by-stage", "by-lost-reason", "by-competitor", "by", "conversion", "stage-time"} {
		if _, err := reportframe.Lookup(name); err != nil {
			t.Errorf("report %s not registered: %v", name, err)
		}
	}
}

// TestKeptOverflowCounts: a kept sum that left 64 bits (SQLite makes it a
// REAL) sends the report to a count instead of failing.
func TestKeptOverflowCounts(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	a := storetest.Owner(t, f.st, "阿")
	f.opp(a, 1000, step{s1, "2026-01-05"}, step{won, "2026-02-01"})
	sc := f.scope("2026-01-01", "2026-12-31")
	want, err := ComputeGroup(ctx, f.st.DB, sc, "owner")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.W.ExecContext(ctx, `UPDATE analysis_created SET amount = amount + 1e19`); err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.W.ExecContext(ctx, `UPDATE analysis_closed SET amount = amount + 1e19`); err != nil {
		t.Fatal(err)
	}
	got, err := ComputeGroup(ctx, f.st.DB, sc, "owner")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got.Total, want.Total)
	}
}
