package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/jmoiron/sqlx"

	"funneldesk/backend/pinyin"
)

// OppKey is what finds an imported opportunity again: the other system's
// id, else its name, customer and expected close date.
type OppKey struct {
	ID            int64  `db:"id"`
	Name          string `db:"name"`
	CustomerID    int64  `db:"customer_id"`
	ExpectedClose string `db:"expected_close"`
	ExternalID    string `db:"external_id"`
}

// EachOppKey calls fn with every opportunity's key, in one scan.
func EachOppKey(ctx context.Context, q Querier, fn func(OppKey)) error {
	rows, err := q.QueryxContext(ctx, `SELECT id, name, customer_id, expected_close, external_id FROM opportunities`)
	if err != nil {
		return fmt.Errorf("opportunity keys: %w", err)
	}
	defer rows.Close()
	// Plain Scan: StructScan's reflection per row was a fifth of the scan
	// of a million rows.
	var k OppKey
	for rows.Next() {
		if err := rows.Scan(&k.ID, &k.Name, &k.CustomerID, &k.ExpectedClose, &k.ExternalID); err != nil {
			return fmt.Errorf("opportunity keys: %w", err)
		}
		fn(k)
	}
	return rows.Err()
}

// oppRestore are the columns an import may change and its undo restores.
type oppRestore struct {
	Name          string `db:"name" json:"name"`
	CustomerID    int64  `db:"customer_id" json:"customerId"`
	Type          string `db:"type" json:"type"`
	Source        string `db:"source" json:"source"`
	OwnerID       int64  `db:"owner_id" json:"ownerId"`
	Campaign      string `db:"campaign" json:"campaign"`
	AmountCents   int64  `db:"amount_cents" json:"amountCents"`
	ExpectedClose string `db:"expected_close" json:"expectedClose"`
	NextStep      string `db:"next_step" json:"nextStep"`
	StageID       int64  `db:"stage_id" json:"stageId"`
	ProbabilityBP int    `db:"probability_bp" json:"probabilityBp"`
	Description   string `db:"description" json:"description"`
	LostReason    string `db:"lost_reason" json:"lostReason"`
	Competitor    string `db:"competitor" json:"competitor"`
	ExternalID    string `db:"external_id" json:"externalId"`
	UpdatedAt     string `db:"updated_at" json:"updatedAt"`
}

const oppRestoreCols = `name, customer_id, type, source, owner_id, campaign, amount_cents, expected_close, next_step, stage_id,
	probability_bp, description, lost_reason, competitor, external_id, updated_at`

// UpdateImportedOpportunity overwrites an opportunity with an imported row
// (keeping its creation time), records a stage change in its history at
// changedAt ("" = now), and returns the row as it was, as JSON for undo.
func UpdateImportedOpportunity(ctx context.Context, tx Tx, id int64, o Opportunity, now, changedAt string) (string, error) {
	var old oppRestore
	if err := tx.GetContext(ctx, &old, `SELECT `+oppRestoreCols+` FROM opportunities WHERE id = ?`, id); err != nil {
		return "", fmt.Errorf("read opportunity: %w", err)
	}
	if err := writeOpp(ctx, tx, id, restoreOf(o, now)); err != nil {
		return "", err
	}
	if old.StageID != o.StageID {
		if changedAt == "" {
			changedAt = now
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO stage_history (opportunity_id, from_stage_id, to_stage_id, changed_at) VALUES (?, ?, ?, ?)`,
			id, old.StageID, o.StageID, changedAt); err != nil {
			return "", fmt.Errorf("record stage history: %w", err)
		}
	}
	b, _ := json.Marshal(old)
	return string(b), nil
}

func writeOpp(ctx context.Context, tx execer, id int64, o oppRestore) error {
	py, ini := pinyin.Keys(o.Name)
	_, err := tx.ExecContext(ctx, `UPDATE opportunities SET name = ?, name_py = ?, name_initials = ?, customer_id = ?, type = ?, source = ?,
		owner_id = ?, campaign = ?, amount_cents = ?, expected_close = ?, next_step = ?, stage_id = ?, probability_bp = ?, description = ?,
		lost_reason = ?, competitor = ?, external_id = ?, updated_at = ? WHERE id = ?`,
		o.Name, py, ini, o.CustomerID, o.Type, o.Source, o.OwnerID, o.Campaign, o.AmountCents, o.ExpectedClose, o.NextStep, o.StageID,
		o.ProbabilityBP, o.Description, o.LostReason, o.Competitor, o.ExternalID, o.UpdatedAt, id)
	if err != nil {
		return fmt.Errorf("update opportunity: %w", err)
	}
	return nil
}

// Import is one recorded import.
type Import struct {
	ID        int64  `db:"id" json:"id"`
	FileName  string `db:"file_name" json:"fileName"`
	Kind      string `db:"kind" json:"kind"`
	Source    string `db:"source" json:"source"`
	CreatedAt string `db:"created_at" json:"createdAt"`
	Added     int    `db:"added" json:"added"`
	Updated   int    `db:"updated" json:"updated"`
	Skipped   int    `db:"skipped" json:"skipped"`
	Summary   string `db:"summary" json:"summary"`
	Mapping   string `db:"mapping" json:"mapping"`
	UndoneAt  string `db:"undone_at" json:"undoneAt"`
}

// InsertImport records an import and returns its id.
func InsertImport(ctx context.Context, tx Tx, im Import) (int64, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO imports (file_name, kind, source, created_at, added, updated, skipped, summary, mapping)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, im.FileName, im.Kind, im.Source, im.CreatedAt, im.Added, im.Updated, im.Skipped, im.Summary, im.Mapping)
	if err != nil {
		return 0, fmt.Errorf("record import: %w", err)
	}
	return res.LastInsertId()
}

// ImportItem is what one import did to one record.
type ImportItem struct {
	Table    string `db:"tbl"`
	RecordID int64  `db:"record_id"`
	Action   string `db:"action"`
	Before   string `db:"before_json"`
	Stamp    string `db:"stamp"`
}

// importTables are the tables an import writes, in the order undo deletes
// from them (opportunities and leads before the customers and stages they
// use).
var importTables = []string{"leads", "opportunities", "contacts", "customers", "products", "categories", "stages", "owners"}

func knownTable(t string) bool {
	for _, k := range importTables {
		if k == t {
			return true
		}
	}
	return false
}

// AddImportItems records that an import added the rows of table with ids
// in [first, next), stamping each with its updated_at.
func AddImportItems(ctx context.Context, tx Tx, importID int64, table string, first, next int64) error {
	if !knownTable(table) || first >= next {
		return nil
	}
	stamp := "updated_at"
	switch table {
	case "stages", "owners", "categories":
		stamp = "''"
	case "contacts":
		stamp = contactStamp
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO import_items (import_id, tbl, record_id, action, stamp)
		SELECT ?, ?, id, 'add', `+stamp+` FROM `+table+` WHERE id >= ? AND id < ?`, importID, table, first, next)
	if err != nil {
		return fmt.Errorf("record import: %w", err)
	}
	return nil
}

// AddImportItem records one added or updated record.
func AddImportItem(ctx context.Context, tx Tx, importID int64, it ImportItem) error {
	_, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO import_items (import_id, tbl, record_id, action, before_json, stamp)
		VALUES (?, ?, ?, ?, ?, ?)`, importID, it.Table, it.RecordID, it.Action, it.Before, it.Stamp)
	if err != nil {
		return fmt.Errorf("record import: %w", err)
	}
	return nil
}

// ListImports returns the recorded imports, newest first.
func ListImports(ctx context.Context, q Querier) ([]Import, error) {
	out := []Import{}
	if err := q.SelectContext(ctx, &out, `SELECT id, file_name, kind, source, created_at, added, updated, skipped, summary, mapping,
		undone_at FROM imports ORDER BY id DESC`); err != nil {
		return nil, fmt.Errorf("list imports: %w", err)
	}
	return out, nil
}

// GetImport returns one import or ErrNotFound.
func GetImport(ctx context.Context, q Querier, id int64) (Import, error) {
	var im Import
	err := q.GetContext(ctx, &im, `SELECT id, file_name, kind, source, created_at, added, updated, skipped, summary, mapping,
		undone_at FROM imports WHERE id = ?`, id)
	return im, notFound(err)
}

// ImportItemCount is how many records of one table an import added and
// how many it updated: what undoing it deletes and restores.
type ImportItemCount struct {
	Table   string `db:"tbl" json:"table"`
	Added   int    `db:"added" json:"added"`
	Updated int    `db:"updated" json:"updated"`
}

// ImportItemCounts counts import id's records by table, in the order undo
// takes them (its key holds import and table: one pass over its items).
func ImportItemCounts(ctx context.Context, q Querier, importID int64) ([]ImportItemCount, error) {
	var rows []ImportItemCount
	if err := q.SelectContext(ctx, &rows, `SELECT tbl, SUM(action = 'add') AS added, SUM(action = 'update') AS updated
		FROM import_items WHERE import_id = ? GROUP BY tbl`, importID); err != nil {
		return nil, fmt.Errorf("import item counts: %w", err)
	}
	out := make([]ImportItemCount, 0, len(rows))
	for _, t := range importTables {
		for _, r := range rows {
			if r.Table == t {
				out = append(out, r)
			}
		}
	}
	return out, nil
}

// Changed names a record an import touched that was changed since.
type Changed struct {
	Table string `json:"table"`
	ID    int64  `json:"id"`
	Name  string `json:"name"`
}

// ImportChanges lists the records of an import that were changed after it:
// the operation log has an entry for them after the import's own (every
// edit through the app is logged; updated_at has whole seconds only, so an
// edit in the import's second, or under a fixed test clock, would pass
// it), their updated_at differs from the stamp, or something refers to
// them that the import did not add (a quote, an order, a newer import's
// update). A lead counts as changed when it was edited or converted (both
// logged), or given a follow-up or a task: those would lose their lead.
func ImportChanges(ctx context.Context, q Querier, importID int64) ([]Changed, error) {
	out := []Changed{}
	err := q.SelectContext(ctx, &out, `
	SELECT 'opportunities' AS "table", o.id, o.name FROM import_items i JOIN opportunities o ON o.id = i.record_id
	 WHERE i.import_id = ? AND i.tbl = 'opportunities' AND (o.updated_at <> i.stamp
	    OR EXISTS (SELECT 1 FROM oplog l WHERE l.kind = 'opportunity' AND l.record_id = o.id AND l.id > `+importLogID+`)
	    OR EXISTS (SELECT 1 FROM import_items j WHERE j.tbl = i.tbl AND j.record_id = i.record_id AND j.import_id > i.import_id))
	UNION ALL
	SELECT 'customers', c.id, c.name FROM import_items i JOIN customers c ON c.id = i.record_id
	 WHERE i.import_id = ? AND i.tbl = 'customers' AND (c.updated_at <> i.stamp
	    OR EXISTS (SELECT 1 FROM oplog l WHERE l.kind = 'customer' AND l.record_id = c.id AND l.id > `+importLogID+`)
	    OR EXISTS (SELECT 1 FROM import_items j WHERE j.tbl = i.tbl AND j.record_id = i.record_id AND j.import_id > i.import_id)
	    OR (i.action = 'add' AND EXISTS (SELECT 1 FROM opportunities o WHERE o.customer_id = c.id
	        AND NOT EXISTS (SELECT 1 FROM import_items k WHERE k.import_id = i.import_id AND k.tbl = 'opportunities' AND k.record_id = o.id AND k.action = 'add')))
	    OR (i.action = 'add' AND EXISTS (SELECT 1 FROM contacts t WHERE t.customer_id = c.id
	        AND NOT EXISTS (SELECT 1 FROM import_items k WHERE k.import_id = i.import_id AND k.tbl = 'contacts' AND k.record_id = t.id AND k.action = 'add')))
	    OR (i.action = 'add' AND (EXISTS (SELECT 1 FROM followups f WHERE f.customer_id = c.id)
	        OR EXISTS (SELECT 1 FROM quotes x WHERE x.customer_id = c.id) OR EXISTS (SELECT 1 FROM orders x WHERE x.customer_id = c.id))))
	UNION ALL
	SELECT 'contacts', t.id, t.name FROM import_items i JOIN contacts t ON t.id = i.record_id
	 WHERE i.import_id = ? AND i.tbl = 'contacts' AND (`+contactStamp+` <> i.stamp
	    OR EXISTS (SELECT 1 FROM oplog l WHERE l.kind = 'contact' AND l.record_id = t.id AND l.id > `+importLogID+`)
	    OR EXISTS (SELECT 1 FROM import_items j WHERE j.tbl = i.tbl AND j.record_id = i.record_id AND j.import_id > i.import_id))
	UNION ALL
	SELECT 'products', p.id, p.name FROM import_items i JOIN products p ON p.id = i.record_id
	 WHERE i.import_id = ? AND i.tbl = 'products' AND (p.updated_at <> i.stamp
	    OR EXISTS (SELECT 1 FROM oplog l WHERE l.kind = 'product' AND l.record_id = p.id AND l.id > `+importLogID+`)
	    OR EXISTS (SELECT 1 FROM import_items j WHERE j.tbl = i.tbl AND j.record_id = i.record_id AND j.import_id > i.import_id)
	    OR (i.action = 'add' AND (EXISTS (SELECT 1 FROM opportunity_lines x WHERE x.product_id = p.id)
	        OR EXISTS (SELECT 1 FROM quote_lines x WHERE x.product_id = p.id) OR EXISTS (SELECT 1 FROM order_lines x WHERE x.product_id = p.id)
	        OR EXISTS (SELECT 1 FROM price_list_items x WHERE x.product_id = p.id))))
	UNION ALL
	SELECT 'leads', ld.id, ld.name FROM import_items i JOIN leads ld ON ld.id = i.record_id
	 WHERE i.import_id = ? AND i.tbl = 'leads' AND (ld.updated_at <> i.stamp
	    OR EXISTS (SELECT 1 FROM oplog l WHERE l.kind = 'lead' AND l.record_id = ld.id AND l.id > `+importLogID+`)
	    OR EXISTS (SELECT 1 FROM import_items j WHERE j.tbl = i.tbl AND j.record_id = i.record_id AND j.import_id > i.import_id)
	    OR EXISTS (SELECT 1 FROM followups f WHERE f.lead_id = ld.id AND (i.action = 'add'
	        OR EXISTS (SELECT 1 FROM oplog l WHERE l.kind = 'followup' AND l.record_id = f.id AND l.id > `+importLogID+`)))
	    OR EXISTS (SELECT 1 FROM tasks x WHERE x.lead_id = ld.id AND (i.action = 'add'
	        OR EXISTS (SELECT 1 FROM oplog l WHERE l.kind = 'task' AND l.record_id = x.id AND l.id > `+importLogID+`))))
	ORDER BY 1, 2`, importID, importID, importID, importID, importID)
	if err != nil {
		return nil, fmt.Errorf("import changes: %w", err)
	}
	return out, nil
}

// importLogID is the id of import i's own operation-log row (0 for an
// import made before the log existed: every later entry then counts).
const importLogID = `(SELECT COALESCE(MAX(id), 0) FROM oplog WHERE kind = 'import' AND record_id = i.import_id)`

// UndoImport removes what an import added and restores what it updated,
// leaving out the records in skip (table → ids), and marks it undone. The
// newest records go first, so a category goes after the ones under it.
// progress, when not nil, is told how many of the import's records have
// been dealt with, every 1,024 and at the end (a million take minutes).
func UndoImport(ctx context.Context, tx Tx, importID int64, skip map[string]map[int64]bool, now string, progress func(done, total int)) error {
	var items []ImportItem
	if err := tx.SelectContext(ctx, &items, `SELECT tbl, record_id, action, before_json, stamp FROM import_items WHERE import_id = ?
		ORDER BY tbl, record_id DESC`, importID); err != nil {
		return fmt.Errorf("undo import: %w", err)
	}
	ex := &stmtCache{tx: tx, m: map[string]*sql.Stmt{}}
	defer ex.close()
	// The page cache of an import: a large undo touches as many index pages
	// as the import did (100,000 rows: 36 s of system time with the default).
	restore, err := takeImportCache(ctx, tx)
	if err != nil {
		return fmt.Errorf("undo import: %w", err)
	}
	defer restore()
	done := 0
	if progress != nil {
		progress(0, len(items))
	}
	for _, table := range importTables {
		for _, it := range items {
			if it.Table != table {
				continue
			}
			if done++; progress != nil && done%1024 == 0 {
				progress(done, len(items))
			}
			if skip[table][it.RecordID] {
				continue
			}
			switch {
			case it.Action == "add" && table == "opportunities":
				// Its stage history and lines go with it (ON DELETE CASCADE),
				// as DeleteOpportunities has them go: one statement, not three.
				if _, err := ex.ExecContext(ctx, `DELETE FROM opportunities WHERE id = ?`, it.RecordID); err != nil {
					return fmt.Errorf("undo import: %w", err)
				}
			case it.Action == "add" && (table == "stages" || table == "owners"):
				// Kept when something else has come to use them since.
				ref := `SELECT 1 FROM opportunities WHERE stage_id = ? UNION ALL SELECT 1 FROM stage_history WHERE to_stage_id = ? OR from_stage_id = ?`
				args := []any{it.RecordID, it.RecordID, it.RecordID}
				if table == "owners" {
					ref = `SELECT 1 FROM opportunities WHERE owner_id = ? UNION ALL SELECT 1 FROM customers WHERE owner_id = ? UNION ALL SELECT 1 FROM products WHERE owner_id = ?
						UNION ALL SELECT 1 FROM leads WHERE owner_id = ? UNION ALL SELECT 1 FROM tasks WHERE assignee_id = ?`
					args = append(args, it.RecordID, it.RecordID)
				}
				var used int
				err := tx.GetContext(ctx, &used, `SELECT COUNT(*) FROM (`+ref+`)`, args...)
				if err != nil {
					return fmt.Errorf("undo import: %w", err)
				}
				if used == 0 {
					if _, err := ex.ExecContext(ctx, `DELETE FROM `+table+` WHERE id = ?`, it.RecordID); err != nil {
						return fmt.Errorf("undo import: %w", err)
					}
				}
			case it.Action == "add" && table == "categories":
				// Kept when a product or another category has come to use it.
				if _, err := ex.ExecContext(ctx, `DELETE FROM categories WHERE id = ? AND NOT EXISTS (SELECT 1 FROM products WHERE category_id = ?)
					AND NOT EXISTS (SELECT 1 FROM categories WHERE parent_id = ?)`, it.RecordID, it.RecordID, it.RecordID); err != nil {
					return fmt.Errorf("undo import: %w", err)
				}
			case it.Action == "add" && table == "customers":
				// A customer an opportunity kept back still uses stays.
				if _, err := ex.ExecContext(ctx, `DELETE FROM customers WHERE id = ? AND NOT EXISTS (SELECT 1 FROM opportunities WHERE customer_id = ?)`,
					it.RecordID, it.RecordID); err != nil {
					return fmt.Errorf("undo import: %w", err)
				}
			case it.Action == "add":
				if _, err := ex.ExecContext(ctx, `DELETE FROM `+table+` WHERE id = ?`, it.RecordID); err != nil {
					return fmt.Errorf("undo import: %w", err)
				}
			case it.Action == "update" && table == "opportunities":
				var old oppRestore
				if err := json.Unmarshal([]byte(it.Before), &old); err != nil {
					return fmt.Errorf("undo import: %w", err)
				}
				var cur int64
				if err := tx.GetContext(ctx, &cur, `SELECT stage_id FROM opportunities WHERE id = ?`, it.RecordID); err != nil {
					if errors.Is(err, sql.ErrNoRows) {
						continue
					}
					return fmt.Errorf("undo import: %w", err)
				}
				if err := writeOpp(ctx, ex, it.RecordID, old); err != nil {
					return err
				}
				if cur != old.StageID {
					// The history row the import added goes with it.
					if _, err := ex.ExecContext(ctx, `DELETE FROM stage_history WHERE id = (SELECT MAX(id) FROM stage_history WHERE opportunity_id = ?)`,
						it.RecordID); err != nil {
						return fmt.Errorf("undo import: %w", err)
					}
				}
			case it.Action == "update":
				if err := restoreRow(ctx, ex, table, it.RecordID, it.Before); err != nil {
					return err
				}
			}
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE imports SET undone_at = ? WHERE id = ?`, now, importID); err != nil {
		return fmt.Errorf("undo import: %w", err)
	}
	if progress != nil {
		progress(len(items), len(items))
	}
	return nil
}

// execer runs a write: a transaction, or a stmtCache over one.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// stmtCache prepares each write of an undo once, on its transaction.
// Preparing a write to opportunities compiles every trigger on it (some
// twenty): prepared again for each row, undoing 100,000 imported rows took
// 440 s, ten times what the deletes themselves cost.
type stmtCache struct {
	tx Tx
	m  map[string]*sql.Stmt
}

func (c *stmtCache) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, ok := c.m[query]
	if !ok {
		var err error
		if st, err = c.tx.PrepareContext(ctx, query); err != nil {
			return nil, err
		}
		c.m[query] = st
	}
	return st.ExecContext(ctx, args...)
}

func (c *stmtCache) close() {
	for _, st := range c.m {
		st.Close()
	}
}

// restoreRow writes back the columns of a row saved as a JSON object of
// column → value (customers, contacts, products, leads).
func restoreRow(ctx context.Context, tx execer, table string, id int64, before string) error {
	var cols map[string]any
	if err := json.Unmarshal([]byte(before), &cols); err != nil {
		return fmt.Errorf("undo import: %w", err)
	}
	set, args := "", []any{}
	// In column order: the same statement for every row of a table.
	for _, c := range slices.Sorted(maps.Keys(cols)) {
		if !safeColumn(c) {
			continue
		}
		if set != "" {
			set += ", "
		}
		set += c + " = ?"
		args = append(args, cols[c])
	}
	if set == "" {
		return nil
	}
	args = append(args, id)
	if _, err := tx.ExecContext(ctx, `UPDATE `+table+` SET `+set+` WHERE id = ?`, args...); err != nil {
		return fmt.Errorf("undo import: %w", err)
	}
	return nil
}

func safeColumn(c string) bool {
	for _, r := range c {
		if !(r >= 'a' && r <= 'z' || r == '_') {
			return false
		}
	}
	return c != ""
}

// OpportunityTypes is the configurable list of opportunity types (设置:
// 机会类型); it starts as the built-in two.
func OpportunityTypes(ctx context.Context, q Querier, builtin []string) ([]string, error) {
	v, err := GetSetting(ctx, q, "opportunity_types", "")
	if err != nil || v == "" {
		return builtin, err
	}
	var out []string
	if err := json.Unmarshal([]byte(v), &out); err != nil || len(out) == 0 {
		return builtin, nil
	}
	return out, nil
}

// SetOpportunityTypes saves the list of opportunity types.
func SetOpportunityTypes(ctx context.Context, q Querier, types []string) error {
	b, _ := json.Marshal(types)
	return SetSetting(ctx, q, "opportunity_types", string(b))
}

// updateImportedSQL overwrites an opportunity with an imported row.
const updateImportedSQL = `UPDATE opportunities SET name = ?, name_py = ?, name_initials = ?, customer_id = ?, type = ?, source = ?,
	owner_id = ?, campaign = ?, amount_cents = ?, expected_close = ?, next_step = ?, stage_id = ?, probability_bp = ?, description = ?,
	lost_reason = ?, competitor = ?, external_id = ?, updated_at = ? WHERE id = ?`

// sameAs reports whether writing n over r would change none of the
// columns an import writes (updated_at aside).
func (r oppRestore) sameAs(n oppRestore) bool {
	r.UpdatedAt, n.UpdatedAt = "", ""
	return r == n
}

// restoreOf is the part of o an import writes.
func restoreOf(o Opportunity, now string) oppRestore {
	return oppRestore{Name: o.Name, CustomerID: o.CustomerID, Type: o.Type, Source: o.Source, OwnerID: o.OwnerID,
		Campaign: o.Campaign, AmountCents: o.AmountCents, ExpectedClose: o.ExpectedClose, NextStep: o.NextStep, StageID: o.StageID,
		ProbabilityBP: o.ProbabilityBP, Description: o.Description, LostReason: o.LostReason, Competitor: o.Competitor,
		ExternalID: o.ExternalID, UpdatedAt: now}
}

// UpdateOpportunity overwrites opportunity id with an imported row as
// UpdateImportedOpportunity does, through the writer's prepared
// statements. A row the file repeats as it stands is left alone (changed
// false, no before): re-importing an export whose rows did not change
// then writes nothing for them (no write, no trigger, nothing to undo).
func (w *ImportWriter) UpdateOpportunity(id int64, o Opportunity, changedAt string) (before string, changed bool, err error) {
	var old oppRestore
	if err := w.oldStmt.QueryRowContext(w.ctx, id).Scan(&old.Name, &old.CustomerID, &old.Type, &old.Source, &old.OwnerID,
		&old.Campaign, &old.AmountCents, &old.ExpectedClose, &old.NextStep, &old.StageID, &old.ProbabilityBP, &old.Description,
		&old.LostReason, &old.Competitor, &old.ExternalID, &old.UpdatedAt); err != nil {
		return "", false, fmt.Errorf("read opportunity: %w", err)
	}
	n := restoreOf(o, w.now)
	if old.sameAs(n) {
		return "", false, nil
	}
	py, ini := pinyin.Keys(n.Name)
	if _, err := w.updStmt.ExecContext(w.ctx, n.Name, py, ini, n.CustomerID, n.Type, n.Source, n.OwnerID, n.Campaign, n.AmountCents,
		n.ExpectedClose, n.NextStep, n.StageID, n.ProbabilityBP, n.Description, n.LostReason, n.Competitor, n.ExternalID,
		n.UpdatedAt, id); err != nil {
		return "", false, fmt.Errorf("update opportunity: %w", err)
	}
	if old.StageID != o.StageID {
		if changedAt == "" {
			changedAt = w.now
		}
		if _, err := w.histStmt.ExecContext(w.ctx, id, old.StageID, o.StageID, changedAt); err != nil {
			return "", false, fmt.Errorf("record stage history: %w", err)
		}
	}
	b, _ := json.Marshal(old)
	return string(b), true, nil
}

// OppFinder finds the opportunity an imported row is, as the import
// matches them: by the other system's id when the row has one, else by
// name + customer + expected close date; the latest of several. It asks
// the indexes row by row, on a read connection of its own, so that the
// import's checking goroutine can look rows up while the writer writes:
// reading every opportunity's key up front cost 2 s of a 100,000-row
// import into a million. It sees the database as it was before the
// import's transaction (the writer knows the rows it adds itself).
type OppFinder struct {
	ctx      context.Context
	conn     *sql.Conn
	ext, key *sql.Stmt
}

// NewOppFinder prepares the look-ups on a connection of db's. Close it.
func NewOppFinder(ctx context.Context, db *sqlx.DB) (*OppFinder, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("find opportunities: %w", err)
	}
	f := &OppFinder{ctx: context.WithoutCancel(ctx), conn: conn}
	if f.ext, err = conn.PrepareContext(ctx, `SELECT id FROM opportunities WHERE external_id = ? AND external_id <> ''
		ORDER BY id DESC LIMIT 1`); err != nil {
		f.Close()
		return nil, fmt.Errorf("find opportunities: %w", err)
	}
	if f.key, err = conn.PrepareContext(ctx, `SELECT id FROM opportunities WHERE name = ? AND customer_id = ?
		AND expected_close = ? ORDER BY id DESC LIMIT 1`); err != nil {
		f.Close()
		return nil, fmt.Errorf("find opportunities: %w", err)
	}
	return f, nil
}

// Find returns the id of the opportunity the row is, 0 for none.
func (f *OppFinder) Find(externalID, name string, customerID int64, expectedClose string) (int64, error) {
	var id int64
	var err error
	if externalID != "" {
		err = f.ext.QueryRowContext(f.ctx, externalID).Scan(&id)
	} else {
		err = f.key.QueryRowContext(f.ctx, name, customerID, expectedClose).Scan(&id)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("find opportunity: %w", err)
	}
	return id, nil
}

// Close releases the statements and the connection.
func (f *OppFinder) Close() {
	for _, s := range []*sql.Stmt{f.ext, f.key} {
		if s != nil {
			s.Close()
		}
	}
	f.conn.Close()
}
