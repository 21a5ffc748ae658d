package store

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// gramTables names the bigram table of each table whose names the text
// search reads (migration 0025).
var gramTables = map[string]string{
	"customers":     "customer_grams",
	"contacts":      "contact_grams",
	"opportunities": "opportunity_grams",
}

// gramProbe is how far into each bigram's rows a search of three or more
// characters looks to tell rare bigrams from common ones: the id of a
// bigram's gramProbe-th row is about gramProbe / (its share of the rows), so
// the bigram whose probe lands on the highest id is the rarest, at a cost of
// gramProbe index steps each (a fraction of a millisecond).
const gramProbe = 1000

// foldASCII lower-cases ASCII letters only, as SQLite's lower() and LIKE do.
func foldASCII(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}, s)
}

// nextRune is the smallest string above every string that starts with r,
// in SQLite's BINARY (UTF-8 byte, that is code point) order; "" when none.
func nextRune(r rune) string {
	switch {
	case r >= utf8.MaxRune:
		return ""
	case r+1 >= 0xD800 && r+1 <= 0xDFFF:
		return string(rune(0xE000))
	}
	return string(r + 1)
}

// gramIDs returns a query for the ids of table's rows whose name contains s
// (ignoring ASCII case, as LIKE does), from its bigram table. exact is false
// when the ids are only candidates (three or more characters: rows having
// every bigram, of which the query reads the rarest), to be checked with
// LIKE. ok is false when table has no bigram table.
func gramIDs(table, s string) (query string, args []any, exact, ok bool) {
	g, ok := gramTables[table]
	if !ok {
		return "", nil, false, false
	}
	query, args, exact = gramQuery(g, s)
	return query, args, exact, true
}

// gramQuery is gramIDs on the bigram table g (lead_grams holds several
// fields' grams: its readers check candidates against all of them).
func gramQuery(g, s string) (query string, args []any, exact bool) {
	rs := []rune(foldASCII(s))
	switch len(rs) {
	case 0:
		return `SELECT id FROM ` + g + ` WHERE 0`, nil, true
	case 1:
		hi := nextRune(rs[0])
		if hi == "" {
			return `SELECT id FROM ` + g + ` WHERE gram >= ?`, []any{string(rs[0])}, true
		}
		// A row has one gram starting with c per place c stands: the IN
		// list this becomes keeps each id once.
		return `SELECT id FROM ` + g + ` WHERE gram >= ? AND gram < ?`, []any{string(rs[0]), hi}, true
	case 2:
		return `SELECT id FROM ` + g + ` WHERE gram = ?`, []any{string(rs)}, true
	}
	// The rarest of the bigrams: SQLite keeps no statistics on the grams,
	// and reading a common bigram's rows (机会 in every opportunity named
	// 机会123) would cost as much as the scan the index replaces. A bigram
	// with fewer than gramProbe rows is counted; the others are ranked by
	// where their gramProbe-th row lies (ids as a sample of the rows).
	seen := map[string]bool{}
	var values []string
	for i := 0; i+1 < len(rs); i++ {
		b := string(rs[i : i+2])
		if seen[b] {
			continue
		}
		seen[b] = true
		values = append(values, "(?)")
		args = append(args, b)
	}
	probe := strconv.Itoa(gramProbe)
	query = `SELECT id FROM ` + g + ` WHERE gram = (SELECT b FROM (SELECT v.column1 AS b,
		(SELECT x.id FROM ` + g + ` x WHERE x.gram = v.column1 ORDER BY x.id LIMIT 1 OFFSET ` + probe + `) AS k
		FROM (VALUES ` + strings.Join(values, ", ") + `) v)
		ORDER BY k IS NOT NULL, CASE WHEN k IS NULL THEN (SELECT COUNT(*) FROM ` + g + ` y WHERE y.gram = b) END, k DESC LIMIT 1)`
	return query, args, false
}

// idList is an IN list of the ids passed as one JSON array argument
// (idsJSON): thousands of ids in one bound parameter, under SQLite's limit
// on parameters and without a statement text per size.
const idList = `(SELECT value FROM json_each(?))`

// idsJSON writes ids as a JSON array for idList.
func idsJSON(ids []int64) string {
	b := make([]byte, 0, 8*len(ids)+2)
	b = append(b, '[')
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, id, 10)
	}
	return string(append(b, ']'))
}
