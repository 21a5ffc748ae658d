// Package stage configures the sales stages: their order, names and default
// probabilities, with exactly one won and one lost stage.
package stage

import (
	"context"
	"errors"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
	"funneldesk/backend/store"
	"funneldesk/backend/validate"

	"funneldesk/backend/svc"
)

// Input creates or edits a stage. Probability is in percent ("60", "12.5").
type Input struct {
	Name        string `json:"name"`
	Probability string `json:"probability"`
}

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
	name, err := validate.Text("name", msg.LabelStageName, in.Name, true, 30)
	if err != nil {
		return "", 0, err
	}
	if other, err := store.StageByName(ctx, q, name); err == nil && other.ID != id {
		return "", 0, apperr.Conflict("name", msg.StageDuplicate, msg.P{"name": name})
	}
	bp, ok, err := validate.Percent("probability", msg.LabelStageProbability, in.Probability)
	if err != nil {
		return "", 0, err
	}
	if !ok {
		return "", 0, apperr.Invalid("probability", msg.StageProbRequired)
	}
	return name, bp, nil
}

// Create adds an open stage after the last one.
func (s *Service) Create(in Input) (store.Stage, error) {
	ctx := s.env.Ctx()
	var out store.Stage
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		name, bp, err := s.check(ctx, tx, 0, in)
		if err != nil {
			return err
		}
		id, err := store.InsertStage(ctx, tx, store.Stage{Name: name, ProbabilityBP: bp, Kind: store.KindOpen})
		if err != nil {
			return err
		}
		out, err = store.GetStage(ctx, tx, id)
		return err
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
		cur.Name, cur.ProbabilityBP = name, bp
		if err := store.UpdateStage(ctx, tx, cur); err != nil {
			return err
		}
		out, err = store.GetStage(ctx, tx, id)
		return err
	})
	return out, err
}

// Reorder sets the funnel order: ids must list every stage once.
func (s *Service) Reorder(ids []int64) ([]store.Stage, error) {
	ctx := s.env.Ctx()
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		all, err := store.ListStages(ctx, tx)
		if err != nil {
			return err
		}
		known := map[int64]bool{}
		for _, st := range all {
			known[st.ID] = true
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
		for i, id := range ids {
			if err := store.SetStagePosition(ctx, tx, id, i+1); err != nil {
				return err
			}
		}
		return nil
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
		cur.Retired = retired
		if err := store.UpdateStage(ctx, tx, cur); err != nil {
			return err
		}
		out, err = store.GetStage(ctx, tx, id)
		return err
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
		return store.DeleteStage(ctx, tx, id)
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
