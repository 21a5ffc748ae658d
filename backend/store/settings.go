package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// GetSetting returns a setting's value, or def when unset.
func GetSetting(ctx context.Context, q Querier, key, def string) (string, error) {
	var v string
	err := q.GetContext(ctx, &v, `SELECT value FROM settings WHERE key = ?`, key)
	if errors.Is(err, sql.ErrNoRows) {
		return def, nil
	}
	return v, err
}

// SetSetting writes a setting.
func SetSetting(ctx context.Context, q Querier, key, value string) error {
	_, err := q.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, key, value)
	if err != nil {
		return fmt.Errorf("set %s: %w", key, err)
	}
	return nil
}

// SavedView is a named opportunity filter.
type SavedView struct {
	ID         int64  `db:"id" json:"id"`
	Name       string `db:"name" json:"name"`
	FilterJSON string `db:"filter_json" json:"-"`
	CreatedAt  string `db:"created_at" json:"createdAt"`
}

// ListSavedViews returns the saved views by name.
func ListSavedViews(ctx context.Context, q Querier) ([]SavedView, error) {
	out := []SavedView{}
	err := q.SelectContext(ctx, &out, `SELECT id, name, filter_json, created_at FROM saved_views ORDER BY name`)
	return out, err
}

// SavedViewByName returns the view with that name or ErrNotFound.
func SavedViewByName(ctx context.Context, q Querier, name string) (SavedView, error) {
	var v SavedView
	err := q.GetContext(ctx, &v, `SELECT id, name, filter_json, created_at FROM saved_views WHERE name = ?`, name)
	return v, notFound(err)
}

// UpsertSavedView creates or replaces the view with that name.
func UpsertSavedView(ctx context.Context, q Querier, name, filterJSON string) (int64, error) {
	_, err := q.ExecContext(ctx, `INSERT INTO saved_views (name, filter_json, created_at) VALUES (?, ?, ?)
		ON CONFLICT(name) DO UPDATE SET filter_json = excluded.filter_json`, name, filterJSON, Now())
	if err != nil {
		return 0, fmt.Errorf("save view: %w", err)
	}
	v, err := SavedViewByName(ctx, q, name)
	return v.ID, err
}

// DeleteSavedView removes a saved view; it reports whether one existed.
func DeleteSavedView(ctx context.Context, q Querier, id int64) (bool, error) {
	res, err := q.ExecContext(ctx, `DELETE FROM saved_views WHERE id = ?`, id)
	if err != nil {
		return false, err
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

// IsEmpty reports whether the database holds no customers and no opportunities.
func IsEmpty(ctx context.Context, q Querier) (bool, error) {
	var n int
	// EXISTS, not COUNT: the settings are read at every start, and a count
	// walks a whole index (1M rows: tens of ms, far more from a cold disk).
	err := q.GetContext(ctx, &n, `SELECT EXISTS (SELECT 1 FROM customers) OR EXISTS (SELECT 1 FROM opportunities)`)
	return n == 0, err
}

// The order-wins setting: what saving an order made from an open
// opportunity does to that opportunity.
const (
	SettingOrderWins = "order_wins"
	OrderWinsAsk     = "ask"    // the UI asks (default)
	OrderWinsAlways  = "always" // it is marked won with the order
	OrderWinsNever   = "never"  // it is left alone
)
