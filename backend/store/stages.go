package store

import (
	"context"
	"fmt"
)

// Stage kinds.
const (
	KindOpen = "open"
	KindWon  = "won"
	KindLost = "lost"
)

// Stage is a sales stage in funnel order.
type Stage struct {
	ID            int64  `db:"id" json:"id"`
	Name          string `db:"name" json:"name"`
	Position      int    `db:"position" json:"position"`
	ProbabilityBP int    `db:"probability_bp" json:"probabilityBp"`
	Kind          string `db:"kind" json:"kind"`
	Retired       bool   `db:"retired" json:"retired"`
	// SetID is the stage set the stage belongs to; 0 is shared by every type.
	SetID int64 `db:"set_id" json:"setId"`
	// InUse counts the opportunities in this stage (filled by ListStages).
	InUse int `db:"in_use" json:"inUse"`
}

const stageCols = `id, name, position, probability_bp, kind, retired, COALESCE(set_id, 0) AS set_id`

// ListStages returns every stage (retired too) in position order with usage counts.
func ListStages(ctx context.Context, q Querier) ([]Stage, error) {
	out := []Stage{}
	// The usage counts are the kept per-stage counts (migration 0018):
	// counting each stage's rows took 30-40 ms at 1,000,000 opportunities,
	// and every form and the settings screen ask.
	err := q.SelectContext(ctx, &out, `SELECT `+stageCols+`,
		COALESCE((SELECT t.n FROM stage_totals t WHERE t.stage_id = s.id), 0) AS in_use
		FROM stages s ORDER BY position, id`)
	if err != nil {
		return nil, fmt.Errorf("list stages: %w", err)
	}
	return out, nil
}

// OrderedStages returns every stage in position order without usage counts:
// the funnel and the board need only the order, and counting a stage's
// opportunities at 1M rows costs more than their whole filtered query.
func OrderedStages(ctx context.Context, q Querier) ([]Stage, error) {
	out := []Stage{}
	if err := q.SelectContext(ctx, &out, `SELECT `+stageCols+` FROM stages ORDER BY position, id`); err != nil {
		return nil, fmt.Errorf("list stages: %w", err)
	}
	return out, nil
}

// GetStage returns one stage or ErrNotFound.
func GetStage(ctx context.Context, q Querier, id int64) (Stage, error) {
	var s Stage
	err := q.GetContext(ctx, &s, `SELECT `+stageCols+` FROM stages WHERE id = ?`, id)
	return s, notFound(err)
}

// StageByName returns the stage with exactly that name or ErrNotFound.
func StageByName(ctx context.Context, q Querier, name string) (Stage, error) {
	var s Stage
	err := q.GetContext(ctx, &s, `SELECT `+stageCols+` FROM stages WHERE name = ?`, name)
	return s, notFound(err)
}

// StageByKind returns the first stage of a kind; with several outcomes
// prefer FirstStageOfKind, which respects the type's stage set.
func StageByKind(ctx context.Context, q Querier, kind string) (Stage, error) {
	var s Stage
	err := q.GetContext(ctx, &s, `SELECT `+stageCols+` FROM stages WHERE kind = ? ORDER BY position LIMIT 1`, kind)
	return s, notFound(err)
}

// InsertStage adds a stage at s.Position, moving the stages from there on
// one down. Position 0 puts an open stage after the last open stage, just
// before the closed ones, and a closed stage at the end.
func InsertStage(ctx context.Context, q Querier, s Stage) (int64, error) {
	pos := s.Position
	if pos <= 0 {
		first := `(SELECT MIN(position) FROM stages WHERE kind <> 'open')`
		if s.Kind != KindOpen {
			first = `NULL`
		}
		if err := q.GetContext(ctx, &pos, `SELECT COALESCE(`+first+`, (SELECT COALESCE(MAX(position), 0) + 1 FROM stages))`); err != nil {
			return 0, fmt.Errorf("insert stage: %w", err)
		}
	}
	if _, err := q.ExecContext(ctx, `UPDATE stages SET position = position + 1 WHERE position >= ?`, pos); err != nil {
		return 0, fmt.Errorf("insert stage: %w", err)
	}
	res, err := q.ExecContext(ctx, `INSERT INTO stages (name, position, probability_bp, kind, retired)
		VALUES (?, ?, ?, ?, ?)`,
		s.Name, pos, s.ProbabilityBP, s.Kind, boolInt(s.Retired))
	if err != nil {
		return 0, fmt.Errorf("insert stage: %w", err)
	}
	return res.LastInsertId()
}

// UpdateStage changes name, probability, kind and retired flag.
func UpdateStage(ctx context.Context, q Querier, s Stage) error {
	_, err := q.ExecContext(ctx, `UPDATE stages SET name = ?, probability_bp = ?, kind = ?, retired = ? WHERE id = ?`,
		s.Name, s.ProbabilityBP, s.Kind, boolInt(s.Retired), s.ID)
	if err != nil {
		return fmt.Errorf("update stage: %w", err)
	}
	return nil
}

// SetStagePosition moves a stage.
func SetStagePosition(ctx context.Context, q Querier, id int64, pos int) error {
	_, err := q.ExecContext(ctx, `UPDATE stages SET position = ? WHERE id = ?`, pos, id)
	return err
}

// StageUsage counts the opportunities in a stage and in its history.
func StageUsage(ctx context.Context, q Querier, id int64) (int, error) {
	var n int
	err := q.GetContext(ctx, &n, `SELECT (SELECT COUNT(*) FROM opportunities WHERE stage_id = ?)
		+ (SELECT COUNT(*) FROM stage_history WHERE from_stage_id = ? OR to_stage_id = ?)`, id, id, id)
	return n, err
}

// DeleteStage removes a stage nothing refers to.
func DeleteStage(ctx context.Context, q Querier, id int64) error {
	_, err := q.ExecContext(ctx, `DELETE FROM stages WHERE id = ?`, id)
	return err
}
