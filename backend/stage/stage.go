// Package stage configures the sales stages: their order, names and default
// probabilities, with exactly one won and one lost stage.
package stage

import (
	"context"
	"errors"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
	"funneldesk/backend/oplog"
	"funneldesk/backend/store"
	"funneldesk/backend/validate"

	"funneldesk/backend/svc"
)

// Input creates or edits a stage. Probability is in percent ("60", "12.5").
// After places a new stage: 0 after the last open stage (before the closed
// ones), AtTop first, else after the open stage with that id; edits ignore it.
type Input struct {
	Name        string `json:"name"`
	Probability string `json:"probability"`
	After       int64  `json:"after"`
}

// AtTop in Input.After puts a new stage first.
const AtTop = -1

// Service is bound to the UI.
type Service struct {
	st  *store.Store
	env *svc.Env
}

// NewService returns the stage service over st.
func NewService(st *store.Store, env *svc.Env) *Service { return &Service{st: st, env: env} }

// List returns every stage in order, retired ones included (flagged).
func (s *Service) List() ([]store.Stage, error) {
	return store.ListStages(s.env.Ctx(), s.st.DB)
}

func (s *Service) check(ctx context.Context, q store.Querier, id int64, in Input) (string, int, error) {
	var errs apperr.List
	name, err := validate.Text("name", msg.LabelStageName, in.Name, true, 30)
	if errs.OK(err) {
		if other, err := store.StageByName(ctx, q, name); err == nil && other.ID != id {
			errs.Add(apperr.Conflict("name", msg.StageDuplicate, msg.P{"name": name}))
		}
	}
	bp, ok, err := validate.Percent("probability", msg.LabelStageProbability, in.Probability)
	if errs.OK(err) && !ok {
		errs.Add(apperr.Invalid("probability", msg.StageProbRequired))
	}
	return name, bp, errs.Err()
}

// position is where a new stage placed after `after` goes (0: before the
// closed stages); a closed stage is no place to put one after.
func position(ctx context.Context, q store.Querier, after int64) (int, error) {
	switch {
	case after == 0:
		return 0, nil
	case after == AtTop:
		return 1, nil
	}
	all, err := store.ListStages(ctx, q)
	if err != nil {
		return 0, err
	}
	for _, st := range all {
		if st.ID != after {
			continue
		}
		if st.Kind != store.KindOpen {
			return 0, apperr.Invalid("after", msg.StageAfterClosed, msg.P{"name": st.Name})
		}
		return st.Position + 1, nil
	}
	return 0, apperr.Invalid("after", msg.StageAfterUnknown)
}

// Create adds an open stage where in.After says, before the closed stages
// unless placed elsewhere among the open ones.
func (s *Service) Create(in Input) (store.Stage, error) {
	ctx := s.env.Ctx()
	var out store.Stage
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		var errs apperr.List
		name, bp, err := s.check(ctx, tx, 0, in)
		errs.Add(err)
		pos, err := position(ctx, tx, in.After)
		errs.Add(err)
		if err := errs.Err(); err != nil {
			return err
		}
		id, err := store.InsertStage(ctx, tx, store.Stage{Name: name, ProbabilityBP: bp, Kind: store.KindOpen, Position: pos})
		if err != nil {
			return err
		}
		if out, err = store.GetStage(ctx, tx, id); err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "stage", ID: id, Name: out.Name, Action: oplog.Create, New: out})
	})
	return out, err
}

// Update renames a stage or changes its default probability. The won stage
// stays at 100% and the lost stage at 0%. Opportunities keep their own
// probability.
func (s *Service) Update(id int64, in Input) (store.Stage, error) {
	ctx := s.env.Ctx()
	var out store.Stage
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		cur, err := Get(ctx, tx, id)
		if err != nil {
			return err
		}
		name, bp, err := s.check(ctx, tx, id, in)
		if err != nil {
			return err
		}
		if cur.Kind == store.KindWon && bp != 10000 {
			return apperr.Invalid("probability", msg.StageWonProbability)
		}
		if cur.Kind == store.KindLost && bp != 0 {
			return apperr.Invalid("probability", msg.StageLostProbability)
		}
		old := cur
		cur.Name, cur.ProbabilityBP = name, bp
		if err := store.UpdateStage(ctx, tx, cur); err != nil {
			return err
		}
		if out, err = store.GetStage(ctx, tx, id); err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "stage", ID: id, Name: out.Name, Action: oplog.Update, Old: old, New: out})
	})
	return out, err
}

// Reorder sets the funnel order: ids must list every stage once, the closed
// (won, lost) stages after every open one.
func (s *Service) Reorder(ids []int64) ([]store.Stage, error) {
	ctx := s.env.Ctx()
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		all, err := store.ListStages(ctx, tx)
		if err != nil {
			return err
		}
		known := map[int64]bool{}
		byID := map[int64]store.Stage{}
		for _, st := range all {
			known[st.ID] = true
			byID[st.ID] = st
		}
		seen := map[int64]bool{}
		for _, id := range ids {
			if !known[id] || seen[id] {
				return apperr.Invalid("ids", msg.StageOrderUnknown)
			}
			seen[id] = true
		}
		if len(seen) != len(known) {
			return apperr.Invalid("ids", msg.StageOrderIncomplete)
		}
		var closed *store.Stage
		for _, id := range ids {
			st := byID[id]
			if st.Kind != store.KindOpen {
				if closed == nil {
					closed = &st
				}
			} else if closed != nil {
				return apperr.Invalid("ids", msg.StageClosedLast, msg.P{"name": st.Name, "closed": closed.Name})
			}
		}
		var before, after []string
		for _, st := range all {
			before = append(before, st.Name)
		}
		for i, id := range ids {
			if err := store.SetStagePosition(ctx, tx, id, i+1); err != nil {
				return err
			}
			after = append(after, byID[id].Name)
		}
		// One entry for the whole funnel order; an unchanged order logs none.
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "stage", Action: oplog.Reorder,
			Old: map[string]any{"order": before}, New: map[string]any{"order": after}})
	})
	if err != nil {
		return nil, err
	}
	return s.List()
}

// SetRetired retires a stage (no new opportunities may enter it; those in it
// stay and it still shows while it holds any) or brings it back.
func (s *Service) SetRetired(id int64, retired bool) (store.Stage, error) {
	ctx := s.env.Ctx()
	var out store.Stage
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		cur, err := Get(ctx, tx, id)
		if err != nil {
			return err
		}
		if retired && cur.Kind != store.KindOpen {
			return apperr.Conflict("id", msg.StageClosedRetire)
		}
		old := cur
		cur.Retired = retired
		if err := store.UpdateStage(ctx, tx, cur); err != nil {
			return err
		}
		if out, err = store.GetStage(ctx, tx, id); err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "stage", ID: id, Name: out.Name, Action: oplog.Update, Old: old, New: out})
	})
	return out, err
}

// Delete removes a stage that no opportunity uses or ever used.
func (s *Service) Delete(id int64) error {
	ctx := s.env.Ctx()
	return s.st.Tx(ctx, func(tx store.Tx) error {
		cur, err := Get(ctx, tx, id)
		if err != nil {
			return err
		}
		if cur.Kind != store.KindOpen {
			return apperr.Conflict("id", msg.StageClosedDelete)
		}
		n, err := store.StageUsage(ctx, tx, id)
		if err != nil {
			return err
		}
		if n > 0 {
			return apperr.Conflict("id", msg.StageInUse, msg.P{"name": cur.Name})
		}
		if err := store.DeleteStage(ctx, tx, id); err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "stage", ID: id, Name: cur.Name, Action: oplog.Delete, Old: cur})
	})
}

// Get loads a stage, mapping a missing one to not_found.
func Get(ctx context.Context, q store.Querier, id int64) (store.Stage, error) {
	st, err := store.GetStage(ctx, q, id)
	if errors.Is(err, store.ErrNotFound) {
		return st, apperr.NotFound("stageId", msg.StageUnknown)
	}
	return st, err
}

// Resolve checks that id names a stage an opportunity may enter: not
// retired, unless it is already there (current).
func Resolve(ctx context.Context, q store.Querier, id, current int64) (store.Stage, error) {
	if id == 0 {
		return store.Stage{}, apperr.Invalid("stageId", msg.Required, msg.P{"label": msg.LabelStage})
	}
	st, err := store.GetStage(ctx, q, id)
	if errors.Is(err, store.ErrNotFound) {
		return st, apperr.Invalid("stageId", msg.StageUnknown)
	}
	if err != nil {
		return st, err
	}
	if st.Retired && id != current {
		return st, apperr.Invalid("stageId", msg.StageRetired, msg.P{"name": st.Name})
	}
	return st, nil
}
