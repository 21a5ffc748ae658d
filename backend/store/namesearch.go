package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"funneldesk/backend/pinyin"
)

// A text search in name order (issue 15: the customer list's own order,
// the opportunity list sorted by name). The pinyin key index (name_py, id)
// holds every row in that order, but a walk of it testing each row reads
// every row before the first match, and the matches of a common word sit
// where their names sort (客户… is kehu…, after 35,000 other customers;
// 机会… jihui…, after 250,000 opportunities), while sorting reads every
// match. So the page is a merge (nameSearch): each part of the matches
// (nameSet) gives its first offset+limit rows in name order, the cheapest
// of these ways, and Go merges them:
//
//   - block: a key range every row of which matches (a pinyin key's
//     range), read in index order: offset+limit index entries.
//   - sort: the set's ids (index ranges) read and sorted: a row read each.
//   - in: the key index walked (within the set's block) testing each entry
//     against the set's ids, gathered once: an index entry per row passed,
//     no row read, plus the list.
//   - keywalk: the key index walked testing each entry's key for the key
//     every matching name's key contains (pinyin.ContainedKey: xitong for
//     系统), reading only the rows that pass: an index entry per row
//     passed, wherever the set lies (系统 in CRM系统…, 70,000 rows into the
//     order), at most the whole index (0.1 µs an entry).
//   - walk: the key index walked testing each row on the table: a row read
//     per row passed, cheap where the set is dense.
//
// A walk relying on the set's density gives up after a window of a few
// times the rows it expects (the set may bunch late in name order), and
// the set is then read the cheapest other way.
//
// Each set knows where in name order it lies (its block): the names that
// start with the word lie in its prefix key's range (pinyin.PrefixKey), and
// those whose initials start with a key in the range of the key's first
// letter (a row's initials and full key start alike). The word's bigram
// postings (names containing it) lie anywhere; when they are no more than
// the names starting with it (counted on the name index), they are those
// names, and the prefix range replaces them.

// Costs of the ways, in microseconds (measured on the import-built
// database at a million rows): a row read, an index entry passed, one with
// its key tested, an id gathered into a list.
const (
	costRow   = 1.7
	costEntry = 0.06
	costKey   = 0.1
	costList  = 0.25
)

// nameCountCap bounds each count of the plan: past it a set is dense enough
// for a walk, and too large to gather.
var nameCountCap int64 = 100000

// startsCap bounds the counts that tell whether every name containing a
// word starts with it (a pass over the name index's entries of each).
const startsCap = 200000

// nameWindowMin and keyWindowMin are the fewest rows a walk and a keywalk
// read before giving up.
var nameWindowMin, keyWindowMin = 2000, 100000

// Test hooks: nameMode forces a way on every set that allows it; onNamePlan
// sees each set's way.
var (
	nameMode   string
	onNamePlan func(set, way string)
)

// nameSet is one part of the matches of a search, for nameSearch.
type nameSet struct {
	what string
	// ids yields the set's ids (repeats allowed); with checked, candidates
	// that test must confirm.
	ids     string
	args    []any
	checked bool
	// test is the condition on the row alias t that it is in the set
	// (columns with a unary plus: no index of theirs may drive a walk).
	test     string
	testArgs []any
	// listCost is the cost of gathering one id of ids (0: costList);
	// extra that of a walk's test before the first row. rowTest, when
	// set, tests the same without that cost, reading a second row.
	listCost, extra float64
	rowTest         string
	rowTestArgs     []any
	// core, when not "", is contained in the key of every row of the set.
	core string
	// lo ≤ name_py < hi holds every row of the set ("", "": the whole
	// table, NULL keys too).
	lo, hi string
	// whole: every row of the block is in the set (block way).
	whole bool
	// count bounds how many rows ids yields (at most nameCountCap).
	count int64
	// blockRows counts the block's rows (rowsOfBlock); window is the rows
	// a walk read before giving up (-1: a walk of rows, not keys).
	blockRows int64
	window    int
}

// keyedID is a row in name order.
type keyedID struct {
	ID int64          `db:"id"`
	K  sql.NullString `db:"k"`
}

// less orders rows as ORDER BY name_py, id does (NULL first, BINARY).
func (a keyedID) less(b keyedID) bool {
	if a.K.Valid != b.K.Valid {
		return !a.K.Valid
	}
	if a.K.String != b.K.String {
		return a.K.String < b.K.String
	}
	return a.ID < b.ID
}

// block is the condition of a set's block on alias.
func (ns nameSet) block(alias string) (string, []any) {
	if ns.lo == "" && ns.hi == "" {
		return "1", nil
	}
	return alias + `.name_py >= ? AND ` + alias + `.name_py < ?`, []any{ns.lo, ns.hi}
}

// nameSearch answers a page (offset, limit) in name order (desc: reversed)
// of the rows of table matching a search: all gathers every match (the
// total, counted up to offset + countCap as planSearch does), setsOf gives
// its parts for the merge.
func nameSearch(ctx context.Context, q Querier, table string, all textPlan, setsOf func() ([]nameSet, error),
	offset, limit, countCap int, desc bool) (ids []int64, total int, capped bool, err error) {
	need := offset + countCap
	found, err := gatherIDs(ctx, q, all.arms, all.args, need+1)
	if err != nil {
		return nil, 0, false, fmt.Errorf("search %s: %w", table, err)
	}
	dir := " ASC"
	if desc {
		dir = " DESC"
	}
	if len(found) <= need {
		// Few: sort them all.
		if onNamePlan != nil {
			onNamePlan("all", "sorted")
		}
		ids = []int64{}
		if offset < len(found) {
			err = q.SelectContext(ctx, &ids, `SELECT t.id FROM `+table+` t WHERE t.id IN `+idList+
				` ORDER BY +t.name_py`+dir+`, t.id`+dir+` LIMIT ? OFFSET ?`, idsJSON(found), limit, offset)
		}
		if err != nil {
			return nil, 0, false, fmt.Errorf("search %s: %w", table, err)
		}
		return ids, len(found), false, nil
	}
	n := offset + limit
	sets, err := setsOf()
	if err != nil {
		return nil, 0, false, fmt.Errorf("search %s in name order: %w", table, err)
	}
	var rows []keyedID
	for _, ns := range sets {
		got, err := ns.first(ctx, q, table, n, dir)
		if err != nil {
			return nil, 0, false, fmt.Errorf("search %s in name order: %w", table, err)
		}
		rows = append(rows, got...)
	}
	return mergeKeyed(rows, offset, n, desc), need, true, nil
}

// mergeKeyed sorts the sets' rows in name order (desc: reversed), drops
// repeats, and returns the ids from offset up to n.
func mergeKeyed(rows []keyedID, offset, n int, desc bool) []int64 {
	slices.SortFunc(rows, func(a, b keyedID) int {
		switch {
		case a.ID == b.ID:
			return 0
		case a.less(b) != desc:
			return -1
		}
		return 1
	})
	rows = slices.CompactFunc(rows, func(a, b keyedID) bool { return a.ID == b.ID })
	ids := []int64{}
	for i := offset; i < min(n, len(rows)); i++ {
		ids = append(ids, rows[i].ID)
	}
	return ids
}

// first reads the set's first n rows in name order, the cheapest way.
func (ns nameSet) first(ctx context.Context, q Querier, table string, n int, dir string) ([]keyedID, error) {
	if rows, ok, err := ns.inRanges(ctx, q, table, n, dir); err != nil || ok {
		return rows, err
	}
	way, window := ns.way(ctx, q, table, n)
	if onNamePlan != nil {
		onNamePlan(ns.what, way)
	}
	blk, blkArgs := ns.block("t")
	order := ` ORDER BY t.name_py` + dir + `, t.id` + dir + ` LIMIT ?`
	test, testArgs := "1", []any(nil)
	if ns.checked {
		test, testArgs = ns.test, ns.testArgs
	}
	var rows []keyedID
	var err error
	switch way {
	case "block":
		err = q.SelectContext(ctx, &rows, `SELECT t.id, t.name_py AS k FROM `+table+` t WHERE `+blk+order, append(blkArgs, n)...)
		return rows, err
	case "sort":
		err = q.SelectContext(ctx, &rows, `SELECT t.id, t.name_py AS k FROM `+table+` t WHERE t.id IN (`+ns.ids+`) AND `+test+
			` ORDER BY +t.name_py`+dir+`, t.id`+dir+` LIMIT ?`, append(append(append([]any{}, ns.args...), testArgs...), n)...)
		return rows, err
	case "in":
		// The unary plus keeps SQLite on the key index (the ids would
		// otherwise drive the query, and every match be sorted).
		err = q.SelectContext(ctx, &rows, `SELECT t.id, t.name_py AS k FROM `+table+` t WHERE `+blk+` AND +t.id IN (`+ns.ids+
			`) AND `+test+order, append(append(append(blkArgs, ns.args...), testArgs...), n)...)
		return rows, err
	}
	// walk or keywalk: the key's test first (on the index entry), the
	// row's after.
	keyTest, keyArgs := "1", []any(nil)
	if way == "keywalk" {
		keyTest, keyArgs = `w.k LIKE ?`, []any{"%" + ns.core + "%"}
	}
	if window == 0 {
		err = q.SelectContext(ctx, &rows, `SELECT t.id, t.name_py AS k FROM `+table+` t WHERE `+blk+` AND `+
			strings.ReplaceAll(keyTest, "w.k", "t.name_py")+` AND `+ns.test+order,
			append(append(append(blkArgs, keyArgs...), ns.testArgs...), n)...)
		return rows, err
	}
	blk, blkArgs = ns.block("x")
	err = q.SelectContext(ctx, &rows, `SELECT w.id, w.k FROM (SELECT x.id, x.name_py AS k FROM `+table+` x WHERE `+blk+
		` ORDER BY x.name_py`+dir+`, x.id`+dir+` LIMIT ?) w JOIN `+table+` t ON t.id = w.id WHERE `+keyTest+` AND `+ns.test+
		` ORDER BY w.k`+dir+`, w.id`+dir+` LIMIT ?`, append(append(append(append(blkArgs, window), keyArgs...), ns.testArgs...), n)...)
	if err != nil || len(rows) >= n {
		return rows, err
	}
	// Fewer than n in the window: the set may lie past it.
	var passed int
	if err = q.GetContext(ctx, &passed, `SELECT COUNT(*) FROM (SELECT 1 FROM `+table+` x WHERE `+blk+` LIMIT ?)`,
		append(blkArgs, window+1)...); err != nil || passed <= window {
		return rows, err
	}
	if onNamePlan != nil {
		onNamePlan(ns.what, "gave up")
	}
	ns.window = window
	if way == "walk" {
		ns.window = -1
	}
	return ns.first(ctx, q, table, n, dir)
}

// way picks the cheapest way to read the set's first n rows in name order,
// and the window of a walk (0: none).
func (ns *nameSet) way(ctx context.Context, q Querier, table string, n int) (string, int) {
	if ns.whole {
		return "block", 0
	}
	if nameMode != "" && nameMode != "ranges" && ns.window == 0 {
		switch {
		case nameMode == "keywalk" && ns.core == "":
		case nameMode == "walk" || nameMode == "keywalk":
			return nameMode, max(n, 3) / 3 // a small window: give up now and then
		default:
			return nameMode, 0
		}
	}
	// A count at nameCountCap is a floor: the set is at least that dense.
	c := float64(max(ns.count, 1))
	rows := float64(ns.rowsOfBlock(ctx, q, table))
	pos := min(rows, float64(n)*rows/c)
	list := ns.listCost
	if list == 0 {
		list = costList
	}
	sortCost := c * costRow
	inCost := c*list + min(rows, 2*pos)*costEntry
	gather := min(sortCost, inCost)
	if ns.core != "" && ns.window >= 0 {
		// The key's test reads no row: walk on, a window four times the
		// last, while the rest of the index costs less than gathering. A
		// set past the count's cap costs more to gather than its count
		// says, at least a quarter of a walk of the whole index: walk it.
		w := max(8*pos, float64(keyWindowMin), 4*float64(ns.window))
		switch {
		case ns.count >= nameCountCap:
			return "keywalk", 0
		case ns.window > 0 && w*costKey > gather:
		case rows*costKey+float64(n)*costRow <= gather:
			return "keywalk", 0
		case ns.window > 0 || 2*pos*costKey+float64(n)*costRow < gather:
			return "keywalk", int(w)
		}
	}
	if ns.window == 0 && ns.walkCost(pos) < gather {
		return "walk", int(max(4*pos, float64(nameWindowMin)))
	}
	if sortCost <= inCost {
		return "sort", 0
	}
	return "in", 0
}

// walkCost is the cost of a walk finding its rows by pos, each row read
// (the row test) or its test list gathered first (extra).
func (ns *nameSet) walkCost(pos float64) float64 {
	if ns.rowTest != "" && pos*costRow < ns.extra {
		ns.test, ns.testArgs, ns.extra = ns.rowTest, ns.rowTestArgs, 0
		return 2 * pos * costRow
	}
	return ns.extra + pos*costRow
}

// rowsOfBlock counts the rows of the set's block (the table's largest id
// for the whole table), up to 64 times the set (a sparser set is walked
// no further than its window).
func (ns *nameSet) rowsOfBlock(ctx context.Context, q Querier, table string) int64 {
	if ns.blockRows > 0 {
		return ns.blockRows
	}
	if ns.lo == "" && ns.hi == "" {
		ns.blockRows = maxID(ctx, q, table)
	} else if err := q.GetContext(ctx, &ns.blockRows, `SELECT COUNT(*) FROM (SELECT 1 FROM `+table+
		` WHERE name_py >= ? AND name_py < ? LIMIT ?)`, ns.lo, ns.hi, 64*ns.count+1000); err != nil {
		ns.blockRows = maxID(ctx, q, table)
	}
	ns.blockRows = max(ns.blockRows, 1)
	return ns.blockRows
}

// nameSets are the sets of table's rows whose name matches s as nameMatch
// has it: the pinyin key's range, the initials (in the range of the key's
// first letter), and the names containing s — or, when the names starting
// with s are all of them, those, in s's prefix key range.
func nameSets(ctx context.Context, q Querier, table, s string) ([]nameSet, error) {
	var sets []nameSet
	count := func(query string, args ...any) (int64, error) {
		return countArms(ctx, q, []string{query}, args, nameCountCap)
	}
	key, py := pinyin.Query(s)
	if py {
		hi := pinyin.Upper(key)
		sets = append(sets, nameSet{what: "pinyin", lo: key, hi: hi, whole: true})
		ids := `SELECT id FROM ` + table + ` WHERE name_initials >= ? AND name_initials < ?`
		c, err := count(ids, key, hi)
		if err != nil {
			return nil, err
		}
		if c > 0 {
			sets = append(sets, nameSet{what: "initials", ids: ids, args: []any{key, hi},
				test: `+t.name_initials >= ? AND +t.name_initials < ?`, testArgs: []any{key, hi},
				lo: key[:1], hi: pinyin.Upper(key[:1]), count: c})
		}
	}
	ids, a, exact, _ := gramIDs(table, s)
	if !exact {
		// The rarest bigram's candidates, found once: SQLite reads a list
		// whose bigram is a subquery four times slower.
		var b sql.NullString
		rarest, ra := rarestGram(gramTables[table], []rune(foldASCII(s)))
		if err := q.GetContext(ctx, &b, rarest, ra...); err != nil {
			return nil, err
		}
		ids, a = `SELECT id FROM `+gramTables[table]+` WHERE gram = ?`, []any{b.String}
	}
	c, err := count(ids, a...)
	if err != nil || c == 0 {
		return sets, err
	}
	x := nameSet{what: "contains", ids: ids, args: a, checked: !exact, test: `+t.name LIKE ? ESCAPE '\'`,
		testArgs: []any{"%" + escapeLike(s) + "%"}, core: pinyin.ContainedKey(s), count: c}
	if p := pinyin.PrefixKey(s); p != "" {
		if starts, sargs, ok := startsWith(table, s); ok {
			// Every name containing s starts with it when the postings (or
			// candidates), which hold each of those, are no more: exact
			// counts, up to startsCap.
			sc, err := countArms(ctx, q, []string{starts}, sargs, startsCap+1)
			if err != nil {
				return nil, err
			}
			cx := int64(-1)
			switch {
			case c < nameCountCap:
				cx = c // exact
			case sc <= startsCap:
				if cx, err = countArms(ctx, q, []string{ids}, a, sc+1); err != nil {
					return nil, err
				}
			}
			if 0 <= cx && cx <= sc {
				if py && strings.HasPrefix(p, key) {
					return sets, nil // inside the pinyin key's range
				}
				x = nameSet{what: "starts", ids: starts, args: sargs, test: `+t.name LIKE ? ESCAPE '\'`,
					testArgs: []any{escapeLike(s) + "%"}, lo: p, hi: pinyin.Upper(p), count: min(sc, nameCountCap)}
			}
		}
	}
	return append(sets, x), nil
}

// startsWith is a query of the ids of table's rows whose name starts with
// s, ignoring ASCII case as LIKE does: ranges of the name index, one per
// way of writing s's ASCII letters (ok false past four letters).
func startsWith(table, s string) (query string, args []any, ok bool) {
	variants := []string{""}
	for _, r := range s {
		lower, upper := string(r), ""
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			lower, upper = strings.ToLower(string(r)), strings.ToUpper(string(r))
		}
		var next []string
		for _, v := range variants {
			next = append(next, v+lower)
			if upper != "" {
				next = append(next, v+upper)
			}
		}
		if variants = next; len(variants) > 16 {
			return "", nil, false
		}
	}
	var arms []string
	for _, v := range variants {
		rs := []rune(v)
		hi := nextRune(rs[len(rs)-1])
		if hi == "" {
			arms = append(arms, `SELECT id FROM `+table+` WHERE name >= ?`)
			args = append(args, v)
			continue
		}
		arms = append(arms, `SELECT id FROM `+table+` WHERE name >= ? AND name < ?`)
		args = append(args, v, string(rs[:len(rs)-1])+hi)
	}
	return strings.Join(arms, " UNION ALL "), args, true
}

// rangeSample is how many of a set's ids inRanges reads for their keys;
// maxRanges the most key ranges it tries.
const rangeSample, maxRanges = 200, 16

// inRanges reads a set's first n rows from a few key ranges when it can
// prove that they hold every row of the set (ok). A word inside names
// repeated by the thousand (服务器 in 云服务器二期项目, 云服务器采购, …)
// may sit late in name order (yunfuwuqi…, a million rows in), past any
// walk's reach; its rows' keys contain the set's core, so each lies in
// the range of its key's beginning through the core's first place
// (yunfuwuqi). A sample of the set's keys names those ranges; counting the
// set's ids within them (the id list and the ranges' index entries) proves
// they hold all of it, and the rows come from each range in order, keys
// tested. Tried when the rows before the ranges are more than a walk of
// keys passes for what the proof costs, and the proof less than half of
// sorting the set or walking the whole key index.
func (ns nameSet) inRanges(ctx context.Context, q Querier, table string, n int, dir string) ([]keyedID, bool, error) {
	if ns.core == "" || ns.window != 0 || ns.count >= nameCountCap || (nameMode != "" && nameMode != "ranges") {
		return nil, false, nil
	}
	var keys []sql.NullString
	if err := q.SelectContext(ctx, &keys, `SELECT t.name_py FROM `+table+` t WHERE t.id IN (SELECT id FROM (`+ns.ids+`) LIMIT ?)`,
		append(append([]any{}, ns.args...), rangeSample)...); err != nil {
		return nil, false, err
	}
	var starts []string
	for _, k := range keys {
		i := strings.Index(k.String, ns.core)
		if !k.Valid || i < 0 {
			return nil, false, nil // a candidate without the core (three or more characters)
		}
		starts = append(starts, k.String[:i+len(ns.core)])
	}
	slices.Sort(starts)
	var ranges []string
	for _, p := range starts {
		if len(ranges) == 0 || !strings.HasPrefix(p, ranges[len(ranges)-1]) {
			ranges = append(ranges, p)
		}
	}
	if len(ranges) == 0 || len(ranges) > maxRanges {
		return nil, false, nil
	}
	var conds []string
	var args []any
	for _, p := range ranges {
		conds = append(conds, `(t.name_py >= ? AND t.name_py < ?)`)
		args = append(args, p, pinyin.Upper(p))
	}
	inside := `(` + strings.Join(conds, " OR ") + `)`
	c := float64(max(ns.count, 1))
	list := ns.listCost
	if list == 0 {
		list = costList
	}
	if nameMode == "" {
		// The rows a walk of keys passes before the ranges, counted up to
		// half of what the proof would cost at the least (the ranges
		// holding the set and little else): nearer, walk.
		least := c * (list + costEntry)
		before, bArgs := `t.name_py < ?`, []any{ranges[0]}
		if dir == " DESC" {
			before, bArgs = `t.name_py >= ?`, []any{pinyin.Upper(ranges[len(ranges)-1])}
		}
		var passed int64
		if err := q.GetContext(ctx, &passed, `SELECT COUNT(*) FROM (SELECT 1 FROM `+table+` t WHERE `+before+` LIMIT ?)`,
			append(bArgs, int64(least/costKey/2)+1)...); err != nil {
			return nil, false, err
		}
		if float64(passed)*costKey*2 < least {
			return nil, false, nil
		}
		var spread int64
		if err := q.GetContext(ctx, &spread, `SELECT COUNT(*) FROM (SELECT 1 FROM `+table+` t WHERE `+inside+` LIMIT ?)`,
			append(append([]any{}, args...), 4*ns.count+1)...); err != nil {
			return nil, false, err
		}
		rows := float64(ns.rowsOfBlock(ctx, q, table))
		if c*list+float64(spread)*costEntry > 0.5*min(c*costRow, rows*costKey) {
			return nil, false, nil
		}
	}
	// The proof: every id of the set lies inside (candidates too, when
	// checked: they are what the rows' test reads).
	var all, in int64
	if err := q.GetContext(ctx, &all, `SELECT COUNT(*) FROM (`+ns.ids+`)`, ns.args...); err != nil {
		return nil, false, err
	}
	if err := q.GetContext(ctx, &in, `SELECT COUNT(*) FROM `+table+` t WHERE `+inside+` AND +t.id IN (`+ns.ids+`)`,
		append(append([]any{}, args...), ns.args...)...); err != nil {
		return nil, false, err
	}
	if onNamePlan != nil {
		onNamePlan(ns.what, fmt.Sprintf("ranges %v", in == all))
	}
	if in != all {
		return nil, false, nil
	}
	var out []keyedID
	for _, p := range ranges {
		var got []keyedID
		if err := q.SelectContext(ctx, &got, `SELECT t.id, t.name_py AS k FROM `+table+` t WHERE t.name_py >= ? AND t.name_py < ?
			AND t.name_py LIKE ? AND `+ns.test+` ORDER BY t.name_py`+dir+`, t.id`+dir+` LIMIT ?`,
			append(append([]any{p, pinyin.Upper(p), "%" + ns.core + "%"}, ns.testArgs...), n)...); err != nil {
			return nil, false, err
		}
		out = append(out, got...)
	}
	return out, true, nil
}
