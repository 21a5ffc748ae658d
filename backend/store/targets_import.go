package store

import (
	"context"
	"fmt"
)

// pausedCreatedDays keeps opportunity_created_days (migration 0019) during
// a bulk import as pauseStageTotals keeps stage_totals: any per-row trigger
// on an insert into opportunities costs the import a statement journal per
// row (about 40 %), so the writer drops opportunity_created_days_insert in
// its transaction, counts its rows by owner and day itself, and adds them
// with one upsert per (owner, day) when the trigger is put back. Updates
// and deletes in the same transaction keep their triggers, which adjust
// from the row as inserted.
type pausedCreatedDays struct {
	trigger string
	counts  map[createdDay]int64
}

type createdDay struct {
	owner int64
	day   string
}

func (p *pausedCreatedDays) pause(ctx context.Context, tx Tx) error {
	var sqls []string
	if err := tx.SelectContext(ctx, &sqls, `SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'opportunity_created_days_insert'`); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	if len(sqls) == 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `DROP TRIGGER opportunity_created_days_insert`); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	p.trigger, p.counts = sqls[0], map[createdDay]int64{}
	return nil
}

// add counts one new opportunity as the trigger would (substr(created_at, 1, 10)).
func (p *pausedCreatedDays) add(owner int64, createdAt string) {
	if p.counts == nil {
		return
	}
	d := createdAt
	if len(d) > 10 {
		d = d[:10]
	}
	p.counts[createdDay{owner, d}]++
}

func (p *pausedCreatedDays) resume(ctx context.Context, tx Tx) error {
	if p.trigger == "" {
		return nil
	}
	for k, n := range p.counts {
		if _, err := tx.ExecContext(ctx, `INSERT INTO opportunity_created_days (owner_id, day, n) VALUES (?, ?, ?)
			ON CONFLICT (owner_id, day) DO UPDATE SET n = n + excluded.n`, k.owner, k.day, n); err != nil {
			return fmt.Errorf("import: created days: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, p.trigger); err != nil {
		return fmt.Errorf("import: created days: %w", err)
	}
	p.trigger, p.counts = "", nil
	return nil
}

// CreatedDaysCheck returns opportunity_created_days as kept and counted
// afresh from opportunities, for tests that compare them.
func CreatedDaysCheck(ctx context.Context, q Querier) (kept, fresh []CreatedDay, err error) {
	kept, fresh = []CreatedDay{}, []CreatedDay{}
	if err = q.SelectContext(ctx, &kept, `SELECT owner_id, day, n FROM opportunity_created_days WHERE n <> 0 ORDER BY owner_id, day`); err != nil {
		return
	}
	err = q.SelectContext(ctx, &fresh, `SELECT owner_id, substr(created_at, 1, 10) AS day, COUNT(*) AS n FROM opportunities GROUP BY 1, 2 ORDER BY 1, 2`)
	return
}

// CreatedDay is one row of opportunity_created_days.
type CreatedDay struct {
	OwnerID int64  `db:"owner_id"`
	Day     string `db:"day"`
	N       int64  `db:"n"`
}
