package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
)

// ChangedOpp is an opportunity with something in its history after a day:
// its values now and its changes since, which is what reading its state at
// any later end of day takes (backend/changes).
type ChangedOpp struct {
	ID            int64
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
// history: Old/New hold ids, cents and basis points, OldText/NewText the
// dates of "close".
type Event struct {
	Field            string
	Old, New         int64
	OldText, NewText string
	OldNull          bool
	ChangedAt        string
	id               int64
	stage            bool
}

// FieldStage names stage changes among Events.
const FieldStage = "stage"

// ChangesSince reads every opportunity with a stage or field change dated
// after day (YYYY-MM-DD, by the date the change was written in), with its
// changes since. Both history tables are read from their covering
// changed_at index only; then the opportunities in id order. Deleted
// opportunities (in the recycle bin) are not in the table, so not here.
func ChangesSince(ctx context.Context, q Querier, day string) (map[int64]*ChangedOpp, error) {
	after, err := nextDay(day)
	if err != nil {
		return nil, err
	}
	out := map[int64]*ChangedOpp{}
	add := func(opp int64, e Event) {
		o := out[opp]
		if o == nil {
			o = &ChangedOpp{ID: opp}
			out[opp] = o
		}
		o.Events = append(o.Events, e)
	}
	rows, err := q.QueryContext(ctx, `SELECT opportunity_id, from_stage_id, to_stage_id, changed_at, id FROM stage_history
		WHERE changed_at >= ?`, after)
	if err != nil {
		return nil, fmt.Errorf("changes: %w", err)
	}
	for rows.Next() {
		var opp int64
		var from sql.NullInt64
		e := Event{Field: FieldStage, stage: true}
		if err := rows.Scan(&opp, &from, &e.New, &e.ChangedAt, &e.id); err != nil {
			rows.Close()
			return nil, fmt.Errorf("changes: %w", err)
		}
		e.Old, e.OldNull = from.Int64, !from.Valid
		add(opp, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("changes: %w", err)
	}
	rows, err = q.QueryContext(ctx, `SELECT opportunity_id, field, changed_at, id,
		CASE WHEN field = 'close' THEN 0 ELSE old_value END, CASE WHEN field = 'close' THEN 0 ELSE new_value END,
		CASE WHEN field = 'close' THEN old_value ELSE '' END, CASE WHEN field = 'close' THEN new_value ELSE '' END
		FROM opportunity_field_history WHERE changed_at >= ?`, after)
	if err != nil {
		return nil, fmt.Errorf("changes: %w", err)
	}
	for rows.Next() {
		var opp int64
		var e Event
		var oldN, newN sql.NullInt64
		var oldT, newT sql.NullString
		if err := rows.Scan(&opp, &e.Field, &e.ChangedAt, &e.id, &oldN, &newN, &oldT, &newT); err != nil {
			rows.Close()
			return nil, fmt.Errorf("changes: %w", err)
		}
		e.Old, e.New, e.OldText, e.NewText = oldN.Int64, newN.Int64, oldT.String, newT.String
		add(opp, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("changes: %w", err)
	}
	if len(out) == 0 {
		return out, nil
	}
	ids := make([]int64, 0, len(out))
	for id, o := range out {
		ids = append(ids, id)
		// Oldest first; a stage change before a field change of the same
		// second, then by id (the order they were written in).
		slices.SortFunc(o.Events, func(a, b Event) int {
			if c := strings.Compare(a.ChangedAt, b.ChangedAt); c != 0 {
				return c
			}
			if a.stage != b.stage {
				if a.stage {
					return -1
				}
				return 1
			}
			return cmp.Compare(a.id, b.id)
		})
	}
	slices.Sort(ids)
	// In id order, a chunk at a time: the rows are read along the table.
	const chunk = 5000
	for lo := 0; lo < len(ids); lo += chunk {
		part := ids[lo:min(lo+chunk, len(ids))]
		c, args := inInts("id", part)
		rows, err := q.QueryContext(ctx, `SELECT id, type, source, owner_id, stage_id, amount_cents, probability_bp, expected_close,
			created_at FROM opportunities WHERE `+c+` ORDER BY id`, args...)
		if err != nil {
			return nil, fmt.Errorf("changes: %w", err)
		}
		for rows.Next() {
			var id int64
			var v ChangedOpp
			if err := rows.Scan(&id, &v.Type, &v.Source, &v.OwnerID, &v.StageID, &v.AmountCents, &v.ProbabilityBP,
				&v.ExpectedClose, &v.CreatedAt); err != nil {
				rows.Close()
				return nil, fmt.Errorf("changes: %w", err)
			}
			o := out[id]
			v.ID, v.Events = id, o.Events
			*o = v
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("changes: %w", err)
		}
	}
	// History of opportunities no longer there cannot be: it cascades. A
	// row without its opportunity (CreatedAt never set) is dropped anyway.
	for id, o := range out {
		if o.CreatedAt == "" {
			delete(out, id)
		}
	}
	return out, nil
}

// OppName is an opportunity's name and its customer's, for a listed change.
type OppName struct {
	ID           int64  `db:"id"`
	Name         string `db:"name"`
	CustomerName string `db:"customer_name"`
}

// OpportunityNames returns the names of the opportunities ids (the few a
// report lists), by id.
func OpportunityNames(ctx context.Context, q Querier, ids []int64) (map[int64]OppName, error) {
	out := make(map[int64]OppName, len(ids))
	const chunk = 5000
	for lo := 0; lo < len(ids); lo += chunk {
		c, args := inInts("o.id", ids[lo:min(lo+chunk, len(ids))])
		var rows []OppName
		if err := q.SelectContext(ctx, &rows, `SELECT o.id, o.name, c.name AS customer_name FROM opportunities o
			JOIN customers c ON c.id = o.customer_id WHERE `+c, args...); err != nil {
			return nil, fmt.Errorf("opportunity names: %w", err)
		}
		for _, r := range rows {
			out[r.ID] = r
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
