// Package stage configures the sales stages: their order, names and default
// probabilities, the closed outcomes (several won and several lost ones, each
// counting by its kind) and the stage sets of opportunity types.
package stage

import (
	"context"
	"errors"
	"strings"

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
// Kind ("open", "won", "lost"; "" is open) is fixed at creation; SetID puts
// the stage in a stage set (0: shared by every type).
type Input struct {
	Name        string `json:"name"`
	Probability string `json:"probability"`
	After       int64  `json:"after"`
	Kind        string `json:"kind"`
	SetID       int64  `json:"setId"`
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
	// An outcome's probability is fixed; leaving it empty means that.
	if strings.TrimSpace(in.Probability) == "" {
		switch in.Kind {
		case store.KindWon:
			in.Probability = "100"
		case store.KindLost:
			in.Probability = "0"
		}
	}
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

// position is where a new stage placed after `after` goes (0: an open one
// before the closed stages, an outcome at the end); an open stage goes
// after an open one, an outcome after an outcome.
func position(ctx context.Context, q store.Querier, after int64, kind string) (int, error) {
	switch {
	case after == 0:
		return 0, nil
	case after == AtTop && kind == store.KindOpen:
		return 1, nil
	case after == AtTop:
		return 0, apperr.Invalid("after", msg.StageOutcomeAfter)
	}
	all, err := store.ListStages(ctx, q)
	if err != nil {
		return 0, err
	}
	for _, st := range all {
		if st.ID != after {
			continue
		}
		if kind != store.KindOpen {
			if st.Kind == store.KindOpen {
				return 0, apperr.Invalid("after", msg.StageOutcomeAfter)
			}
			return st.Position + 1, nil
		}
		if st.Kind != store.KindOpen {
			return 0, apperr.Invalid("after", msg.StageAfterClosed, msg.P{"name": st.Name})
		}
		return st.Position + 1, nil
	}
	return 0, apperr.Invalid("after", msg.StageAfterUnknown)
}

// Create adds a stage where in.After says: an open stage before the closed
// ones unless placed elsewhere among the open ones, an outcome (won or lost)
// among the outcomes, at the end by default. There may be any number of
// won and lost outcomes (丢单, 因竞争丢单, 无效); each counts by its kind.
func (s *Service) Create(in Input) (store.Stage, error) {
	ctx := s.env.Ctx()
	var out store.Stage
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		var errs apperr.List
		kind, err := checkKind(in.Kind)
		errs.Add(err)
		in.Kind = kind
		name, bp, err := s.check(ctx, tx, 0, in)
		if errs.OK(err) {
			errs.Add(outcomeProbability(kind, bp))
		}
		pos, err := position(ctx, tx, in.After, kind)
		errs.Add(err)
		errs.Add(checkSet(ctx, tx, in.SetID))
		if err := errs.Err(); err != nil {
			return err
		}
		id, err := store.InsertStage(ctx, tx, store.Stage{Name: name, ProbabilityBP: bp, Kind: kind, Position: pos})
		if err != nil {
			return err
		}
		if err := store.SetStageSet(ctx, tx, id, in.SetID); err != nil {
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
		in.Kind = cur.Kind
		name, bp, err := s.check(ctx, tx, id, in)
		if err != nil {
			return err
		}
		if err := outcomeProbability(cur.Kind, bp); err != nil {
			return err
		}
		if in.SetID != cur.SetID {
			if err := s.checkMove(ctx, tx, cur, in.SetID); err != nil {
				return err
			}
			if err := store.SetStageSet(ctx, tx, id, in.SetID); err != nil {
				return err
			}
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
		if retired && !cur.Retired {
			if err := lastOutcome(ctx, tx, cur); err != nil {
				return err
			}
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
		if err := lastOutcome(ctx, tx, cur); err != nil {
			return err
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

func checkKind(kind string) (string, error) {
	switch kind {
	case "", store.KindOpen:
		return store.KindOpen, nil
	case store.KindWon, store.KindLost:
		return kind, nil
	}
	return kind, apperr.Invalid("kind", msg.StageKindUnknown, msg.P{"kind": kind})
}

// outcomeProbability keeps won outcomes at 100% and lost ones at 0%.
func outcomeProbability(kind string, bp int) error {
	if kind == store.KindWon && bp != 10000 {
		return apperr.Invalid("probability", msg.StageWonProbability)
	}
	if kind == store.KindLost && bp != 0 {
		return apperr.Invalid("probability", msg.StageLostProbability)
	}
	return nil
}

func checkSet(ctx context.Context, q store.Querier, setID int64) error {
	if setID == 0 {
		return nil
	}
	if _, err := store.GetStageSet(ctx, q, setID); errors.Is(err, store.ErrNotFound) {
		return apperr.Invalid("setId", msg.StageSetUnknown)
	} else if err != nil {
		return err
	}
	return nil
}

// kindWord names an outcome kind in messages.
func kindWord(kind string) msg.Key {
	if kind == store.KindWon {
		return msg.KindWonWord
	}
	return msg.KindLostWord
}

// lastOutcome refuses to take away the last active shared won or lost
// outcome: every type must have somewhere to be won and to be lost.
func lastOutcome(ctx context.Context, q store.Querier, st store.Stage) error {
	if st.Kind == store.KindOpen || st.SetID != 0 || st.Retired {
		return nil
	}
	n, err := store.CountSharedOfKind(ctx, q, st.Kind, st.ID)
	if err != nil {
		return err
	}
	if n == 0 {
		return apperr.Conflict("id", msg.StageLastOutcome, msg.P{"name": st.Name, "kind": kindWord(st.Kind)})
	}
	return nil
}

// checkMove checks that stage st may move into set setID: the set exists,
// the opportunities in the stage are of the set's types, and no shared
// outcome goes missing.
func (s *Service) checkMove(ctx context.Context, q store.Querier, st store.Stage, setID int64) error {
	if err := checkSet(ctx, q, setID); err != nil {
		return err
	}
	if st.SetID == 0 {
		if err := lastOutcome(ctx, q, st); err != nil {
			return err
		}
	}
	types, err := store.MisplacedTypes(ctx, q, st.ID, setID)
	if err != nil || len(types) == 0 {
		return err
	}
	set, err := store.GetStageSet(ctx, q, setID)
	if err != nil {
		return err
	}
	return apperr.Conflict("setId", msg.StageMoveMisplaced, msg.P{"name": st.Name, "types": strings.Join(types, "、"), "set": set.Name})
}
