package store

import (
	"context"
	"fmt"
	"strings"

	"funneldesk/backend/dupe"
	"funneldesk/backend/pinyin"
)

// Customer is a company the team sells to.
type Customer struct {
	ID             int64  `db:"id" json:"id"`
	Name           string `db:"name" json:"name"`
	Classification string `db:"classification" json:"classification"`
	Source         string `db:"source" json:"source"`
	Industry       string `db:"industry" json:"industry"`
	Phone          string `db:"phone" json:"phone"`
	Address        string `db:"address" json:"address"`
	OwnerID        *int64 `db:"owner_id" json:"ownerId"`
	OwnerName      string `db:"owner_name" json:"ownerName"`
	Notes          string `db:"notes" json:"notes"`
	CreatedAt      string `db:"created_at" json:"createdAt"`
	UpdatedAt      string `db:"updated_at" json:"updatedAt"`
	// LastFollowupAt is the date of the latest follow-up, "" for none.
	LastFollowupAt string `db:"last_followup_at" json:"lastFollowupAt"`
	// Opportunities counts this customer's opportunities.
	Opportunities int `db:"opportunities" json:"opportunities"`
	// Level is the customer level (客户级别, e.g. A/B/C) recycle rules use.
	Level string `db:"level" json:"level"`
	// Status is owned, pool (未领用, in PoolID) or voided (作废, in PoolID).
	Status     string `db:"status" json:"status"`
	PoolID     *int64 `db:"pool_id" json:"poolId"`
	PoolName   string `db:"pool_name" json:"poolName"`
	HomePoolID *int64 `db:"home_pool_id" json:"homePoolId"`
	OwnedSince string `db:"owned_since" json:"ownedSince"`
	PoolSince  string `db:"pool_since" json:"poolSince"`
	PoolReason string `db:"pool_reason" json:"poolReason"`
}

// Customer statuses.
const (
	CustomerOwned  = "owned"
	CustomerPool   = "pool"
	CustomerVoided = "voided"
)

// CustomerFilter selects a page of customers.
type CustomerFilter struct {
	Query          string
	Classification string
	OwnerID        int64
	Offset, Limit  int
}

const customerSelect = `SELECT c.id, c.name, c.classification, c.source, c.industry, c.phone, c.address,
	c.owner_id, COALESCE(w.name, '') AS owner_name, c.notes, c.created_at, c.updated_at, c.last_followup_at,
	(SELECT COUNT(*) FROM opportunities o WHERE o.customer_id = c.id) AS opportunities,
	c.level, c.status, c.pool_id, COALESCE(pl.name, '') AS pool_name, c.home_pool_id, c.owned_since, c.pool_since, c.pool_reason
	FROM customers c LEFT JOIN owners w ON w.id = c.owner_id LEFT JOIN pools pl ON pl.id = c.pool_id`

// where is the filter's conditions (on customers c) and their arguments: a
// search matches the name or phone anywhere, or the start of the name's
// pinyin or initials (nameMatch).
func (f CustomerFilter) where() ([]string, []any) {
	var where []string
	var args []any
	if q := strings.TrimSpace(f.Query); q != "" {
		name, a := nameMatch("c", "customers", q)
		where = append(where, `(`+name+` OR c.phone LIKE ? ESCAPE '\')`)
		args = append(append(args, a...), "%"+escapeLike(q)+"%")
	}
	if f.Classification != "" {
		where = append(where, `c.classification = ?`)
		args = append(args, f.Classification)
	}
	if f.OwnerID != 0 {
		where = append(where, `c.owner_id = ?`)
		args = append(args, f.OwnerID)
	}
	return where, args
}

// EachCustomer hands every customer matching f (Offset and Limit aside) to
// fn in the list's order, by the name's pinyin: the export streams them.
func EachCustomer(ctx context.Context, q Querier, f CustomerFilter, fn func(Customer) error) error {
	where, args := f.where()
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	return each(ctx, q, customerSelect+cond+` ORDER BY c.name_py, c.id`, args, func(scan func(any) error) error {
		var c Customer
		if err := scan(&c); err != nil {
			return err
		}
		return fn(c)
	})
}

// ListCustomers returns a page of customers in pinyin order of their names
// and the total matching. A search matches the name or phone anywhere, or
// the start of the name's pinyin or initials (nameMatch). The page's ids
// are picked on the customers table alone (customers_name_py holds the key
// and id), so the owner join and the opportunity count run for
// its rows only. A text search reads the whole table: it collects the
// matches in the pass that counts them when they are few.
func ListCustomers(ctx context.Context, q Querier, f CustomerFilter) ([]Customer, int, error) {
	search := strings.TrimSpace(f.Query) != ""
	where, args := f.where()
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	total := -1
	var ids []int64
	if search {
		var found []int64
		if err := q.SelectContext(ctx, &found, `SELECT c.id FROM customers c`+cond+` LIMIT ?`,
			append(args, searchCollect+1)...); err != nil {
			return nil, 0, fmt.Errorf("search customers: %w", err)
		}
		if len(found) <= searchCollect {
			total = len(found)
			ids = []int64{}
			if len(found) > 0 && f.Offset < len(found) {
				if err := q.SelectContext(ctx, &ids, `SELECT c.id FROM customers c WHERE c.id IN `+idList+
					` ORDER BY +c.name_py, c.id LIMIT ? OFFSET ?`, idsJSON(found), f.Limit, f.Offset); err != nil {
					return nil, 0, fmt.Errorf("list customers: %w", err)
				}
			}
		}
	}
	if total < 0 {
		if err := q.GetContext(ctx, &total, `SELECT COUNT(*) FROM customers c`+cond, args...); err != nil {
			return nil, 0, fmt.Errorf("count customers: %w", err)
		}
		// Few matches: sort them rather than walk the name index and look
		// up every customer on the way (the cost model of pageIDs).
		order := ` ORDER BY c.name_py, c.id`
		if _, py := pinyin.Query(f.Query); search && py {
			// Pinyin matches cluster in the order of the key index, so a
			// walk may pass most of the table before reaching them: sort.
			order = ` ORDER BY +c.name_py, c.id`
		} else if len(where) > 0 {
			var n int64
			if err := q.GetContext(ctx, &n, `SELECT COALESCE(MAX(id), 0) FROM customers`); err != nil {
				return nil, 0, fmt.Errorf("count customers: %w", err)
			}
			if int64(total)*int64(total) < int64(f.Offset+f.Limit)*n {
				order = ` ORDER BY +c.name_py, c.id`
			}
		}
		if err := q.SelectContext(ctx, &ids, `SELECT c.id FROM customers c`+cond+order+` LIMIT ? OFFSET ?`,
			append(args, f.Limit, f.Offset)...); err != nil {
			return nil, 0, fmt.Errorf("list customers: %w", err)
		}
	}
	out := []Customer{}
	if len(ids) == 0 {
		return out, total, nil
	}
	c, a := inInts("c.id", ids)
	var rows []Customer
	if err := q.SelectContext(ctx, &rows, customerSelect+` WHERE `+c, a...); err != nil {
		return nil, 0, fmt.Errorf("list customers: %w", err)
	}
	out = inOrder(out, ids, rows, func(r Customer) int64 { return r.ID })
	return out, total, nil
}

// ListCustomersCapped is ListCustomers with a text search's total counted
// up to f.Offset + countCap (capped reports more), following the plan of
// grams.go when the search is the only filter: the name's bigrams, and the
// phone (read whole from its partial index, migration 0032: phones have no
// index of their words, and a customer table is a tenth of the
// opportunities).
func ListCustomersCapped(ctx context.Context, q Querier, f CustomerFilter, countCap int) (
	items []Customer, total int, capped bool, err error) {
	s := strings.TrimSpace(f.Query)
	if countCap <= 0 || s == "" || f.Classification != "" || f.OwnerID != 0 {
		items, total, err = ListCustomers(ctx, q, f)
		return items, total, false, err
	}
	like := "%" + escapeLike(s) + "%"
	phone := `SELECT id FROM customers WHERE phone <> '' AND phone LIKE ? ESCAPE '\'`
	p := textSources("customers", s)
	// Text with a character no saved phone holds (a name, 客户) spares the
	// read of every phone.
	if !couldBePhone(s) {
		phone = ""
	} else {
		p.add(phone, like)
	}
	// The list's order is the name's: its matches are merged in that
	// order from their parts (namesearch.go), the phones one of them.
	ids, total, capped, err := nameSearch(ctx, q, "customers", p, func() ([]nameSet, error) {
		sets, err := nameSets(ctx, q, "customers", s)
		if err != nil {
			return nil, err
		}
		if phone == "" {
			return sets, nil
		}
		c, err := countArms(ctx, q, []string{phone}, []any{like}, nameCountCap)
		if err != nil || c == 0 {
			return sets, err
		}
		return append(sets, nameSet{what: "phone", ids: phone, args: []any{like}, test: `+t.phone LIKE ? ESCAPE '\'`,
			testArgs: []any{like}, count: c}), nil
	}, f.Offset, f.Limit, countCap, false)
	if err != nil {
		return nil, 0, false, err
	}
	items, err = customersByID(ctx, q, ids)
	return items, total, capped, err
}

// customersByID reads the rows of ids, in that order.
func customersByID(ctx context.Context, q Querier, ids []int64) ([]Customer, error) {
	out := []Customer{}
	if len(ids) == 0 {
		return out, nil
	}
	c, a := inInts("c.id", ids)
	var rows []Customer
	if err := q.SelectContext(ctx, &rows, customerSelect+` WHERE `+c, a...); err != nil {
		return nil, fmt.Errorf("list customers: %w", err)
	}
	return inOrder(out, ids, rows, func(r Customer) int64 { return r.ID }), nil
}

// GetCustomer returns one customer or ErrNotFound.
func GetCustomer(ctx context.Context, q Querier, id int64) (Customer, error) {
	var c Customer
	err := q.GetContext(ctx, &c, customerSelect+` WHERE c.id = ?`, id)
	return c, notFound(err)
}

// CustomersNamed returns the customers whose name is exactly name.
func CustomersNamed(ctx context.Context, q Querier, name string) ([]Customer, error) {
	out := []Customer{}
	err := q.SelectContext(ctx, &out, customerSelect+` WHERE c.name = ? ORDER BY c.id`, name)
	return out, err
}

// InsertCustomer adds a customer.
func InsertCustomer(ctx context.Context, q Querier, c Customer) (int64, error) {
	now := Now()
	py, ini := pinyin.Keys(c.Name)
	if c.Status == "" {
		c.Status = CustomerOwned
	}
	if c.Status == CustomerOwned && c.OwnedSince == "" {
		c.OwnedSince = now
	}
	if c.Status != CustomerOwned && c.PoolSince == "" {
		c.PoolSince = now
	}
	res, err := q.ExecContext(ctx, `INSERT INTO customers (name, name_py, name_initials, classification, source, industry, phone,
		address, owner_id, notes, created_at, updated_at, level, status, pool_id, home_pool_id, owned_since, pool_since, pool_reason,
		name_key, phone_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.Name, py, ini, c.Classification, c.Source, c.Industry, c.Phone, c.Address, c.OwnerID, c.Notes, now, now,
		c.Level, c.Status, c.PoolID, c.HomePoolID, c.OwnedSince, c.PoolSince, c.PoolReason, dupe.Name(c.Name), dupe.Phone(c.Phone))
	if err != nil {
		return 0, fmt.Errorf("insert customer: %w", err)
	}
	return res.LastInsertId()
}

// UpdateCustomer writes every editable field (the owner only of an owned
// customer: a pooled or voided one moves through the pool's actions).
func UpdateCustomer(ctx context.Context, q Querier, c Customer) error {
	py, ini := pinyin.Keys(c.Name)
	_, err := q.ExecContext(ctx, `UPDATE customers SET name = ?, name_py = ?, name_initials = ?, classification = ?, source = ?,
		industry = ?, phone = ?, address = ?, owner_id = CASE WHEN status = 'owned' THEN ? ELSE owner_id END, notes = ?, updated_at = ?,
		level = ?, name_key = ?, phone_key = ? WHERE id = ?`,
		c.Name, py, ini, c.Classification, c.Source, c.Industry, c.Phone, c.Address, c.OwnerID, c.Notes, Now(),
		c.Level, dupe.Name(c.Name), dupe.Phone(c.Phone), c.ID)
	if err != nil {
		return fmt.Errorf("update customer: %w", err)
	}
	return nil
}

// DeleteCustomer removes a customer with its contacts and follow-ups.
func DeleteCustomer(ctx context.Context, q Querier, id int64) error {
	_, err := q.ExecContext(ctx, `DELETE FROM customers WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete customer: %w", err)
	}
	return nil
}

// Contact is a person at a customer.
type Contact struct {
	ID         int64  `db:"id" json:"id"`
	CustomerID int64  `db:"customer_id" json:"customerId"`
	Name       string `db:"name" json:"name"`
	Title      string `db:"title" json:"title"`
	Phone      string `db:"phone" json:"phone"`
	Email      string `db:"email" json:"email"`
}

// ListContacts returns a customer's contacts.
func ListContacts(ctx context.Context, q Querier, customerID int64) ([]Contact, error) {
	out := []Contact{}
	err := q.SelectContext(ctx, &out, `SELECT id, customer_id, name, title, phone, email FROM contacts WHERE customer_id = ? ORDER BY id`, customerID)
	return out, err
}

// GetContact returns one contact or ErrNotFound.
func GetContact(ctx context.Context, q Querier, id int64) (Contact, error) {
	var c Contact
	err := q.GetContext(ctx, &c, `SELECT id, customer_id, name, title, phone, email FROM contacts WHERE id = ?`, id)
	return c, notFound(err)
}

// InsertContact adds a contact.
func InsertContact(ctx context.Context, q Querier, c Contact) (int64, error) {
	py, ini := pinyin.PersonKeys(c.Name)
	res, err := q.ExecContext(ctx, `INSERT INTO contacts (customer_id, name, name_py, name_initials, title, phone, email, phone_key, email_key)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, c.CustomerID, c.Name, py, ini, c.Title, c.Phone, c.Email, dupe.Phone(c.Phone), dupe.Email(c.Email))
	if err != nil {
		return 0, fmt.Errorf("insert contact: %w", err)
	}
	return res.LastInsertId()
}

// UpdateContact writes a contact.
func UpdateContact(ctx context.Context, q Querier, c Contact) error {
	py, ini := pinyin.PersonKeys(c.Name)
	_, err := q.ExecContext(ctx, `UPDATE contacts SET name = ?, name_py = ?, name_initials = ?, title = ?, phone = ?, email = ?,
		phone_key = ?, email_key = ? WHERE id = ?`,
		c.Name, py, ini, c.Title, c.Phone, c.Email, dupe.Phone(c.Phone), dupe.Email(c.Email), c.ID)
	return err
}

// DeleteContact removes a contact.
func DeleteContact(ctx context.Context, q Querier, id int64) error {
	res, err := q.ExecContext(ctx, `DELETE FROM contacts WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete contact: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// escapeLike escapes LIKE wildcards so user text matches literally.
func escapeLike(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}
