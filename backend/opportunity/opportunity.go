// Package opportunity keeps sales opportunities (销售机会): their rules for
// stages and probabilities, the list and stage views, saved views and export.
package opportunity

import (
	"context"
	"errors"
	"strings"

	"funneldesk/backend/apperr"
	"funneldesk/backend/customer"
	"funneldesk/backend/msg"
	"funneldesk/backend/oplog"
	"funneldesk/backend/owner"
	"funneldesk/backend/playbook"
	"funneldesk/backend/recycle"
	"funneldesk/backend/stage"
	"funneldesk/backend/store"
	"funneldesk/backend/validate"

	"funneldesk/backend/svc"
)

// Types an opportunity may have (类型); empty means none.
var Types = []string{"新业务", "老客户续购"}

// Input creates or edits an opportunity. Amount is yuan ("40000", "1,234.56");
// Probability is percent and empty means the stage's default. Moving to the
// lost stage needs LostReason; Competitor is optional.
type Input struct {
	Name          string `json:"name"`
	CustomerID    int64  `json:"customerId"`
	Type          string `json:"type"`
	Source        string `json:"source"`
	OwnerID       int64  `json:"ownerId"`
	Campaign      string `json:"campaign"`
	Amount        string `json:"amount"`
	ExpectedClose string `json:"expectedClose"`
	NextStep      string `json:"nextStep"`
	StageID       int64  `json:"stageId"`
	Probability   string `json:"probability"`
	Description   string `json:"description"`
	LostReason    string `json:"lostReason"`
	Competitor    string `json:"competitor"`
	// Priority is "high", "medium", "low" (or 高/中/低) or "" for none.
	Priority string `json:"priority"`
	// Contacts are the customer's contacts involved, each with a role;
	// StaffIDs the salespeople involved besides the owner (相关员工). A nil
	// list leaves what is recorded as it is; an empty one clears it.
	Contacts []ContactRole `json:"contacts"`
	StaffIDs []int64       `json:"staffIds"`
	// ConfirmOrders confirms marking lost, or reopening a won opportunity,
	// that has live orders; without it that is refused with a conflict
	// naming them, which the UI turns into a question.
	ConfirmOrders bool `json:"confirmOrders"`
}

// ContactRole is a contact involved in an opportunity and their role
// (决策人, 技术评估, 使用人 …).
type ContactRole struct {
	ContactID int64  `json:"contactId"`
	Role      string `json:"role"`
}

// Move changes only the stage, as a drag on the stage view does.
type Move struct {
	StageID    int64  `json:"stageId"`
	LostReason string `json:"lostReason"`
	Competitor string `json:"competitor"`
	// ConfirmOrders: as in Input.
	ConfirmOrders bool `json:"confirmOrders"`
}

// Filter is the list, board and export filter.
type Filter = store.OpportunityFilter

// ListRequest asks for one page (1-based) of a filtered, sorted list.
type ListRequest struct {
	Filter   Filter `json:"filter"`
	Page     int    `json:"page"`
	PageSize int    `json:"pageSize"`
}

// Page is one page of the list and the total matching.
type Page struct {
	Items []store.Opportunity `json:"items"`
	Total int                 `json:"total"`
	// TotalCapped: a text search has more than Total matches (the count
	// stops at store.SearchCountCap past the page); paging on finds them.
	TotalCapped bool `json:"totalCapped"`
	Page        int  `json:"page"`
	PageSize    int  `json:"pageSize"`
}

// Detail is an opportunity with its stage history, the contacts involved
// and the staff besides the owner.
type Detail struct {
	Opportunity store.Opportunity   `json:"opportunity"`
	History     []store.StageChange `json:"history"`
	Contacts    []store.OppContact  `json:"contacts"`
	Staff       []store.OppStaff    `json:"staff"`
}

// Service is bound to the UI.
type Service struct {
	st  *store.Store
	env *svc.Env
}

// NewService returns the opportunity service over st.
func NewService(st *store.Store, env *svc.Env) *Service { return &Service{st: st, env: env} }

// Options lists the choices of the opportunity forms and filters.
type Options struct {
	Types   []string `json:"types"`
	Sources []string `json:"sources"`
}

// Options returns the types and the sources in use.
func (s *Service) Options() (Options, error) {
	ctx := s.env.Ctx()
	src, err := store.DistinctSources(ctx, s.st.DB)
	if err != nil {
		return Options{}, err
	}
	// Imports may add types (store.OpportunityTypes): the form offers them all.
	types, err := store.OpportunityTypes(ctx, s.st.DB, Types)
	return Options{Types: types, Sources: src}, err
}

// List returns one page of opportunities.
func (s *Service) List(req ListRequest) (Page, error) {
	if err := checkFilter(&req.Filter); err != nil {
		return Page{}, err
	}
	s.monthView(&req.Filter)
	off, lim := validate.Page(req.Page, req.PageSize)
	items, total, capped, err := store.ListOpportunitiesCapped(s.env.Ctx(), s.st.DB, req.Filter, off, lim, store.SearchCountCap)
	if err != nil {
		return Page{}, err
	}
	return Page{Items: items, Total: total, TotalCapped: capped, Page: off/lim + 1, PageSize: lim}, nil
}

// The built-in views by month: created this month (本月创建) and closed,
// won or lost, this month (本月完成), by the one clock.
const (
	ViewCreatedMonth = "createdMonth"
	ViewClosedMonth  = "closedMonth"
)

// monthView turns a month view into its date bounds for today's month.
func (s *Service) monthView(f *Filter) {
	if f.View != ViewCreatedMonth && f.View != ViewClosedMonth {
		return
	}
	today := s.env.Now()
	first := today.AddDate(0, 0, 1-today.Day())
	from, to := first.Format("2006-01-02"), first.AddDate(0, 1, -1).Format("2006-01-02")
	if f.View == ViewCreatedMonth {
		f.CreatedFrom, f.CreatedTo = from, to
	} else {
		f.ClosedFrom, f.ClosedTo = from, to
	}
	f.View = ""
}

// checkFilter validates f and writes its dates back as YYYY-MM-DD, the form
// they are compared with.
func checkFilter(f *Filter) error {
	var err error
	if f.CloseFrom, err = validate.Date("closeFrom", msg.LabelFrom, f.CloseFrom, false); err != nil {
		return err
	}
	if f.CloseTo, err = validate.Date("closeTo", msg.LabelTo, f.CloseTo, false); err != nil {
		return err
	}
	if err := validate.DateRange("closeTo", f.CloseFrom, f.CloseTo); err != nil {
		return err
	}
	for _, r := range []struct {
		from, to         *string
		fromKey, toField string
	}{{&f.CreatedFrom, &f.CreatedTo, "createdFrom", "createdTo"}, {&f.ClosedFrom, &f.ClosedTo, "closedFrom", "closedTo"}} {
		if *r.from, err = validate.Date(r.fromKey, msg.LabelFrom, *r.from, false); err != nil {
			return err
		}
		if *r.to, err = validate.Date(r.toField, msg.LabelTo, *r.to, false); err != nil {
			return err
		}
		if err := validate.DateRange(r.toField, *r.from, *r.to); err != nil {
			return err
		}
	}
	switch f.View {
	case "", "all", store.KindOpen, store.KindWon, store.KindLost, ViewCreatedMonth, ViewClosedMonth:
	default:
		return apperr.Invalid("view", msg.ViewUnknown, msg.P{"name": f.View})
	}
	if f.Sort != "" {
		if _, ok := store.SortColumns[f.Sort]; !ok {
			return apperr.Invalid("sort", msg.SortUnknown, msg.P{"sort": f.Sort})
		}
	}
	return nil
}

// Get returns an opportunity with its stage history.
func (s *Service) Get(id int64) (Detail, error) {
	ctx := s.env.Ctx()
	o, err := get(ctx, s.st.DB, id)
	if err != nil {
		return Detail{}, err
	}
	if err := store.LoadOpportunityPeople(ctx, s.st.DB, &o); err != nil {
		return Detail{}, err
	}
	contacts, staff, err := store.OpportunityPeople(ctx, s.st.DB, id)
	if err != nil {
		return Detail{}, err
	}
	h, err := store.ListStageChanges(ctx, s.st.DB, id)
	return Detail{Opportunity: o, History: h, Contacts: contacts, Staff: staff}, err
}

// build validates in against the current record (zero for a new one) and
// returns the row to write.
func build(ctx context.Context, q store.Querier, in Input, cur store.Opportunity) (store.Opportunity, error) {
	o := cur
	var errs apperr.List
	var err error
	o.Name, err = validate.Text("name", msg.LabelOpportunityName, in.Name, true, 100)
	errs.Add(err)
	if c, err := customer.Resolve(ctx, q, in.CustomerID); errs.OK(err) {
		o.CustomerID = c.ID
	}
	// The configurable list, so a type an import added stays valid when edited.
	types, err := store.OpportunityTypes(ctx, q, Types)
	if err != nil {
		return o, err
	}
	o.Type, err = validate.OneOf("type", msg.LabelType, in.Type, types)
	errs.Add(err)
	o.Source, err = validate.Text("source", msg.LabelSource, in.Source, false, 50)
	errs.Add(err)
	if w, err := owner.Resolve(ctx, q, in.OwnerID, cur.OwnerID); errs.OK(err) {
		o.OwnerID = w.ID
	}
	o.Campaign, err = validate.Text("campaign", msg.LabelCampaign, in.Campaign, false, 100)
	errs.Add(err)
	o.AmountCents, err = validate.Amount("amount", msg.LabelAmount, in.Amount, false)
	errs.Add(err)
	o.ExpectedClose, err = validate.Date("expectedClose", msg.LabelExpectedClose, in.ExpectedClose, false)
	errs.Add(err)
	o.NextStep, err = validate.Text("nextStep", msg.LabelNextStep, in.NextStep, false, 200)
	errs.Add(err)
	o.Description, err = validate.Text("description", msg.LabelDescription, in.Description, false, 4000)
	errs.Add(err)
	st, err := stage.Resolve(ctx, q, in.StageID, cur.StageID)
	stageOK := errs.OK(err)
	bp, given, err := validate.Percent("probability", msg.LabelProbability, in.Probability)
	errs.Add(err)
	if stageOK {
		if !given {
			bp = st.ProbabilityBP
		}
		o.StageID = st.ID
		o.ProbabilityBP = bp
		errs.Add(applyStageRules(&o, st, in.LostReason, in.Competitor))
		// A type's stage set decides the stages it may use; a type change
		// that leaves the stage outside the new set asks for another stage.
		errs.Add(stage.CheckAdmits(ctx, q, st, o.Type))
	}
	o.Priority, err = checkPriority(in.Priority)
	errs.Add(err)
	return o, errs.Err()
}

// priorities maps what the form, the import and the CLI may give to the
// stored code.
var priorities = map[string]string{"": "", "high": "high", "medium": "medium", "low": "low", "高": "high", "中": "medium", "低": "low"}

func checkPriority(v string) (string, error) {
	p, ok := priorities[strings.ToLower(strings.TrimSpace(v))]
	if !ok {
		return "", apperr.Invalid("priority", msg.PriorityUnknown, msg.P{"value": v})
	}
	return p, nil
}

// people checks the contacts and staff of in against the opportunity's
// customer and the roster.
func people(ctx context.Context, q store.Querier, in Input, customerID int64) ([]store.OppContact, []int64, error) {
	var contacts []store.OppContact
	seen := map[int64]bool{}
	for _, c := range in.Contacts {
		ct, err := store.GetContact(ctx, q, c.ContactID)
		if errors.Is(err, store.ErrNotFound) || (err == nil && ct.CustomerID != customerID) {
			return nil, nil, apperr.Invalid("contacts", msg.OppContactUnknown)
		}
		if err != nil {
			return nil, nil, err
		}
		if seen[ct.ID] {
			return nil, nil, apperr.Invalid("contacts", msg.OppContactRepeated, msg.P{"name": ct.Name})
		}
		seen[ct.ID] = true
		role, err := validate.Text("contacts", msg.LabelContactRole, c.Role, false, 30)
		if err != nil {
			return nil, nil, err
		}
		contacts = append(contacts, store.OppContact{ContactID: ct.ID, Role: role})
	}
	var staff []int64
	seenStaff := map[int64]bool{}
	for _, id := range in.StaffIDs {
		if _, err := store.GetOwner(ctx, q, id); errors.Is(err, store.ErrNotFound) {
			return nil, nil, apperr.Invalid("staffIds", msg.OppStaffUnknown)
		} else if err != nil {
			return nil, nil, err
		}
		if !seenStaff[id] {
			seenStaff[id] = true
			staff = append(staff, id)
		}
	}
	return contacts, staff, nil
}

// savePeople writes in's contacts and staff unless the caller left both
// lists out.
func savePeople(ctx context.Context, tx store.Tx, in Input, o store.Opportunity) error {
	if in.Contacts == nil && in.StaffIDs == nil {
		return nil
	}
	contacts, staff, err := people(ctx, tx, in, o.CustomerID)
	if err != nil {
		return err
	}
	if in.Contacts == nil || in.StaffIDs == nil {
		// One list given: keep the other as recorded.
		curContacts, curStaff, err := store.OpportunityPeople(ctx, tx, o.ID)
		if err != nil {
			return err
		}
		if in.Contacts == nil {
			contacts = curContacts
		} else {
			for _, w := range curStaff {
				staff = append(staff, w.OwnerID)
			}
		}
	}
	return store.SetOpportunityPeople(ctx, tx, o.ID, contacts, staff)
}

// getFull is an opportunity with its contacts and staff.
func getFull(ctx context.Context, q store.Querier, id int64) (store.Opportunity, error) {
	o, err := store.GetOpportunity(ctx, q, id)
	if err != nil {
		return o, err
	}
	return o, store.LoadOpportunityPeople(ctx, q, &o)
}

// applyStageRules fixes the won stage at 100% and the lost stage at 0% and
// asks a lost opportunity for its reason.
func applyStageRules(o *store.Opportunity, st store.Stage, lostReason, competitor string) error {
	switch st.Kind {
	case store.KindWon:
		o.ProbabilityBP = 10000
		o.LostReason, o.Competitor = "", ""
	case store.KindLost:
		o.ProbabilityBP = 0
		var errs apperr.List
		reason, err := validate.Text("lostReason", msg.LabelLostReason, lostReason, true, 500)
		errs.Add(err)
		comp, err := validate.Text("competitor", msg.LabelCompetitor, competitor, false, 100)
		errs.Add(err)
		o.LostReason, o.Competitor = reason, comp
		return errs.Err()
	default:
		o.LostReason, o.Competitor = "", ""
	}
	return nil
}

// Create adds an opportunity and records its first stage.
func (s *Service) Create(in Input) (store.Opportunity, error) {
	ctx := s.env.Ctx()
	var out store.Opportunity
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		var err error
		if out, err = CreateIn(ctx, tx, in); err != nil {
			return err
		}
		return playbook.Moved(ctx, tx, out, 0, s.env.Today())
	})
	return out, err
}

// CreateIn is Create inside the caller's transaction (a lead's conversion).
func CreateIn(ctx context.Context, tx store.Tx, in Input) (store.Opportunity, error) {
	o, err := build(ctx, tx, in, store.Opportunity{})
	if err != nil {
		return o, err
	}
	id, err := store.InsertOpportunity(ctx, tx, o)
	if err != nil {
		return o, err
	}
	if err := store.InsertStageChange(ctx, tx, id, nil, o.StageID); err != nil {
		return o, err
	}
	o.ID = id
	if err := savePeople(ctx, tx, in, o); err != nil {
		return o, err
	}
	out, err := getFull(ctx, tx, id)
	if err != nil {
		return out, err
	}
	return out, oplog.Record(ctx, tx, oplog.Entry{Kind: "opportunity", ID: id, Name: out.Name, Action: oplog.Create, Owner: out.OwnerName, New: out})
}

// Update edits an opportunity; a stage change is recorded in its history.
func (s *Service) Update(id int64, in Input) (store.Opportunity, error) {
	ctx := s.env.Ctx()
	var out store.Opportunity
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		cur, err := get(ctx, tx, id)
		if err != nil {
			return err
		}
		o, err := build(ctx, tx, in, cur)
		if err != nil {
			return err
		}
		if err := checkLiveOrders(ctx, tx, cur, o.StageID, in.ConfirmOrders); err != nil {
			return err
		}
		if err := store.LoadOpportunityPeople(ctx, tx, &cur); err != nil {
			return err
		}
		if err := s.write(ctx, tx, cur, o); err != nil {
			return err
		}
		if err := savePeople(ctx, tx, in, o); err != nil {
			return err
		}
		if out, err = getFull(ctx, tx, id); err != nil {
			return err
		}
		return logChange(ctx, tx, cur, out)
	})
	return out, err
}

// ChangeStage moves an opportunity to another stage (the stage view's drag):
// the probability becomes the new stage's default.
func (s *Service) ChangeStage(id int64, m Move) (store.Opportunity, error) {
	ctx := s.env.Ctx()
	var out store.Opportunity
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		cur, err := get(ctx, tx, id)
		if err != nil {
			return err
		}
		st, err := stage.Resolve(ctx, tx, m.StageID, cur.StageID)
		if err != nil {
			return err
		}
		if err := stage.CheckAdmits(ctx, tx, st, cur.Type); err != nil {
			return err
		}
		o := cur
		o.StageID = st.ID
		if st.ID != cur.StageID {
			o.ProbabilityBP = st.ProbabilityBP
		}
		if err := applyStageRules(&o, st, m.LostReason, m.Competitor); err != nil {
			return err
		}
		if err := checkLiveOrders(ctx, tx, cur, o.StageID, m.ConfirmOrders); err != nil {
			return err
		}
		if err := s.write(ctx, tx, cur, o); err != nil {
			return err
		}
		if out, err = store.GetOpportunity(ctx, tx, id); err != nil {
			return err
		}
		return logChange(ctx, tx, cur, out)
	})
	return out, err
}

// logChange logs an edit; one that moved the stage is a stage change.
func logChange(ctx context.Context, tx store.Tx, cur, out store.Opportunity) error {
	action := oplog.Update
	if cur.StageID != out.StageID {
		action = oplog.Stage
	}
	return oplog.Record(ctx, tx, oplog.Entry{Kind: "opportunity", ID: out.ID, Name: out.Name, Action: action, Owner: out.OwnerName, Old: cur, New: out})
}

// checkLiveOrders refuses, unless confirmed, to mark an opportunity with
// live (not voided) orders lost or to take a won one with such orders out of
// the won stage: a signed order is the deal, so the user is asked first and
// told which orders.
func checkLiveOrders(ctx context.Context, q store.Querier, cur store.Opportunity, to int64, confirmed bool) error {
	if confirmed || to == cur.StageID {
		return nil
	}
	st, err := store.GetStage(ctx, q, to)
	if err != nil {
		return err
	}
	lost := st.Kind == store.KindLost
	if !lost && (cur.StageKind != store.KindWon || st.Kind == store.KindWon) {
		return nil
	}
	orders, err := store.LiveOrderNumbers(ctx, q, cur.ID)
	if err != nil || len(orders) == 0 {
		return err
	}
	if lost {
		return apperr.Conflict("stageId", msg.OppLostHasOrders, msg.P{"name": cur.Name, "orders": strings.Join(orders, "、")})
	}
	return apperr.Conflict("stageId", msg.OppReopenHasOrders, msg.P{"name": cur.Name, "orders": strings.Join(orders, "、")})
}

// MarkWon moves an open opportunity to its type's first won outcome, as a
// signed order does; a won or lost one is left as it is. It reports
// whether it moved.
func MarkWon(ctx context.Context, tx store.Tx, id int64) (bool, error) {
	_, moved, err := MarkWonAs(ctx, tx, id, 0)
	return moved, err
}

// MarkWonAs moves an open opportunity to the won outcome stageID (0: the
// first its type may use) and returns that outcome; a won or lost one is
// left as it is (moved false).
func MarkWonAs(ctx context.Context, tx store.Tx, id, stageID int64) (store.Stage, bool, error) {
	cur, err := get(ctx, tx, id)
	if err != nil || cur.StageKind != store.KindOpen {
		return store.Stage{}, false, err
	}
	var won store.Stage
	if stageID == 0 {
		// The first won outcome the opportunity's type may use.
		set, err := store.StageSetOfType(ctx, tx, cur.Type)
		if err != nil {
			return store.Stage{}, false, err
		}
		won, err = store.FirstStageOfKind(ctx, tx, store.KindWon, set)
		if errors.Is(err, store.ErrNotFound) {
			return store.Stage{}, false, apperr.Conflict("stageId", msg.StageNoOutcome, msg.P{"type": cur.Type, "kind": msg.KindWonWord})
		}
		if err != nil {
			return store.Stage{}, false, err
		}
	} else {
		won, err = store.GetStage(ctx, tx, stageID)
		if errors.Is(err, store.ErrNotFound) || (err == nil && won.Kind != store.KindWon) {
			return store.Stage{}, false, apperr.Invalid("stageId", msg.WonOutcomeUnknown)
		}
		if err != nil {
			return store.Stage{}, false, err
		}
		if won.Retired {
			return store.Stage{}, false, apperr.Invalid("stageId", msg.StageRetired, msg.P{"name": won.Name})
		}
		if err := stage.CheckAdmits(ctx, tx, won, cur.Type); err != nil {
			return store.Stage{}, false, err
		}
	}
	o := cur
	o.StageID = won.ID
	if err := applyStageRules(&o, won, "", ""); err != nil {
		return store.Stage{}, false, err
	}
	if err := write(ctx, tx, cur, o); err != nil {
		return store.Stage{}, false, err
	}
	return won, true, logChange(ctx, tx, cur, o)
}

// MarkWon moves an open opportunity to the won outcome stageID (0: its
// type's first): the answer to "the order is signed; mark the opportunity
// won?", where the user picks the outcome when there are several.
func (s *Service) MarkWon(id, stageID int64) (store.Opportunity, error) {
	ctx := s.env.Ctx()
	var out store.Opportunity
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		if _, _, err := MarkWonAs(ctx, tx, id, stageID); err != nil {
			return err
		}
		var err error
		out, err = store.GetOpportunity(ctx, tx, id)
		return err
	})
	return out, err
}

// write writes an edit or stage move made by the user, under the stage
// playbooks' rules (required actions, tasks on entering a stage).
func (s *Service) write(ctx context.Context, tx store.Tx, cur, o store.Opportunity) error {
	if err := write(ctx, tx, cur, o); err != nil {
		return err
	}
	return playbook.Moved(ctx, tx, o, cur.StageID, s.env.Today())
}

// Promote moves an open opportunity to stage stageID when the last required
// action of its stage is done (auto-promotion), as a drag there would.
func Promote(ctx context.Context, tx store.Tx, id, stageID int64, today string) (store.Opportunity, error) {
	cur, err := get(ctx, tx, id)
	if err != nil {
		return cur, err
	}
	st, err := store.GetStage(ctx, tx, stageID)
	if err != nil {
		return cur, err
	}
	o := cur
	o.StageID, o.ProbabilityBP = st.ID, st.ProbabilityBP
	if err := applyStageRules(&o, st, "", ""); err != nil {
		return cur, err
	}
	if err := write(ctx, tx, cur, o); err != nil {
		return cur, err
	}
	if err := playbook.Moved(ctx, tx, o, cur.StageID, today); err != nil {
		return cur, err
	}
	out, err := store.GetOpportunity(ctx, tx, id)
	if err != nil {
		return out, err
	}
	return out, logChange(ctx, tx, cur, out)
}

func write(ctx context.Context, tx store.Tx, cur, o store.Opportunity) error {
	if err := store.UpdateOpportunity(ctx, tx, o); err != nil {
		return err
	}
	if o.StageID != cur.StageID {
		from := cur.StageID
		return store.InsertStageChange(ctx, tx, o.ID, &from, o.StageID)
	}
	return nil
}

// Delete removes one opportunity.
func (s *Service) Delete(id int64) error {
	_, err := s.BatchDelete([]int64{id})
	return err
}

// BatchDelete moves the given opportunities, with their stage history and
// product lines, to the recycle bin in one transaction; it returns how many.
func (s *Service) BatchDelete(ids []int64) (int, error) {
	if len(ids) == 0 {
		return 0, apperr.Invalid("ids", msg.SelectOpportunities)
	}
	ctx := s.env.Ctx()
	var n int
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		seen := map[int64]bool{}
		for _, id := range ids {
			o, err := get(ctx, tx, id)
			if err != nil {
				return err
			}
			if seen[id] {
				continue
			}
			seen[id] = true
			if err := recycle.Trash(ctx, tx, s.env.Now(), "opportunity", id, o.Name, o.OwnerName); err != nil {
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

// BatchSetOwner gives the selected opportunities to another salesperson.
func (s *Service) BatchSetOwner(ids []int64, ownerID int64) (int, error) {
	if len(ids) == 0 {
		return 0, apperr.Invalid("ids", msg.SelectOpportunities)
	}
	ctx := s.env.Ctx()
	var n int
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		if _, err := owner.Resolve(ctx, tx, ownerID, 0); err != nil {
			return err
		}
		before := make([]store.Opportunity, 0, len(ids))
		for _, id := range ids {
			o, err := get(ctx, tx, id)
			if err != nil {
				return err
			}
			before = append(before, o)
		}
		var err error
		if n, err = store.SetOpportunityOwner(ctx, tx, ids, ownerID); err != nil {
			return err
		}
		for _, cur := range before {
			out, err := store.GetOpportunity(ctx, tx, cur.ID)
			if err != nil {
				return err
			}
			if err := logChange(ctx, tx, cur, out); err != nil {
				return err
			}
		}
		return nil
	})
	return n, err
}

func get(ctx context.Context, q store.Querier, id int64) (store.Opportunity, error) {
	o, err := store.GetOpportunity(ctx, q, id)
	if errors.Is(err, store.ErrNotFound) {
		return o, apperr.NotFound("id", msg.OpportunityNotFound)
	}
	return o, err
}
