package opportunity

import (
	"context"
	"fmt"
	"math/rand"
	"reflect"
	"testing"

	"funneldesk/backend/store"
)

// TestBoardKeptTotals: the board's columns read from the kept per-stage
// totals (no filter, a view, stages, owners) are those counted the long way
// (the same filter with a creation date before every row, which the kept
// totals cannot answer).
func TestBoardKeptTotals(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	stages, err := store.ListStages(ctx, f.st.DB)
	if err != nil {
		t.Fatal(err)
	}
	owners := []int64{f.zhang, f.li}
	rng := rand.New(rand.NewSource(5))
	err = f.st.Tx(ctx, func(q store.Tx) error {
		for i := range 300 {
			s := stages[rng.Intn(len(stages))]
			if _, err := store.InsertOpportunity(ctx, q, store.Opportunity{Name: fmt.Sprintf("机会%d", i), CustomerID: f.dashang,
				OwnerID: owners[rng.Intn(2)], AmountCents: rng.Int63n(5_000_000_000), StageID: s.ID, ProbabilityBP: rng.Intn(10001),
				ExpectedClose: fmt.Sprintf("2026-%02d-%02d", 1+rng.Intn(12), 1+rng.Intn(28))}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, flt := range []Filter{{}, {View: "open"}, {View: "won"}, {StageIDs: []int64{f.initial, f.won}},
		{OwnerIDs: []int64{f.zhang}}, {OwnerIDs: owners, View: "open"}} {
		t.Run(fmt.Sprintf("%+v", flt), func(t *testing.T) {
			if _, ok, err := store.KeptStageTotals(ctx, f.st.DB, flt); err != nil || !ok {
				t.Fatalf("kept totals do not answer (%v)", err)
			}
			got, err := f.s.Board(flt)
			if err != nil {
				t.Fatal(err)
			}
			// Every row was created after 2000: the same rows, counted.
			counted := flt
			counted.CreatedFrom = "2000-01-01"
			if _, ok, _ := store.KeptStageTotals(ctx, f.st.DB, counted); ok {
				t.Fatal("a creation date filter must be counted")
			}
			want, err := f.s.Board(counted)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("kept board\n%s\ncounted\n%s", boardSummary(got), boardSummary(want))
			}
			n := 0
			for _, c := range got.Columns {
				n += c.Count
			}
			if n == 0 {
				t.Fatal("an empty board proves nothing")
			}
		})
	}
}
