// Package team keeps the team tree (团队): the company at the root, teams
// and sub-teams below, each with a manager, and which team each
// salesperson belongs to. Moving a person changes only their team: their
// customers, opportunities and history stay theirs. Pools grant teams (with
// their sub-teams), and reports filter by "my team and its sub-teams"
// (store.OwnersInTeam).
package team

import (
	"context"
	"errors"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
	"funneldesk/backend/oplog"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
	"funneldesk/backend/validate"
)

// Input creates or edits a team.
type Input struct {
	Name      string `json:"name"`
	ParentID  int64  `json:"parentId"`
	ManagerID int64  `json:"managerId"`
}

// Service is bound to the UI.
type Service struct {
	st  *store.Store
	env *svc.Env
}

// NewService returns the team service over st.
func NewService(st *store.Store, env *svc.Env) *Service { return &Service{st: st, env: env} }

// Tree is every team and the team of every salesperson (owner id → team id).
type Tree struct {
	Teams   []store.Team    `json:"teams"`
	Members map[int64]int64 `json:"members"`
}

// List returns the teams and who belongs where.
func (s *Service) List() (Tree, error) {
	ctx := s.env.Ctx()
	var t Tree
	var err error
	if t.Teams, err = store.ListTeams(ctx, s.st.DB); err != nil {
		return t, err
	}
	t.Members, err = store.OwnerTeams(ctx, s.st.DB)
	return t, err
}

func get(ctx context.Context, q store.Querier, field string, id int64) (store.Team, error) {
	t, err := store.GetTeam(ctx, q, id)
	if errors.Is(err, store.ErrNotFound) {
		return t, apperr.NotFound(field, msg.TeamNotFound)
	}
	return t, err
}

// Save creates (id 0) or edits a team. A team needs a parent (only the
// company has none) and may not move below itself.
func (s *Service) Save(id int64, in Input) (store.Team, error) {
	ctx := s.env.Ctx()
	var out store.Team
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		var t store.Team
		var err error
		var before map[string]any
		if id != 0 {
			if t, err = get(ctx, tx, "id", id); err != nil {
				return err
			}
			if before, err = teamLogged(ctx, tx, t); err != nil {
				return err
			}
		}
		if t.Name, err = validate.Text("name", msg.LabelTeamName, in.Name, true, 50); err != nil {
			return err
		}
		root := id != 0 && t.ParentID == nil
		switch {
		case root && in.ParentID != 0:
			return apperr.Conflict("parentId", msg.TeamRoot)
		case !root && in.ParentID == 0:
			return apperr.Invalid("parentId", msg.Required, msg.P{"label": msg.LabelTeamParent})
		case !root:
			if _, err := get(ctx, tx, "parentId", in.ParentID); err != nil {
				return apperr.Invalid("parentId", msg.TeamNotFound)
			}
			if id != 0 {
				below, err := store.TeamAndBelow(ctx, tx, id)
				if err != nil {
					return err
				}
				for _, b := range below {
					if b == in.ParentID {
						return apperr.Invalid("parentId", msg.TeamCycle, msg.P{"name": t.Name})
					}
				}
			}
			p := in.ParentID
			t.ParentID = &p
		}
		t.ManagerID = nil
		if in.ManagerID != 0 {
			o, err := store.GetOwner(ctx, tx, in.ManagerID)
			if err != nil || !o.Active {
				return apperr.Invalid("managerId", msg.PoolOwnerUnknown)
			}
			m := in.ManagerID
			t.ManagerID = &m
		}
		action := oplog.Update
		if id == 0 {
			action = oplog.Create
			if id, err = store.InsertTeam(ctx, tx, t); err != nil {
				return err
			}
		} else {
			t.ID = id
			if err := store.UpdateTeam(ctx, tx, t); err != nil {
				return err
			}
		}
		if out, err = store.GetTeam(ctx, tx, id); err != nil {
			return err
		}
		after, err := teamLogged(ctx, tx, out)
		if err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "team", ID: id, Name: out.Name, Action: action, Old: before, New: after})
	})
	return out, err
}

// Delete removes a team without sub-teams or members (not the company).
func (s *Service) Delete(id int64) error {
	ctx := s.env.Ctx()
	return s.st.Tx(ctx, func(tx store.Tx) error {
		t, err := get(ctx, tx, "id", id)
		if err != nil {
			return err
		}
		if t.ParentID == nil {
			return apperr.Conflict("id", msg.TeamRoot)
		}
		n, err := store.TeamUsage(ctx, tx, id)
		if err != nil {
			return err
		}
		if n > 0 {
			return apperr.Conflict("id", msg.TeamInUse, msg.P{"name": t.Name})
		}
		before, err := teamLogged(ctx, tx, t)
		if err != nil {
			return err
		}
		if err := store.DeleteTeam(ctx, tx, id); err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "team", ID: id, Name: t.Name, Action: oplog.Delete, Old: before})
	})
}

// SetMember puts a salesperson into a team (0: none). Their records stay.
func (s *Service) SetMember(ownerID, teamID int64) error {
	ctx := s.env.Ctx()
	return s.st.Tx(ctx, func(tx store.Tx) error {
		o, err := store.GetOwner(ctx, tx, ownerID)
		if err != nil {
			return apperr.Invalid("ownerId", msg.PoolOwnerUnknown)
		}
		var t *int64
		if teamID != 0 {
			if _, err := get(ctx, tx, "teamId", teamID); err != nil {
				return apperr.Invalid("teamId", msg.TeamNotFound)
			}
			t = &teamID
		}
		teams, err := store.OwnerTeams(ctx, tx)
		if err != nil {
			return err
		}
		from, err := teamName(ctx, tx, teams[ownerID])
		if err != nil {
			return err
		}
		to, err := teamName(ctx, tx, teamID)
		if err != nil {
			return err
		}
		if err := store.SetOwnerTeam(ctx, tx, ownerID, t); err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "owner", ID: o.ID, Name: o.Name, Action: oplog.Update,
			Old: map[string]any{"team": from}, New: map[string]any{"team": to}})
	})
}

// OwnersInTeam returns the salespeople of a team and its sub-teams, for
// reports and targets that filter by team.
func OwnersInTeam(ctx context.Context, q store.Querier, team int64) ([]int64, error) {
	return store.OwnersInTeam(ctx, q, team)
}

func teamName(ctx context.Context, q store.Querier, id int64) (string, error) {
	if id == 0 {
		return "", nil
	}
	t, err := store.GetTeam(ctx, q, id)
	return t.Name, err
}

// teamLogged is a team as the log shows it: names, not ids.
func teamLogged(ctx context.Context, q store.Querier, t store.Team) (map[string]any, error) {
	var parent int64
	if t.ParentID != nil {
		parent = *t.ParentID
	}
	p, err := teamName(ctx, q, parent)
	if err != nil {
		return nil, err
	}
	return map[string]any{"name": t.Name, "parentName": p, "managerName": t.ManagerName}, nil
}
