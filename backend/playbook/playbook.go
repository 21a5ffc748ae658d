// Package playbook keeps the stage playbooks (阶段升迁): the action library
// (动作档案) and, per stage, the actions an opportunity entering it should
// carry out, each required or optional, with a default due offset.
//
// The rules, shared by every path that moves an opportunity (the form, the
// board's drag, auto-promotion), live in Moved:
//   - entering a stage creates its actions as tasks on the opportunity,
//     assigned to its owner, due the entry date (the env's clock) plus the
//     offset; an action already carried out or pending there is not repeated;
//   - promotion past an open stage (to a later open stage, or to a won
//     stage) is refused while a required action of the stage being left has
//     no done task, naming those actions;
//   - moving to a lost stage, or back to an earlier stage, is always allowed.
//
// Only the stage being left is checked: a jump over several stages skips
// the playbooks of the stages in between, which were never entered.
package playbook

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
	"funneldesk/backend/oplog"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
	"funneldesk/backend/validate"
)

// MaxSteps bounds the actions of one stage.
const MaxSteps = 30

// Moved applies the playbooks to an opportunity o that was just written
// in stage o.StageID, coming from stage from (0 for a new opportunity):
// it refuses a promotion past unfinished required actions and creates the
// new stage's tasks. Call it in the transaction that moved the stage; its
// error rolls the move back.
func Moved(ctx context.Context, tx store.Tx, o store.Opportunity, from int64, today string) error {
	if o.StageID == from {
		return nil
	}
	to, err := store.GetStage(ctx, tx, o.StageID)
	if err != nil {
		return err
	}
	if from != 0 {
		if err := CheckLeave(ctx, tx, o.ID, from, to); err != nil {
			return err
		}
	}
	return Enter(ctx, tx, o, today)
}

// CheckLeave refuses to promote opportunity oppID from stage from to stage
// to while a required action of from is not done.
func CheckLeave(ctx context.Context, q store.Querier, oppID, from int64, to store.Stage) error {
	cur, err := store.GetStage(ctx, q, from)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	promotion := cur.Kind == store.KindOpen &&
		(to.Kind == store.KindWon || (to.Kind == store.KindOpen && to.Position > cur.Position))
	if !promotion {
		return nil
	}
	missing, err := store.MissingRequired(ctx, q, oppID, from)
	if err != nil || len(missing) == 0 {
		return err
	}
	return apperr.Invalid("stageId", msg.StillToDo, msg.P{"actions": strings.Join(missing, "、")})
}

// Enter creates the actions of o's stage as tasks on o. Tasks made by the
// playbook are not logged one by one: the stage change that made them is.
func Enter(ctx context.Context, tx store.Tx, o store.Opportunity, today string) error {
	steps, err := store.StageActions(ctx, tx, o.StageID)
	if err != nil || len(steps) == 0 {
		return err
	}
	for _, s := range steps {
		has, err := store.HasStageTask(ctx, tx, o.ID, o.StageID, s.ActionID)
		if err != nil {
			return err
		}
		if has {
			continue
		}
		t := store.Task{Title: s.ActionName, AssigneeID: o.OwnerID, Priority: 2, Status: store.TaskTodo,
			CustomerID: o.CustomerID, OpportunityID: o.ID, StageID: o.StageID, ActionID: s.ActionID, Required: s.Required}
		if s.DueDays >= 0 {
			t.DueDate = AddDays(today, s.DueDays)
		}
		if s.Required {
			t.Priority = 1
		}
		if _, err := store.InsertTask(ctx, tx, t); err != nil {
			return err
		}
	}
	return nil
}

// AddDays returns day (YYYY-MM-DD) plus n days.
func AddDays(day string, n int) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return day
	}
	return t.AddDate(0, 0, n).Format("2006-01-02")
}

// ActionInput creates or edits an action of the library.
type ActionInput struct {
	Name        string `json:"name"`
	Description string `json:"description"`
}

// StepInput is one action of a stage's playbook. DueDays is a whole number
// of days, "" for no due date.
type StepInput struct {
	ActionID int64  `json:"actionId"`
	Required bool   `json:"required"`
	DueDays  string `json:"dueDays"`
}

// PlaybookInput replaces a stage's playbook.
type PlaybookInput struct {
	AutoPromote bool        `json:"autoPromote"`
	Steps       []StepInput `json:"steps"`
}

// Playbook is a stage's playbook.
type Playbook struct {
	StageID     int64               `json:"stageId"`
	AutoPromote bool                `json:"autoPromote"`
	Steps       []store.StageAction `json:"steps"`
}

// Service is bound to the UI: the action library and the playbooks.
type Service struct {
	st  *store.Store
	env *svc.Env
}

// NewService returns the playbook service over st.
func NewService(st *store.Store, env *svc.Env) *Service { return &Service{st: st, env: env} }

// Actions returns the action library.
func (s *Service) Actions() ([]store.Action, error) {
	return store.ListActions(s.env.Ctx(), s.st.DB)
}

func checkAction(ctx context.Context, q store.Querier, id int64, in ActionInput) (store.Action, error) {
	var errs apperr.List
	a := store.Action{ID: id}
	var err error
	if a.Name, err = validate.Text("name", msg.LabelActionName, in.Name, true, 30); errs.OK(err) {
		if other, err := store.ActionByName(ctx, q, a.Name); err == nil && other.ID != id {
			errs.Add(apperr.Conflict("name", msg.ActionDuplicate, msg.P{"name": a.Name}))
		}
	}
	a.Description, err = validate.Text("description", msg.LabelActionDesc, in.Description, false, 200)
	errs.Add(err)
	return a, errs.Err()
}

// CreateAction adds an action to the library.
func (s *Service) CreateAction(in ActionInput) (store.Action, error) {
	ctx := s.env.Ctx()
	var out store.Action
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		a, err := checkAction(ctx, tx, 0, in)
		if err != nil {
			return err
		}
		if a.ID, err = store.InsertAction(ctx, tx, a); err != nil {
			return err
		}
		out = a
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "action", ID: a.ID, Name: a.Name, Action: oplog.Create, New: a})
	})
	return out, err
}

// UpdateAction renames or describes an action; tasks already made keep
// their title.
func (s *Service) UpdateAction(id int64, in ActionInput) (store.Action, error) {
	ctx := s.env.Ctx()
	var out store.Action
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		cur, err := getAction(ctx, tx, id)
		if err != nil {
			return err
		}
		a, err := checkAction(ctx, tx, id, in)
		if err != nil {
			return err
		}
		if err := store.UpdateAction(ctx, tx, a); err != nil {
			return err
		}
		out = a
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "action", ID: id, Name: a.Name, Action: oplog.Update, Old: cur, New: a})
	})
	return out, err
}

// DeleteAction removes an action from the library and from every stage's
// playbook; tasks made from it stay, as plain tasks.
func (s *Service) DeleteAction(id int64) error {
	ctx := s.env.Ctx()
	return s.st.Tx(ctx, func(tx store.Tx) error {
		cur, err := getAction(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := store.DeleteAction(ctx, tx, id); err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "action", ID: id, Name: cur.Name, Action: oplog.Delete, Old: cur})
	})
}

func getAction(ctx context.Context, q store.Querier, id int64) (store.Action, error) {
	a, err := store.GetAction(ctx, q, id)
	if errors.Is(err, store.ErrNotFound) {
		return a, apperr.NotFound("id", msg.ActionNotFound)
	}
	return a, err
}

// Playbook returns a stage's playbook.
func (s *Service) Playbook(stageID int64) (Playbook, error) {
	return get(s.env.Ctx(), s.st.DB, stageID)
}

func get(ctx context.Context, q store.Querier, stageID int64) (Playbook, error) {
	if _, err := store.GetStage(ctx, q, stageID); errors.Is(err, store.ErrNotFound) {
		return Playbook{}, apperr.NotFound("stageId", msg.PlaybookStageGone)
	} else if err != nil {
		return Playbook{}, err
	}
	steps, err := store.StageActions(ctx, q, stageID)
	if err != nil {
		return Playbook{}, err
	}
	auto, err := store.AutoPromote(ctx, q, stageID)
	return Playbook{StageID: stageID, AutoPromote: auto, Steps: steps}, err
}

// SetPlaybook replaces a stage's playbook. Opportunities already in the
// stage keep the tasks they have; the new required actions count for
// their promotion at once.
func (s *Service) SetPlaybook(stageID int64, in PlaybookInput) (Playbook, error) {
	ctx := s.env.Ctx()
	var out Playbook
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		st, err := store.GetStage(ctx, tx, stageID)
		if errors.Is(err, store.ErrNotFound) {
			return apperr.NotFound("stageId", msg.PlaybookStageGone)
		}
		if err != nil {
			return err
		}
		cur, err := get(ctx, tx, stageID)
		if err != nil {
			return err
		}
		steps, err := checkSteps(ctx, tx, in.Steps)
		if err != nil {
			return err
		}
		if err := store.SetStagePlaybook(ctx, tx, stageID, in.AutoPromote, steps); err != nil {
			return err
		}
		if out, err = get(ctx, tx, stageID); err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "stage", ID: stageID, Name: st.Name, Action: oplog.Update,
			Old: map[string]any{"playbook": cur}, New: map[string]any{"playbook": out}})
	})
	return out, err
}

func checkSteps(ctx context.Context, q store.Querier, in []StepInput) ([]store.StageAction, error) {
	if len(in) > MaxSteps {
		return nil, apperr.Invalid("steps", msg.PlaybookTooMany, msg.P{"max": MaxSteps})
	}
	seen := map[int64]bool{}
	out := make([]store.StageAction, 0, len(in))
	for _, x := range in {
		a, err := store.GetAction(ctx, q, x.ActionID)
		if errors.Is(err, store.ErrNotFound) {
			return nil, apperr.Invalid("steps", msg.ActionNotFound)
		}
		if err != nil {
			return nil, err
		}
		if seen[a.ID] {
			return nil, apperr.Invalid("steps", msg.ActionRepeated, msg.P{"name": a.Name})
		}
		seen[a.ID] = true
		days := -1
		if d := strings.TrimSpace(x.DueDays); d != "" {
			n, err := strconv.Atoi(d)
			if err != nil || n < 0 || n > 3650 {
				return nil, apperr.Invalid("steps", msg.DueDaysBad, msg.P{"name": a.Name})
			}
			days = n
		}
		out = append(out, store.StageAction{ActionID: a.ID, ActionName: a.Name, Required: x.Required, DueDays: days})
	}
	return out, nil
}

// Progress returns, for the board's cards, how many actions of each given
// opportunity's current stage are done; opportunities whose stage has no
// actions are left out.
func (s *Service) Progress(oppIDs []int64) ([]store.ActionProgress, error) {
	if len(oppIDs) > 5000 {
		oppIDs = oppIDs[:5000]
	}
	return store.ActionProgressOf(s.env.Ctx(), s.st.DB, oppIDs)
}
