// Package task keeps the sales tasks (销售任务): something a salesperson
// must do by a date, about a customer, an opportunity or a lead. Tasks are
// made by hand, from a follow-up's next action (backend/followup), or by a
// stage's playbook when an opportunity enters the stage (backend/playbook).
//
// Completing the last required action of a stage whose playbook promotes
// automatically moves the opportunity to the next open stage, in the same
// transaction (opportunity.Promote).
package task

import (
	"context"
	"errors"
	"strings"
	"time"

	"funneldesk/backend/apperr"
	"funneldesk/backend/export"
	"funneldesk/backend/msg"
	"funneldesk/backend/oplog"
	"funneldesk/backend/opportunity"
	"funneldesk/backend/recycle"
	"funneldesk/backend/stage"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
	"funneldesk/backend/validate"
)

// Input creates or edits a task. DueDate is YYYY-MM-DD (or YYYY/MM/DD),
// DueTime HH:MM, both optional; Priority 1 high, 2 normal (0 too), 3 low;
// Status "" is todo. A related opportunity gives the task its customer.
type Input struct {
	Title         string `json:"title"`
	AssigneeID    int64  `json:"assigneeId"`
	DueDate       string `json:"dueDate"`
	DueTime       string `json:"dueTime"`
	Priority      int    `json:"priority"`
	Status        string `json:"status"`
	CustomerID    int64  `json:"customerId"`
	OpportunityID int64  `json:"opportunityId"`
	LeadID        int64  `json:"leadId"`
	Result        string `json:"result"`
}

// Filter is the list and export filter.
type Filter = store.TaskFilter

// ListRequest asks for one page (1-based) of a filtered, sorted list.
type ListRequest struct {
	Filter   Filter `json:"filter"`
	Page     int    `json:"page"`
	PageSize int    `json:"pageSize"`
}

// Page is one page of the list, the total matching, and the dates the
// views were computed for.
type Page struct {
	Items []store.Task `json:"items"`
	Total int          `json:"total"`
	// TotalCapped: a text search has more than Total matches (the count
	// stops at store.SearchCountCap past the page); paging on finds them.
	TotalCapped bool   `json:"totalCapped"`
	Page        int    `json:"page"`
	PageSize    int    `json:"pageSize"`
	Today       string `json:"today"`
	WeekEnd     string `json:"weekEnd"`
}

// Step is one action of an opportunity's current stage with the task
// carrying it out (TaskID 0 when there is none, e.g. the playbook changed
// after the opportunity entered the stage).
type Step struct {
	ActionID   int64  `json:"actionId"`
	ActionName string `json:"actionName"`
	Required   bool   `json:"required"`
	TaskID     int64  `json:"taskId"`
	Status     string `json:"status"`
	DueDate    string `json:"dueDate"`
	Done       bool   `json:"done"`
}

// Steps is the playbook of an opportunity's current stage.
type Steps struct {
	OpportunityID int64  `json:"opportunityId"`
	StageID       int64  `json:"stageId"`
	StageName     string `json:"stageName"`
	Steps         []Step `json:"steps"`
	Done          int    `json:"done"`
	Total         int    `json:"total"`
	// Promoted names the stage the opportunity moved to when the last
	// step completed it ("" otherwise).
	Promoted string `json:"promoted"`
}

// Service is bound to the UI.
type Service struct {
	st  *store.Store
	env *svc.Env
}

// NewService returns the task service over st.
func NewService(st *store.Store, env *svc.Env) *Service { return &Service{st: st, env: env} }

// weekEnd is the Sunday of day's week (weeks start on Monday).
func weekEnd(day string) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return day
	}
	return t.AddDate(0, 0, (7-int(t.Weekday()))%7).Format("2006-01-02")
}

func (s *Service) checkFilter(f *Filter) error {
	var err error
	if f.DueFrom, err = validate.Date("dueFrom", msg.LabelFrom, f.DueFrom, false); err != nil {
		return err
	}
	if f.DueTo, err = validate.Date("dueTo", msg.LabelTo, f.DueTo, false); err != nil {
		return err
	}
	if err := validate.DateRange("dueTo", f.DueFrom, f.DueTo); err != nil {
		return err
	}
	switch f.View {
	case "", "all", "overdue", "today", "week":
	default:
		return apperr.Invalid("view", msg.TaskViewUnknown, msg.P{"name": f.View})
	}
	if f.Sort != "" {
		if _, ok := store.TaskSortColumns[f.Sort]; !ok {
			return apperr.Invalid("sort", msg.SortUnknown, msg.P{"sort": f.Sort})
		}
	}
	f.Today = s.env.Today()
	f.WeekEnd = weekEnd(f.Today)
	return nil
}

// List returns one page of tasks.
func (s *Service) List(req ListRequest) (Page, error) {
	if err := s.checkFilter(&req.Filter); err != nil {
		return Page{}, err
	}
	off, lim := validate.Page(req.Page, req.PageSize)
	items, total, capped, err := store.ListTasksCapped(s.env.Ctx(), s.st.DB, req.Filter, off, lim, store.SearchCountCap)
	if err != nil {
		return Page{}, err
	}
	return Page{Items: items, Total: total, TotalCapped: capped, Page: off/lim + 1, PageSize: lim, Today: req.Filter.Today,
		WeekEnd: req.Filter.WeekEnd}, nil
}

// Loads is the manager's view: the open, overdue, today's and this week's
// tasks of each assignee (of ids, or everyone).
func (s *Service) Loads(ids []int64) ([]store.AssigneeLoad, error) {
	today := s.env.Today()
	return store.TaskLoads(s.env.Ctx(), s.st.DB, ids, today, weekEnd(today))
}

// Get returns one task.
func (s *Service) Get(id int64) (store.Task, error) {
	return s.get(s.env.Ctx(), s.st.DB, id)
}

func (s *Service) get(ctx context.Context, q store.Querier, id int64) (store.Task, error) {
	t, err := store.GetTask(ctx, q, id, s.env.Today())
	if errors.Is(err, store.ErrNotFound) {
		return t, apperr.NotFound("id", msg.TaskNotFound)
	}
	return t, err
}

// build validates in against the current task (zero for a new one).
func (s *Service) build(ctx context.Context, q store.Querier, in Input, cur store.Task) (store.Task, error) {
	t := cur
	var errs apperr.List
	var err error
	t.Title, err = validate.Text("title", msg.LabelTaskTitle, in.Title, true, 100)
	errs.Add(err)
	errs.Add(resolveAssignee(ctx, q, in.AssigneeID, cur.AssigneeID))
	t.AssigneeID = in.AssigneeID
	t.DueDate, err = validate.Date("dueDate", msg.LabelTaskDueDate, in.DueDate, false)
	errs.Add(err)
	t.DueTime, err = validate.Time("dueTime", msg.LabelTaskDueTime, in.DueTime)
	if errs.OK(err) && t.DueTime != "" && t.DueDate == "" && !errs.Has("dueDate") {
		errs.Add(apperr.Invalid("dueDate", msg.Required, msg.P{"label": msg.LabelTaskDueDate}))
	}
	switch in.Priority {
	case 0:
		t.Priority = 2
	case 1, 2, 3:
		t.Priority = in.Priority
	default:
		errs.Add(apperr.Invalid("priority", msg.TaskPriorityBad))
	}
	status := in.Status
	if strings.TrimSpace(status) == "" {
		status = store.TaskTodo
	}
	t.Status, err = validate.OneOf("status", msg.LabelTaskStatus, status, store.TaskStatuses)
	errs.Add(err)
	t.Result, err = validate.Text("result", msg.LabelTaskResult, in.Result, false, 2000)
	errs.Add(err)
	t.CustomerID, t.OpportunityID, t.LeadID = in.CustomerID, in.OpportunityID, in.LeadID
	errs.Add(resolveRecords(ctx, q, &t))
	// A lead new to the task must exist (tasks.lead_id has no foreign key);
	// one deleted since does not stop an edit of the task.
	if t.LeadID != 0 && t.LeadID != cur.LeadID {
		if _, err := store.GetLead(ctx, q, t.LeadID); errors.Is(err, store.ErrNotFound) {
			errs.Add(apperr.Invalid("leadId", msg.LeadNotFound))
		} else if err != nil {
			return t, err
		}
	}
	s.stamp(&t, cur)
	return t, errs.Err()
}

// stamp sets when a task was done: kept while it stays done.
func (s *Service) stamp(t *store.Task, cur store.Task) {
	switch {
	case t.Status != store.TaskDone:
		t.DoneAt = ""
	case cur.Status != store.TaskDone || cur.DoneAt == "":
		t.DoneAt = s.env.Now().UTC().Format(time.RFC3339)
	}
}

func resolveAssignee(ctx context.Context, q store.Querier, id, current int64) error {
	if id == 0 {
		return apperr.Invalid("assigneeId", msg.TaskAssigneeNeeded)
	}
	o, err := store.GetOwner(ctx, q, id)
	if errors.Is(err, store.ErrNotFound) {
		return apperr.Invalid("assigneeId", msg.TaskAssigneeGone)
	}
	if err != nil {
		return err
	}
	if !o.Active && id != current {
		return apperr.Invalid("assigneeId", msg.TaskAssigneeOff, msg.P{"name": o.Name})
	}
	return nil
}

// resolveRecords checks the customer and opportunity; the opportunity's
// customer becomes the task's.
func resolveRecords(ctx context.Context, q store.Querier, t *store.Task) error {
	var custName string
	if t.CustomerID != 0 {
		c, err := store.GetCustomer(ctx, q, t.CustomerID)
		if errors.Is(err, store.ErrNotFound) {
			return apperr.Invalid("customerId", msg.CustomerNotFound)
		}
		if err != nil {
			return err
		}
		custName = c.Name
	}
	if t.OpportunityID != 0 {
		o, err := store.GetOpportunity(ctx, q, t.OpportunityID)
		if errors.Is(err, store.ErrNotFound) {
			return apperr.Invalid("opportunityId", msg.OpportunityNotFound)
		}
		if err != nil {
			return err
		}
		if t.CustomerID != 0 && o.CustomerID != t.CustomerID {
			return apperr.Invalid("opportunityId", msg.TaskOppOf, msg.P{"name": o.Name, "customer": custName})
		}
		t.CustomerID = o.CustomerID
	}
	return nil
}

// Create adds a task by hand.
func (s *Service) Create(in Input) (store.Task, error) {
	ctx := s.env.Ctx()
	var out store.Task
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		t, err := s.build(ctx, tx, in, store.Task{})
		if err != nil {
			return err
		}
		if t.ID, err = store.InsertTask(ctx, tx, t); err != nil {
			return err
		}
		if out, err = s.get(ctx, tx, t.ID); err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "task", ID: out.ID, Name: out.Title, Action: oplog.Create, Owner: out.AssigneeName, New: out})
	})
	return out, err
}

// Update edits a task. Marking a playbook task done may promote its
// opportunity (see the package comment).
func (s *Service) Update(id int64, in Input) (store.Task, error) {
	ctx := s.env.Ctx()
	var out store.Task
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		cur, err := s.get(ctx, tx, id)
		if err != nil {
			return err
		}
		t, err := s.build(ctx, tx, in, cur)
		if err != nil {
			return err
		}
		out, err = s.save(ctx, tx, cur, t)
		return err
	})
	return out, err
}

// SetStatus moves a task to status (todo, doing, done, cancelled) with an
// optional result note; "" keeps the note.
func (s *Service) SetStatus(id int64, status, result string) (store.Task, error) {
	ctx := s.env.Ctx()
	var out store.Task
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		cur, err := s.get(ctx, tx, id)
		if err != nil {
			return err
		}
		t := cur
		if t.Status, err = validate.OneOf("status", msg.LabelTaskStatus, status, store.TaskStatuses); err != nil {
			return err
		}
		if strings.TrimSpace(result) != "" {
			if t.Result, err = validate.Text("result", msg.LabelTaskResult, result, false, 2000); err != nil {
				return err
			}
		}
		s.stamp(&t, cur)
		out, err = s.save(ctx, tx, cur, t)
		return err
	})
	return out, err
}

// save writes t over cur, logs it, and promotes the opportunity when t
// completed its stage's required actions.
func (s *Service) save(ctx context.Context, tx store.Tx, cur, t store.Task) (store.Task, error) {
	if err := store.UpdateTask(ctx, tx, t); err != nil {
		return t, err
	}
	out, err := s.get(ctx, tx, t.ID)
	if err != nil {
		return out, err
	}
	if err := oplog.Record(ctx, tx, oplog.Entry{Kind: "task", ID: out.ID, Name: out.Title, Action: oplog.Update,
		Owner: out.AssigneeName, Old: cur, New: out}); err != nil {
		return out, err
	}
	if cur.Status != store.TaskDone && out.Status == store.TaskDone {
		if _, err := s.autoPromote(ctx, tx, out.OpportunityID, out.StageID); err != nil {
			return out, err
		}
	}
	return out, nil
}

// autoPromote moves the opportunity to the next open stage when it is in
// stageID, that stage promotes automatically, has required actions, and
// all of them are done. It returns the stage moved to ("" when none).
func (s *Service) autoPromote(ctx context.Context, tx store.Tx, oppID, stageID int64) (string, error) {
	if oppID == 0 || stageID == 0 {
		return "", nil
	}
	o, err := store.GetOpportunity(ctx, tx, oppID)
	if err != nil || o.StageID != stageID {
		return "", err
	}
	if on, err := store.AutoPromote(ctx, tx, stageID); err != nil || !on {
		return "", err
	}
	steps, err := store.StageActions(ctx, tx, stageID)
	if err != nil {
		return "", err
	}
	required := false
	for _, x := range steps {
		required = required || x.Required
	}
	if !required {
		return "", nil
	}
	if missing, err := store.MissingRequired(ctx, tx, oppID, stageID); err != nil || len(missing) > 0 {
		return "", err
	}
	st, err := store.GetStage(ctx, tx, stageID)
	if err != nil {
		return "", err
	}
	// The next open stage the opportunity's type may be in (its stage set's
	// or a shared one); none: it stays.
	after, err := store.OpenStagesAfter(ctx, tx, st.Position)
	if err != nil {
		return "", err
	}
	for _, next := range after {
		ok, err := stage.Admits(ctx, tx, next, o.Type)
		if err != nil {
			return "", err
		}
		if !ok {
			continue
		}
		if _, err := opportunity.Promote(ctx, tx, oppID, next.ID, s.env.Today()); err != nil {
			return "", err
		}
		return next.Name, nil
	}
	return "", nil
}

// Delete moves a task to the recycle bin (回收站), from where it comes back
// with its id, links and result.
func (s *Service) Delete(id int64) error {
	ctx := s.env.Ctx()
	return s.st.Tx(ctx, func(tx store.Tx) error {
		cur, err := s.get(ctx, tx, id)
		if err != nil {
			return err
		}
		return recycle.Trash(ctx, tx, s.env.Now(), "task", id, cur.Title, cur.AssigneeName)
	})
}

// Steps returns the actions of an opportunity's current stage and how far
// they are.
func (s *Service) Steps(oppID int64) (Steps, error) {
	return s.steps(s.env.Ctx(), s.st.DB, oppID)
}

func (s *Service) steps(ctx context.Context, q store.Querier, oppID int64) (Steps, error) {
	o, err := store.GetOpportunity(ctx, q, oppID)
	if errors.Is(err, store.ErrNotFound) {
		return Steps{}, apperr.NotFound("opportunityId", msg.OpportunityNotFound)
	}
	if err != nil {
		return Steps{}, err
	}
	out := Steps{OpportunityID: oppID, StageID: o.StageID, StageName: o.StageName, Steps: []Step{}}
	plan, err := store.StageActions(ctx, q, o.StageID)
	if err != nil {
		return out, err
	}
	tasks, err := store.StageTasks(ctx, q, oppID, o.StageID, s.env.Today())
	if err != nil {
		return out, err
	}
	for _, x := range plan {
		st := Step{ActionID: x.ActionID, ActionName: x.ActionName, Required: x.Required}
		// The done task if any, else the latest live one.
		for _, t := range tasks {
			if t.ActionID != x.ActionID || t.Status == store.TaskCancelled || st.Done {
				continue
			}
			st.TaskID, st.Status, st.DueDate, st.Done = t.ID, t.Status, t.DueDate, t.Status == store.TaskDone
		}
		if st.Done {
			out.Done++
		}
		out.Steps = append(out.Steps, st)
	}
	out.Total = len(out.Steps)
	return out, nil
}

// CompleteStep ticks (done) or unticks an action of the opportunity's
// current stage: its task is marked done or back to do, made (done) when
// the playbook changed after the opportunity entered the stage. Ticking
// the last required action may promote the opportunity.
func (s *Service) CompleteStep(oppID, actionID int64, done bool) (Steps, error) {
	ctx := s.env.Ctx()
	var out Steps
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		cur, err := s.steps(ctx, tx, oppID)
		if err != nil {
			return err
		}
		var step *Step
		for i := range cur.Steps {
			if cur.Steps[i].ActionID == actionID {
				step = &cur.Steps[i]
			}
		}
		if step == nil {
			return apperr.Invalid("actionId", msg.TaskNoStep)
		}
		if step.Done == done {
			out = cur
			return nil
		}
		status := store.TaskTodo
		if done {
			status = store.TaskDone
		}
		if step.TaskID == 0 {
			o, err := store.GetOpportunity(ctx, tx, oppID)
			if err != nil {
				return err
			}
			t := store.Task{Title: step.ActionName, AssigneeID: o.OwnerID, Priority: 2, Status: status,
				CustomerID: o.CustomerID, OpportunityID: oppID, StageID: o.StageID, ActionID: actionID, Required: step.Required}
			s.stamp(&t, store.Task{})
			if t.ID, err = store.InsertTask(ctx, tx, t); err != nil {
				return err
			}
			if err := oplog.Record(ctx, tx, oplog.Entry{Kind: "task", ID: t.ID, Name: t.Title, Action: oplog.Create, Owner: o.OwnerName, New: t}); err != nil {
				return err
			}
		} else {
			t, err := s.get(ctx, tx, step.TaskID)
			if err != nil {
				return err
			}
			next := t
			next.Status = status
			s.stamp(&next, t)
			if err := store.UpdateTask(ctx, tx, next); err != nil {
				return err
			}
			if err := oplog.Record(ctx, tx, oplog.Entry{Kind: "task", ID: t.ID, Name: t.Title, Action: oplog.Update, Owner: t.AssigneeName, Old: t, New: next}); err != nil {
				return err
			}
		}
		promoted := ""
		if done {
			if promoted, err = s.autoPromote(ctx, tx, oppID, cur.StageID); err != nil {
				return err
			}
		}
		if out, err = s.steps(ctx, tx, oppID); err != nil {
			return err
		}
		out.Promoted = promoted
		return nil
	})
	return out, err
}

// Export writes the tasks matching f to a CSV or XLSX file the user picks;
// it returns the path, "" when cancelled.
func (s *Service) Export(f Filter, format string) (string, error) {
	if err := s.checkFilter(&f); err != nil {
		return "", err
	}
	if err := export.CheckFormat(format); err != nil {
		return "", err
	}
	ctx := s.env.Ctx()
	prio := map[int]string{1: "高", 2: "中", 3: "低"}
	status := map[string]string{store.TaskTodo: "待办", store.TaskDoing: "进行中", store.TaskDone: "已完成", store.TaskCancelled: "已取消"}
	return export.Save(s.env, "销售任务", format, export.Table{Sheet: "销售任务", Columns: Columns,
		Rows: func(emit func(...any) error) error {
			return store.EachTask(ctx, s.st.DB, f, func(t store.Task) error {
				return emit(t.Title, t.AssigneeName, t.DueDate, t.DueTime, prio[t.Priority], status[t.Status],
					t.CustomerName, t.OpportunityName, t.StageName, t.Result)
			})
		}})
}

// Columns are the export's columns.
var Columns = []export.Column{
	{Label: msg.LabelTaskTitle, Kind: export.Text}, {Label: msg.LabelTaskAssignee, Kind: export.Text},
	{Label: msg.LabelTaskDueDate, Kind: export.Date}, {Label: msg.LabelTaskDueTime, Kind: export.Text},
	{Label: msg.LabelTaskPriority, Kind: export.Text}, {Label: msg.LabelTaskStatus, Kind: export.Text},
	{Label: msg.LabelCustomer, Kind: export.Text}, {Label: msg.LabelOpportunity, Kind: export.Text},
	{Label: msg.LabelStage, Kind: export.Text}, {Label: msg.LabelTaskResult, Kind: export.Text},
}
