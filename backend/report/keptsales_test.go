package report

import (
	"context"
	"fmt"
	"sort"
	"testing"

	"funneldesk/backend/order"
	"funneldesk/backend/product"
	"funneldesk/backend/store"
)

// TestKeptSalesEqualLines: the kept monthly product sales
// (product_month_sales) equal a sum of the order lines after orders are
// made, returned, voided (the fixture), restored, moved to another month
// and owner, edited and deleted; and the report's figures from them equal
// the lines' for months, owners and products.
func TestKeptSalesEqualLines(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	fresh := func(cond string, args ...any) string {
		t.Helper()
		var rows []store.SalesCell
		if err := f.st.DB.Select(&rows, `SELECT l.product_id, substr(o.signed_date, 1, 7) AS month,
			SUM(l.qty_milli - l.returned_qty_milli) AS qty, SUM(l.total_cents - l.returned_cents) AS amount
			FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.status <> 'voided' AND `+cond+`
			GROUP BY 1, 2 ORDER BY 1, 2`, args...); err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint(rows)
	}
	kept := func(sf store.SalesFilter) string {
		t.Helper()
		rows, err := store.ProductSales(ctx, f.st.DB, sf)
		if err != nil {
			t.Fatal(err)
		}
		// In the order of the fresh sum.
		m := map[string]store.SalesCell{}
		var keys []string
		for _, r := range rows {
			k := fmt.Sprintf("%09d %s", r.ProductID, r.Month)
			m[k] = r
			keys = append(keys, k)
		}
		sort.Strings(keys)
		out := []store.SalesCell{}
		for _, k := range keys {
			out = append(out, m[k])
		}
		return fmt.Sprint(out)
	}
	check := func(when string) {
		t.Helper()
		for _, c := range []struct {
			sf   store.SalesFilter
			cond string
			args []any
		}{
			{store.SalesFilter{From: "2025-01-01", To: "2027-01-01"}, "1", nil},
			{store.SalesFilter{From: "2026-02-01", To: "2026-04-01"}, "o.signed_date >= '2026-02-01' AND o.signed_date < '2026-04-01'", nil},
			{store.SalesFilter{From: "2026-01-01", To: "2026-12-01", OwnerIDs: []int64{f.zhang}}, "o.signed_date < '2026-12-01' AND o.owner_id = ?", []any{f.zhang}},
			{store.SalesFilter{From: "2026-01-01", To: "2026-12-01", ProductIDs: []int64{f.a.ID}}, "o.signed_date < '2026-12-01' AND l.product_id = ?", []any{f.a.ID}},
		} {
			if got, want := kept(c.sf), fresh(c.cond, c.args...); got != want {
				t.Errorf("%s, %+v: kept %s, lines %s", when, c.sf, got, want)
			}
		}
	}
	check("fixture")
	o4, err := f.os.Create(order.Input{CustomerID: f.other, OwnerID: f.li, SignedDate: "2026-03-15",
		Lines: []product.LineInput{{ProductID: f.a.ID, Quantity: "1"}, {ProductID: f.b.ID, Quantity: "4"}, {ProductID: f.a.ID, Quantity: "2"}}})
	if err != nil {
		t.Fatal(err)
	}
	check("created")
	for _, q := range []string{
		`UPDATE orders SET status = 'active' WHERE status = 'voided'`,
		`UPDATE orders SET signed_date = '2026-04-02', owner_id = ` + fmt.Sprint(f.zhang) + ` WHERE id = ` + fmt.Sprint(o4.Order.ID),
		`UPDATE order_lines SET returned_qty_milli = 1000, returned_cents = total_cents / 2 WHERE id = (SELECT MIN(id) FROM order_lines WHERE order_id = ` + fmt.Sprint(o4.Order.ID) + `)`,
		`UPDATE orders SET status = 'voided' WHERE id = ` + fmt.Sprint(o4.Order.ID),
		`UPDATE orders SET status = 'completed' WHERE id = ` + fmt.Sprint(o4.Order.ID),
		`DELETE FROM order_lines WHERE id = (SELECT MAX(id) FROM order_lines WHERE order_id = ` + fmt.Sprint(o4.Order.ID) + `)`,
	} {
		if _, err := f.st.W.ExecContext(ctx, q); err != nil {
			t.Fatal(q, err)
		}
		check(q)
	}
	if err := f.os.Delete(o4.Order.ID); err != nil {
		// Only some orders may be deleted; void it instead.
		if _, err := f.os.Void(o4.Order.ID, "测试"); err != nil {
			t.Fatal(err)
		}
	}
	check("deleted")
}

// TestKeptReceivablesByOwner: receivables by owner, from the kept per-day
// installment sums (installment_owner_days), equal a sum of the
// installments after receipts, returns and voids (the fixture), a new order,
// a reassigned and rescheduled installment, and a voided order; with owner
// and due date filters and several todays.
func TestKeptReceivablesByOwner(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	check := func(when string) {
		t.Helper()
		for _, today := range []string{"2026-01-01", "2026-03-15", "2026-12-31"} {
			for _, rf := range []store.ReceivableFilter{{}, {OwnerIDs: []int64{f.li}}, {DueFrom: "2026-02-01"}, {DueTo: "2026-03-31", OwnerIDs: []int64{f.zhang, f.li}}} {
				got, err := store.Receivables(ctx, f.st.DB, rf, "owner", today)
				if err != nil {
					t.Fatal(err)
				}
				from, to := rf.DueFrom, rf.DueTo
				if to == "" {
					to = "9999-12-31"
				}
				owners := rf.OwnerIDs
				if owners == nil {
					owners = []int64{f.zhang, f.li}
				}
				want := []store.ReceivableGroup{}
				if err := f.st.DB.Select(&want, `SELECT i.owner_id AS id, n.name, SUM(i.amount_cents) AS due, SUM(i.received_cents) AS received,
					SUM(CASE WHEN i.due_date < ? THEN i.amount_cents - i.received_cents ELSE 0 END) AS overdue
					FROM installments i JOIN owners n ON n.id = i.owner_id
					WHERE i.voided = 0 AND i.due_date >= ? AND i.due_date <= ? AND i.owner_id IN (?, ?)
					GROUP BY i.owner_id`, today, from, to, owners[0], owners[len(owners)-1]); err != nil {
					t.Fatal(err)
				}
				for i := range want {
					want[i].OutstandingCents = want[i].DueCents - want[i].ReceivedCents
				}
				sort.Slice(got, func(i, j int) bool { return got[i].ID < got[j].ID })
				sort.Slice(want, func(i, j int) bool { return want[i].ID < want[j].ID })
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("%s, today %s, %+v: kept %+v, installments %+v", when, today, rf, got, want)
				}
			}
		}
	}
	check("fixture")
	o, err := f.os.Create(order.Input{CustomerID: f.other, OwnerID: f.zhang, SignedDate: "2026-01-20",
		Lines: []product.LineInput{{ProductID: f.b.ID, Quantity: "10"}}})
	if err != nil {
		t.Fatal(err)
	}
	f.receive(t, o.Plan[0].ID, "300")
	check("new order")
	if _, err := f.st.W.ExecContext(ctx, `UPDATE installments SET owner_id = ?, due_date = '2026-02-20' WHERE id = ?`, f.li, o.Plan[0].ID); err != nil {
		t.Fatal(err)
	}
	check("reassigned")
	if _, err := f.st.W.ExecContext(ctx, `UPDATE installments SET voided = 1 WHERE order_id = ?`, o.Order.ID); err != nil {
		t.Fatal(err)
	}
	check("voided")
	// The voided March order's unpaid installments back, then deleted.
	for _, q := range []string{`UPDATE installments SET voided = 0 WHERE voided = 1 AND order_id <> ?`,
		`DELETE FROM installments WHERE voided = 0 AND order_id <> ? AND id NOT IN (SELECT installment_id FROM receipts)`} {
		res, err := f.st.W.ExecContext(ctx, q, o.Order.ID)
		if err != nil {
			t.Fatal(err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			t.Fatalf("%s changed nothing", q)
		}
		check(q)
	}
	check("deleted")
}
