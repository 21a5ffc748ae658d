package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/user"
	"sync"

	"github.com/mattn/go-sqlite3"
)

// writerDriver is the SQLite driver of the writer connection: the plain
// driver plus fd_now() and fd_actor(), which the field history triggers
// (migration 0020) stamp their rows with. Registered functions live on a
// connection, and only the writer's connection writes.
const writerDriver = "sqlite3_funneldesk"

func init() {
	sql.Register(writerDriver, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		if err := c.RegisterFunc("fd_now", Now, false); err != nil {
			return err
		}
		return c.RegisterFunc("fd_actor", Actor, true)
	}})
}

// Actor is who is at the keyboard: the OS user, as the operation log
// names it.
func Actor() string { return actor() }

var actor = sync.OnceValue(func() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	if n := os.Getenv("USER"); n != "" {
		return n
	}
	return os.Getenv("USERNAME")
})

// Fields of the field history.
const (
	FieldAmount      = "amount"
	FieldProbability = "probability"
	FieldClose       = "close"
	FieldOwner       = "owner"
)

// FieldChange is one row of an opportunity's field history. Old and New
// are the values as stored (cents, basis points, YYYY-MM-DD, owner id);
// OldText and NewText are the owner's names for an owner change.
type FieldChange struct {
	ID        int64  `db:"id" json:"id"`
	Field     string `db:"field" json:"field"`
	Old       any    `db:"old_value" json:"old"`
	New       any    `db:"new_value" json:"new"`
	OldText   string `db:"old_text" json:"oldText"`
	NewText   string `db:"new_text" json:"newText"`
	ChangedAt string `db:"changed_at" json:"changedAt"`
	ChangedBy string `db:"changed_by" json:"changedBy"`
}

// ListFieldChanges returns an opportunity's field history, newest first.
func ListFieldChanges(ctx context.Context, q Querier, oppID int64) ([]FieldChange, error) {
	out := []FieldChange{}
	err := q.SelectContext(ctx, &out, `SELECT h.id, h.field, h.old_value, h.new_value,
		CASE WHEN h.field = 'owner' THEN COALESCE((SELECT name FROM owners WHERE id = h.old_value), '') ELSE '' END AS old_text,
		CASE WHEN h.field = 'owner' THEN COALESCE((SELECT name FROM owners WHERE id = h.new_value), '') ELSE '' END AS new_text,
		h.changed_at, h.changed_by
		FROM opportunity_field_history h WHERE h.opportunity_id = ? ORDER BY h.id DESC`, oppID)
	if err != nil {
		return nil, fmt.Errorf("field history: %w", err)
	}
	for i := range out {
		// SQLite hands text back as []byte through an untyped column.
		if b, ok := out[i].Old.([]byte); ok {
			out[i].Old = string(b)
		}
		if b, ok := out[i].New.([]byte); ok {
			out[i].New = string(b)
		}
	}
	return out, nil
}
