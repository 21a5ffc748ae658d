package store

import "fmt"

// winMonthsTriggers keep win_months from opportunity_wins (migration 0034).
var winMonthsTriggers = []string{"win_months_insert", "win_months_delete", "win_months_update"}

// withWinMonthsPaused runs record (Finish's writing of the new rows'
// stage history, which makes their wins) with the triggers of win_months
// paused, then adds the new rows' wins to it in one grouped statement: per
// won row they cost an upsert or three (the history's insert and its
// closing time's update each redo the row's win). Before the history, no
// new row has a win (opportunity_wins follows the history), and recording
// it touches only the new rows: their wins are all there is to add.
func (w *ImportWriter) withWinMonthsPaused(record func() error) error {
	paused, err := pauseTriggers(w.ctx, w.tx, winMonthsTriggers...)
	if err != nil {
		return err
	}
	err = record()
	if err == nil && len(paused) > 0 && w.nextOpp > w.firstOpp {
		_, err = w.tx.ExecContext(w.ctx, `INSERT INTO win_months (month, owner_id, n, amount)
			SELECT substr(won_on, 1, 7), owner_id, COUNT(*),
			       SUM(amount_cents >> 31) * 2147483648 + SUM(amount_cents & 2147483647)
			  FROM opportunity_wins WHERE opportunity_id >= ? AND opportunity_id < ? GROUP BY 1, 2
			ON CONFLICT (month, owner_id) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount`,
			w.firstOpp, w.nextOpp)
		if err != nil {
			err = fmt.Errorf("import: won months: %w", err)
		}
	}
	if rerr := resumeTriggers(w.ctx, w.tx, paused); err == nil {
		err = rerr
	}
	return err
}
