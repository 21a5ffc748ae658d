package store_test

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"math/rand"
	"reflect"
	"testing"
	"time"

	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
)

// freshTotals counts per stage from the rows themselves, the answer the
// kept totals must always give.
func freshTotals(t *testing.T, st *store.Store) []store.KeptTotal {
	t.Helper()
	return freshTotalsWhere(t, st, "1")
}

// freshTotalsWhere is freshTotals of the rows matching cond.
func freshTotalsWhere(t *testing.T, st *store.Store, cond string, args ...any) []store.KeptTotal {
	t.Helper()
	var rows []struct {
		StageID int64  `db:"stage_id"`
		N       int    `db:"n"`
		Amount  int64  `db:"amount"`
		W       string `db:"w"`
	}
	// The product sum as text via a per-probability grouping would be exact
	// at any size; the test data is small enough for SQLite's SUM.
	if err := st.DB.Select(&rows, `SELECT stage_id, COUNT(*) AS n, SUM(amount_cents) AS amount,
		CAST(SUM(amount_cents * probability_bp) AS TEXT) AS w FROM opportunities WHERE `+cond+`
		GROUP BY stage_id ORDER BY stage_id`, args...); err != nil {
		t.Fatal(err)
	}
	out := []store.KeptTotal{}
	for _, r := range rows {
		w, ok := new(big.Int).SetString(r.W, 10)
		if !ok {
			t.Fatalf("weighted %q", r.W)
		}
		out = append(out, store.KeptTotal{StageID: r.StageID, Count: r.N, AmountCents: r.Amount, Weighted: w})
	}
	return out
}

func wantKeptEqualsFresh(t *testing.T, st *store.Store, step string) {
	t.Helper()
	wantTargetFactsKept(t, st.DB, step)
	kept, ok, err := store.KeptStageTotals(context.Background(), st.DB, store.OpportunityFilter{})
	if err != nil || !ok {
		t.Fatalf("%s: kept totals: ok %v, %v", step, ok, err)
	}
	if kept == nil {
		kept = []store.KeptTotal{}
	}
	if fresh := freshTotals(t, st); !reflect.DeepEqual(kept, fresh) {
		t.Fatalf("%s: kept totals\n%+v\nwant a fresh count's\n%+v", step, kept, fresh)
	}
	// Each owner's totals, from analysis_created (keptOwnerTotals).
	var owners []int64
	if err := st.DB.Select(&owners, `SELECT id FROM owners ORDER BY id`); err != nil {
		t.Fatal(err)
	}
	for _, o := range owners {
		kept, ok, err := store.KeptStageTotals(context.Background(), st.DB, store.OpportunityFilter{OwnerIDs: []int64{o}})
		if err != nil || !ok {
			t.Fatalf("%s: owner %d's kept totals: ok %v, %v", step, o, ok, err)
		}
		if fresh := freshTotalsWhere(t, st, "owner_id = ?", o); !reflect.DeepEqual(kept, fresh) {
			t.Fatalf("%s: owner %d's kept totals\n%+v\nwant a fresh count's\n%+v", step, o, kept, fresh)
		}
	}
	// The name bigrams (migration 0025) are kept by every write alike.
	wantGramsFresh(t, st.DB, step)
	wantMonthTotalsFresh(t, st.DB, step)
	wantForecastKept(t, st.DB, step)
	// A stage emptied by the writes keeps a row of zeros, nothing else.
	var stray int
	if err := st.DB.Get(&stray, `SELECT COUNT(*) FROM stage_totals WHERE n = 0 AND (amount <> 0 OR w_hi <> 0 OR w_lo <> 0)`); err != nil || stray != 0 {
		t.Fatalf("%s: %d empty stages with sums (%v)", step, stray, err)
	}
	wantAnalysisKept(t, st, step)
}

// TestKeptStageTotals writes in every way the app does and checks after each
// write that the kept totals equal a fresh count.
func TestKeptStageTotals(t *testing.T) {
	ctx := context.Background()
	st := storetest.New(t)
	owner := storetest.Owner(t, st, "张三")
	other := storetest.Owner(t, st, "李四") // each owner's totals are kept too
	cust := storetest.Customer(t, st, "华东电子", owner)
	stages, err := store.ImportStages(ctx, st.DB)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewSource(7))
	newOpp := func(i int) store.Opportunity {
		s := stages[rng.Intn(len(stages))]
		// Close dates around 2026 (some none) and a few sources, for the
		// totals by month and source.
		closeDate := ""
		if rng.Intn(8) > 0 {
			closeDate = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.Intn(600)).Format("2006-01-02")
		}
		return store.Opportunity{Name: fmt.Sprintf("机会%d", i), CustomerID: cust, OwnerID: []int64{owner, other}[rng.Intn(2)],
			AmountCents: rng.Int63n(1_000_000_000), StageID: s.ID, ProbabilityBP: rng.Intn(10001),
			ExpectedClose: closeDate, Source: []string{"", "展会", "电话营销"}[rng.Intn(3)]}
	}
	var ids []int64
	tx := func(fn func(tx store.Tx) error) {
		t.Helper()
		if err := st.Tx(ctx, fn); err != nil {
			t.Fatal(err)
		}
	}
	wantKeptEqualsFresh(t, st, "empty")

	steps := []struct {
		name string
		do   func()
	}{
		{"create", func() {
			tx(func(q store.Tx) error {
				for i := range 40 {
					id, err := store.InsertOpportunity(ctx, q, newOpp(i))
					if err != nil {
						return err
					}
					ids = append(ids, id)
				}
				return nil
			})
		}},
		{"update amount", func() {
			tx(func(q store.Tx) error {
				o, err := store.GetOpportunity(ctx, q, ids[0])
				if err != nil {
					return err
				}
				o.AmountCents += 12345
				if err := store.UpdateOpportunity(ctx, q, o); err != nil {
					return err
				}
				// A new close month and source move it between month rows.
				o, err = store.GetOpportunity(ctx, q, ids[5])
				if err != nil {
					return err
				}
				o.ExpectedClose, o.Source = "2026-02-14", "新来源"
				return store.UpdateOpportunity(ctx, q, o)
			})
		}},
		{"update probability", func() {
			tx(func(q store.Tx) error {
				o, err := store.GetOpportunity(ctx, q, ids[1])
				if err != nil {
					return err
				}
				o.ProbabilityBP = (o.ProbabilityBP + 2500) % 10001
				return store.UpdateOpportunity(ctx, q, o)
			})
		}},
		{"update stage", func() {
			tx(func(q store.Tx) error {
				o, err := store.GetOpportunity(ctx, q, ids[2])
				if err != nil {
					return err
				}
				o.StageID = stages[(indexOfStage(stages, o.StageID)+1)%len(stages)].ID
				return store.UpdateOpportunity(ctx, q, o)
			})
		}},
		{"stage moves forward, back, won, lost, reopened", func() {
			// As the services move a stage: the row, then its history.
			kinds := map[string]int64{}
			for _, s := range stages {
				if _, ok := kinds[s.Kind]; !ok {
					kinds[s.Kind] = s.ID
				}
			}
			last := stages[len(stages)-1].ID
			for i, to := range []int64{stages[1].ID, stages[0].ID, kinds[store.KindWon], last, kinds[store.KindLost], stages[0].ID, kinds[store.KindWon]} {
				id := ids[33+i%3]
				tx(func(q store.Tx) error {
					o, err := store.GetOpportunity(ctx, q, id)
					if err != nil {
						return err
					}
					from := o.StageID
					o.StageID = to
					if err := store.UpdateOpportunity(ctx, q, o); err != nil {
						return err
					}
					if err := store.InsertStageChange(ctx, q, id, &from, to); err != nil {
						return err
					}
					// An earlier day for some, so stays are not all zero days.
					_, err = q.ExecContext(ctx, `UPDATE stage_history SET changed_at = ? WHERE id = (SELECT MIN(id) FROM stage_history WHERE opportunity_id = ?)`,
						fmt.Sprintf("2025-%02d-10T09:00:00+08:00", 1+i), id)
					return err
				})
				wantAnalysisKept(t, st, fmt.Sprintf("stage move %d", i))
			}
			tx(func(q store.Tx) error {
				_, err := q.ExecContext(ctx, `UPDATE opportunities SET created_at = '2024-11-02T08:00:00+08:00' WHERE id = ?`, ids[34])
				return err
			})
		}},
		{"a won stage made lost and back", func() {
			// The by-customer totals (migration 0028) tell won from lost
			// by the stage's kind when they count.
			for _, s := range stages {
				if s.Kind != store.KindWon {
					continue
				}
				for _, kind := range []string{store.KindLost, store.KindWon} {
					tx(func(q store.Tx) error {
						s.Kind = kind
						return store.UpdateStage(ctx, q, s)
					})
					wantAnalysisKept(t, st, "won stage made "+kind)
				}
				break
			}
		}},
		{"update everything else", func() {
			tx(func(q store.Tx) error {
				_, err := store.SetOpportunityOwner(ctx, q, ids[3:10], owner)
				return err
			})
		}},
		{"delete one", func() {
			tx(func(q store.Tx) error { _, err := store.DeleteOpportunities(ctx, q, ids[3:4]); return err })
		}},
		{"batch delete", func() {
			tx(func(q store.Tx) error { _, err := store.DeleteOpportunities(ctx, q, ids[4:12]); return err })
		}},
		{"import and its undo", func() {
			var importID int64
			tx(func(q store.Tx) error {
				w, err := store.NewImportWriter(ctx, q)
				if err != nil {
					return err
				}
				defer w.Close()
				var added []int64
				for i := range 30 {
					// Some closed on a day of their own: Finish then records
					// the history's time, which redoes their wins.
					closedAt := ""
					if i%3 == 0 {
						closedAt = time.Date(2026, 2, 1+i, 9, 0, 0, 0, time.UTC).Format(time.RFC3339)
					}
					id, err := w.AddOpportunity(newOpp(100+i), closedAt)
					if err != nil {
						return err
					}
					added = append(added, id)
				}
				// The writer adds its rows' totals only in Finish: an update
				// and a delete of its new rows before then (an upsert's
				// second row for the same record) adjust from the row as
				// inserted, and so does an update of an older row.
				o, err := store.GetOpportunity(ctx, q, added[3])
				if err != nil {
					return err
				}
				o.StageID, o.AmountCents = stages[(indexOfStage(stages, o.StageID)+3)%len(stages)].ID, o.AmountCents/3
				if err := store.UpdateOpportunity(ctx, q, o); err != nil {
					return err
				}
				if _, err := store.DeleteOpportunities(ctx, q, added[7:9]); err != nil {
					return err
				}
				if o, err = store.GetOpportunity(ctx, q, ids[30]); err != nil {
					return err
				}
				o.ProbabilityBP = 10000 - o.ProbabilityBP
				if err := store.UpdateOpportunity(ctx, q, o); err != nil {
					return err
				}
				if err := w.Finish(); err != nil {
					return err
				}
				first, next := w.Range()
				if importID, err = store.InsertImport(ctx, q, store.Import{FileName: "a.csv", Kind: "opportunities", CreatedAt: w.Now()}); err != nil {
					return err
				}
				return store.AddImportItems(ctx, q, importID, "opportunities", first, next)
			})
			wantKeptEqualsFresh(t, st, "import")
			tx(func(q store.Tx) error { return store.UndoImport(ctx, q, importID, nil, store.Now(), nil) })
		}},
		{"recycle bin delete and restore", func() {
			var b store.Bundle
			tx(func(q store.Tx) error {
				var err error
				if b, err = store.CaptureBundle(ctx, q, "opportunities", ids[12:20]); err != nil {
					return err
				}
				return store.RemoveBundle(ctx, q, b)
			})
			wantKeptEqualsFresh(t, st, "to the bin")
			tx(func(q store.Tx) error { return store.RestoreBundle(ctx, q, b) })
		}},
		{"stage edits and reorder", func() {
			tx(func(q store.Tx) error {
				id, err := store.InsertStage(ctx, q, store.Stage{Name: "复核", Position: 3, ProbabilityBP: 4200, Kind: "open"})
				if err != nil {
					return err
				}
				s := stages[0]
				s.ProbabilityBP, s.Name = 1500, "初步接触"
				if err := store.UpdateStage(ctx, q, s); err != nil {
					return err
				}
				if err := store.SetStagePosition(ctx, q, stages[1].ID, 9); err != nil {
					return err
				}
				// An opportunity moves into the new stage, then the stage
				// empties again and goes.
				o, err := store.GetOpportunity(ctx, q, ids[25])
				if err != nil {
					return err
				}
				old := o.StageID
				o.StageID = id
				if err := store.UpdateOpportunity(ctx, q, o); err != nil {
					return err
				}
				o.StageID = old
				if err := store.UpdateOpportunity(ctx, q, o); err != nil {
					return err
				}
				return store.DeleteStage(ctx, q, id)
			})
		}},
		{"failed import", func() {
			before := freshTotals(t, st)
			boom := errors.New("boom")
			err := st.Tx(ctx, func(q store.Tx) error {
				w, err := store.NewImportWriter(ctx, q)
				if err != nil {
					return err
				}
				defer w.Close()
				for i := range 10 {
					if _, err := w.AddOpportunity(newOpp(200+i), ""); err != nil {
						return err
					}
				}
				return boom // before Finish, as a bad row stops an import
			})
			if !errors.Is(err, boom) {
				t.Fatalf("transaction: %v", err)
			}
			if after := freshTotals(t, st); !reflect.DeepEqual(before, after) {
				t.Fatalf("rollback changed the rows: %+v → %+v", before, after)
			}
			// The trigger the writer paused is back: a plain insert counts.
			tx(func(q store.Tx) error { _, err := store.InsertOpportunity(ctx, q, newOpp(300)); return err })
		}},
		{"failed transaction", func() {
			before := freshTotals(t, st)
			boom := errors.New("boom")
			err := st.Tx(ctx, func(q store.Tx) error {
				if _, err := store.InsertOpportunity(ctx, q, newOpp(999)); err != nil {
					return err
				}
				if _, err := store.DeleteOpportunities(ctx, q, ids[20:30]); err != nil {
					return err
				}
				wantKeptEqualsFreshIn(t, q, "inside the transaction")
				return boom
			})
			if !errors.Is(err, boom) {
				t.Fatalf("transaction: %v", err)
			}
			if after := freshTotals(t, st); !reflect.DeepEqual(before, after) {
				t.Fatalf("rollback changed the rows: %+v → %+v", before, after)
			}
		}},
	}
	for _, s := range steps {
		s.do()
		wantKeptEqualsFresh(t, st, s.name)
	}
}

// wantKeptEqualsFreshIn checks the totals as the transaction q sees them.
func wantKeptEqualsFreshIn(t *testing.T, q store.Tx, step string) {
	t.Helper()
	kept, ok, err := store.KeptStageTotals(context.Background(), q, store.OpportunityFilter{})
	if err != nil || !ok {
		t.Fatalf("%s: kept totals: ok %v, %v", step, ok, err)
	}
	var n int
	if err := q.Get(&n, `SELECT COUNT(*) FROM opportunities`); err != nil {
		t.Fatal(err)
	}
	sum := 0
	for _, k := range kept {
		sum += k.Count
	}
	if sum != n {
		t.Fatalf("%s: kept count %d, rows %d", step, sum, n)
	}
}

func indexOfStage(stages []store.Stage, id int64) int {
	for i, s := range stages {
		if s.ID == id {
			return i
		}
	}
	return -1
}

// TestStageTotalsAnswers checks that StageTotals gives the same answer from
// the kept totals as from counting (a creation date before every row
// counts the same rows the long way), under the filters the totals answer.
func TestStageTotalsAnswers(t *testing.T) {
	ctx := context.Background()
	st := storetest.New(t)
	owners := []int64{storetest.Owner(t, st, "甲"), storetest.Owner(t, st, "乙"), storetest.Owner(t, st, "丙")}
	cust := storetest.Customer(t, st, "客户", owners[0])
	stages, err := store.ImportStages(ctx, st.DB)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewSource(3))
	err = st.Tx(ctx, func(q store.Tx) error {
		for i := range 500 {
			s := stages[rng.Intn(len(stages)-1)] // one stage stays empty
			_, err := store.InsertOpportunity(ctx, q, store.Opportunity{Name: fmt.Sprintf("机会%d", i), CustomerID: cust,
				OwnerID: owners[rng.Intn(3)], AmountCents: rng.Int63n(10_000_000_000), StageID: s.ID, ProbabilityBP: rng.Intn(10001),
				Type: []string{"", "新业务", "续约"}[rng.Intn(3)], Source: []string{"", "展会", "电话营销"}[rng.Intn(3)],
				ExpectedClose: time.Date(2025, 1, 1+rng.Intn(3*365), 0, 0, 0, 0, time.UTC).Format("2006-01-02")})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []store.OpportunityFilter{
		{},
		{View: "open"}, {View: "won"}, {View: "lost"}, {View: "all"},
		{StageIDs: []int64{stages[0].ID, stages[2].ID}},
		{View: "open", StageIDs: []int64{stages[0].ID, stages[len(stages)-1].ID}},
		{StageIDs: []int64{stages[len(stages)-1].ID}},
		// Owners, from analysis_created (keptOwnerTotals).
		{OwnerIDs: owners[:1]}, {OwnerIDs: owners}, {OwnerIDs: []int64{owners[1], owners[1]}},
		{OwnerIDs: owners[1:], View: "open"}, {OwnerIDs: owners[:1], StageIDs: []int64{stages[0].ID}},
		{OwnerIDs: owners[:2], Types: []string{"续约"}}, {OwnerIDs: owners[2:], Sources: []string{"展会", ""}, Types: []string{"新业务", ""}},
		{OwnerIDs: []int64{owners[0] + 1000}},
		// Close dates and sources, from the totals by close month.
		{CloseFrom: "2026-01-01", CloseTo: "2026-12-31"}, {CloseFrom: "2026-02-11", CloseTo: "2026-09-17"},
		{View: "open", CloseFrom: "2025-03-01"}, {Sources: []string{"展会"}}, {Sources: []string{"电话营销"}, CloseTo: "2025-12-31"},
	}
	for _, f := range tests {
		t.Run(fmt.Sprintf("%+v", f), func(t *testing.T) {
			if _, ok, err := store.KeptStageTotals(ctx, st.DB, f); err != nil || !ok {
				t.Fatalf("kept totals do not answer: %v", err)
			}
			got, err := store.StageTotals(ctx, st.DB, f)
			if err != nil {
				t.Fatal(err)
			}
			// Every row was created after 2000: the same rows, counted.
			counted := f
			counted.CreatedFrom = "2000-01-01"
			if _, ok, _ := store.KeptStageTotals(ctx, st.DB, counted); ok {
				t.Fatal("a creation date filter must be counted")
			}
			want, err := store.StageTotals(ctx, st.DB, counted)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("kept %+v\ncounted %+v", got, want)
			}
			// The list's total comes from the same kept totals.
			_, total, err := store.ListOpportunities(ctx, st.DB, f, 0, 10)
			if err != nil {
				t.Fatal(err)
			}
			_, counted2, err := store.ListOpportunities(ctx, st.DB, counted, 0, 10)
			if err != nil {
				t.Fatal(err)
			}
			if total != counted2 {
				t.Fatalf("list total %d, counted %d", total, counted2)
			}
		})
	}
}

// TestKeptTotalsStepAside: an amount too large for an exact split product
// sends the readers to the counting path, and the totals are exact again
// once it is gone.
func TestKeptTotalsStepAside(t *testing.T) {
	ctx := context.Background()
	st := storetest.New(t)
	owner := storetest.Owner(t, st, "甲")
	cust := storetest.Customer(t, st, "客户", owner)
	s := storetest.Stage(t, st, "初期沟通")
	add := func(amount int64) int64 {
		var id int64
		err := st.Tx(ctx, func(q store.Tx) error {
			var err error
			id, err = store.InsertOpportunity(ctx, q, store.Opportunity{Name: "大单", CustomerID: cust, OwnerID: owner,
				AmountCents: amount, StageID: s.ID, ProbabilityBP: 10000})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	add(500)
	huge := add(1 << 62)
	if _, ok, err := store.KeptStageTotals(ctx, st.DB, store.OpportunityFilter{}); err != nil || ok {
		t.Fatalf("kept totals used with a product beyond 64 bits (ok %v, %v)", ok, err)
	}
	if err := st.Tx(ctx, func(q store.Tx) error { _, err := store.DeleteOpportunities(ctx, q, []int64{huge}); return err }); err != nil {
		t.Fatal(err)
	}
	wantKeptEqualsFresh(t, st, "after the huge amount left")
}

// TestKeptTotalsImportIntoEmpty: an import into a database with no
// opportunities yet, whose file names a record twice (the second row moves
// it to another stage, or changes its amount) or whose new row is deleted
// before Finish. The stages' totals rows do not exist yet when the update
// runs: a subtraction that needs one was lost, and the funnel of a fresh
// database counted the record in both stages.
func TestKeptTotalsImportIntoEmpty(t *testing.T) {
	ctx := context.Background()
	st := storetest.New(t)
	owner := storetest.Owner(t, st, "甲")
	cust := storetest.Customer(t, st, "客户", owner)
	stages, err := store.ImportStages(ctx, st.DB)
	if err != nil {
		t.Fatal(err)
	}
	err = st.Tx(ctx, func(q store.Tx) error {
		w, err := store.NewImportWriter(ctx, q)
		if err != nil {
			return err
		}
		defer w.Close()
		var ids []int64
		for i, s := range stages[:4] {
			id, err := w.AddOpportunity(store.Opportunity{Name: fmt.Sprintf("机会%d", i), CustomerID: cust, OwnerID: owner,
				AmountCents: int64(1000 * (i + 1)), StageID: s.ID, ProbabilityBP: 2500, ExpectedClose: "2026-03-01"}, "")
			if err != nil {
				return err
			}
			ids = append(ids, id)
		}
		// A later row of the first record moves it to a stage nothing else is in.
		o, err := store.GetOpportunity(ctx, q, ids[0])
		if err != nil {
			return err
		}
		o.StageID, o.AmountCents = stages[5].ID, 777
		if _, _, err := w.UpdateOpportunity(ids[0], o, ""); err != nil {
			return err
		}
		// One keeps its stage and changes its amount; one is deleted.
		if o, err = store.GetOpportunity(ctx, q, ids[1]); err != nil {
			return err
		}
		o.AmountCents = 5
		if _, _, err := w.UpdateOpportunity(ids[1], o, ""); err != nil {
			return err
		}
		if _, err := store.DeleteOpportunities(ctx, q, ids[2:3]); err != nil {
			return err
		}
		return w.Finish()
	})
	if err != nil {
		t.Fatal(err)
	}
	wantKeptEqualsFresh(t, st, "import into an empty database")
}

// TestStageTotalsTriggers: every migration has run and the triggers that
// keep stage_totals exist (a later migration rebuilding opportunities would
// drop them with the table).
func TestStageTotalsTriggers(t *testing.T) {
	st := storetest.New(t)
	var names []string
	if err := st.DB.Select(&names, `SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'opportunities'
		AND name LIKE 'stage_totals_%' ORDER BY name`); err != nil {
		t.Fatal(err)
	}
	if want := []string{"stage_totals_delete", "stage_totals_insert", "stage_totals_update"}; !reflect.DeepEqual(names, want) {
		t.Fatalf("triggers %v, want %v", names, want)
	}
}
