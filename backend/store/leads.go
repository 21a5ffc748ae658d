package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"funneldesk/backend/pinyin"
)

// Lead statuses (线索状态).
const (
	LeadNew       = "new"
	LeadWorking   = "working"
	LeadConverted = "converted"
	LeadInvalid   = "invalid"
)

// Lead is someone who may become a customer (线索). Once converted it keeps
// links to the customer, contact and opportunity it became.
type Lead struct {
	ID            int64  `db:"id" json:"id"`
	Name          string `db:"name" json:"name"`
	Company       string `db:"company" json:"company"`
	ContactName   string `db:"contact_name" json:"contactName"`
	Phone         string `db:"phone" json:"phone"`
	Email         string `db:"email" json:"email"`
	Source        string `db:"source" json:"source"`
	OwnerID       int64  `db:"owner_id" json:"ownerId"`
	OwnerName     string `db:"owner_name" json:"ownerName"`
	Status        string `db:"status" json:"status"`
	InvalidReason string `db:"invalid_reason" json:"invalidReason"`
	Notes         string `db:"notes" json:"notes"`
	// The records a converted lead became (0 for none).
	CustomerID        int64  `db:"customer_id" json:"customerId"`
	CustomerName      string `db:"customer_name" json:"customerName"`
	ContactID         int64  `db:"contact_id" json:"contactId"`
	ContactRecordName string `db:"contact_record_name" json:"contactRecordName"`
	OpportunityID     int64  `db:"opportunity_id" json:"opportunityId"`
	OpportunityName   string `db:"opportunity_name" json:"opportunityName"`
	ConvertedAt       string `db:"converted_at" json:"convertedAt"`
	CreatedAt         string `db:"created_at" json:"createdAt"`
	UpdatedAt         string `db:"updated_at" json:"updatedAt"`
}

// LeadFilter selects leads. Created bounds the creation date (YYYY-MM-DD,
// inclusive, "" open).
type LeadFilter struct {
	Query       string
	Status      string
	OwnerID     int64
	Source      string
	CreatedFrom string
	CreatedTo   string
}

const leadSelect = `SELECT l.id, l.name, l.company, l.contact_name, l.phone, l.email, l.source,
	COALESCE(l.owner_id, 0) AS owner_id, COALESCE(w.name, '') AS owner_name, l.status, l.invalid_reason, l.notes,
	COALESCE(l.customer_id, 0) AS customer_id, COALESCE(c.name, '') AS customer_name,
	COALESCE(l.contact_id, 0) AS contact_id, COALESCE(k.name, '') AS contact_record_name,
	COALESCE(l.opportunity_id, 0) AS opportunity_id, COALESCE(o.name, '') AS opportunity_name,
	l.converted_at, l.created_at, l.updated_at
	FROM leads l LEFT JOIN owners w ON w.id = l.owner_id
	LEFT JOIN customers c ON c.id = l.customer_id
	LEFT JOIN contacts k ON k.id = l.contact_id
	LEFT JOIN opportunities o ON o.id = l.opportunity_id`

// where is the filter's conditions on leads l. A search matches the name,
// company, contact person or phone anywhere, or the start of the name's
// pinyin or initials (leadTextMatch).
func (f LeadFilter) where() *where {
	w := &where{}
	if q := strings.TrimSpace(f.Query); q != "" {
		cond, a := leadTextMatch(q)
		w.add(cond, a...)
	}
	if f.Status != "" {
		w.add(`l.status = ?`, f.Status)
	}
	if f.OwnerID != 0 {
		w.add(`l.owner_id = ?`, f.OwnerID)
	}
	if f.Source != "" {
		w.add(`l.source = ?`, f.Source)
	}
	w.dateRange("l.created_day", f.CreatedFrom, f.CreatedTo)
	return w
}

// leadTextMatch is the condition that lead l's name, company, contact
// person or phone contains s (the same rows as four LIKE '%s%', which
// TestLeadTextIsLike compares), or that its name's pinyin keys start with
// s: id lists from index ranges of lead_grams (migration 0027; candidates
// checked with LIKE when s has three or more characters) and of the keys.
func leadTextMatch(s string) (string, []any) {
	ids, args, exact := gramQuery("lead_grams", s)
	cond := `l.id IN (` + ids + `)`
	if !exact {
		pat := "%" + escapeLike(s) + "%"
		cond = `(` + cond + ` AND (l.name LIKE ? ESCAPE '\' OR l.company LIKE ? ESCAPE '\' OR l.contact_name LIKE ? ESCAPE '\'
			OR l.phone LIKE ? ESCAPE '\'))`
		args = append(args, pat, pat, pat, pat)
	}
	if key, ok := pinyin.Query(s); ok {
		py, a := pinyinIDs("leads", key)
		cond = `(` + cond + ` OR l.id IN (` + py + `))`
		args = append(args, a...)
	}
	return cond, args
}

// leadTextIDs is a query for the distinct ids of the leads leadTextMatch
// finds, from the indexes alone (no lead is read), or ok false when the
// matches must be checked on the rows (three or more characters).
func leadTextIDs(s string) (query string, args []any, ok bool) {
	ids, args, exact := gramQuery("lead_grams", s)
	if !exact {
		return "", nil, false
	}
	query = ids
	if key, ok := pinyin.Query(s); ok {
		py, a := pinyinIDs("leads", key)
		query += ` UNION ALL ` + py
		args = append(args, a...)
	}
	// A lead is in both parts, or has a character in several places.
	return `SELECT DISTINCT id FROM (` + query + `)`, args, true
}

// searchOnly: the filter is a text search and nothing else.
func (f LeadFilter) searchOnly() bool {
	return strings.TrimSpace(f.Query) != "" && f.Status == "" && f.OwnerID == 0 && f.Source == "" &&
		f.CreatedFrom == "" && f.CreatedTo == ""
}

// ListLeads returns a page of leads, newest first, and the total matching.
// The page's ids are picked on the leads table alone, from the index of the
// filter in id order, so the joins run for its rows only. A text search
// reads the table newest first and stops after searchCollect matches: when
// it finds fewer, that one pass gives both the total and the page.
func ListLeads(ctx context.Context, q Querier, f LeadFilter, offset, limit int) ([]Lead, int, error) {
	w := f.where()
	total := -1
	var ids []int64
	// A search alone, of one or two characters, is answered by the
	// indexes: its ids, their count, the page's ids, no lead read.
	idsOnly, idArgs, indexed := "", []any(nil), false
	if f.searchOnly() {
		idsOnly, idArgs, indexed = leadTextIDs(strings.TrimSpace(f.Query))
	}
	if strings.TrimSpace(f.Query) != "" {
		var found []int64
		collect, cargs := `SELECT l.id FROM leads l`+w.sql()+` ORDER BY l.id DESC LIMIT ?`, w.args
		if indexed {
			collect, cargs = `SELECT id FROM (`+idsOnly+`) ORDER BY id DESC LIMIT ?`, idArgs
		}
		if err := q.SelectContext(ctx, &found, collect, append(append([]any{}, cargs...), searchCollect+1)...); err != nil {
			return nil, 0, fmt.Errorf("search leads: %w", err)
		}
		if len(found) <= searchCollect {
			total = len(found)
			if offset < len(found) {
				ids = found[offset:min(len(found), offset+limit)]
			}
		}
	}
	if total < 0 {
		// Counting through the rows looked up each match (57 ms for
		// 33,516 of 200,000); the indexed ids are counted alone (3 ms).
		count, cargs := `SELECT COUNT(*) FROM leads l`+w.sql(), w.args
		if indexed {
			count, cargs = `SELECT COUNT(*) FROM (`+idsOnly+`)`, idArgs
		}
		if err := q.GetContext(ctx, &total, count, cargs...); err != nil {
			return nil, 0, fmt.Errorf("count leads: %w", err)
		}
		if total == 0 || offset >= total {
			return []Lead{}, total, nil
		}
		page, pargs := `SELECT l.id FROM leads l`+w.sql()+` ORDER BY l.id DESC LIMIT ? OFFSET ?`, w.args
		if indexed {
			page, pargs = `SELECT id FROM (`+idsOnly+`) ORDER BY id DESC LIMIT ? OFFSET ?`, idArgs
		}
		if err := q.SelectContext(ctx, &ids, page, append(append([]any{}, pargs...), limit, offset)...); err != nil {
			return nil, 0, fmt.Errorf("list leads: %w", err)
		}
	}
	out := []Lead{}
	if len(ids) == 0 {
		return out, total, nil
	}
	c, a := inInts("l.id", ids)
	var rows []Lead
	if err := q.SelectContext(ctx, &rows, leadSelect+` WHERE `+c, a...); err != nil {
		return nil, 0, fmt.Errorf("list leads: %w", err)
	}
	return inOrder(out, ids, rows, func(r Lead) int64 { return r.ID }), total, nil
}

// EachLead hands every lead matching f to fn, newest first: the export
// streams them.
func EachLead(ctx context.Context, q Querier, f LeadFilter, fn func(Lead) error) error {
	w := f.where()
	return each(ctx, q, leadSelect+w.sql()+` ORDER BY l.id DESC`, w.args, func(scan func(any) error) error {
		var l Lead
		if err := scan(&l); err != nil {
			return err
		}
		return fn(l)
	})
}

// GetLead returns one lead or ErrNotFound.
func GetLead(ctx context.Context, q Querier, id int64) (Lead, error) {
	var l Lead
	err := q.GetContext(ctx, &l, leadSelect+` WHERE l.id = ?`, id)
	return l, notFound(err)
}

// InsertLead adds a lead with its pinyin keys and returns its id.
func InsertLead(ctx context.Context, q Querier, l Lead) (int64, error) {
	now := Now()
	if l.Status == "" {
		l.Status = LeadNew
	}
	py, ini := pinyin.Keys(l.Name)
	res, err := q.ExecContext(ctx, `INSERT INTO leads (name, name_py, name_initials, company, contact_name, phone, email, source,
		owner_id, status, invalid_reason, notes, created_day, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		l.Name, py, ini, l.Company, l.ContactName, l.Phone, l.Email, l.Source, nullID(l.OwnerID), l.Status, l.InvalidReason,
		l.Notes, now[:10], now, now)
	if err != nil {
		return 0, fmt.Errorf("insert lead: %w", err)
	}
	return res.LastInsertId()
}

// UpdateLead writes the editable fields of a lead (not its status or links).
func UpdateLead(ctx context.Context, q Querier, l Lead) error {
	py, ini := pinyin.Keys(l.Name)
	_, err := q.ExecContext(ctx, `UPDATE leads SET name = ?, name_py = ?, name_initials = ?, company = ?, contact_name = ?,
		phone = ?, email = ?, source = ?, owner_id = ?, notes = ?, updated_at = ? WHERE id = ?`,
		l.Name, py, ini, l.Company, l.ContactName, l.Phone, l.Email, l.Source, nullID(l.OwnerID), l.Notes, Now(), l.ID)
	if err != nil {
		return fmt.Errorf("update lead: %w", err)
	}
	return nil
}

// SetLeadStatus writes a lead's status and the reason it is invalid.
func SetLeadStatus(ctx context.Context, q Querier, id int64, status, reason string) error {
	_, err := q.ExecContext(ctx, `UPDATE leads SET status = ?, invalid_reason = ?, updated_at = ? WHERE id = ?`,
		status, reason, Now(), id)
	if err != nil {
		return fmt.Errorf("lead status: %w", err)
	}
	return nil
}

// SetLeadOwner gives a lead to ownerID.
func SetLeadOwner(ctx context.Context, q Querier, id, ownerID int64) error {
	_, err := q.ExecContext(ctx, `UPDATE leads SET owner_id = ?, updated_at = ? WHERE id = ?`, ownerID, Now(), id)
	if err != nil {
		return fmt.Errorf("lead owner: %w", err)
	}
	return nil
}

// MarkLeadConverted records what a lead became and makes it converted.
func MarkLeadConverted(ctx context.Context, q Querier, id, customerID, contactID, opportunityID int64) error {
	now := Now()
	_, err := q.ExecContext(ctx, `UPDATE leads SET status = 'converted', invalid_reason = '', customer_id = ?, contact_id = ?,
		opportunity_id = ?, converted_at = ?, updated_at = ? WHERE id = ?`,
		nullID(customerID), nullID(contactID), nullID(opportunityID), now, now, id)
	if err != nil {
		return fmt.Errorf("convert lead: %w", err)
	}
	return nil
}

// LeadSources returns the sources leads have, in pinyin-agnostic byte
// order, for the filter's choices.
func LeadSources(ctx context.Context, q Querier) ([]string, error) {
	out := []string{}
	// leads_source is ordered by source: a skip-scan of distinct values.
	err := q.SelectContext(ctx, &out, `SELECT DISTINCT source FROM leads WHERE source <> '' ORDER BY source LIMIT 200`)
	if err != nil {
		return nil, fmt.Errorf("lead sources: %w", err)
	}
	return out, nil
}

// LeadRateRow is one group of the conversion report: the leads created in
// the period by one source or owner, and how many were converted or found
// invalid.
type LeadRateRow struct {
	Key       string `db:"key" json:"key"`
	OwnerID   int64  `db:"owner_id" json:"ownerId"`
	Total     int    `db:"total" json:"total"`
	Converted int    `db:"converted" json:"converted"`
	Invalid   int    `db:"invalid" json:"invalid"`
}

// LeadRates groups the leads created in [from, to] ("" open) by source
// (by "source") or owner (by "owner"), largest group first. The counting
// reads the leads_report index alone (it holds every column it needs); the
// owners' names are joined to the groups after.
func LeadRates(ctx context.Context, q Querier, by, from, to string) ([]LeadRateRow, error) {
	group := `source`
	if by == "owner" {
		group = `COALESCE(owner_id, 0)`
	}
	// Whole months from the kept counts (lead_month_counts, 0040), the
	// days of partial months from the leads_report index.
	fromM, toM, edges := leadMonths(from, to)
	parts := []string{`SELECT ` + group + ` AS grp, SUM(n) AS total, SUM(CASE WHEN status = 'converted' THEN n ELSE 0 END) AS converted,
		SUM(CASE WHEN status = 'invalid' THEN n ELSE 0 END) AS invalid FROM lead_month_counts WHERE month >= ? AND month <= ? GROUP BY grp`}
	args := []any{fromM, toM}
	for _, e := range edges {
		parts = append(parts, `SELECT `+group+` AS grp, COUNT(*) AS total, SUM(status = 'converted') AS converted,
			SUM(status = 'invalid') AS invalid FROM leads INDEXED BY leads_report WHERE created_day >= ? AND created_day <= ? GROUP BY grp`)
		args = append(args, e[0], e[1])
	}
	sel := `g.grp AS key, 0 AS owner_id`
	join := ``
	if by == "owner" {
		sel = `COALESCE(w.name, '') AS key, g.grp AS owner_id`
		join = ` LEFT JOIN owners w ON w.id = g.grp`
	}
	out := []LeadRateRow{}
	err := q.SelectContext(ctx, &out, `SELECT `+sel+`, g.total, g.converted, g.invalid FROM (
		SELECT grp, SUM(total) AS total, SUM(converted) AS converted, SUM(invalid) AS invalid FROM (`+
		strings.Join(parts, " UNION ALL ")+`) GROUP BY grp HAVING SUM(total) > 0) g`+join+` ORDER BY g.total DESC, key`, args...)
	if err != nil {
		return nil, fmt.Errorf("lead rates: %w", err)
	}
	return out, nil
}

// leadMonths splits the days [from, to] ("" open; YYYY-MM-DD) into the
// whole months fromM … toM (none when toM < fromM) and the day ranges of
// the months the period covers only in part.
func leadMonths(from, to string) (fromM, toM string, edges [][2]string) {
	if (from != "" && len(from) != 10) || (to != "" && len(to) != 10) ||
		(from != "" && to != "" && from[:7] == to[:7] && (from[8:] != "01" || to != monthEnd(to))) {
		// Within one month (or not a plain date): the days themselves.
		if to == "" {
			to = "9999-12-31"
		}
		return "9999-99", "0000-00", [][2]string{{from, to}}
	}
	fromM, toM = "0000-00", "9999-99"
	if from != "" {
		fromM = from[:7]
		if from[8:] != "01" {
			edges = append(edges, [2]string{from, monthEnd(from)})
			fromM = nextMonth(fromM)
		}
	}
	if to != "" {
		toM = to[:7]
		if to != monthEnd(to) {
			edges = append(edges, [2]string{toM + "-01", to})
			toM = prevMonth(toM)
		}
	}
	return fromM, toM, edges
}

func monthEnd(day string) string {
	t, err := time.Parse("2006-01-02", day[:7]+"-01")
	if err != nil {
		return day
	}
	return t.AddDate(0, 1, -1).Format("2006-01-02")
}

func nextMonth(m string) string {
	t, err := time.Parse("2006-01", m)
	if err != nil {
		return m
	}
	return t.AddDate(0, 1, 0).Format("2006-01")
}

func prevMonth(m string) string {
	t, err := time.Parse("2006-01", m)
	if err != nil {
		return m
	}
	return t.AddDate(0, -1, 0).Format("2006-01")
}
