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
	kd, fd, err := store.CreatedDaysCheck(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(kd, fd) {
		t.Errorf("%s: kept created days %v, counted %v", step, kd, fd)
	}
}
