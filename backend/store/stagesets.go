package store

import (
	"context"
	"fmt"
	"strings"
)

// StageSet is a named set of stages for some opportunity types (项目型 with
// 招投标). Stages without a set are shared by every type; a type in no set
// uses only those.
type StageSet struct {
	ID       int64    `db:"id" json:"id"`
	Name     string   `db:"name" json:"name"`
	Position int      `db:"position" json:"position"`
	Types    []string `db:"-" json:"types"`
}

// ListStageSets returns every stage set with its types, in order.
func ListStageSets(ctx context.Context, q Querier) ([]StageSet, error) {
	out := []StageSet{}
	if err := q.SelectContext(ctx, &out, `SELECT id, name, position FROM stage_sets ORDER BY position, id`); err != nil {
		return nil, fmt.Errorf("list stage sets: %w", err)
	}
	var rows []struct {
		Type  string `db:"type"`
		SetID int64  `db:"set_id"`
	}
	if err := q.SelectContext(ctx, &rows, `SELECT type, set_id FROM stage_set_types ORDER BY type`); err != nil {
		return nil, fmt.Errorf("list stage sets: %w", err)
	}
	by := map[int64]int{}
	for i := range out {
		out[i].Types = []string{}
		by[out[i].ID] = i
	}
	for _, r := range rows {
		if i, ok := by[r.SetID]; ok {
			out[i].Types = append(out[i].Types, r.Type)
		}
	}
	return out, nil
}

// GetStageSet returns one stage set with its types, or ErrNotFound.
func GetStageSet(ctx context.Context, q Querier, id int64) (StageSet, error) {
	var s StageSet
	if err := q.GetContext(ctx, &s, `SELECT id, name, position FROM stage_sets WHERE id = ?`, id); err != nil {
		return s, notFound(err)
	}
	s.Types = []string{}
	err := q.SelectContext(ctx, &s.Types, `SELECT type FROM stage_set_types WHERE set_id = ? ORDER BY type`, id)
	return s, err
}

// StageSetByName returns the set with exactly that name or ErrNotFound.
func StageSetByName(ctx context.Context, q Querier, name string) (StageSet, error) {
	var s StageSet
	err := q.GetContext(ctx, &s, `SELECT id, name, position FROM stage_sets WHERE name = ?`, name)
	return s, notFound(err)
}

// InsertStageSet adds a set after the others.
func InsertStageSet(ctx context.Context, q Querier, name string) (int64, error) {
	res, err := q.ExecContext(ctx, `INSERT INTO stage_sets (name, position)
		VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM stage_sets))`, name)
	if err != nil {
		return 0, fmt.Errorf("insert stage set: %w", err)
	}
	return res.LastInsertId()
}

// RenameStageSet renames a set.
func RenameStageSet(ctx context.Context, q Querier, id int64, name string) error {
	if _, err := q.ExecContext(ctx, `UPDATE stage_sets SET name = ? WHERE id = ?`, name, id); err != nil {
		return fmt.Errorf("rename stage set: %w", err)
	}
	return nil
}

// SetStageSetTypes makes types exactly the types of set id; a type that
// was in another set moves here.
func SetStageSetTypes(ctx context.Context, q Querier, id int64, types []string) error {
	if _, err := q.ExecContext(ctx, `DELETE FROM stage_set_types WHERE set_id = ?`, id); err != nil {
		return fmt.Errorf("stage set types: %w", err)
	}
	for _, t := range types {
		if _, err := q.ExecContext(ctx, `INSERT INTO stage_set_types (type, set_id) VALUES (?, ?)
			ON CONFLICT (type) DO UPDATE SET set_id = excluded.set_id`, t, id); err != nil {
			return fmt.Errorf("stage set types: %w", err)
		}
	}
	return nil
}

// DeleteStageSet removes a set and its type links (its stages must have
// gone or moved first: their foreign key refuses otherwise).
func DeleteStageSet(ctx context.Context, q Querier, id int64) error {
	if _, err := q.ExecContext(ctx, `DELETE FROM stage_sets WHERE id = ?`, id); err != nil {
		return fmt.Errorf("delete stage set: %w", err)
	}
	return nil
}

// StageSetOfType is the id of the set the type belongs to, 0 for none.
func StageSetOfType(ctx context.Context, q Querier, typ string) (int64, error) {
	var id int64
	err := q.GetContext(ctx, &id, `SELECT COALESCE((SELECT set_id FROM stage_set_types WHERE type = ?), 0)`, typ)
	return id, err
}

// SetStageSet puts a stage into set id (0: shared by every type).
func SetStageSet(ctx context.Context, q Querier, stageID, setID int64) error {
	var v any
	if setID != 0 {
		v = setID
	}
	if _, err := q.ExecContext(ctx, `UPDATE stages SET set_id = ? WHERE id = ?`, v, stageID); err != nil {
		return fmt.Errorf("stage set: %w", err)
	}
	return nil
}

// CountStagesInSet counts the stages of a set.
func CountStagesInSet(ctx context.Context, q Querier, setID int64) (int, error) {
	var n int
	err := q.GetContext(ctx, &n, `SELECT COUNT(*) FROM stages WHERE set_id = ?`, setID)
	return n, err
}

// MisplacedTypes lists, with counts, the types of the opportunities in
// stage stageID that set setID (0: every type) would not admit.
func MisplacedTypes(ctx context.Context, q Querier, stageID, setID int64) ([]string, error) {
	if setID == 0 {
		return nil, nil
	}
	out := []string{}
	err := q.SelectContext(ctx, &out, `SELECT DISTINCT o.type FROM opportunities o
		WHERE o.stage_id = ? AND NOT EXISTS (SELECT 1 FROM stage_set_types t WHERE t.type = o.type AND t.set_id = ?)
		ORDER BY o.type LIMIT 5`, stageID, setID)
	return out, err
}

// StagesBlockingTypes lists the stages outside set setID that hold
// opportunities of the given types: moving those types into the set would
// leave them in a stage their type may not use.
func StagesBlockingTypes(ctx context.Context, q Querier, setID int64, types []string) ([]string, error) {
	if len(types) == 0 {
		return nil, nil
	}
	c, args := inStrings("o.type", types)
	out := []string{}
	err := q.SelectContext(ctx, &out, `SELECT DISTINCT s.name FROM opportunities o JOIN stages s ON s.id = o.stage_id
		WHERE `+c+` AND s.set_id IS NOT NULL AND s.set_id <> ? ORDER BY s.position LIMIT 5`, append(args, setID)...)
	return out, err
}

// StagesOfSetTypesLeaving lists the stages of set setID that hold
// opportunities whose type is not in keep: removing those types from the
// set would strand them.
func StagesOfSetTypesLeaving(ctx context.Context, q Querier, setID int64, keep []string) ([]string, error) {
	cond := ""
	args := []any{setID}
	if len(keep) > 0 {
		c, a := inStrings("o.type", keep)
		cond = " AND NOT " + c
		args = append(args, a...)
	}
	out := []string{}
	err := q.SelectContext(ctx, &out, `SELECT DISTINCT s.name FROM opportunities o JOIN stages s ON s.id = o.stage_id
		WHERE s.set_id = ?`+cond+` ORDER BY s.position LIMIT 5`, args...)
	return out, err
}

// FirstStageOfKind returns the first active stage of a kind that set setID
// admits (shared stages, and the set's own when setID is not 0).
func FirstStageOfKind(ctx context.Context, q Querier, kind string, setID int64) (Stage, error) {
	var s Stage
	err := q.GetContext(ctx, &s, `SELECT `+stageCols+` FROM stages WHERE kind = ? AND retired = 0
		AND (set_id IS NULL OR set_id = ?) ORDER BY position, id LIMIT 1`, kind, setID)
	return s, notFound(err)
}

// CountSharedOfKind counts the active shared stages of a kind, other than
// except: every type must always have somewhere to be won and lost.
func CountSharedOfKind(ctx context.Context, q Querier, kind string, except int64) (int, error) {
	var n int
	err := q.GetContext(ctx, &n, `SELECT COUNT(*) FROM stages WHERE kind = ? AND set_id IS NULL AND retired = 0 AND id <> ?`, kind, except)
	return n, err
}

// OppContact is a contact of the customer involved in an opportunity.
type OppContact struct {
	ContactID int64  `db:"contact_id" json:"contactId"`
	Name      string `db:"name" json:"name"`
	Role      string `db:"role" json:"role"`
}

// OppStaff is a salesperson involved besides the owner (相关员工).
type OppStaff struct {
	OwnerID int64  `db:"owner_id" json:"ownerId"`
	Name    string `db:"name" json:"name"`
}

// OpportunityPeople returns an opportunity's contacts and staff.
func OpportunityPeople(ctx context.Context, q Querier, id int64) ([]OppContact, []OppStaff, error) {
	contacts, staff := []OppContact{}, []OppStaff{}
	if err := q.SelectContext(ctx, &contacts, `SELECT x.contact_id, c.name, x.role FROM opportunity_contacts x
		JOIN contacts c ON c.id = x.contact_id WHERE x.opportunity_id = ? ORDER BY c.name, x.contact_id`, id); err != nil {
		return nil, nil, fmt.Errorf("opportunity contacts: %w", err)
	}
	if err := q.SelectContext(ctx, &staff, `SELECT x.owner_id, w.name FROM opportunity_staff x
		JOIN owners w ON w.id = x.owner_id WHERE x.opportunity_id = ? ORDER BY w.name, x.owner_id`, id); err != nil {
		return nil, nil, fmt.Errorf("opportunity staff: %w", err)
	}
	return contacts, staff, nil
}

// LoadOpportunityPeople fills o's texts of contacts and staff.
func LoadOpportunityPeople(ctx context.Context, q Querier, o *Opportunity) error {
	contacts, staff, err := OpportunityPeople(ctx, q, o.ID)
	if err != nil {
		return err
	}
	var parts []string
	for _, c := range contacts {
		if c.Role != "" {
			parts = append(parts, c.Name+"（"+c.Role+"）")
		} else {
			parts = append(parts, c.Name)
		}
	}
	o.ContactsText = strings.Join(parts, "、")
	parts = parts[:0]
	for _, w := range staff {
		parts = append(parts, w.Name)
	}
	o.StaffText = strings.Join(parts, "、")
	return nil
}

// SetOpportunityPeople replaces an opportunity's contacts and staff.
func SetOpportunityPeople(ctx context.Context, q Querier, id int64, contacts []OppContact, staff []int64) error {
	if _, err := q.ExecContext(ctx, `DELETE FROM opportunity_contacts WHERE opportunity_id = ?`, id); err != nil {
		return fmt.Errorf("opportunity contacts: %w", err)
	}
	if _, err := q.ExecContext(ctx, `DELETE FROM opportunity_staff WHERE opportunity_id = ?`, id); err != nil {
		return fmt.Errorf("opportunity staff: %w", err)
	}
	for _, c := range contacts {
		if _, err := q.ExecContext(ctx, `INSERT INTO opportunity_contacts (opportunity_id, contact_id, role) VALUES (?, ?, ?)`,
			id, c.ContactID, c.Role); err != nil {
			return fmt.Errorf("opportunity contacts: %w", err)
		}
	}
	for _, w := range staff {
		if _, err := q.ExecContext(ctx, `INSERT INTO opportunity_staff (opportunity_id, owner_id) VALUES (?, ?)`, id, w); err != nil {
			return fmt.Errorf("opportunity staff: %w", err)
		}
	}
	return nil
}

// StageSetTypes maps each type that belongs to a stage set to the set's id
// (a type missing from the map uses the shared stages only).
func StageSetTypes(ctx context.Context, q Querier) (map[string]int64, error) {
	var rows []struct {
		Type  string `db:"type"`
		SetID int64  `db:"set_id"`
	}
	if err := q.SelectContext(ctx, &rows, `SELECT type, set_id FROM stage_set_types`); err != nil {
		return nil, fmt.Errorf("stage set types: %w", err)
	}
	out := make(map[string]int64, len(rows))
	for _, r := range rows {
		out[r.Type] = r.SetID
	}
	return out, nil
}

// StagesOfKind returns the active stages of a kind that set setID admits
// (shared stages, and the set's own when setID is not 0), in funnel order:
// the won outcomes an opportunity of the set's types may take.
func StagesOfKind(ctx context.Context, q Querier, kind string, setID int64) ([]Stage, error) {
	out := []Stage{}
	err := q.SelectContext(ctx, &out, `SELECT `+stageCols+` FROM stages WHERE kind = ? AND retired = 0
		AND (set_id IS NULL OR set_id = ?) ORDER BY position, id`, kind, setID)
	if err != nil {
		return nil, fmt.Errorf("stages of kind: %w", err)
	}
	return out, nil
}
