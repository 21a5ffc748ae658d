package store

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"funneldesk/backend/pinyin"
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
	rarest, args := rarestGram(g, rs)
	return `SELECT id FROM ` + g + ` WHERE gram = (` + rarest + `)`, args, false
}

// rarestGram is a query of the rarest bigram of rs (three or more
// characters, folded) in the bigram table g.
func rarestGram(g string, rs []rune) (query string, args []any) {
	query, args = gramsByRarity(g, rs)
	return query + ` LIMIT 1`, args
}

// gramsByRarity is a query of the distinct bigrams of rs (three or more
// characters, folded) in the bigram table g, rarest first.
func gramsByRarity(g string, rs []rune) (query string, args []any) {
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
	return `SELECT b FROM (SELECT v.column1 AS b,
		(SELECT x.id FROM ` + g + ` x WHERE x.gram = v.column1 ORDER BY x.id LIMIT 1 OFFSET ` + probe + `) AS k
		FROM (VALUES ` + strings.Join(values, ", ") + `) v)
		ORDER BY k IS NOT NULL, CASE WHEN k IS NULL THEN (SELECT COUNT(*) FROM ` + g + ` y WHERE y.gram = b) END, k DESC`, args
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

// SearchCountCap is how many matches of a text search a list counts past
// the start of the page it shows (issues 14 and 15). A common word (华 in
// tens of thousands of names) has more matches than any page needs, and
// counting them all reads every one (30–300 ms at a million rows). Past
// offset + SearchCountCap matches a list answers that total with
// TotalCapped set and the list shell shows "2,000+": every later match
// is still reachable, since the cap moves along with the page.
const SearchCountCap = 2000

// The plan of a text search in a list (planSearch; the rule every list
// shares):
//
//  1. Gather the distinct ids of the matches in one streamed pass over
//     index ranges (textSources: bigram postings, pinyin key ranges;
//     candidates of three or more characters checked on their rows),
//     stopping after offset + countCap + 1. SQLite reads an "id IN
//     (SELECT ...)" list to its end before the first row, so the sources
//     sit in FROM, a co-routine of UNION ALL arms under DISTINCT and LIMIT.
//  2. Fewer: the total is exact. The page is those ids sorted (a rare
//     word) or a walk of the list's sort index testing each row with LIKE
//     (textTest) until the page is full, whichever reads fewer rows:
//     sorting reads every match, the walk (offset+limit)·rows/matches
//     (a 20 % word fills 50 rows after about 250).
//  3. More: the word is frequent, the total is offset + countCap (capped),
//     and the page is again the cheaper of the two. Its frequency is
//     estimated without reading rows: the matches of one or two characters
//     are the postings, counted on the index; those of three or more come
//     from the rarest bigram in id order, so the gathered ids' reach into
//     the id range tells their share. Sorting costs a read per candidate
//     (the postings, counted on the index up to the walk's cost).
//  4. In name order (the customer list, the opportunity list sorted by
//     name alone: nameSearch, namesearch.go) the gathered matches, when
//     fewer, are sorted; more are paged by a merge of the matches' parts
//     in name order, each read the cheapest way, instead of step 3's sort
//     or walk: matches cluster in name order (客户… after 35,000 other
//     names), where a walk costs far more than their share promises.
type textPlan struct {
	// arms yield the ids of the matches (repeats allowed); cands the
	// candidates the same ranges hold, unchecked (an index count).
	arms, cands    []string
	args, candArgs []any
	// firsts are cands before any join (a customer's candidates, not
	// their opportunities): an index count of them tells cheaply whether
	// checking every candidate is affordable (planSearch).
	firsts    []string
	firstArgs []any
	// exact: arms need no check (one or two characters): cands are arms.
	exact bool
}

// addArms adds arms whose rows need no separate candidate form (pinyin key
// ranges; arms of exact plans).
func (p *textPlan) add(arm string, args ...any) {
	p.arms, p.cands, p.firsts = append(p.arms, arm), append(p.cands, arm), append(p.firsts, arm)
	p.args, p.candArgs, p.firstArgs = append(p.args, args...), append(p.candArgs, args...), append(p.firstArgs, args...)
}

// join maps every arm through wrap (an arm of another table's ids, as the
// opportunities of the matching customers).
func (p textPlan) join(wrap func(string) string) textPlan {
	out := p
	out.arms, out.cands = nil, nil
	for _, a := range p.arms {
		out.arms = append(out.arms, wrap(a))
	}
	for _, a := range p.cands {
		out.cands = append(out.cands, wrap(a))
	}
	return out
}

// merge adds the arms of o.
func (p textPlan) merge(o textPlan) textPlan {
	return textPlan{
		arms: append(append([]string{}, p.arms...), o.arms...), cands: append(append([]string{}, p.cands...), o.cands...),
		args: append(append([]any{}, p.args...), o.args...), candArgs: append(append([]any{}, p.candArgs...), o.candArgs...),
		firsts: append(append([]string{}, p.firsts...), o.firsts...), firstArgs: append(append([]any{}, p.firstArgs...), o.firstArgs...),
		exact: p.exact && o.exact,
	}
}

// textSources is the plan of the rows of table whose name contains s, as
// LIKE '%s%' does, or, when s reads as pinyin, whose name_py or
// name_initials start with it: nameMatch's rows.
func textSources(table, s string) textPlan {
	ids, a, exact, ok := gramIDs(table, s)
	if !ok {
		var p textPlan
		p.add(`SELECT t.id FROM `+table+` t WHERE t.name LIKE ? ESCAPE '\'`, "%"+escapeLike(s)+"%")
		return p
	}
	p := gramPlan(ids, a, exact, `SELECT t.id FROM (`+ids+`) x JOIN `+table+` t ON t.id = x.id WHERE t.name LIKE ? ESCAPE '\'`,
		"%"+escapeLike(s)+"%")
	if key, ok := pinyin.Query(s); ok {
		hi := pinyin.Upper(key)
		p.add(`SELECT id FROM `+table+` WHERE name_py >= ? AND name_py < ?`, key, hi)
		p.add(`SELECT id FROM `+table+` WHERE name_initials >= ? AND name_initials < ?`, key, hi)
	}
	return p
}

// gramPlan is the plan of one bigram query (gramQuery's ids, a, exact):
// checked, its candidates go through check (which reads ids' rows) with
// checkArgs after a.
func gramPlan(ids string, a []any, exact bool, check string, checkArgs ...any) textPlan {
	p := textPlan{exact: exact}
	if exact {
		p.add(ids, a...)
		return p
	}
	p.arms, p.args = []string{check}, append(append([]any{}, a...), checkArgs...)
	p.cands, p.candArgs = []string{ids}, append([]any{}, a...)
	p.firsts, p.firstArgs = p.cands, p.candArgs
	return p
}

// textTest is nameMatch tested on the row alias (no index, no id list): for
// walks in a sort order, which test a few rows each.
func textTest(alias, s string) (string, []any) {
	cond := alias + `.name LIKE ? ESCAPE '\'`
	args := []any{"%" + escapeLike(s) + "%"}
	if key, ok := pinyin.Query(s); ok {
		hi := pinyin.Upper(key)
		cond = `(` + cond + ` OR (` + alias + `.name_py >= ? AND ` + alias + `.name_py < ?) OR (` +
			alias + `.name_initials >= ? AND ` + alias + `.name_initials < ?))`
		args = append(args, key, hi, key, hi)
	}
	return cond, args
}

// gatherIDs reads the distinct ids the arms yield, at most n of them, in one
// streamed pass.
func gatherIDs(ctx context.Context, q Querier, arms []string, args []any, n int) ([]int64, error) {
	out := []int64{}
	if len(arms) == 0 {
		return out, nil
	}
	// One row of text rather than a row per id: thousands of rows cost a
	// call into SQLite each.
	var list string
	err := q.GetContext(ctx, &list, `SELECT COALESCE(group_concat(id), '') FROM (SELECT DISTINCT id FROM (`+
		strings.Join(arms, " UNION ALL ")+`) LIMIT ?)`, append(append([]any{}, args...), n)...)
	if err != nil || list == "" {
		return out, err
	}
	return parseIDs(list)
}

// parseIDs reads a group_concat of ids (positive integers, as every
// table's id is). A loop of its own: strconv over a split costs about
// 25 ns an id, a millisecond per 40,000.
func parseIDs(list string) ([]int64, error) {
	out := make([]int64, 0, len(list)/7+1)
	var id int64
	digits := 0
	for i := 0; i <= len(list); i++ {
		if i == len(list) || list[i] == ',' {
			if digits == 0 || digits > 18 {
				return nil, fmt.Errorf("read ids: bad id in %.40q", list)
			}
			out = append(out, id)
			id, digits = 0, 0
			continue
		}
		c := list[i]
		if c < '0' || c > '9' {
			return nil, fmt.Errorf("read ids: bad id in %.40q", list)
		}
		id = id*10 + int64(c-'0')
		digits++
	}
	return out, nil
}

// countCands counts the candidates of p on the indexes, up to n.
func countCands(ctx context.Context, q Querier, p textPlan, n int64) (int64, error) {
	return countArms(ctx, q, p.cands, p.candArgs, n)
}

// countArms counts the rows arms yield (repeats included), up to n.
func countArms(ctx context.Context, q Querier, arms []string, args []any, n int64) (int64, error) {
	var c int64
	if len(arms) == 0 {
		return 0, nil
	}
	err := q.GetContext(ctx, &c, `SELECT COUNT(*) FROM (SELECT 1 FROM (`+strings.Join(arms, " UNION ALL ")+`) LIMIT ?)`,
		append(append([]any{}, args...), n)...)
	return c, err
}

// searchPlan is planSearch's answer: the total, whether it is capped, and
// either the matches to sort (walk false) or a walk of the sort order.
type searchPlan struct {
	found  []int64
	total  int
	capped bool
	walk   bool
}

// candScan is how many candidates of a word of three or more characters
// planSearch checks in one pass without gathering up to the cap first: a
// row read each, a few milliseconds at most.
var candScan = 20000 // a variable: tests lower it to take the other branch

// onPlan, when set (tests), sees every plan planSearch makes.
var onPlan func(searchPlan)

// planSearch follows the plan above for a page at offset, limit of a list
// of rows rows (its largest id) whose sort walk reads covered rows per row.
func planSearch(ctx context.Context, q Querier, p textPlan, offset, limit, countCap, covered int, rows int64) (sp searchPlan, err error) {
	if onPlan != nil {
		defer func() { onPlan(sp) }()
	}
	need := offset + countCap
	var found []int64
	if !p.exact {
		// Few candidates (counted on the index, before any join): check
		// them all in one pass. Gathering up to the cap first would read,
		// for a word whose matches are bunched by id (机会99 in 机会99xxx),
		// most candidates to reach the cap, then all of them again to
		// sort. A join (a matching customer's opportunities) may add more
		// than its candidates: past max(n, need) the word is frequent and
		// the gathered ids serve as the plan's first pass.
		n, err := countArms(ctx, q, p.firsts, p.firstArgs, int64(candScan)+1)
		if err != nil {
			return searchPlan{}, err
		}
		if n <= int64(candScan) {
			all := max(int(n), need) + 1
			if found, err = gatherIDs(ctx, q, p.arms, p.args, all); err != nil {
				return searchPlan{}, err
			}
			if len(found) < all {
				sp = searchPlan{found: found, total: len(found)}
				if len(found) > need {
					sp.total, sp.capped = need, true
				}
				sp.walk = len(found) > offset && !sortCheaper(len(found), offset, limit, covered, rows)
				return sp, nil
			}
		}
	}
	if found == nil {
		var err error
		if found, err = gatherIDs(ctx, q, p.arms, p.args, need+1); err != nil {
			return searchPlan{}, err
		}
	}
	if len(found) <= need {
		walk := len(found) > offset && !sortCheaper(len(found), offset, limit, covered, rows)
		return searchPlan{found: found, total: len(found), walk: walk}, nil
	}
	// Frequent: estimate the matches (est) from where the gathered ids
	// reach, or for exact words from the postings.
	var top int64
	for _, id := range found {
		top = max(top, id)
	}
	est := int64(len(found)) * rows / max(top, 1)
	walkRows := int64(covered) * int64(offset+limit) * rows
	if p.exact {
		// sortCheaper's threshold: more postings than that, walk.
		n, err := countCands(ctx, q, p, isqrt(walkRows)+1)
		if err != nil {
			return searchPlan{}, err
		}
		est = max(est, n)
	}
	walkRows /= max(est, 1)
	if n, err := countCands(ctx, q, p, walkRows+1); err != nil {
		return searchPlan{}, err
	} else if n <= walkRows {
		// Fewer candidates than the walk would read: gather them all.
		all, err := gatherIDs(ctx, q, p.arms, p.args, int(n)+1)
		if err != nil {
			return searchPlan{}, err
		}
		return searchPlan{found: all, total: len(all)}, nil
	}
	return searchPlan{total: need, capped: true, walk: true}, nil
}

// isqrt is the integer square root of n ≥ 0.
func isqrt(n int64) int64 {
	r := int64(math.Sqrt(float64(n)))
	for r*r > n {
		r--
	}
	for (r+1)*(r+1) <= n {
		r++
	}
	return r
}

// sortCheaper is the cost model: sorting n matches reads n rows, a walk in
// sort order (offset+limit)·rows/n, each covered times dearer (a walk of an
// index that does not cover the filter looks up each row).
func sortCheaper(n, offset, limit, covered int, rows int64) bool {
	return int64(n)*int64(n) < int64(covered)*int64(offset+limit)*rows
}
