// Package pool keeps the public pools (公海池): the company pool and named
// pools, who may claim from them and how much, the actions that move a
// customer between owners and pools (领用 claim, 分派 assign, 退回 return,
// 作废 void, 恢复 restore, 转移 move), the auto-recycle rules per customer
// level, and the flow history (流转记录) every move writes.
//
// The user of the app is the manager who keeps the team's data: each action
// names the person it is done as ("领用人" for a claim, the pool manager for
// an assignment, a void or a restore), and the rules of that person apply.
// A batch is one transaction, checked whole before anything is written: a
// batch that would break a rule at its 6th customer moves none and says why.
package pool

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
	"funneldesk/backend/validate"
)

// MaxBatch is the most customers one action moves.
const MaxBatch = 1000

// Service is bound to the UI.
type Service struct {
	st  *store.Store
	env *svc.Env
}

// NewService returns the pool service over st.
func NewService(st *store.Store, env *svc.Env) *Service { return &Service{st: st, env: env} }

// Flow actions.
const (
	ActCreate  = "create"
	ActClaim   = "claim"
	ActAssign  = "assign"
	ActReturn  = "return"
	ActRecycle = "recycle"
	ActVoid    = "void"
	ActRestore = "restore"
	ActMove    = "move"
	ActOwner   = "owner"
)

// Settings is a pool with who may claim from it and its recycle rules.
type Settings struct {
	Pool    store.Pool         `json:"pool"`
	Members []store.PoolMember `json:"members"`
	Rules   []store.PoolRule   `json:"rules"`
}

// Input saves a pool's settings.
type Input struct {
	Name         string             `json:"name"`
	ManagerID    int64              `json:"managerId"`
	ClaimEnabled bool               `json:"claimEnabled"`
	DailyLimit   int                `json:"dailyLimit"`
	TotalLimit   int                `json:"totalLimit"`
	ReclaimDays  int                `json:"reclaimDays"`
	Members      []store.PoolMember `json:"members"`
	Rules        []store.PoolRule   `json:"rules"`
}

// Overview is what the pool screen opens with: the pools with their
// counts, the customer levels and the teams.
type Overview struct {
	Pools  []store.Pool `json:"pools"`
	Levels []string     `json:"levels"`
	Teams  []store.Team `json:"teams"`
}

// Overview returns the pools with their counts, the levels and the teams.
func (s *Service) Overview() (Overview, error) {
	ctx := s.env.Ctx()
	var o Overview
	var err error
	if o.Pools, err = store.ListPools(ctx, s.st.DB); err != nil {
		return o, err
	}
	if o.Levels, err = Levels(ctx, s.st.DB); err != nil {
		return o, err
	}
	o.Teams, err = store.ListTeams(ctx, s.st.DB)
	return o, err
}

// Get returns one pool's settings.
func (s *Service) Get(id int64) (Settings, error) {
	ctx := s.env.Ctx()
	return getSettings(ctx, s.st.DB, id)
}

func getSettings(ctx context.Context, q store.Querier, id int64) (Settings, error) {
	p, err := getPool(ctx, q, id)
	if err != nil {
		return Settings{}, err
	}
	out := Settings{Pool: p}
	if out.Members, err = store.PoolMembers(ctx, q, id); err != nil {
		return out, err
	}
	out.Rules, err = store.ListRules(ctx, q, id)
	return out, err
}

func getPool(ctx context.Context, q store.Querier, id int64) (store.Pool, error) {
	p, err := store.GetPool(ctx, q, id)
	if errors.Is(err, store.ErrNotFound) {
		return p, apperr.NotFound("poolId", msg.PoolNotFound)
	}
	return p, err
}

// Save creates (id 0) or edits a pool with its members and rules.
func (s *Service) Save(id int64, in Input) (Settings, error) {
	ctx := s.env.Ctx()
	var out Settings
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		p, err := s.checkInput(ctx, tx, id, in)
		if err != nil {
			return err
		}
		if id == 0 {
			if id, err = store.InsertPool(ctx, tx, p); err != nil {
				return err
			}
		} else {
			p.ID = id
			if err := store.UpdatePool(ctx, tx, p); err != nil {
				return err
			}
		}
		if err := store.SetPoolMembers(ctx, tx, id, in.Members); err != nil {
			return err
		}
		if err := store.SetRules(ctx, tx, id, in.Rules); err != nil {
			return err
		}
		out, err = getSettings(ctx, tx, id)
		return err
	})
	return out, err
}

func (s *Service) checkInput(ctx context.Context, q store.Querier, id int64, in Input) (store.Pool, error) {
	var p store.Pool
	var err error
	if id != 0 {
		if p, err = getPool(ctx, q, id); err != nil {
			return p, err
		}
	}
	if p.Name, err = validate.Text("name", msg.LabelPoolName, in.Name, true, 50); err != nil {
		return p, err
	}
	if other, err := store.PoolByName(ctx, q, p.Name); err == nil && other != id {
		return p, apperr.Conflict("name", msg.PoolDuplicate, msg.P{"name": p.Name})
	}
	p.ManagerID = nil
	if in.ManagerID != 0 {
		if _, err := activeOwner(ctx, q, "managerId", in.ManagerID); err != nil {
			return p, err
		}
		m := in.ManagerID
		p.ManagerID = &m
	}
	p.ClaimEnabled = in.ClaimEnabled
	counts := []struct {
		v     int
		field string
		label msg.Key
	}{{in.DailyLimit, "dailyLimit", msg.LabelDailyLimit}, {in.TotalLimit, "totalLimit", msg.LabelTotalLimit},
		{in.ReclaimDays, "reclaimDays", msg.LabelReclaimDays}}
	for _, c := range counts {
		if err := days(c.field, c.label, c.v); err != nil {
			return p, err
		}
	}
	p.DailyLimit, p.TotalLimit, p.ReclaimDays = in.DailyLimit, in.TotalLimit, in.ReclaimDays
	for i, m := range in.Members {
		field := fmt.Sprintf("members[%d]", i)
		if (m.TeamID == nil) == (m.OwnerID == nil) {
			return p, apperr.Invalid(field, msg.Required, msg.P{"label": msg.LabelTeam})
		}
		if m.TeamID != nil {
			if _, err := store.GetTeam(ctx, q, *m.TeamID); err != nil {
				return p, apperr.Invalid(field, msg.TeamNotFound)
			}
		}
		if m.OwnerID != nil {
			if _, err := activeOwner(ctx, q, field, *m.OwnerID); err != nil {
				return p, err
			}
		}
	}
	levels, err := Levels(ctx, q)
	if err != nil {
		return p, err
	}
	seen := map[string]bool{}
	for i := range in.Rules {
		r := &in.Rules[i]
		field := fmt.Sprintf("rules[%d]", i)
		r.Level = strings.TrimSpace(r.Level)
		if r.Level != "" && !contains(levels, r.Level) {
			return p, apperr.Invalid(field+".level", msg.PoolLevelUnknown, msg.P{"level": r.Level})
		}
		if seen[r.Level] {
			return p, apperr.Invalid(field+".level", msg.PoolLevelRepeated, msg.P{"level": levelText(r.Level)})
		}
		seen[r.Level] = true
		for _, d := range []struct {
			v     int
			name  string
			label msg.Key
		}{{r.NoFollowUpDays, ".noFollowUpDays", msg.LabelRuleDays}, {r.NoWonDays, ".noWonDays", msg.LabelRuleDays},
			{r.AfterOrderDays, ".afterOrderDays", msg.LabelRuleDays}, {r.WarnDays, ".warnDays", msg.LabelWarnDays}} {
			if err := days(field+d.name, d.label, d.v); err != nil {
				return p, err
			}
		}
		if r.NoFollowUpDays == 0 && r.NoWonDays == 0 && r.AfterOrderDays == 0 {
			return p, apperr.Invalid(field+".noFollowUpDays", msg.PoolRuleEmpty, msg.P{"level": levelText(r.Level)})
		}
		if r.KeepStageID != nil && *r.KeepStageID == 0 {
			r.KeepStageID = nil
		}
		if r.KeepStageID != nil {
			st, err := store.GetStage(ctx, q, *r.KeepStageID)
			if err != nil || st.Kind != "open" {
				return p, apperr.Invalid(field+".keepStageId", msg.StageUnknown)
			}
		}
	}
	return p, nil
}

// days checks a day count or limit: 0 to 3650.
func days(field string, label msg.Key, v int) error {
	if v < 0 || v > 3650 {
		return apperr.Invalid(field, msg.OutOfRange, msg.P{"label": label, "value": v})
	}
	return nil
}

func levelText(level string) any {
	if level == "" {
		return msg.Msg{Key: msg.RuleAllLevels}
	}
	return level
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// Delete removes a named pool that holds no customer.
func (s *Service) Delete(id int64) error {
	ctx := s.env.Ctx()
	return s.st.Tx(ctx, func(tx store.Tx) error {
		p, err := getPool(ctx, tx, id)
		if err != nil {
			return err
		}
		if p.IsCompany {
			return apperr.Conflict("poolId", msg.PoolCompany)
		}
		n, err := store.PoolUsage(ctx, tx, id)
		if err != nil {
			return err
		}
		if n > 0 {
			return apperr.Conflict("poolId", msg.PoolInUse, msg.P{"name": p.Name})
		}
		return store.DeletePool(ctx, tx, id)
	})
}

// DefaultLevels are the customer levels (客户级别) of a new database.
var DefaultLevels = []string{"A", "B", "C"}

const levelsKey = "customer_levels"

// Levels returns the configurable list of customer levels.
func Levels(ctx context.Context, q store.Querier) ([]string, error) {
	v, err := store.GetSetting(ctx, q, levelsKey, strings.Join(DefaultLevels, "\n"))
	if err != nil {
		return nil, err
	}
	out := []string{}
	for _, l := range strings.Split(v, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out, nil
}

// SetLevels replaces the list of customer levels; a level customers or
// rules still use stays.
func (s *Service) SetLevels(levels []string) ([]string, error) {
	ctx := s.env.Ctx()
	clean := []string{}
	for i, l := range levels {
		l, err := validate.Text(fmt.Sprintf("levels[%d]", i), msg.LabelLevel, l, true, 20)
		if err != nil {
			return nil, err
		}
		if contains(clean, l) {
			return nil, apperr.Invalid(fmt.Sprintf("levels[%d]", i), msg.PoolLevelRepeated, msg.P{"level": l})
		}
		clean = append(clean, l)
	}
	if len(clean) == 0 {
		return nil, apperr.Invalid("levels", msg.PoolLevelsEmpty)
	}
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		old, err := Levels(ctx, tx)
		if err != nil {
			return err
		}
		for _, l := range old {
			if contains(clean, l) {
				continue
			}
			n, err := store.LevelUsage(ctx, tx, l)
			if err != nil {
				return err
			}
			if n > 0 {
				return apperr.Conflict("levels", msg.PoolLevelInUse, msg.P{"level": l, "n": n})
			}
		}
		return store.SetSetting(ctx, tx, levelsKey, strings.Join(clean, "\n"))
	})
	return clean, err
}

func activeOwner(ctx context.Context, q store.Querier, field string, id int64) (store.Owner, error) {
	o, err := store.GetOwner(ctx, q, id)
	if errors.Is(err, store.ErrNotFound) || (err == nil && !o.Active) {
		return o, apperr.Invalid(field, msg.PoolOwnerUnknown)
	}
	return o, err
}

// now is the env clock as the stored timestamp and its date.
func (s *Service) now() (string, string) {
	t := s.env.Now()
	return t.Format(time.RFC3339), t.Format("2006-01-02")
}
