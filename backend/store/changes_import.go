package store

import (
	"context"
	"fmt"
)

// changeMarksPause is what a bulk import does to the change marks of
// migration 0031: per row, their triggers would cost each new opportunity
// a statement journal and a few index writes, and each stage history row
// Finish writes a look at the opportunity's marks. The writer drops the
// insert triggers of opportunities while it inserts and those of
// stage_history while Finish writes the history, then adds the marks of
// all its new rows at once (finish). Updates and deletes meanwhile keep
// their triggers. A rollback brings the triggers back by itself.
type changeMarksPause struct {
	insert, history []string
	// The history rows' ids before the import: a new opportunity with a
	// later one than its creation row was edited during the import.
	fieldFrom, stageFrom int64
}

var (
	changeMarksInsertTriggers  = []string{"change_marks_opp_insert", "change_marks_opp_insert_history"}
	changeMarksHistoryTriggers = []string{"change_marks_stage_insert", "change_marks_stage_insert_rebuild",
		"change_marks_stage_update", "change_marks_stage_update_old"}
)

func (p *changeMarksPause) pause(ctx context.Context, tx Tx) (err error) {
	if err := tx.GetContext(ctx, &p.fieldFrom, `SELECT COALESCE(MAX(id), 0) FROM opportunity_field_history`); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	if err := tx.GetContext(ctx, &p.stageFrom, `SELECT COALESCE(MAX(id), 0) FROM stage_history`); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	p.insert, err = pauseTriggers(ctx, tx, changeMarksInsertTriggers...)
	return err
}

// finish writes the stage history through history() with its triggers
// paused and gives the writer's new opportunities their marks: a plain
// new one (no history but its creation row) has one, its creation day's,
// holding its values now; one the import also edited is rebuilt from
// change_marks_fresh. Then the sums of the new marks, in one statement
// each, and the triggers back.
func (p *changeMarksPause) finish(w *ImportWriter, history func() error) error {
	var err error
	if p.history, err = pauseTriggers(w.ctx, w.tx, changeMarksHistoryTriggers...); err != nil {
		return err
	}
	if err := history(); err != nil {
		return err
	}
	if len(p.insert) > 0 && w.nextOpp > w.firstOpp {
		first, next := w.firstOpp, w.nextOpp
		// Marks an edit during the import gave (triggers on): out, sums too.
		if _, err := w.tx.ExecContext(w.ctx, `DELETE FROM change_marks WHERE opp >= ? AND opp < ?`, first, next); err != nil {
			return fmt.Errorf("import: change marks: %w", err)
		}
		sums, err := pauseTriggers(w.ctx, w.tx, "change_marks_insert")
		if err != nil {
			return err
		}
		edited := `id IN (SELECT opportunity_id FROM opportunity_field_history WHERE id > ? AND opportunity_id >= ? AND opportunity_id < ?
			UNION SELECT opportunity_id FROM stage_history WHERE id > ? AND from_stage_id IS NOT NULL AND opportunity_id >= ? AND opportunity_id < ?)`
		eargs := []any{p.fieldFrom, first, next, p.stageFrom, first, next}
		if _, err := w.tx.ExecContext(w.ctx, `INSERT INTO change_marks (opp, day, sb, ab, pb, ob, cb)
			SELECT id, CASE WHEN length(created_at) < 10 THEN '' ELSE substr(created_at, 1, 10) END,
			       stage_id, amount_cents, probability_bp, owner_id, expected_close
			  FROM opportunities WHERE id >= ? AND id < ? AND NOT `+edited, append([]any{first, next}, eargs...)...); err != nil {
			return fmt.Errorf("import: change marks: %w", err)
		}
		// One by one: SQLite pushes "opp = ?" into the view, not a list.
		var ids []int64
		if err := w.tx.SelectContext(w.ctx, &ids, `SELECT id FROM opportunities WHERE `+edited, eargs...); err != nil {
			return fmt.Errorf("import: change marks: %w", err)
		}
		for _, id := range ids {
			if _, err := w.tx.ExecContext(w.ctx, `INSERT INTO change_marks (opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb)
				SELECT opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb FROM change_marks_fresh WHERE opp = ?`, id); err != nil {
				return fmt.Errorf("import: change marks: %w", err)
			}
		}
		funnel, kinds := changeSums("opp >= ? AND opp < ?")
		if _, err := w.tx.ExecContext(w.ctx, `INSERT INTO change_funnel (day, owner, stage, n, amount, w_hi, w_lo) `+funnel+`
			ON CONFLICT (day, owner, stage) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
			    w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo`, first, next, first, next, first, next, first, next); err != nil {
			return fmt.Errorf("import: change sums: %w", err)
		}
		args := make([]any, 0, 2*(len(markKinds)+1))
		for range len(markKinds) + 1 {
			args = append(args, first, next)
		}
		if _, err := w.tx.ExecContext(w.ctx, `INSERT INTO change_kinds (day, owner, k, sa, sb, n, amount_a, amount_b) `+kinds+`
			ON CONFLICT (day, owner, k, sa, sb) DO UPDATE SET n = n + excluded.n, amount_a = amount_a + excluded.amount_a,
			    amount_b = amount_b + excluded.amount_b`, args...); err != nil {
			return fmt.Errorf("import: change sums: %w", err)
		}
		if err := resumeTriggers(w.ctx, w.tx, sums); err != nil {
			return err
		}
	}
	return p.resume(w.ctx, w.tx)
}

// resume puts back whatever is paused (Finish, or Close).
func (p *changeMarksPause) resume(ctx context.Context, tx Tx) error {
	if err := resumeTriggers(ctx, tx, p.history); err != nil {
		return err
	}
	p.history = nil
	if err := resumeTriggers(ctx, tx, p.insert); err != nil {
		return err
	}
	p.insert = nil
	return nil
}

// WithoutChangeMarks runs fn in tx with every trigger of migration 0031
// dropped, then computes all marks and sums again from scratch, as the
// migration fills them: for bulk writes of history that would otherwise
// rebuild opportunity after opportunity (the benchmarks' generated
// history).
func WithoutChangeMarks(ctx context.Context, tx Tx, fn func() error) error {
	var names []string
	if err := tx.SelectContext(ctx, &names, `SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'change\_marks\_%' ESCAPE '\'`); err != nil {
		return fmt.Errorf("change marks: %w", err)
	}
	paused, err := pauseTriggers(ctx, tx, names...)
	if err != nil {
		return err
	}
	if err := fn(); err != nil {
		return err
	}
	funnel, kinds := changeSums("1")
	for _, q := range []string{`DELETE FROM change_marks`, `DELETE FROM change_funnel`, `DELETE FROM change_kinds`,
		fillChangeMarks,
		`INSERT INTO change_funnel (day, owner, stage, n, amount, w_hi, w_lo) ` + funnel,
		`INSERT INTO change_kinds (day, owner, k, sa, sb, n, amount_a, amount_b) ` + kinds} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("change marks: %w", err)
		}
	}
	return resumeTriggers(ctx, tx, paused)
}

// fillChangeMarks is change_marks_fresh for every opportunity at once, in
// a few sorts instead of a look into the history per opportunity and day
// (migration 0031 fills the table with the same statement): each field's
// value at the end of a day is the old value of its first change on the
// next day that has one, found as the smallest "day|old" among the
// following days.
const fillChangeMarks = `INSERT INTO change_marks (opp, day, prev, next, sa, aa, pa, oa, ca, sb, ab, pb, ob, cb)
WITH ev AS (
    SELECT opportunity_id AS opp, 0 AS f, substr(changed_at, 1, 10) AS day, changed_at AS at, id,
           COALESCE(from_stage_id, to_stage_id) AS old
      FROM stage_history WHERE length(changed_at) >= 10
    UNION ALL
    SELECT opportunity_id, CASE field WHEN 'amount' THEN 1 WHEN 'probability' THEN 2 WHEN 'owner' THEN 3 ELSE 4 END,
           substr(changed_at, 1, 10), changed_at, id,
           CASE WHEN field = 'close' THEN COALESCE(old_value, '') ELSE COALESCE(old_value, 0) END
      FROM opportunity_field_history WHERE length(changed_at) >= 10 AND field IN ('amount', 'probability', 'owner', 'close')),
firsts AS (SELECT opp, f, day, old FROM (
    SELECT opp, f, day, old, ROW_NUMBER() OVER (PARTITION BY opp, f, day ORDER BY at, id) AS rn FROM ev) WHERE rn = 1),
days AS (
    SELECT opp, day, MAX(CASE WHEN f = 0 THEN day || '|' || old END) AS e0, MAX(CASE WHEN f = 1 THEN day || '|' || old END) AS e1,
           MAX(CASE WHEN f = 2 THEN day || '|' || old END) AS e2, MAX(CASE WHEN f = 3 THEN day || '|' || old END) AS e3,
           MAX(CASE WHEN f = 4 THEN day || '|' || old END) AS e4
      FROM (SELECT opp, f, day, old FROM firsts
            UNION ALL SELECT id, -1, CASE WHEN length(created_at) < 10 THEN '' ELSE substr(created_at, 1, 10) END, NULL FROM opportunities)
     GROUP BY opp, day),
states AS (
    SELECT d.opp, d.day,
           COALESCE(CAST(substr(MIN(d.e0) OVER w, 12) AS INTEGER), o.stage_id) AS s,
           COALESCE(CAST(substr(MIN(d.e1) OVER w, 12) AS INTEGER), o.amount_cents) AS a,
           COALESCE(CAST(substr(MIN(d.e2) OVER w, 12) AS INTEGER), o.probability_bp) AS p,
           COALESCE(CAST(substr(MIN(d.e3) OVER w, 12) AS INTEGER), o.owner_id) AS o,
           COALESCE(substr(MIN(d.e4) OVER w, 12), o.expected_close) AS c,
           CASE WHEN length(o.created_at) < 10 THEN '' ELSE substr(o.created_at, 1, 10) END AS cday
      FROM days d JOIN opportunities o ON o.id = d.opp
    WINDOW w AS (PARTITION BY d.opp ORDER BY d.day ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)),
moved AS (
    SELECT *, (LAG(day) OVER v IS NULL OR s IS NOT LAG(s) OVER v OR a IS NOT LAG(a) OVER v
              OR p IS NOT LAG(p) OVER v OR o IS NOT LAG(o) OVER v OR c IS NOT LAG(c) OVER v) AS m
      FROM states WHERE day >= cday WINDOW v AS (PARTITION BY opp ORDER BY day))
SELECT opp, day, LAG(day) OVER w, LEAD(day) OVER w,
       LAG(s) OVER w, LAG(a) OVER w, LAG(p) OVER w, LAG(o) OVER w, LAG(c) OVER w, s, a, p, o, c
  FROM moved WHERE m
WINDOW w AS (PARTITION BY opp ORDER BY day)`
