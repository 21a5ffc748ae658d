package importer

import (
	"context"
	"path/filepath"
	"testing"

	"funneldesk/backend/store"
)

// openDB returns a fresh migrated database in t.TempDir().
func openDB(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// counts are the sizes of the tables an import writes.
type counts struct{ opps, customers, owners, history int }

func countRows(t testing.TB, st *store.Store) counts {
	t.Helper()
	var c counts
	for _, q := range []struct {
		dst   *int
		table string
	}{{&c.opps, "opportunities"}, {&c.customers, "customers"}, {&c.owners, "owners"}, {&c.history, "stage_history"}} {
		if err := st.DB.Get(q.dst, `SELECT COUNT(*) FROM `+q.table); err != nil {
			t.Fatalf("count %s: %v", q.table, err)
		}
	}
	return c
}

// imported is an opportunity as the tests compare it.
type imported struct {
	Name, Customer, Owner, Stage, Close, Type, Source string
	Cents                                             int64
	BP                                                int
}

// listOpps returns every opportunity in id order.
func listOpps(t testing.TB, st *store.Store) []store.Opportunity {
	t.Helper()
	var out []store.Opportunity
	err := store.EachOpportunity(context.Background(), st.DB, store.OpportunityFilter{Sort: "createdAt"}, func(o store.Opportunity) error {
		out = append(out, o)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func summarize(os []store.Opportunity) []imported {
	out := make([]imported, len(os))
	for i, o := range os {
		out[i] = imported{Name: o.Name, Customer: o.CustomerName, Owner: o.OwnerName, Stage: o.StageName,
			Close: o.ExpectedClose, Type: o.Type, Source: o.Source, Cents: o.AmountCents, BP: o.ProbabilityBP}
	}
	return out
}

// mustImport imports src and fails the test on any error.
func mustImport(t testing.TB, st *store.Store, src Source, opts Options) Result {
	t.Helper()
	res, err := Import(context.Background(), st, src, opts)
	if err != nil {
		if re, ok := err.(*RowErrors); ok {
			for _, e := range re.Errors {
				t.Log(FormatRowError(e))
			}
		}
		t.Fatalf("import %s: %v", src.Name, err)
	}
	return res
}

// checkIntegrity fails the test if a reference is dangling or the
// connection was left without its foreign key checks.
func checkIntegrity(t testing.TB, st *store.Store) {
	t.Helper()
	var fk int
	if err := st.DB.Get(&fk, `PRAGMA foreign_keys`); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d (%v) after an import, want 1", fk, err)
	}
	rows, err := st.DB.Query(`PRAGMA foreign_key_check`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	if rows.Next() {
		t.Errorf("foreign_key_check reports dangling references")
	}
}
