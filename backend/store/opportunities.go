package store

import (
	"context"
	"fmt"
	"strings"
)

// Opportunity is a sales opportunity (销售机会) with the names it refers to.
type Opportunity struct {
	ID            int64  `db:"id" json:"id"`
	Name          string `db:"name" json:"name"`
	CustomerID    int64  `db:"customer_id" json:"customerId"`
	CustomerName  string `db:"customer_name" json:"customerName"`
	Type          string `db:"type" json:"type"`
	Source        string `db:"source" json:"source"`
	OwnerID       int64  `db:"owner_id" json:"ownerId"`
	OwnerName     string `db:"owner_name" json:"ownerName"`
	Campaign      string `db:"campaign" json:"campaign"`
	AmountCents   int64  `db:"amount_cents" json:"amountCents"`
	ExpectedClose string `db:"expected_close" json:"expectedClose"`
	NextStep      string `db:"next_step" json:"nextStep"`
	StageID       int64  `db:"stage_id" json:"stageId"`
	StageName     string `db:"stage_name" json:"stageName"`
	StageKind     string `db:"stage_kind" json:"stageKind"`
	ProbabilityBP int    `db:"probability_bp" json:"probabilityBp"`
	Description   string `db:"description" json:"description"`
	LostReason    string `db:"lost_reason" json:"lostReason"`
	Competitor    string `db:"competitor" json:"competitor"`
	CreatedAt     string `db:"created_at" json:"createdAt"`
	UpdatedAt     string `db:"updated_at" json:"updatedAt"`
}

// OpportunityFilter selects opportunities for the list, the board and exports.
// Zero values mean "no condition".
type OpportunityFilter struct {
	// View is a built-in view: "all" (or ""), "won", "open" or "lost".
	View       string   `json:"view"`
	StageIDs   []int64  `json:"stageIds"`
	OwnerIDs   []int64  `json:"ownerIds"`
	Sources    []string `json:"sources"`
	Types      []string `json:"types"`
	CustomerID int64    `json:"customerId"`
	// CloseFrom and CloseTo bound the expected close date, both inclusive (YYYY-MM-DD).
	CloseFrom string `json:"closeFrom"`
	CloseTo   string `json:"closeTo"`
	// Query matches the opportunity's or its customer's name.
	Query string `json:"query"`
	// Sort is one of SortColumns' keys; Desc reverses it.
	Sort string `json:"sort"`
	Desc bool   `json:"desc"`
}

// SortColumns maps the sort keys the list offers to SQL.
var SortColumns = map[string]string{
	"expectedClose": "o.expected_close",
	"name":          "o.name",
	"amount":        "o.amount_cents",
	"probability":   "o.probability_bp",
	"updatedAt":     "o.updated_at",
	"createdAt":     "o.id",
	"stage":         "(SELECT position FROM stages WHERE id = o.stage_id)",
}

const oppSelect = `SELECT o.id, o.name, o.customer_id, c.name AS customer_name, o.type, o.source, o.owner_id,
	w.name AS owner_name, o.campaign, o.amount_cents, o.expected_close, o.next_step, o.stage_id,
	s.name AS stage_name, s.kind AS stage_kind, o.probability_bp, o.description, o.lost_reason, o.competitor,
	o.created_at, o.updated_at
	FROM opportunities o
	JOIN customers c ON c.id = o.customer_id
	JOIN owners w ON w.id = o.owner_id
	JOIN stages s ON s.id = o.stage_id`

func inInts(col string, ids []int64) (string, []any) {
	ph := strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")
	args := make([]any, len(ids))
	for i, v := range ids {
		args[i] = v
	}
	return col + " IN (" + ph + ")", args
}

func inStrings(col string, vals []string) (string, []any) {
	ph := strings.TrimSuffix(strings.Repeat("?,", len(vals)), ",")
	args := make([]any, len(vals))
	for i, v := range vals {
		args[i] = v
	}
	return col + " IN (" + ph + ")", args
}

// where builds the condition on table alias o for f.
func (f OpportunityFilter) where() (string, []any) {
	var conds []string
	var args []any
	add := func(c string, a ...any) { conds = append(conds, c); args = append(args, a...) }
	switch f.View {
	case KindWon, KindLost, KindOpen:
		add(`o.stage_id IN (SELECT id FROM stages WHERE kind = ?)`, f.View)
	}
	if len(f.StageIDs) > 0 {
		c, a := inInts("o.stage_id", f.StageIDs)
		add(c, a...)
	}
	if len(f.OwnerIDs) > 0 {
		c, a := inInts("o.owner_id", f.OwnerIDs)
		add(c, a...)
	}
	if len(f.Sources) > 0 {
		c, a := inStrings("o.source", f.Sources)
		add(c, a...)
	}
	if len(f.Types) > 0 {
		c, a := inStrings("o.type", f.Types)
		add(c, a...)
	}
	if f.CustomerID != 0 {
		add(`o.customer_id = ?`, f.CustomerID)
	}
	if f.CloseFrom != "" {
		add(`o.expected_close >= ?`, f.CloseFrom)
	}
	if f.CloseTo != "" {
		// An opportunity without a close date does not close before anything.
		add(`o.expected_close <> '' AND o.expected_close <= ?`, f.CloseTo)
	}
	if s := strings.TrimSpace(f.Query); s != "" {
		like := "%" + escapeLike(s) + "%"
		add(`(o.name LIKE ? ESCAPE '\' OR o.customer_id IN (SELECT id FROM customers WHERE name LIKE ? ESCAPE '\'))`, like, like)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

func (f OpportunityFilter) orderBy() string {
	col, ok := SortColumns[f.Sort]
	if !ok {
		col = SortColumns["expectedClose"]
	}
	dir := " ASC"
	if f.Desc {
		dir = " DESC"
	}
	return " ORDER BY " + col + dir + ", o.id" + dir
}

// ListOpportunities returns one page and the total count for f. The page is
// chosen on the opportunities table alone, then joined, so the joins touch
// only the rows shown.
func ListOpportunities(ctx context.Context, q Querier, f OpportunityFilter, offset, limit int) ([]Opportunity, int, error) {
	cond, args := f.where()
	var total int
	if err := q.GetContext(ctx, &total, `SELECT COUNT(*) FROM opportunities o`+cond, args...); err != nil {
		return nil, 0, fmt.Errorf("count opportunities: %w", err)
	}
	out := []Opportunity{}
	page := `SELECT o.id FROM opportunities o` + cond + f.orderBy() + ` LIMIT ? OFFSET ?`
	query := `WITH page AS (` + page + `) ` + strings.Replace(oppSelect, "FROM opportunities o", "FROM page p JOIN opportunities o ON o.id = p.id", 1) + f.orderBy()
	if err := q.SelectContext(ctx, &out, query, append(args, limit, offset)...); err != nil {
		return nil, 0, fmt.Errorf("list opportunities: %w", err)
	}
	return out, total, nil
}

// EachOpportunity streams every opportunity matching f in its sort order.
func EachOpportunity(ctx context.Context, q Querier, f OpportunityFilter, fn func(Opportunity) error) error {
	cond, args := f.where()
	rows, err := q.QueryxContext(ctx, oppSelect+cond+f.orderBy(), args...)
	if err != nil {
		return fmt.Errorf("export opportunities: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var o Opportunity
		if err := rows.StructScan(&o); err != nil {
			return err
		}
		if err := fn(o); err != nil {
			return err
		}
	}
	return rows.Err()
}

// StageTotal is the count and amount of one stage under a filter.
type StageTotal struct {
	StageID     int64 `db:"stage_id" json:"stageId"`
	Count       int   `db:"n" json:"count"`
	AmountCents int64 `db:"amount" json:"amountCents"`
	// WeightedRaw is Σ amount_cents × probability_bp (scale 10^4 cents).
	WeightedRaw int64 `db:"weighted" json:"-"`
}

// StageTotals groups the opportunities matching f by stage.
func StageTotals(ctx context.Context, q Querier, f OpportunityFilter) ([]StageTotal, error) {
	cond, args := f.where()
	out := []StageTotal{}
	err := q.SelectContext(ctx, &out, `SELECT o.stage_id, COUNT(*) AS n, COALESCE(SUM(o.amount_cents), 0) AS amount,
		COALESCE(SUM(o.amount_cents * o.probability_bp), 0) AS weighted
		FROM opportunities o`+cond+` GROUP BY o.stage_id`, args...)
	if err != nil {
		return nil, fmt.Errorf("stage totals: %w", err)
	}
	return out, nil
}

// StageCards returns the first limit opportunities of one stage under f,
// by expected close date.
func StageCards(ctx context.Context, q Querier, f OpportunityFilter, stageID int64, limit int) ([]Opportunity, error) {
	f.StageIDs = []int64{stageID}
	f.Sort, f.Desc = "expectedClose", false
	out, _, err := listNoCount(ctx, q, f, 0, limit)
	return out, err
}

func listNoCount(ctx context.Context, q Querier, f OpportunityFilter, offset, limit int) ([]Opportunity, int, error) {
	cond, args := f.where()
	out := []Opportunity{}
	page := `SELECT o.id FROM opportunities o` + cond + f.orderBy() + ` LIMIT ? OFFSET ?`
	query := `WITH page AS (` + page + `) ` + strings.Replace(oppSelect, "FROM opportunities o", "FROM page p JOIN opportunities o ON o.id = p.id", 1) + f.orderBy()
	err := q.SelectContext(ctx, &out, query, append(args, limit, offset)...)
	return out, 0, err
}

// GetOpportunity returns one opportunity or ErrNotFound.
func GetOpportunity(ctx context.Context, q Querier, id int64) (Opportunity, error) {
	var o Opportunity
	err := q.GetContext(ctx, &o, oppSelect+` WHERE o.id = ?`, id)
	return o, notFound(err)
}

// InsertOpportunity adds an opportunity.
func InsertOpportunity(ctx context.Context, q Querier, o Opportunity) (int64, error) {
	now := Now()
	res, err := q.ExecContext(ctx, `INSERT INTO opportunities (name, customer_id, type, source, owner_id, campaign, amount_cents,
		expected_close, next_step, stage_id, probability_bp, description, lost_reason, competitor, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		o.Name, o.CustomerID, o.Type, o.Source, o.OwnerID, o.Campaign, o.AmountCents, o.ExpectedClose, o.NextStep,
		o.StageID, o.ProbabilityBP, o.Description, o.LostReason, o.Competitor, now, now)
	if err != nil {
		return 0, fmt.Errorf("insert opportunity: %w", err)
	}
	return res.LastInsertId()
}

// UpdateOpportunity writes every editable field.
func UpdateOpportunity(ctx context.Context, q Querier, o Opportunity) error {
	_, err := q.ExecContext(ctx, `UPDATE opportunities SET name = ?, customer_id = ?, type = ?, source = ?, owner_id = ?,
		campaign = ?, amount_cents = ?, expected_close = ?, next_step = ?, stage_id = ?, probability_bp = ?, description = ?,
		lost_reason = ?, competitor = ?, updated_at = ? WHERE id = ?`,
		o.Name, o.CustomerID, o.Type, o.Source, o.OwnerID, o.Campaign, o.AmountCents, o.ExpectedClose, o.NextStep,
		o.StageID, o.ProbabilityBP, o.Description, o.LostReason, o.Competitor, Now(), o.ID)
	if err != nil {
		return fmt.Errorf("update opportunity: %w", err)
	}
	return nil
}

// SetOpportunityOwner reassigns opportunities.
func SetOpportunityOwner(ctx context.Context, q Querier, ids []int64, ownerID int64) (int, error) {
	c, args := inInts("id", ids)
	res, err := q.ExecContext(ctx, `UPDATE opportunities SET owner_id = ?, updated_at = ? WHERE `+c, append([]any{ownerID, Now()}, args...)...)
	if err != nil {
		return 0, fmt.Errorf("change owner: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// DeleteOpportunities removes opportunities with their stage history.
func DeleteOpportunities(ctx context.Context, q Querier, ids []int64) (int, error) {
	c, args := inInts("id", ids)
	res, err := q.ExecContext(ctx, `DELETE FROM opportunities WHERE `+c, args...)
	if err != nil {
		return 0, fmt.Errorf("delete opportunities: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// CountOpportunities counts the opportunities of a customer.
func CountOpportunities(ctx context.Context, q Querier, customerID int64) (int, error) {
	var n int
	err := q.GetContext(ctx, &n, `SELECT COUNT(*) FROM opportunities WHERE customer_id = ?`, customerID)
	return n, err
}

// DistinctSources lists the sources in use, for filter choices.
func DistinctSources(ctx context.Context, q Querier) ([]string, error) {
	out := []string{}
	err := q.SelectContext(ctx, &out, `SELECT source FROM opportunities WHERE source <> '' GROUP BY source
		UNION SELECT source FROM customers WHERE source <> '' GROUP BY source ORDER BY 1 LIMIT 200`)
	return out, err
}

// StageChange is one row of an opportunity's stage history.
type StageChange struct {
	ID            int64  `db:"id" json:"id"`
	OpportunityID int64  `db:"opportunity_id" json:"opportunityId"`
	FromStageID   *int64 `db:"from_stage_id" json:"fromStageId"`
	FromStageName string `db:"from_name" json:"fromStageName"`
	ToStageID     int64  `db:"to_stage_id" json:"toStageId"`
	ToStageName   string `db:"to_name" json:"toStageName"`
	ChangedAt     string `db:"changed_at" json:"changedAt"`
}

// InsertStageChange records a stage change (from is nil on creation).
func InsertStageChange(ctx context.Context, q Querier, oppID int64, from *int64, to int64) error {
	_, err := q.ExecContext(ctx, `INSERT INTO stage_history (opportunity_id, from_stage_id, to_stage_id, changed_at) VALUES (?, ?, ?, ?)`,
		oppID, from, to, Now())
	if err != nil {
		return fmt.Errorf("record stage change: %w", err)
	}
	return nil
}

// ListStageChanges returns an opportunity's stage history, oldest first.
func ListStageChanges(ctx context.Context, q Querier, oppID int64) ([]StageChange, error) {
	out := []StageChange{}
	err := q.SelectContext(ctx, &out, `SELECT h.id, h.opportunity_id, h.from_stage_id, COALESCE(f.name, '') AS from_name,
		h.to_stage_id, t.name AS to_name, h.changed_at
		FROM stage_history h LEFT JOIN stages f ON f.id = h.from_stage_id JOIN stages t ON t.id = h.to_stage_id
		WHERE h.opportunity_id = ? ORDER BY h.id`, oppID)
	return out, err
}
