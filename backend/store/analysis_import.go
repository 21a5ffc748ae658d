package store

import (
	"context"
	"fmt"
)

// The kept monthly totals of the analysis (migration 0026) and the bulk
// import. Run per row, their triggers halved an import's throughput: an
// upsert (and a statement journal) per new row, then a delete and an
// upsert again when its first history row sets stages_seen. So, as with
// stage_totals_insert (pauseStageTotals):
//   - the insert trigger is paused for the writer's life; the writer sums
//     its rows as inserted in Go and adds them in Finish. Updates and
//     deletes in the same transaction keep their triggers, which adjust
//     from the row as inserted;
//   - the update triggers are paused while Finish writes the new rows'
//     history: it takes the new rows out of the totals as they stand,
//     writes the history, adds them back as they now are (grouped
//     statements) and puts the triggers back, before the transaction can
//     commit. Nothing else changes meanwhile.
//
// The days-in-stage and sales-cycle totals (migration 0028) likewise: the
// opportunity insert trigger is paused for the writer's life (a new row
// has no history to add), the history and cycle triggers while Finish
// writes the history, and addKeptRange adds the new rows' shares.
var keptUpdateTriggers = []string{"analysis_kept_update_created", "analysis_kept_update_closed",
	"analysis_cycle_update", "analysis_stays_history_before_insert", "analysis_stays_history_after_insert",
	"analysis_stays_history_before_update", "analysis_stays_history_after_update",
	"analysis_kept_all_update_created", "analysis_kept_all_update_closed"}

// keptKey is a row of analysis_created as a new opportunity enters it
// (nothing entered yet, not closed).
type keptKey struct {
	owner       int64
	month       string
	typ, source string
	stage       int64
	// field and value: a row of analysis_created_by instead (migration 0028).
	field, value string
}

// pauseKeptInsert drops analysis_kept_insert for the writer's life.
func (w *ImportWriter) pauseKeptInsert(ctx context.Context) error {
	sqls, err := pauseTriggers(ctx, w.tx, "analysis_kept_insert")
	if err != nil || len(sqls) == 0 {
		return err
	}
	w.keptInsert, w.keptDeltas = sqls[0], map[keptKey]*stageDelta{}
	w.staysInsert, err = pauseTriggers(ctx, w.tx, "analysis_stays_opp_insert", "analysis_created_by_insert",
		"analysis_kept_all_insert")
	return err
}

// addKeptDelta adds a new row, as inserted, to the writer's sums, with
// the trigger's arithmetic (addDelta's).
func (w *ImportWriter) addKeptDelta(o Opportunity, created string) {
	month := created
	if len(month) > 7 {
		month = month[:7]
	}
	k := keptKey{o.OwnerID, month, o.Type, o.Source, o.StageID, "", ""}
	d := w.keptDeltas[k]
	if d == nil {
		d = &stageDelta{}
		w.keptDeltas[k] = d
	}
	addToDelta(d, o.AmountCents, int64(o.ProbabilityBP))
	// analysis_created_by's two rows (stage -1 and -2 tell them apart).
	for i, f := range [][2]string{{"lostReason", o.LostReason}, {"competitor", o.Competitor}} {
		k := keptKey{o.OwnerID, month, o.Type, o.Source, int64(-1 - i), f[0], f[1]}
		d := w.keptDeltas[k]
		if d == nil {
			d = &stageDelta{}
			w.keptDeltas[k] = d
		}
		addToDelta(d, o.AmountCents, int64(o.ProbabilityBP))
	}
}

// resumeKeptInsert adds the writer's sums to the kept totals and puts the
// insert trigger back.
func (w *ImportWriter) resumeKeptInsert() error {
	if w.keptInsert == "" {
		return nil
	}
	for k, d := range w.keptDeltas {
		var amount any = d.amount
		if d.amountOverflow {
			amount = float64(d.amount) // a REAL, as the trigger's sum would be: readers then count
		}
		if k.field != "" {
			_, err := w.tx.ExecContext(w.ctx, `INSERT INTO analysis_created_by (owner_id, month, field, value, type, source, n, amount, w_hi, w_lo)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
				w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo`, k.owner, k.month, k.field, k.value, k.typ, k.source, d.n, amount, d.wHi, d.wLo)
			if err != nil {
				return fmt.Errorf("import: analysis totals: %w", err)
			}
			continue
		}
		_, err := w.tx.ExecContext(w.ctx, `INSERT INTO analysis_created (owner_id, month, type, source, stage_id, seen, n, amount, w_hi, w_lo)
			VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?)
			ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
			w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo`, k.owner, k.month, k.typ, k.source, k.stage, d.n, amount, d.wHi, d.wLo)
		if err != nil {
			return fmt.Errorf("import: analysis totals: %w", err)
		}
		_, err = w.tx.ExecContext(w.ctx, `INSERT INTO analysis_created_all (month, type, source, stage_id, seen, n, amount, w_hi, w_lo)
			VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?)
			ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
			w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo`, k.month, k.typ, k.source, k.stage, d.n, amount, d.wHi, d.wLo)
		if err != nil {
			return fmt.Errorf("import: analysis totals: %w", err)
		}
	}
	if _, err := w.tx.ExecContext(w.ctx, w.keptInsert); err != nil {
		return fmt.Errorf("import: analysis totals: %w", err)
	}
	w.keptInsert, w.keptDeltas = "", nil
	err := resumeTriggers(w.ctx, w.tx, w.staysInsert)
	w.staysInsert = nil
	return err
}

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
	// The same summed over owners (migration 0028).
	if _, err := tx.ExecContext(ctx, `INSERT INTO analysis_created_all (month, type, source, stage_id, seen, n, amount, w_hi, w_lo)
		SELECT substr(created_at, 1, 7), type, source, stage_id, stages_seen, ? * COUNT(*), ? * SUM(amount_cents),
		       ? * SUM((amount_cents * probability_bp) >> 31), ? * SUM((amount_cents * probability_bp) & 2147483647)
		  FROM opportunities WHERE id >= ? AND id < ? GROUP BY 1, 2, 3, 4, 5
		ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
		   w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo`, sign, sign, sign, sign, first, next); err != nil {
		return fmt.Errorf("import: analysis totals: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO analysis_closed_all (month, type, source, stage_id, lost_reason, competitor, n, amount)
		SELECT substr(closed_on, 1, 7), type, source, stage_id, lost_reason, competitor, ? * COUNT(*), ? * SUM(amount_cents)
		  FROM opportunities WHERE id >= ? AND id < ? AND closed_on <> '' GROUP BY 1, 2, 3, 4, 5, 6
		ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount`, sign, sign, first, next); err != nil {
		return fmt.Errorf("import: analysis totals: %w", err)
	}
	// The triggers' arithmetic of migration 0028, for the whole range.
	if _, err := tx.ExecContext(ctx, `INSERT INTO analysis_cycle (owner_id, month, stage_id, days, n)
		SELECT owner_id, substr(closed_on, 1, 7), stage_id,
		       COALESCE(CAST(julianday(closed_on) - julianday(substr(created_at, 1, 10)) AS INTEGER), 0), ? * COUNT(*)
		  FROM opportunities WHERE id >= ? AND id < ? AND closed_on <> '' GROUP BY 1, 2, 3, 4
		ON CONFLICT DO UPDATE SET n = n + excluded.n`, sign, first, next); err != nil {
		return fmt.Errorf("import: analysis totals: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO analysis_stays (owner_id, month, stage_id, entered, days, n)
		SELECT o.owner_id, substr(o.created_at, 1, 7), t.s, t.entered, t.days, ? * COUNT(*)
		  FROM (SELECT opportunity_id AS opp, s, COALESCE(MAX(CASE WHEN nd IS NULL THEN d END), 0) AS entered,
		               COALESCE(SUM(CASE WHEN nd IS NULL THEN 0 ELSE MAX(0, nd - d) END), 0) AS days
		          FROM (SELECT opportunity_id, to_stage_id AS s,
		                       CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER) AS d,
		                       LEAD(CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER))
		                           OVER (PARTITION BY opportunity_id ORDER BY id) AS nd
		                  FROM stage_history WHERE opportunity_id >= ? AND opportunity_id < ?)
		         GROUP BY opportunity_id, s) t
		  JOIN opportunities o ON o.id = t.opp
		 GROUP BY 1, 2, 3, 4, 5
		ON CONFLICT DO UPDATE SET n = n + excluded.n`, sign, first, next); err != nil {
		return fmt.Errorf("import: analysis totals: %w", err)
	}
	// The company's sums move by the same amounts.
	if _, err := tx.ExecContext(ctx, `INSERT INTO analysis_stays_all (month, stage_id, entered, days, n)
		SELECT substr(o.created_at, 1, 7), t.s, t.entered, t.days, ? * COUNT(*)
		  FROM (SELECT opportunity_id AS opp, s, COALESCE(MAX(CASE WHEN nd IS NULL THEN d END), 0) AS entered,
		               COALESCE(SUM(CASE WHEN nd IS NULL THEN 0 ELSE MAX(0, nd - d) END), 0) AS days
		          FROM (SELECT opportunity_id, to_stage_id AS s,
		                       CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER) AS d,
		                       LEAD(CAST(julianday(substr(changed_at, 1, 10)) - 2440587.5 AS INTEGER))
		                           OVER (PARTITION BY opportunity_id ORDER BY id) AS nd
		                  FROM stage_history WHERE opportunity_id >= ? AND opportunity_id < ?)
		         GROUP BY opportunity_id, s) t
		  JOIN opportunities o ON o.id = t.opp
		 GROUP BY 1, 2, 3, 4
		ON CONFLICT DO UPDATE SET n = n + excluded.n`, sign, first, next); err != nil {
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

// importCatchUp is a kept table the import writer fills in bulk.
type importCatchUp struct {
	name string
	// triggers are its insert triggers on opportunities, dropped for the
	// writer's life (only the writer inserts opportunities meanwhile).
	triggers []string
	// catchUp adds the opportunities first ≤ id < next as they are in
	// Finish, with their first stage history written.
	catchUp func(ctx context.Context, tx Tx, first, next int64) error
}

// importCatchUps are the kept tables the import writer fills once, in
// Finish, from its new rows as they then are, in set-based SQL over the
// new ids, instead of a trigger per row. Their update and delete triggers
// must leave the writer's rows alone meanwhile, as those of the
// by-customer totals do (WHEN OLD.id < the first_id of
// analysis_import_first, migration 0028): a row the same file names twice
// is then counted once, as it ends. A kept table added to opportunities is
// one line here (and its test that the kept data equals a fresh
// computation after an import and its undo).
var importCatchUps = []importCatchUp{
	{"by-customer totals", []string{"analysis_customer_insert", "analysis_customer_oy_insert"}, addCustomerRange},
}

// holdCustomerTotals tells the kept tables of importCatchUps to leave the
// writer's new rows alone (analysis_import_first) and pauses their insert
// triggers: Finish adds the rows grouped.
func (w *ImportWriter) holdCustomerTotals() error {
	if _, err := w.tx.ExecContext(w.ctx, `INSERT INTO analysis_import_first (first_id) VALUES (?)`, w.firstOpp); err != nil {
		return fmt.Errorf("import: analysis totals: %w", err)
	}
	w.customerHeld = true
	for _, c := range importCatchUps {
		paused, err := pauseTriggers(w.ctx, w.tx, c.triggers...)
		w.catchUpPaused = append(w.catchUpPaused, paused...)
		if err != nil {
			return err
		}
	}
	return nil
}

// customerSets is the upsert tail of analysis_customer(_year).
const customerSets = ` ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
	w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo, won_n = won_n + excluded.won_n,
	won_amount = won_amount + excluded.won_amount, lost_n = lost_n + excluded.lost_n,
	lost_amount = lost_amount + excluded.lost_amount`

// addCustomerTotals adds the writer's new rows, as they are after their
// history, to the kept tables of importCatchUps (the by-customer totals
// first), puts their paused insert triggers back and lets the triggers see
// rows again (Finish; Close only lets go).
func (w *ImportWriter) addCustomerTotals(add bool) error {
	if !w.customerHeld {
		return nil
	}
	w.customerHeld = false
	if add && w.nextOpp > w.firstOpp {
		for _, c := range importCatchUps {
			done := ImportPhase("finish: " + c.name)
			if err := c.catchUp(w.ctx, w.tx, w.firstOpp, w.nextOpp); err != nil {
				return fmt.Errorf("import: %s: %w", c.name, err)
			}
			done()
		}
	}
	if err := resumeTriggers(w.ctx, w.tx, w.catchUpPaused); err != nil {
		return err
	}
	w.catchUpPaused = nil
	if _, err := w.tx.ExecContext(w.ctx, `DELETE FROM analysis_import_first`); err != nil {
		return fmt.Errorf("import: analysis totals: %w", err)
	}
	return nil
}

// addCustomerRange adds the opportunities first ≤ id < next to the
// by-customer totals (migration 0028), grouped.
func addCustomerRange(ctx context.Context, tx Tx, first, next int64) error {
	{
		for _, t := range []struct{ table, cols, created, closed, group string }{
			{"analysis_customer", "owner_id, customer_id, month", "owner_id, customer_id, substr(created_at, 1, 7)",
				"owner_id, customer_id, substr(closed_on, 1, 7)", "1, 2, 3"},
			{"analysis_customer_year", "year, customer_id", "substr(created_at, 1, 4), customer_id",
				"substr(closed_on, 1, 4), customer_id", "1, 2"},
			{"analysis_customer_owner_year", "owner_id, year, customer_id", "owner_id, substr(created_at, 1, 4), customer_id",
				"owner_id, substr(closed_on, 1, 4), customer_id", "1, 2, 3"},
		} {
			if _, err := tx.ExecContext(ctx, `INSERT INTO `+t.table+` (`+t.cols+`, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
				SELECT `+t.created+`, COUNT(*), SUM(amount_cents), SUM((amount_cents * probability_bp) >> 31),
				       SUM((amount_cents * probability_bp) & 2147483647), 0, 0, 0, 0
				  FROM opportunities WHERE id >= ? AND id < ? GROUP BY `+t.group+customerSets, first, next); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO `+t.table+` (`+t.cols+`, n, amount, w_hi, w_lo, won_n, won_amount, lost_n, lost_amount)
				SELECT `+t.closed+`, 0, 0, 0, 0, SUM(s.kind = 'won'), SUM(CASE WHEN s.kind = 'won' THEN amount_cents ELSE 0 END),
				       SUM(s.kind IS NOT 'won'), SUM(CASE WHEN s.kind = 'won' THEN 0 ELSE amount_cents END)
				  FROM opportunities o LEFT JOIN stages s ON s.id = o.stage_id
				 WHERE o.id >= ? AND o.id < ? AND o.closed_on <> '' GROUP BY `+t.group+customerSets, first, next); err != nil {
				return err
			}
		}
	}
	return nil
}
