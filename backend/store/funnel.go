package store

import (
	"context"
	"fmt"
)

// FunnelGroup is the count and amount of the opportunities of one stage that
// share one probability. Grouping by probability lets the caller form
// Σ amount × probability exactly without SQLite's 64-bit SUM overflowing.
type FunnelGroup struct {
	StageID       int64 `db:"stage_id"`
	ProbabilityBP int64 `db:"probability_bp"`
	Count         int   `db:"n"`
	AmountCents   int64 `db:"amount"`
}

// FunnelGroups groups the opportunities matching f by stage and probability.
func FunnelGroups(ctx context.Context, q Querier, f OpportunityFilter) ([]FunnelGroup, error) {
	cond, args := f.where()
	out := []FunnelGroup{}
	err := q.SelectContext(ctx, &out, `SELECT o.stage_id, o.probability_bp, COUNT(*) AS n, COALESCE(SUM(o.amount_cents), 0) AS amount
		FROM opportunities o`+cond+` GROUP BY o.stage_id, o.probability_bp`, args...)
	if err != nil {
		return nil, fmt.Errorf("funnel: %w", err)
	}
	return out, nil
}
