package store

import (
	"context"
	"fmt"
	"time"
)

// ChangedOpp is an opportunity with something in its history after a day:
// its values now and its changes since, which is what reading its state at
// any later end of day takes (backend/changes).
type ChangedOpp struct {
	ID            int64
	Name          string
	CustomerName  string
	Type          string
	Source        string
	OwnerID       int64
	StageID       int64
	AmountCents   int64
	ProbabilityBP int64
	ExpectedClose string
	CreatedAt     string
	// Events are its stage and field changes after the day, oldest first.
	Events []Event
}

// Event is one stage or field change. Field is "stage" (Old/New are stage
// ids, OldNull for a creation's first stage) or a field of the field
// history.
type Event struct {
	Field     string
	Old, New  any
	OldNull   bool
	ChangedAt string
}

// FieldStage names stage changes among Events.
const FieldStage = "stage"

// ChangesSince reads every opportunity with a stage or field change dated
// after day (YYYY-MM-DD, by the date the change was written in), with its
// changes since. Both history tables are read through their changed_at
// index; the opportunities by id. Deleted opportunities (in the recycle
// bin) are not in the table, so not here either.
func ChangesSince(ctx context.Context, q Querier, day string) (map[int64]*ChangedOpp, error) {
	after, err := nextDay(day)
	if err != nil {
		return nil, err
	}
	out := map[int64]*ChangedOpp{}
	rows, err := q.QueryContext(ctx, `SELECT o.id, o.name, c.name, o.type, o.source, o.owner_id, o.stage_id, o.amount_cents,
		o.probability_bp, o.expected_close, o.created_at
		FROM opportunities o JOIN customers c ON c.id = o.customer_id
		WHERE o.id IN (SELECT opportunity_id FROM stage_history WHERE changed_at >= ?
		               UNION SELECT opportunity_id FROM opportunity_field_history WHERE changed_at >= ?)`, after, after)
	if err != nil {
		return nil, fmt.Errorf("changes: %w", err)
	}
	for rows.Next() {
		o := &ChangedOpp{}
		if err := rows.Scan(&o.ID, &o.Name, &o.CustomerName, &o.Type, &o.Source, &o.OwnerID, &o.StageID, &o.AmountCents,
			&o.ProbabilityBP, &o.ExpectedClose, &o.CreatedAt); err != nil {
			rows.Close()
			return nil, fmt.Errorf("changes: %w", err)
		}
		out[o.ID] = o
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("changes: %w", err)
	}
	// Each table's rows come in (changed_at, id) order; merged by time below.
	type ev struct {
		opp int64
		Event
	}
	var stage, fields []ev
	rows, err = q.QueryContext(ctx, `SELECT opportunity_id, from_stage_id, to_stage_id, changed_at FROM stage_history
		WHERE changed_at >= ? ORDER BY changed_at, id`, after)
	if err != nil {
		return nil, fmt.Errorf("changes: %w", err)
	}
	for rows.Next() {
		var e ev
		var from *int64
		var to int64
		if err := rows.Scan(&e.opp, &from, &to, &e.ChangedAt); err != nil {
			rows.Close()
			return nil, fmt.Errorf("changes: %w", err)
		}
		e.Field, e.New = FieldStage, to
		if from == nil {
			e.OldNull = true
		} else {
			e.Old = *from
		}
		stage = append(stage, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("changes: %w", err)
	}
	rows, err = q.QueryContext(ctx, `SELECT opportunity_id, field, old_value, new_value, changed_at FROM opportunity_field_history
		WHERE changed_at >= ? ORDER BY changed_at, id`, after)
	if err != nil {
		return nil, fmt.Errorf("changes: %w", err)
	}
	for rows.Next() {
		var e ev
		if err := rows.Scan(&e.opp, &e.Field, &e.Old, &e.New, &e.ChangedAt); err != nil {
			rows.Close()
			return nil, fmt.Errorf("changes: %w", err)
		}
		if b, ok := e.Old.([]byte); ok {
			e.Old = string(b)
		}
		if b, ok := e.New.([]byte); ok {
			e.New = string(b)
		}
		fields = append(fields, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("changes: %w", err)
	}
	i, j := 0, 0
	for i < len(stage) || j < len(fields) {
		var e ev
		if j >= len(fields) || (i < len(stage) && stage[i].ChangedAt <= fields[j].ChangedAt) {
			e, i = stage[i], i+1
		} else {
			e, j = fields[j], j+1
		}
		if o := out[e.opp]; o != nil {
			o.Events = append(o.Events, e.Event)
		}
	}
	return out, nil
}

// DeletedOpportunities counts the opportunities that went into the recycle
// bin on days after from up to and including to ("" = open end): deleted
// one by one or with their customer.
func DeletedOpportunities(ctx context.Context, q Querier, from, to string) (int, error) {
	lo, err := nextDay(from)
	if err != nil {
		return 0, err
	}
	hi := "9999"
	if to != "" {
		if hi, err = nextDay(to); err != nil {
			return 0, err
		}
	}
	var n int
	err = q.GetContext(ctx, &n, `SELECT COALESCE(SUM(CASE WHEN kind = 'opportunity' THEN 1
		ELSE COALESCE(json_extract(held_json, '$.opportunities'), 0) END), 0)
		FROM recycle_bin WHERE deleted_at >= ? AND deleted_at < ?`, lo, hi)
	if err != nil {
		return 0, fmt.Errorf("deleted opportunities: %w", err)
	}
	return n, nil
}

// FieldHistorySince is the day the field history began to be kept (the
// day migration 0020 ran on this file, or its first row if earlier), ""
// if unknown.
func FieldHistorySince(ctx context.Context, q Querier) (string, error) {
	// A clock set back (serve --clock) may date rows before the migration.
	var at string
	if err := q.GetContext(ctx, &at, `SELECT COALESCE(MIN(x), '') FROM (
		SELECT applied_at AS x FROM schema_migrations WHERE version = 20
		UNION ALL SELECT MIN(changed_at) FROM opportunity_field_history)`); err != nil {
		return "", fmt.Errorf("field history: %w", err)
	}
	if len(at) < 10 {
		return "", nil
	}
	return at[:10], nil
}

func nextDay(day string) (string, error) {
	d, err := time.Parse("2006-01-02", day)
	if err != nil {
		return "", fmt.Errorf("day %q: %w", day, err)
	}
	return d.AddDate(0, 0, 1).Format("2006-01-02"), nil
}
