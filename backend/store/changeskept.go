package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/big"
	"slices"
	"strings"
)

// The pipeline changes report read from what migration 0031 keeps at write
// time (change_marks, change_funnel, change_kinds; the migration states
// what can be summed and what cannot). The read is proportional to the
// days and owners in the span, the opportunities listed, and those with
// two or more marks in (A, B] (changed on several days), not to every
// opportunity changed.

// markKind is a kind's bit (changeKinds) with its condition on a mark,
// word for word the partial indexes' of 0031; moved is the stage moves,
// which the reader classifies.
type markKind struct {
	bit  int
	cond string
	idx  string
}

var markKinds = []markKind{
	{0, "prev IS NULL", "new"},
	{5, "prev IS NOT NULL AND ab > aa", "k5"},
	{6, "prev IS NOT NULL AND ab < aa", "k6"},
	{7, "prev IS NOT NULL AND ca <> '' AND cb <> '' AND cb > ca", "k7"},
	{8, "prev IS NOT NULL AND ca <> '' AND cb <> '' AND cb < ca", "k8"},
	{9, "prev IS NOT NULL AND oa <> ob", "k9"},
}

const movedCond = "prev IS NOT NULL AND sa <> sb"

// mark is one row of change_marks.
type mark struct {
	opp        int64
	day        string
	prev, next sql.NullString
	a, b       ChangedState
}

// markCols reads a mark; sa … ca are NULL on a creation mark.
const markCols = `opp, day, prev, next, COALESCE(sa, 0), COALESCE(aa, 0), COALESCE(pa, 0), COALESCE(oa, 0), COALESCE(ca, ''),
	COALESCE(sb, 0), COALESCE(ab, 0), COALESCE(pb, 0), COALESCE(ob, 0), COALESCE(cb, '')`

func stageBit(sa, sb int64, pos map[int64]int, closed map[int64]int) int {
	switch {
	case closed[sb] == 1 && closed[sa] != 1:
		return 1 << 3
	case closed[sb] == 2 && closed[sa] != 2:
		return 1 << 4
	case pos[sb] > pos[sa]:
		return 1 << 1
	case pos[sb] < pos[sa]:
		return 1 << 2
	}
	return 0
}

// KeptChanges is ChangesBetween read from the kept marks, for a query
// without type or source (those are today's values, which the marks do
// not hold: ChangesBetween answers them). DeltaA and DeltaB are the whole
// funnel at A and at B, not corrections. ok is false when a kept sum left
// 64 bits (SQLite made it a REAL): the caller then asks ChangesBetween.
func KeptChanges(ctx context.Context, q Querier, cq ChangesQuery) (res ChangesResult, ok bool, err error) {
	res = ChangesResult{DeltaA: map[int64]FunnelDelta{}, DeltaB: map[int64]FunnelDelta{}, Kinds: map[string]ChangedKind{}}
	if !cq.AllOwners && len(cq.Owners) == 0 {
		return res, true, nil
	}
	if _, err := nextDay(cq.A); err != nil {
		return res, false, err
	}
	if _, err := nextDay(cq.B); err != nil {
		return res, false, err
	}
	pos := map[int64]int{}
	closed := map[int64]int{}
	for i, s := range cq.Stages {
		pos[s.ID] = i
		switch s.Kind {
		case KindWon:
			closed[s.ID] = 1
		case KindLost:
			closed[s.ID] = 2
		}
	}
	ownerCond := func(col string) (string, []any) {
		if cq.AllOwners {
			return "", nil
		}
		c, a := inInts(col, cq.Owners)
		return " AND " + c, a
	}

	// The funnel: '~' (now) minus the days after A, and after B.
	oc, oargs := ownerCond("owner")
	rows, err := q.QueryContext(ctx, `SELECT day = '~', day > ?, stage, SUM(n), SUM(amount), SUM(w_hi), SUM(w_lo)
		FROM change_funnel WHERE day > ?`+oc+` GROUP BY 1, 2, 3`, append([]any{cq.B, cq.A}, oargs...)...)
	if err != nil {
		return res, false, fmt.Errorf("changes: %w", err)
	}
	type fig struct {
		n, amount int64
		w         big.Int
	}
	fa, fb := map[int64]*fig{}, map[int64]*fig{}
	get := func(m map[int64]*fig, stage int64) *fig {
		f := m[stage]
		if f == nil {
			f = &fig{}
			m[stage] = f
		}
		return f
	}
	add := func(f *fig, sign, n, amount int64, w *big.Int) {
		f.n += sign * n
		f.amount += sign * amount
		if sign < 0 {
			f.w.Sub(&f.w, w)
		} else {
			f.w.Add(&f.w, w)
		}
	}
	exact := true
	for rows.Next() {
		var total, afterB bool
		var stage int64
		var v [4]any
		if err := rows.Scan(&total, &afterB, &stage, &v[0], &v[1], &v[2], &v[3]); err != nil {
			rows.Close()
			return res, false, fmt.Errorf("changes: %w", err)
		}
		var x [4]int64
		for i := range v {
			n, isInt := v[i].(int64)
			exact = exact && isInt
			x[i] = n
		}
		w := new(big.Int).Lsh(big.NewInt(x[2]), 31)
		w.Add(w, big.NewInt(x[3]))
		switch {
		case total:
			add(get(fa, stage), 1, x[0], x[1], w)
			add(get(fb, stage), 1, x[0], x[1], w)
		case afterB:
			add(get(fa, stage), -1, x[0], x[1], w)
			add(get(fb, stage), -1, x[0], x[1], w)
		default:
			add(get(fa, stage), -1, x[0], x[1], w)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return res, false, fmt.Errorf("changes: %w", err)
	}
	if !exact {
		return res, false, nil
	}

	// Each kind's sums over (A, B] of the marks' own kinds.
	type kindSum struct{ n, a, b int64 }
	kinds := make([]kindSum, len(changeKinds))
	oc, oargs = ownerCond("owner")
	rows, err = q.QueryContext(ctx, `SELECT k, sa, sb, SUM(n), SUM(amount_a), SUM(amount_b) FROM change_kinds
		WHERE day > ? AND day <= ?`+oc+` GROUP BY k, sa, sb`, append([]any{cq.A, cq.B}, oargs...)...)
	if err != nil {
		return res, false, fmt.Errorf("changes: %w", err)
	}
	for rows.Next() {
		var k, sa, sb int64
		var n, a, b any
		if err := rows.Scan(&k, &sa, &sb, &n, &a, &b); err != nil {
			rows.Close()
			return res, false, fmt.Errorf("changes: %w", err)
		}
		ni, ok1 := n.(int64)
		ai, ok2 := a.(int64)
		bi, ok3 := b.(int64)
		exact = exact && ok1 && ok2 && ok3
		bit := int(k)
		if k < 0 {
			bits := stageBit(sa, sb, pos, closed)
			if bits == 0 {
				continue
			}
			for bit = 0; bits>>bit != 1; bit++ {
			}
		}
		if bit >= 0 && bit < len(kinds) {
			kinds[bit].n += ni
			kinds[bit].a += ai
			kinds[bit].b += bi
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return res, false, fmt.Errorf("changes: %w", err)
	}
	if !exact {
		return res, false, nil
	}

	// The opportunities with two or more marks in (A, B]: their marks'
	// own kinds out, their net change's in, summed in SQL.
	multiItems, err := multiMarks(ctx, q, cq, pos, closed, func(bit int, sign, n, a, b int64) {
		kinds[bit].n += sign * n
		kinds[bit].a += sign * a
		kinds[bit].b += sign * b
	}, func(sign int64, s ChangedState, n int64, w *big.Int) {
		f := get(fa, s.StageID)
		f.n += sign * n
		f.amount += sign * s.AmountCents
		if sign < 0 {
			f.w.Sub(&f.w, w)
		} else {
			f.w.Add(&f.w, w)
		}
	})
	if err != nil {
		return res, false, err
	}
	// The window's single marks: (prev before or at A) and (next after B).
	single := `day > ? AND day <= ? AND (prev IS NULL OR prev <= ?) AND (next IS NULL OR next > ?)`
	singleArgs := []any{cq.A, cq.B, cq.A, cq.B}
	if !cq.AllOwners {
		// Reassigned between A and B into or out of the owners.
		in, inArgs := inInts("ob", cq.Owners)
		out, outArgs := inInts("oa", cq.Owners)
		// Summed per stage at A, from the indexes alone.
		rows, err = q.QueryContext(ctx, `SELECT sign, sa, COUNT(*), SUM(aa), SUM((aa * pa) >> 31), SUM((aa * pa) & 2147483647) FROM (
				SELECT 1 AS sign, sa, aa, pa FROM change_marks INDEXED BY change_marks_k9_owner
				WHERE prev IS NOT NULL AND oa <> ob AND `+in+` AND `+single+` AND NOT `+out+`
			UNION ALL SELECT -1, sa, aa, pa FROM change_marks INDEXED BY change_marks_out
				WHERE prev IS NOT NULL AND oa <> ob AND `+out+` AND `+single+` AND NOT `+in+`) GROUP BY 1, 2`,
			slices.Concat(inArgs, singleArgs, outArgs, outArgs, singleArgs, inArgs)...)
		if err != nil {
			return res, false, fmt.Errorf("changes: %w", err)
		}
		for rows.Next() {
			var sign, stage, n, amount, hi, lo int64
			if err := rows.Scan(&sign, &stage, &n, &amount, &hi, &lo); err != nil {
				rows.Close()
				return res, false, fmt.Errorf("changes: %w", err)
			}
			w := new(big.Int).Lsh(big.NewInt(hi), 31)
			w.Add(w, big.NewInt(lo))
			add(get(fa, stage), sign, n, amount, w)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return res, false, fmt.Errorf("changes: %w", err)
		}
	}
	for stage, f := range fa {
		res.DeltaA[stage] = FunnelDelta{Count: int(f.n), Amount: f.amount, Weighted: new(big.Int).Set(&f.w)}
	}
	for stage, f := range fb {
		res.DeltaB[stage] = FunnelDelta{Count: int(f.n), Amount: f.amount, Weighted: new(big.Int).Set(&f.w)}
	}
	for i, k := range changeKinds {
		res.Kinds[k] = ChangedKind{Count: int(kinds[i].n), AmountA: kinds[i].a, AmountB: kinds[i].b}
	}

	// The listed: each kind's first MaxItems by id among its single marks
	// (through the kind's partial index) and its opportunities with
	// several marks.
	limit := max(cq.MaxItems, 0)
	var parts []string
	var args []any
	suffix := ""
	oc, oargs = "", nil
	if !cq.AllOwners {
		suffix = "_owner"
		oc, oargs = ownerCond("ob")
	}
	for _, k := range markKinds {
		parts = append(parts, fmt.Sprintf(`SELECT * FROM (SELECT %d AS k, opp, day FROM change_marks INDEXED BY change_marks_%s%s
			WHERE %s AND %s%s ORDER BY opp LIMIT %d)`, k.bit, k.idx, suffix, k.cond, single, oc, limit))
		args = append(append(args, singleArgs...), oargs...)
	}
	var cls strings.Builder
	cls.WriteString("CASE")
	for _, sa := range cq.Stages {
		for _, sb := range cq.Stages {
			if sa.ID == sb.ID {
				continue
			}
			if bits := stageBit(sa.ID, sb.ID, pos, closed); bits != 0 {
				bit := 0
				for bits>>bit != 1 {
					bit++
				}
				fmt.Fprintf(&cls, " WHEN sa = %d AND sb = %d THEN %d", sa.ID, sb.ID, bit)
			}
		}
	}
	cls.WriteString(" ELSE -1 END")
	// The four stage kinds in one read of the moves, each's first by id.
	parts = append(parts, fmt.Sprintf(`SELECT k, opp, day FROM (SELECT k, opp, day, ROW_NUMBER() OVER (PARTITION BY k ORDER BY opp) AS rn
		FROM (SELECT %s AS k, opp, day FROM change_marks INDEXED BY change_marks_moved%s WHERE %s AND %s%s) WHERE k >= 0)
		WHERE rn <= %d`, cls.String(), suffix, movedCond, single, oc, limit))
	args = append(append(args, singleArgs...), oargs...)
	// Each listed mark's states read by its key in the same statement.
	type listedMark struct {
		k int
		m mark
	}
	var listed []listedMark
	if limit > 0 {
		rows, err = q.QueryContext(ctx, `SELECT s.k, `+markCols+` FROM (`+strings.Join(parts, "\nUNION ALL\n")+`) s
			JOIN change_marks USING (opp, day)`, args...)
		if err != nil {
			return res, false, fmt.Errorf("changes: %w", err)
		}
		for rows.Next() {
			var x listedMark
			m := &x.m
			if err := rows.Scan(&x.k, &m.opp, &m.day, &m.prev, &m.next, &m.a.StageID, &m.a.AmountCents, &m.a.ProbabilityBP,
				&m.a.OwnerID, &m.a.ExpectedClose, &m.b.StageID, &m.b.AmountCents, &m.b.ProbabilityBP, &m.b.OwnerID,
				&m.b.ExpectedClose); err != nil {
				rows.Close()
				return res, false, fmt.Errorf("changes: %w", err)
			}
			listed = append(listed, x)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return res, false, fmt.Errorf("changes: %w", err)
		}
	}
	byKind := map[string][]ChangedItem{}
	for _, it := range multiItems {
		byKind[it.Kind] = append(byKind[it.Kind], it)
	}
	for _, x := range listed {
		m, kind := x.m, changeKinds[x.k]
		byKind[kind] = append(byKind[kind], ChangedItem{Kind: kind, ID: m.opp, ExistedA: m.prev.Valid, A: m.a, B: m.b})
	}
	for _, k := range changeKinds {
		items := byKind[k]
		slices.SortFunc(items, func(x, y ChangedItem) int { return int(x.ID - y.ID) })
		res.Items = append(res.Items, items[:min(len(items), limit)]...)
	}
	return res, true, nil
}

// changeSums are the sums of change_funnel and change_kinds over the marks
// of the opportunities matching cond (on change_marks), as 0031's
// triggers add them one mark at a time.
func changeSums(cond string) (funnel, kinds string) {
	funnel = `SELECT d AS day, o AS owner, s AS stage, SUM(n) AS n, SUM(a) AS amount, SUM(hi) AS w_hi, SUM(lo) AS w_lo FROM (
	    SELECT day AS d, oa AS o, sa AS s, -1 AS n, -aa AS a, -((aa * pa) >> 31) AS hi, -((aa * pa) & 2147483647) AS lo
	      FROM change_marks WHERE prev IS NOT NULL AND (oa, sa, aa, pa) IS NOT (ob, sb, ab, pb) AND ` + cond + `
	    UNION ALL
	    SELECT '~', oa, sa, -1, -aa, -((aa * pa) >> 31), -((aa * pa) & 2147483647)
	      FROM change_marks WHERE prev IS NOT NULL AND (oa, sa, aa, pa) IS NOT (ob, sb, ab, pb) AND ` + cond + `
	    UNION ALL
	    SELECT day, ob, sb, 1, ab, (ab * pb) >> 31, (ab * pb) & 2147483647
	      FROM change_marks WHERE (prev IS NULL OR (oa, sa, aa, pa) IS NOT (ob, sb, ab, pb)) AND ` + cond + `
	    UNION ALL
	    SELECT '~', ob, sb, 1, ab, (ab * pb) >> 31, (ab * pb) & 2147483647
	      FROM change_marks WHERE (prev IS NULL OR (oa, sa, aa, pa) IS NOT (ob, sb, ab, pb)) AND ` + cond + `)
	GROUP BY d, o, s`
	var parts []string
	parts = append(parts, `SELECT day, ob, -1 AS k, sa AS ksa, sb AS ksb, aa AS xa, ab FROM change_marks WHERE `+movedCond+` AND `+cond)
	for _, k := range markKinds {
		aa := "aa"
		if k.bit == 0 {
			aa = "0"
		}
		parts = append(parts, fmt.Sprintf(`SELECT day, ob, %d, 0, 0, %s, ab FROM change_marks WHERE %s AND %s`, k.bit, aa, k.cond, cond))
	}
	kinds = `SELECT day, ob AS owner, k, ksa AS sa, ksb AS sb, COUNT(*) AS n, SUM(xa) AS amount_a, SUM(ab) AS amount_b FROM (
		` + strings.Join(parts, "\n\t\tUNION ALL ") + `)
	GROUP BY day, ob, k, ksa, ksb`
	return funnel, kinds
}

// ChangeMarksDiff compares what migration 0031 keeps with a fresh
// computation from the opportunities and their history: "" when equal,
// else the first differences. For tests.
func ChangeMarksDiff(ctx context.Context, q Querier) (string, error) {
	funnel, kinds := changeSums("1")
	checks := []struct{ name, kept, fresh string }{
		{"marks", `SELECT opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb FROM change_marks`,
			`SELECT opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb FROM change_marks_fresh`},
		{"funnel", `SELECT day, owner, stage, n, amount, w_hi, w_lo FROM change_funnel WHERE (n, amount, w_hi, w_lo) <> (0, 0, 0, 0)`,
			`SELECT * FROM (` + funnel + `) WHERE (n, amount, w_hi, w_lo) <> (0, 0, 0, 0)`},
		{"kinds", `SELECT day, owner, k, sa, sb, n, amount_a, amount_b FROM change_kinds WHERE (n, amount_a, amount_b) <> (0, 0, 0)`,
			`SELECT * FROM (` + kinds + `) WHERE (n, amount_a, amount_b) <> (0, 0, 0)`},
	}
	var out []string
	for _, c := range checks {
		for _, dir := range []struct{ label, a, b string }{{"kept only", c.kept, c.fresh}, {"fresh only", c.fresh, c.kept}} {
			rows, err := q.QueryContext(ctx, `SELECT * FROM (`+dir.a+` EXCEPT `+dir.b+`) LIMIT 5`)
			if err != nil {
				return "", fmt.Errorf("change marks %s: %w", c.name, err)
			}
			cols, _ := rows.Columns()
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			for rows.Next() {
				if err := rows.Scan(ptrs...); err != nil {
					rows.Close()
					return "", err
				}
				for i, v := range vals {
					if b, ok := v.([]byte); ok {
						vals[i] = string(b)
					}
				}
				out = append(out, fmt.Sprintf("%s %s: %v", c.name, dir.label, vals))
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return "", err
			}
		}
	}
	return strings.Join(out, "\n"), nil
}

// multiMarks finds the opportunities with two or more marks in (A, B]
// that concern the query's owners (any of their marks there names one,
// before or after), and hands back in sums: each kind's count and amounts
// of their marks' own kinds (sign -1, what change_kinds counted) and of
// their net change (sign 1: first mark's before → last mark's after,
// under the last mark's owner); with an owner filter, the funnel at A of
// those the report counts under another owner than the kept funnel
// (fa: amount there is the sum, n the count); and the net change's
// listed items, each kind's first cq.MaxItems by id.
func multiMarks(ctx context.Context, q Querier, cq ChangesQuery, pos, closed map[int64]int,
	kind func(bit int, sign, n, a, b int64), fa func(sign int64, s ChangedState, n int64, w *big.Int)) ([]ChangedItem, error) {
	var cand string
	var args []any
	if cq.AllOwners {
		cand = `SELECT opp FROM change_marks INDEXED BY change_marks_prev WHERE prev IS NOT NULL AND prev > ? AND prev < ? AND day <= ?`
		args = []any{cq.A, cq.B, cq.B}
	} else {
		ob, oba := inInts("ob", cq.Owners)
		oa, oaa := inInts("oa", cq.Owners)
		// UNION ALL: IN keeps a set of its own, a UNION would sort twice.
		cand = `SELECT opp FROM change_marks INDEXED BY change_marks_prev_owner
				WHERE prev IS NOT NULL AND ` + ob + ` AND prev > ? AND prev < ? AND day <= ?
			UNION ALL SELECT opp FROM change_marks INDEXED BY change_marks_next_owner
				WHERE next IS NOT NULL AND ` + ob + ` AND next > ? AND next <= ? AND day > ?
			UNION ALL SELECT opp FROM change_marks INDEXED BY change_marks_out
				WHERE prev IS NOT NULL AND oa <> ob AND ` + oa + ` AND day > ? AND day <= ? AND (prev > ? OR next <= ?)`
		args = slices.Concat(oba, []any{cq.A, cq.B, cq.B}, oba, []any{cq.A, cq.B, cq.A}, oaa, []any{cq.A, cq.B, cq.A, cq.B})
	}
	caseOf := func(col string, val func(i int, s Stage) int) string {
		var b strings.Builder
		fmt.Fprintf(&b, "CASE %s", col)
		for i, s := range cq.Stages {
			fmt.Fprintf(&b, " WHEN %d THEN %d", s.ID, val(i, s))
		}
		b.WriteString(" ELSE 0 END")
		return b.String()
	}
	p := func(col string) string { return caseOf(col, func(i int, _ Stage) int { return i }) }
	c := func(col string) string { return caseOf(col, func(_ int, s Stage) int { return closed[s.ID] }) }
	_ = pos
	// kindBits in SQL, on columns x (exists at A), sa … cb.
	bits := `(CASE WHEN NOT x THEN 1 ELSE
		(CASE WHEN sa = sb THEN 0 WHEN ` + c("sb") + ` = 1 AND ` + c("sa") + ` <> 1 THEN 8
			WHEN ` + c("sb") + ` = 2 AND ` + c("sa") + ` <> 2 THEN 16
			WHEN ` + p("sb") + ` > ` + p("sa") + ` THEN 2 WHEN ` + p("sb") + ` < ` + p("sa") + ` THEN 4 ELSE 0 END)
		| (CASE WHEN ab > aa THEN 32 WHEN ab < aa THEN 64 ELSE 0 END)
		| (CASE WHEN ca <> '' AND cb <> '' AND cb > ca THEN 128 WHEN ca <> '' AND cb <> '' AND cb < ca THEN 256 ELSE 0 END)
		| (CASE WHEN oa <> ob THEN 512 ELSE 0 END) END)`
	scope := func(col string) (string, []any) {
		if cq.AllOwners {
			return "1", nil
		}
		return inInts(col, cq.Owners)
	}
	sb, sba := scope("ob")
	sa, saa := scope("oa")
	query := `WITH mm AS MATERIALIZED (SELECT opp, day, prev IS NOT NULL AS x, COALESCE(sa, 0) AS sa, COALESCE(aa, 0) AS aa,
			COALESCE(pa, 0) AS pa, COALESCE(oa, 0) AS oa, COALESCE(ca, '') AS ca, sb, ab, pb, ob, cb,
			(prev IS NULL OR prev <= ?) AS first, (next IS NULL OR next > ?) AS last
			FROM change_marks WHERE opp IN (` + cand + `) AND day > ? AND day <= ?),
		-- An opportunity's first mark in (A, B] is the one whose previous
		-- mark is not in it, its last the one whose next is not: no
		-- grouping by opportunity and no join on day (a third cheaper).
		net AS MATERIALIZED (SELECT f.opp, f.x, f.sa, f.aa, f.pa, f.oa, f.ca, l.sb, l.ab, l.pb, l.ob, l.cb
			FROM mm f JOIN mm l ON l.opp = f.opp AND l.last WHERE f.first),
		pm AS (SELECT ` + bits + ` AS k, x, aa, ab FROM mm WHERE ` + sb + `),
		nk AS MATERIALIZED (SELECT ` + bits + ` AS k, * FROM net WHERE ` + sb + `)
	SELECT 'k', -1, k, COUNT(*), SUM(CASE WHEN x THEN aa ELSE 0 END), SUM(ab)` + strings.Repeat(", NULL", 10) + `
		FROM pm GROUP BY k
	UNION ALL
	SELECT 'k', 1, k, COUNT(*), SUM(CASE WHEN x THEN aa ELSE 0 END), SUM(ab)` + strings.Repeat(", NULL", 10) + `
		FROM nk GROUP BY k`
	args = slices.Concat([]any{cq.A, cq.B}, args, []any{cq.A, cq.B}, sba, sba)
	if !cq.AllOwners {
		// Counted under the owner at A in the kept funnel, under the
		// owner at B in the report.
		query += `
	UNION ALL
	SELECT 'a', CASE WHEN ` + sa + ` THEN -1 ELSE 1 END, sa, COUNT(*), SUM(aa), SUM((aa * pa) >> 31), SUM((aa * pa) & 2147483647)` +
			strings.Repeat(", NULL", 9) + `
		FROM net WHERE x AND (` + sa + `) <> (` + sb + `) GROUP BY 2, 3`
		args = slices.Concat(args, saa, saa, sba)
	}
	for i := range changeKinds {
		query += fmt.Sprintf(`
	UNION ALL
	SELECT * FROM (SELECT 'i', %d, opp, x, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb, NULL, NULL FROM nk WHERE k & %d <> 0
		ORDER BY opp LIMIT %d)`, i, 1<<i, max(cq.MaxItems, 0))
	}
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("changes: %w", err)
	}
	defer rows.Close()
	var items []ChangedItem
	for rows.Next() {
		var tag string
		var v [15]sql.NullInt64
		var ca, cb sql.NullString
		dst := []any{&tag, &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &ca, &v[7], &v[8], &v[9], &v[10], &cb, &v[11], &v[12]}
		if err := rows.Scan(dst...); err != nil {
			return nil, fmt.Errorf("changes: %w", err)
		}
		switch tag {
		case "k":
			// One row per set of kinds: each of its kinds gets it.
			for bit := range changeKinds {
				if v[1].Int64&(1<<bit) != 0 {
					kind(bit, v[0].Int64, v[2].Int64, v[3].Int64, v[4].Int64)
				}
			}
		case "a":
			w := new(big.Int).Lsh(big.NewInt(v[4].Int64), 31)
			w.Add(w, big.NewInt(v[5].Int64))
			fa(v[0].Int64, ChangedState{StageID: v[1].Int64, AmountCents: v[3].Int64}, v[2].Int64, w)
		case "i":
			items = append(items, ChangedItem{Kind: changeKinds[v[0].Int64], ID: v[1].Int64, ExistedA: v[2].Int64 != 0,
				A: ChangedState{StageID: v[3].Int64, AmountCents: v[4].Int64, ProbabilityBP: v[5].Int64, OwnerID: v[6].Int64, ExpectedClose: ca.String},
				B: ChangedState{StageID: v[7].Int64, AmountCents: v[8].Int64, ProbabilityBP: v[9].Int64, OwnerID: v[10].Int64, ExpectedClose: cb.String}})
		}
	}
	return items, rows.Err()
}
