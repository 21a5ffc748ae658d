package funnel_test

import (
	"context"
	"fmt"
	"math/rand"
	"reflect"
	"testing"

	"funneldesk/backend/funnel"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
)

// TestKeptTotalsFunnel: on generated data the unfiltered funnel, read from
// the kept per-stage totals, equals the counted one to the cent, including
// when Σ amount × probability leaves 64 bits (the counted path then
// regroups by probability in big.Int; the kept one joins its two parts).
func TestKeptTotalsFunnel(t *testing.T) {
	for _, tc := range []struct {
		name      string
		maxAmount int64
	}{
		{"everyday amounts", 100_000_000},
		{"sums beyond 64 bits", 100_000_000_000_000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			st := storetest.New(t)
			owner := storetest.Owner(t, st, "甲")
			cust := storetest.Customer(t, st, "客户", owner)
			stages, err := store.OrderedStages(ctx, st.DB)
			if err != nil {
				t.Fatal(err)
			}
			rng := rand.New(rand.NewSource(11))
			err = st.Tx(ctx, func(q store.Tx) error {
				for i := range 400 {
					s := stages[rng.Intn(len(stages))]
					if _, err := store.InsertOpportunity(ctx, q, store.Opportunity{Name: fmt.Sprintf("机会%d", i), CustomerID: cust,
						OwnerID: owner, AmountCents: rng.Int63n(tc.maxAmount), StageID: s.ID, ProbabilityBP: 5000 + rng.Intn(5001)}); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			of := funnel.OpportunityFilter(funnel.Filter{}, 0)
			if _, ok, err := store.KeptStageTotals(ctx, st.DB, of); err != nil || !ok {
				t.Fatalf("the unfiltered funnel is not answered by the kept totals (%v)", err)
			}
			rep, err := funnel.Compute(ctx, st.DB, funnel.Filter{})
			if err != nil {
				t.Fatal(err)
			}
			counted, err := funnel.CountedFigures(ctx, st.DB, of)
			if err != nil {
				t.Fatal(err)
			}
			rows, total := funnel.Arrange(stages, counted)
			if !reflect.DeepEqual(rep.Stages, rows) || rep.Total != total {
				t.Fatalf("kept\n%+v %+v\ncounted\n%+v %+v", rep.Stages, rep.Total, rows, total)
			}
			if total.Count != 400 {
				t.Fatalf("total count %d", total.Count)
			}
		})
	}
}
