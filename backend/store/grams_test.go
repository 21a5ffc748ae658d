package store_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
)

// freshGrams computes, in Go, the grams migration 0025 keeps for table's
// names: for each position the two characters starting there (ASCII
// lower-cased), the last character alone.
func freshGrams(t *testing.T, q store.Querier, table string) []string {
	t.Helper()
	var rows []struct {
		ID   int64  `db:"id"`
		Name string `db:"name"`
	}
	if err := q.SelectContext(context.Background(), &rows, `SELECT id, name FROM `+table); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var out []string
	for _, r := range rows {
		rs := []rune(strings.Map(func(c rune) rune {
			if c >= 'A' && c <= 'Z' {
				return c + 32
			}
			return c
		}, r.Name))
		for i := range rs {
			g := string(rs[i:min(i+2, len(rs))])
			k := fmt.Sprintf("%s\x00%d", g, r.ID)
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	return sortStrings(out)
}

func sortStrings(s []string) []string {
	if s == nil {
		s = []string{}
	}
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	return s
}

// wantGramsFresh fails unless every bigram table holds exactly the grams of
// its rows' names.
func wantGramsFresh(t *testing.T, q store.Querier, step string) {
	t.Helper()
	for table, grams := range map[string]string{"customers": "customer_grams", "contacts": "contact_grams",
		"opportunities": "opportunity_grams"} {
		var kept []string
		if err := q.SelectContext(context.Background(), &kept, `SELECT gram || char(0) || id FROM `+grams); err != nil {
			t.Fatal(err)
		}
		if fresh := freshGrams(t, q, table); !reflect.DeepEqual(sortStrings(kept), fresh) {
			t.Fatalf("%s: %s holds %d grams, the names have %d", step, grams, len(kept), len(fresh))
		}
	}
}

// TestGramsKept writes customers, contacts and opportunities in every way
// the app does and checks the bigram tables after each write (the stage
// totals test checks them too, after its imports, undo and restore).
func TestGramsKept(t *testing.T) {
	ctx := context.Background()
	st := storetest.New(t)
	owner := storetest.Owner(t, st, "张三")
	stage := storetest.Stage(t, st, "初期沟通")
	tx := func(fn func(tx store.Tx) error) {
		t.Helper()
		if err := st.Tx(ctx, fn); err != nil {
			t.Fatal(err)
		}
	}
	var cust, contact, opp int64
	var importID int64
	steps := []struct {
		name string
		do   func()
	}{
		{"insert", func() {
			tx(func(q store.Tx) error {
				var err error
				if cust, err = store.InsertCustomer(ctx, q, store.Customer{Name: "华东ABC电子", OwnerID: &owner}); err != nil {
					return err
				}
				if contact, err = store.InsertContact(ctx, q, store.Contact{CustomerID: cust, Name: "李华"}); err != nil {
					return err
				}
				opp, err = store.InsertOpportunity(ctx, q, store.Opportunity{Name: "ERP年度续约", CustomerID: cust, OwnerID: owner, StageID: stage.ID})
				return err
			})
		}},
		{"entity import (triggers paused, grams added at Finish)", func() {
			if err := st.ImportTx(ctx, func(q store.Tx) error {
				w, err := store.NewEntityWriter(ctx, q)
				if err != nil {
					return err
				}
				defer w.Close()
				c, err := w.AddCustomer(store.ImportedCustomer{Name: "导入华强科技", OwnerID: &owner})
				if err != nil {
					return err
				}
				ct, err := w.AddContact(store.Contact{CustomerID: c, Name: "王小明"})
				if err != nil {
					return err
				}
				// A row the same file names again: its update runs while the
				// insert trigger is paused.
				if _, err := w.UpdateContact(store.Contact{ID: ct, CustomerID: c, Name: "王晓明"}); err != nil {
					return err
				}
				return w.Finish()
			}); err != nil {
				t.Fatal(err)
			}
		}},
		{"entity import rolled back", func() {
			err := st.ImportTx(ctx, func(q store.Tx) error {
				w, err := store.NewEntityWriter(ctx, q)
				if err != nil {
					return err
				}
				defer w.Close()
				if _, err := w.AddCustomer(store.ImportedCustomer{Name: "不会留下", OwnerID: &owner}); err != nil {
					return err
				}
				return errors.New("a bad row")
			})
			if err == nil {
				t.Fatal("the import should have failed")
			}
			var n int
			if err := st.DB.Get(&n, `SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ('customer_grams_insert', 'contact_grams_insert')`); err != nil || n != 2 {
				t.Fatalf("paused triggers back after a failed import: %d %v", n, err)
			}
		}},
		{"rename", func() {
			tx(func(q store.Tx) error {
				c, err := store.GetCustomer(ctx, q, cust)
				if err != nil {
					return err
				}
				c.Name = "华南电子"
				if err := store.UpdateCustomer(ctx, q, c); err != nil {
					return err
				}
				ct, err := store.GetContact(ctx, q, contact)
				if err != nil {
					return err
				}
				ct.Name = "Li Hua"
				if err := store.UpdateContact(ctx, q, ct); err != nil {
					return err
				}
				o, err := store.GetOpportunity(ctx, q, opp)
				if err != nil {
					return err
				}
				o.Name = "CRM 二期"
				return store.UpdateOpportunity(ctx, q, o)
			})
		}},
		{"case-only rename", func() {
			tx(func(q store.Tx) error {
				o, err := store.GetOpportunity(ctx, q, opp)
				if err != nil {
					return err
				}
				o.Name = "crm 二期"
				return store.UpdateOpportunity(ctx, q, o)
			})
		}},
		{"import", func() {
			tx(func(q store.Tx) error {
				w, err := store.NewImportWriter(ctx, q)
				if err != nil {
					return err
				}
				defer w.Close()
				var added []int64
				for i := range 20 {
					c, err := w.AddCustomer(store.Customer{Name: fmt.Sprintf("导入客户%d", i), OwnerID: &owner})
					if err != nil {
						return err
					}
					id, err := w.AddOpportunity(store.Opportunity{Name: fmt.Sprintf("导入机会%d", i), CustomerID: c, OwnerID: owner, StageID: stage.ID}, "")
					if err != nil {
						return err
					}
					added = append(added, id)
				}
				// An upsert's second row renames a row of the same import.
				o, err := store.GetOpportunity(ctx, q, added[2])
				if err != nil {
					return err
				}
				o.Name = "改名的机会"
				if err := store.UpdateOpportunity(ctx, q, o); err != nil {
					return err
				}
				if _, err := store.DeleteOpportunities(ctx, q, added[5:7]); err != nil {
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
		}},
		{"undo import", func() {
			tx(func(q store.Tx) error { return store.UndoImport(ctx, q, importID, nil, store.Now(), nil) })
		}},
		{"bin and restore", func() {
			var b store.Bundle
			tx(func(q store.Tx) error {
				var err error
				if b, err = store.CaptureBundle(ctx, q, "customers", []int64{cust}); err != nil {
					return err
				}
				return store.RemoveBundle(ctx, q, b)
			})
			wantGramsFresh(t, st.DB, "to the bin")
			tx(func(q store.Tx) error { return store.RestoreBundle(ctx, q, b) })
		}},
		{"delete", func() {
			tx(func(q store.Tx) error {
				if err := store.DeleteContact(ctx, q, contact); err != nil {
					return err
				}
				_, err := store.DeleteOpportunities(ctx, q, []int64{opp})
				return err
			})
		}},
	}
	for _, s := range steps {
		s.do()
		wantGramsFresh(t, st.DB, s.name)
	}
}

// wantMonthTotalsFresh checks the totals by month and source (migration
// 0025) against a fresh count under close date and source filters: whole
// months, partial months at either end, open ends, sources.
func wantMonthTotalsFresh(t *testing.T, q store.Querier, step string) {
	t.Helper()
	ctx := context.Background()
	var srcs []string
	if err := q.SelectContext(ctx, &srcs, `SELECT DISTINCT source FROM opportunities ORDER BY 1 LIMIT 2`); err != nil {
		t.Fatal(err)
	}
	if len(srcs) == 0 {
		srcs = []string{"展会"}
	}
	filters := []store.OpportunityFilter{
		{CloseFrom: "2026-01-01", CloseTo: "2026-12-31"},
		{CloseFrom: "2026-01-15", CloseTo: "2026-03-10"},
		{CloseFrom: "2026-02-03", CloseTo: "2026-02-20"},
		{CloseFrom: "2026-02-01", CloseTo: "2026-02-28"},
		{CloseFrom: "2026-03-09"},
		{CloseTo: "2026-05-17"},
		{CloseTo: "2026-04-30", View: "open"},
		{Sources: srcs},
		{Sources: srcs[:1], CloseFrom: "2025-06-02", CloseTo: "2026-06-30"},
	}
	for _, f := range filters {
		kept, ok, err := store.KeptStageTotals(ctx, q, f)
		if err != nil || !ok {
			t.Fatalf("%s %+v: ok %v, %v", step, f, ok, err)
		}
		conds := []string{"1"}
		var args []any
		if f.CloseFrom != "" {
			conds, args = append(conds, "expected_close >= ?"), append(args, f.CloseFrom)
		}
		if f.CloseTo != "" {
			conds, args = append(conds, "expected_close <> '' AND expected_close <= ?"), append(args, f.CloseTo)
		}
		if f.View != "" {
			conds, args = append(conds, "stage_id IN (SELECT id FROM stages WHERE kind = ?)"), append(args, f.View)
		}
		if len(f.Sources) > 0 {
			conds = append(conds, "source IN (?"+strings.Repeat(",?", len(f.Sources)-1)+")")
			for _, s := range f.Sources {
				args = append(args, s)
			}
		}
		var fresh []struct {
			StageID int64 `db:"stage_id"`
			N       int   `db:"n"`
			Amount  int64 `db:"amount"`
			W       int64 `db:"w"`
		}
		if err := q.SelectContext(ctx, &fresh, `SELECT stage_id, COUNT(*) AS n, SUM(amount_cents) AS amount,
			SUM(amount_cents * probability_bp) AS w FROM opportunities WHERE `+strings.Join(conds, " AND ")+
			` GROUP BY stage_id ORDER BY stage_id`, args...); err != nil {
			t.Fatal(err)
		}
		got := []string{}
		for _, k := range kept {
			got = append(got, fmt.Sprintf("%d:%d:%d:%s", k.StageID, k.Count, k.AmountCents, k.Weighted))
		}
		want := []string{}
		for _, r := range fresh {
			want = append(want, fmt.Sprintf("%d:%d:%d:%d", r.StageID, r.N, r.Amount, r.W))
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s %+v: kept %v, counted %v", step, f, got, want)
		}
	}
}

// TestGramTriggers checks that the triggers of migrations 0025, 0027, 0030
// and 0039 exist after every migration: one that rebuilds customers,
// contacts, opportunities, leads, tasks, quotes or orders (DROP TABLE drops
// their triggers) must create them again.
func TestGramTriggers(t *testing.T) {
	st := storetest.New(t)
	var names []string
	if err := st.DB.Select(&names, `SELECT tbl_name || '.' || name FROM sqlite_master WHERE type = 'trigger'
		AND (name LIKE '%_grams_%' OR name LIKE 'stage_month_totals_%') ORDER BY 1`); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"contacts.contact_grams_delete", "contacts.contact_grams_insert", "contacts.contact_grams_update",
		"customers.customer_grams_delete", "customers.customer_grams_insert", "customers.customer_grams_update",
		"leads.lead_grams_delete", "leads.lead_grams_insert", "leads.lead_grams_update",
		"opportunities.opportunity_grams_delete", "opportunities.opportunity_grams_insert", "opportunities.opportunity_grams_update",
		"opportunities.stage_month_totals_delete", "opportunities.stage_month_totals_insert", "opportunities.stage_month_totals_update",
		"orders.order_grams_delete", "orders.order_grams_insert", "orders.order_grams_update",
		"quotes.quote_grams_delete", "quotes.quote_grams_insert", "quotes.quote_grams_update",
		"tasks.task_grams_delete", "tasks.task_grams_insert", "tasks.task_grams_update",
	}
	if !reflect.DeepEqual(names, want) {
		t.Fatalf("triggers %v, want %v", names, want)
	}
}
