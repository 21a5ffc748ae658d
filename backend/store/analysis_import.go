package store

import (
	"context"
	"fmt"
)

// The kept monthly totals of the analysis (migration 0026) and the bulk
// import: each new row's first history row sets its stages_seen (and
// closed_on), and the update triggers then move the row in the totals —
// a delete and an upsert per imported row, a third of an import's time.
// Finish pauses them while it writes the new rows' history: it takes the
// new rows out of the totals as they stand, writes the history, adds them
// back as they now are (two grouped statements each way) and puts the
// triggers back, before the transaction can commit. Nothing else changes
// meanwhile, and the insert and delete triggers stay on throughout.
var keptUpdateTriggers = []string{"analysis_kept_update_created", "analysis_kept_update_closed"}

// pauseTriggers drops the named triggers that exist and returns their SQL.
func pauseTriggers(ctx context.Context, tx Tx, names ...string) ([]string, error) {
	var out []string
	for _, name := range names {
		var sqls []string
		if err := tx.SelectContext(ctx, &sqls, `SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?`, name); err != nil {
			return nil, fmt.Errorf("import: %w", err)
		}
		if len(sqls) == 0 {
			continue
		}
		if _, err := tx.ExecContext(ctx, `DROP TRIGGER `+name); err != nil {
			return nil, fmt.Errorf("import: %w", err)
		}
		out = append(out, sqls[0])
	}
	return out, nil
}

// resumeTriggers creates the paused triggers again.
func resumeTriggers(ctx context.Context, tx Tx, sqls []string) error {
	for _, s := range sqls {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("import: %w", err)
		}
	}
	return nil
}

// addKeptRange adds (sign 1) or takes out (sign -1) the opportunities
// first ≤ id < next to or from the kept monthly totals.
func addKeptRange(ctx context.Context, tx Tx, first, next int64, sign int) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO analysis_created (owner_id, month, type, source, stage_id, seen, n, amount, w_hi, w_lo)
		SELECT owner_id, substr(created_at, 1, 7), type, source, stage_id, stages_seen, ? * COUNT(*), ? * SUM(amount_cents),
		       ? * SUM((amount_cents * probability_bp) >> 31), ? * SUM((amount_cents * probability_bp) & 2147483647)
		  FROM opportunities WHERE id >= ? AND id < ? GROUP BY 1, 2, 3, 4, 5, 6
		ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
		   w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo`, sign, sign, sign, sign, first, next); err != nil {
		return fmt.Errorf("import: analysis totals: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO analysis_closed (owner_id, month, type, source, stage_id, lost_reason, competitor, n, amount)
		SELECT owner_id, substr(closed_on, 1, 7), type, source, stage_id, lost_reason, competitor, ? * COUNT(*), ? * SUM(amount_cents)
		  FROM opportunities WHERE id >= ? AND id < ? AND closed_on <> '' GROUP BY 1, 2, 3, 4, 5, 6, 7
		ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount`, sign, sign, first, next); err != nil {
		return fmt.Errorf("import: analysis totals: %w", err)
	}
	return nil
}

// pauseKept takes the writer's new rows out of the kept totals and pauses
// the update triggers (Finish, before the history).
func (w *ImportWriter) pauseKept() error {
	if w.nextOpp == w.firstOpp {
		return nil
	}
	paused, err := pauseTriggers(w.ctx, w.tx, keptUpdateTriggers...)
	w.keptPaused = paused
	if err != nil || len(paused) == 0 {
		return err
	}
	return addKeptRange(w.ctx, w.tx, w.firstOpp, w.nextOpp, -1)
}

// resumeKept adds the writer's new rows back as they now are and puts the
// triggers back (Finish, after the history).
func (w *ImportWriter) resumeKept() error {
	if len(w.keptPaused) == 0 {
		return nil
	}
	if err := addKeptRange(w.ctx, w.tx, w.firstOpp, w.nextOpp, 1); err != nil {
		return err
	}
	err := resumeTriggers(w.ctx, w.tx, w.keptPaused)
	w.keptPaused = nil
	return err
}
