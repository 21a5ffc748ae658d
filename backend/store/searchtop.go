package store

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"funneldesk/backend/pinyin"
)

// The order of Ctrl+K (Search): each kind lists its best matches first, in
// three tiers, each read from an index already in that tier's order, so a
// word held by most names costs a few index steps whatever the data:
//
//  1. the name's pinyin starts with what was typed (huaqiang → 华强电子),
//     in name order (name_py, id): the range of the name_py index;
//  2. its initials start with it (hq → 华强电子), in initials order
//     (name_initials, id): the range of the initials index;
//  3. every other match — the name contains the text (华强 in 深圳华强),
//     or a phone or email does — newest first (id descending), as quotes
//     and orders are listed: the bigram postings are in id order.
//
// Tiers 1 and 2 apply when the text reads as pinyin (pinyin.Query). A
// name order for tier 3 would need every match's name key: a word most
// names hold late in name order (年度续约 in 68,798 of 1.1M names, the
// first after 231,935 others) cost 160 ms that way.

// topSource is what Search reads for one kind of record.
type topSource struct {
	table, grams string
	// pinyin: the table has name_py and name_initials (tiers 1 and 2).
	pinyin bool
	// check is the condition on alias t that a candidate of three or more
	// characters (every bigram, not yet the text) contains the text, with
	// checkArgs.
	check     string
	checkArgs []any
	// others are more tier-3 sources (a phone, an email), each a query
	// for ids with one argument in others' args.
	others    []string
	otherArgs []any
}

// topIDs returns up to n ids of src's records matching s, in Search's order.
func topIDs(ctx context.Context, q Querier, src topSource, s string, n int) ([]int64, error) {
	var out []int64
	seen := map[int64]bool{}
	add := func(ids []int64) {
		for _, id := range ids {
			if len(out) < n && !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	if key, ok := pinyin.Query(s); ok && src.pinyin {
		hi := pinyin.Upper(key)
		for _, col := range []string{"name_py", "name_initials"} {
			if len(out) >= n {
				break
			}
			// The rows already listed may be in this range too.
			var ids []int64
			if err := q.SelectContext(ctx, &ids, `SELECT id FROM `+src.table+` WHERE `+col+` >= ? AND `+col+` < ? ORDER BY `+
				col+`, id LIMIT ?`, key, hi, n+len(out)); err != nil {
				return nil, err
			}
			add(ids)
		}
	}
	if len(out) >= n {
		return out, nil
	}
	ids, err := newestContaining(ctx, q, src, s, n+len(out))
	if err != nil {
		return nil, err
	}
	add(ids)
	return out, nil
}

// newestContaining returns the newest n ids of src's records whose name
// contains s (the bigram postings, read from the top of the id order) or
// that another source finds, newest first.
func newestContaining(ctx context.Context, q Querier, src topSource, s string, n int) ([]int64, error) {
	var all []int64
	rs := []rune(foldASCII(s))
	switch len(rs) {
	case 0:
	case 1:
		// Every bigram starting with the character, and the character
		// alone at a name's end: each gram's own postings are in id order,
		// so the newest n of each (found gram by gram, skipping from one
		// to the next on the index) hold the newest n of them all.
		lo, hi := string(rs[0]), nextRune(rs[0])
		below := `gram < ?2`
		if hi == "" {
			below = `?2 = ''`
		}
		var ids []int64
		err := q.SelectContext(ctx, &ids, `WITH RECURSIVE d(g) AS (
			SELECT (SELECT MIN(gram) FROM `+src.grams+` WHERE gram >= ?1 AND `+below+`)
			UNION ALL SELECT (SELECT MIN(gram) FROM `+src.grams+` WHERE gram > d.g AND `+below+`) FROM d WHERE d.g IS NOT NULL)
			SELECT x.id FROM d JOIN `+src.grams+` x ON x.gram = d.g
			 WHERE x.id >= COALESCE((SELECT y.id FROM `+src.grams+` y WHERE y.gram = d.g ORDER BY y.id DESC LIMIT 1 OFFSET ?3), 0)`,
			lo, hi, n-1)
		if err != nil {
			return nil, err
		}
		all = ids
	case 2:
		if err := q.SelectContext(ctx, &all, `SELECT id FROM `+src.grams+` WHERE gram = ? ORDER BY id DESC LIMIT ?`,
			string(rs), n); err != nil {
			return nil, err
		}
	default:
		// The rarest bigram's postings from the top, each looked up in
		// the others' (rarer first: a seek each, no row read) and then
		// checked on its row, until n contain the text.
		grams, err := rarestFirst(ctx, q, src.grams, rs)
		if err != nil {
			return nil, err
		}
		cond := []string{`x.gram = ?`}
		args := []any{grams[0]}
		for _, g := range grams[1:] {
			cond = append(cond, `EXISTS (SELECT 1 FROM `+src.grams+` y WHERE y.gram = ? AND y.id = x.id)`)
			args = append(args, g)
		}
		cond = append(cond, src.check)
		if err := q.SelectContext(ctx, &all, `SELECT x.id FROM `+src.grams+` x CROSS JOIN `+src.table+` t ON t.id = x.id WHERE `+
			strings.Join(cond, " AND ")+` ORDER BY x.id DESC LIMIT ?`, append(append(args, src.checkArgs...), n)...); err != nil {
			return nil, err
		}
	}
	for i, o := range src.others {
		// Read whole from its partial index ("+id": not the table in id
		// order, which would pass every row for a rare number), its newest n.
		var ids []int64
		if err := q.SelectContext(ctx, &ids, `SELECT id FROM (`+o+`) ORDER BY +id DESC LIMIT ?`, src.otherArgs[i], n); err != nil {
			return nil, err
		}
		all = append(all, ids...)
	}
	slices.SortFunc(all, func(a, b int64) int { return int(b - a) })
	all = slices.Compact(all)
	return all[:min(n, len(all))], nil
}

// phoneRunes are the characters a saved phone number may hold
// (validate.Phone: digits, spaces, + - ( ), an extension word, full-width
// twins): text with any other character is in no phone.
func couldBePhone(s string) bool {
	for _, r := range strings.ToLower(s) {
		if r >= 0xFF01 && r <= 0xFF5E {
			r -= 0xFEE0
		}
		if !strings.ContainsRune("0123456789 +-()ext.#分机转", r) {
			return false
		}
	}
	return true
}

// byIDs reads the hits sel (a query of SearchHit columns whose records have
// alias) selects for ids, in that order.
func byIDs(ctx context.Context, q Querier, sel, alias string, ids []int64) ([]SearchHit, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	var rows []SearchHit
	if err := q.SelectContext(ctx, &rows, sel+` WHERE `+alias+`.id IN `+idList, idsJSON(ids)); err != nil {
		return nil, err
	}
	return inOrder([]SearchHit(nil), ids, rows, func(h SearchHit) int64 { return h.ID }), nil
}

// topKind adds to hits the records of one kind that Search finds.
func topKind(ctx context.Context, q Querier, hits []SearchHit, kind string, src topSource, sel, alias, s string, n int) (
	[]SearchHit, error) {
	ids, err := topIDs(ctx, q, src, s, n)
	if err != nil {
		return nil, fmt.Errorf("search %ss: %w", kind, err)
	}
	rows, err := byIDs(ctx, q, sel, alias, ids)
	if err != nil {
		return nil, fmt.Errorf("search %ss: %w", kind, err)
	}
	return append(hits, rows...), nil
}

// rarestFirst returns the distinct bigrams of rs (three or more folded
// characters) rarest first, ranked as gramQuery ranks them: a bigram with
// fewer than gramProbe postings by its count, the others by where their
// gramProbe-th posting lies.
func rarestFirst(ctx context.Context, q Querier, g string, rs []rune) ([]string, error) {
	seen := map[string]bool{}
	var values []string
	var args []any
	for i := 0; i+1 < len(rs); i++ {
		b := string(rs[i : i+2])
		if !seen[b] {
			seen[b] = true
			values = append(values, "(?)")
			args = append(args, b)
		}
	}
	var out []string
	err := q.SelectContext(ctx, &out, `SELECT b FROM (SELECT v.column1 AS b,
		(SELECT x.id FROM `+g+` x WHERE x.gram = v.column1 ORDER BY x.id LIMIT 1 OFFSET `+strconv.Itoa(gramProbe)+`) AS k
		FROM (VALUES `+strings.Join(values, ", ")+`) v)
		ORDER BY k IS NOT NULL, CASE WHEN k IS NULL THEN (SELECT COUNT(*) FROM `+g+` y WHERE y.gram = b) END, k DESC`, args...)
	return out, err
}
