package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// where collects the conditions of a list query and their arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) ints(col string, ids []int64) {
	if len(ids) > 0 {
		c, a := inInts(col, ids)
		w.add(c, a...)
	}
}

func (w *where) strs(col string, vals []string) {
	if len(vals) > 0 {
		c, a := inStrings(col, vals)
		w.add(c, a...)
	}
}

// dateRange bounds col by from and to (YYYY-MM-DD), both inclusive; an
// empty end leaves that side open.
func (w *where) dateRange(col, from, to string) {
	if from != "" {
		w.add(col+" >= ?", from)
	}
	if to != "" {
		w.add(col+" <= ?", to)
	}
}

// like adds a literal substring match of s on any of cols.
func (w *where) like(s string, cols ...string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	pat := "%" + escapeLike(s) + "%"
	parts := make([]string, len(cols))
	args := make([]any, len(cols))
	for i, c := range cols {
		parts[i] = c + ` LIKE ? ESCAPE '\'`
		args[i] = pat
	}
	w.add("("+strings.Join(parts, " OR ")+")", args...)
}

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// orderBy returns the ORDER BY clause for key in cols (def when unknown),
// ending with the id column as a tie-breaker so pages never overlap.
func orderBy(cols map[string]string, key, def string, desc bool, idCol string) string {
	col, ok := cols[key]
	if !ok {
		col = cols[def]
	}
	dir := " ASC"
	if desc {
		dir = " DESC"
	}
	return " ORDER BY " + col + dir + ", " + idCol + dir
}

// knownTotal returns the total of a list when its page already tells it:
// a page shorter than the limit that is not past the end holds the last
// matches. Lists run the page query first and count only when needed, so a
// search that matches few rows scans the table once, not twice.
func knownTotal(offset, limit, n int) (int, bool) {
	if n < limit && (n > 0 || offset == 0) {
		return offset + n, true
	}
	return 0, false
}

// nextNumber returns prefix + NNN, one more than the highest number with that
// prefix in table's number column (001 for the first). Beyond 999 the
// sequence simply grows a digit. The caller runs it in the transaction that
// inserts the row; the single writer connection makes that race-free.
func nextNumber(ctx context.Context, q Querier, table, prefix string) (string, error) {
	var last []string
	// A range on the unique index: '.' is the character after '-'.
	hi := strings.TrimSuffix(prefix, "-") + "."
	err := q.SelectContext(ctx, &last, `SELECT number FROM `+table+` WHERE number >= ? AND number < ?
		ORDER BY length(number) DESC, number DESC LIMIT 1`, prefix, hi)
	if err != nil {
		return "", fmt.Errorf("next %s number: %w", table, err)
	}
	n := 0
	if len(last) == 1 {
		n, _ = strconv.Atoi(strings.TrimPrefix(last[0], prefix))
	}
	return fmt.Sprintf("%s%03d", prefix, n+1), nil
}

// inOrder appends to out the rows whose ids are in ids, in the order of ids:
// a page's ids are picked first, then its rows read by id in any order.
func inOrder[T any](out []T, ids []int64, rows []T, id func(T) int64) []T {
	at := make(map[int64]int, len(rows))
	for i, r := range rows {
		at[id(r)] = i
	}
	for _, x := range ids {
		if i, ok := at[x]; ok {
			out = append(out, rows[i])
		}
	}
	return out
}
