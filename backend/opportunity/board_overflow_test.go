package opportunity_test

import (
	"context"
	"testing"

	"funneldesk/backend/opportunity"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
	"funneldesk/backend/svc"
)

// The board still shows counts and amounts when Σ amount × probability
// leaves 64 bits.
func TestBoardWithHugeAmounts(t *testing.T) {
	ctx := context.Background()
	st := storetest.New(t)
	o := storetest.Owner(t, st, "张三")
	c := storetest.Customer(t, st, "大客户", o)
	s := storetest.Stage(t, st, "商务谈判")
	const n, amount = 100, int64(99_999_999_999_999)
	for i := 0; i < n; i++ {
		if _, err := store.InsertOpportunity(ctx, st.W, store.Opportunity{Name: "巨单", CustomerID: c, OwnerID: o,
			StageID: s.ID, AmountCents: amount, ProbabilityBP: 9999}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := store.StageTotals(ctx, st.DB, store.OpportunityFilter{}); !store.IsOverflow(err) {
		t.Fatalf("StageTotals = %v, want an overflow for this data", err)
	}
	// The whole board and the owner's (kept totals by owner, 0026).
	for _, f := range []opportunity.Filter{{}, {OwnerIDs: []int64{o}}} {
		b, err := opportunity.NewService(st, svc.New(nil)).Board(f)
		if err != nil {
			t.Fatal(err)
		}
		seen := false
		for _, col := range b.Columns {
			if col.Stage.ID == s.ID {
				seen = true
				if col.Count != n || col.AmountCents != n*amount || len(col.Cards) != 50 {
					t.Fatalf("%+v: column %s: count %d amount %d cards %d", f, col.Stage.Name, col.Count, col.AmountCents, len(col.Cards))
				}
			}
		}
		if !seen {
			t.Fatalf("%+v: no column of the stage", f)
		}
	}
}
