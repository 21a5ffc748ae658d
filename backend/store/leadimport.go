package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"funneldesk/backend/pinyin"
)

// LeadKey is what finds a lead again on import: its name, company,
// contact person, phone and email as stored (the importer folds them).
type LeadKey struct {
	ID          int64
	Name        string
	Company     string
	ContactName string
	Phone       string
	Email       string
}

// EachLeadKey calls fn with every lead's keys, lowest id first.
func EachLeadKey(ctx context.Context, q Querier, fn func(LeadKey)) error {
	rows, err := q.QueryContext(ctx, `SELECT id, name, company, contact_name, phone, email FROM leads ORDER BY id`)
	if err != nil {
		return fmt.Errorf("lead keys: %w", err)
	}
	defer rows.Close()
	var k LeadKey
	for rows.Next() {
		if err := rows.Scan(&k.ID, &k.Name, &k.Company, &k.ContactName, &k.Phone, &k.Email); err != nil {
			return fmt.Errorf("lead keys: %w", err)
		}
		fn(k)
	}
	return rows.Err()
}

// leadRestore are the lead columns an import may change and its undo
// writes back (the JSON names are the columns, for restoreRow).
type leadRestore struct {
	Name          string `db:"name" json:"name"`
	NamePy        string `db:"name_py" json:"name_py"`
	NameInitials  string `db:"name_initials" json:"name_initials"`
	Company       string `db:"company" json:"company"`
	ContactName   string `db:"contact_name" json:"contact_name"`
	Phone         string `db:"phone" json:"phone"`
	Email         string `db:"email" json:"email"`
	Source        string `db:"source" json:"source"`
	OwnerID       *int64 `db:"owner_id" json:"owner_id"`
	Status        string `db:"status" json:"status"`
	InvalidReason string `db:"invalid_reason" json:"invalid_reason"`
	Notes         string `db:"notes" json:"notes"`
	UpdatedAt     string `db:"updated_at" json:"updated_at"`
}

// LeadWriter inserts and updates the leads of one import in an open
// transaction, with ids handed out ahead (the transaction holds the write
// lock), so that what the import added is one id range.
type LeadWriter struct {
	ctx context.Context
	tx  Tx
	now string

	First, Next int64
	// Updated are the leads that were there before and were changed.
	Updated []ImportItem

	insert *sql.Stmt
	// pausedGrams is lead_grams_insert while the writer has it dropped:
	// per row it cost about nine tenths of a lead import. Finish adds the
	// new leads' grams in one statement, in key order.
	pausedGrams []string
}

// addLeadGramsSQL adds the grams of the leads with ids in [?1, ?2), as
// lead_grams_insert (migration 0027) would.
const addLeadGramsSQL = `INSERT OR IGNORE INTO lead_grams (gram, id)
    SELECT lower(substr(f.t, i.n, 2)), f.id
      FROM (SELECT id, name AS t FROM leads WHERE id >= ?1 AND id < ?2
            UNION ALL SELECT id, company FROM leads WHERE id >= ?1 AND id < ?2
            UNION ALL SELECT id, contact_name FROM leads WHERE id >= ?1 AND id < ?2
            UNION ALL SELECT id, phone FROM leads WHERE id >= ?1 AND id < ?2) f
      JOIN (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < (SELECT COALESCE(MAX(max(length(name),
                length(company), length(contact_name), length(phone))), 0) FROM leads WHERE id >= ?1 AND id < ?2))
            SELECT n FROM i) i ON i.n <= length(f.t)
     ORDER BY 1, 2`

// NewLeadWriter prepares the writer. Close it when done.
func NewLeadWriter(ctx context.Context, tx Tx) (*LeadWriter, error) {
	w := &LeadWriter{ctx: context.WithoutCancel(ctx), tx: tx, now: Now()}
	if err := tx.GetContext(ctx, &w.Next, nextIDQuery("leads")); err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	w.First = w.Next
	var err error
	if w.pausedGrams, err = pauseTriggers(ctx, tx, "lead_grams_insert"); err != nil {
		return nil, err
	}
	if w.insert, err = tx.PrepareContext(ctx, `INSERT INTO leads (id, name, name_py, name_initials, company, contact_name, phone, email,
		source, owner_id, status, invalid_reason, notes, created_day, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`); err != nil {
		w.Close()
		return nil, fmt.Errorf("import: prepare leads: %w", err)
	}
	return w, nil
}

// Finish adds the new leads' grams and puts the paused trigger back.
// Updates meanwhile kept their trigger; INSERT OR IGNORE keeps the
// catch-up right for a new lead the same file named again.
func (w *LeadWriter) Finish() error {
	if len(w.pausedGrams) == 0 {
		return nil
	}
	if w.Next > w.First {
		if _, err := w.tx.ExecContext(w.ctx, addLeadGramsSQL, w.First, w.Next); err != nil {
			return fmt.Errorf("import: lead grams: %w", err)
		}
	}
	paused := w.pausedGrams
	w.pausedGrams = nil
	return resumeTriggers(w.ctx, w.tx, paused)
}

// Close releases the statement (and puts the trigger back if Finish did
// not: the transaction is then rolled back anyway).
func (w *LeadWriter) Close() {
	if len(w.pausedGrams) > 0 {
		_ = resumeTriggers(w.ctx, w.tx, w.pausedGrams)
		w.pausedGrams = nil
	}
	if w.insert != nil {
		w.insert.Close()
	}
}

// AddLead inserts a lead and returns its id.
func (w *LeadWriter) AddLead(l Lead) (int64, error) {
	id := w.Next
	if l.Status == "" {
		l.Status = LeadNew
	}
	py, ini := pinyin.Keys(l.Name)
	if _, err := w.insert.ExecContext(w.ctx, id, l.Name, py, ini, l.Company, l.ContactName, l.Phone, l.Email, l.Source,
		nullID(l.OwnerID), l.Status, l.InvalidReason, l.Notes, w.now[:10], w.now, w.now); err != nil {
		return 0, fmt.Errorf("insert lead: %w", err)
	}
	w.Next++
	return id, nil
}

// UpdateLead puts the values an import gives (the non-empty texts; OwnerID
// 0 and Status "" keep the lead's) over lead id, keeping the row as it was
// for undo. A converted lead keeps its status (its links to what it
// became stay true). It reports whether anything changed: nothing is
// written otherwise, so that importing a file again leaves the lead alone.
func (w *LeadWriter) UpdateLead(id int64, given Lead) (bool, error) {
	var old leadRestore
	if err := w.tx.GetContext(w.ctx, &old, `SELECT name, COALESCE(name_py, '') AS name_py, COALESCE(name_initials, '') AS name_initials,
		company, contact_name, phone, email, source, owner_id, status, invalid_reason, notes, updated_at FROM leads WHERE id = ?`, id); err != nil {
		return false, fmt.Errorf("read lead: %w", err)
	}
	next := old
	for _, f := range []struct{ d, s *string }{{&next.Name, &given.Name}, {&next.Company, &given.Company},
		{&next.ContactName, &given.ContactName}, {&next.Phone, &given.Phone}, {&next.Email, &given.Email},
		{&next.Source, &given.Source}, {&next.Notes, &given.Notes}} {
		if *f.s != "" {
			*f.d = *f.s
		}
	}
	if given.OwnerID != 0 {
		o := given.OwnerID
		next.OwnerID = &o
	}
	if given.Status != "" && old.Status != LeadConverted {
		next.Status, next.InvalidReason = given.Status, ""
		if given.Status == LeadInvalid {
			next.InvalidReason = given.InvalidReason
		}
	}
	sameOwner := (old.OwnerID == nil) == (next.OwnerID == nil) && (old.OwnerID == nil || *old.OwnerID == *next.OwnerID)
	o, n := old, next
	o.OwnerID, n.OwnerID = nil, nil
	if sameOwner && o == n {
		return false, nil
	}
	next.NamePy, next.NameInitials = pinyin.Keys(next.Name)
	if _, err := w.tx.ExecContext(w.ctx, `UPDATE leads SET name = ?, name_py = ?, name_initials = ?, company = ?, contact_name = ?,
		phone = ?, email = ?, source = ?, owner_id = ?, status = ?, invalid_reason = ?, notes = ?, updated_at = ? WHERE id = ?`,
		next.Name, next.NamePy, next.NameInitials, next.Company, next.ContactName, next.Phone, next.Email, next.Source, next.OwnerID,
		next.Status, next.InvalidReason, next.Notes, w.now, id); err != nil {
		return false, fmt.Errorf("update lead: %w", err)
	}
	b, _ := json.Marshal(old)
	w.Updated = append(w.Updated, ImportItem{Table: "leads", RecordID: id, Action: "update", Before: string(b), Stamp: w.now})
	return true, nil
}
