package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// ImportStages returns every stage in position order without the usage
// counts ListStages adds, which cost a scan of a big opportunities table.
func ImportStages(ctx context.Context, q Querier) ([]Stage, error) {
	out := []Stage{}
	if err := q.SelectContext(ctx, &out, `SELECT `+stageCols+` FROM stages ORDER BY position, id`); err != nil {
		return nil, fmt.Errorf("list stages: %w", err)
	}
	return out, nil
}

// OwnersByName returns every owner, active or not, keyed by exact name.
func OwnersByName(ctx context.Context, q Querier) (map[string]Owner, error) {
	var list []Owner
	if err := q.SelectContext(ctx, &list, `SELECT id, name, active, created_at FROM owners ORDER BY id`); err != nil {
		return nil, fmt.Errorf("list owners: %w", err)
	}
	out := make(map[string]Owner, len(list))
	for _, o := range list {
		out[o.Name] = o
	}
	return out, nil
}

// CustomerIDsByName returns, for each name in names that some customer has
// exactly, the lowest id among the customers of that name. It reads the
// table once instead of asking per name.
func CustomerIDsByName(ctx context.Context, q Querier, names map[string]struct{}) (map[string]int64, error) {
	out := make(map[string]int64, len(names))
	if len(names) == 0 {
		return out, nil
	}
	rows, err := q.QueryContext(ctx, `SELECT id, name FROM customers ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("customer names: %w", err)
	}
	defer rows.Close()
	var id int64
	var name sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&id, &name); err != nil {
			return nil, fmt.Errorf("customer names: %w", err)
		}
		if _, want := names[string(name)]; !want {
			continue
		}
		if _, seen := out[string(name)]; !seen {
			out[string(name)] = id
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("customer names: %w", err)
	}
	return out, nil
}

// Rows per multi-row INSERT: one statement carries many rows, so the cost
// of a statement is paid once per batch rather than once per row.
const (
	importOppBatch  = 64
	importCustBatch = 128
)

const importOppCols = `(id, name, customer_id, type, source, owner_id, campaign, amount_cents, expected_close,
	next_step, stage_id, probability_bp, description, lost_reason, competitor, created_at, updated_at)`

const importOppValues = `(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

const importCustCols = `(id, name, source, owner_id, created_at, updated_at)`

const importCustValues = `(?, ?, ?, ?, ?, ?)`

// importCacheKiB is the page cache an import runs with: inserting into the
// indexes of a table with millions of rows touches pages all over them, and
// the default 2 MB cache would spill dirty pages to the WAL mid-transaction.
const importCacheKiB = 256 * 1024

// ImportWriter inserts many customers and opportunities in one open
// transaction. Ids are handed out ahead of the insert (the transaction holds
// the write lock, so MAX(id)+1 onwards is free), which lets opportunities
// refer to customers still in the buffer and lets Finish write the whole
// stage history with a single statement.
type ImportWriter struct {
	ctx context.Context
	tx  Tx
	now string

	firstOpp, nextOpp int64
	nextCust          int64

	oppStmt, custStmt *sql.Stmt
	opps, custs       []any
	nOpps, nCusts     int

	oldCache int64
}

// NewImportWriter prepares the statements of a bulk import in tx. Close it
// when done, whether or not Finish ran.
func NewImportWriter(ctx context.Context, tx Tx) (*ImportWriter, error) {
	w := &ImportWriter{ctx: ctx, tx: tx, now: Now()}
	if err := tx.GetContext(ctx, &w.oldCache, `PRAGMA cache_size`); err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = -%d`, importCacheKiB)); err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	if err := tx.GetContext(ctx, &w.nextOpp, `SELECT COALESCE(MAX(id), 0) + 1 FROM opportunities`); err != nil {
		w.Close()
		return nil, fmt.Errorf("import: %w", err)
	}
	w.firstOpp = w.nextOpp
	if err := tx.GetContext(ctx, &w.nextCust, `SELECT COALESCE(MAX(id), 0) + 1 FROM customers`); err != nil {
		w.Close()
		return nil, fmt.Errorf("import: %w", err)
	}
	var err error
	if w.oppStmt, err = tx.PrepareContext(ctx, insertMany("opportunities", importOppCols, importOppValues, importOppBatch)); err != nil {
		w.Close()
		return nil, fmt.Errorf("import: prepare opportunities: %w", err)
	}
	if w.custStmt, err = tx.PrepareContext(ctx, insertMany("customers", importCustCols, importCustValues, importCustBatch)); err != nil {
		w.Close()
		return nil, fmt.Errorf("import: prepare customers: %w", err)
	}
	w.opps = make([]any, 0, importOppBatch*17)
	w.custs = make([]any, 0, importCustBatch*6)
	return w, nil
}

func insertMany(table, cols, values string, n int) string {
	var b strings.Builder
	b.WriteString("INSERT INTO " + table + " " + cols + " VALUES ")
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(values)
	}
	return b.String()
}

// AddCustomer queues a new customer and returns the id it will have.
func (w *ImportWriter) AddCustomer(c Customer) (int64, error) {
	id := w.nextCust
	w.nextCust++
	var owner any
	if c.OwnerID != nil {
		owner = *c.OwnerID
	}
	w.custs = append(w.custs, id, c.Name, c.Source, owner, w.now, w.now)
	w.nCusts++
	if w.nCusts == importCustBatch {
		return id, w.flushCustomers()
	}
	return id, nil
}

// AddOpportunity queues an opportunity (its ID, CreatedAt and UpdatedAt are
// set here) and returns the id it will have.
func (w *ImportWriter) AddOpportunity(o Opportunity) (int64, error) {
	id := w.nextOpp
	w.nextOpp++
	w.opps = append(w.opps, id, o.Name, o.CustomerID, o.Type, o.Source, o.OwnerID, o.Campaign, o.AmountCents,
		o.ExpectedClose, o.NextStep, o.StageID, o.ProbabilityBP, o.Description, o.LostReason, o.Competitor, w.now, w.now)
	w.nOpps++
	if w.nOpps == importOppBatch {
		return id, w.flushOpportunities()
	}
	return id, nil
}

func (w *ImportWriter) flushCustomers() error {
	if w.nCusts == 0 {
		return nil
	}
	var err error
	if w.nCusts == importCustBatch {
		_, err = w.custStmt.ExecContext(w.ctx, w.custs...)
	} else {
		_, err = w.tx.ExecContext(w.ctx, insertMany("customers", importCustCols, importCustValues, w.nCusts), w.custs...)
	}
	if err != nil {
		return fmt.Errorf("insert customers: %w", err)
	}
	w.custs, w.nCusts = w.custs[:0], 0
	return nil
}

func (w *ImportWriter) flushOpportunities() error {
	// Opportunities may refer to customers still queued.
	if err := w.flushCustomers(); err != nil {
		return err
	}
	if w.nOpps == 0 {
		return nil
	}
	var err error
	if w.nOpps == importOppBatch {
		_, err = w.oppStmt.ExecContext(w.ctx, w.opps...)
	} else {
		_, err = w.tx.ExecContext(w.ctx, insertMany("opportunities", importOppCols, importOppValues, w.nOpps), w.opps...)
	}
	if err != nil {
		return fmt.Errorf("insert opportunities: %w", err)
	}
	w.opps, w.nOpps = w.opps[:0], 0
	return nil
}

// Finish writes what is queued and records each new opportunity's first
// stage (from none to its stage) in the stage history.
func (w *ImportWriter) Finish() error {
	if err := w.flushOpportunities(); err != nil {
		return err
	}
	if w.nextOpp == w.firstOpp {
		return nil
	}
	_, err := w.tx.ExecContext(w.ctx, `INSERT INTO stage_history (opportunity_id, from_stage_id, to_stage_id, changed_at)
		SELECT id, NULL, stage_id, created_at FROM opportunities WHERE id >= ? AND id < ? ORDER BY id`, w.firstOpp, w.nextOpp)
	if err != nil {
		return fmt.Errorf("record stage history: %w", err)
	}
	return nil
}

// Close releases the statements and puts the page cache back.
func (w *ImportWriter) Close() {
	if w.oppStmt != nil {
		w.oppStmt.Close()
	}
	if w.custStmt != nil {
		w.custStmt.Close()
	}
	// The connection outlives the transaction; a failed reset only costs memory.
	_, _ = w.tx.ExecContext(w.ctx, fmt.Sprintf(`PRAGMA cache_size = %d`, w.oldCache))
}
