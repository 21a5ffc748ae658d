package store

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// AnalysisScope is what the analysis reports (backend/analysis) select:
// a period (YYYY-MM-DD, inclusive, "" = open) read against the creation
// day or the closing day, the owners (AllOwners, or exactly Owners), and
// the opportunity's type and source ("" = any).
type AnalysisScope struct {
	From, To  string
	AllOwners bool
	Owners    []int64
	Type      string
	Source    string
}

// AnalysisKeys are the groupings of the analysis reports and the column
// each groups by (a team is its owners', folded by the caller).
var AnalysisKeys = map[string]string{
	"owner":      "o.owner_id",
	"customer":   "o.customer_id",
	"source":     "o.source",
	"type":       "o.type",
	"stage":      "o.stage_id",
	"lostReason": "o.lost_reason",
	"competitor": "o.competitor",
}

// AnalysisGroup is one group's count and sums. Money sums are kept in two
// halves (value >> 31 and value & (2^31-1)) so that no SQLite SUM can
// overflow; the caller joins them exactly. Kind is the stage kind for the
// closed groups, "" for the created ones.
type AnalysisGroup struct {
	Key   string `db:"k"`
	Kind  string `db:"kind"`
	Count int64  `db:"n"`
	AHi   int64  `db:"a_hi"`
	ALo   int64  `db:"a_lo"`
	WHi   int64  `db:"w_hi"`
	WLo   int64  `db:"w_lo"`
}

// NextDay is the day after d (YYYY-MM-DD): creation times are RFC 3339, so
// "created on or before d" is "created_at < the next day".
func NextDay(d string) string {
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return d
	}
	return t.AddDate(0, 0, 1).Format("2006-01-02")
}

// where is the scope's condition on o. Every owner is named even for the
// whole company ("owner_id IN (SELECT id FROM owners)") so that the
// owner-first indexes of migration 0026 seek one date range per owner.
// closed reads the period against closed_on, else against created_at.
func (a AnalysisScope) where(closed bool) (string, []any) {
	var conds []string
	var args []any
	if a.AllOwners {
		conds = append(conds, `o.owner_id IN (SELECT id FROM owners)`)
	} else {
		c, ca := inInts("o.owner_id", a.Owners)
		conds, args = append(conds, c), append(args, ca...)
	}
	if closed {
		// The partial index's own condition, literally, so that it applies.
		conds = append(conds, `o.closed_on <> ''`)
		if a.From != "" {
			conds, args = append(conds, `o.closed_on >= ?`), append(args, a.From)
		}
		if a.To != "" {
			conds, args = append(conds, `o.closed_on <= ?`), append(args, a.To)
		}
	} else {
		if a.From != "" {
			conds, args = append(conds, `o.created_at >= ?`), append(args, a.From)
		}
		if a.To != "" {
			conds, args = append(conds, `o.created_at < ?`), append(args, NextDay(a.To))
		}
	}
	if a.Type != "" {
		conds, args = append(conds, `o.type = ?`), append(args, a.Type)
	}
	if a.Source != "" {
		conds, args = append(conds, `o.source = ?`), append(args, a.Source)
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// analysisSums are the plain sums; analysisSplitSums the same in halves
// for when a plain SUM overflows (IsOverflow), which needs a total amount
// above ¥92 trillion × 100 % … never in practice, but then still exact. The
// halves cost four times the arithmetic per row, hence not the default.
const (
	analysisSums = `COUNT(*) AS n, 0 AS a_hi, COALESCE(SUM(o.amount_cents), 0) AS a_lo,
	0 AS w_hi, COALESCE(SUM(o.amount_cents * o.probability_bp), 0) AS w_lo`
	analysisSplitSums = `COUNT(*) AS n,
	COALESCE(SUM(o.amount_cents >> 31), 0) AS a_hi, COALESCE(SUM(o.amount_cents & 2147483647), 0) AS a_lo,
	COALESCE(SUM((o.amount_cents * o.probability_bp) >> 31), 0) AS w_hi,
	COALESCE(SUM((o.amount_cents * o.probability_bp) & 2147483647), 0) AS w_lo`
)

// selectSums runs query (with {sums} standing for the sums) with the plain
// sums, and again with the split ones if those overflow.
func selectSums(ctx context.Context, q Querier, dest *[]AnalysisGroup, query string, args ...any) error {
	err := q.SelectContext(ctx, dest, strings.Replace(query, "{sums}", analysisSums, 1), args...)
	if IsOverflow(err) {
		*dest = (*dest)[:0]
		err = q.SelectContext(ctx, dest, strings.Replace(query, "{sums}", analysisSplitSums, 1), args...)
	}
	if err != nil {
		return fmt.Errorf("analysis: %w", err)
	}
	return nil
}

func analysisKey(key string) (string, error) {
	col, ok := AnalysisKeys[key]
	if !ok {
		return "", fmt.Errorf("analysis: unknown grouping %q", key)
	}
	return col, nil
}

// AnalysisCreated groups the opportunities created in the scope's period
// by key (one of AnalysisKeys).
func AnalysisCreated(ctx context.Context, q Querier, a AnalysisScope, key string) ([]AnalysisGroup, error) {
	col, err := analysisKey(key)
	if err != nil {
		return nil, err
	}
	cond, args := a.where(false)
	out := []AnalysisGroup{}
	// Grouped by the column itself (not an expression of it), so that the
	// owner grouping follows the index's order without sorting.
	err = selectSums(ctx, q, &out, `SELECT `+col+` AS k, '' AS kind, {sums}
		FROM opportunities o INDEXED BY opportunities_owner_created`+cond+` GROUP BY `+col, args...)
	return out, err
}

// AnalysisClosed groups the opportunities that entered their current won
// or lost stage in the scope's period by key, one group per key and kind
// (Kind "won" or "lost"). The kind is told by the won stages' ids rather
// than a join, and the rows grouped by key alone: the owner grouping then
// reads the index in order and sorts nothing.
func AnalysisClosed(ctx context.Context, q Querier, a AnalysisScope, key string) ([]AnalysisGroup, error) {
	col, err := analysisKey(key)
	if err != nil {
		return nil, err
	}
	var won []int64
	if err := q.SelectContext(ctx, &won, `SELECT id FROM stages WHERE kind = ?`, KindWon); err != nil {
		return nil, fmt.Errorf("analysis: %w", err)
	}
	isWon, wonArgs := inInts("o.stage_id", won)
	cond, args := a.where(true)
	var rows []struct {
		Key  string `db:"k"`
		N    int64  `db:"n"`
		WonN int64  `db:"won_n"`
		All  int64  `db:"amount"`
		WonA int64  `db:"won_a"`
	}
	query := func(amount string) string {
		return `SELECT ` + col + ` AS k, COUNT(*) AS n, COALESCE(SUM(` + isWon + `), 0) AS won_n,
			COALESCE(SUM(` + amount + `), 0) AS amount,
			COALESCE(SUM(CASE WHEN ` + isWon + ` THEN ` + amount + ` END), 0) AS won_a
			FROM opportunities o INDEXED BY opportunities_owner_closed` + cond + ` GROUP BY ` + col
	}
	all := append(append(append([]any{}, wonArgs...), wonArgs...), args...)
	err = q.SelectContext(ctx, &rows, query("o.amount_cents"), all...)
	split := false
	if IsOverflow(err) {
		// Each half sums below 2^63 whatever the rows: joined by the caller.
		split = true
		rows = rows[:0]
		err = q.SelectContext(ctx, &rows, query("(o.amount_cents >> 31)"), all...)
	}
	if err != nil {
		return nil, fmt.Errorf("analysis: %w", err)
	}
	out := []AnalysisGroup{}
	for _, r := range rows {
		w := AnalysisGroup{Key: r.Key, Kind: KindWon, Count: r.WonN, ALo: r.WonA}
		l := AnalysisGroup{Key: r.Key, Kind: KindLost, Count: r.N - r.WonN, ALo: r.All - r.WonA}
		if split {
			// The low halves again, on their own.
			w.AHi, l.AHi = w.ALo, l.ALo
			w.ALo, l.ALo = 0, 0
		}
		out = append(out, w, l)
	}
	if split {
		var lo []struct {
			Key  string `db:"k"`
			All  int64  `db:"amount"`
			WonA int64  `db:"won_a"`
		}
		q2 := `SELECT ` + col + ` AS k, COALESCE(SUM(o.amount_cents & 2147483647), 0) AS amount,
			COALESCE(SUM(CASE WHEN ` + isWon + ` THEN o.amount_cents & 2147483647 END), 0) AS won_a
			FROM opportunities o INDEXED BY opportunities_owner_closed` + cond + ` GROUP BY ` + col
		if err := q.SelectContext(ctx, &lo, q2, append(append([]any{}, wonArgs...), args...)...); err != nil {
			return nil, fmt.Errorf("analysis: %w", err)
		}
		for i, r := range lo {
			out[2*i].ALo, out[2*i+1].ALo = r.WonA, r.All-r.WonA
		}
	}
	return out, nil
}

// SeenGroup counts the opportunities that share a current stage and a set
// of stages ever entered (opportunities.stages_seen, migration 0026).
type SeenGroup struct {
	Seen    int64 `db:"seen"`
	StageID int64 `db:"stage_id"`
	Count   int64 `db:"n"`
}

// AnalysisSeen groups the opportunities created in the period by the
// stages they have entered and their current stage.
func AnalysisSeen(ctx context.Context, q Querier, a AnalysisScope) ([]SeenGroup, error) {
	cond, args := a.where(false)
	out := []SeenGroup{}
	err := q.SelectContext(ctx, &out, `SELECT o.stages_seen AS seen, o.stage_id, COUNT(*) AS n
		FROM opportunities o INDEXED BY opportunities_owner_created`+cond+` GROUP BY seen, o.stage_id`, args...)
	if err != nil {
		return nil, fmt.Errorf("analysis: %w", err)
	}
	return out, nil
}

// HistoryStep is one row of an opportunity's stage history.
type HistoryStep struct {
	OpportunityID int64  `db:"opportunity_id"`
	StageID       int64  `db:"to_stage_id"`
	ChangedAt     string `db:"changed_at"`
	// CurrentStage is the opportunity's stage now.
	CurrentStage int64 `db:"stage_id"`
}

// AnalysisHistory calls fn with the stage history of each opportunity
// created in the period, oldest step first, opportunity by opportunity.
func AnalysisHistory(ctx context.Context, q Querier, a AnalysisScope, fn func(steps []HistoryStep)) error {
	cond, args := a.where(false)
	// CROSS JOIN keeps the opportunities outside and their history inside,
	// read through stage_history_opportunity (opportunity_id, id): each
	// opportunity's steps come together and in order, with nothing sorted.
	rows, err := q.QueryxContext(ctx, `SELECT h.opportunity_id, h.to_stage_id, h.changed_at, o.stage_id
		FROM opportunities o INDEXED BY opportunities_owner_created
		CROSS JOIN stage_history h INDEXED BY stage_history_opportunity ON h.opportunity_id = o.id`+cond, args...)
	if err != nil {
		return fmt.Errorf("analysis: %w", err)
	}
	defer rows.Close()
	var steps []HistoryStep
	for rows.Next() {
		var s HistoryStep
		if err := rows.Scan(&s.OpportunityID, &s.StageID, &s.ChangedAt, &s.CurrentStage); err != nil {
			return fmt.Errorf("analysis: %w", err)
		}
		if len(steps) > 0 && steps[0].OpportunityID != s.OpportunityID {
			fn(steps)
			steps = steps[:0]
		}
		steps = append(steps, s)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("analysis: %w", err)
	}
	if len(steps) > 0 {
		fn(steps)
	}
	return nil
}

// DaysCount is how many values were this many days.
type DaysCount struct {
	Days  int64 `db:"d"`
	Count int64 `db:"n"`
}

// AnalysisCycle is the sales cycle of the opportunities won in the period:
// how many took each number of days from the day they were created to the
// day they entered their won stage.
func AnalysisCycle(ctx context.Context, q Querier, a AnalysisScope) ([]DaysCount, error) {
	cond, args := a.where(true)
	out := []DaysCount{}
	err := q.SelectContext(ctx, &out, `SELECT CAST(julianday(o.closed_on) - julianday(substr(o.created_at, 1, 10)) AS INTEGER) AS d,
		COUNT(*) AS n FROM opportunities o INDEXED BY opportunities_owner_closed`+cond+
		` AND o.stage_id IN (SELECT id FROM stages WHERE kind = 'won') GROUP BY d`, args...)
	if err != nil {
		return nil, fmt.Errorf("analysis: %w", err)
	}
	return out, nil
}

// NamesOf returns the names of the rows of table ("customers", "owners",
// "stages", "teams") with the given ids.
func NamesOf(ctx context.Context, q Querier, table string, ids []int64) (map[int64]string, error) {
	switch table {
	case "customers", "owners", "stages", "teams":
	default:
		return nil, fmt.Errorf("names of %q", table)
	}
	out := make(map[int64]string, len(ids))
	for start := 0; start < len(ids); start += 500 {
		end := min(start+500, len(ids))
		c, a := inInts("id", ids[start:end])
		var rows []struct {
			ID   int64  `db:"id"`
			Name string `db:"name"`
		}
		if err := q.SelectContext(ctx, &rows, `SELECT id, name FROM `+table+` WHERE `+c, a...); err != nil {
			return nil, fmt.Errorf("names: %w", err)
		}
		for _, r := range rows {
			out[r.ID] = r.Name
		}
	}
	return out, nil
}

// keptSplit divides the scope's period into the whole months the kept
// tables answer (from, to as YYYY-MM, "" = open, ok false: none) and the
// partial months at either end, which the indexes answer.
func (a AnalysisScope) keptSplit() (fromM, toM string, ok bool, edges []AnalysisScope) {
	month := func(d string) string { return d[:7] }
	first := func(d string) bool { return d[8:] == "01" }
	last := func(d string) bool { return NextDay(d)[8:] == "01" }
	addMonth := func(m string, k int) string {
		t, _ := time.Parse("2006-01", m)
		return t.AddDate(0, k, 0).Format("2006-01")
	}
	edge := func(from, to string) AnalysisScope {
		e := a
		e.From, e.To = from, to
		return e
	}
	if a.From != "" && a.To != "" && month(a.From) == month(a.To) && !(first(a.From) && last(a.To)) {
		return "", "", false, []AnalysisScope{edge(a.From, a.To)}
	}
	if a.From != "" {
		fromM = month(a.From)
		if !first(a.From) {
			end := addMonth(fromM, 1) + "-01"
			edges = append(edges, edge(a.From, AddDays(end, -1)))
			fromM = addMonth(fromM, 1)
		}
	}
	if a.To != "" {
		toM = month(a.To)
		if !last(a.To) {
			edges = append(edges, edge(toM+"-01", a.To))
			toM = addMonth(toM, -1)
		}
	}
	return fromM, toM, fromM == "" || toM == "" || fromM <= toM, edges
}

// AddDays is d (YYYY-MM-DD) moved by k days.
func AddDays(d string, k int) string {
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return d
	}
	return t.AddDate(0, 0, k).Format("2006-01-02")
}

// keptWhere is the condition on a kept table for months fromM…toM and
// the scope's owners, type and source.
func (a AnalysisScope) keptWhere(fromM, toM string) (string, []any) {
	conds := []string{"n <> 0"}
	var args []any
	if fromM != "" {
		conds, args = append(conds, `month >= ?`), append(args, fromM)
	}
	if toM != "" {
		conds, args = append(conds, `month <= ?`), append(args, toM)
	}
	if a.AllOwners {
		conds = append(conds, `owner_id IN (SELECT id FROM owners)`)
	} else {
		c, ca := inInts("owner_id", a.Owners)
		conds, args = append(conds, c), append(args, ca...)
	}
	if a.Type != "" {
		conds, args = append(conds, `type = ?`), append(args, a.Type)
	}
	if a.Source != "" {
		conds, args = append(conds, `source = ?`), append(args, a.Source)
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// withoutOwners drops the every-owner condition of a kept table's
// condition (keptWhere) for the tables summed over owners (migration
// 0028), which have no owner.
func withoutOwners(cond string) string {
	return strings.Replace(cond, ` AND owner_id IN (SELECT id FROM owners)`, "", 1)
}

// realSum reports whether err is a kept sum that left 64 bits: SQLite
// turned it into a REAL, which does not scan into an int64.
func realSum(err error) bool {
	return strings.Contains(err.Error(), "float64")
}

// keptCreatedKeys and keptClosedKeys are the groupings the kept tables
// (migration 0026) hold.
var (
	keptCreatedKeys = map[string]string{"owner": "owner_id", "type": "type", "source": "source", "stage": "stage_id"}
	keptClosedKeys  = map[string]string{"owner": "owner_id", "type": "type", "source": "source", "stage": "stage_id",
		"lostReason": "lost_reason", "competitor": "competitor"}
)

// KeptCreated is AnalysisCreated from the kept monthly totals and the
// partial months; ok is false when the kept totals cannot answer (a
// grouping they do not hold, or a sum that left 64 bits).
func KeptCreated(ctx context.Context, q Querier, a AnalysisScope, key string) ([]AnalysisGroup, bool, error) {
	col, table := keptCreatedKeys[key], "analysis_created"
	if key == "lostReason" || key == "competitor" {
		// analysis_created_by (migration 0028), one field's rows.
		col, table = "value", "analysis_created_by"
	} else if col == "" {
		return nil, false, nil
	}
	fromM, toM, whole, edges := a.keptSplit()
	out := []AnalysisGroup{}
	if whole {
		cond, args := a.keptWhere(fromM, toM)
		if table == "analysis_created" && key != "owner" && a.AllOwners {
			table, cond = "analysis_created_all", withoutOwners(cond)
		}
		if table == "analysis_created_by" {
			cond, args = cond+` AND field = ?`, append(args, key)
		}
		if err := q.SelectContext(ctx, &out, `SELECT `+col+` AS k, '' AS kind, SUM(n) AS n, 0 AS a_hi, SUM(amount) AS a_lo,
			SUM(w_hi) AS w_hi, SUM(w_lo) AS w_lo FROM `+table+cond+` GROUP BY `+col, args...); err != nil {
			if realSum(err) {
				return nil, false, nil // count instead
			}
			return nil, false, fmt.Errorf("analysis: %w", err)
		}
	}
	for _, e := range edges {
		g, err := AnalysisCreated(ctx, q, e, key)
		if err != nil {
			return nil, false, err
		}
		out = append(out, g...)
	}
	return out, true, nil
}

// KeptSeen is AnalysisSeen from the kept monthly totals and the partial months.
func KeptSeen(ctx context.Context, q Querier, a AnalysisScope) ([]SeenGroup, error) {
	fromM, toM, whole, edges := a.keptSplit()
	out := []SeenGroup{}
	if whole {
		cond, args := a.keptWhere(fromM, toM)
		table := "analysis_created"
		if a.AllOwners {
			table, cond = "analysis_created_all", withoutOwners(cond)
		}
		if err := q.SelectContext(ctx, &out, `SELECT seen, stage_id, SUM(n) AS n FROM `+table+cond+
			` GROUP BY seen, stage_id`, args...); err != nil {
			return nil, fmt.Errorf("analysis: %w", err)
		}
	}
	for _, e := range edges {
		g, err := AnalysisSeen(ctx, q, e)
		if err != nil {
			return nil, err
		}
		out = append(out, g...)
	}
	return out, nil
}

// KeptClosed is AnalysisClosed from the kept monthly totals and the
// partial months; ok as for KeptCreated.
func KeptClosed(ctx context.Context, q Querier, a AnalysisScope, key string) ([]AnalysisGroup, bool, error) {
	col, ok := keptClosedKeys[key]
	if !ok {
		return nil, false, nil
	}
	fromM, toM, whole, edges := a.keptSplit()
	out := []AnalysisGroup{}
	if whole {
		var rows []struct {
			Key    string `db:"k"`
			Kind   string `db:"kind"`
			N      int64  `db:"n"`
			Amount int64  `db:"amount"`
		}
		cond, args := a.keptWhere(fromM, toM)
		table := "analysis_closed"
		if key != "owner" && a.AllOwners {
			table, cond = "analysis_closed_all", withoutOwners(cond)
		}
		if err := q.SelectContext(ctx, &rows, `SELECT k, (SELECT kind FROM stages WHERE id = stage_id) AS kind, n, amount FROM (
			SELECT `+col+` AS k, stage_id, SUM(n) AS n, SUM(amount) AS amount FROM `+table+cond+
			` GROUP BY `+col+`, stage_id)`, args...); err != nil {
			if realSum(err) {
				return nil, false, nil // count instead
			}
			return nil, false, fmt.Errorf("analysis: %w", err)
		}
		for _, r := range rows {
			out = append(out, AnalysisGroup{Key: r.Key, Kind: r.Kind, Count: r.N, ALo: r.Amount})
		}
	}
	for _, e := range edges {
		g, err := AnalysisClosed(ctx, q, e, key)
		if err != nil {
			return nil, false, err
		}
		out = append(out, g...)
	}
	return out, true, nil
}

// StayCount is a row of the kept stays (migration 0028): Count
// opportunities spent Days days in completed stays of the stage, and are
// in it now since day Entered (days since 1970-01-01) unless it is 0.
type StayCount struct {
	StageID int64 `db:"stage_id"`
	Entered int64 `db:"entered"`
	Days    int64 `db:"days"`
	Count   int64 `db:"n"`
}

// keptStaysWhere is keptWhere without type and source, which the stay
// and cycle tables do not hold.
func (a AnalysisScope) keptStaysWhere(fromM, toM string) (string, []any) {
	b := a
	b.Type, b.Source = "", ""
	return b.keptWhere(fromM, toM)
}

// KeptStays reads the stays of the opportunities created in the whole
// months of the period from analysis_stays, and returns the partial months
// (edges) for the caller to walk. ok is false when the scope filters by
// type or source, which the table does not hold.
func KeptStays(ctx context.Context, q Querier, a AnalysisScope) (rows []StayCount, edges []AnalysisScope, ok bool, err error) {
	if a.Type != "" || a.Source != "" {
		return nil, nil, false, nil
	}
	fromM, toM, whole, edges := a.keptSplit()
	rows = []StayCount{}
	if whole {
		cond, args := a.keptStaysWhere(fromM, toM)
		table := "analysis_stays"
		if a.AllOwners {
			// The company's sums: a twentieth of the rows to group.
			cond = withoutOwners(cond)
			table = "analysis_stays_all"
		}
		if err := q.SelectContext(ctx, &rows, `SELECT stage_id, entered, days, SUM(n) AS n FROM `+table+cond+
			` GROUP BY stage_id, entered, days`, args...); err != nil {
			return nil, nil, false, fmt.Errorf("analysis: %w", err)
		}
	}
	return rows, edges, true, nil
}

// KeptCycle is AnalysisCycle from analysis_cycle and the partial months;
// ok as for KeptStays.
func KeptCycle(ctx context.Context, q Querier, a AnalysisScope) ([]DaysCount, bool, error) {
	if a.Type != "" || a.Source != "" {
		return nil, false, nil
	}
	fromM, toM, whole, edges := a.keptSplit()
	out := []DaysCount{}
	if whole {
		cond, args := a.keptStaysWhere(fromM, toM)
		if err := q.SelectContext(ctx, &out, `SELECT days AS d, SUM(n) AS n FROM analysis_cycle`+cond+
			` AND stage_id IN (SELECT id FROM stages WHERE kind = 'won') GROUP BY days`, args...); err != nil {
			return nil, false, fmt.Errorf("analysis: %w", err)
		}
	}
	for _, e := range edges {
		h, err := AnalysisCycle(ctx, q, e)
		if err != nil {
			return nil, false, err
		}
		out = append(out, h...)
	}
	return out, true, nil
}

// KeptCustomers is the by-customer grouping from the kept totals
// (migration 0028), only its first limit groups in the report's order
// (amount created + amount won, then count, then key, each descending but
// the key), with the number of groups and the totals over all of them
// (total: created, then won, then lost). ok is false when the kept totals
// cannot answer: a type or source filter, a partial month, the company
// over anything but whole years, or a sum that left 64 bits.
func KeptCustomers(ctx context.Context, q Querier, a AnalysisScope, limit int) (created, closed, total []AnalysisGroup, groups int, ok bool, err error) {
	if a.Type != "" || a.Source != "" {
		return nil, nil, nil, 0, false, nil
	}
	fromM, toM, whole, edges := a.keptSplit()
	if len(edges) > 0 {
		return nil, nil, nil, 0, false, nil
	}
	var conds []string
	var args []any
	table := "analysis_customer"
	// One row per customer already: a single year of the company's table.
	single := false
	if a.AllOwners {
		if (fromM != "" && fromM[5:] != "01") || (toM != "" && toM[5:] != "12") {
			return nil, nil, nil, 0, false, nil
		}
		table = "analysis_customer_year"
		if fromM != "" {
			conds, args = append(conds, `year >= ?`), append(args, fromM[:4])
		}
		if toM != "" {
			conds, args = append(conds, `year <= ?`), append(args, toM[:4])
		}
		single = fromM != "" && toM != "" && fromM[:4] == toM[:4]
	} else if len(a.Owners) == 1 && fromM != "" && toM != "" && fromM[:4] == toM[:4] && fromM[5:] == "01" && toM[5:] == "12" {
		// One owner's calendar year: one row per customer.
		table, single = "analysis_customer_owner_year", true
		conds, args = append(conds, `owner_id = ?`, `year = ?`), append(args, a.Owners[0], fromM[:4])
	} else {
		c, ca := inInts("owner_id", a.Owners)
		conds, args = append(conds, c), append(args, ca...)
		if fromM != "" {
			conds, args = append(conds, `month >= ?`), append(args, fromM)
		}
		if toM != "" {
			conds, args = append(conds, `month <= ?`), append(args, toM)
		}
	}
	if !whole {
		conds = append(conds, "0")
	}
	where := ""
	if len(conds) > 0 {
		where = " WHERE " + strings.Join(conds, " AND ")
	}
	// The customers' sums: grouped, or the rows themselves for one year
	// of the company (grouping 100,000 rows costs ten times reading them).
	per := `SELECT customer_id AS k, SUM(n) AS n, SUM(amount) AS amount, SUM(w_hi) AS w_hi, SUM(w_lo) AS w_lo,
		SUM(won_n) AS won_n, SUM(won_amount) AS won_amount, SUM(lost_n) AS lost_n, SUM(lost_amount) AS lost_amount
		FROM ` + table + where + ` GROUP BY customer_id HAVING SUM(n) <> 0 OR SUM(won_n) <> 0 OR SUM(lost_n) <> 0`
	if single {
		per = `SELECT customer_id AS k, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount
			FROM ` + table + where + ` AND (n <> 0 OR won_n <> 0 OR lost_n <> 0)`
	}
	type sumsRow struct {
		Key    string `db:"k"`
		N      int64  `db:"n"`
		Amount int64  `db:"amount"`
		WHi    int64  `db:"w_hi"`
		WLo    int64  `db:"w_lo"`
		WonN   int64  `db:"won_n"`
		WonA   int64  `db:"won_amount"`
		LostN  int64  `db:"lost_n"`
		LostA  int64  `db:"lost_amount"`
	}
	var rows []sumsRow
	var all struct {
		sumsRow
		Groups int `db:"groups"`
	}
	if a.AllOwners && single && whole {
		// The company's calendar year, the screen's default: the first
		// customers in analysis_customer_year_rank's order, their number
		// from the same partial index, the totals from the company's kept
		// months, rather than reading and sorting every customer's row
		// (130,000 customers: 93 ms).
		err = q.SelectContext(ctx, &rows, `SELECT customer_id AS k, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount
			FROM analysis_customer_year INDEXED BY analysis_customer_year_rank
			WHERE year = ? AND (n <> 0 OR won_n <> 0 OR lost_n <> 0)
			ORDER BY amount + won_amount DESC, n DESC, CAST(customer_id AS TEXT) LIMIT ?`, fromM[:4], limit)
		if err == nil {
			err = q.GetContext(ctx, &all.Groups, `SELECT COUNT(*) FROM analysis_customer_year INDEXED BY analysis_customer_year_rank
				WHERE year = ? AND (n <> 0 OR won_n <> 0 OR lost_n <> 0)`, fromM[:4])
		}
		var created, closed []AnalysisGroup
		kept := true
		if err == nil {
			created, kept, err = KeptCreated(ctx, q, a, "stage")
		}
		if err == nil && kept {
			closed, kept, err = KeptClosed(ctx, q, a, "stage")
		}
		if err == nil && !kept {
			return nil, nil, nil, 0, false, nil // count instead
		}
		for _, g := range created {
			all.N, all.Amount, all.WHi, all.WLo = all.N+g.Count, all.Amount+g.ALo, all.WHi+g.WHi, all.WLo+g.WLo
		}
		for _, g := range closed {
			switch g.Kind {
			case KindWon:
				all.WonN, all.WonA = all.WonN+g.Count, all.WonA+g.ALo
			case KindLost:
				all.LostN, all.LostA = all.LostN+g.Count, all.LostA+g.ALo
			}
		}
	} else {
		err = q.SelectContext(ctx, &rows, `SELECT * FROM (`+per+`) ORDER BY amount + won_amount DESC, n DESC, CAST(k AS TEXT) LIMIT ?`,
			append(append([]any{}, args...), limit)...)
	}
	if err == nil && !(a.AllOwners && single && whole) {
		err = q.GetContext(ctx, &all, `SELECT '' AS k, COUNT(*) AS groups, COALESCE(SUM(n), 0) AS n, COALESCE(SUM(amount), 0) AS amount,
			COALESCE(SUM(w_hi), 0) AS w_hi, COALESCE(SUM(w_lo), 0) AS w_lo, COALESCE(SUM(won_n), 0) AS won_n,
			COALESCE(SUM(won_amount), 0) AS won_amount, COALESCE(SUM(lost_n), 0) AS lost_n,
			COALESCE(SUM(lost_amount), 0) AS lost_amount FROM (`+per+`)`, args...)
	}
	if err != nil {
		if IsOverflow(err) || realSum(err) {
			return nil, nil, nil, 0, false, nil // count instead
		}
		return nil, nil, nil, 0, false, fmt.Errorf("analysis: %w", err)
	}
	created, closed = []AnalysisGroup{}, []AnalysisGroup{}
	for _, r := range rows {
		created = append(created, AnalysisGroup{Key: r.Key, Count: r.N, ALo: r.Amount, WHi: r.WHi, WLo: r.WLo})
		closed = append(closed, AnalysisGroup{Key: r.Key, Kind: KindWon, Count: r.WonN, ALo: r.WonA},
			AnalysisGroup{Key: r.Key, Kind: KindLost, Count: r.LostN, ALo: r.LostA})
	}
	total = []AnalysisGroup{{Count: all.N, ALo: all.Amount, WHi: all.WHi, WLo: all.WLo},
		{Kind: KindWon, Count: all.WonN, ALo: all.WonA}, {Kind: KindLost, Count: all.LostN, ALo: all.LostA}}
	return created, closed, total, all.Groups, true, nil
}
