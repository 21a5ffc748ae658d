package store

import (
	"context"
	"fmt"
	"strings"
)

// Quote statuses.
const (
	QuoteOpen     = "open"     // 开立
	QuoteApproved = "approved" // 已审核
	QuoteClosed   = "closed"   // 关闭
)

// Quote is a quotation (报价单) with the names it refers to.
type Quote struct {
	ID              int64  `db:"id" json:"id"`
	Number          string `db:"number" json:"number"`
	Title           string `db:"title" json:"title"`
	CustomerID      int64  `db:"customer_id" json:"customerId"`
	CustomerName    string `db:"customer_name" json:"customerName"`
	OpportunityID   *int64 `db:"opportunity_id" json:"opportunityId"`
	OpportunityName string `db:"opportunity_name" json:"opportunityName"`
	OwnerID         int64  `db:"owner_id" json:"ownerId"`
	OwnerName       string `db:"owner_name" json:"ownerName"`
	Status          string `db:"status" json:"status"`
	QuoteDate       string `db:"quote_date" json:"quoteDate"`
	ValidUntil      string `db:"valid_until" json:"validUntil"`
	Terms           string `db:"terms" json:"terms"`
	Notes           string `db:"notes" json:"notes"`
	TotalCents      int64  `db:"total_cents" json:"totalCents"`
	ApprovedAt      string `db:"approved_at" json:"approvedAt"`
	ClosedAt        string `db:"closed_at" json:"closedAt"`
	CreatedAt       string `db:"created_at" json:"createdAt"`
	UpdatedAt       string `db:"updated_at" json:"updatedAt"`
	// Orders counts the orders made from this quote that are not voided.
	Orders int `db:"orders" json:"orders"`
}

// QuoteFilter selects quotes for the list and the export.
type QuoteFilter struct {
	// Query matches the number, the title or the customer's name.
	Query         string   `json:"query"`
	Statuses      []string `json:"statuses"`
	CustomerID    int64    `json:"customerId"`
	OpportunityID int64    `json:"opportunityId"`
	OwnerIDs      []int64  `json:"ownerIds"`
	// DateFrom and DateTo bound the quote date, both inclusive (YYYY-MM-DD).
	DateFrom string `json:"dateFrom"`
	DateTo   string `json:"dateTo"`
	Sort     string `json:"sort"`
	Desc     bool   `json:"desc"`
}

// QuoteSortColumns maps the quote list's sort keys to SQL.
var QuoteSortColumns = map[string]string{
	"quoteDate":  "q.quote_date",
	"number":     "q.number",
	"total":      "q.total_cents",
	"validUntil": "q.valid_until",
	"status":     "q.status",
	"createdAt":  "q.id",
	"updatedAt":  "q.updated_at",
}

const quoteSelect = `SELECT q.id, q.number, q.title, q.customer_id, c.name AS customer_name, q.opportunity_id,
	COALESCE(op.name, '') AS opportunity_name, q.owner_id, w.name AS owner_name, q.status, q.quote_date, q.valid_until,
	q.terms, q.notes, q.total_cents, q.approved_at, q.closed_at, q.created_at, q.updated_at,
	(SELECT COUNT(*) FROM orders r WHERE r.quote_id = q.id AND r.status <> 'voided') AS orders
	FROM quotes q
	JOIN customers c ON c.id = q.customer_id
	JOIN owners w ON w.id = q.owner_id
	LEFT JOIN opportunities op ON op.id = q.opportunity_id`

func (f QuoteFilter) where() where {
	var w where
	if s := strings.TrimSpace(f.Query); s != "" {
		pat := "%" + escapeLike(s) + "%"
		w.add(`(q.number LIKE ? ESCAPE '\' OR q.title LIKE ? ESCAPE '\' OR q.customer_id IN (SELECT id FROM customers WHERE name LIKE ? ESCAPE '\'))`, pat, pat, pat)
	}
	w.strs("q.status", f.Statuses)
	if f.CustomerID != 0 {
		w.add("q.customer_id = ?", f.CustomerID)
	}
	if f.OpportunityID != 0 {
		w.add("q.opportunity_id = ?", f.OpportunityID)
	}
	w.ints("q.owner_id", f.OwnerIDs)
	w.dateRange("q.quote_date", f.DateFrom, f.DateTo)
	return w
}

func (f QuoteFilter) orderBy() string {
	def := "quoteDate"
	if f.Sort == "" {
		// Newest first unless the user picks a column.
		return " ORDER BY q.quote_date DESC, q.id DESC"
	}
	return orderBy(QuoteSortColumns, f.Sort, def, f.Desc, "q.id")
}

// pageOf rewrites a select so that it joins only the rows of one page,
// chosen on the base table alone (as ListOpportunities does).
func pageOf(sel, from, base, alias, cond, order string) string {
	page := `SELECT ` + alias + `.id FROM ` + base + ` ` + alias + cond + order + ` LIMIT ? OFFSET ?`
	return `WITH page AS (` + page + `) ` + strings.Replace(sel, from, "FROM page pg JOIN "+base+" "+alias+" ON "+alias+".id = pg.id", 1) + order
}

// ListQuotes returns one page of quotes and the total matching.
func ListQuotes(ctx context.Context, q Querier, f QuoteFilter, offset, limit int) ([]Quote, int, error) {
	w := f.where()
	out := []Quote{}
	query := pageOf(quoteSelect, "FROM quotes q", "quotes", "q", w.sql(), f.orderBy())
	if err := q.SelectContext(ctx, &out, query, append(w.args, limit, offset)...); err != nil {
		return nil, 0, fmt.Errorf("list quotes: %w", err)
	}
	if total, ok := knownTotal(offset, limit, len(out)); ok {
		return out, total, nil
	}
	var total int
	if err := q.GetContext(ctx, &total, `SELECT COUNT(*) FROM quotes q`+w.sql(), w.args...); err != nil {
		return nil, 0, fmt.Errorf("count quotes: %w", err)
	}
	return out, total, nil
}

// EachQuote streams the quotes matching f in list order.
func EachQuote(ctx context.Context, q Querier, f QuoteFilter, fn func(Quote) error) error {
	w := f.where()
	return each(ctx, q, quoteSelect+w.sql()+f.orderBy(), w.args, func(scan func(any) error) error {
		var x Quote
		if err := scan(&x); err != nil {
			return err
		}
		return fn(x)
	})
}

// GetQuote returns one quote or ErrNotFound.
func GetQuote(ctx context.Context, q Querier, id int64) (Quote, error) {
	var x Quote
	err := q.GetContext(ctx, &x, quoteSelect+` WHERE q.id = ?`, id)
	return x, notFound(err)
}

// NextQuoteNumber returns the next BJ-YYYYMMDD-NNN for day (YYYYMMDD).
func NextQuoteNumber(ctx context.Context, q Querier, day string) (string, error) {
	return nextNumber(ctx, q, "quotes", "BJ-"+day+"-")
}

// InsertQuote adds a quote (lines separately).
func InsertQuote(ctx context.Context, q Querier, x Quote) (int64, error) {
	now := Now()
	res, err := q.ExecContext(ctx, `INSERT INTO quotes (number, title, customer_id, opportunity_id, owner_id, status, quote_date,
		valid_until, terms, notes, total_cents, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		x.Number, x.Title, x.CustomerID, x.OpportunityID, x.OwnerID, QuoteOpen, x.QuoteDate, x.ValidUntil, x.Terms, x.Notes,
		x.TotalCents, now, now)
	if err != nil {
		return 0, fmt.Errorf("insert quote: %w", err)
	}
	return res.LastInsertId()
}

// UpdateQuote writes the editable fields of a quote.
func UpdateQuote(ctx context.Context, q Querier, x Quote) error {
	_, err := q.ExecContext(ctx, `UPDATE quotes SET title = ?, customer_id = ?, opportunity_id = ?, owner_id = ?, quote_date = ?,
		valid_until = ?, terms = ?, notes = ?, total_cents = ?, updated_at = ? WHERE id = ?`,
		x.Title, x.CustomerID, x.OpportunityID, x.OwnerID, x.QuoteDate, x.ValidUntil, x.Terms, x.Notes, x.TotalCents, Now(), x.ID)
	if err != nil {
		return fmt.Errorf("update quote: %w", err)
	}
	return nil
}

// SetQuoteStatus moves a quote to status, stamping approved_at or closed_at.
func SetQuoteStatus(ctx context.Context, q Querier, id int64, status string) error {
	now := Now()
	var err error
	switch status {
	case QuoteApproved:
		_, err = q.ExecContext(ctx, `UPDATE quotes SET status = ?, approved_at = ?, updated_at = ? WHERE id = ?`, status, now, now, id)
	case QuoteClosed:
		_, err = q.ExecContext(ctx, `UPDATE quotes SET status = ?, closed_at = ?, updated_at = ? WHERE id = ?`, status, now, now, id)
	default:
		_, err = q.ExecContext(ctx, `UPDATE quotes SET status = ?, approved_at = '', updated_at = ? WHERE id = ?`, status, now, id)
	}
	if err != nil {
		return fmt.Errorf("quote status: %w", err)
	}
	return nil
}

// DeleteQuote removes a quote with its lines.
func DeleteQuote(ctx context.Context, q Querier, id int64) error {
	_, err := q.ExecContext(ctx, `DELETE FROM quotes WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete quote: %w", err)
	}
	return nil
}

// QuoteOrderCount counts the orders ever made from a quote, voided ones too.
func QuoteOrderCount(ctx context.Context, q Querier, id int64) (int, error) {
	var n int
	err := q.GetContext(ctx, &n, `SELECT COUNT(*) FROM orders WHERE quote_id = ?`, id)
	return n, err
}

// PrintCustomer is what a printed document shows of the customer.
type PrintCustomer struct {
	ID      int64  `db:"id" json:"id"`
	Name    string `db:"name" json:"name"`
	Address string `db:"address" json:"address"`
	Phone   string `db:"phone" json:"phone"`
	// Contact is the customer's first contact, if any.
	Contact      string `db:"contact" json:"contact"`
	ContactPhone string `db:"contact_phone" json:"contactPhone"`
}

// GetPrintCustomer returns the customer block of a printed document.
func GetPrintCustomer(ctx context.Context, q Querier, id int64) (PrintCustomer, error) {
	var c PrintCustomer
	err := q.GetContext(ctx, &c, `SELECT c.id, c.name, c.address, c.phone,
		COALESCE((SELECT name FROM contacts WHERE customer_id = c.id ORDER BY id LIMIT 1), '') AS contact,
		COALESCE((SELECT phone FROM contacts WHERE customer_id = c.id ORDER BY id LIMIT 1), '') AS contact_phone
		FROM customers c WHERE c.id = ?`, id)
	return c, notFound(err)
}
