package store

import (
	"context"
	"strings"
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

// Search finds up to limit records of each kind — customers, contacts,
// opportunities, leads, quotes and orders — whose name (a document's number
// or title) contains s, whose pinyin or initials start with it, whose
// phone starts or ends with its digits or whose email starts with it, each
// kind best matches first (searchtop.go: pinyin, initials, phone, email,
// then newest first). Every kind is a few LIMITed index reads, so a common
// word costs no more than a rare one.
func Search(ctx context.Context, q Querier, s string, limit int) ([]SearchHit, error) {
	s = strings.TrimSpace(s)
	if s == "" || limit <= 0 {
		return nil, nil
	}
	like := "%" + escapeLike(s) + "%"
	// named is the source of a kind found by its name's bigrams and
	// pinyin keys, with its phone (by its first or last digits when s is a
	// number, else as written, from its partial index) and email columns.
	// Ranges come in this order: pinyin, initials, phone start and end, email.
	phones := phoneRanges(s)
	named := func(table, grams string, cols ...string) topSource {
		src := topSource{table: table, grams: grams, ranges: pinyinRanges(s), check: `t.name LIKE ? ESCAPE '\'`, checkArgs: []any{like}}
		other := func(query string) {
			src.others, src.otherArgs = append(src.others, query), append(src.otherArgs, like)
		}
		for _, c := range cols {
			switch {
			case c == "email" && couldBeEmail(s):
				// An address by its start from its key's index; anywhere
				// in it (a domain) only when typed with its @: reading
				// every address costs 10 ms at 200,000 contacts.
				src.ranges = append(src.ranges, keyRange{"email_key", strings.ToLower(s)})
				if strings.Contains(s, "@") {
					other(`SELECT id FROM ` + table + ` WHERE email <> '' AND email LIKE ? ESCAPE '\'`)
				}
			case c != "phone":
			case phones != nil:
				src.ranges = append(src.ranges, phones...)
			case couldBePhone(s):
				other(`SELECT id FROM ` + table + ` WHERE phone <> '' AND phone LIKE ? ESCAPE '\'`)
			}
		}
		return src
	}

	var hits []SearchHit
	var err error
	if hits, err = topKind(ctx, q, hits, "customer", named("customers", "customer_grams", "phone"),
		`SELECT 'customer' AS kind, c.id, c.name AS title, c.phone AS detail, c.id AS customer_id FROM customers c`,
		"c", s, limit); err != nil {
		return nil, err
	}
	if hits, err = topKind(ctx, q, hits, "contact", named("contacts", "contact_grams", "phone", "email"),
		`SELECT 'contact' AS kind, ct.id, ct.name AS title,
		cu.name || CASE WHEN ct.phone <> '' THEN ' · ' || ct.phone ELSE '' END AS detail, ct.customer_id
		FROM contacts ct JOIN customers cu ON cu.id = ct.customer_id`, "ct", s, limit); err != nil {
		return nil, err
	}
	if hits, err = topKind(ctx, q, hits, "opportunity", named("opportunities", "opportunity_grams"),
		`SELECT 'opportunity' AS kind, o.id, o.name AS title, cu.name AS detail, o.customer_id
		FROM opportunities o JOIN customers cu ON cu.id = o.customer_id`, "o", s, limit); err != nil {
		return nil, err
	}
	// Leads by name, company, contact person or phone (lead_grams,
	// migration 0027), as the lead list searches them.
	leads := topSource{table: "leads", grams: "lead_grams", ranges: pinyinRanges(s),
		check: `(t.name LIKE ? ESCAPE '\' OR t.company LIKE ? ESCAPE '\' OR t.contact_name LIKE ? ESCAPE '\'
			OR t.phone LIKE ? ESCAPE '\')`, checkArgs: []any{like, like, like, like}}
	if hits, err = topKind(ctx, q, hits, "lead", leads, `SELECT 'lead' AS kind, l.id, l.name AS title,
		l.company || CASE WHEN l.company <> '' AND l.phone <> '' THEN ' · ' ELSE '' END || l.phone AS detail, 0 AS customer_id
		FROM leads l`, "l", s, limit); err != nil {
		return nil, err
	}

	// Quotes and orders by number or title (quote_grams, order_grams:
	// migration 0039), newest first.
	for _, doc := range []struct{ kind, table, grams string }{{"quote", "quotes", "quote_grams"}, {"order", "orders", "order_grams"}} {
		src := topSource{table: doc.table, grams: doc.grams, check: `(t.number LIKE ? ESCAPE '\' OR t.title LIKE ? ESCAPE '\')`,
			checkArgs: []any{like, like}}
		if hits, err = topKind(ctx, q, hits, doc.kind, src, `SELECT '`+doc.kind+`' AS kind, d.id, d.number AS title,
			cu.name || CASE WHEN d.title <> '' THEN ' · ' || d.title ELSE '' END AS detail, d.customer_id
			FROM `+doc.table+` d JOIN customers cu ON cu.id = d.customer_id`, "d", s, limit); err != nil {
			return nil, err
		}
	}
	return hits, nil
}

// digitsOnly: s reads as a phone number (digits and the usual separators).
func digitsOnly(s string) bool {
	for _, r := range s {
		if !strings.ContainsRune("0123456789 +-()", r) {
			return false
		}
	}
	return true
}
