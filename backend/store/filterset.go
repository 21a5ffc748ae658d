package store

import (
	"context"
	"fmt"
	"strings"
)

// A search under a filter whose rows are few (one owner: 5 % of the table)
// but whose word is middling (年度续约 in 7 % of the names) has no cheap way
// in SQL: walking the filter's rows until offset+countCap+1 matches reads
// some 30,000 rows, and an "id IN (the word's postings)" list costs SQLite
// a B-tree insert per posting. Both sides are cheap as index entries,
// though: the filter's ids from its covering index (opportunities_owner_cover
// or opportunities_stage_cover hold every column such a filter names) and
// the word's candidates from the postings. So the set way reads both as id
// lists, intersects them in Go, and reads only the rows inside both.

// costID is the cost of an id read into Go from an index range (group_concat
// of an index-only scan, parsed), in microseconds (measured on the
// import-built database at a million rows: 54,000 ids of one owner).
const costID = 0.1

// idSet is a set of ids as a bitmap.
type idSet []uint64

func newIDSet(ids []int64) idSet {
	var hi int64
	for _, id := range ids {
		hi = max(hi, id)
	}
	s := make(idSet, hi/64+1)
	for _, id := range ids {
		if id >= 0 {
			s[id/64] |= 1 << (uint64(id) % 64)
		}
	}
	return s
}

func (s idSet) has(id int64) bool {
	return id >= 0 && id/64 < int64(len(s)) && s[id/64]&(1<<(uint64(id)%64)) != 0
}

// keep returns the ids of in that are in s, each once, in their order.
func (s idSet) keep(in []int64) []int64 {
	out := []int64{}
	seen := make(idSet, len(s))
	for _, id := range in {
		if s.has(id) && !seen.has(id) {
			seen[id/64] |= 1 << (uint64(id) % 64)
			out = append(out, id)
		}
	}
	return out
}

// filterIDs is the id set of a filter (no text search), read once when a
// way needs it.
type filterIDs struct {
	f    OpportunityFilter
	size int64 // rows of f
	// ok: the set way may read it (filterSetOK, and size exact).
	ok  bool
	set idSet
}

// filterSetOK reports whether f's ids come from a covering index alone:
// an owner, a stage or view, close dates, sources, types (the columns of
// both cover indexes), without a customer or the drill-down conditions.
func filterSetOK(f OpportunityFilter) bool {
	switch f.lead() {
	case leadOwner, leadStage, leadClose:
		return !f.extraFiltered() && f.CustomerID == 0 && f.query() == ""
	}
	return false
}

// cost is what reading the set costs still (nothing once read).
func (fi *filterIDs) cost() float64 {
	if fi.set != nil {
		return 0
	}
	return float64(fi.size) * costID
}

func (fi *filterIDs) get(ctx context.Context, q Querier) (idSet, error) {
	if fi.set != nil {
		return fi.set, nil
	}
	cond, args := fi.f.where()
	ids, err := listIDs(ctx, q, `SELECT o.id FROM opportunities o`+cond, args...)
	if err != nil {
		return nil, fmt.Errorf("filter opportunities: %w", err)
	}
	fi.set = newIDSet(ids)
	return fi.set, nil
}

// within reads the ids the arms yield (repeats allowed) and keeps those in
// the filter's set, each once.
func (fi *filterIDs) within(ctx context.Context, q Querier, arms []string, args []any) ([]int64, error) {
	set, err := fi.get(ctx, q)
	if err != nil || len(arms) == 0 {
		return []int64{}, err
	}
	ids, err := armIDs(ctx, q, arms, args, 0)
	if err != nil {
		return nil, err
	}
	return set.keep(ids), nil
}

// armIDs reads the ids the arms yield, repeats kept (index entries, no
// DISTINCT), up to limit (0: all).
func armIDs(ctx context.Context, q Querier, arms []string, args []any, limit int64) ([]int64, error) {
	query := `SELECT id FROM (` + strings.Join(arms, " UNION ALL ") + `)`
	if limit > 0 {
		query += ` LIMIT ?`
		args = append(append([]any{}, args...), limit)
	}
	return listIDs(ctx, q, query, args...)
}
