package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"funneldesk/backend/dupe"
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

// keyRange is the rows of a table whose column col starts with prefix:
// one range of col's index, read in its order.
type keyRange struct{ col, prefix string }

// topSource is what Search reads for one kind of record.
type topSource struct {
	table, grams string
	// ranges are the first tiers, in order: the pinyin keys, a phone's
	// first and last digits, an email's start.
	ranges []keyRange
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
	for _, r := range src.ranges {
		if len(out) >= n {
			break
		}
		// The rows already listed may be in this range too.
		var ids []int64
		if err := q.SelectContext(ctx, &ids, `SELECT id FROM `+src.table+` WHERE `+r.col+` <> '' AND `+r.col+` >= ? AND `+
			r.col+` < ? ORDER BY `+r.col+`, id LIMIT ?`, r.prefix, pinyin.Upper(r.prefix), n+len(out)); err != nil {
			return nil, err
		}
		add(ids)
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
		err := q.SelectContext(ctx, &all, `WITH RECURSIVE d(g) AS (
			SELECT (SELECT MIN(gram) FROM `+src.grams+` WHERE gram >= ?1 AND `+below+`)
			UNION ALL SELECT (SELECT MIN(gram) FROM `+src.grams+` WHERE gram > d.g AND `+below+`) FROM d WHERE d.g IS NOT NULL)
			SELECT x.id FROM d JOIN `+src.grams+` x ON x.gram = d.g
			 WHERE x.id >= COALESCE((SELECT y.id FROM `+src.grams+` y WHERE y.gram = d.g ORDER BY y.id DESC LIMIT 1 OFFSET ?3), 0)`,
			lo, hi, n-1)
		if err != nil {
			return nil, err
		}
	case 2:
		if err := q.SelectContext(ctx, &all, `SELECT id FROM `+src.grams+` WHERE gram = ? ORDER BY id DESC LIMIT ?`,
			string(rs), n); err != nil {
			return nil, err
		}
	default:
		grams, err := rarestFirst(ctx, q, src.grams, rs)
		if err != nil {
			return nil, err
		}
		if all, err = containingAll(ctx, q, src, grams, n); err != nil {
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

// couldBeEmail: s may be part of an email address. Addresses are written
// in Latin letters, digits and a few signs; text with a space or a Chinese
// character is in none the search would want to find by it (a contact
// whose address has Chinese in it is still found by its name), and
// skipping them spares a read of every address.
func couldBeEmail(s string) bool {
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.Is(unicode.Han, r) {
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
// characters) rarest first, ranked as gramQuery ranks them.
func rarestFirst(ctx context.Context, q Querier, g string, rs []rune) ([]string, error) {
	query, args := gramsByRarity(g, rs)
	var out []string
	err := q.SelectContext(ctx, &out, query, args...)
	return out, err
}

// pinyinRanges are the tiers of a name's pinyin keys when s reads as
// pinyin: the full key, then the initials.
func pinyinRanges(s string) []keyRange {
	key, ok := pinyin.Query(s)
	if !ok {
		return nil
	}
	return []keyRange{{"name_py", key}, {"name_initials", key}}
}

// phoneRanges are the tiers of a phone when s is a number (digits and the
// usual separators): the phone keys that start with its digits (as the key
// holds them: no country code, no trunk 0) and those that end with them
// (phone_rkey, migration 0038).
func phoneRanges(s string) []keyRange {
	if !digitsOnly(s) {
		return nil
	}
	var rev []byte
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] >= '0' && s[i] <= '9' {
			rev = append(rev, s[i])
		}
	}
	if len(rev) == 0 {
		return nil
	}
	var out []keyRange
	if d := dupe.PhoneDigits(s); d != "" {
		out = append(out, keyRange{"phone_key", d})
	}
	return append(out, keyRange{"phone_rkey", string(rev)})
}

// streamCands is how many of the rarest bigram's postings containingAll
// checks one by one before it intersects the two rarest lists instead.
var streamCands = 500 // a variable: tests lower it to take both ways

// containingAll returns the newest n ids of src's records whose name has
// every bigram of grams (rarest first) and passes src.check. The rarest
// bigram's postings are read from the top, each looked up in the others'
// (a seek each, no row read) and then checked on its row: a common word
// fills n at once. A rare one (a phone number among numbered names: 21,000
// postings for its rarest bigram, none matching) would cost a seek for
// each, so past streamCands the two rarest lists are read as index ranges,
// a chunk of ids at a time, and merged here, and only the ids in both are
// checked.
func containingAll(ctx context.Context, q Querier, src topSource, grams []string, n int) ([]int64, error) {
	// check is the condition on a candidate that has the bigrams before
	// grams[from]: the others looked up, then its row.
	check := func(from int) (string, []any) {
		var conds []string
		var args []any
		for _, g := range grams[from:] {
			conds = append(conds, `EXISTS (SELECT 1 FROM `+src.grams+` y WHERE y.gram = ? AND y.id = x.id)`)
			args = append(args, g)
		}
		return strings.Join(append(conds, src.check), " AND "), append(args, src.checkArgs...)
	}
	cond, args := check(1)
	// One bigram (a word like 9999): its postings are the candidates,
	// nothing to merge with; check them all.
	stream := streamCands
	if len(grams) == 1 {
		stream = -1
	}
	var found []int64
	if err := q.SelectContext(ctx, &found, `SELECT x.id FROM (SELECT id FROM `+src.grams+` WHERE gram = ? ORDER BY id DESC LIMIT ?) x
		CROSS JOIN `+src.table+` t ON t.id = x.id WHERE `+cond+` ORDER BY x.id DESC LIMIT ?`,
		append(append([]any{grams[0], stream}, args...), n)...); err != nil {
		return nil, err
	}
	var below *int64
	if err := q.GetContext(ctx, &below, `SELECT id FROM `+src.grams+` WHERE gram = ? ORDER BY id DESC LIMIT 1 OFFSET ?`,
		grams[0], streamCands-1); err != nil && err != sql.ErrNoRows {
		return nil, err
	}
	if len(found) >= n || below == nil || len(grams) == 1 {
		return found, nil
	}
	// The postings below the ones checked, in chunks down the id order
	// (each four times the last: a word whose matches lie near the top
	// reads little), the two rarest lists of a chunk's id range merged.
	list := func(g string, lo, hi int64, limit int) ([]int64, error) {
		var text string
		if err := q.GetContext(ctx, &text, `SELECT COALESCE(group_concat(id), '') FROM (SELECT id FROM `+src.grams+`
			WHERE gram = ? AND id >= ? AND id < ? ORDER BY id DESC LIMIT ?)`, g, lo, hi, limit); err != nil || text == "" {
			return nil, err
		}
		ids := make([]int64, 0, strings.Count(text, ",")+1)
		for f := range strings.SplitSeq(text, ",") {
			id, err := strconv.ParseInt(f, 10, 64)
			if err != nil {
				return nil, fmt.Errorf("bigram postings: %w", err)
			}
			ids = append(ids, id)
		}
		slices.Sort(ids)
		return ids, nil
	}
	hi := *below
	cond, args = check(2)
	for chunk := 4 * streamCands; len(found) < n; chunk *= 4 {
		cands, err := list(grams[0], 0, hi, chunk)
		if err != nil || len(cands) == 0 {
			return found, err
		}
		other, err := list(grams[1], cands[0], hi, -1)
		if err != nil {
			return nil, err
		}
		both := make([]int64, 0, min(len(cands), len(other)))
		for i, j := 0, 0; i < len(cands) && j < len(other); {
			switch {
			case cands[i] < other[j]:
				i++
			case cands[i] > other[j]:
				j++
			default:
				both = append(both, cands[i])
				i, j = i+1, j+1
			}
		}
		var more []int64
		if err := q.SelectContext(ctx, &more, `SELECT x.id FROM (SELECT value AS id FROM json_each(?)) x
			CROSS JOIN `+src.table+` t ON t.id = x.id WHERE `+cond+` ORDER BY x.id DESC LIMIT ?`,
			append(append([]any{idsJSON(both)}, args...), n-len(found))...); err != nil {
			return nil, err
		}
		found = append(found, more...)
		if len(cands) < chunk {
			break
		}
		hi = cands[0]
	}
	return found, nil
}
