package store

import (
	"context"
	"fmt"
	"strings"
)

// ReceivableFilter selects the installments the receivables report sums.
// Installments of voided orders never count.
type ReceivableFilter struct {
	// OwnerIDs are the installments' responsible owners.
	OwnerIDs   []int64 `json:"ownerIds"`
	CustomerID int64   `json:"customerId"`
	// Query matches the customer's name.
	Query string `json:"query"`
	// DueFrom and DueTo bound the due date, both inclusive (YYYY-MM-DD).
	DueFrom string `json:"dueFrom"`
	DueTo   string `json:"dueTo"`
}

// ReceivableGroup is what one customer or one owner is due, has paid and
// has overdue.
type ReceivableGroup struct {
	ID            int64  `db:"id" json:"id"`
	Name          string `db:"name" json:"name"`
	DueCents      int64  `db:"due" json:"dueCents"`
	ReceivedCents int64  `db:"received" json:"receivedCents"`
	OverdueCents  int64  `db:"overdue" json:"overdueCents"`
	// OutstandingCents = DueCents − ReceivedCents.
	OutstandingCents int64 `db:"-" json:"outstandingCents"`
}

func (f ReceivableFilter) where() where {
	var w where
	w.add("i.voided = 0")
	w.ints("i.owner_id", f.OwnerIDs)
	if f.CustomerID != 0 {
		w.add("i.customer_id = ?", f.CustomerID)
	}
	if s := strings.TrimSpace(f.Query); s != "" {
		w.add(`i.customer_id IN (SELECT id FROM customers WHERE name LIKE ? ESCAPE '\')`, "%"+escapeLike(s)+"%")
	}
	w.dateRange("i.due_date", f.DueFrom, f.DueTo)
	return w
}

// Receivables sums the installments matching f per customer (by
// "customer") or per responsible owner (by "owner"), overdue as of today.
//
// Per customer without owners or due dates chosen, the sums come from the
// orders instead, whose figures the store keeps: an order's plan always adds
// up to max(net, received) (order.SetPlan and the trimming after returns
// keep it so), so it reads half the rows. Only what is overdue is read from
// the installments still unpaid.
func Receivables(ctx context.Context, q Querier, f ReceivableFilter, by, today string) ([]ReceivableGroup, error) {
	if by != "owner" && len(f.OwnerIDs) == 0 && f.DueFrom == "" && f.DueTo == "" {
		return receivablesFromOrders(ctx, q, f, today)
	}
	if by == "owner" && f.CustomerID == 0 && strings.TrimSpace(f.Query) == "" {
		return receivablesByOwnerKept(ctx, q, f, today)
	}
	return receivablesFromInstallments(ctx, q, f, by, today)
}

func receivablesFromOrders(ctx context.Context, q Querier, f ReceivableFilter, today string) ([]ReceivableGroup, error) {
	var w where
	w.add("o.status <> 'voided'")
	if f.CustomerID != 0 {
		w.add("o.customer_id = ?", f.CustomerID)
	}
	if s := strings.TrimSpace(f.Query); s != "" {
		w.add(`o.customer_id IN (SELECT id FROM customers WHERE name LIKE ? ESCAPE '\')`, "%"+escapeLike(s)+"%")
	}
	out := []ReceivableGroup{}
	err := q.SelectContext(ctx, &out, `SELECT g.id, n.name, g.due, g.received, 0 AS overdue FROM (
		SELECT o.customer_id AS id, SUM(MAX(o.total_cents - o.returned_cents, o.received_cents)) AS due,
			SUM(o.received_cents) AS received
		FROM orders o`+w.sql()+` GROUP BY o.customer_id) g JOIN customers n ON n.id = g.id`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("receivables: %w", err)
	}
	var ow where
	ow.add("i.received_cents < i.amount_cents AND i.voided = 0")
	ow.add("i.due_date < ?", today)
	if f.CustomerID != 0 {
		ow.add("i.customer_id = ?", f.CustomerID)
	}
	if s := strings.TrimSpace(f.Query); s != "" {
		ow.add(`i.customer_id IN (SELECT id FROM customers WHERE name LIKE ? ESCAPE '\')`, "%"+escapeLike(s)+"%")
	}
	var overdue []struct {
		ID    int64 `db:"id"`
		Cents int64 `db:"overdue"`
	}
	if err := q.SelectContext(ctx, &overdue, `SELECT i.customer_id AS id, SUM(i.amount_cents - i.received_cents) AS overdue
		FROM installments i INDEXED BY installments_unpaid`+ow.sql()+` GROUP BY i.customer_id`, ow.args...); err != nil {
		return nil, fmt.Errorf("receivables overdue: %w", err)
	}
	byID := make(map[int64]int64, len(overdue))
	for _, o := range overdue {
		byID[o.ID] = o.Cents
	}
	for i := range out {
		out[i].OverdueCents = byID[out[i].ID]
		out[i].OutstandingCents = out[i].DueCents - out[i].ReceivedCents
	}
	return out, nil
}

// receivablesByOwnerKept sums the kept per-owner, per-day installment
// totals (installment_owner_days, 0040): a few rows an owner and day rather
// than every installment.
func receivablesByOwnerKept(ctx context.Context, q Querier, f ReceivableFilter, today string) ([]ReceivableGroup, error) {
	var w where
	w.ints("k.owner_id", f.OwnerIDs)
	w.dateRange("k.due_date", f.DueFrom, f.DueTo)
	out := []ReceivableGroup{}
	if err := q.SelectContext(ctx, &out, `SELECT g.id, n.name, g.due, g.received, g.overdue FROM (
		SELECT k.owner_id AS id, SUM(k.amount) AS due, SUM(k.received) AS received,
			SUM(CASE WHEN k.due_date < ? THEN k.amount - k.received ELSE 0 END) AS overdue
		FROM installment_owner_days k`+w.sql()+` GROUP BY k.owner_id HAVING SUM(k.n) > 0) g JOIN owners n ON n.id = g.id`,
		append([]any{today}, w.args...)...); err != nil {
		return nil, fmt.Errorf("receivables: %w", err)
	}
	for i := range out {
		out[i].OutstandingCents = out[i].DueCents - out[i].ReceivedCents
	}
	return out, nil
}

func receivablesFromInstallments(ctx context.Context, q Querier, f ReceivableFilter, by, today string) ([]ReceivableGroup, error) {
	key, names := "i.customer_id", "customers"
	if by == "owner" {
		key, names = "i.owner_id", "owners"
	}
	w := f.where()
	query := `SELECT g.id, n.name, g.due, g.received, g.overdue FROM (
		SELECT ` + key + ` AS id, SUM(i.amount_cents) AS due, SUM(i.received_cents) AS received,
			SUM(CASE WHEN i.due_date < ? THEN i.amount_cents - i.received_cents ELSE 0 END) AS overdue
		FROM installments i` + w.sql() + ` GROUP BY ` + key + `) g JOIN ` + names + ` n ON n.id = g.id`
	out := []ReceivableGroup{}
	if err := q.SelectContext(ctx, &out, query, append([]any{today}, w.args...)...); err != nil {
		return nil, fmt.Errorf("receivables: %w", err)
	}
	for i := range out {
		out[i].OutstandingCents = out[i].DueCents - out[i].ReceivedCents
	}
	return out, nil
}

// SalesFilter selects the order lines the product sales report sums: lines
// of orders not voided, signed in [From, To) (YYYY-MM-DD), net of returns.
type SalesFilter struct {
	From, To   string
	ProductIDs []int64 // nil: any
	OwnerIDs   []int64
	CustomerID int64
}

// SalesCell is the quantity and amount of one product in one month.
type SalesCell struct {
	ProductID   int64  `db:"product_id"`
	Month       string `db:"month"`
	QtyMilli    int64  `db:"qty"`
	AmountCents int64  `db:"amount"`
}

// ProductSales sums quantity and amount per product and signing month
// (YYYY-MM).
func ProductSales(ctx context.Context, q Querier, f SalesFilter) ([]SalesCell, error) {
	var w where
	w.add("o.status <> 'voided'")
	w.add("o.signed_date >= ?", f.From)
	w.add("o.signed_date < ?", f.To)
	w.ints("o.owner_id", f.OwnerIDs)
	if f.CustomerID != 0 {
		w.add("o.customer_id = ?", f.CustomerID)
	}
	if f.ProductIDs != nil {
		if len(f.ProductIDs) == 0 {
			return []SalesCell{}, nil
		}
		w.ints("l.product_id", f.ProductIDs)
	}
	out := []SalesCell{}
	if f.CustomerID == 0 && len(f.From) == 10 && len(f.To) == 10 && f.From[8:] == "01" && f.To[8:] == "01" {
		// Whole months of every customer: the kept monthly sums
		// (product_month_sales, 0040), not every order line of them.
		var k where
		k.add("month >= ?", f.From[:7])
		k.add("month < ?", f.To[:7])
		k.ints("owner_id", f.OwnerIDs)
		if f.ProductIDs != nil {
			k.ints("product_id", f.ProductIDs)
		}
		err := q.SelectContext(ctx, &out, `SELECT product_id, month, SUM(qty) AS qty, SUM(amount) AS amount
			FROM product_month_sales`+k.sql()+` GROUP BY product_id, month HAVING SUM(lines) > 0`, k.args...)
		if err != nil {
			return nil, fmt.Errorf("product sales: %w", err)
		}
		return out, nil
	}
	err := q.SelectContext(ctx, &out, `SELECT l.product_id, substr(o.signed_date, 1, 7) AS month,
		SUM(l.qty_milli - l.returned_qty_milli) AS qty, SUM(l.total_cents - l.returned_cents) AS amount
		FROM orders o JOIN order_lines l ON l.order_id = o.id`+w.sql()+` GROUP BY l.product_id, month`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("product sales: %w", err)
	}
	return out, nil
}

// ProductsInCategories returns the ids of the products in the categories.
func ProductsInCategories(ctx context.Context, q Querier, categoryIDs []int64) ([]int64, error) {
	out := []int64{}
	if len(categoryIDs) == 0 {
		return out, nil
	}
	c, args := inInts("category_id", categoryIDs)
	err := q.SelectContext(ctx, &out, `SELECT id FROM products WHERE `+c, args...)
	return out, err
}

// ProductsByID returns the products with the given ids.
func ProductsByID(ctx context.Context, q Querier, ids []int64) ([]Product, error) {
	out := []Product{}
	if len(ids) == 0 {
		return out, nil
	}
	c, args := inInts("p.id", ids)
	err := q.SelectContext(ctx, &out, productSelect+` WHERE `+c, args...)
	return out, err
}
