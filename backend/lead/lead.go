// Package lead keeps leads (线索): people and companies that may become
// customers, who follows them up, and their conversion (转换) into a
// customer, a contact and perhaps an opportunity in one transaction.
//
// A lead is new (新线索), working (跟进中), converted (已转化, with links to
// what it became) or invalid (无效, with the reason). A converted lead's
// status no longer changes; an invalid one is set back to working before it
// can be converted.
package lead

import (
	"context"
	"errors"
	"strings"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
	"funneldesk/backend/oplog"
	"funneldesk/backend/owner"
	"funneldesk/backend/recycle"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
	"funneldesk/backend/validate"
)

// Statuses in the order the UI offers them.
var Statuses = []string{store.LeadNew, store.LeadWorking, store.LeadConverted, store.LeadInvalid}

// StatusLabel is the catalog key that words a status.
func StatusLabel(status string) msg.Key {
	switch status {
	case store.LeadWorking:
		return msg.LeadStatusWorking
	case store.LeadConverted:
		return msg.LeadStatusConverted
	case store.LeadInvalid:
		return msg.LeadStatusInvalid
	}
	return msg.LeadStatusNew
}

// MaxBatch bounds the leads one batch action changes.
const MaxBatch = 1000

// Input creates or edits a lead.
type Input struct {
	Name        string `json:"name"`
	Company     string `json:"company"`
	ContactName string `json:"contactName"`
	Phone       string `json:"phone"`
	Email       string `json:"email"`
	Source      string `json:"source"`
	OwnerID     int64  `json:"ownerId"`
	Notes       string `json:"notes"`
}

// Filter selects leads; CreatedFrom and CreatedTo (YYYY-MM-DD) bound the
// day it was created.
type Filter struct {
	Query       string `json:"query"`
	Status      string `json:"status"`
	OwnerID     int64  `json:"ownerId"`
	Source      string `json:"source"`
	CreatedFrom string `json:"createdFrom"`
	CreatedTo   string `json:"createdTo"`
}

// ListRequest asks for one page (1-based) of the filtered list.
type ListRequest struct {
	Filter   Filter `json:"filter"`
	Page     int    `json:"page"`
	PageSize int    `json:"pageSize"`
}

// Page is one page of leads and the total matching.
type Page struct {
	Items    []store.Lead `json:"items"`
	Total    int          `json:"total"`
	Page     int          `json:"page"`
	PageSize int          `json:"pageSize"`
}

// Options are the choices of the lead screen.
type Options struct {
	Statuses []string `json:"statuses"`
	Sources  []string `json:"sources"`
	Today    string   `json:"today"`
}

// Service is bound to the UI.
type Service struct {
	st  *store.Store
	env *svc.Env
}

// NewService returns the lead service over st.
func NewService(st *store.Store, env *svc.Env) *Service { return &Service{st: st, env: env} }

// Options returns the statuses and the sources leads have.
func (s *Service) Options() (Options, error) {
	src, err := store.LeadSources(s.env.Ctx(), s.st.DB)
	return Options{Statuses: Statuses, Sources: src, Today: s.env.Today()}, err
}

// checkFilter validates f and writes its dates back as YYYY-MM-DD.
func checkFilter(f *Filter) error {
	var err error
	if f.Status != "" && !oneOf(f.Status, Statuses) {
		return apperr.Invalid("status", msg.LeadStatusUnknown, msg.P{"value": f.Status})
	}
	if f.CreatedFrom, err = validate.Date("createdFrom", msg.LabelFrom, f.CreatedFrom, false); err != nil {
		return err
	}
	if f.CreatedTo, err = validate.Date("createdTo", msg.LabelTo, f.CreatedTo, false); err != nil {
		return err
	}
	return validate.DateRange("createdTo", f.CreatedFrom, f.CreatedTo)
}

func (f Filter) store() store.LeadFilter {
	return store.LeadFilter{Query: f.Query, Status: f.Status, OwnerID: f.OwnerID, Source: strings.TrimSpace(f.Source),
		CreatedFrom: f.CreatedFrom, CreatedTo: f.CreatedTo}
}

// List returns one page of leads, newest first.
func (s *Service) List(req ListRequest) (Page, error) {
	if err := checkFilter(&req.Filter); err != nil {
		return Page{}, err
	}
	off, lim := validate.Page(req.Page, req.PageSize)
	items, total, err := store.ListLeads(s.env.Ctx(), s.st.DB, req.Filter.store(), off, lim)
	if err != nil {
		return Page{}, err
	}
	return Page{Items: items, Total: total, Page: off/lim + 1, PageSize: lim}, nil
}

// Get returns one lead.
func (s *Service) Get(id int64) (store.Lead, error) {
	return get(s.env.Ctx(), s.st.DB, id)
}

func get(ctx context.Context, q store.Querier, id int64) (store.Lead, error) {
	l, err := store.GetLead(ctx, q, id)
	if errors.Is(err, store.ErrNotFound) {
		return l, apperr.NotFound("id", msg.LeadNotFound)
	}
	return l, err
}

// Check validates in against the lead as stored (zero for a new one) and
// returns the row to write; the importer checks each row through it.
func Check(ctx context.Context, q store.Querier, in Input, cur store.Lead) (store.Lead, error) {
	l := cur
	var errs apperr.List
	var err error
	l.Name, err = validate.Text("name", msg.LabelLeadName, in.Name, true, 100)
	errs.Add(err)
	fields := []struct {
		dst      *string
		field, v string
		label    msg.Key
		max      int
	}{
		{&l.Company, "company", in.Company, msg.LabelLeadCompany, 100},
		{&l.ContactName, "contactName", in.ContactName, msg.LabelLeadContact, 50},
		{&l.Source, "source", in.Source, msg.LabelLeadSource, 50},
		{&l.Notes, "notes", in.Notes, msg.LabelNotes, 2000},
	}
	for _, f := range fields {
		*f.dst, err = validate.Text(f.field, f.label, f.v, false, f.max)
		errs.Add(err)
	}
	l.Phone, l.Email, err = checkPhoneEmail(in.Phone, in.Email)
	errs.Add(err)
	if o, err := owner.Resolve(ctx, q, in.OwnerID, cur.OwnerID); errs.OK(err) {
		l.OwnerID, l.OwnerName = o.ID, o.Name
	}
	return l, errs.Err()
}

// checkPhoneEmail checks a phone number and an email address as the
// customer and contact forms do.
func checkPhoneEmail(phone, email string) (string, string, error) {
	var errs apperr.List
	p, err := validate.Text("phone", msg.LabelPhone, phone, false, 50)
	if errs.OK(err) {
		p, err = validate.Phone("phone", msg.LabelPhone, p)
		errs.Add(err)
	}
	e, err := validate.Text("email", msg.LabelEmail, email, false, 100)
	if errs.OK(err) {
		// One address: user@domain, both parts present.
		user, domain, _ := strings.Cut(e, "@")
		if e != "" && (user == "" || domain == "" || strings.Contains(domain, "@") || strings.ContainsAny(e, " ,;")) {
			errs.Add(apperr.Invalid("email", msg.EmailInvalid, msg.P{"value": e}))
		}
	}
	return p, e, errs.Err()
}

// Create adds a new lead.
func (s *Service) Create(in Input) (store.Lead, error) {
	ctx := s.env.Ctx()
	var out store.Lead
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		l, err := Check(ctx, tx, in, store.Lead{})
		if err != nil {
			return err
		}
		l.Status = store.LeadNew
		id, err := store.InsertLead(ctx, tx, l)
		if err != nil {
			return err
		}
		if out, err = store.GetLead(ctx, tx, id); err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "lead", ID: id, Name: out.Name, Action: oplog.Create, Owner: out.OwnerName, New: out})
	})
	return out, err
}

// Update edits a lead's fields (a converted lead too: its links stay).
func (s *Service) Update(id int64, in Input) (store.Lead, error) {
	ctx := s.env.Ctx()
	var out store.Lead
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		cur, err := get(ctx, tx, id)
		if err != nil {
			return err
		}
		l, err := Check(ctx, tx, in, cur)
		if err != nil {
			return err
		}
		if err := store.UpdateLead(ctx, tx, l); err != nil {
			return err
		}
		if out, err = store.GetLead(ctx, tx, id); err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "lead", ID: id, Name: out.Name, Action: oplog.Update, Owner: out.OwnerName, Old: cur, New: out})
	})
	return out, err
}

// Delete moves a lead with its follow-ups to the recycle bin; the records
// it became stay.
func (s *Service) Delete(id int64) error {
	ctx := s.env.Ctx()
	return s.st.Tx(ctx, func(tx store.Tx) error {
		l, err := get(ctx, tx, id)
		if err != nil {
			return err
		}
		return recycle.Trash(ctx, tx, s.env.Now(), "lead", id, l.Name, l.OwnerName)
	})
}

// StatusChange sets leads' status; Reason is required for invalid.
type StatusChange struct {
	IDs    []int64 `json:"ids"`
	Status string  `json:"status"`
	Reason string  `json:"reason"`
}

// SetStatus sets the status of one or more leads (new, working or invalid;
// converted comes only from Convert). Marking invalid needs a reason. A
// converted lead among them refuses the whole change.
func (s *Service) SetStatus(c StatusChange) ([]store.Lead, error) {
	if err := checkIDs(c.IDs); err != nil {
		return nil, err
	}
	switch c.Status {
	case store.LeadNew, store.LeadWorking, store.LeadInvalid:
	default:
		return nil, apperr.Invalid("status", msg.LeadStatusUnknown, msg.P{"value": c.Status})
	}
	reason := ""
	if c.Status == store.LeadInvalid {
		var err error
		if reason, err = validate.Text("reason", msg.LabelInvalidReason, c.Reason, false, 500); err != nil {
			return nil, err
		}
		if reason == "" {
			return nil, apperr.Invalid("reason", msg.LeadReasonNeeded)
		}
	}
	ctx := s.env.Ctx()
	out := []store.Lead{}
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		for _, id := range c.IDs {
			cur, err := get(ctx, tx, id)
			if err != nil {
				return err
			}
			if cur.Status == store.LeadConverted {
				return apperr.Conflict("status", msg.LeadIsConverted, msg.P{"name": cur.Name})
			}
			if err := store.SetLeadStatus(ctx, tx, id, c.Status, reason); err != nil {
				return err
			}
			l, err := store.GetLead(ctx, tx, id)
			if err != nil {
				return err
			}
			if err := oplog.Record(ctx, tx, oplog.Entry{Kind: "lead", ID: id, Name: l.Name, Action: oplog.Update, Owner: l.OwnerName, Old: cur, New: l}); err != nil {
				return err
			}
			out = append(out, l)
		}
		return nil
	})
	return out, err
}

// BatchAssign gives leads to ownerID (an active salesperson); all or none.
func (s *Service) BatchAssign(ids []int64, ownerID int64) (int, error) {
	if err := checkIDs(ids); err != nil {
		return 0, err
	}
	ctx := s.env.Ctx()
	n := 0
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		o, err := owner.Resolve(ctx, tx, ownerID, 0)
		if err != nil {
			return err
		}
		for _, id := range ids {
			cur, err := get(ctx, tx, id)
			if err != nil {
				return err
			}
			if cur.OwnerID == o.ID {
				continue
			}
			if err := store.SetLeadOwner(ctx, tx, id, o.ID); err != nil {
				return err
			}
			l := cur
			l.OwnerID, l.OwnerName = o.ID, o.Name
			if err := oplog.Record(ctx, tx, oplog.Entry{Kind: "lead", ID: id, Name: cur.Name, Action: oplog.Update, Owner: o.Name, Old: cur, New: l}); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

func checkIDs(ids []int64) error {
	if len(ids) == 0 {
		return apperr.Invalid("ids", msg.LeadNoLeads)
	}
	if len(ids) > MaxBatch {
		return apperr.Invalid("ids", msg.LeadTooMany, msg.P{"max": MaxBatch})
	}
	return nil
}

func oneOf(s string, allowed []string) bool {
	for _, a := range allowed {
		if s == a {
			return true
		}
	}
	return false
}
