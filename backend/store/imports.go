package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"math"
	"math/bits"
	"slices"

	"funneldesk/backend/dupe"
	"funneldesk/backend/pinyin"
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

// CustomerIDsByName returns, for each name in names, the customer an
// import should attach it to: one of that name exactly, else one whose
// normalized name (查重: case, spaces, full-width forms and legal suffixes
// such as 有限公司 set aside) is the same, so that 华强电子 in a file finds
// 华强电子有限公司 instead of creating its duplicate; the lowest id among
// several. It reads the table once instead of asking per name.
func CustomerIDsByName(ctx context.Context, q Querier, names map[string]struct{}) (map[string]int64, error) {
	out := make(map[string]int64, len(names))
	if len(names) == 0 {
		return out, nil
	}
	keys := make(map[string]int64, len(names))
	for n := range names {
		keys[dupe.Name(n)] = 0
	}
	rows, err := q.QueryContext(ctx, `SELECT id, name, COALESCE(name_key, '') FROM customers ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("customer names: %w", err)
	}
	defer rows.Close()
	var id int64
	var name, key sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&id, &name, &key); err != nil {
			return nil, fmt.Errorf("customer names: %w", err)
		}
		if _, want := names[string(name)]; want {
			if _, seen := out[string(name)]; !seen {
				out[string(name)] = id
			}
		}
		if k, want := keys[string(key)]; want && k == 0 && len(key) > 0 {
			keys[string(key)] = id
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("customer names: %w", err)
	}
	for n := range names {
		if _, exact := out[n]; !exact {
			if id := keys[dupe.Name(n)]; id != 0 {
				out[n] = id
			}
		}
	}
	return out, nil
}

// ImportTx runs fn in one transaction, like Tx, on a connection held for
// it alone with foreign key checks off: a bulk import refers only to rows it
// has just read or written in the same transaction, and the checks cost
// about a tenth of its time. The checks are back on before the connection
// is handed to anyone else.
func (s *Store) ImportTx(ctx context.Context, fn func(tx Tx) error) error {
	// The idle checkpoint is armed once the connection is back in the pool:
	// a checkpoint falling due takes s.mu and then waits for the writer
	// connection, so arming it (s.mu) while this function still held the
	// connection deadlocked an import that outlasted idleCheckpoint.
	committed := false
	defer func() {
		if committed {
			s.wrote()
		}
	}()
	conn, err := s.W.Connx(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() {
		if _, err := conn.ExecContext(context.Background(), `PRAGMA foreign_keys = ON`); err != nil {
			// Never pool a connection without its checks: drop it.
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}()
	tx, err := conn.BeginTxx(ctx, nil)
	if err != nil {
		return busy(fmt.Errorf("begin: %w", err))
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return busy(err)
	}
	commitDone := ImportPhase("commit")
	if err := tx.Commit(); err != nil {
		return busy(fmt.Errorf("commit: %w", err))
	}
	commitDone()
	committed = true
	return nil
}

// importCacheKiB is the page cache an import runs with: inserting into the
// indexes of a table with millions of rows touches pages all over them, and
// a smaller cache spills dirty pages to the WAL mid-transaction, then
// reads and writes them again. 100,000 rows into 1.1 million dirty about
// 300 MB of index pages: with 256 MB the inserts took three times as long.
// SQLite takes the memory as pages are touched, so a small import of a
// small database uses little of it.
const importCacheKiB = 1024 * 1024

// takeImportCache gives tx's connection the import page cache and returns
// what puts its old size back: the connection outlives the transaction (a
// failed reset only costs memory). The import writers and an import's undo
// take it.
func takeImportCache(ctx context.Context, tx Tx) (restore func(), err error) {
	var old int64
	if err := tx.GetContext(ctx, &old, `PRAGMA cache_size`); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = -%d`, importCacheKiB)); err != nil {
		return nil, err
	}
	ctx = context.WithoutCancel(ctx)
	return func() { _, _ = tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = %d`, old)) }, nil
}

// ImportWriter inserts many customers and opportunities in one open
// transaction through statements prepared once. (Single-row statements:
// measured faster with mattn/go-sqlite3 than multi-row VALUES lists.) Ids
// are handed out ahead (the transaction holds the write lock, so every id
// above both MAX(id) and the AUTOINCREMENT counter is free), which lets
// Finish write the whole stage history with a single statement.
type ImportWriter struct {
	ctx context.Context
	tx  Tx
	now string

	firstOpp, nextOpp int64
	nextCust          int64

	oppStmt, custStmt *sql.Stmt
	// oldStmt, updStmt and histStmt serve UpdateOpportunity.
	oldStmt, updStmt, histStmt *sql.Stmt

	// closed are the won/lost dates of new opportunities, for their
	// stage history (id → RFC 3339 time).
	closed map[int64]string

	restoreCache func()

	// firstCust is the first customer id the writer gave; the grams of
	// its rows are added by Finish (see pauseGrams).
	firstCust int64
	// pausedGrams holds the SQL of the name-gram insert triggers the
	// writer dropped, by table.
	pausedGrams map[string]string
	// monthDeltas are what new rows add to stage_month_totals meanwhile.
	monthDeltas map[monthKey]*stageDelta

	// pausedTrigger is the SQL of stage_totals_insert while the writer has
	// it dropped (see pauseStageTotals); deltas are what the writer's rows
	// add to the kept totals meanwhile.
	pausedTrigger string
	deltas        map[int64]*stageDelta
	// createdDays does the same for opportunity_created_days (targets.go).
	createdDays pausedCreatedDays
	// keptPaused are the analysis totals' triggers paused, keptInsert the
	// insert trigger's and keptDeltas what the writer's rows add meanwhile
	// (analysis_import.go).
	keptPaused []string
	keptInsert string
	keptDeltas map[keptKey]*stageDelta
	// staysInsert is analysis_stays_opp_insert while paused (migration 0028).
	staysInsert []string
	// customerHeld: analysis_import_first holds firstOpp (analysis_import.go).
	customerHeld bool
	// catchUpPaused are the insert triggers of importCatchUps paused.
	catchUpPaused []string
	// changes pauses the change marks' triggers (changes_import.go).
	changes changeMarksPause
}

// stageDelta is what new rows add to one stage's kept totals, by the
// trigger's own arithmetic (migration 0018).
type stageDelta struct {
	n, amount, wHi, wLo int64
	// amountOverflow: the rows' amounts alone leave 64 bits, where the
	// trigger's SQLite addition would have turned the sum into a REAL.
	amountOverflow bool
}

// NewImportWriter prepares the statements of a bulk import in tx. Close it
// when done, whether or not Finish ran.
func NewImportWriter(ctx context.Context, tx Tx) (*ImportWriter, error) {
	// Per-row statements run without ctx's cancellation: the driver would
	// start a goroutine per statement to watch it. The caller checks ctx
	// between batches instead.
	w := &ImportWriter{ctx: context.WithoutCancel(ctx), tx: tx, now: Now()}
	var err error
	if w.restoreCache, err = takeImportCache(ctx, tx); err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	if err := w.createdDays.pause(ctx, tx); err != nil {
		w.Close()
		return nil, err
	}
	if err := w.pauseStageTotals(ctx); err != nil {
		w.Close()
		return nil, err
	}
	if err := w.pauseGrams(ctx); err != nil {
		w.Close()
		return nil, err
	}
	if err := w.pauseKeptInsert(ctx); err != nil {
		w.Close()
		return nil, err
	}
	if err := w.changes.pause(ctx, tx); err != nil {
		w.Close()
		return nil, err
	}
	if err := tx.GetContext(ctx, &w.nextOpp, nextIDQuery("opportunities")); err != nil {
		w.Close()
		return nil, fmt.Errorf("import: %w", err)
	}
	w.firstOpp = w.nextOpp
	if err := w.holdCustomerTotals(); err != nil {
		w.Close()
		return nil, err
	}
	if err := tx.GetContext(ctx, &w.nextCust, nextIDQuery("customers")); err != nil {
		w.Close()
		return nil, fmt.Errorf("import: %w", err)
	}
	w.firstCust = w.nextCust
	if w.oppStmt, err = tx.PrepareContext(ctx, `INSERT INTO opportunities (id, `+oppColumns+`, created_at, updated_at, external_id)
		VALUES (?, `+oppMarks+`, ?, ?, ?)`); err != nil {
		w.Close()
		return nil, fmt.Errorf("import: prepare opportunities: %w", err)
	}
	if w.custStmt, err = tx.PrepareContext(ctx, `INSERT INTO customers (id, name, name_py, name_initials, source, owner_id,
		created_at, updated_at, owned_since, name_key, phone_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')`); err != nil {
		w.Close()
		return nil, fmt.Errorf("import: prepare customers: %w", err)
	}
	for _, p := range []struct {
		stmt **sql.Stmt
		sql  string
	}{{&w.oldStmt, `SELECT ` + oppRestoreCols + ` FROM opportunities WHERE id = ?`},
		{&w.updStmt, updateImportedSQL},
		{&w.histStmt, `INSERT INTO stage_history (opportunity_id, from_stage_id, to_stage_id, changed_at) VALUES (?, ?, ?, ?)`}} {
		if *p.stmt, err = tx.PrepareContext(ctx, p.sql); err != nil {
			w.Close()
			return nil, fmt.Errorf("import: prepare: %w", err)
		}
	}
	return w, nil
}

// AddCustomer inserts a new customer and returns its id.
func (w *ImportWriter) AddCustomer(c Customer) (int64, error) {
	id := w.nextCust
	var owner any
	if c.OwnerID != nil {
		owner = *c.OwnerID
	}
	py, ini := pinyin.Keys(c.Name)
	if _, err := w.custStmt.ExecContext(w.ctx, id, c.Name, py, ini, c.Source, owner, w.now, w.now, w.now, dupe.Name(c.Name)); err != nil {
		return 0, fmt.Errorf("insert customer: %w", err)
	}
	w.nextCust++
	return id, nil
}

// AddOpportunity inserts an opportunity (its ID and UpdatedAt are set
// here, CreatedAt unless the file gave it) and returns its id. Its stage
// history is written by Finish: entered at its creation, or at closedAt
// (RFC 3339, "" = none) for a won or lost one.
func (w *ImportWriter) AddOpportunity(o Opportunity, closedAt string) (int64, error) {
	id := w.nextOpp
	created := o.CreatedAt
	if created == "" {
		created = w.now
	}
	args := append(append([]any{id}, oppValues(o)...), created, w.now, o.ExternalID)
	_, err := w.oppStmt.ExecContext(w.ctx, args...)
	if err != nil {
		return 0, fmt.Errorf("insert opportunity: %w", err)
	}
	if w.deltas != nil {
		addDelta(w.deltas, o.StageID, o.AmountCents, int64(o.ProbabilityBP))
	}
	if _, ok := w.pausedGrams["stage_month_totals_insert"]; ok {
		if w.monthDeltas == nil {
			w.monthDeltas = map[monthKey]*stageDelta{}
		}
		month := o.ExpectedClose
		if len(month) > 7 {
			month = month[:7]
		}
		addDelta(w.monthDeltas, monthKey{o.StageID, month, o.Source}, o.AmountCents, int64(o.ProbabilityBP))
	}
	w.createdDays.add(o.OwnerID, created)
	if w.keptDeltas != nil {
		w.addKeptDelta(o, created)
	}
	if closedAt != "" {
		if w.closed == nil {
			w.closed = map[int64]string{}
		}
		w.closed[id] = closedAt
	}
	w.nextOpp++
	return id, nil
}

// Now is the time the writer stamps rows with.
func (w *ImportWriter) Now() string { return w.now }

// Range is the ids the writer gave new opportunities: [first, next).
func (w *ImportWriter) Range() (first, next int64) { return w.firstOpp, w.nextOpp }

// CustomerRange is the next customer id the writer would give.
func (w *ImportWriter) NextCustomer() int64 { return w.nextCust }

// Finish records each new opportunity's first stage (from none to its
// stage) in the stage history, in one statement.
func (w *ImportWriter) Finish() error {
	for _, step := range []struct {
		name string
		fn   func() error
	}{{"finish: stage totals", w.resumeStageTotals}, {"finish: grams", w.resumeGrams},
		{"finish: kept insert", w.resumeKeptInsert}, {"finish: kept out", w.pauseKept},
		{"finish: history", func() error {
			// The history's own kept tables are paused around it and caught up once.
			return w.changes.finish(w, func() error { return w.withWinMonthsPaused(w.writeHistory) })
		}}, {"finish: kept back", w.resumeKept},
		{"finish: customer totals", func() error { return w.addCustomerTotals(true) }}} {
		done := ImportPhase(step.name)
		if err := step.fn(); err != nil {
			return err
		}
		done()
	}
	return nil
}

// writeHistory records each new opportunity's first stage.
func (w *ImportWriter) writeHistory() error {
	if w.nextOpp == w.firstOpp {
		return nil
	}
	if len(w.closed) == 0 {
		_, err := w.tx.ExecContext(w.ctx, `INSERT INTO stage_history (opportunity_id, from_stage_id, to_stage_id, changed_at)
			SELECT id, NULL, stage_id, created_at FROM opportunities WHERE id >= ? AND id < ? ORDER BY id`, w.firstOpp, w.nextOpp)
		if err != nil {
			return fmt.Errorf("record stage history: %w", err)
		}
		return nil
	}
	// The won and lost rows' times go in with the rows: set afterwards, row
	// by row, each fired the history's update triggers once more.
	if _, err := w.tx.ExecContext(w.ctx, `CREATE TEMP TABLE import_closed_at (id INTEGER PRIMARY KEY, at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("record stage history: %w", err)
	}
	defer w.tx.ExecContext(w.ctx, `DROP TABLE IF EXISTS temp.import_closed_at`)
	ids := make([]int64, 0, len(w.closed))
	for id := range w.closed {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	stmt, err := w.tx.PrepareContext(w.ctx, `INSERT INTO temp.import_closed_at (id, at) VALUES (?, ?)`)
	if err != nil {
		return fmt.Errorf("record stage history: %w", err)
	}
	defer stmt.Close()
	for _, id := range ids {
		if _, err := stmt.ExecContext(w.ctx, id, w.closed[id]); err != nil {
			return fmt.Errorf("record stage history: %w", err)
		}
	}
	// A row the import updated meanwhile has history rows of its own
	// already: they keep it before its first stage (as before), at the
	// closed time too.
	if _, err := w.tx.ExecContext(w.ctx, `INSERT INTO stage_history (opportunity_id, from_stage_id, to_stage_id, changed_at)
		SELECT o.id, NULL, o.stage_id, COALESCE(c.at, o.created_at)
		  FROM opportunities o LEFT JOIN temp.import_closed_at c ON c.id = o.id
		 WHERE o.id >= ? AND o.id < ? ORDER BY o.id`, w.firstOpp, w.nextOpp); err != nil {
		return fmt.Errorf("record stage history: %w", err)
	}
	if _, err := w.tx.ExecContext(w.ctx, `UPDATE stage_history SET changed_at = c.at FROM temp.import_closed_at c
		WHERE stage_history.opportunity_id = c.id AND stage_history.changed_at IS NOT c.at`); err != nil {
		return fmt.Errorf("record stage history: %w", err)
	}
	return nil
}

// Close releases the statements and puts the page cache back.
func (w *ImportWriter) Close() {
	// Without Finish the transaction is normally rolled back, which brings
	// the trigger back anyway; this keeps it right should it commit.
	_ = w.resumeStageTotals()
	_ = w.resumeGrams()
	_ = w.resumeKeptInsert()
	_ = resumeTriggers(w.ctx, w.tx, w.staysInsert)
	w.staysInsert = nil
	_ = w.changes.resume(w.ctx, w.tx)
	_ = w.addCustomerTotals(false)
	if len(w.keptPaused) > 0 {
		_ = resumeTriggers(w.ctx, w.tx, w.keptPaused)
		w.keptPaused = nil
	}
	for _, s := range []*sql.Stmt{w.oppStmt, w.custStmt, w.oldStmt, w.updStmt, w.histStmt} {
		if s != nil {
			s.Close()
		}
	}
	if w.restoreCache != nil {
		w.restoreCache()
	}
}

// nextIDQuery gives the id AUTOINCREMENT would give next in table: above
// every id the table ever held, not only those it holds now.
func nextIDQuery(table string) string {
	return `SELECT MAX(COALESCE((SELECT MAX(id) FROM ` + table + `), 0),
		COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '` + table + `'), 0)) + 1`
}

// pauseStageTotals drops the trigger that adds each new opportunity to the
// kept per-stage totals (migration 0018) for the writer's transaction: run
// per row, it made a bulk import about 40 % slower (a statement journal per
// insert). The writer adds its rows' totals itself, once per stage, and
// puts the trigger back in resumeStageTotals (Finish, or Close), before the
// transaction can commit; a rollback brings it back by itself. Only the
// writer's own inserts happen meanwhile: updates and deletes in the same
// transaction keep their triggers, which adjust from the row as inserted.
func (w *ImportWriter) pauseStageTotals(ctx context.Context) error {
	var sqls []string
	if err := w.tx.SelectContext(ctx, &sqls, `SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'stage_totals_insert'`); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	if len(sqls) == 0 {
		return nil
	}
	if _, err := w.tx.ExecContext(ctx, `DROP TRIGGER stage_totals_insert`); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	w.pausedTrigger, w.deltas = sqls[0], map[int64]*stageDelta{}
	return nil
}

// addDelta adds one new row to its stage's delta as the trigger would:
// amount × probability saturates at the int64 maximum where SQLite's
// product would have become a REAL converted back for the shift and mask.
func addDelta[K comparable](deltas map[K]*stageDelta, key K, amount, prob int64) {
	d := deltas[key]
	if d == nil {
		d = &stageDelta{}
		deltas[key] = d
	}
	addToDelta(d, amount, prob)
}

// addToDelta adds one row's amount and amount × probability to d.
func addToDelta(d *stageDelta, amount, prob int64) {
	d.n++
	if sum := d.amount + amount; (amount > 0 && sum < d.amount) || (amount < 0 && sum > d.amount) {
		d.amountOverflow = true
	} else {
		d.amount = sum
	}
	p := int64(math.MaxInt64)
	if hi, lo := bits.Mul64(uint64(amount), uint64(prob)); amount >= 0 && prob >= 0 && hi == 0 && lo <= math.MaxInt64 {
		p = int64(lo)
	}
	d.wHi += p >> 31
	d.wLo += p & (1<<31 - 1)
}

// resumeStageTotals adds the writer's deltas to the kept totals and puts
// the trigger back.
func (w *ImportWriter) resumeStageTotals() error {
	if err := w.createdDays.resume(w.ctx, w.tx); err != nil {
		return err
	}
	if w.pausedTrigger == "" {
		return nil
	}
	for stageID, d := range w.deltas {
		var amount any = d.amount
		if d.amountOverflow {
			amount = float64(d.amount) // a REAL, as the trigger's sum would be: readers then count
		}
		_, err := w.tx.ExecContext(w.ctx, `INSERT INTO stage_totals (stage_id, n, amount, w_hi, w_lo) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (stage_id) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
			w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo`, stageID, d.n, amount, d.wHi, d.wLo)
		if err != nil {
			return fmt.Errorf("import: stage totals: %w", err)
		}
	}
	if _, err := w.tx.ExecContext(w.ctx, w.pausedTrigger); err != nil {
		return fmt.Errorf("import: stage totals: %w", err)
	}
	w.pausedTrigger, w.deltas = "", nil
	return nil
}

// pausedTriggers are the per-row insert triggers of migration 0025 the
// writer pauses (pauseGrams), each with the statement that catches up on
// the writer's rows of its table, given their id range.
var pausedTriggers = []struct{ name, table, catchUp string }{
	{"opportunity_grams_insert", "opportunities", addGramsSQL("opportunities")},
	{"customer_grams_insert", "customers", addGramsSQL("customers")},
	// Additive, so not caught up from the rows at the end (an upsert's
	// update of a new row meanwhile adjusts from the row as inserted): the
	// writer sums its rows per (stage, month, source) as it inserts them.
	{"stage_month_totals_insert", "opportunities", ""},
}

// pauseGrams drops the triggers that add each new opportunity's and
// customer's name grams and close-month totals, for the writer's
// transaction, as pauseStageTotals does for the totals: per row they cost
// a statement journal and a query each. resumeGrams adds what the writer's
// rows contribute in one statement per trigger, grouped or sorted, so the
// indexes grow in key order. Updates and deletes meanwhile keep their
// triggers (which find nothing yet for new rows, and the final statements
// read the rows as they are then).
func (w *ImportWriter) pauseGrams(ctx context.Context) error {
	for _, p := range pausedTriggers {
		var sqls []string
		if err := w.tx.SelectContext(ctx, &sqls, `SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?`, p.name); err != nil {
			return fmt.Errorf("import: %w", err)
		}
		if len(sqls) == 0 {
			continue
		}
		if _, err := w.tx.ExecContext(ctx, `DROP TRIGGER `+p.name); err != nil {
			return fmt.Errorf("import: %w", err)
		}
		if w.pausedGrams == nil {
			w.pausedGrams = map[string]string{}
		}
		w.pausedGrams[p.name] = sqls[0]
	}
	return nil
}

// resumeGrams adds the writer's rows' part and puts the triggers back.
func (w *ImportWriter) resumeGrams() error {
	ranges := map[string][2]int64{
		"opportunities": {w.firstOpp, w.nextOpp},
		"customers":     {w.firstCust, w.nextCust},
	}
	for _, p := range pausedTriggers {
		trigger, ok := w.pausedGrams[p.name]
		if !ok {
			continue
		}
		if p.catchUp == "" {
			if err := w.addMonthDeltas(); err != nil {
				return err
			}
		} else if r := ranges[p.table]; r[1] > r[0] {
			if _, err := w.tx.ExecContext(w.ctx, p.catchUp, r[0], r[1]); err != nil {
				return fmt.Errorf("import: %s: %w", p.name, err)
			}
		}
		if _, err := w.tx.ExecContext(w.ctx, trigger); err != nil {
			return fmt.Errorf("import: %s: %w", p.name, err)
		}
		delete(w.pausedGrams, p.name)
	}
	return nil
}

// addGramsSQL adds the grams of table's rows with ids in [?, ?), as the
// insert trigger of migration 0025 would, in key order.
func addGramsSQL(table string) string {
	return `INSERT OR IGNORE INTO ` + gramTables[table] + ` (gram, id)
		SELECT lower(substr(t.name, i.n, 2)), t.id
		  FROM ` + table + ` t
		  JOIN (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < 
		        (SELECT COALESCE(MAX(length(name)), 0) FROM ` + table + ` WHERE id >= ?1 AND id < ?2))
		        SELECT n FROM i) i ON i.n <= length(t.name)
		 WHERE t.id >= ?1 AND t.id < ?2
		 ORDER BY 1, 2`
}

// monthKey is one row of stage_month_totals.
type monthKey struct {
	stageID       int64
	month, source string
}

// addMonthDeltas adds the writer's rows to the totals by close month and
// source, one upsert per group.
func (w *ImportWriter) addMonthDeltas() error {
	for k, d := range w.monthDeltas {
		var amount any = d.amount
		if d.amountOverflow {
			amount = float64(d.amount) // a REAL, as the trigger's sum would be: readers then count
		}
		_, err := w.tx.ExecContext(w.ctx, `INSERT INTO stage_month_totals (stage_id, month, source, n, amount, w_hi, w_lo)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (month, stage_id, source) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
			w_hi = w_hi + excluded.w_hi, w_lo = w_lo + excluded.w_lo`, k.stageID, k.month, k.source, d.n, amount, d.wHi, d.wLo)
		if err != nil {
			return fmt.Errorf("import: stage month totals: %w", err)
		}
	}
	w.monthDeltas = nil
	return nil
}
