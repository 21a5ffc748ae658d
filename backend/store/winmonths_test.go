package store_test

import (
	"context"
	"fmt"
	"math/rand"
	"reflect"
	"testing"
	"time"

	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
)

// TestWonActualsFromKeptMonths: the won amount by owner and month (whole
// months from win_months, the days of partial months from the wins)
// equals a sum of the wins themselves, for whole and cut months, one day,
// an empty range, every owner and some.
func TestWonActualsFromKeptMonths(t *testing.T) {
	ctx := context.Background()
	st := storetest.New(t)
	owners := []int64{storetest.Owner(t, st, "甲"), storetest.Owner(t, st, "乙"), storetest.Owner(t, st, "丙")}
	cust := storetest.Customer(t, st, "客户", owners[0])
	stages, err := store.ImportStages(ctx, st.DB)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewSource(13))
	err = st.Tx(ctx, func(q store.Tx) error {
		w, err := store.NewImportWriter(ctx, q)
		if err != nil {
			return err
		}
		defer w.Close()
		for i := range 300 {
			s := stages[rng.Intn(len(stages))]
			closedAt := ""
			if s.Kind != "open" {
				closedAt = time.Date(2025, 11, 1, 10, 0, 0, 0, time.UTC).AddDate(0, 0, rng.Intn(150)).Format(time.RFC3339)
			}
			if _, err := w.AddOpportunity(store.Opportunity{Name: fmt.Sprintf("机会%d", i), CustomerID: cust,
				OwnerID: owners[rng.Intn(3)], AmountCents: rng.Int63n(1_000_000_000), StageID: s.ID,
				ProbabilityBP: 5000}, closedAt); err != nil {
				return err
			}
		}
		return w.Finish()
	})
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		owner int64
		month string
	}
	for _, r := range [][2]string{{"2025-01-01", "2026-12-31"}, {"2025-11-01", "2026-03-31"}, {"2025-11-17", "2026-02-09"},
		{"2025-12-05", "2025-12-20"}, {"2026-01-31", "2026-01-31"}, {"2026-03-01", "2026-02-28"}, {"2026-02-01", "2026-02-28"}} {
		for _, who := range [][]int64{nil, owners[:1], owners[1:]} {
			all := who == nil
			got, err := store.Actuals(ctx, st.DB, "won_amount", r[0], r[1], all, who)
			if err != nil {
				t.Fatal(err)
			}
			gotBy := map[key]int64{}
			for _, a := range got {
				gotBy[key{a.OwnerID, a.Month}] += a.Value
			}
			var rows []struct {
				Owner  int64  `db:"owner_id"`
				Month  string `db:"month"`
				Amount int64  `db:"amount"`
			}
			cond, args := "", []any{r[0], r[1]}
			if !all {
				cond = " AND owner_id IN (" + fmt.Sprint(who[0])
				for _, o := range who[1:] {
					cond += ", " + fmt.Sprint(o)
				}
				cond += ")"
			}
			if err := st.DB.Select(&rows, `SELECT owner_id, substr(won_on, 1, 7) AS month, SUM(amount_cents) AS amount
				FROM opportunity_wins WHERE won_on >= ? AND won_on <= ?`+cond+` GROUP BY 1, 2`, args...); err != nil {
				t.Fatal(err)
			}
			want := map[key]int64{}
			for _, x := range rows {
				want[key{x.Owner, x.Month}] = x.Amount
			}
			if !reflect.DeepEqual(gotBy, want) || len(got) != len(want) {
				t.Errorf("%v owners %v: %v, summed %v", r, who, gotBy, want)
			}
			if r == [2]string{"2025-01-01", "2026-12-31"} && all && len(want) < 6 {
				t.Fatalf("too few wins to prove anything: %v", want)
			}
		}
	}
}
