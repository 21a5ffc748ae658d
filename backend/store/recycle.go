package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
)

// Bundle is every row one delete takes out of the database: the record,
// what cascades from it and what it owns, table by table in the order they
// go back in (parents first). Links are the references other rows held to
// it that the delete set to NULL (a quote's opportunity), set again on
// restore when the row is still there and still unlinked.
type Bundle struct {
	Tables []BundleTable `json:"tables"`
	Links  []Link        `json:"links,omitempty"`
	// Seq is the last id the root's table had handed out at the delete:
	// rows with a higher id were made since (ids are never reused).
	Seq int64 `json:"seq"`
}

// BundleTable holds the rows of one table, as columns and values.
type BundleTable struct {
	Table   string   `json:"table"`
	Columns []string `json:"columns"`
	Rows    [][]any  `json:"rows"`
}

// Link is a reference a delete set to NULL.
type Link struct {
	Table  string `json:"table"`
	Column string `json:"column"`
	ID     int64  `json:"id"`
	Value  int64  `json:"value"`
}

// Counts returns how many rows of each table the bundle holds besides its
// root (the first row of the first table).
func (b Bundle) Counts() map[string]int {
	out := map[string]int{}
	for i, t := range b.Tables {
		n := len(t.Rows)
		if i == 0 {
			n--
		}
		if n > 0 {
			out[t.Table] += n
		}
	}
	return out
}

// ownedBy are the rows deleted with their parent although their foreign key
// does not cascade: the key guards against deleting the parent by mistake,
// but a delete into the bin takes them along and gives them back together.
var ownedBy = map[string][]fkRef{
	"customers": {{table: "opportunities", from: "customer_id", to: "id"}},
	"orders":    {{table: "order_lines", from: "order_id", to: "id"}, {table: "installments", from: "order_id", to: "id"}},
}

type fkRef struct {
	table, from, to, onDelete string
}

// foreignKeys maps each table to the keys that reference it, read from the
// schema so that tables other migrations add (a follow-up on an opportunity,
// a pool's history) go into the bin with their parent if they cascade.
func foreignKeys(ctx context.Context, q Querier) (map[string][]fkRef, error) {
	var rows []struct {
		Table    string `db:"t"`
		Parent   string `db:"parent"`
		From     string `db:"from_col"`
		To       string `db:"to_col"`
		OnDelete string `db:"on_delete"`
	}
	err := q.SelectContext(ctx, &rows, `SELECT m.name AS t, f."table" AS parent, f."from" AS from_col,
		COALESCE(f."to", 'id') AS to_col, f.on_delete AS on_delete
		FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table' ORDER BY m.name, f.id`)
	if err != nil {
		return nil, fmt.Errorf("foreign keys: %w", err)
	}
	out := map[string][]fkRef{}
	for _, r := range rows {
		out[r.Parent] = append(out[r.Parent], fkRef{table: r.Table, from: r.From, to: r.To, onDelete: strings.ToUpper(r.OnDelete)})
	}
	return out, nil
}

type collector struct {
	ctx    context.Context
	q      Querier
	fks    map[string][]fkRef
	tables map[string]*BundleTable
	depth  map[string]int
	order  []string
	seen   map[string]map[string]bool
	links  []Link
}

// CaptureBundle reads the rows of table with the given ids and everything
// that goes with them, without changing anything.
func CaptureBundle(ctx context.Context, q Querier, table string, ids []int64) (Bundle, error) {
	fks, err := foreignKeys(ctx, q)
	if err != nil {
		return Bundle{}, err
	}
	c := &collector{ctx: ctx, q: q, fks: fks, tables: map[string]*BundleTable{}, depth: map[string]int{}, seen: map[string]map[string]bool{}}
	vals := make([]any, len(ids))
	for i, id := range ids {
		vals[i] = id
	}
	if err := c.visit(table, "id", vals, 0); err != nil {
		return Bundle{}, err
	}
	if len(c.tables[table].Rows) != len(ids) {
		return Bundle{}, ErrNotFound
	}
	order := append([]string(nil), c.order...)
	sort.SliceStable(order, func(i, j int) bool { return c.depth[order[i]] < c.depth[order[j]] })
	var b Bundle
	for _, t := range order {
		b.Tables = append(b.Tables, *c.tables[t])
	}
	b.Links = c.links
	if err := q.GetContext(ctx, &b.Seq, `SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence WHERE name = ?`, table); err != nil {
		return Bundle{}, fmt.Errorf("bundle seq: %w", err)
	}
	return b, nil
}

func (c *collector) visit(table, col string, vals []any, depth int) error {
	if len(vals) == 0 {
		return nil
	}
	if depth > 16 {
		return fmt.Errorf("bundle %s: references nest too deep", table)
	}
	bt := c.tables[table]
	if bt == nil {
		bt = &BundleTable{Table: table, Rows: [][]any{}}
		c.tables[table] = bt
		c.seen[table] = map[string]bool{}
		c.order = append(c.order, table)
	}
	if depth > c.depth[table] {
		c.depth[table] = depth
	}
	var found [][]any
	for start := 0; start < len(vals); start += 500 {
		chunk := vals[start:min(start+500, len(vals))]
		rows, err := c.q.QueryxContext(c.ctx, `SELECT * FROM `+quoteIdent(table)+` WHERE `+quoteIdent(col)+` IN (?`+strings.Repeat(",?", len(chunk)-1)+`)`, chunk...)
		if err != nil {
			return fmt.Errorf("bundle %s: %w", table, err)
		}
		cols, err := rows.Columns()
		if err != nil {
			rows.Close()
			return err
		}
		bt.Columns = cols
		for rows.Next() {
			r, err := rows.SliceScan()
			if err != nil {
				rows.Close()
				return err
			}
			for i, v := range r {
				if b, ok := v.([]byte); ok {
					r[i] = string(b)
				}
			}
			key := fmt.Sprint(r...)
			if c.seen[table][key] {
				continue
			}
			c.seen[table][key] = true
			bt.Rows = append(bt.Rows, r)
			found = append(found, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	if len(found) == 0 {
		return nil
	}
	children := append(append([]fkRef(nil), c.fks[table]...), ownedBy[table]...)
	for _, ch := range children {
		idx := indexOf(bt.Columns, ch.to)
		if idx < 0 {
			continue
		}
		keys := make([]any, len(found))
		for i, r := range found {
			keys[i] = r[idx]
		}
		switch {
		case ch.onDelete == "SET NULL":
			if err := c.link(ch, keys); err != nil {
				return err
			}
		case ch.onDelete == "CASCADE" || ch.onDelete == "":
			if err := c.visit(ch.table, ch.from, keys, depth+1); err != nil {
				return err
			}
		}
	}
	return nil
}

// link remembers which rows referenced the bundle through a SET NULL key.
func (c *collector) link(ch fkRef, keys []any) error {
	for start := 0; start < len(keys); start += 500 {
		chunk := keys[start:min(start+500, len(keys))]
		var rows []struct {
			ID    int64 `db:"id"`
			Value int64 `db:"v"`
		}
		err := c.q.SelectContext(c.ctx, &rows, `SELECT id, `+quoteIdent(ch.from)+` AS v FROM `+quoteIdent(ch.table)+
			` WHERE `+quoteIdent(ch.from)+` IN (?`+strings.Repeat(",?", len(chunk)-1)+`)`, chunk...)
		if err != nil {
			return fmt.Errorf("bundle links %s.%s: %w", ch.table, ch.from, err)
		}
		for _, r := range rows {
			c.links = append(c.links, Link{Table: ch.table, Column: ch.from, ID: r.ID, Value: r.Value})
		}
	}
	return nil
}

// RemoveBundle deletes the rows of b, children first.
func RemoveBundle(ctx context.Context, q Querier, b Bundle) error {
	for i := len(b.Tables) - 1; i >= 0; i-- {
		t := b.Tables[i]
		pk, err := primaryKey(ctx, q, t.Table)
		if err != nil {
			return err
		}
		idx := make([]int, len(pk))
		conds := make([]string, len(pk))
		for j, k := range pk {
			if idx[j] = indexOf(t.Columns, k); idx[j] < 0 {
				return fmt.Errorf("remove %s: no key column %s", t.Table, k)
			}
			conds[j] = quoteIdent(k) + " = ?"
		}
		stmt := `DELETE FROM ` + quoteIdent(t.Table) + ` WHERE ` + strings.Join(conds, " AND ")
		for _, r := range t.Rows {
			args := make([]any, len(idx))
			for j, ix := range idx {
				args[j] = r[ix]
			}
			if _, err := q.ExecContext(ctx, stmt, args...); err != nil {
				return fmt.Errorf("remove %s: %w", t.Table, err)
			}
		}
	}
	return nil
}

// MissingParent is a row a bundle refers to that is no longer there.
type MissingParent struct {
	Table string
	ID    int64
}

func (m *MissingParent) Error() string { return fmt.Sprintf("missing %s %d", m.Table, m.ID) }

// ErrUniqueTaken is returned by RestoreBundle when a unique value of the
// bundle (a product code, a number) has been given to another row since.
var ErrUniqueTaken = errors.New("unique value taken")

// RestoreBundle puts the rows of b back, ids included, and relinks what
// still exists. A row whose parent has gone (an opportunity whose customer
// is in the bin, a salesperson deleted since) stops it with *MissingParent,
// the first one found, before anything is written.
func RestoreBundle(ctx context.Context, q Querier, b Bundle) error {
	in := map[string]map[string]bool{} // table → column → values present in the bundle
	has := func(table, col string, v any) bool {
		t := in[table+"."+col]
		return t != nil && t[fmt.Sprint(v)]
	}
	for _, t := range b.Tables {
		for ci, col := range t.Columns {
			m := map[string]bool{}
			for _, r := range t.Rows {
				m[fmt.Sprint(r[ci])] = true
			}
			in[t.Table+"."+col] = m
		}
	}
	fks, err := foreignKeys(ctx, q)
	if err != nil {
		return err
	}
	parents := map[string][]fkRef{} // child table → keys it holds
	for parent, refs := range fks {
		for _, r := range refs {
			parents[r.table] = append(parents[r.table], fkRef{table: parent, from: r.from, to: r.to})
		}
	}
	for _, t := range b.Tables {
		for _, p := range parents[t.Table] {
			ci := indexOf(t.Columns, p.from)
			if ci < 0 {
				continue
			}
			for _, r := range t.Rows {
				v := r[ci]
				if v == nil || has(p.table, p.to, v) {
					continue
				}
				var n int
				if err := q.GetContext(ctx, &n, `SELECT COUNT(*) FROM `+quoteIdent(p.table)+` WHERE `+quoteIdent(p.to)+` = ?`, v); err != nil {
					return fmt.Errorf("restore check %s: %w", p.table, err)
				}
				if n == 0 {
					id, _ := v.(int64)
					return &MissingParent{Table: p.table, ID: id}
				}
			}
		}
	}
	for _, t := range b.Tables {
		live, err := tableColumns(ctx, q, t.Table)
		if err != nil {
			return err
		}
		// Columns dropped by a later migration are left out; columns it
		// added take their defaults.
		var cols []string
		var idx []int
		for i, c := range t.Columns {
			if live[c] {
				cols = append(cols, quoteIdent(c))
				idx = append(idx, i)
			}
		}
		stmt := `INSERT INTO ` + quoteIdent(t.Table) + ` (` + strings.Join(cols, ", ") + `) VALUES (?` + strings.Repeat(", ?", len(cols)-1) + `)`
		for _, r := range t.Rows {
			args := make([]any, len(idx))
			for j, i := range idx {
				args[j] = r[i]
			}
			if _, err := q.ExecContext(ctx, stmt, args...); err != nil {
				if strings.Contains(err.Error(), "UNIQUE constraint failed") {
					return fmt.Errorf("restore %s: %w: %v", t.Table, ErrUniqueTaken, err)
				}
				return fmt.Errorf("restore %s: %w", t.Table, err)
			}
		}
	}
	for _, l := range b.Links {
		if _, err := q.ExecContext(ctx, `UPDATE `+quoteIdent(l.Table)+` SET `+quoteIdent(l.Column)+` = ? WHERE id = ? AND `+quoteIdent(l.Column)+` IS NULL`, l.Value, l.ID); err != nil {
			return fmt.Errorf("relink %s: %w", l.Table, err)
		}
	}
	return nil
}

// DecodeBundle reads a bundle written by json.Marshal, keeping integers
// exact (json would make them float64).
func DecodeBundle(payload string) (Bundle, error) {
	var b Bundle
	d := json.NewDecoder(bytes.NewReader([]byte(payload)))
	d.UseNumber()
	if err := d.Decode(&b); err != nil {
		return b, fmt.Errorf("bundle: %w", err)
	}
	for _, t := range b.Tables {
		for _, r := range t.Rows {
			for i, v := range r {
				if n, ok := v.(json.Number); ok {
					if iv, err := n.Int64(); err == nil {
						r[i] = iv
					} else if fv, err := n.Float64(); err == nil {
						r[i] = fv
					}
				}
			}
		}
	}
	return b, nil
}

func primaryKey(ctx context.Context, q Querier, table string) ([]string, error) {
	var cols []struct {
		Name string `db:"name"`
		PK   int    `db:"pk"`
	}
	if err := q.SelectContext(ctx, &cols, `SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk`, table); err != nil {
		return nil, fmt.Errorf("key of %s: %w", table, err)
	}
	if len(cols) == 0 {
		return []string{"rowid"}, nil
	}
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Name
	}
	return out, nil
}

func tableColumns(ctx context.Context, q Querier, table string) (map[string]bool, error) {
	var names []string
	if err := q.SelectContext(ctx, &names, `SELECT name FROM pragma_table_info(?)`, table); err != nil {
		return nil, fmt.Errorf("columns of %s: %w", table, err)
	}
	out := map[string]bool{}
	for _, n := range names {
		out[n] = true
	}
	return out, nil
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

func indexOf(xs []string, s string) int {
	for i, x := range xs {
		if x == s {
			return i
		}
	}
	return -1
}

// BinEntry is one delete in the recycle bin.
type BinEntry struct {
	ID        int64  `db:"id" json:"id"`
	Kind      string `db:"kind" json:"kind"`
	RecordID  int64  `db:"record_id" json:"recordId"`
	Name      string `db:"name" json:"name"`
	HeldJSON  string `db:"held_json" json:"-"`
	Payload   string `db:"payload" json:"-"`
	DeletedAt string `db:"deleted_at" json:"deletedAt"`
	// Held counts what went with it, by table.
	Held map[string]int `db:"-" json:"held"`
}

// InsertBin puts a captured bundle into the bin.
func InsertBin(ctx context.Context, q Querier, kind string, recordID int64, name string, b Bundle, at time.Time) (int64, error) {
	held, err := json.Marshal(b.Counts())
	if err != nil {
		return 0, err
	}
	payload, err := json.Marshal(b)
	if err != nil {
		return 0, err
	}
	res, err := q.ExecContext(ctx, `INSERT INTO recycle_bin (kind, record_id, name, held_json, payload, deleted_at) VALUES (?, ?, ?, ?, ?, ?)`,
		kind, recordID, name, string(held), string(payload), at.Format(time.RFC3339))
	if err != nil {
		return 0, fmt.Errorf("insert bin: %w", err)
	}
	return res.LastInsertId()
}

// BinFilter selects bin entries.
type BinFilter struct {
	Kind   string
	Query  string
	Offset int
	Limit  int
}

// ListBin returns a page of the bin, latest delete first, and the total.
func ListBin(ctx context.Context, q Querier, f BinFilter) ([]BinEntry, int, error) {
	var w where
	if f.Kind != "" {
		w.add("kind = ?", f.Kind)
	}
	w.like(f.Query, "name")
	out := []BinEntry{}
	if err := q.SelectContext(ctx, &out, `SELECT id, kind, record_id, name, held_json, '' AS payload, deleted_at FROM recycle_bin`+
		w.sql()+` ORDER BY deleted_at DESC, id DESC LIMIT ? OFFSET ?`, append(w.args, f.Limit, f.Offset)...); err != nil {
		return nil, 0, fmt.Errorf("list bin: %w", err)
	}
	for i := range out {
		out[i].Held = map[string]int{}
		json.Unmarshal([]byte(out[i].HeldJSON), &out[i].Held)
	}
	var n int
	if err := q.GetContext(ctx, &n, `SELECT COUNT(*) FROM recycle_bin`+w.sql(), w.args...); err != nil {
		return nil, 0, fmt.Errorf("count bin: %w", err)
	}
	return out, n, nil
}

// GetBin returns one bin entry with its payload.
func GetBin(ctx context.Context, q Querier, id int64) (BinEntry, error) {
	var e BinEntry
	err := q.GetContext(ctx, &e, `SELECT id, kind, record_id, name, held_json, payload, deleted_at FROM recycle_bin WHERE id = ?`, id)
	if err == nil {
		e.Held = map[string]int{}
		json.Unmarshal([]byte(e.HeldJSON), &e.Held)
	}
	return e, notFound(err)
}

// BinHolding returns the latest bin entry whose record is kind/recordID, or
// ErrNotFound.
func BinHolding(ctx context.Context, q Querier, kind string, recordID int64) (BinEntry, error) {
	var e BinEntry
	err := q.GetContext(ctx, &e, `SELECT id, kind, record_id, name, held_json, '' AS payload, deleted_at FROM recycle_bin
		WHERE kind = ? AND record_id = ? ORDER BY id DESC LIMIT 1`, kind, recordID)
	return e, notFound(err)
}

// DeleteBin removes bin entries for good; it returns how many there were.
func DeleteBin(ctx context.Context, q Querier, ids []int64) (int, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	c, args := inInts("id", ids)
	res, err := q.ExecContext(ctx, `DELETE FROM recycle_bin WHERE `+c, args...)
	if err != nil {
		return 0, fmt.Errorf("delete bin: %w", err)
	}
	n, err := res.RowsAffected()
	return int(n), err
}

// BinDeletedBefore returns the ids of the entries deleted before t.
func BinDeletedBefore(ctx context.Context, q Querier, t time.Time) ([]int64, error) {
	var rows []struct {
		ID int64  `db:"id"`
		At string `db:"deleted_at"`
	}
	if err := q.SelectContext(ctx, &rows, `SELECT id, deleted_at FROM recycle_bin`); err != nil {
		return nil, fmt.Errorf("bin dates: %w", err)
	}
	// Parsed, not compared as text: the offset in the stored time follows
	// the zone the app ran in.
	out := []int64{}
	for _, r := range rows {
		at, err := time.Parse(time.RFC3339, r.At)
		if err == nil && at.Before(t) {
			out = append(out, r.ID)
		}
	}
	return out, nil
}

// AllBinIDs returns the id of every bin entry.
func AllBinIDs(ctx context.Context, q Querier) ([]int64, error) {
	out := []int64{}
	err := q.SelectContext(ctx, &out, `SELECT id FROM recycle_bin ORDER BY id`)
	return out, err
}
