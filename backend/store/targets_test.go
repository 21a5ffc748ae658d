package store_test

import (
	"context"
	"reflect"
	"testing"

	"funneldesk/backend/store"
)

// wantTargetFactsKept checks the facts migration 0019 keeps for targets
// (opportunity_wins, opportunity_created_days) equal a count from scratch;
// TestKeptStageTotals calls it after each kind of write.
func wantTargetFactsKept(t *testing.T, q store.Querier, step string) {
	t.Helper()
	ctx := context.Background()
	kept, err := store.KeptWins(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := store.WinsFromHistory(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(kept, fresh) {
		t.Errorf("%s: kept wins %v, from history %v", step, kept, fresh)
	}
	// The won amounts by month and owner (migration 0034).
	var keptMonths, freshMonths []struct {
		Month  string `db:"month"`
		Owner  int64  `db:"owner_id"`
		N      int64  `db:"n"`
		Amount int64  `db:"amount"`
	}
	if err := q.SelectContext(ctx, &keptMonths, `SELECT month, owner_id, n, amount FROM win_months WHERE n <> 0 ORDER BY 1, 2`); err != nil {
		t.Fatal(err)
	}
	if err := q.SelectContext(ctx, &freshMonths, `SELECT substr(won_on, 1, 7) AS month, owner_id, COUNT(*) AS n, SUM(amount_cents) AS amount
		FROM opportunity_wins GROUP BY 1, 2 ORDER BY 1, 2`); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(keptMonths, freshMonths) {
		t.Errorf("%s: kept won months %v, summed %v", step, keptMonths, freshMonths)
	}
	var stray int
	if err := q.GetContext(ctx, &stray, `SELECT COUNT(*) FROM win_months WHERE n = 0 AND amount <> 0`); err != nil || stray != 0 {
		t.Errorf("%s: %d empty won months with amounts (%v)", step, stray, err)
	}
	kd, fd, err := store.CreatedDaysCheck(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(kd, fd) {
		t.Errorf("%s: kept created days %v, counted %v", step, kd, fd)
	}
}
