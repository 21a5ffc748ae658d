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

	type part struct {
		kind, query string
		args        []any
	}
	var parts []part
	// named adds a kind found by its name: its matches are gathered in one
	// streamed pass over the name's bigrams and pinyin keys (a plan of
	// grams.go; no count is needed) and, when not too many, sorted by
	// name; a frequent word instead walks the name index with test, id
	// lists read once from the same index ranges (nameMatch), so the walk
	// reads the index alone: matches of a word cluster in name order (机会99
	// in 机会99xxxx), and a walk testing each row with LIKE would read half
	// the table before the first.
	named := func(kind, table, alias, sel string, p textPlan, test string, testArgs []any) error {
		sortMax := searchSortMax
		if !p.exact {
			// Few candidates (counted on the index): check them all and
			// sort the matches. Gathering up to searchSortMax first reads
			// most of them when the matches are bunched by id (机会99 in
			// 机会99xxx), and the walk in name order then passes every
			// name before the first match.
			n, err := countArms(ctx, q, p.firsts, p.firstArgs, int64(candScan)+1)
			if err != nil {
				return fmt.Errorf("search %ss: %w", kind, err)
			}
			if n <= int64(candScan) {
				sortMax = max(int(n), sortMax)
			}
		}
		found, err := gatherIDs(ctx, q, p.arms, p.args, sortMax+1)
		if err != nil {
			return fmt.Errorf("search %ss: %w", kind, err)
		}
		if len(found) <= sortMax {
			// The ids sorted on their own rows first: joined, each match
			// would read its customer before the sort.
			parts = append(parts, part{kind, sel + ` WHERE ` + alias + `.id IN (SELECT id FROM ` + table + ` WHERE id IN ` + idList +
				` ORDER BY +name_py, id LIMIT ?) ORDER BY ` + alias + `.name_py, ` + alias + `.id`, []any{idsJSON(found), limit}})
			return nil
		}
		parts = append(parts, part{kind, sel + ` WHERE ` + test + ` ORDER BY ` + alias + `.name_py, ` + alias + `.id LIMIT ?`,
			append(append([]any{}, testArgs...), limit)})
		return nil
	}
	// withPhones adds the phone (and email) columns of table to its name's
	// plan and walk test: read whole, from their partial indexes (migration
	// 0032; a phone key from its own), as they have no index of their
	// words; id lists in the test, so the walk reads the name index alone.
	withPhones := func(table, alias string, cols ...string) (textPlan, string, []any) {
		p := textSources(table, s)
		test, args := nameMatch(alias, table, s)
		arm := func(a string, arg any) {
			p.add(a, arg)
			test += ` OR ` + alias + `.id IN (` + a + `)`
			args = append(args, arg)
		}
		for _, c := range cols {
			arm(`SELECT id FROM `+table+` WHERE `+c+` <> '' AND `+c+` LIKE ? ESCAPE '\'`, like)
		}
		if phoneKey != "" {
			arm(`SELECT id FROM `+table+` WHERE phone_key <> '' AND phone_key LIKE ?`, phoneKey)
		}
		return p, test, args
	}

	p, test, a := withPhones("customers", "c", "phone")
	if err := named("customer", "customers", "c", `SELECT 'customer' AS kind, c.id, c.name AS title, c.phone AS detail, c.id AS customer_id
		FROM customers c`, p, test, a); err != nil {
		return nil, err
	}

	p, test, a = withPhones("contacts", "ct", "phone", "email")
	if err := named("contact", "contacts", "ct", `SELECT 'contact' AS kind, ct.id, ct.name AS title,
		cu.name || CASE WHEN ct.phone <> '' THEN ' · ' || ct.phone ELSE '' END AS detail, ct.customer_id
		FROM contacts ct JOIN customers cu ON cu.id = ct.customer_id`, p, test, a); err != nil {
		return nil, err
	}

	name, a := nameMatch("o", "opportunities", s)
	if err := named("opportunity", "opportunities", "o", `SELECT 'opportunity' AS kind, o.id, o.name AS title, cu.name AS detail, o.customer_id
		FROM opportunities o JOIN customers cu ON cu.id = o.customer_id`, textSources("opportunities", s), name, a); err != nil {
		return nil, err
	}

	// Leads by name, company, contact person or phone (lead_grams,
	// migration 0027), as the lead list searches them.
	name, a = leadTextMatch(s)
	if err := named("lead", "leads", "l", `SELECT 'lead' AS kind, l.id, l.name AS title,
		l.company || CASE WHEN l.company <> '' AND l.phone <> '' THEN ' · ' ELSE '' END || l.phone AS detail, 0 AS customer_id
		FROM leads l`, leadTextSources(s), name, a); err != nil {
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
var searchSortMax = 2000 // a variable: tests lower it to take the walk

// digitsOnly: s reads as a phone number (digits and the usual separators).
func digitsOnly(s string) bool {
	for _, r := range s {
		if !strings.ContainsRune("0123456789 +-()", r) {
			return false
		}
	}
	return true
}
