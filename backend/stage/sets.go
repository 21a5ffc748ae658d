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
)

// SetInput creates or edits a stage set: its name and the opportunity
// types that use it (a type moves here from any other set).
type SetInput struct {
	Name  string   `json:"name"`
	Types []string `json:"types"`
}

// ListSets returns the stage sets with their types.
func (s *Service) ListSets() ([]store.StageSet, error) {
	return store.ListStageSets(s.env.Ctx(), s.st.DB)
}

func checkSetInput(ctx context.Context, q store.Querier, id int64, in SetInput) (string, []string, error) {
	var errs apperr.List
	name, err := validate.Text("name", msg.LabelStageSetName, in.Name, true, 30)
	if errs.OK(err) {
		if other, err := store.StageSetByName(ctx, q, name); err == nil && other.ID != id {
			errs.Add(apperr.Conflict("name", msg.StageSetDuplicate, msg.P{"name": name}))
		}
	}
	types := []string{}
	seen := map[string]bool{}
	for _, t := range in.Types {
		t, err := validate.Text("types", msg.LabelStageSetTypes, t, false, 50)
		if !errs.OK(err) || t == "" || seen[t] {
			continue
		}
		seen[t] = true
		types = append(types, t)
	}
	return name, types, errs.Err()
}

// setTypes makes types the set's types, refusing while opportunities of a
// type would be left in a stage their type may no longer use.
func setTypes(ctx context.Context, q store.Querier, id int64, types []string) error {
	stuck, err := store.StagesBlockingTypes(ctx, q, id, types)
	if err != nil {
		return err
	}
	if len(stuck) > 0 {
		return apperr.Conflict("types", msg.StageSetTypesStuck, msg.P{"stages": strings.Join(stuck, "、")})
	}
	leaving, err := store.StagesOfSetTypesLeaving(ctx, q, id, types)
	if err != nil {
		return err
	}
	if len(leaving) > 0 {
		return apperr.Conflict("types", msg.StageSetTypesLeave, msg.P{"stages": strings.Join(leaving, "、")})
	}
	return store.SetStageSetTypes(ctx, q, id, types)
}

// CreateSet adds a stage set for some opportunity types.
func (s *Service) CreateSet(in SetInput) (store.StageSet, error) {
	ctx := s.env.Ctx()
	var out store.StageSet
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		name, types, err := checkSetInput(ctx, tx, 0, in)
		if err != nil {
			return err
		}
		id, err := store.InsertStageSet(ctx, tx, name)
		if err != nil {
			return err
		}
		if err := setTypes(ctx, tx, id, types); err != nil {
			return err
		}
		if out, err = store.GetStageSet(ctx, tx, id); err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "stage", ID: id, Name: out.Name, Action: oplog.Create, New: setLog(out)})
	})
	return out, err
}

// UpdateSet renames a stage set and sets its types.
func (s *Service) UpdateSet(id int64, in SetInput) (store.StageSet, error) {
	ctx := s.env.Ctx()
	var out store.StageSet
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		cur, err := getSet(ctx, tx, id)
		if err != nil {
			return err
		}
		name, types, err := checkSetInput(ctx, tx, id, in)
		if err != nil {
			return err
		}
		if err := store.RenameStageSet(ctx, tx, id, name); err != nil {
			return err
		}
		if err := setTypes(ctx, tx, id, types); err != nil {
			return err
		}
		if out, err = store.GetStageSet(ctx, tx, id); err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "stage", ID: id, Name: out.Name, Action: oplog.Update, Old: setLog(cur), New: setLog(out)})
	})
	return out, err
}

// DeleteSet removes a stage set that has no stages left; its types go back
// to the shared stages.
func (s *Service) DeleteSet(id int64) error {
	ctx := s.env.Ctx()
	return s.st.Tx(ctx, func(tx store.Tx) error {
		cur, err := getSet(ctx, tx, id)
		if err != nil {
			return err
		}
		n, err := store.CountStagesInSet(ctx, tx, id)
		if err != nil {
			return err
		}
		if n > 0 {
			return apperr.Conflict("id", msg.StageSetHasStages, msg.P{"name": cur.Name, "n": n})
		}
		if err := store.DeleteStageSet(ctx, tx, id); err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "stage", ID: id, Name: cur.Name, Action: oplog.Delete, Old: setLog(cur)})
	})
}

func getSet(ctx context.Context, q store.Querier, id int64) (store.StageSet, error) {
	set, err := store.GetStageSet(ctx, q, id)
	if errors.Is(err, store.ErrNotFound) {
		return set, apperr.NotFound("id", msg.StageSetUnknown)
	}
	return set, err
}

// setLog is a set as the history shows it.
func setLog(set store.StageSet) map[string]any {
	return map[string]any{"name": set.Name, "types": strings.Join(set.Types, "、")}
}

// Admits reports whether stage st may hold an opportunity of type typ:
// shared stages hold every type, a set's stages only that set's types.
func Admits(ctx context.Context, q store.Querier, st store.Stage, typ string) (bool, error) {
	if st.SetID == 0 {
		return true, nil
	}
	set, err := store.StageSetOfType(ctx, q, typ)
	return set == st.SetID, err
}

// CheckAdmits refuses stage st for an opportunity of type typ with a
// message naming both.
func CheckAdmits(ctx context.Context, q store.Querier, st store.Stage, typ string) error {
	ok, err := Admits(ctx, q, st, typ)
	if err != nil || ok {
		return err
	}
	shown := typ
	if shown == "" {
		shown = "—"
	}
	return apperr.Invalid("stageId", msg.StageNotInTypeSet, msg.P{"stage": st.Name, "type": shown})
}
