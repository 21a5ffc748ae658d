package store

import (
	"context"
	"fmt"
)

// Owner is a salesperson (负责人).
type Owner struct {
	ID        int64  `db:"id" json:"id"`
	Name      string `db:"name" json:"name"`
	Active    bool   `db:"active" json:"active"`
	CreatedAt string `db:"created_at" json:"createdAt"`
}

// ListOwners returns the roster by name; inactive ones only when asked.
func ListOwners(ctx context.Context, q Querier, includeInactive bool) ([]Owner, error) {
	out := []Owner{}
	query := `SELECT id, name, active, created_at FROM owners`
	if !includeInactive {
		query += ` WHERE active = 1`
	}
	query += ` ORDER BY name`
	if err := q.SelectContext(ctx, &out, query); err != nil {
		return nil, fmt.Errorf("list owners: %w", err)
	}
	return out, nil
}

// GetOwner returns one owner or ErrNotFound.
func GetOwner(ctx context.Context, q Querier, id int64) (Owner, error) {
	var o Owner
	err := q.GetContext(ctx, &o, `SELECT id, name, active, created_at FROM owners WHERE id = ?`, id)
	return o, notFound(err)
}

// OwnerByName returns the owner with exactly that name or ErrNotFound.
func OwnerByName(ctx context.Context, q Querier, name string) (Owner, error) {
	var o Owner
	err := q.GetContext(ctx, &o, `SELECT id, name, active, created_at FROM owners WHERE name = ?`, name)
	return o, notFound(err)
}

// InsertOwner adds a salesperson.
func InsertOwner(ctx context.Context, q Querier, name string, active bool) (int64, error) {
	res, err := q.ExecContext(ctx, `INSERT INTO owners (name, active, created_at) VALUES (?, ?, ?)`, name, boolInt(active), Now())
	if err != nil {
		return 0, fmt.Errorf("insert owner: %w", err)
	}
	return res.LastInsertId()
}

// UpdateOwner renames or (de)activates a salesperson.
func UpdateOwner(ctx context.Context, q Querier, id int64, name string, active bool) error {
	_, err := q.ExecContext(ctx, `UPDATE owners SET name = ?, active = ? WHERE id = ?`, name, boolInt(active), id)
	if err != nil {
		return fmt.Errorf("update owner: %w", err)
	}
	return nil
}

// OwnerUsage counts the customers and opportunities an owner holds, and
// the pools and teams they manage.
func OwnerUsage(ctx context.Context, q Querier, id int64) (int, error) {
	var n int
	err := q.GetContext(ctx, &n, `SELECT (SELECT COUNT(*) FROM customers WHERE owner_id = ?) + (SELECT COUNT(*) FROM opportunities WHERE owner_id = ?)
		+ (SELECT COUNT(*) FROM pools WHERE manager_id = ?) + (SELECT COUNT(*) FROM teams WHERE manager_id = ?)
		+ (SELECT COUNT(*) FROM tasks WHERE assignee_id = ?)`, id, id, id, id, id)
	return n, err
}

// DeleteOwner removes an owner that holds nothing.
func DeleteOwner(ctx context.Context, q Querier, id int64) error {
	_, err := q.ExecContext(ctx, `DELETE FROM owners WHERE id = ?`, id)
	return err
}
