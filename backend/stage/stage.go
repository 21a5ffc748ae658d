// Package stage configures the sales stages: their order, names and default
// probabilities, with exactly one won and one lost stage.
package stage

import (
	"context"
	"errors"

	"funneldesk/backend/apperr"
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
	name, err := validate.TextZhEn("name", "阶段名称", "Stage name", in.Name, true, 30)
	if err != nil {
		return "", 0, err
	}
	if other, err := store.StageByName(ctx, q, name); err == nil && other.ID != id {
		return "", 0, apperr.ConflictZhEn("name", "已有同名阶段「"+name+"」", "A stage named \""+name+"\" already exists")
	}
	bp, ok, err := validate.PercentZhEn("probability", "默认可能性", "Default probability", in.Probability)
	if err != nil {
		return "", 0, err
	}
	if !ok {
		return "", 0, apperr.InvalidZhEn("probability", "默认可能性不能为空", "Default probability is required")
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
			return apperr.InvalidZhEn("probability", "成功阶段的可能性固定为 100%", "The won stage is always 100%")
		}
		if cur.Kind == store.KindLost && bp != 0 {
			return apperr.InvalidZhEn("probability", "失败阶段的可能性固定为 0%", "The lost stage is always 0%")
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
				return apperr.InvalidZhEn("ids", "阶段顺序无效：未知或重复的阶段", "Invalid stage order: unknown or repeated stage")
			}
			seen[id] = true
		}
		if len(seen) != len(known) {
			return apperr.InvalidZhEn("ids", "阶段顺序必须包含所有阶段", "The stage order must list every stage")
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
			return apperr.ConflictZhEn("id", "成功和失败阶段不能停用", "The won and lost stages cannot be retired")
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
			return apperr.ConflictZhEn("id", "成功和失败阶段不能删除", "The won and lost stages cannot be deleted")
		}
		n, err := store.StageUsage(ctx, tx, id)
		if err != nil {
			return err
		}
		if n > 0 {
			return apperr.ConflictZhEn("id", "阶段「"+cur.Name+"」已被销售机会使用，不能删除，可以停用",
				"Stage \""+cur.Name+"\" is in use by opportunities; retire it instead")
		}
		return store.DeleteStage(ctx, tx, id)
	})
}

// Get loads a stage, mapping a missing one to not_found.
func Get(ctx context.Context, q store.Querier, id int64) (store.Stage, error) {
	st, err := store.GetStage(ctx, q, id)
	if errors.Is(err, store.ErrNotFound) {
		return st, apperr.NotFoundZhEn("stageId", "销售阶段不存在", "Unknown stage")
	}
	return st, err
}

// Resolve checks that id names a stage an opportunity may enter: not
// retired, unless it is already there (current).
func Resolve(ctx context.Context, q store.Querier, id, current int64) (store.Stage, error) {
	if id == 0 {
		return store.Stage{}, apperr.InvalidZhEn("stageId", "销售阶段不能为空", "Stage is required")
	}
	st, err := store.GetStage(ctx, q, id)
	if errors.Is(err, store.ErrNotFound) {
		return st, apperr.InvalidZhEn("stageId", "销售阶段不存在", "Unknown stage")
	}
	if err != nil {
		return st, err
	}
	if st.Retired && id != current {
		return st, apperr.InvalidZhEn("stageId", "销售阶段「"+st.Name+"」已停用", "Stage \""+st.Name+"\" is retired")
	}
	return st, nil
}
