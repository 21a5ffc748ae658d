package store_test

import (
	"context"
	"fmt"
	"math/rand"
	"testing"
	"time"

	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
)

// TestSlippedCountIsAFreshCount: the 工作台's count of slipped open
// opportunities (from the kept totals by close month, this month's days
// counted) equals a count of the rows, whatever the day: the first and
// the last of a month, mid-month, New Year's Day, a day before or after
// every close date.
func TestSlippedCountIsAFreshCount(t *testing.T) {
	ctx := context.Background()
	st := storetest.New(t)
	owner := storetest.Owner(t, st, "张三")
	cust := storetest.Customer(t, st, "华东电子", owner)
	stages, err := store.ImportStages(ctx, st.DB)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewSource(9))
	err = st.Tx(ctx, func(q store.Tx) error {
		for i := range 400 {
			closeDate := ""
			if rng.Intn(10) > 0 {
				closeDate = time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.Intn(200)).Format("2006-01-02")
			}
			if _, err := store.InsertOpportunity(ctx, q, store.Opportunity{Name: fmt.Sprintf("机会%d", i), CustomerID: cust,
				OwnerID: owner, AmountCents: rng.Int63n(1_000_000_000), StageID: stages[rng.Intn(len(stages))].ID,
				ProbabilityBP: rng.Intn(10001), ExpectedClose: closeDate}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, today := range []string{"2025-12-01", "2025-12-31", "2025-12-15", "2026-01-01", "2026-02-28", "2025-09-01", "2026-08-01"} {
		var want int
		if err := st.DB.Get(&want, `SELECT COUNT(*) FROM opportunities WHERE stage_id IN (SELECT id FROM stages WHERE kind = 'open')
			AND expected_close > '' AND expected_close < ?`, today); err != nil {
			t.Fatal(err)
		}
		rows, n, err := store.SlippedOpportunities(ctx, st.DB, today, 5)
		if err != nil {
			t.Fatal(err)
		}
		if n != want {
			t.Errorf("%s: %d slipped, a count says %d", today, n, want)
		}
		if want > 0 && len(rows) != min(5, want) {
			t.Errorf("%s: %d rows for %d slipped", today, len(rows), want)
		}
	}
}
