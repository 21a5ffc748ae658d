package store

import (
	"context"
	"fmt"
	"strings"
)

// Order statuses.
const (
	OrderActive    = "active"    // 执行中
	OrderCompleted = "completed" // 已完成
	OrderVoided    = "voided"    // 已作废
)

// Order is a sales order (合同订单) with its money figures and the names it
// refers to. NetCents = TotalCents − ReturnedCents; OverdueCents is as of the
// day the query was given.
type Order struct {
	ID               int64  `db:"id" json:"id"`
	Number           string `db:"number" json:"number"`
	Title            string `db:"title" json:"title"`
	CustomerID       int64  `db:"customer_id" json:"customerId"`
	CustomerName     string `db:"customer_name" json:"customerName"`
	OpportunityID    *int64 `db:"opportunity_id" json:"opportunityId"`
	OpportunityName  string `db:"opportunity_name" json:"opportunityName"`
	QuoteID          *int64 `db:"quote_id" json:"quoteId"`
	QuoteNumber      string `db:"quote_number" json:"quoteNumber"`
	OwnerID          int64  `db:"owner_id" json:"ownerId"`
	OwnerName        string `db:"owner_name" json:"ownerName"`
	SignedDate       string `db:"signed_date" json:"signedDate"`
	Status           string `db:"status" json:"status"`
	TotalCents       int64  `db:"total_cents" json:"totalCents"`
	ReturnedCents    int64  `db:"returned_cents" json:"returnedCents"`
	NetCents         int64  `db:"net_cents" json:"netCents"`
	ReceivedCents    int64  `db:"received_cents" json:"receivedCents"`
	InvoicedCents    int64  `db:"invoiced_cents" json:"invoicedCents"`
	OutstandingCents int64  `db:"outstanding_cents" json:"outstandingCents"`
	OverdueCents     int64  `db:"overdue_cents" json:"overdueCents"`
	Notes            string `db:"notes" json:"notes"`
	VoidReason       string `db:"void_reason" json:"voidReason"`
	VoidedAt         string `db:"voided_at" json:"voidedAt"`
	CreatedAt        string `db:"created_at" json:"createdAt"`
	UpdatedAt        string `db:"updated_at" json:"updatedAt"`
}

// OrderFilter selects orders for the list and the export.
type OrderFilter struct {
	// Query matches the number, the title or the customer's name.
	Query         string   `json:"query"`
	Statuses      []string `json:"statuses"`
	CustomerID    int64    `json:"customerId"`
	OpportunityID int64    `json:"opportunityId"`
	QuoteID       int64    `json:"quoteId"`
	OwnerIDs      []int64  `json:"ownerIds"`
	// SignedFrom and SignedTo bound the signing date, both inclusive.
	SignedFrom string `json:"signedFrom"`
	SignedTo   string `json:"signedTo"`
	// Overdue keeps orders with an installment past due and not fully
	// received; Outstanding keeps orders with money still to come.
	Overdue     bool   `json:"overdue"`
	Outstanding bool   `json:"outstanding"`
	Sort        string `json:"sort"`
	Desc        bool   `json:"desc"`
	// Today (YYYY-MM-DD) is set by the service: overdue is as of this day.
	Today string `json:"-"`
}

// OrderSortColumns maps the order list's sort keys to SQL.
var OrderSortColumns = map[string]string{
	"signedDate":  "o.signed_date",
	"number":      "o.number",
	"total":       "o.total_cents",
	"net":         "(o.total_cents - o.returned_cents)",
	"received":    "o.received_cents",
	"outstanding": "o.outstanding_cents",
	"invoiced":    "o.invoiced_cents",
	"status":      "o.status",
	"createdAt":   "o.id",
	"updatedAt":   "o.updated_at",
}

const orderSelect = `SELECT o.id, o.number, o.title, o.customer_id, c.name AS customer_name, o.opportunity_id,
	COALESCE(op.name, '') AS opportunity_name, o.quote_id, COALESCE(qu.number, '') AS quote_number, o.owner_id,
	w.name AS owner_name, o.signed_date, o.status, o.total_cents, o.returned_cents, o.total_cents - o.returned_cents AS net_cents,
	o.received_cents, o.invoiced_cents, o.outstanding_cents,
	(SELECT COALESCE(SUM(i.amount_cents - i.received_cents), 0) FROM installments i
		WHERE i.order_id = o.id AND i.voided = 0 AND i.due_date < ?) AS overdue_cents,
	o.notes, o.void_reason, o.voided_at, o.created_at, o.updated_at
	FROM orders o
	JOIN customers c ON c.id = o.customer_id
	JOIN owners w ON w.id = o.owner_id
	LEFT JOIN opportunities op ON op.id = o.opportunity_id
	LEFT JOIN quotes qu ON qu.id = o.quote_id`

func (f OrderFilter) where() where {
	var w where
	if s := strings.TrimSpace(f.Query); s != "" {
		pat := "%" + escapeLike(s) + "%"
		w.add(`(o.number LIKE ? ESCAPE '\' OR o.title LIKE ? ESCAPE '\' OR o.customer_id IN (SELECT id FROM customers WHERE name LIKE ? ESCAPE '\'))`, pat, pat, pat)
	}
	w.strs("o.status", f.Statuses)
	if f.CustomerID != 0 {
		w.add("o.customer_id = ?", f.CustomerID)
	}
	if f.OpportunityID != 0 {
		w.add("o.opportunity_id = ?", f.OpportunityID)
	}
	if f.QuoteID != 0 {
		w.add("o.quote_id = ?", f.QuoteID)
	}
	w.ints("o.owner_id", f.OwnerIDs)
	w.dateRange("o.signed_date", f.SignedFrom, f.SignedTo)
	if f.Overdue {
		w.add(`o.next_due_date < ?`, f.Today)
	}
	if f.Outstanding {
		w.add("o.outstanding_cents > 0 AND o.status <> 'voided'")
	}
	return w
}

func (f OrderFilter) orderBy() string {
	if f.Sort == "" {
		return " ORDER BY o.signed_date DESC, o.id DESC"
	}
	return orderBy(OrderSortColumns, f.Sort, "signedDate", f.Desc, "o.id")
}

// ListOrders returns one page of orders and the total matching.
func ListOrders(ctx context.Context, q Querier, f OrderFilter, offset, limit int) ([]Order, int, error) {
	w := f.where()
	out := []Order{}
	query := pageOf(orderSelect, "FROM orders o", "orders", "o", w.sql(), f.orderBy())
	args := append(append([]any{}, w.args...), limit, offset, f.Today)
	if err := q.SelectContext(ctx, &out, query, args...); err != nil {
		return nil, 0, fmt.Errorf("list orders: %w", err)
	}
	if total, ok := knownTotal(offset, limit, len(out)); ok {
		return out, total, nil
	}
	var total int
	if err := q.GetContext(ctx, &total, `SELECT COUNT(*) FROM orders o`+w.sql(), w.args...); err != nil {
		return nil, 0, fmt.Errorf("count orders: %w", err)
	}
	return out, total, nil
}

// EachOrder streams the orders matching f in list order.
func EachOrder(ctx context.Context, q Querier, f OrderFilter, fn func(Order) error) error {
	w := f.where()
	args := append([]any{f.Today}, w.args...)
	return each(ctx, q, orderSelect+w.sql()+f.orderBy(), args, func(scan func(any) error) error {
		var o Order
		if err := scan(&o); err != nil {
			return err
		}
		return fn(o)
	})
}

// GetOrder returns one order with overdue as of today, or ErrNotFound.
func GetOrder(ctx context.Context, q Querier, id int64, today string) (Order, error) {
	var o Order
	err := q.GetContext(ctx, &o, orderSelect+` WHERE o.id = ?`, today, id)
	return o, notFound(err)
}

// NextOrderNumber returns the next DD-YYYYMMDD-NNN for day (YYYYMMDD).
func NextOrderNumber(ctx context.Context, q Querier, day string) (string, error) {
	return nextNumber(ctx, q, "orders", "DD-"+day+"-")
}

// NextReceiptNumber returns the next HK-YYYYMMDD-NNN for day (YYYYMMDD).
func NextReceiptNumber(ctx context.Context, q Querier, day string) (string, error) {
	return nextNumber(ctx, q, "receipts", "HK-"+day+"-")
}

// NextReturnNumber returns the next TH-YYYYMMDD-NNN for day (YYYYMMDD).
func NextReturnNumber(ctx context.Context, q Querier, day string) (string, error) {
	return nextNumber(ctx, q, "returns", "TH-"+day+"-")
}

// InsertOrder adds an order header; RefreshOrder sets its figures once the
// lines are in.
func InsertOrder(ctx context.Context, q Querier, o Order) (int64, error) {
	now := Now()
	res, err := q.ExecContext(ctx, `INSERT INTO orders (number, title, customer_id, opportunity_id, quote_id, owner_id,
		signed_date, status, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		o.Number, o.Title, o.CustomerID, o.OpportunityID, o.QuoteID, o.OwnerID, o.SignedDate, OrderActive, o.Notes, now, now)
	if err != nil {
		return 0, fmt.Errorf("insert order: %w", err)
	}
	return res.LastInsertId()
}

// UpdateOrderHeader writes the fields of an order that may change after it
// is made: title, owner, signing date and notes.
func UpdateOrderHeader(ctx context.Context, q Querier, o Order) error {
	_, err := q.ExecContext(ctx, `UPDATE orders SET title = ?, owner_id = ?, signed_date = ?, notes = ?, updated_at = ? WHERE id = ?`,
		o.Title, o.OwnerID, o.SignedDate, o.Notes, Now(), o.ID)
	if err != nil {
		return fmt.Errorf("update order: %w", err)
	}
	return nil
}

// RefreshOrder recomputes an order's money columns from its lines, receipts
// and invoices, its status from them unless it is voided, and its earliest
// unpaid due date from its plan. Every change to any of them calls it.
func RefreshOrder(ctx context.Context, q Querier, id int64) error {
	_, err := q.ExecContext(ctx, `UPDATE orders SET
		total_cents = (SELECT COALESCE(SUM(total_cents), 0) FROM order_lines WHERE order_id = orders.id),
		returned_cents = (SELECT COALESCE(SUM(returned_cents), 0) FROM order_lines WHERE order_id = orders.id),
		received_cents = (SELECT COALESCE(SUM(amount_cents), 0) FROM receipts WHERE order_id = orders.id),
		invoiced_cents = (SELECT COALESCE(SUM(amount_cents), 0) FROM invoices WHERE order_id = orders.id),
		updated_at = ? WHERE id = ?`, Now(), id)
	if err != nil {
		return fmt.Errorf("refresh order: %w", err)
	}
	_, err = q.ExecContext(ctx, `UPDATE orders SET
		outstanding_cents = CASE WHEN status = 'voided' THEN 0 ELSE MAX(total_cents - returned_cents - received_cents, 0) END,
		next_due_date = CASE WHEN status = 'voided' THEN NULL ELSE (SELECT MIN(due_date) FROM installments i
			WHERE i.order_id = orders.id AND i.received_cents < i.amount_cents) END,
		status = CASE WHEN status = 'voided' THEN status
			WHEN total_cents - returned_cents - received_cents <= 0 THEN 'completed' ELSE 'active' END
		WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("refresh order: %w", err)
	}
	return nil
}

// VoidOrder marks an order and its installments voided.
func VoidOrder(ctx context.Context, q Querier, id int64, reason string) error {
	now := Now()
	if _, err := q.ExecContext(ctx, `UPDATE orders SET status = 'voided', outstanding_cents = 0, next_due_date = NULL, void_reason = ?, voided_at = ?, updated_at = ? WHERE id = ?`,
		reason, now, now, id); err != nil {
		return fmt.Errorf("void order: %w", err)
	}
	if _, err := q.ExecContext(ctx, `UPDATE installments SET voided = 1 WHERE order_id = ?`, id); err != nil {
		return fmt.Errorf("void order: %w", err)
	}
	return nil
}

// CustomerUnpaid sums what a customer still owes on its orders that are not
// voided, leaving out one order (0: none).
func CustomerUnpaid(ctx context.Context, q Querier, customerID, exceptOrderID int64) (int64, error) {
	var n int64
	err := q.GetContext(ctx, &n, `SELECT COALESCE(SUM(outstanding_cents), 0) FROM orders
		WHERE customer_id = ? AND status <> 'voided' AND id <> ?`, customerID, exceptOrderID)
	if err != nil {
		return 0, fmt.Errorf("customer unpaid: %w", err)
	}
	return n, nil
}

// OrderLine is a line of an order with what has been returned of it.
type OrderLine struct {
	ID               int64  `db:"id" json:"id"`
	Position         int    `db:"position" json:"position"`
	ProductID        int64  `db:"product_id" json:"productId"`
	ProductCode      string `db:"product_code" json:"productCode"`
	ProductName      string `db:"product_name" json:"productName"`
	Unit             string `db:"unit" json:"unit"`
	QtyMilli         int64  `db:"qty_milli" json:"qtyMilli"`
	UnitPriceCents   int64  `db:"unit_price_cents" json:"unitPriceCents"`
	DiscountBP       int    `db:"discount_bp" json:"discountBp"`
	TotalCents       int64  `db:"total_cents" json:"totalCents"`
	ReturnedQtyMilli int64  `db:"returned_qty_milli" json:"returnedQtyMilli"`
	ReturnedCents    int64  `db:"returned_cents" json:"returnedCents"`
}

// ListOrderLines returns an order's lines in order.
func ListOrderLines(ctx context.Context, q Querier, orderID int64) ([]OrderLine, error) {
	out := []OrderLine{}
	err := q.SelectContext(ctx, &out, `SELECT `+lineCols+`, returned_qty_milli, returned_cents FROM order_lines
		WHERE order_id = ? ORDER BY position, id`, orderID)
	if err != nil {
		return nil, fmt.Errorf("order lines: %w", err)
	}
	return out, nil
}

// SetLineReturned writes what has been returned of an order line.
func SetLineReturned(ctx context.Context, q Querier, lineID, qtyMilli, cents int64) error {
	_, err := q.ExecContext(ctx, `UPDATE order_lines SET returned_qty_milli = ?, returned_cents = ? WHERE id = ?`, qtyMilli, cents, lineID)
	if err != nil {
		return fmt.Errorf("line returned: %w", err)
	}
	return nil
}

// Installment is one part of an order's payment plan (回款计划).
type Installment struct {
	ID            int64  `db:"id" json:"id"`
	OrderID       int64  `db:"order_id" json:"orderId"`
	Seq           int    `db:"seq" json:"seq"`
	DueDate       string `db:"due_date" json:"dueDate"`
	AmountCents   int64  `db:"amount_cents" json:"amountCents"`
	ReceivedCents int64  `db:"received_cents" json:"receivedCents"`
	OwnerID       int64  `db:"owner_id" json:"ownerId"`
	OwnerName     string `db:"owner_name" json:"ownerName"`
	Note          string `db:"note" json:"note"`
	// OutstandingCents = AmountCents − ReceivedCents; Overdue is set by the
	// service when the due date has passed with money outstanding.
	OutstandingCents int64 `db:"outstanding_cents" json:"outstandingCents"`
	Overdue          bool  `db:"-" json:"overdue"`
	// Receipts counts the receipts recorded against it.
	Receipts int `db:"receipts" json:"receipts"`
}

const installmentSelect = `SELECT i.id, i.order_id, i.seq, i.due_date, i.amount_cents, i.received_cents, i.owner_id,
	w.name AS owner_name, i.note, i.amount_cents - i.received_cents AS outstanding_cents,
	(SELECT COUNT(*) FROM receipts r WHERE r.installment_id = i.id) AS receipts
	FROM installments i JOIN owners w ON w.id = i.owner_id`

// ListInstallments returns an order's plan by sequence.
func ListInstallments(ctx context.Context, q Querier, orderID int64) ([]Installment, error) {
	out := []Installment{}
	err := q.SelectContext(ctx, &out, installmentSelect+` WHERE i.order_id = ? ORDER BY i.seq, i.id`, orderID)
	if err != nil {
		return nil, fmt.Errorf("installments: %w", err)
	}
	return out, nil
}

// GetInstallment returns one installment or ErrNotFound.
func GetInstallment(ctx context.Context, q Querier, id int64) (Installment, error) {
	var i Installment
	err := q.GetContext(ctx, &i, installmentSelect+` WHERE i.id = ?`, id)
	return i, notFound(err)
}

// InsertInstallment adds an installment to an order of customerID.
func InsertInstallment(ctx context.Context, q Querier, customerID int64, i Installment) (int64, error) {
	res, err := q.ExecContext(ctx, `INSERT INTO installments (order_id, customer_id, seq, due_date, amount_cents, owner_id, note)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, i.OrderID, customerID, i.Seq, i.DueDate, i.AmountCents, i.OwnerID, i.Note)
	if err != nil {
		return 0, fmt.Errorf("insert installment: %w", err)
	}
	return res.LastInsertId()
}

// UpdateInstallment writes an installment's sequence, due date, amount,
// owner and note.
func UpdateInstallment(ctx context.Context, q Querier, i Installment) error {
	_, err := q.ExecContext(ctx, `UPDATE installments SET seq = ?, due_date = ?, amount_cents = ?, owner_id = ?, note = ? WHERE id = ?`,
		i.Seq, i.DueDate, i.AmountCents, i.OwnerID, i.Note, i.ID)
	if err != nil {
		return fmt.Errorf("update installment: %w", err)
	}
	// A receipt's owner is the installment's.
	if _, err := q.ExecContext(ctx, `UPDATE receipts SET owner_id = ? WHERE installment_id = ?`, i.OwnerID, i.ID); err != nil {
		return fmt.Errorf("update installment: %w", err)
	}
	return nil
}

// DeleteInstallment removes an installment.
func DeleteInstallment(ctx context.Context, q Querier, id int64) error {
	_, err := q.ExecContext(ctx, `DELETE FROM installments WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete installment: %w", err)
	}
	return nil
}

// RefreshInstallment recomputes an installment's received amount.
func RefreshInstallment(ctx context.Context, q Querier, id int64) error {
	_, err := q.ExecContext(ctx, `UPDATE installments SET received_cents =
		(SELECT COALESCE(SUM(amount_cents), 0) FROM receipts WHERE installment_id = installments.id) WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("refresh installment: %w", err)
	}
	return nil
}

// Receipt is money received (回款) against an installment.
type Receipt struct {
	ID             int64  `db:"id" json:"id"`
	Number         string `db:"number" json:"number"`
	OrderID        int64  `db:"order_id" json:"orderId"`
	OrderNumber    string `db:"order_number" json:"orderNumber"`
	InstallmentID  int64  `db:"installment_id" json:"installmentId"`
	InstallmentSeq int    `db:"installment_seq" json:"installmentSeq"`
	CustomerID     int64  `db:"customer_id" json:"customerId"`
	CustomerName   string `db:"customer_name" json:"customerName"`
	OwnerID        int64  `db:"owner_id" json:"ownerId"`
	OwnerName      string `db:"owner_name" json:"ownerName"`
	Date           string `db:"date" json:"date"`
	AmountCents    int64  `db:"amount_cents" json:"amountCents"`
	Method         string `db:"method" json:"method"`
	Note           string `db:"note" json:"note"`
	CreatedAt      string `db:"created_at" json:"createdAt"`
}

// ReceiptFilter selects receipts for their list and export.
type ReceiptFilter struct {
	// Query matches the receipt's or the order's number or the customer's name.
	Query      string   `json:"query"`
	CustomerID int64    `json:"customerId"`
	OrderID    int64    `json:"orderId"`
	OwnerIDs   []int64  `json:"ownerIds"`
	Methods    []string `json:"methods"`
	DateFrom   string   `json:"dateFrom"`
	DateTo     string   `json:"dateTo"`
	Sort       string   `json:"sort"`
	Desc       bool     `json:"desc"`
}

// ReceiptSortColumns maps the receipt list's sort keys to SQL.
var ReceiptSortColumns = map[string]string{
	"date":      "r.date",
	"number":    "r.number",
	"amount":    "r.amount_cents",
	"createdAt": "r.id",
}

const receiptSelect = `SELECT r.id, r.number, r.order_id, o.number AS order_number, r.installment_id, i.seq AS installment_seq,
	r.customer_id, c.name AS customer_name, r.owner_id, w.name AS owner_name, r.date, r.amount_cents, r.method, r.note, r.created_at
	FROM receipts r
	JOIN orders o ON o.id = r.order_id
	JOIN installments i ON i.id = r.installment_id
	JOIN customers c ON c.id = r.customer_id
	JOIN owners w ON w.id = r.owner_id`

func (f ReceiptFilter) where() where {
	var w where
	if s := strings.TrimSpace(f.Query); s != "" {
		pat := "%" + escapeLike(s) + "%"
		w.add(`(r.number LIKE ? ESCAPE '\' OR r.order_id IN (SELECT id FROM orders WHERE number LIKE ? ESCAPE '\')
			OR r.customer_id IN (SELECT id FROM customers WHERE name LIKE ? ESCAPE '\'))`, pat, pat, pat)
	}
	if f.CustomerID != 0 {
		w.add("r.customer_id = ?", f.CustomerID)
	}
	if f.OrderID != 0 {
		w.add("r.order_id = ?", f.OrderID)
	}
	w.ints("r.owner_id", f.OwnerIDs)
	w.strs("r.method", f.Methods)
	w.dateRange("r.date", f.DateFrom, f.DateTo)
	return w
}

func (f ReceiptFilter) orderBy() string {
	if f.Sort == "" {
		return " ORDER BY r.date DESC, r.id DESC"
	}
	return orderBy(ReceiptSortColumns, f.Sort, "date", f.Desc, "r.id")
}

// ListReceipts returns one page of receipts, the total matching and their sum.
func ListReceipts(ctx context.Context, q Querier, f ReceiptFilter, offset, limit int) ([]Receipt, int, int64, error) {
	return pageWithSum(ctx, q, receiptSelect, "receipts", "r", f.where(), f.orderBy(), offset, limit,
		func(r Receipt) int64 { return r.AmountCents })
}

// pageWithSum lists one page of a money table (receipts, invoices) with the
// total matching and the sum of their amounts; a first page that tells the
// total sums itself instead of asking again.
func pageWithSum[T any](ctx context.Context, q Querier, sel, table, alias string, w where, order string, offset, limit int,
	amount func(T) int64) ([]T, int, int64, error) {
	from := "FROM " + table + " " + alias
	out := []T{}
	query := pageOf(sel, from, table, alias, w.sql(), order)
	if err := q.SelectContext(ctx, &out, query, append(w.args, limit, offset)...); err != nil {
		return nil, 0, 0, fmt.Errorf("list %s: %w", table, err)
	}
	if total, ok := knownTotal(offset, limit, len(out)); ok && offset == 0 {
		var sum int64
		for _, x := range out {
			sum += amount(x)
		}
		return out, total, sum, nil
	}
	var agg struct {
		N   int   `db:"n"`
		Sum int64 `db:"s"`
	}
	if err := q.GetContext(ctx, &agg, `SELECT COUNT(*) AS n, COALESCE(SUM(amount_cents), 0) AS s `+from+w.sql(), w.args...); err != nil {
		return nil, 0, 0, fmt.Errorf("count %s: %w", table, err)
	}
	return out, agg.N, agg.Sum, nil
}

// EachReceipt streams the receipts matching f in list order.
func EachReceipt(ctx context.Context, q Querier, f ReceiptFilter, fn func(Receipt) error) error {
	w := f.where()
	return each(ctx, q, receiptSelect+w.sql()+f.orderBy(), w.args, func(scan func(any) error) error {
		var r Receipt
		if err := scan(&r); err != nil {
			return err
		}
		return fn(r)
	})
}

// GetReceipt returns one receipt or ErrNotFound.
func GetReceipt(ctx context.Context, q Querier, id int64) (Receipt, error) {
	var r Receipt
	err := q.GetContext(ctx, &r, receiptSelect+` WHERE r.id = ?`, id)
	return r, notFound(err)
}

// InsertReceipt records a receipt.
func InsertReceipt(ctx context.Context, q Querier, r Receipt) (int64, error) {
	res, err := q.ExecContext(ctx, `INSERT INTO receipts (number, order_id, installment_id, customer_id, owner_id, date,
		amount_cents, method, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.Number, r.OrderID, r.InstallmentID, r.CustomerID, r.OwnerID, r.Date, r.AmountCents, r.Method, r.Note, Now())
	if err != nil {
		return 0, fmt.Errorf("insert receipt: %w", err)
	}
	return res.LastInsertId()
}

// DeleteReceipt removes a receipt.
func DeleteReceipt(ctx context.Context, q Querier, id int64) error {
	_, err := q.ExecContext(ctx, `DELETE FROM receipts WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete receipt: %w", err)
	}
	return nil
}

// Invoice is an invoice (发票) issued for an order.
type Invoice struct {
	ID           int64  `db:"id" json:"id"`
	Number       string `db:"number" json:"number"`
	OrderID      int64  `db:"order_id" json:"orderId"`
	OrderNumber  string `db:"order_number" json:"orderNumber"`
	CustomerID   int64  `db:"customer_id" json:"customerId"`
	CustomerName string `db:"customer_name" json:"customerName"`
	Date         string `db:"date" json:"date"`
	AmountCents  int64  `db:"amount_cents" json:"amountCents"`
	Kind         string `db:"kind" json:"kind"`
	Note         string `db:"note" json:"note"`
	CreatedAt    string `db:"created_at" json:"createdAt"`
}

// InvoiceFilter selects invoices for their list and export.
type InvoiceFilter struct {
	// Query matches the invoice's or the order's number or the customer's name.
	Query      string   `json:"query"`
	CustomerID int64    `json:"customerId"`
	OrderID    int64    `json:"orderId"`
	OwnerIDs   []int64  `json:"ownerIds"` // the order's owner
	Kinds      []string `json:"kinds"`
	DateFrom   string   `json:"dateFrom"`
	DateTo     string   `json:"dateTo"`
	Sort       string   `json:"sort"`
	Desc       bool     `json:"desc"`
}

// InvoiceSortColumns maps the invoice list's sort keys to SQL.
var InvoiceSortColumns = map[string]string{
	"date":      "v.date",
	"number":    "v.number",
	"amount":    "v.amount_cents",
	"createdAt": "v.id",
}

const invoiceSelect = `SELECT v.id, v.number, v.order_id, o.number AS order_number, v.customer_id, c.name AS customer_name,
	v.date, v.amount_cents, v.kind, v.note, v.created_at
	FROM invoices v
	JOIN orders o ON o.id = v.order_id
	JOIN customers c ON c.id = v.customer_id`

func (f InvoiceFilter) where() where {
	var w where
	if s := strings.TrimSpace(f.Query); s != "" {
		pat := "%" + escapeLike(s) + "%"
		w.add(`(v.number LIKE ? ESCAPE '\' OR v.order_id IN (SELECT id FROM orders WHERE number LIKE ? ESCAPE '\')
			OR v.customer_id IN (SELECT id FROM customers WHERE name LIKE ? ESCAPE '\'))`, pat, pat, pat)
	}
	if f.CustomerID != 0 {
		w.add("v.customer_id = ?", f.CustomerID)
	}
	if f.OrderID != 0 {
		w.add("v.order_id = ?", f.OrderID)
	}
	if len(f.OwnerIDs) > 0 {
		c, a := inInts("owner_id", f.OwnerIDs)
		w.add("v.order_id IN (SELECT id FROM orders WHERE "+c+")", a...)
	}
	w.strs("v.kind", f.Kinds)
	w.dateRange("v.date", f.DateFrom, f.DateTo)
	return w
}

func (f InvoiceFilter) orderBy() string {
	if f.Sort == "" {
		return " ORDER BY v.date DESC, v.id DESC"
	}
	return orderBy(InvoiceSortColumns, f.Sort, "date", f.Desc, "v.id")
}

// ListInvoices returns one page of invoices, the total matching and their sum.
func ListInvoices(ctx context.Context, q Querier, f InvoiceFilter, offset, limit int) ([]Invoice, int, int64, error) {
	return pageWithSum(ctx, q, invoiceSelect, "invoices", "v", f.where(), f.orderBy(), offset, limit,
		func(v Invoice) int64 { return v.AmountCents })
}

// EachInvoice streams the invoices matching f in list order.
func EachInvoice(ctx context.Context, q Querier, f InvoiceFilter, fn func(Invoice) error) error {
	w := f.where()
	return each(ctx, q, invoiceSelect+w.sql()+f.orderBy(), w.args, func(scan func(any) error) error {
		var v Invoice
		if err := scan(&v); err != nil {
			return err
		}
		return fn(v)
	})
}

// GetInvoice returns one invoice or ErrNotFound.
func GetInvoice(ctx context.Context, q Querier, id int64) (Invoice, error) {
	var v Invoice
	err := q.GetContext(ctx, &v, invoiceSelect+` WHERE v.id = ?`, id)
	return v, notFound(err)
}

// InvoiceByNumber returns the invoice with that number or ErrNotFound.
func InvoiceByNumber(ctx context.Context, q Querier, number string) (Invoice, error) {
	var v Invoice
	err := q.GetContext(ctx, &v, invoiceSelect+` WHERE v.number = ?`, number)
	return v, notFound(err)
}

// InsertInvoice records an invoice.
func InsertInvoice(ctx context.Context, q Querier, v Invoice) (int64, error) {
	res, err := q.ExecContext(ctx, `INSERT INTO invoices (number, order_id, customer_id, date, amount_cents, kind, note, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, v.Number, v.OrderID, v.CustomerID, v.Date, v.AmountCents, v.Kind, v.Note, Now())
	if err != nil {
		return 0, fmt.Errorf("insert invoice: %w", err)
	}
	return res.LastInsertId()
}

// DeleteInvoice removes an invoice.
func DeleteInvoice(ctx context.Context, q Querier, id int64) error {
	_, err := q.ExecContext(ctx, `DELETE FROM invoices WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete invoice: %w", err)
	}
	return nil
}

// SalesReturn is a return of goods (退货单) against an order.
type SalesReturn struct {
	ID          int64             `db:"id" json:"id"`
	Number      string            `db:"number" json:"number"`
	OrderID     int64             `db:"order_id" json:"orderId"`
	Date        string            `db:"date" json:"date"`
	Reason      string            `db:"reason" json:"reason"`
	AmountCents int64             `db:"amount_cents" json:"amountCents"`
	CreatedAt   string            `db:"created_at" json:"createdAt"`
	Lines       []SalesReturnLine `db:"-" json:"lines"`
}

// SalesReturnLine is the quantity of one order line a return takes back.
type SalesReturnLine struct {
	ID          int64  `db:"id" json:"id"`
	ReturnID    int64  `db:"return_id" json:"returnId"`
	OrderLineID int64  `db:"order_line_id" json:"orderLineId"`
	ProductCode string `db:"product_code" json:"productCode"`
	ProductName string `db:"product_name" json:"productName"`
	Unit        string `db:"unit" json:"unit"`
	QtyMilli    int64  `db:"qty_milli" json:"qtyMilli"`
	AmountCents int64  `db:"amount_cents" json:"amountCents"`
}

// InsertReturn records a return with its lines.
func InsertReturn(ctx context.Context, q Querier, r SalesReturn) (int64, error) {
	res, err := q.ExecContext(ctx, `INSERT INTO returns (number, order_id, date, reason, amount_cents, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
		r.Number, r.OrderID, r.Date, r.Reason, r.AmountCents, Now())
	if err != nil {
		return 0, fmt.Errorf("insert return: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	for _, l := range r.Lines {
		if _, err := q.ExecContext(ctx, `INSERT INTO return_lines (return_id, order_line_id, qty_milli, amount_cents) VALUES (?, ?, ?, ?)`,
			id, l.OrderLineID, l.QtyMilli, l.AmountCents); err != nil {
			return 0, fmt.Errorf("insert return line: %w", err)
		}
	}
	return id, nil
}

// ListReturns returns an order's returns, oldest first, with their lines.
func ListReturns(ctx context.Context, q Querier, orderID int64) ([]SalesReturn, error) {
	out := []SalesReturn{}
	if err := q.SelectContext(ctx, &out, `SELECT id, number, order_id, date, reason, amount_cents, created_at
		FROM returns WHERE order_id = ? ORDER BY date, id`, orderID); err != nil {
		return nil, fmt.Errorf("returns: %w", err)
	}
	lines := []SalesReturnLine{}
	if err := q.SelectContext(ctx, &lines, `SELECT rl.id, rl.return_id, rl.order_line_id, l.product_code, l.product_name, l.unit,
		rl.qty_milli, rl.amount_cents FROM return_lines rl JOIN order_lines l ON l.id = rl.order_line_id
		WHERE rl.return_id IN (SELECT id FROM returns WHERE order_id = ?) ORDER BY rl.return_id, l.position`, orderID); err != nil {
		return nil, fmt.Errorf("return lines: %w", err)
	}
	byID := map[int64]int{}
	for i := range out {
		out[i].Lines = []SalesReturnLine{}
		byID[out[i].ID] = i
	}
	for _, l := range lines {
		i := byID[l.ReturnID]
		out[i].Lines = append(out[i].Lines, l)
	}
	return out, nil
}

// OrderChildCounts counts what hangs off an order.
type OrderChildCounts struct {
	Receipts int `db:"receipts"`
	Invoices int `db:"invoices"`
	Returns  int `db:"returns"`
}

// CountOrderChildren counts an order's receipts, invoices and returns.
func CountOrderChildren(ctx context.Context, q Querier, orderID int64) (OrderChildCounts, error) {
	var c OrderChildCounts
	err := q.GetContext(ctx, &c, `SELECT (SELECT COUNT(*) FROM receipts WHERE order_id = ?) AS receipts,
		(SELECT COUNT(*) FROM invoices WHERE order_id = ?) AS invoices, (SELECT COUNT(*) FROM returns WHERE order_id = ?) AS returns`,
		orderID, orderID, orderID)
	return c, err
}

// CustomerDocuments counts the quotes and orders of a customer, which keep
// it from being deleted (customer.Delete may call it; until then the
// foreign keys refuse the delete).
func CustomerDocuments(ctx context.Context, q Querier, customerID int64) (int, error) {
	var n int
	err := q.GetContext(ctx, &n, `SELECT (SELECT COUNT(*) FROM quotes WHERE customer_id = ?) + (SELECT COUNT(*) FROM orders WHERE customer_id = ?)`,
		customerID, customerID)
	return n, err
}

// OwnerDocuments counts the products, quotes, orders and installments a
// salesperson holds, which keep them from being deleted (owner.Delete may
// call it beside OwnerUsage).
func OwnerDocuments(ctx context.Context, q Querier, ownerID int64) (int, error) {
	var n int
	err := q.GetContext(ctx, &n, `SELECT (SELECT COUNT(*) FROM products WHERE owner_id = ?) + (SELECT COUNT(*) FROM quotes WHERE owner_id = ?)
		+ (SELECT COUNT(*) FROM orders WHERE owner_id = ?) + (SELECT COUNT(*) FROM installments WHERE owner_id = ?)`,
		ownerID, ownerID, ownerID, ownerID)
	return n, err
}

// LiveOrderNumbers returns the numbers of an opportunity's orders that are
// not voided, oldest first.
func LiveOrderNumbers(ctx context.Context, q Querier, opportunityID int64) ([]string, error) {
	out := []string{}
	if err := q.SelectContext(ctx, &out, `SELECT number FROM orders
		WHERE opportunity_id = ? AND status <> ? ORDER BY signed_date, id`, opportunityID, OrderVoided); err != nil {
		return nil, fmt.Errorf("live orders: %w", err)
	}
	return out, nil
}
