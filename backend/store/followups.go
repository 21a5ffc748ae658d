package store

import (
	"context"
	"fmt"
)

// FollowUp is one contact with a customer (跟进记录), about the customer
// itself, one of its contacts or one of its opportunities, or with a lead
// (线索) before it became a customer (CustomerID 0).
type FollowUp struct {
	ID         int64 `db:"id" json:"id"`
	CustomerID int64 `db:"customer_id" json:"customerId"`
	// LeadID is the lead of a follow-up on a lead, else 0.
	LeadID   int64  `db:"lead_id" json:"leadId"`
	LeadName string `db:"lead_name" json:"leadName"`
	// ContactID and OpportunityID are 0 when the follow-up is not about one.
	ContactID       int64  `db:"contact_id" json:"contactId"`
	OpportunityID   int64  `db:"opportunity_id" json:"opportunityId"`
	CustomerName    string `db:"customer_name" json:"customerName"`
	ContactName     string `db:"contact_name" json:"contactName"`
	OpportunityName string `db:"opportunity_name" json:"opportunityName"`
	Date            string `db:"date" json:"date"`
	// Time is HH:MM, or "" when only the date is known.
	Time       string `db:"time" json:"time"`
	Method     string `db:"method" json:"method"`
	Content    string `db:"content" json:"content"`
	NextDate   string `db:"next_date" json:"nextDate"`
	NextAction string `db:"next_action" json:"nextAction"`
	// Pending is true while NextDate is still to be kept: no later
	// follow-up on the same record has been recorded.
	Pending   bool   `db:"pending" json:"pending"`
	CreatedAt string `db:"created_at" json:"createdAt"`
	UpdatedAt string `db:"updated_at" json:"updatedAt"`
}

const followUpSelect = `SELECT f.id, COALESCE(f.customer_id, 0) AS customer_id, COALESCE(f.lead_id, 0) AS lead_id,
	COALESCE(ld.name, '') AS lead_name, COALESCE(f.contact_id, 0) AS contact_id,
	COALESCE(f.opportunity_id, 0) AS opportunity_id, COALESCE(c.name, '') AS customer_name,
	COALESCE(k.name, '') AS contact_name, COALESCE(o.name, '') AS opportunity_name,
	f.date, f.time, f.method, f.content, f.next_date, f.next_action, f.pending, f.created_at, f.updated_at
	FROM followups f
	LEFT JOIN customers c ON c.id = f.customer_id
	LEFT JOIN contacts k ON k.id = f.contact_id
	LEFT JOIN opportunities o ON o.id = f.opportunity_id
	LEFT JOIN leads ld ON ld.id = f.lead_id`

// FollowUpOf names the record whose follow-ups are listed: exactly one of
// the ids is set.
type FollowUpOf struct {
	CustomerID, ContactID, OpportunityID, LeadID int64
}

// ListFollowUps returns the follow-ups of a customer (all of them, whatever
// they were about), a contact or an opportunity, newest first, at most
// limit.
func ListFollowUps(ctx context.Context, q Querier, of FollowUpOf, limit int) ([]FollowUp, error) {
	col, id := "f.customer_id", of.CustomerID
	switch {
	case of.LeadID != 0:
		col, id = "f.lead_id", of.LeadID
	case of.OpportunityID != 0:
		col, id = "f.opportunity_id", of.OpportunityID
	case of.ContactID != 0:
		col, id = "f.contact_id", of.ContactID
	}
	out := []FollowUp{}
	err := q.SelectContext(ctx, &out, followUpSelect+` WHERE `+col+` = ? ORDER BY f.date DESC, f.time DESC, f.id DESC LIMIT ?`,
		id, limit)
	if err != nil {
		return nil, fmt.Errorf("list follow-ups: %w", err)
	}
	return out, nil
}

// GetFollowUp returns one follow-up or ErrNotFound.
func GetFollowUp(ctx context.Context, q Querier, id int64) (FollowUp, error) {
	var f FollowUp
	err := q.GetContext(ctx, &f, followUpSelect+` WHERE f.id = ?`, id)
	return f, notFound(err)
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// InsertFollowUp adds a follow-up record. Callers settle the reminders and
// dates of its records afterwards (RefreshFollowUps).
func InsertFollowUp(ctx context.Context, q Querier, f FollowUp) (int64, error) {
	now := Now()
	res, err := q.ExecContext(ctx, `INSERT INTO followups (customer_id, lead_id, contact_id, opportunity_id, date, time, method,
		content, next_date, next_action, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		nullID(f.CustomerID), nullID(f.LeadID), nullID(f.ContactID), nullID(f.OpportunityID), f.Date, f.Time, f.Method, f.Content, f.NextDate,
		f.NextAction, now, now)
	if err != nil {
		return 0, fmt.Errorf("insert follow-up: %w", err)
	}
	return res.LastInsertId()
}

// UpdateFollowUp writes every editable field of a follow-up.
func UpdateFollowUp(ctx context.Context, q Querier, f FollowUp) error {
	_, err := q.ExecContext(ctx, `UPDATE followups SET customer_id = ?, lead_id = ?, contact_id = ?, opportunity_id = ?, date = ?,
		time = ?, method = ?, content = ?, next_date = ?, next_action = ?, updated_at = ? WHERE id = ?`,
		nullID(f.CustomerID), nullID(f.LeadID), nullID(f.ContactID), nullID(f.OpportunityID), f.Date, f.Time, f.Method, f.Content, f.NextDate,
		f.NextAction, Now(), f.ID)
	if err != nil {
		return fmt.Errorf("update follow-up: %w", err)
	}
	return nil
}

// DeleteFollowUp removes a follow-up record; it reports whether one existed.
func DeleteFollowUp(ctx context.Context, q Querier, id int64) (bool, error) {
	res, err := q.ExecContext(ctx, `DELETE FROM followups WHERE id = ?`, id)
	if err != nil {
		return false, fmt.Errorf("delete follow-up: %w", err)
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

// RefreshFollowUps recomputes what depends on the follow-ups of f's
// records after one of them was added, edited or deleted: the pending flag
// of the record's follow-ups (only its latest one with a next date is
// pending) and the last follow-up dates of the customer and the
// opportunity. Each reads one index range of a single record's follow-ups.
func RefreshFollowUps(ctx context.Context, q Querier, f FollowUp) error {
	// The record the follow-up is about: its lead, its opportunity, else
	// its contact, else the customer alone.
	subject, args := `customer_id = ? AND contact_id IS NULL AND opportunity_id IS NULL AND lead_id IS NULL`, []any{f.CustomerID}
	switch {
	case f.LeadID != 0:
		subject, args = `lead_id = ?`, []any{f.LeadID}
	case f.OpportunityID != 0:
		subject, args = `opportunity_id = ?`, []any{f.OpportunityID}
	case f.ContactID != 0:
		subject, args = `contact_id = ? AND opportunity_id IS NULL`, []any{f.ContactID}
	}
	latest := `(SELECT id FROM followups WHERE ` + subject + ` ORDER BY date DESC, time DESC, id DESC LIMIT 1)`
	// Only the rows that may change are written: the pending one and the latest.
	if _, err := q.ExecContext(ctx, `UPDATE followups SET pending = (next_date <> '' AND id = `+latest+`)
		WHERE `+subject+` AND (pending = 1 OR id = `+latest+`)`, append(append(append([]any{}, args...), args...), args...)...); err != nil {
		return fmt.Errorf("settle follow-ups: %w", err)
	}
	if f.CustomerID == 0 {
		return nil
	}
	if _, err := q.ExecContext(ctx, `UPDATE customers SET last_followup_at =
		COALESCE((SELECT MAX(date) FROM followups WHERE customer_id = ?), '') WHERE id = ?`, f.CustomerID, f.CustomerID); err != nil {
		return fmt.Errorf("last follow-up: %w", err)
	}
	if f.OpportunityID != 0 {
		if _, err := q.ExecContext(ctx, `UPDATE opportunities SET last_followup_at =
			COALESCE((SELECT MAX(date) FROM followups WHERE opportunity_id = ?), '') WHERE id = ?`,
			f.OpportunityID, f.OpportunityID); err != nil {
			return fmt.Errorf("last follow-up: %w", err)
		}
	}
	return nil
}
