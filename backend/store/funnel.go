package store

import (
	"context"
	"fmt"
	"strings"
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
// It is the exact fallback for StageTotals, whose 64-bit sum of
// amount × probability can overflow on extreme data; grouping by
// probability costs a sort of every matching row, so it is not the default.
func FunnelGroups(ctx context.Context, q Querier, f OpportunityFilter) ([]FunnelGroup, error) {
	cond, args := f.totalsWhere()
	out := []FunnelGroup{}
	err := q.SelectContext(ctx, &out, `SELECT o.stage_id, o.probability_bp, COUNT(*) AS n, COALESCE(SUM(o.amount_cents), 0) AS amount
		FROM opportunities o`+cond+` GROUP BY o.stage_id, o.probability_bp`, args...)
	if err != nil {
		return nil, fmt.Errorf("funnel: %w", err)
	}
	return out, nil
}

// IsOverflow reports whether err is SQLite refusing a SUM that left the
// 64-bit range.
func IsOverflow(err error) bool {
	return err != nil && strings.Contains(err.Error(), "integer overflow")
}
