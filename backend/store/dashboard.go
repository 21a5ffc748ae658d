package store

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// The 工作台's reminders. Each section is a count and its first rows, both
// read from one index range (a partial index where the rows to show are a
// small part of the table), so the whole screen stays within milliseconds
// whatever the size of the file.

// DueFollowUps counts the pending follow-ups whose next date is in
// [from, to] (from "" for no lower bound) and returns the first limit of
// them, the earliest first.
func DueFollowUps(ctx context.Context, q Querier, from, to string, limit int) ([]FollowUp, int, error) {
	cond, args := `f.pending = 1 AND f.next_date <= ?`, []any{to}
	if from != "" {
		cond, args = cond+` AND f.next_date >= ?`, append(args, from)
	}
	var n int
	if err := q.GetContext(ctx, &n, `SELECT COUNT(*) FROM followups f WHERE `+cond, args...); err != nil {
		return nil, 0, fmt.Errorf("count due follow-ups: %w", err)
	}
	out := []FollowUp{}
	if n == 0 || limit <= 0 {
		return out, n, nil
	}
	err := q.SelectContext(ctx, &out, followUpSelect+` WHERE `+cond+` ORDER BY f.next_date, f.id LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, 0, fmt.Errorf("due follow-ups: %w", err)
	}
	return out, n, nil
}

// SlippedOpportunities counts the open opportunities whose expected close
// date is before today (slipped) and returns the limit most recently
// slipped. Per open stage, opportunities_stage_cover holds them as one
// range in close-date order: the count reads the ranges and the rows merge
// the last limit of each.
func SlippedOpportunities(ctx context.Context, q Querier, today string, limit int) ([]Opportunity, int, error) {
	var stages []int64
	if err := q.SelectContext(ctx, &stages, `SELECT id FROM stages WHERE kind = 'open' ORDER BY id`); err != nil {
		return nil, 0, fmt.Errorf("open stages: %w", err)
	}
	if len(stages) == 0 {
		return []Opportunity{}, 0, nil
	}
	n, err := slippedCount(ctx, q, stages, today)
	if err != nil {
		return nil, 0, err
	}
	if n == 0 {
		return []Opportunity{}, 0, nil
	}
	arms := make([]string, 0, len(stages))
	var armArgs []any
	for _, s := range stages {
		arms = append(arms, `SELECT * FROM (SELECT o.id AS id, o.expected_close AS k FROM opportunities o
			WHERE o.stage_id = ? AND o.expected_close > '' AND o.expected_close < ?
			ORDER BY o.expected_close DESC, o.id DESC LIMIT ?)`)
		armArgs = append(armArgs, s, today, limit)
	}
	var ids []int64
	if err := q.SelectContext(ctx, &ids, `SELECT id FROM (`+strings.Join(arms, ` UNION ALL `)+
		`) ORDER BY k DESC, id DESC LIMIT ?`, append(armArgs, limit)...); err != nil {
		return nil, 0, fmt.Errorf("slipped opportunities: %w", err)
	}
	rows, err := opportunitiesByID(ctx, q, ids)
	return rows, n, err
}

// slippedCount counts the open opportunities (stages) whose close date is
// before today: the open stages' kept totals by close month up to
// yesterday (KeptStageTotals; the days of this month counted), where
// counting read every slipped one (400,000 of 1,000,000: 40 ms); counted
// when the kept totals cannot answer.
func slippedCount(ctx context.Context, q Querier, stages []int64, today string) (int, error) {
	if t, err := time.Parse("2006-01-02", today); err == nil {
		f := OpportunityFilter{View: KindOpen, CloseTo: t.AddDate(0, 0, -1).Format("2006-01-02")}
		if n, ok, err := keptCount(ctx, q, f); err != nil || ok {
			return n, err
		}
	}
	in, args := inInts("o.stage_id", stages)
	var n int
	if err := q.GetContext(ctx, &n, `SELECT COUNT(*) FROM opportunities o WHERE `+in+
		` AND o.expected_close > '' AND o.expected_close < ?`, append(args, today)...); err != nil {
		return 0, fmt.Errorf("count slipped opportunities: %w", err)
	}
	return n, nil
}

// DueInstallment is an unpaid installment (回款计划) with what the 工作台
// shows of its order.
type DueInstallment struct {
	ID           int64  `db:"id" json:"id"`
	OrderID      int64  `db:"order_id" json:"orderId"`
	OrderNumber  string `db:"order_number" json:"orderNumber"`
	CustomerID   int64  `db:"customer_id" json:"customerId"`
	CustomerName string `db:"customer_name" json:"customerName"`
	OwnerName    string `db:"owner_name" json:"ownerName"`
	Seq          int    `db:"seq" json:"seq"`
	DueDate      string `db:"due_date" json:"dueDate"`
	// OpenCents is what is still to be received.
	OpenCents int64 `db:"open_cents" json:"openCents"`
}

// DueInstallments counts the unpaid installments of live orders due in
// [from, to] (from "" for no lower bound) and returns the first limit, the
// earliest first (installments_unpaid_due holds exactly these).
func DueInstallments(ctx context.Context, q Querier, from, to string, limit int) ([]DueInstallment, int, error) {
	cond, args := `i.received_cents < i.amount_cents AND i.voided = 0 AND i.due_date <= ?`, []any{to}
	if from != "" {
		cond, args = cond+` AND i.due_date >= ?`, append(args, from)
	}
	var n int
	if err := q.GetContext(ctx, &n, `SELECT COUNT(*) FROM installments i WHERE `+cond, args...); err != nil {
		return nil, 0, fmt.Errorf("count due installments: %w", err)
	}
	out := []DueInstallment{}
	if n == 0 || limit <= 0 {
		return out, n, nil
	}
	err := q.SelectContext(ctx, &out, `SELECT i.id, i.order_id, o.number AS order_number, i.customer_id,
		c.name AS customer_name, w.name AS owner_name, i.seq, i.due_date, i.amount_cents - i.received_cents AS open_cents
		FROM installments i JOIN orders o ON o.id = i.order_id JOIN customers c ON c.id = i.customer_id
		JOIN owners w ON w.id = i.owner_id
		WHERE `+cond+` ORDER BY i.due_date, i.order_id LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, 0, fmt.Errorf("due installments: %w", err)
	}
	return out, n, nil
}

// ExpiringQuote is a live quote whose validity ends soon.
type ExpiringQuote struct {
	ID           int64  `db:"id" json:"id"`
	Number       string `db:"number" json:"number"`
	Title        string `db:"title" json:"title"`
	CustomerID   int64  `db:"customer_id" json:"customerId"`
	CustomerName string `db:"customer_name" json:"customerName"`
	OwnerName    string `db:"owner_name" json:"ownerName"`
	Status       string `db:"status" json:"status"`
	ValidUntil   string `db:"valid_until" json:"validUntil"`
	TotalCents   int64  `db:"total_cents" json:"totalCents"`
}

// ExpiringQuotes counts the open or approved quotes, not yet made into an
// order, whose validity ends in [from, to], and returns the first limit,
// the soonest first (quotes_valid_until, a partial index of live quotes).
func ExpiringQuotes(ctx context.Context, q Querier, from, to string, limit int) ([]ExpiringQuote, int, error) {
	const cond = `x.status <> 'closed' AND x.valid_until <> '' AND x.valid_until >= ? AND x.valid_until <= ?
		AND NOT EXISTS (SELECT 1 FROM orders d WHERE d.quote_id = x.id AND d.status <> 'voided')`
	var n int
	if err := q.GetContext(ctx, &n, `SELECT COUNT(*) FROM quotes x WHERE `+cond, from, to); err != nil {
		return nil, 0, fmt.Errorf("count expiring quotes: %w", err)
	}
	out := []ExpiringQuote{}
	if n == 0 || limit <= 0 {
		return out, n, nil
	}
	err := q.SelectContext(ctx, &out, `SELECT x.id, x.number, x.title, x.customer_id, c.name AS customer_name,
		w.name AS owner_name, x.status, x.valid_until, x.total_cents
		FROM quotes x JOIN customers c ON c.id = x.customer_id JOIN owners w ON w.id = x.owner_id
		WHERE `+cond+` ORDER BY x.valid_until, x.id LIMIT ?`, from, to, limit)
	if err != nil {
		return nil, 0, fmt.Errorf("expiring quotes: %w", err)
	}
	return out, n, nil
}

// CountCustomers counts every customer.
func CountCustomers(ctx context.Context, q Querier) (int, error) {
	var n int
	err := q.GetContext(ctx, &n, `SELECT COUNT(*) FROM customers`)
	return n, err
}

// StageCount is one stage's number of opportunities and their amount.
type StageCount struct {
	StageID     int64 `db:"stage_id"`
	Count       int   `db:"n"`
	AmountCents int64 `db:"amount"`
}

// StageCounts counts the opportunities and sums their amounts per stage,
// by stage id: from the kept totals (KeptStageTotals), or, when they
// cannot answer, by naming every stage, which keeps SQLite on
// opportunities_stage_cover, which holds the amount (see totalsWhere).
func StageCounts(ctx context.Context, q Querier) (map[int64]StageCount, error) {
	kept, ok, err := KeptStageTotals(ctx, q, OpportunityFilter{})
	if err != nil {
		return nil, err
	}
	if ok {
		out := make(map[int64]StageCount, len(kept))
		for _, k := range kept {
			out[k.StageID] = StageCount{StageID: k.StageID, Count: k.Count, AmountCents: k.AmountCents}
		}
		return out, nil
	}
	return stageCountsExact(ctx, q)
}

func stageCountsExact(ctx context.Context, q Querier) (map[int64]StageCount, error) {
	var rows []StageCount
	err := q.SelectContext(ctx, &rows, `SELECT o.stage_id, COUNT(*) AS n, COALESCE(SUM(o.amount_cents), 0) AS amount
		FROM opportunities o WHERE o.stage_id IN (SELECT id FROM stages) GROUP BY o.stage_id`)
	if err != nil {
		return nil, fmt.Errorf("stage counts: %w", err)
	}
	out := make(map[int64]StageCount, len(rows))
	for _, r := range rows {
		out[r.StageID] = r
	}
	return out, nil
}
