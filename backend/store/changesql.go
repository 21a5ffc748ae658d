package store

import (
	"context"
	"fmt"
	"math/big"
	"strings"
)

// changeKinds are backend/changes' kinds in the order of their bits in
// ChangesBetween's mask.
var changeKinds = []string{"new", "forward", "back", "won", "lost", "raised", "lowered", "pushedOut", "pulledIn", "reassigned"}

// ChangesQuery is what ChangesBetween needs: days A and B (YYYY-MM-DD),
// the stages in report order with their kind, and the report's filters
// (owner at B; AllOwners false with no Owners selects nothing).
type ChangesQuery struct {
	A, B      string
	Stages    []Stage
	AllOwners bool
	Owners    []int64
	Type      string
	Source    string
	MaxItems  int
}

// ChangedState is an opportunity's values at the end of a day.
type ChangedState struct {
	StageID, AmountCents, ProbabilityBP, OwnerID int64
	ExpectedClose                                string
}

// ChangedItem is one opportunity listed under a kind of change; A is
// meaningful only when ExistedA.
type ChangedItem struct {
	Kind     string
	ID       int64
	ExistedA bool
	A, B     ChangedState
}

// ChangedKind is the full count and amounts at A and B of one kind.
type ChangedKind struct {
	Count            int
	AmountA, AmountB int64
}

// FunnelDelta is what the opportunities changed after A add to one stage
// of the funnel at A or at B, over the kept totals (which hold their
// values now): negative for their values now, positive for then.
type FunnelDelta struct {
	Count    int
	Amount   int64
	Weighted *big.Int
}

// ChangesResult is ChangesBetween's answer.
type ChangesResult struct {
	DeltaA, DeltaB map[int64]FunnelDelta
	Kinds          map[string]ChangedKind
	Items          []ChangedItem
}

// ChangesBetween reads the opportunities with a stage or field change
// after day A, rebuilds each one's values at the ends of A and B in one
// pass in SQL (each field takes the old value of its first change after
// the day, in (changed_at, id) order, else its value now) and returns only
// sums: the funnel corrections per stage, each kind's count and amounts,
// and the first MaxItems opportunities of each kind by id. Kinds are
// those of backend/changes (Classify); the Go reconstruction there is the
// reference this must agree with (TestFastMatchesReconstruction).
func ChangesBetween(ctx context.Context, q Querier, cq ChangesQuery) (ChangesResult, error) {
	res := ChangesResult{DeltaA: map[int64]FunnelDelta{}, DeltaB: map[int64]FunnelDelta{}, Kinds: map[string]ChangedKind{}}
	a1, err := nextDay(cq.A)
	if err != nil {
		return res, err
	}
	b1, err := nextDay(cq.B)
	if err != nil {
		return res, err
	}
	var args []any
	// A stage's position in report order and whether it is won (1) or
	// lost (2), as CASE expressions of integer literals (the ids are ours):
	// cheaper per row than joining a table of the stages twice.
	pos := func(col string) string {
		var b strings.Builder
		fmt.Fprintf(&b, "CASE %s", col)
		for i, s := range cq.Stages {
			fmt.Fprintf(&b, " WHEN %d THEN %d", s.ID, i)
		}
		b.WriteString(" ELSE 0 END")
		return b.String()
	}
	closed := func(col string) string {
		var b strings.Builder
		fmt.Fprintf(&b, "CASE %s", col)
		for _, s := range cq.Stages {
			switch s.Kind {
			case KindWon:
				fmt.Fprintf(&b, " WHEN %d THEN 1", s.ID)
			case KindLost:
				fmt.Fprintf(&b, " WHEN %d THEN 2", s.ID)
			}
		}
		b.WriteString(" ELSE 0 END")
		return b.String()
	}
	owner := func(col string) string {
		if cq.AllOwners {
			return "1"
		}
		if len(cq.Owners) == 0 {
			return "0"
		}
		c, a := inInts(col, cq.Owners)
		args = append(args, a...)
		return c
	}
	ts := "(? = '' OR o.type = ?) AND (? = '' OR o.source = ?)"
	args = append(args, a1, a1, b1, b1, cq.A, cq.B, cq.Type, cq.Type, cq.Source, cq.Source)
	ownNow := owner("o.owner_id")
	ownB := owner("COALESCE(g.o_l, o.owner_id)")
	// old is NULL-free: a creation's stage row (from NULL) gives the stage it
	// began in, a missing amount/owner/probability reads 0 and a missing
	// date '', as the Go reconstruction reads them.
	nulls := func(k int) string { return strings.Repeat(", NULL", k) }
	query := `WITH ev(opp, f, at, id, old) AS (
		SELECT opportunity_id, 0, changed_at, id, COALESCE(from_stage_id, to_stage_id) FROM stage_history WHERE changed_at >= ?
		UNION ALL
		SELECT opportunity_id, CASE field WHEN 'amount' THEN 1 WHEN 'probability' THEN 2 WHEN 'owner' THEN 3 WHEN 'close' THEN 4 ELSE 9 END,
			changed_at, id, CASE WHEN field = 'close' THEN COALESCE(old_value, '') ELSE COALESCE(old_value, 0) END
		FROM opportunity_field_history WHERE changed_at >= ?),
	w AS (SELECT opp, f, at >= ? AS late, old,
		ROW_NUMBER() OVER (PARTITION BY opp, f, at >= ? ORDER BY at, id) AS rn FROM ev),
	g AS (SELECT opp, MAX(NOT late) AS early,
		MAX(CASE WHEN f = 0 AND NOT late THEN old END) AS s_e, MAX(CASE WHEN f = 0 AND late THEN old END) AS s_l,
		MAX(CASE WHEN f = 1 AND NOT late THEN old END) AS a_e, MAX(CASE WHEN f = 1 AND late THEN old END) AS a_l,
		MAX(CASE WHEN f = 2 AND NOT late THEN old END) AS p_e, MAX(CASE WHEN f = 2 AND late THEN old END) AS p_l,
		MAX(CASE WHEN f = 3 AND NOT late THEN old END) AS o_e, MAX(CASE WHEN f = 3 AND late THEN old END) AS o_l,
		MAX(CASE WHEN f = 4 AND NOT late THEN old END) AS c_e, MAX(CASE WHEN f = 4 AND late THEN old END) AS c_l
		FROM w WHERE rn = 1 GROUP BY opp),
	-- Out of scope now and at B (owner, type, source): in no sum, dropped
	-- before the sums (a one-owner report keeps about its share).
	r AS MATERIALIZED (SELECT * FROM (SELECT o.id, g.early,
		o.stage_id AS sn, o.amount_cents AS an, o.probability_bp AS pn,
		COALESCE(g.s_e, g.s_l, o.stage_id) AS sa, COALESCE(g.s_l, o.stage_id) AS sb,
		COALESCE(g.a_e, g.a_l, o.amount_cents) AS aa, COALESCE(g.a_l, o.amount_cents) AS ab,
		COALESCE(g.p_e, g.p_l, o.probability_bp) AS pa, COALESCE(g.p_l, o.probability_bp) AS pb,
		COALESCE(g.o_e, g.o_l, o.owner_id) AS oa, COALESCE(g.o_l, o.owner_id) AS ob,
		COALESCE(g.c_e, g.c_l, o.expected_close) AS ca, COALESCE(g.c_l, o.expected_close) AS cb,
		(length(o.created_at) < 10 OR substr(o.created_at, 1, 10) <= ?) AS xa,
		(length(o.created_at) < 10 OR substr(o.created_at, 1, 10) <= ?) AS xb,
		` + ts + ` AS tsok, ` + ownNow + ` AS nowin, ` + ownB + ` AS bin
		FROM g JOIN opportunities o ON o.id = g.opp) WHERE tsok AND (nowin OR bin)),
	-- In the report: it existed at B and matches the filters with its owner at B.
	k AS MATERIALIZED (SELECT r.*, CASE WHEN NOT r.xa THEN 1 WHEN NOT r.early THEN 0 ELSE
			(CASE WHEN r.sa = r.sb THEN 0
				WHEN ` + closed("r.sb") + ` = 1 AND ` + closed("r.sa") + ` <> 1 THEN 8
				WHEN ` + closed("r.sb") + ` = 2 AND ` + closed("r.sa") + ` <> 2 THEN 16
				WHEN ` + pos("r.sb") + ` > ` + pos("r.sa") + ` THEN 2
				WHEN ` + pos("r.sb") + ` < ` + pos("r.sa") + ` THEN 4 ELSE 0 END)
			| (CASE WHEN r.ab > r.aa THEN 32 WHEN r.ab < r.aa THEN 64 ELSE 0 END)
			| (CASE WHEN r.ca <> '' AND r.cb <> '' AND r.cb > r.ca THEN 128
				WHEN r.ca <> '' AND r.cb <> '' AND r.cb < r.ca THEN 256 ELSE 0 END)
			| (CASE WHEN r.oa <> r.ob THEN 512 ELSE 0 END) END AS mask
		FROM r
		WHERE r.xb AND r.tsok AND r.bin),
	-- What the changed opportunities move in the funnel: minus their values
	-- now, plus their values then; a pair that cancels (same stage, amount
	-- and probability, in scope both ways) is left out before summing.
	d(col, stage, n, amount, w) AS (
		SELECT 0, sn, -1, -an, -(an * pn) FROM r
			WHERE tsok AND nowin AND NOT (xb AND bin AND xa AND sa = sn AND aa = an AND pa = pn)
		UNION ALL SELECT 1, sn, -1, -an, -(an * pn) FROM r
			WHERE tsok AND nowin AND NOT (xb AND bin AND sb = sn AND ab = an AND pb = pn)
		UNION ALL SELECT 0, sa, 1, aa, aa * pa FROM k WHERE xa AND NOT (nowin AND sa = sn AND aa = an AND pa = pn)
		UNION ALL SELECT 1, sb, 1, ab, ab * pb FROM k WHERE NOT (nowin AND sb = sn AND ab = an AND pb = pn))
	SELECT 'd', col, stage, SUM(n), SUM(amount), SUM(w >> 31), SUM(w & 2147483647)` + nulls(26) + `
		FROM d GROUP BY col, stage`
	// Every kind's count and amounts in one row, one scan of k.
	query += `
	UNION ALL
	SELECT 'k', 0, 0`
	for i := range changeKinds {
		query += fmt.Sprintf(`, COALESCE(SUM(mask & %[1]d <> 0), 0), COALESCE(SUM(CASE WHEN mask & %[1]d <> 0 AND xa THEN aa ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN mask & %[1]d <> 0 THEN ab ELSE 0 END), 0)`, 1<<i)
	}
	// The listed items: each kind's first MaxItems by id, one scan of k
	// each with a bounded sort; a row comes once per kind (c14 its bit).
	query += ` FROM k`
	for i := range changeKinds {
		query += fmt.Sprintf(`
	UNION ALL
	SELECT * FROM (SELECT 'i', %[1]d, id, xa, sa, sb, aa, ab, pa, pb, oa, ob, ca, cb`+nulls(19)+`
		FROM k WHERE mask & %[1]d <> 0 ORDER BY id LIMIT %[2]d)`, 1<<i, max(cq.MaxItems, 0))
	}
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return res, fmt.Errorf("changes: %w", err)
	}
	defer rows.Close()
	vals := make([]any, 33)
	ptrs := make([]any, len(vals))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	n := func(i int) int64 { v, _ := vals[i].(int64); return v }
	txt := func(i int) string {
		switch v := vals[i].(type) {
		case string:
			return v
		case []byte:
			return string(v)
		}
		return ""
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return res, fmt.Errorf("changes: %w", err)
		}
		switch txt(0) {
		case "d":
			w := new(big.Int).Lsh(big.NewInt(n(5)), 31)
			w.Add(w, big.NewInt(n(6)))
			fd := FunnelDelta{Count: int(n(3)), Amount: n(4), Weighted: w}
			if n(1) == 0 {
				res.DeltaA[n(2)] = fd
			} else {
				res.DeltaB[n(2)] = fd
			}
		case "k":
			for i, kind := range changeKinds {
				res.Kinds[kind] = ChangedKind{Count: int(n(3 + 3*i)), AmountA: n(4 + 3*i), AmountB: n(5 + 3*i)}
			}
		case "i":
			mask := n(1)
			for i, kind := range changeKinds {
				if mask&(1<<i) == 0 {
					continue
				}
				res.Items = append(res.Items, ChangedItem{Kind: kind, ID: n(2), ExistedA: n(3) != 0,
					A: ChangedState{StageID: n(4), AmountCents: n(6), ProbabilityBP: n(8), OwnerID: n(10), ExpectedClose: txt(12)},
					B: ChangedState{StageID: n(5), AmountCents: n(7), ProbabilityBP: n(9), OwnerID: n(11), ExpectedClose: txt(13)}})
			}
		}
	}
	if err := rows.Err(); err != nil {
		return res, fmt.Errorf("changes: %w", err)
	}
	return res, nil
}
