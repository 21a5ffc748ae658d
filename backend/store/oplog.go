package store

import (
	"context"
	"fmt"
)

// LogEntry is one row of the operation log (操作日志).
type LogEntry struct {
	ID         int64  `db:"id" json:"id"`
	At         string `db:"at" json:"at"`
	Actor      string `db:"actor" json:"actor"`
	OwnerName  string `db:"owner_name" json:"ownerName"`
	Kind       string `db:"kind" json:"kind"`
	RecordID   int64  `db:"record_id" json:"recordId"`
	RecordName string `db:"record_name" json:"recordName"`
	Action     string `db:"action" json:"action"`
	OldJSON    string `db:"old_json" json:"oldJson"`
	NewJSON    string `db:"new_json" json:"newJson"`
	Note       string `db:"note" json:"note"`
}

// InsertLog writes one log row; run it in the transaction of the change.
func InsertLog(ctx context.Context, q Querier, e LogEntry) (int64, error) {
	res, err := q.ExecContext(ctx, `INSERT INTO oplog (at, actor, owner_name, kind, record_id, record_name, action, old_json, new_json, note)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, e.At, e.Actor, e.OwnerName, e.Kind, e.RecordID, e.RecordName, e.Action, e.OldJSON, e.NewJSON, e.Note)
	if err != nil {
		return 0, fmt.Errorf("insert log: %w", err)
	}
	return res.LastInsertId()
}

// LogFilter selects log rows. From and To are dates (YYYY-MM-DD), both
// inclusive; RecordID with Kind selects one record's history.
type LogFilter struct {
	Kind     string
	Action   string
	RecordID int64
	From, To string
	Query    string
	Offset   int
	Limit    int
}

func (f LogFilter) where() where {
	var w where
	if f.Kind != "" {
		w.add("kind = ?", f.Kind)
	}
	if f.Action != "" {
		w.add("action = ?", f.Action)
	}
	if f.RecordID != 0 {
		w.add("record_id = ?", f.RecordID)
	}
	// at is RFC 3339: its first ten characters are the date.
	if f.From != "" {
		w.add("at >= ?", f.From)
	}
	if f.To != "" {
		w.add("at < ?", f.To+"U") // after every time of that day ('T' < 'U')
	}
	w.like(f.Query, "record_name", "owner_name", "old_json", "new_json", "note")
	return w
}

const logCols = `id, at, actor, owner_name, kind, record_id, record_name, action, old_json, new_json, note`

// ListLog returns a page of the log, latest first, and the total.
func ListLog(ctx context.Context, q Querier, f LogFilter) ([]LogEntry, int, error) {
	w := f.where()
	out := []LogEntry{}
	if err := q.SelectContext(ctx, &out, `SELECT `+logCols+` FROM oplog`+w.sql()+` ORDER BY id DESC LIMIT ? OFFSET ?`,
		append(w.args, f.Limit, f.Offset)...); err != nil {
		return nil, 0, fmt.Errorf("list log: %w", err)
	}
	if total, ok := knownTotal(f.Offset, f.Limit, len(out)); ok {
		return out, total, nil
	}
	var n int
	if err := q.GetContext(ctx, &n, `SELECT COUNT(*) FROM oplog`+w.sql(), w.args...); err != nil {
		return nil, 0, fmt.Errorf("count log: %w", err)
	}
	return out, n, nil
}

// EachLog streams the log rows matching f, latest first.
func EachLog(ctx context.Context, q Querier, f LogFilter, fn func(LogEntry) error) error {
	w := f.where()
	rows, err := q.QueryxContext(ctx, `SELECT `+logCols+` FROM oplog`+w.sql()+` ORDER BY id DESC`, w.args...)
	if err != nil {
		return fmt.Errorf("list log: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var e LogEntry
		if err := rows.StructScan(&e); err != nil {
			return err
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return rows.Err()
}
