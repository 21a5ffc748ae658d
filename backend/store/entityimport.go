package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"funneldesk/backend/dupe"
	"funneldesk/backend/pinyin"
)

// CustomerKey is what finds a customer again on import (查重): its
// normalized name and phone.
type CustomerKey struct {
	ID       int64  `db:"id"`
	Name     string `db:"name"`
	NameKey  string `db:"name_key"`
	PhoneKey string `db:"phone_key"`
}

// EachCustomerKey calls fn with every customer's keys, lowest id first.
func EachCustomerKey(ctx context.Context, q Querier, fn func(CustomerKey)) error {
	rows, err := q.QueryContext(ctx, `SELECT id, name, COALESCE(name_key, ''), COALESCE(phone_key, '') FROM customers ORDER BY id`)
	if err != nil {
		return fmt.Errorf("customer keys: %w", err)
	}
	defer rows.Close()
	var k CustomerKey
	for rows.Next() {
		if err := rows.Scan(&k.ID, &k.Name, &k.NameKey, &k.PhoneKey); err != nil {
			return fmt.Errorf("customer keys: %w", err)
		}
		fn(k)
	}
	return rows.Err()
}

// ContactKey is what finds a contact again on import: its customer, name,
// phone and email keys.
type ContactKey struct {
	ID         int64
	CustomerID int64
	Name       string
	PhoneKey   string
	EmailKey   string
}

// EachContactKey calls fn with every contact's keys, lowest id first.
func EachContactKey(ctx context.Context, q Querier, fn func(ContactKey)) error {
	rows, err := q.QueryContext(ctx, `SELECT id, customer_id, name, COALESCE(phone_key, ''), COALESCE(email_key, '') FROM contacts ORDER BY id`)
	if err != nil {
		return fmt.Errorf("contact keys: %w", err)
	}
	defer rows.Close()
	var k ContactKey
	for rows.Next() {
		if err := rows.Scan(&k.ID, &k.CustomerID, &k.Name, &k.PhoneKey, &k.EmailKey); err != nil {
			return fmt.Errorf("contact keys: %w", err)
		}
		fn(k)
	}
	return rows.Err()
}

// ProductCodes returns every product's id by its code folded to lower case
// (codes are unique without regard to ASCII case).
func ProductCodes(ctx context.Context, q Querier) (map[string]int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, code FROM products`)
	if err != nil {
		return nil, fmt.Errorf("product codes: %w", err)
	}
	defer rows.Close()
	out := map[string]int64{}
	var id int64
	var code string
	for rows.Next() {
		if err := rows.Scan(&id, &code); err != nil {
			return nil, fmt.Errorf("product codes: %w", err)
		}
		out[strings.ToLower(code)] = id
	}
	return out, rows.Err()
}

// CategoryPaths returns every category's id by its path from the top,
// the names joined by "/".
func CategoryPaths(ctx context.Context, q Querier) (map[string]int64, error) {
	var list []struct {
		ID     int64  `db:"id"`
		Name   string `db:"name"`
		Parent *int64 `db:"parent_id"`
	}
	if err := q.SelectContext(ctx, &list, `SELECT id, name, parent_id FROM categories`); err != nil {
		return nil, fmt.Errorf("categories: %w", err)
	}
	byID := map[int64]int{}
	for i, c := range list {
		byID[c.ID] = i
	}
	out := map[string]int64{}
	for _, c := range list {
		path, cur, hops := c.Name, c.Parent, 0
		for cur != nil && hops < 64 {
			i, ok := byID[*cur]
			if !ok {
				break
			}
			path = list[i].Name + "/" + path
			cur, hops = list[i].Parent, hops+1
		}
		out[path] = c.ID
	}
	return out, nil
}

// contactStamp is a contact as a string, for tables without updated_at:
// an import records it, and a contact whose stamp differs later was
// changed since (see ImportChanges).
const contactStamp = `(CAST(customer_id AS TEXT) || char(31) || name || char(31) || title || char(31) || phone || char(31) || email)`

// ImportedCustomer is a customer's columns an import writes.
type ImportedCustomer struct {
	Name           string
	Classification string
	Source         string
	Industry       string
	Phone          string
	Address        string
	OwnerID        *int64
	Notes          string
	Level          string
}

// custRestore are the customer columns an import may change and its undo
// writes back.
type custRestore struct {
	Classification string `db:"classification" json:"classification"`
	Source         string `db:"source" json:"source"`
	Industry       string `db:"industry" json:"industry"`
	Phone          string `db:"phone" json:"phone"`
	PhoneKey       string `db:"phone_key" json:"phone_key"`
	Address        string `db:"address" json:"address"`
	OwnerID        *int64 `db:"owner_id" json:"owner_id"`
	Notes          string `db:"notes" json:"notes"`
	Level          string `db:"level" json:"level"`
	OwnedSince     string `db:"owned_since" json:"owned_since"`
	UpdatedAt      string `db:"updated_at" json:"updated_at"`
}

// contRestore are the contact columns an import may change.
type contRestore struct {
	Name         string `db:"name" json:"name"`
	NamePy       string `db:"name_py" json:"name_py"`
	NameInitials string `db:"name_initials" json:"name_initials"`
	Title        string `db:"title" json:"title"`
	Phone        string `db:"phone" json:"phone"`
	Email        string `db:"email" json:"email"`
	PhoneKey     string `db:"phone_key" json:"phone_key"`
	EmailKey     string `db:"email_key" json:"email_key"`
}

// prodRestore are the product columns an import may change.
type prodRestore struct {
	Name        string `db:"name" json:"name"`
	CategoryID  *int64 `db:"category_id" json:"category_id"`
	Unit        string `db:"unit" json:"unit"`
	PriceCents  int64  `db:"price_cents" json:"price_cents"`
	OwnerID     *int64 `db:"owner_id" json:"owner_id"`
	Active      bool   `db:"active" json:"active"`
	Description string `db:"description" json:"description"`
	UpdatedAt   string `db:"updated_at" json:"updated_at"`
}

// EntityWriter inserts and updates the customers, contacts, products and
// categories of one import in an open transaction, through statements
// prepared once, with ids handed out ahead (the transaction holds the
// write lock), so that what the import added is an id range per table.
type EntityWriter struct {
	ctx context.Context
	tx  Tx
	now string

	FirstCustomer, NextCustomer int64
	FirstContact, NextContact   int64
	FirstProduct, NextProduct   int64
	FirstCategory, NextCategory int64

	custStmt, contStmt, prodStmt *sql.Stmt
	custRead, custUpdate         *sql.Stmt
	contRead, contUpdate         *sql.Stmt
	// Updated are the records that were there before and were changed.
	Updated []ImportItem

	restoreCache func()
	// pausedGrams are the name-gram insert triggers of customers and
	// contacts while the writer has them dropped (see NewEntityWriter).
	pausedGrams []string
}

// entityGramTriggers are the per-row insert triggers (migration 0025) the
// entity writer pauses: per row each costs a statement and a query, about
// as much as the insert itself. Finish adds the new rows' grams in one
// statement per table, in key order, as the opportunity writer does.
var entityGramTriggers = []string{"customer_grams_insert", "contact_grams_insert"}

// NewEntityWriter prepares the writer's statements. Close it when done.
func NewEntityWriter(ctx context.Context, tx Tx) (*EntityWriter, error) {
	w := &EntityWriter{ctx: context.WithoutCancel(ctx), tx: tx, now: Now()}
	// The same big page cache as the opportunity writer: 100,000 customers
	// and contacts touch index pages all over, which the default cache
	// would spill to the WAL mid-transaction.
	var err error
	if w.restoreCache, err = takeImportCache(ctx, tx); err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	for _, r := range []struct {
		table string
		dst   *int64
	}{{"customers", &w.NextCustomer}, {"contacts", &w.NextContact}, {"products", &w.NextProduct}, {"categories", &w.NextCategory}} {
		if err := tx.GetContext(ctx, r.dst, nextIDQuery(r.table)); err != nil {
			return nil, fmt.Errorf("import: %w", err)
		}
	}
	w.FirstCustomer, w.FirstContact, w.FirstProduct, w.FirstCategory = w.NextCustomer, w.NextContact, w.NextProduct, w.NextCategory
	if w.pausedGrams, err = pauseTriggers(ctx, tx, entityGramTriggers...); err != nil {
		return nil, err
	}
	if w.custStmt, err = tx.PrepareContext(ctx, `INSERT INTO customers (id, name, name_py, name_initials, classification, source,
		industry, phone, address, owner_id, notes, created_at, updated_at, level, status, owned_since, name_key, phone_key)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'owned', ?, ?, ?)`); err != nil {
		w.Close()
		return nil, fmt.Errorf("import: prepare customers: %w", err)
	}
	if w.contStmt, err = tx.PrepareContext(ctx, `INSERT INTO contacts (id, customer_id, name, name_py, name_initials, title, phone,
		email, phone_key, email_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`); err != nil {
		w.Close()
		return nil, fmt.Errorf("import: prepare contacts: %w", err)
	}
	for _, p := range []struct {
		dst **sql.Stmt
		sql string
	}{
		{&w.custRead, `SELECT classification, source, industry, phone, COALESCE(phone_key, ''), address, owner_id, notes, level, owned_since,
			updated_at, status FROM customers WHERE id = ?`},
		{&w.custUpdate, `UPDATE customers SET classification = ?, source = ?, industry = ?, phone = ?, phone_key = ?, address = ?,
			owner_id = ?, notes = ?, level = ?, owned_since = ?, updated_at = ? WHERE id = ?`},
		{&w.contRead, `SELECT customer_id, name, COALESCE(name_py, ''), COALESCE(name_initials, ''), title, phone, email,
			COALESCE(phone_key, ''), COALESCE(email_key, '') FROM contacts WHERE id = ?`},
		{&w.contUpdate, `UPDATE contacts SET name = ?, name_py = ?, name_initials = ?, title = ?, phone = ?, email = ?, phone_key = ?,
			email_key = ? WHERE id = ?`},
	} {
		if *p.dst, err = tx.PrepareContext(ctx, p.sql); err != nil {
			w.Close()
			return nil, fmt.Errorf("import: prepare: %w", err)
		}
	}
	if w.prodStmt, err = tx.PrepareContext(ctx, `INSERT INTO products (id, code, name, category_id, unit, price_cents, owner_id,
		active, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`); err != nil {
		w.Close()
		return nil, fmt.Errorf("import: prepare products: %w", err)
	}
	return w, nil
}

// Finish adds the grams of the customers and contacts the writer added
// and puts the paused triggers back. Updates meanwhile kept their own
// triggers (which found no grams yet for new rows; the catch-up reads the
// rows as they are now, and INSERT OR IGNORE keeps it idempotent).
func (w *EntityWriter) Finish() error {
	if len(w.pausedGrams) == 0 {
		return nil
	}
	for _, r := range []struct {
		table       string
		first, next int64
	}{{"customers", w.FirstCustomer, w.NextCustomer}, {"contacts", w.FirstContact, w.NextContact}} {
		if r.next > r.first {
			if _, err := w.tx.ExecContext(w.ctx, addGramsSQL(r.table), r.first, r.next); err != nil {
				return fmt.Errorf("import: %s grams: %w", r.table, err)
			}
		}
	}
	paused := w.pausedGrams
	w.pausedGrams = nil
	return resumeTriggers(w.ctx, w.tx, paused)
}

// Close releases the statements (and puts back triggers Finish did not:
// the transaction is then rolled back, which would bring them back too).
func (w *EntityWriter) Close() {
	if len(w.pausedGrams) > 0 {
		_ = resumeTriggers(w.ctx, w.tx, w.pausedGrams)
		w.pausedGrams = nil
	}
	for _, s := range []*sql.Stmt{w.custStmt, w.contStmt, w.prodStmt, w.custRead, w.custUpdate, w.contRead, w.contUpdate} {
		if s != nil {
			s.Close()
		}
	}
	if w.restoreCache != nil {
		w.restoreCache()
	}
}

// Now is the time the writer stamps rows with.
func (w *EntityWriter) Now() string { return w.now }

// AddCustomer inserts an owned customer and returns its id.
func (w *EntityWriter) AddCustomer(c ImportedCustomer) (int64, error) {
	id := w.NextCustomer
	py, ini := pinyin.Keys(c.Name)
	if _, err := w.custStmt.ExecContext(w.ctx, id, c.Name, py, ini, c.Classification, c.Source, c.Industry, c.Phone, c.Address,
		c.OwnerID, c.Notes, w.now, w.now, c.Level, w.now, dupe.Name(c.Name), dupe.Phone(c.Phone)); err != nil {
		return 0, fmt.Errorf("insert customer: %w", err)
	}
	w.NextCustomer++
	return id, nil
}

// UpdateCustomer puts the values an import gives (the non-empty ones;
// ownerID nil keeps the owner, who changes only on an owned customer) over
// customer id, keeping the row as it was for undo. Its name stays: it is
// what found it. It reports whether anything changed (nothing is written
// otherwise, so that importing a file again leaves the customer alone).
func (w *EntityWriter) UpdateCustomer(id int64, given ImportedCustomer, ownerID *int64) (bool, error) {
	var old custRestore
	var status string
	if err := w.custRead.QueryRowContext(w.ctx, id).Scan(&old.Classification, &old.Source, &old.Industry, &old.Phone, &old.PhoneKey,
		&old.Address, &old.OwnerID, &old.Notes, &old.Level, &old.OwnedSince, &old.UpdatedAt, &status); err != nil {
		return false, fmt.Errorf("read customer: %w", err)
	}
	next := old
	for _, f := range []struct{ d, s *string }{{&next.Classification, &given.Classification}, {&next.Source, &given.Source},
		{&next.Industry, &given.Industry}, {&next.Phone, &given.Phone}, {&next.Address, &given.Address}, {&next.Notes, &given.Notes},
		{&next.Level, &given.Level}} {
		if *f.s != "" {
			*f.d = *f.s
		}
	}
	if ownerID != nil && status == CustomerOwned && (old.OwnerID == nil || *old.OwnerID != *ownerID) {
		next.OwnerID, next.OwnedSince = ownerID, w.now
	}
	next.PhoneKey = dupe.Phone(next.Phone)
	sameOwner := (old.OwnerID == nil) == (next.OwnerID == nil) && (old.OwnerID == nil || *old.OwnerID == *next.OwnerID)
	o, n := old, next
	o.OwnerID, n.OwnerID = nil, nil
	if sameOwner && o == n {
		return false, nil
	}
	if _, err := w.custUpdate.ExecContext(w.ctx, next.Classification, next.Source, next.Industry, next.Phone, next.PhoneKey, next.Address,
		next.OwnerID, next.Notes, next.Level, next.OwnedSince, w.now, id); err != nil {
		return false, fmt.Errorf("update customer: %w", err)
	}
	b, _ := json.Marshal(old)
	w.Updated = append(w.Updated, ImportItem{Table: "customers", RecordID: id, Action: "update", Before: string(b), Stamp: w.now})
	return true, nil
}

// AddContact inserts a contact and returns its id.
func (w *EntityWriter) AddContact(c Contact) (int64, error) {
	id := w.NextContact
	py, ini := pinyin.PersonKeys(c.Name)
	if _, err := w.contStmt.ExecContext(w.ctx, id, c.CustomerID, c.Name, py, ini, c.Title, c.Phone, c.Email,
		dupe.Phone(c.Phone), dupe.Email(c.Email)); err != nil {
		return 0, fmt.Errorf("insert contact: %w", err)
	}
	w.NextContact++
	return id, nil
}

// UpdateContact puts the non-empty values of c over contact c.ID (its
// customer stays), keeping the row as it was for undo; it reports whether
// anything changed.
func (w *EntityWriter) UpdateContact(c Contact) (bool, error) {
	var old contRestore
	var customerID int64
	if err := w.contRead.QueryRowContext(w.ctx, c.ID).Scan(&customerID, &old.Name, &old.NamePy, &old.NameInitials, &old.Title, &old.Phone,
		&old.Email, &old.PhoneKey, &old.EmailKey); err != nil {
		return false, fmt.Errorf("read contact: %w", err)
	}
	next := old
	for _, f := range []struct{ d, s *string }{{&next.Name, &c.Name}, {&next.Title, &c.Title}, {&next.Phone, &c.Phone}, {&next.Email, &c.Email}} {
		if *f.s != "" {
			*f.d = *f.s
		}
	}
	if next.Name == old.Name && next.Title == old.Title && next.Phone == old.Phone && next.Email == old.Email {
		return false, nil
	}
	next.NamePy, next.NameInitials = pinyin.PersonKeys(next.Name)
	next.PhoneKey, next.EmailKey = dupe.Phone(next.Phone), dupe.Email(next.Email)
	if _, err := w.contUpdate.ExecContext(w.ctx, next.Name, next.NamePy, next.NameInitials, next.Title, next.Phone, next.Email,
		next.PhoneKey, next.EmailKey, c.ID); err != nil {
		return false, fmt.Errorf("update contact: %w", err)
	}
	// The stamp as contactStamp computes it in SQL.
	stamp := strconv.FormatInt(customerID, 10) + "\x1f" + next.Name + "\x1f" + next.Title + "\x1f" + next.Phone + "\x1f" + next.Email
	b, _ := json.Marshal(old)
	w.Updated = append(w.Updated, ImportItem{Table: "contacts", RecordID: c.ID, Action: "update", Before: string(b), Stamp: stamp})
	return true, nil
}

// AddCategory inserts a category under parent (nil: at the top).
func (w *EntityWriter) AddCategory(name string, parent *int64) (int64, error) {
	id := w.NextCategory
	if _, err := w.tx.ExecContext(w.ctx, `INSERT INTO categories (id, name, parent_id, position, created_at)
		VALUES (?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM categories WHERE parent_id IS ?), ?)`,
		id, name, parent, parent, w.now); err != nil {
		return 0, fmt.Errorf("insert category: %w", err)
	}
	w.NextCategory++
	return id, nil
}

// AddProduct inserts a product and returns its id.
func (w *EntityWriter) AddProduct(p Product) (int64, error) {
	id := w.NextProduct
	if _, err := w.prodStmt.ExecContext(w.ctx, id, p.Code, p.Name, p.CategoryID, p.Unit, p.PriceCents, p.OwnerID, boolInt(p.Active),
		p.Description, w.now, w.now); err != nil {
		return 0, fmt.Errorf("insert product: %w", err)
	}
	w.NextProduct++
	return id, nil
}

// UpdateProduct overwrites product p.ID (its code stays) and keeps the row
// as it was for undo.
func (w *EntityWriter) UpdateProduct(p Product) error {
	var old prodRestore
	if err := w.tx.GetContext(w.ctx, &old, `SELECT name, category_id, unit, price_cents, owner_id, active, description, updated_at
		FROM products WHERE id = ?`, p.ID); err != nil {
		return fmt.Errorf("read product: %w", err)
	}
	if _, err := w.tx.ExecContext(w.ctx, `UPDATE products SET name = ?, category_id = ?, unit = ?, price_cents = ?, owner_id = ?,
		active = ?, description = ?, updated_at = ? WHERE id = ?`, p.Name, p.CategoryID, p.Unit, p.PriceCents, p.OwnerID,
		boolInt(p.Active), p.Description, w.now, p.ID); err != nil {
		return fmt.Errorf("update product: %w", err)
	}
	b, _ := json.Marshal(old)
	w.Updated = append(w.Updated, ImportItem{Table: "products", RecordID: p.ID, Action: "update", Before: string(b), Stamp: w.now})
	return nil
}
