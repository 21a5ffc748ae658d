package changes_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"testing"
	"time"

	"funneldesk/backend/changes"
	"funneldesk/backend/reportframe"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
)

// TestFastMatchesReconstruction compares the SQL pass with the Go
// reconstruction on a few thousand opportunities with random histories:
// creations on any day, every field edited, stage moves both ways, several
// edits within one second, the clock set back now and then, deletions,
// and the filters (owners, an empty team, type, source).
func TestFastMatchesReconstruction(t *testing.T) {
	ctx := context.Background()
	const days = 40
	st, owners, start := randomHistory(t, days)
	day := func(d int) string { return start.AddDate(0, 0, d).Format("2006-01-02") }
	spans := [][2]int{{-1, days}, {5, 12}, {10, 11}, {0, 30}, {20, 39}, {-3, 2}, {15, 15}}
	filters := []reportframe.Filters{{}, {OwnerIDs: []int64{owners[0]}}, {OwnerIDs: []int64{owners[1], owners[2]}},
		{Type: "新客户"}, {Source: "网站", OwnerIDs: []int64{owners[2]}}}
	truncated := false
	for _, sp := range spans {
		for fi, f := range filters {
			f.From, f.To = day(sp[0]), day(sp[1])
			sc, err := reportframe.Check(ctx, st.DB, f)
			if err != nil {
				t.Fatal(err)
			}
			scopes := []reportframe.Scope{sc}
			if fi == 0 {
				empty := sc
				empty.AllOwners, empty.Owners = false, nil
				scopes = append(scopes, empty)
			}
			for _, sc := range scopes {
				want, err := changes.Reconstructed(ctx, st.DB, sc)
				if err != nil {
					t.Fatal(err)
				}
				wj, _ := json.Marshal(want)
				for name, compute := range map[string]func(context.Context, store.Querier, reportframe.Scope) (changes.Report, error){
					"kept": changes.Compute, "sql": changes.SQLPass} {
					got, err := compute(ctx, st.DB, sc)
					if err != nil {
						t.Fatal(err)
					}
					gj, _ := json.Marshal(got)
					if string(wj) != string(gj) {
						t.Errorf("%s: %s..%s filters %+v all=%v:\n got %s\nwant %s", name, f.From, f.To, f, sc.AllOwners, gj, wj)
					}
				}
				listed := 0
				for _, g := range want.Groups {
					listed += g.Count
					truncated = truncated || g.Truncated
				}
				if listed == 0 && sp[0] < sp[1] && fi == 0 && sc.AllOwners {
					t.Errorf("%s..%s: nothing changed, the test proves nothing", f.From, f.To)
				}
			}
		}
	}
	if !truncated {
		t.Error("no kind held more than MaxItems: the cap is not compared")
	}
}

// checkKept fails the test when what migration 0031 keeps differs from a
// fresh computation.
func checkKept(t *testing.T, st *store.Store) {
	t.Helper()
	diff, err := store.ChangeMarksDiff(context.Background(), st.DB)
	if err != nil {
		t.Fatal(err)
	}
	if diff != "" {
		t.Fatalf("kept change marks differ from a fresh computation:\n%s", diff)
	}
}

// randomHistory is a database of a few thousand opportunities with random
// histories over days days from its start: creations on any day, every
// field edited, stage moves both ways, several edits within one second,
// the clock set back now and then, deletions; the kept change marks are
// checked every ten days.
func randomHistory(t *testing.T, days int) (*store.Store, []int64, time.Time) {
	ctx := context.Background()
	st := storetest.New(t)
	var now time.Time
	store.SetClock(func() time.Time { return now })
	t.Cleanup(func() { store.SetClock(nil) })
	owners := []int64{storetest.Owner(t, st, "张三"), storetest.Owner(t, st, "李四"), storetest.Owner(t, st, "王五")}
	cust := storetest.Customer(t, st, "大商股份", owners[0])
	stages, err := store.OrderedStages(ctx, st.DB)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewSource(12))
	start := time.Date(2026, 1, 1, 9, 0, 0, 0, time.Local)
	var ids []int64
	stageOf := map[int64]int64{}
	for d := 0; d < days; d++ {
		now = start.AddDate(0, 0, d)
		err := st.Tx(ctx, func(tx store.Tx) error {
			step := func() {
				switch r := rng.Intn(20); {
				case r == 0 && d > 0:
					now = now.AddDate(0, 0, -1-rng.Intn(3)) // the clock set back
				case r < 8:
					// the same second: ties in changed_at
				default:
					now = now.Add(time.Duration(rng.Intn(3600)) * time.Second)
				}
			}
			for i := 0; i < 100; i++ {
				step()
				s := stages[rng.Intn(len(stages))].ID
				res, err := tx.ExecContext(ctx, `INSERT INTO opportunities (name, customer_id, type, source, owner_id, amount_cents,
					expected_close, stage_id, probability_bp, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
					fmt.Sprintf("商机%d-%d", d, i), cust, []string{"", "新客户", "老客户"}[rng.Intn(3)],
					[]string{"展会", "网站"}[rng.Intn(2)], owners[rng.Intn(3)], rng.Int63n(5)*100000,
					[]string{"", "2026-02-10", "2026-03-01", "2026-04-15"}[rng.Intn(4)], s, rng.Intn(11)*1000,
					store.Now(), store.Now())
				if err != nil {
					return err
				}
				id, _ := res.LastInsertId()
				ids = append(ids, id)
				stageOf[id] = s
				if _, err := tx.ExecContext(ctx, `INSERT INTO stage_history (opportunity_id, from_stage_id, to_stage_id, changed_at)
					VALUES (?, NULL, ?, ?)`, id, s, store.Now()); err != nil {
					return err
				}
			}
			for i := 0; i < 250; i++ {
				step()
				id := ids[rng.Intn(len(ids))]
				if _, ok := stageOf[id]; !ok {
					continue
				}
				var q string
				var args []any
				switch rng.Intn(6) {
				case 0:
					q, args = `UPDATE opportunities SET amount_cents = ? WHERE id = ?`, []any{rng.Int63n(5) * 100000, id}
				case 1:
					q, args = `UPDATE opportunities SET probability_bp = ? WHERE id = ?`, []any{rng.Intn(11) * 1000, id}
				case 2:
					q, args = `UPDATE opportunities SET expected_close = ? WHERE id = ?`,
						[]any{[]string{"", "2026-02-01", "2026-03-01", "2026-05-20"}[rng.Intn(4)], id}
				case 3:
					q, args = `UPDATE opportunities SET owner_id = ? WHERE id = ?`, []any{owners[rng.Intn(3)], id}
				case 4:
					to := stages[rng.Intn(len(stages))].ID
					if _, err := tx.ExecContext(ctx, `INSERT INTO stage_history (opportunity_id, from_stage_id, to_stage_id, changed_at)
						VALUES (?, ?, ?, ?)`, id, stageOf[id], to, store.Now()); err != nil {
						return err
					}
					stageOf[id] = to
					q, args = `UPDATE opportunities SET stage_id = ? WHERE id = ?`, []any{to, id}
				default:
					if rng.Intn(10) > 0 {
						continue
					}
					delete(stageOf, id)
					q, args = `DELETE FROM opportunities WHERE id = ?`, []any{id}
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
		if d%10 == 9 {
			checkKept(t, st)
		}
	}
	checkKept(t, st)
	return st, owners, start
}
