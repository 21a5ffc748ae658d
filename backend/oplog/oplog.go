// Package oplog keeps the operation log (操作日志): who changed what and
// when, with the values before and after. Services call Record inside the
// transaction of the change, so a change that rolls back leaves no log row
// and a committed one always has its row.
package oplog

import (
	"context"
	"encoding/json"
	"os"
	"os/user"
	"reflect"
	"sync"
	"time"

	"funneldesk/backend/store"
)

// Actions of the log.
const (
	Create  = "create"
	Update  = "update"
	Delete  = "delete"
	Stage   = "stage"   // an opportunity moved to another stage
	Import  = "import"  // a file imported
	Restore = "restore" // back from the recycle bin
	Purge   = "purge"   // deleted for good from the recycle bin
	Reorder = "reorder" // the funnel's stages put in another order
	// Pool actions on a customer (公海池), one entry each.
	Claim       = "claim"
	Assign      = "assign"
	PoolReturn  = "pool_return"
	Void        = "void"
	PoolRestore = "pool_restore"
	PoolMove    = "pool_move"
	PoolRecycle = "pool_recycle" // taken back by a recycle rule
	// BackupRestore is the whole file replaced by a backup.
	BackupRestore = "backup_restore"
)

// Actions lists every action, for the list screen's filter.
var Actions = []string{Create, Update, Delete, Stage, Import, Restore, Purge, BackupRestore, Reorder, Claim, Assign, PoolReturn, Void, PoolRestore, PoolMove, PoolRecycle}

// Kinds of record the log names.
var Kinds = []string{"customer", "contact", "followup", "opportunity", "product", "quote", "order", "import", "backup",
	"receipt", "invoice", "return", "category", "pricelist", "owner", "stage", "team", "settings", "lead",
	"target", "task", "action"}

// Entry is one change to record. Old and New are the record before and
// after (structs or maps; nil when there is none): an update keeps only the
// fields that changed. Owner is the salesperson the user acted for, when the
// record has one. At zero means now (store.Now, which the test clock moves).
type Entry struct {
	Kind   string
	ID     int64
	Name   string
	Action string
	Owner  string
	Old    any
	New    any
	Note   string
	At     time.Time
}

// ignored are fields whose change is a consequence, not an edit.
var ignored = map[string]bool{"updatedAt": true, "updated_at": true, "name_py": true, "name_initials": true, "namePy": true, "nameInitials": true}

// Record writes e to the log through q, the transaction of the change. An
// update that changed nothing is not logged.
func Record(ctx context.Context, q store.Querier, e Entry) error {
	oldM, err := toMap(e.Old)
	if err != nil {
		return err
	}
	newM, err := toMap(e.New)
	if err != nil {
		return err
	}
	if e.Action == Update && oldM != nil && newM != nil {
		for k, v := range newM {
			if ov, ok := oldM[k]; (ok && reflect.DeepEqual(ov, v)) || ignored[k] {
				delete(newM, k)
				delete(oldM, k)
			}
		}
		for k := range oldM {
			if _, ok := newM[k]; !ok {
				delete(oldM, k)
			}
		}
		if len(newM) == 0 {
			return nil
		}
	}
	at := store.Now()
	if !e.At.IsZero() {
		at = e.At.Format(time.RFC3339)
	}
	_, err = store.InsertLog(ctx, q, store.LogEntry{At: at, Actor: Actor(), OwnerName: e.Owner, Kind: e.Kind,
		RecordID: e.ID, RecordName: e.Name, Action: e.Action, OldJSON: encode(oldM), NewJSON: encode(newM), Note: e.Note})
	return err
}

func toMap(v any) (map[string]any, error) {
	if v == nil {
		return nil, nil
	}
	if rv := reflect.ValueOf(v); (rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Map) && rv.IsNil() {
		return nil, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	m := map[string]any{}
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	return m, nil
}

// encode writes m with its keys sorted ("" for nil), so equal values give
// equal text.
func encode(m map[string]any) string {
	if m == nil {
		return ""
	}
	b, _ := json.Marshal(m) // encoding/json sorts map keys
	return string(b)
}

var actor = sync.OnceValue(func() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	if n := os.Getenv("USER"); n != "" {
		return n
	}
	return os.Getenv("USERNAME")
})

// Actor is who uses this single-user app: the operating system's user.
func Actor() string { return actor() }

// Setting records a change of a setting that changes behaviour; key names
// it as a field of the "settings" kind. Unchanged, nothing is logged.
func Setting(ctx context.Context, q store.Querier, key string, old, new any) error {
	return Record(ctx, q, Entry{Kind: "settings", Action: Update, Old: map[string]any{key: old}, New: map[string]any{key: new}})
}

// Doc is a document (a quote, an order) with its lines, as one logged value,
// so that an edit of the lines shows in the log beside the header.
func Doc(header, lines any) map[string]any {
	m, err := toMap(header)
	if err != nil || m == nil {
		m = map[string]any{}
	}
	m["lines"] = lines
	return m
}
