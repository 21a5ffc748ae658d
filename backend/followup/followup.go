// Package followup keeps the follow-ups (跟进记录) on customers, their
// contacts and their opportunities, and on leads (线索): when, how, what was said, and when to
// follow up next and what to do then.
//
// A follow-up always names its customer, also when it is about one of the
// customer's contacts or opportunities, so that the customer's last
// follow-up (the list column, and the clock of the pool's recycle rules) is
// one index range. Its next date is a reminder on the 工作台 until a later
// follow-up on the same record (the opportunity, else the contact, else the
// customer) is recorded: store.RefreshFollowUps keeps that flag and the
// last follow-up dates of the customer and opportunity in the transaction
// of every add, edit and delete.
package followup

import (
	"context"
	"encoding/json"
	"errors"
	"strings"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
	"funneldesk/backend/oplog"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
	"funneldesk/backend/validate"
)

// DefaultMethods are the follow-up methods offered until the user changes
// the list in the settings.
var DefaultMethods = []string{"电话", "拜访", "微信", "邮件", "会议", "其他"}

// MaxMethods bounds the configurable list of methods.
const MaxMethods = 30

// ListLimit bounds the follow-ups one detail screen shows.
const ListLimit = 500

// Settings keys.
const (
	methodsKey = "followup_methods"
	notifyKey  = "notify_desktop"
)

// Input creates or edits a follow-up. Set OpportunityID for a follow-up on
// an opportunity, ContactID for one with a contact, CustomerID alone for
// one on the customer; the customer is taken from the contact or the
// opportunity when not given. LeadID alone is a follow-up on a lead.
type Input struct {
	LeadID        int64  `json:"leadId"`
	CustomerID    int64  `json:"customerId"`
	ContactID     int64  `json:"contactId"`
	OpportunityID int64  `json:"opportunityId"`
	Date          string `json:"date"`
	Time          string `json:"time"`
	Method        string `json:"method"`
	Content       string `json:"content"`
	NextDate      string `json:"nextDate"`
	NextAction    string `json:"nextAction"`
}

// Of names the record whose follow-ups to list: the opportunity if set,
// else the contact, else the customer (all its follow-ups, whatever they
// were about). LeadID names a lead.
type Of struct {
	LeadID        int64 `json:"leadId"`
	CustomerID    int64 `json:"customerId"`
	ContactID     int64 `json:"contactId"`
	OpportunityID int64 `json:"opportunityId"`
}

// Options are the follow-up settings: the methods offered and whether the
// desktop notifications are on.
type Options struct {
	Methods []string `json:"methods"`
	Notify  bool     `json:"notify"`
	// Today is the clock's date: the form's default date and the latest
	// one it accepts.
	Today string `json:"today"`
}

// Service is bound to the UI.
type Service struct {
	st  *store.Store
	env *svc.Env
}

// NewService returns the follow-up service over st.
func NewService(st *store.Store, env *svc.Env) *Service { return &Service{st: st, env: env} }

// List returns the follow-ups of a customer, contact or opportunity, newest
// first (at most ListLimit).
func (s *Service) List(of Of) ([]store.FollowUp, error) {
	if of.CustomerID == 0 && of.ContactID == 0 && of.OpportunityID == 0 && of.LeadID == 0 {
		return nil, apperr.Invalid("customerId", msg.FollowUpNoRecord)
	}
	return store.ListFollowUps(s.env.Ctx(), s.st.DB, store.FollowUpOf{CustomerID: of.CustomerID, ContactID: of.ContactID,
		OpportunityID: of.OpportunityID, LeadID: of.LeadID}, ListLimit)
}

// Create records a follow-up.
func (s *Service) Create(in Input) (store.FollowUp, error) {
	ctx := s.env.Ctx()
	var out store.FollowUp
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		f, err := s.check(ctx, tx, in, "")
		if err != nil {
			return err
		}
		if f.ID, err = store.InsertFollowUp(ctx, tx, f); err != nil {
			return err
		}
		if err := store.RefreshFollowUps(ctx, tx, f); err != nil {
			return err
		}
		if out, err = store.GetFollowUp(ctx, tx, f.ID); err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "followup", ID: out.ID, Name: logName(out), Action: oplog.Create, New: out})
	})
	return out, err
}

// Update edits a follow-up; it may move to another record of the same or
// another customer.
func (s *Service) Update(id int64, in Input) (store.FollowUp, error) {
	ctx := s.env.Ctx()
	var out store.FollowUp
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		cur, err := get(ctx, tx, id)
		if err != nil {
			return err
		}
		f, err := s.check(ctx, tx, in, cur.Method)
		if err != nil {
			return err
		}
		f.ID = id
		if err := store.UpdateFollowUp(ctx, tx, f); err != nil {
			return err
		}
		// The record it left, then the one it is on now.
		if err := store.RefreshFollowUps(ctx, tx, cur); err != nil {
			return err
		}
		if err := store.RefreshFollowUps(ctx, tx, f); err != nil {
			return err
		}
		if out, err = store.GetFollowUp(ctx, tx, id); err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "followup", ID: id, Name: logName(out), Action: oplog.Update, Old: cur, New: out})
	})
	return out, err
}

// Delete removes a follow-up; the record's previous follow-up becomes its
// last one again (and its next date a reminder again).
func (s *Service) Delete(id int64) error {
	ctx := s.env.Ctx()
	return s.st.Tx(ctx, func(tx store.Tx) error {
		cur, err := get(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := store.DeleteFollowUp(ctx, tx, id); err != nil {
			return err
		}
		if err := oplog.Record(ctx, tx, oplog.Entry{Kind: "followup", ID: id, Name: logName(cur), Action: oplog.Delete, Old: cur}); err != nil {
			return err
		}
		return store.RefreshFollowUps(ctx, tx, cur)
	})
}

// logName names a follow-up in the log: its customer (or lead) and date.
func logName(f store.FollowUp) string {
	if f.CustomerID == 0 {
		return f.LeadName + " " + f.Date
	}
	return f.CustomerName + " " + f.Date
}

func get(ctx context.Context, q store.Querier, id int64) (store.FollowUp, error) {
	f, err := store.GetFollowUp(ctx, q, id)
	if errors.Is(err, store.ErrNotFound) {
		return f, apperr.NotFound("id", msg.FollowUpNotFound)
	}
	return f, err
}

// check validates in and resolves its customer; curMethod (the follow-up's
// method before an edit) stays allowed after it left the list of methods.
func (s *Service) check(ctx context.Context, q store.Querier, in Input, curMethod string) (store.FollowUp, error) {
	f := store.FollowUp{CustomerID: in.CustomerID, ContactID: in.ContactID, OpportunityID: in.OpportunityID, LeadID: in.LeadID}
	var errs apperr.List
	errs.Add(resolve(ctx, q, &f))
	var err error
	if f.Date, err = validate.Date("date", msg.LabelFollowUpDate, in.Date, true); errs.OK(err) {
		if today := s.env.Today(); f.Date > today {
			errs.Add(apperr.Invalid("date", msg.FollowUpFuture, msg.P{"today": today}))
		}
	}
	f.Time, err = validate.Time("time", msg.LabelFollowUpTime, in.Time)
	errs.Add(err)
	methods, err := Methods(ctx, q)
	if err != nil {
		return f, err
	}
	if strings.TrimSpace(in.Method) != curMethod || curMethod == "" {
		f.Method, err = validate.OneOf("method", msg.LabelFollowUpMethod, in.Method, methods)
		errs.Add(err)
	} else {
		f.Method = curMethod
	}
	f.Content, err = validate.Text("content", msg.LabelFollowUpContent, in.Content, true, 4000)
	errs.Add(err)
	if f.NextDate, err = validate.Date("nextDate", msg.LabelFollowUpNext, in.NextDate, false); errs.OK(err) &&
		!errs.Has("date") && f.NextDate != "" && f.NextDate < f.Date {
		errs.Add(apperr.Invalid("nextDate", msg.FollowUpNextBefore))
	}
	f.NextAction, err = validate.Text("nextAction", msg.LabelFollowUpNextAction, in.NextAction, false, 200)
	errs.Add(err)
	return f, errs.Err()
}

// resolve checks the contact and opportunity and fills the customer from
// them; a contact and an opportunity of different customers are refused.
func resolve(ctx context.Context, q store.Querier, f *store.FollowUp) error {
	if f.LeadID != 0 {
		// A lead is no customer yet: the follow-up is on the lead alone.
		f.CustomerID, f.ContactID, f.OpportunityID = 0, 0, 0
		if _, err := store.GetLead(ctx, q, f.LeadID); errors.Is(err, store.ErrNotFound) {
			return apperr.Invalid("leadId", msg.LeadNotFound)
		} else if err != nil {
			return err
		}
		return nil
	}
	if f.CustomerID == 0 && f.ContactID == 0 && f.OpportunityID == 0 {
		return apperr.Invalid("customerId", msg.FollowUpNoRecord)
	}
	var custName string
	if f.CustomerID != 0 {
		c, err := store.GetCustomer(ctx, q, f.CustomerID)
		if errors.Is(err, store.ErrNotFound) {
			return apperr.Invalid("customerId", msg.CustomerNotFound)
		}
		if err != nil {
			return err
		}
		custName = c.Name
	}
	if f.OpportunityID != 0 {
		o, err := store.GetOpportunity(ctx, q, f.OpportunityID)
		if errors.Is(err, store.ErrNotFound) {
			return apperr.Invalid("opportunityId", msg.OpportunityNotFound)
		}
		if err != nil {
			return err
		}
		if f.CustomerID != 0 && o.CustomerID != f.CustomerID {
			return apperr.Invalid("opportunityId", msg.FollowUpOppOf, msg.P{"name": o.Name, "customer": custName})
		}
		f.CustomerID, custName = o.CustomerID, o.CustomerName
	}
	if f.ContactID != 0 {
		k, err := store.GetContact(ctx, q, f.ContactID)
		if errors.Is(err, store.ErrNotFound) {
			return apperr.Invalid("contactId", msg.ContactNotFound)
		}
		if err != nil {
			return err
		}
		if f.CustomerID != 0 && k.CustomerID != f.CustomerID {
			return apperr.Invalid("contactId", msg.FollowUpContactOf, msg.P{"name": k.Name, "customer": custName})
		}
		f.CustomerID = k.CustomerID
	}
	return nil
}

// Methods returns the follow-up methods offered in the form.
func Methods(ctx context.Context, q store.Querier) ([]string, error) {
	raw, err := store.GetSetting(ctx, q, methodsKey, "")
	if err != nil {
		return nil, err
	}
	var out []string
	if raw == "" || json.Unmarshal([]byte(raw), &out) != nil || len(out) == 0 {
		return append([]string(nil), DefaultMethods...), nil
	}
	return out, nil
}

// NotifyOn reports whether desktop notifications are on (the default).
func NotifyOn(ctx context.Context, q store.Querier) (bool, error) {
	v, err := store.GetSetting(ctx, q, notifyKey, "1")
	return v != "0", err
}

// Options returns the follow-up settings.
func (s *Service) Options() (Options, error) {
	ctx := s.env.Ctx()
	methods, err := Methods(ctx, s.st.DB)
	if err != nil {
		return Options{}, err
	}
	on, err := NotifyOn(ctx, s.st.DB)
	return Options{Methods: methods, Notify: on, Today: s.env.Today()}, err
}

// SetMethods replaces the list of follow-up methods. Follow-ups already
// recorded keep theirs.
func (s *Service) SetMethods(methods []string) (Options, error) {
	clean := []string{}
	seen := map[string]bool{}
	for _, m := range methods {
		m, err := validate.Text("methods", msg.LabelFollowUpMethods, m, false, 20)
		if err != nil {
			return Options{}, err
		}
		if m == "" {
			continue
		}
		if seen[m] {
			return Options{}, apperr.Invalid("methods", msg.FollowUpMethodDup, msg.P{"value": m})
		}
		seen[m] = true
		clean = append(clean, m)
	}
	if len(clean) == 0 {
		return Options{}, apperr.Invalid("methods", msg.FollowUpMethodsNil)
	}
	if len(clean) > MaxMethods {
		return Options{}, apperr.Invalid("methods", msg.FollowUpMethodsMax, msg.P{"max": MaxMethods})
	}
	raw, _ := json.Marshal(clean)
	if err := s.st.Tx(s.env.Ctx(), func(tx store.Tx) error {
		return store.SetSetting(s.env.Ctx(), tx, methodsKey, string(raw))
	}); err != nil {
		return Options{}, err
	}
	return s.Options()
}

// SetNotify turns the desktop notifications on or off.
func (s *Service) SetNotify(on bool) (Options, error) {
	v := "0"
	if on {
		v = "1"
	}
	if err := s.st.Tx(s.env.Ctx(), func(tx store.Tx) error {
		return store.SetSetting(s.env.Ctx(), tx, notifyKey, v)
	}); err != nil {
		return Options{}, err
	}
	return s.Options()
}

// MakeTask creates a sales task from a follow-up's next action: titled
// with the action, due on the next date, about the same records, for the
// opportunity's owner (else the customer's). One task per follow-up.
func (s *Service) MakeTask(id int64) (store.Task, error) {
	ctx := s.env.Ctx()
	var out store.Task
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		f, err := get(ctx, tx, id)
		if err != nil {
			return err
		}
		if strings.TrimSpace(f.NextAction) == "" {
			return apperr.Invalid("nextAction", msg.TaskFollowUpNoNext)
		}
		if made, err := store.TaskOfFollowUp(ctx, tx, id); err != nil {
			return err
		} else if made != 0 {
			return apperr.Conflict("nextAction", msg.TaskFollowUpDone)
		}
		t := store.Task{Title: f.NextAction, DueDate: f.NextDate, Priority: 2, Status: store.TaskTodo,
			CustomerID: f.CustomerID, OpportunityID: f.OpportunityID, FollowUpID: id}
		if f.OpportunityID != 0 {
			o, err := store.GetOpportunity(ctx, tx, f.OpportunityID)
			if err != nil {
				return err
			}
			t.AssigneeID = o.OwnerID
		} else if c, err := store.GetCustomer(ctx, tx, f.CustomerID); err != nil {
			return err
		} else if c.OwnerID != nil {
			t.AssigneeID = *c.OwnerID
		}
		if t.AssigneeID == 0 {
			return apperr.Invalid("assigneeId", msg.TaskAssigneeNeeded)
		}
		if t.ID, err = store.InsertTask(ctx, tx, t); err != nil {
			return err
		}
		if out, err = store.GetTask(ctx, tx, t.ID, s.env.Today()); err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "task", ID: out.ID, Name: out.Title, Action: oplog.Create, Owner: out.AssigneeName, New: out})
	})
	return out, err
}
