package store

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"
)

// Target is one yearly target: twelve monthly values of one dimension for
// the company (ScopeID 0), a team or a salesperson (migration 0019).
type Target struct {
	ID        int64  `db:"id"`
	Year      int    `db:"year"`
	Dimension string `db:"dimension"`
	Scope     string `db:"scope"`
	ScopeID   int64  `db:"scope_id"`
	M1        int64  `db:"m1"`
	M2        int64  `db:"m2"`
	M3        int64  `db:"m3"`
	M4        int64  `db:"m4"`
	M5        int64  `db:"m5"`
	M6        int64  `db:"m6"`
	M7        int64  `db:"m7"`
	M8        int64  `db:"m8"`
	M9        int64  `db:"m9"`
	M10       int64  `db:"m10"`
	M11       int64  `db:"m11"`
	M12       int64  `db:"m12"`
	UpdatedAt string `db:"updated_at"`
}

// Months returns the twelve values, January first.
func (t Target) Months() [12]int64 {
	return [12]int64{t.M1, t.M2, t.M3, t.M4, t.M5, t.M6, t.M7, t.M8, t.M9, t.M10, t.M11, t.M12}
}

// SetMonths sets the twelve values, January first.
func (t *Target) SetMonths(m [12]int64) {
	t.M1, t.M2, t.M3, t.M4, t.M5, t.M6, t.M7, t.M8, t.M9, t.M10, t.M11, t.M12 =
		m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8], m[9], m[10], m[11]
}

const targetCols = `id, year, dimension, scope, scope_id, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, updated_at`

// ListTargets returns the targets of one dimension for the years from..to.
func ListTargets(ctx context.Context, q Querier, dimension string, fromYear, toYear int) ([]Target, error) {
	out := []Target{}
	err := q.SelectContext(ctx, &out, `SELECT `+targetCols+` FROM targets WHERE dimension = ? AND year BETWEEN ? AND ? ORDER BY year, scope, scope_id`,
		dimension, fromYear, toYear)
	if err != nil {
		return nil, fmt.Errorf("list targets: %w", err)
	}
	return out, nil
}

// GetTarget returns one target or ErrNotFound.
func GetTarget(ctx context.Context, q Querier, year int, dimension, scope string, scopeID int64) (Target, error) {
	var t Target
	err := q.GetContext(ctx, &t, `SELECT `+targetCols+` FROM targets WHERE year = ? AND dimension = ? AND scope = ? AND scope_id = ?`,
		year, dimension, scope, scopeID)
	return t, notFound(err)
}

// PutTarget inserts or replaces the target of (year, dimension, scope,
// scope id) and returns its id.
func PutTarget(ctx context.Context, q Querier, t Target) (int64, error) {
	m := t.Months()
	args := []any{t.Year, t.Dimension, t.Scope, t.ScopeID}
	for _, v := range m {
		args = append(args, v)
	}
	args = append(args, Now())
	var id int64
	err := q.GetContext(ctx, &id, `INSERT INTO targets (year, dimension, scope, scope_id, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (year, dimension, scope, scope_id) DO UPDATE SET m1 = excluded.m1, m2 = excluded.m2, m3 = excluded.m3,
		m4 = excluded.m4, m5 = excluded.m5, m6 = excluded.m6, m7 = excluded.m7, m8 = excluded.m8, m9 = excluded.m9,
		m10 = excluded.m10, m11 = excluded.m11, m12 = excluded.m12, updated_at = excluded.updated_at
		RETURNING id`, args...)
	if err != nil {
		return 0, fmt.Errorf("save target: %w", err)
	}
	return id, nil
}

// DeleteTarget removes one target (no error when there is none).
func DeleteTarget(ctx context.Context, q Querier, year int, dimension, scope string, scopeID int64) error {
	_, err := q.ExecContext(ctx, `DELETE FROM targets WHERE year = ? AND dimension = ? AND scope = ? AND scope_id = ?`, year, dimension, scope, scopeID)
	if err != nil {
		return fmt.Errorf("delete target: %w", err)
	}
	return nil
}

// Actual is what one salesperson achieved in one month of a dimension
// (OwnerID 0: nobody, e.g. a customer in the public pool).
type Actual struct {
	OwnerID int64  `db:"owner_id"`
	Month   string `db:"month"` // YYYY-MM
	Value   int64  `db:"value"`
}

// Each dimension's actual, by owner and month, for the days from..to
// (YYYY-MM-DD, inclusive). The definitions are the ones the 销售目标 screen
// states: won amount on the day of the last entry into a won stage
// (opportunity_wins); orders by signing date, net of returns, voided ones
// left out; receipts by receipt date, those of voided orders left out;
// counts by creation date, with the current owner.
var actualSQL = map[string]struct{ sql, owner, group string }{
	"won_amount": {`SELECT owner_id, won_on AS month, SUM(amount_cents) AS value FROM opportunity_wins
		WHERE won_on >= ? AND won_on < ?`, "owner_id", "won_on, owner_id"},
	"order_amount": {`SELECT owner_id, signed_date AS month, SUM(total_cents - returned_cents) AS value FROM orders
		WHERE signed_date >= ? AND signed_date < ? AND status <> 'voided'`, "owner_id", "signed_date, owner_id"},
	"orders": {`SELECT owner_id, signed_date AS month, COUNT(*) AS value FROM orders
		WHERE signed_date >= ? AND signed_date < ? AND status <> 'voided'`, "owner_id", "signed_date, owner_id"},
	"receipts": {`SELECT r.owner_id, r.date AS month, SUM(r.amount_cents) AS value FROM receipts r
		JOIN orders o ON o.id = r.order_id AND o.status <> 'voided' WHERE r.date >= ? AND r.date < ?`, "r.owner_id", "r.date, r.owner_id"},
	"new_opportunities": {`SELECT owner_id, day AS month, SUM(n) AS value FROM opportunity_created_days
		WHERE day >= ? AND day < ?`, "owner_id", "day, owner_id"},
	"new_customers": {`SELECT COALESCE(owner_id, 0) AS owner_id, substr(created_at, 1, 7) AS month, COUNT(*) AS value FROM customers
		WHERE created_at >= ? AND created_at < ?`, "owner_id", "2, 1"},
}

// Actuals returns a dimension's actuals by owner and month for the days
// from..to, for every owner (allOwners) or only those listed. The queries
// group by day and owner, the order of their covering indexes (no sort of
// 100,000 rows for a company-wide year), and the months are summed here.
func Actuals(ctx context.Context, q Querier, dimension, from, to string, allOwners bool, owners []int64) ([]Actual, error) {
	if _, ok := actualSQL[dimension]; !ok {
		return nil, fmt.Errorf("actuals: unknown dimension %q", dimension)
	}
	out := []Actual{}
	if !allOwners && len(owners) == 0 {
		return out, nil
	}
	if dimension == "won_amount" {
		if kept, ok, err := keptWonActuals(ctx, q, from, to, allOwners, owners); err != nil || ok {
			return kept, err
		}
	}
	return dayActuals(ctx, q, dimension, from, to, allOwners, owners)
}

// dayActuals is Actuals from the dimension's rows, by day.
func dayActuals(ctx context.Context, q Querier, dimension, from, to string, allOwners bool, owners []int64) ([]Actual, error) {
	def := actualSQL[dimension]
	end, err := nextDay(to)
	if err != nil {
		return nil, err
	}
	query, args := def.sql, []any{from, end}
	if !allOwners {
		query += ` AND ` + def.owner + ` IN (` + placeholders(len(owners)) + `)`
		for _, o := range owners {
			args = append(args, o)
		}
	}
	query += ` GROUP BY ` + def.group
	var days []Actual
	if err := q.SelectContext(ctx, &days, query, args...); err != nil {
		return nil, fmt.Errorf("actuals %s: %w", dimension, err)
	}
	return byMonth(days), nil
}

// keptWonActuals is Actuals of the won amount from the kept totals by
// month and owner (win_months, migration 0034) for the whole months of
// from..to, the days of partial months read from opportunity_wins; by
// month, then owner. Not ok when a kept value is a REAL (a sum left 64
// bits) or the sums overflow: the caller then sums the wins themselves.
func keptWonActuals(ctx context.Context, q Querier, from, to string, allOwners bool, owners []int64) ([]Actual, bool, error) {
	loMonth, hiMonth, whole, edges, ok := monthSpan(from, to)
	if !ok || from == "" || to == "" {
		return nil, false, nil
	}
	type key struct {
		owner int64
		month string
	}
	sum := map[key]int64{}
	add := func(k key, v int64) bool {
		s := sum[k]
		t := s + v
		if (v > 0 && t < s) || (v < 0 && t > s) {
			return false
		}
		sum[k] = t // an owner's month with wins of no amount is there too
		return true
	}
	if whole && loMonth <= hiMonth {
		var w where
		w.add(`t.month >= ?`, loMonth)
		w.add(`t.month <= ?`, hiMonth)
		if !allOwners {
			w.ints("t.owner_id", owners)
		}
		var rows []struct {
			Month  string `db:"month"`
			Owner  int64  `db:"owner_id"`
			N      int64  `db:"n"`
			Amount int64  `db:"amount"`
			Exact  bool   `db:"exact"`
		}
		err := q.SelectContext(ctx, &rows, `SELECT t.month, t.owner_id,
			CASE WHEN typeof(t.n) = 'integer' THEN t.n ELSE 0 END AS n,
			CASE WHEN typeof(t.amount) = 'integer' THEN t.amount ELSE 0 END AS amount,
			typeof(t.n) = 'integer' AND typeof(t.amount) = 'integer' AS exact
			FROM win_months t`+w.sql()+` ORDER BY t.month, t.owner_id`, w.args...)
		if err != nil {
			return nil, false, fmt.Errorf("actuals won_amount: %w", err)
		}
		for _, r := range rows {
			if !r.Exact {
				return nil, false, nil
			}
			if r.N == 0 {
				continue // no wins left there (0034)
			}
			if !add(key{r.Owner, r.Month}, r.Amount) {
				return nil, false, nil
			}
		}
	}
	for _, e := range edges {
		days, err := dayActuals(ctx, q, "won_amount", e[0], e[1], allOwners, owners)
		if IsOverflow(err) {
			return nil, false, nil
		}
		if err != nil {
			return nil, false, err
		}
		for _, d := range days {
			if !add(key{d.OwnerID, d.Month}, d.Value) {
				return nil, false, nil
			}
		}
	}
	out := make([]Actual, 0, len(sum))
	for k, v := range sum {
		out = append(out, Actual{OwnerID: k.owner, Month: k.month, Value: v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Month != out[j].Month {
			return out[i].Month < out[j].Month
		}
		return out[i].OwnerID < out[j].OwnerID
	})
	return out, true, nil
}

// byMonth sums rows by owner and month (the first 7 characters of Month).
func byMonth(days []Actual) []Actual {
	out := []Actual{}
	at := map[Actual]int{}
	for _, d := range days {
		k := Actual{OwnerID: d.OwnerID, Month: d.Month}
		if len(k.Month) > 7 {
			k.Month = k.Month[:7]
		}
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, k)
		}
		out[i].Value += d.Value
	}
	return out
}

func nextDay(d string) (string, error) {
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return "", fmt.Errorf("bad day %q: %w", d, err)
	}
	return t.AddDate(0, 0, 1).Format("2006-01-02"), nil
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

// WinsFromHistory computes opportunity_wins from scratch (what the
// triggers of migration 0019 keep), ordered by opportunity, for tests.
func WinsFromHistory(ctx context.Context, q Querier) ([]Win, error) {
	out := []Win{}
	err := q.SelectContext(ctx, &out, `SELECT o.id AS opportunity_id, o.owner_id, w.on_day AS won_on, o.amount_cents
		FROM opportunities o JOIN stages s ON s.id = o.stage_id AND s.kind = 'won'
		JOIN (SELECT h.opportunity_id AS id, substr(MAX(h.changed_at), 1, 10) AS on_day
		        FROM stage_history h JOIN stages hs ON hs.id = h.to_stage_id AND hs.kind = 'won'
		       GROUP BY h.opportunity_id) w ON w.id = o.id ORDER BY o.id`)
	return out, err
}

// KeptWins returns opportunity_wins as kept, ordered by opportunity.
func KeptWins(ctx context.Context, q Querier) ([]Win, error) {
	out := []Win{}
	err := q.SelectContext(ctx, &out, `SELECT opportunity_id, owner_id, won_on, amount_cents FROM opportunity_wins ORDER BY opportunity_id`)
	return out, err
}

// Win is one won opportunity as the achievement of 赢单金额 counts it.
type Win struct {
	OpportunityID int64  `db:"opportunity_id"`
	OwnerID       int64  `db:"owner_id"`
	WonOn         string `db:"won_on"`
	AmountCents   int64  `db:"amount_cents"`
}

// ForecastMonth is the open pipeline expected to close in one month.
type ForecastMonth struct {
	Month string `db:"month"` // YYYY-MM; "" for no expected close date
	N     int64  `db:"n"`
	// Amount is Σ amount_cents; WHi/WLo are Σ (amount × probability_bp)
	// split as stage_totals does (>> 31 and & 2^31−1), so no sum can
	// overflow; the caller joins them exactly.
	Amount int64 `db:"amount"`
	WHi    int64 `db:"w_hi"`
	WLo    int64 `db:"w_lo"`
}

// ForecastFilter narrows the open pipeline of the forecast.
type ForecastFilter struct {
	AllOwners bool
	Owners    []int64
	Type      string
	Source    string
}

func (f ForecastFilter) where(ownerCol string) (string, []any) {
	var parts []string
	var args []any
	if !f.AllOwners {
		if len(f.Owners) == 0 {
			parts = append(parts, `0`)
		} else {
			parts = append(parts, ownerCol+` IN (`+placeholders(len(f.Owners))+`)`)
			for _, o := range f.Owners {
				args = append(args, o)
			}
		}
	}
	if f.Type != "" {
		parts = append(parts, `opportunities.type = ?`)
		args = append(args, f.Type)
	}
	if f.Source != "" {
		parts = append(parts, `opportunities.source = ?`)
		args = append(args, f.Source)
	}
	if len(parts) == 0 {
		return "", nil
	}
	return ` AND ` + strings.Join(parts, ` AND `), args
}

// ForecastOpen returns the open opportunities (stages.kind = 'open') by
// month of expected close (byMonth), or as one row, for close dates
// from..before (YYYY-MM-DD, the end exclusive); from "" reaches back to the
// first and so takes in the blank close dates.
//
// Company-wide (all owners, any type) it reads the kept totals by month
// (forecastKept); otherwise, or when they cannot answer, it counts.
func ForecastOpen(ctx context.Context, q Querier, from, before string, f ForecastFilter, byMonth bool) ([]ForecastMonth, error) {
	if f.AllOwners && f.Type == "" {
		out, ok, err := forecastKept(ctx, q, from, before, f, byMonth)
		if err != nil || ok {
			return out, err
		}
	}
	return forecastCounted(ctx, q, from, before, f, byMonth)
}

// forecastCounted is ForecastOpen counting the opportunities.
func forecastCounted(ctx context.Context, q Querier, from, before string, f ForecastFilter, byMonth bool) ([]ForecastMonth, error) {
	w, args := f.where("owner_id")
	cond := `expected_close < ?`
	qargs := []any{before}
	if from != "" {
		cond = `expected_close >= ? AND expected_close < ?`
		qargs = []any{from, before}
	}
	// Grouped in the order of the covering index the filter reads, so
	// nothing is sorted: (stage, close date) for everyone, (owner, close
	// date) for chosen owners; the months are summed here. A bucket that
	// needs no months (slipped, no close date) is one aggregate.
	group := ` GROUP BY stage_id, expected_close`
	if !f.AllOwners {
		group = ` GROUP BY expected_close`
	}
	if !byMonth {
		group = ``
	}
	var days []ForecastMonth
	err := q.SelectContext(ctx, &days, `SELECT COALESCE(MIN(expected_close), '') AS month, COUNT(*) AS n,
		COALESCE(SUM(amount_cents), 0) AS amount,
		COALESCE(SUM((amount_cents * probability_bp) >> 31), 0) AS w_hi,
		COALESCE(SUM((amount_cents * probability_bp) & 2147483647), 0) AS w_lo
		FROM opportunities WHERE stage_id IN (SELECT id FROM stages WHERE kind = 'open') AND `+cond+w+group, append(qargs, args...)...)
	if err != nil {
		return nil, fmt.Errorf("forecast: %w", err)
	}
	out := []ForecastMonth{}
	at := map[string]int{}
	for _, d := range days {
		m := d.Month
		if len(m) > 7 {
			m = m[:7]
		}
		i, ok := at[m]
		if !ok {
			i = len(out)
			at[m] = i
			out = append(out, ForecastMonth{Month: m})
		}
		out[i].N += d.N
		out[i].Amount += d.Amount
		out[i].WHi += d.WHi
		out[i].WLo += d.WLo
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Month < out[b].Month })
	return out, nil
}

// OwnersState returns every salesperson, retired ones too, by id.
func OwnersState(ctx context.Context, q Querier) (map[int64]Owner, error) {
	rows := []Owner{}
	if err := q.SelectContext(ctx, &rows, `SELECT id, name, active, created_at FROM owners`); err != nil {
		return nil, fmt.Errorf("owners: %w", err)
	}
	out := make(map[int64]Owner, len(rows))
	for _, o := range rows {
		out[o.ID] = o
	}
	return out, nil
}

// WonByMonth is the won amount (opportunity_wins) by owner and month for
// the days from..to, narrowed by f; type and source need the opportunity.
func WonByMonth(ctx context.Context, q Querier, from, to string, f ForecastFilter) ([]Actual, error) {
	if f.Type == "" && f.Source == "" {
		return Actuals(ctx, q, "won_amount", from, to, f.AllOwners, f.Owners)
	}
	out := []Actual{}
	if !f.AllOwners && len(f.Owners) == 0 {
		return out, nil
	}
	end, err := nextDay(to)
	if err != nil {
		return nil, err
	}
	w, args := f.where("w.owner_id")
	err = q.SelectContext(ctx, &out, `SELECT w.owner_id, w.won_on AS month, SUM(w.amount_cents) AS value
		FROM opportunity_wins w JOIN opportunities ON opportunities.id = w.opportunity_id
		WHERE w.won_on >= ? AND w.won_on < ?`+w+` GROUP BY w.won_on, w.owner_id`, append([]any{from, end}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("won by month: %w", err)
	}
	return byMonth(out), nil
}
