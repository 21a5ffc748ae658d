package store

import (
	"context"
	"fmt"
	"strings"

	"funneldesk/backend/dupe"
)

// SearchHit is one record found by the global search.
type SearchHit struct {
	// Kind is customer, contact, opportunity, lead, quote or order.
	Kind string `db:"kind" json:"kind"`
	ID   int64  `db:"id" json:"id"`
	// Title is the record's name (a quote's or order's number).
	Title string `db:"title" json:"title"`
	// Detail says which one it is: the customer, a phone, a document's title.
	Detail string `db:"detail" json:"detail"`
	// CustomerID is the customer a contact belongs to (it opens there).
	CustomerID int64 `db:"customer_id" json:"customerId"`
}

// Search finds up to limit records of each kind whose name (with its pinyin
// and initials, nameMatch), number or phone contains s: customers, contacts,
// opportunities, leads, quotes and orders, each kind in its list's order. Every
// kind is its own LIMITed query, so a common word costs five short scans,
// not a sort of everything that matches.
func Search(ctx context.Context, q Querier, s string, limit int) ([]SearchHit, error) {
	s = strings.TrimSpace(s)
	if s == "" || limit <= 0 {
		return nil, nil
	}
	like := "%" + escapeLike(s) + "%"
	// A phone is found however it was written: "13800138000" finds
	// "+86 138-0013-8000" through the digits key the duplicate check keeps.
	phoneKey := ""
	if k := dupe.Phone(s); k != "" && digitsOnly(s) {
		phoneKey = "%" + k + "%"
	}
	phone := func(alias string) (string, []any) {
		if phoneKey == "" {
			return `0`, nil
		}
		return alias + `.phone_key LIKE ?`, []any{phoneKey}
	}

	type part struct {
		kind, query string
		args        []any
	}
	var parts []part
	// named adds a kind found by its name: its matches are collected first
	// through the name bigrams (and pinyin keys) and, when not too many,
	// sorted by name; walking the name index instead would look up every
	// row before the first match, a whole table for a rare word.
	named := func(kind, table, alias, sel, cond string, args []any) error {
		var found []int64
		if err := q.SelectContext(ctx, &found, `SELECT `+alias+`.id FROM `+table+` `+alias+` WHERE `+cond+` LIMIT ?`,
			append(append([]any{}, args...), searchSortMax+1)...); err != nil {
			return fmt.Errorf("search %ss: %w", kind, err)
		}
		order := ` ORDER BY ` + alias + `.name_py, ` + alias + `.id LIMIT ?`
		if len(found) <= searchSortMax {
			parts = append(parts, part{kind, sel + ` WHERE ` + alias + `.id IN ` + idList + ` ORDER BY +` + alias + `.name_py, ` +
				alias + `.id LIMIT ?`, []any{idsJSON(found), limit}})
			return nil
		}
		parts = append(parts, part{kind, sel + ` WHERE ` + cond + order, append(args, limit)})
		return nil
	}

	name, a := nameMatch("c", "customers", s)
	ph, pa := phone("c")
	if err := named("customer", "customers", "c", `SELECT 'customer' AS kind, c.id, c.name AS title, c.phone AS detail, c.id AS customer_id
		FROM customers c`, name+` OR c.phone LIKE ? ESCAPE '\' OR `+ph, concat(a, []any{like}, pa)); err != nil {
		return nil, err
	}

	name, a = nameMatch("ct", "contacts", s)
	ph, pa = phone("ct")
	if err := named("contact", "contacts", "ct", `SELECT 'contact' AS kind, ct.id, ct.name AS title,
		cu.name || CASE WHEN ct.phone <> '' THEN ' · ' || ct.phone ELSE '' END AS detail, ct.customer_id
		FROM contacts ct JOIN customers cu ON cu.id = ct.customer_id`,
		name+` OR ct.phone LIKE ? ESCAPE '\' OR ct.email LIKE ? ESCAPE '\' OR `+ph, concat(a, []any{like, like}, pa)); err != nil {
		return nil, err
	}

	name, a = nameMatch("o", "opportunities", s)
	if err := named("opportunity", "opportunities", "o", `SELECT 'opportunity' AS kind, o.id, o.name AS title, cu.name AS detail, o.customer_id
		FROM opportunities o JOIN customers cu ON cu.id = o.customer_id`, name, a); err != nil {
		return nil, err
	}

	// Leads by name, company, contact person or phone (lead_grams,
	// migration 0027), as the lead list searches them.
	name, a = leadTextMatch(s)
	if err := named("lead", "leads", "l", `SELECT 'lead' AS kind, l.id, l.name AS title,
		l.company || CASE WHEN l.company <> '' AND l.phone <> '' THEN ' · ' ELSE '' END || l.phone AS detail, 0 AS customer_id
		FROM leads l`, name, a); err != nil {
		return nil, err
	}

	for _, doc := range []struct{ kind, table string }{{"quote", "quotes"}, {"order", "orders"}} {
		parts = append(parts, part{doc.kind, `SELECT '` + doc.kind + `' AS kind, d.id, d.number AS title,
			cu.name || CASE WHEN d.title <> '' THEN ' · ' || d.title ELSE '' END AS detail, d.customer_id
			FROM ` + doc.table + ` d JOIN customers cu ON cu.id = d.customer_id
			WHERE d.number LIKE ? ESCAPE '\' OR d.title LIKE ? ESCAPE '\'
			ORDER BY d.id DESC LIMIT ?`, []any{like, like, limit}})
	}

	var hits []SearchHit
	for _, p := range parts {
		var rows []SearchHit
		if err := q.SelectContext(ctx, &rows, p.query, p.args...); err != nil {
			return nil, fmt.Errorf("search %ss: %w", p.kind, err)
		}
		hits = append(hits, rows...)
	}
	return hits, nil
}

// searchSortMax is how many matches of a kind Search sorts; with more, the
// name index's walk meets a match every few hundred rows at worst, and
// gathering them all (one character: a tenth of the table) costs more.
const searchSortMax = 2000

// digitsOnly: s reads as a phone number (digits and the usual separators).
func digitsOnly(s string) bool {
	for _, r := range s {
		if !strings.ContainsRune("0123456789 +-()", r) {
			return false
		}
	}
	return true
}

func concat(parts ...[]any) []any {
	var out []any
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}
