package pool

import (
	"context"
	"errors"
	"strings"
	"time"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
	"funneldesk/backend/oplog"
	"funneldesk/backend/store"
	"funneldesk/backend/validate"
)

// ActionInput is one action on one or more customers. OwnerID is the
// salesperson it is for (领用人 of a claim, the assignee of an assignment);
// ActorID the person acting (a pool manager; 0: the pool's manager);
// PoolID the target pool of a return or a move.
type ActionInput struct {
	CustomerIDs []int64 `json:"customerIds"`
	OwnerID     int64   `json:"ownerId"`
	ActorID     int64   `json:"actorId"`
	PoolID      int64   `json:"poolId"`
	Reason      string  `json:"reason"`
}

// Result says how many customers moved.
type Result struct {
	Count int `json:"count"`
}

// batch loads the customers of an action, refusing an empty or oversized
// batch and unknown ids.
func batch(ctx context.Context, q store.Querier, ids []int64) ([]store.Customer, error) {
	if len(ids) == 0 {
		return nil, apperr.Invalid("customerIds", msg.PoolNoCustomers)
	}
	if len(ids) > MaxBatch {
		return nil, apperr.Invalid("customerIds", msg.PoolTooMany, msg.P{"max": MaxBatch})
	}
	seen := map[int64]bool{}
	out := make([]store.Customer, 0, len(ids))
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		c, err := store.GetCustomer(ctx, q, id)
		if errors.Is(err, store.ErrNotFound) {
			return nil, apperr.NotFound("customerIds", msg.CustomerNotFound)
		}
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// inBatch words a refusal about one customer of a batch.
func inBatch(c store.Customer, n int, e *apperr.Error) error {
	if n == 1 {
		return e
	}
	return e.Wrap(msg.PoolInBatch, msg.P{"customer": c.Name})
}

// mayClaim reports whether a person may see and claim from a pool: any
// member team (with its sub-teams) or person lists them, or it has none.
func mayClaim(ctx context.Context, q store.Querier, pool int64, owner store.Owner) (bool, error) {
	ms, err := store.PoolMembers(ctx, q, pool)
	if err != nil || len(ms) == 0 {
		return err == nil, err
	}
	var team int64
	if err := q.GetContext(ctx, &team, `SELECT COALESCE(team_id, 0) FROM owners WHERE id = ?`, owner.ID); err != nil {
		return false, err
	}
	for _, m := range ms {
		if m.OwnerID != nil && *m.OwnerID == owner.ID {
			return true, nil
		}
		if m.TeamID != nil && team != 0 {
			below, err := store.TeamAndBelow(ctx, q, *m.TeamID)
			if err != nil {
				return false, err
			}
			for _, t := range below {
				if t == team {
					return true, nil
				}
			}
		}
	}
	return false, nil
}

// Claim gives pooled customers to the claimant (领用人, OwnerID), within
// the pools' rules: claiming open, the claimant among those allowed, the
// daily and total limits, and the reclaim bar. All or none.
func (s *Service) Claim(in ActionInput) (Result, error) {
	ctx := s.env.Ctx()
	at, day := s.now()
	var n int
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		cs, err := batch(ctx, tx, in.CustomerIDs)
		if err != nil {
			return err
		}
		if in.OwnerID == 0 {
			return apperr.Invalid("ownerId", msg.Required, msg.P{"label": msg.LabelClaimant})
		}
		owner, err := activeOwner(ctx, tx, "ownerId", in.OwnerID)
		if err != nil {
			return err
		}
		pools := map[int64]store.Pool{}
		perPool := map[int64]int{}
		for _, c := range cs {
			if c.Status != store.CustomerPool || c.PoolID == nil {
				return inBatch(c, len(cs), apperr.Conflict("customerIds", msg.PoolNotInPool, msg.P{"customer": c.Name}))
			}
			p, ok := pools[*c.PoolID]
			if !ok {
				if p, err = getPool(ctx, tx, *c.PoolID); err != nil {
					return err
				}
				pools[p.ID] = p
				if !p.ClaimEnabled {
					return apperr.Conflict("customerIds", msg.PoolClaimClosed, msg.P{"pool": p.Name})
				}
				ok, err := mayClaim(ctx, tx, p.ID, owner)
				if err != nil {
					return err
				}
				if !ok {
					return apperr.Conflict("ownerId", msg.PoolNotMember, msg.P{"person": owner.Name, "pool": p.Name})
				}
			}
			perPool[p.ID]++
			if p.ReclaimDays > 0 {
				lost, action, err := store.LastLost(ctx, tx, c.ID, owner.ID)
				if err != nil {
					return err
				}
				if lost != "" && daysBetween(lost, day) < p.ReclaimDays {
					bar := apperr.Conflict("customerIds", msg.PoolReturnedBar, msg.P{"person": owner.Name, "days": p.ReclaimDays, "date": lost})
					if action == ActRecycle {
						bar = apperr.Conflict("customerIds", msg.PoolRecycledBar, msg.P{"person": owner.Name, "days": p.ReclaimDays, "date": lost})
					}
					return inBatch(c, len(cs), bar)
				}
			}
		}
		for id, m := range perPool {
			p := pools[id]
			if p.DailyLimit > 0 {
				done, err := store.ClaimsOn(ctx, tx, owner.ID, id, day)
				if err != nil {
					return err
				}
				if done >= p.DailyLimit {
					return apperr.Conflict("customerIds", msg.PoolDailyLimit, msg.P{"person": owner.Name, "n": done, "limit": p.DailyLimit})
				}
				if done+m > p.DailyLimit {
					return apperr.Conflict("customerIds", msg.PoolDailyBatch,
						msg.P{"person": owner.Name, "n": done, "m": m, "limit": p.DailyLimit})
				}
			}
			if p.TotalLimit > 0 {
				held, err := store.HeldFromPool(ctx, tx, owner.ID, id)
				if err != nil {
					return err
				}
				if held >= p.TotalLimit {
					return apperr.Conflict("customerIds", msg.PoolTotalLimit,
						msg.P{"person": owner.Name, "pool": p.Name, "n": held, "limit": p.TotalLimit})
				}
				if held+m > p.TotalLimit {
					return apperr.Conflict("customerIds", msg.PoolTotalBatch,
						msg.P{"person": owner.Name, "pool": p.Name, "n": held, "m": m, "limit": p.TotalLimit})
				}
			}
		}
		for _, c := range cs {
			p := pools[*c.PoolID]
			pid := p.ID
			if err := store.SetCustomerOwned(ctx, tx, c.ID, owner.ID, pid, &pid, at); err != nil {
				return err
			}
			if err := flow(ctx, tx, c, store.Flow{CustomerID: c.ID, Action: ActClaim, At: at, Day: day,
				ActorID: &owner.ID, ActorName: owner.Name, ForID: &owner.ID, ForName: owner.Name,
				From: p.Name, To: owner.Name, PoolID: &pid}); err != nil {
				return err
			}
		}
		n = len(cs)
		return nil
	})
	return Result{Count: n}, err
}

// actor resolves who does a manager's action on a pool: the pool's manager
// (ActorID 0 means them); a pool without a manager lets anyone act.
func actor(ctx context.Context, q store.Querier, p store.Pool, actorID int64, action msg.Key) (*int64, string, error) {
	if p.ManagerID == nil {
		if actorID == 0 {
			return nil, "", nil
		}
		o, err := activeOwner(ctx, q, "actorId", actorID)
		if err != nil {
			return nil, "", err
		}
		return &o.ID, o.Name, nil
	}
	if actorID != 0 && actorID != *p.ManagerID {
		return nil, "", apperr.Conflict("actorId", msg.PoolManagerOnly,
			msg.P{"manager": p.ManagerName, "action": msg.Msg{Key: action}, "pool": p.Name})
	}
	id := *p.ManagerID
	return &id, p.ManagerName, nil
}

// managed checks a manager's action on customers that sit in pools (or are
// voided in them: wantStatus) and returns their pools.
func managed(ctx context.Context, q store.Querier, cs []store.Customer, wantStatus string, actorID int64, action msg.Key) (map[int64]store.Pool, map[int64]*int64, map[int64]string, error) {
	pools := map[int64]store.Pool{}
	actorIDs := map[int64]*int64{}
	actorNames := map[int64]string{}
	for _, c := range cs {
		if c.Status != wantStatus || c.PoolID == nil {
			e := apperr.Conflict("customerIds", msg.PoolNotInPool, msg.P{"customer": c.Name})
			if wantStatus == store.CustomerVoided {
				e = apperr.Conflict("customerIds", msg.PoolNotVoided, msg.P{"customer": c.Name})
			}
			return nil, nil, nil, inBatch(c, len(cs), e)
		}
		if _, ok := pools[*c.PoolID]; ok {
			continue
		}
		p, err := getPool(ctx, q, *c.PoolID)
		if err != nil {
			return nil, nil, nil, err
		}
		id, name, err := actor(ctx, q, p, actorID, action)
		if err != nil {
			return nil, nil, nil, err
		}
		pools[p.ID], actorIDs[p.ID], actorNames[p.ID] = p, id, name
	}
	return pools, actorIDs, actorNames, nil
}

// Assign gives pooled customers to a salesperson (分派); only the pool's
// manager assigns. The claim limits do not apply: they bound claims.
func (s *Service) Assign(in ActionInput) (Result, error) {
	ctx := s.env.Ctx()
	at, day := s.now()
	var n int
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		cs, err := batch(ctx, tx, in.CustomerIDs)
		if err != nil {
			return err
		}
		if in.OwnerID == 0 {
			return apperr.Invalid("ownerId", msg.Required, msg.P{"label": msg.LabelAssignee})
		}
		owner, err := activeOwner(ctx, tx, "ownerId", in.OwnerID)
		if err != nil {
			return err
		}
		pools, actorIDs, actorNames, err := managed(ctx, tx, cs, store.CustomerPool, in.ActorID, msg.ActionAssign)
		if err != nil {
			return err
		}
		for _, c := range cs {
			p := pools[*c.PoolID]
			if err := store.SetCustomerOwned(ctx, tx, c.ID, owner.ID, p.ID, nil, at); err != nil {
				return err
			}
			pid := p.ID
			if err := flow(ctx, tx, c, store.Flow{CustomerID: c.ID, Action: ActAssign, At: at, Day: day,
				ActorID: actorIDs[p.ID], ActorName: actorNames[p.ID], ForID: &owner.ID, ForName: owner.Name,
				From: p.Name, To: owner.Name, PoolID: &pid, Reason: strings.TrimSpace(in.Reason)}); err != nil {
				return err
			}
		}
		n = len(cs)
		return nil
	})
	return Result{Count: n}, err
}

func reason(in ActionInput, required bool) (string, error) {
	r, err := validate.Text("reason", msg.LabelPoolReason, in.Reason, false, 200)
	if err != nil {
		return "", err
	}
	if required && r == "" {
		return "", apperr.Invalid("reason", msg.PoolReasonNeeded)
	}
	return r, nil
}

// Return puts owned customers back into a pool (退回) with a reason: the
// pool given, or each customer's home pool. The owner acts; they may not
// claim the customer back for the pool's reclaim days.
func (s *Service) Return(in ActionInput) (Result, error) {
	ctx := s.env.Ctx()
	at, day := s.now()
	var n int
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		cs, err := batch(ctx, tx, in.CustomerIDs)
		if err != nil {
			return err
		}
		why, err := reason(in, true)
		if err != nil {
			return err
		}
		company, err := store.CompanyPool(ctx, tx)
		if err != nil {
			return err
		}
		var target *store.Pool
		if in.PoolID != 0 {
			p, err := getPool(ctx, tx, in.PoolID)
			if err != nil {
				return apperr.Invalid("poolId", msg.PoolNotFound)
			}
			target = &p
		}
		for _, c := range cs {
			if c.Status != store.CustomerOwned || c.OwnerID == nil {
				return inBatch(c, len(cs), apperr.Conflict("customerIds", msg.PoolNotOwned, msg.P{"customer": c.Name}))
			}
		}
		for _, c := range cs {
			p := target
			if p == nil {
				home := company
				if c.HomePoolID != nil {
					home = *c.HomePoolID
				}
				hp, err := getPool(ctx, tx, home)
				if err != nil {
					return err
				}
				p = &hp
			}
			if err := store.SetCustomerInPool(ctx, tx, c.ID, p.ID, store.CustomerPool, at, why); err != nil {
				return err
			}
			pid := p.ID
			if err := flow(ctx, tx, c, store.Flow{CustomerID: c.ID, Action: ActReturn, At: at, Day: day,
				ActorID: c.OwnerID, ActorName: c.OwnerName, ForID: c.OwnerID, ForName: c.OwnerName, FromOwnerID: c.OwnerID,
				From: c.OwnerName, To: p.Name, PoolID: &pid, Reason: why}); err != nil {
				return err
			}
		}
		n = len(cs)
		return nil
	})
	return Result{Count: n}, err
}

// Void marks pooled customers as void (作废) with a reason; they stay in
// their pool, out of sight, and the pool's manager may restore them.
func (s *Service) Void(in ActionInput) (Result, error) {
	return s.managerAction(in, store.CustomerPool, store.CustomerVoided, ActVoid, msg.ActionVoid, true)
}

// Restore brings voided customers back into their pool (恢复).
func (s *Service) Restore(in ActionInput) (Result, error) {
	return s.managerAction(in, store.CustomerVoided, store.CustomerPool, ActRestore, msg.ActionRestore, false)
}

func (s *Service) managerAction(in ActionInput, from, to, action string, word msg.Key, needReason bool) (Result, error) {
	ctx := s.env.Ctx()
	at, day := s.now()
	var n int
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		cs, err := batch(ctx, tx, in.CustomerIDs)
		if err != nil {
			return err
		}
		why, err := reason(in, needReason)
		if err != nil {
			return err
		}
		pools, actorIDs, actorNames, err := managed(ctx, tx, cs, from, in.ActorID, word)
		if err != nil {
			return err
		}
		for _, c := range cs {
			p := pools[*c.PoolID]
			keep := why
			if action == ActRestore {
				keep = c.PoolReason
			}
			if err := store.SetCustomerInPool(ctx, tx, c.ID, p.ID, to, at, keep); err != nil {
				return err
			}
			pid := p.ID
			if err := flow(ctx, tx, c, store.Flow{CustomerID: c.ID, Action: action, At: at, Day: day,
				ActorID: actorIDs[p.ID], ActorName: actorNames[p.ID], From: p.Name, To: p.Name, PoolID: &pid, Reason: why}); err != nil {
				return err
			}
		}
		n = len(cs)
		return nil
	})
	return Result{Count: n}, err
}

// Move takes pooled customers to another pool (转移); the manager of the
// pool they leave acts.
func (s *Service) Move(in ActionInput) (Result, error) {
	ctx := s.env.Ctx()
	at, day := s.now()
	var n int
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		cs, err := batch(ctx, tx, in.CustomerIDs)
		if err != nil {
			return err
		}
		if in.PoolID == 0 {
			return apperr.Invalid("poolId", msg.Required, msg.P{"label": msg.LabelTargetPool})
		}
		target, err := getPool(ctx, tx, in.PoolID)
		if err != nil {
			return apperr.Invalid("poolId", msg.PoolNotFound)
		}
		why, err := reason(in, false)
		if err != nil {
			return err
		}
		pools, actorIDs, actorNames, err := managed(ctx, tx, cs, store.CustomerPool, in.ActorID, msg.ActionMove)
		if err != nil {
			return err
		}
		for _, c := range cs {
			if *c.PoolID == target.ID {
				return inBatch(c, len(cs), apperr.Conflict("poolId", msg.PoolSamePool, msg.P{"pool": target.Name}))
			}
		}
		for _, c := range cs {
			p := pools[*c.PoolID]
			keep := c.PoolReason
			if why != "" {
				keep = why
			}
			if err := store.SetCustomerInPool(ctx, tx, c.ID, target.ID, store.CustomerPool, at, keep); err != nil {
				return err
			}
			tid := target.ID
			if err := flow(ctx, tx, c, store.Flow{CustomerID: c.ID, Action: ActMove, At: at, Day: day,
				ActorID: actorIDs[p.ID], ActorName: actorNames[p.ID], From: p.Name, To: target.Name, PoolID: &tid, Reason: why}); err != nil {
				return err
			}
		}
		n = len(cs)
		return nil
	})
	return Result{Count: n}, err
}

// flowActions are the log's actions for the flows a user starts.
var flowActions = map[string]string{ActClaim: oplog.Claim, ActAssign: oplog.Assign, ActReturn: oplog.PoolReturn,
	ActVoid: oplog.Void, ActRestore: oplog.PoolRestore, ActMove: oplog.PoolMove, ActRecycle: oplog.PoolRecycle}

// flow writes f, a step in customer c's flow history, and its entry in the
// operation log: one entry a customer, as the history has one row.
func flow(ctx context.Context, tx store.Tx, c store.Customer, f store.Flow) error {
	if err := store.InsertFlow(ctx, tx, f); err != nil {
		return err
	}
	nw := map[string]any{"holder": f.To}
	if f.Reason != "" {
		nw["reason"] = f.Reason
	}
	if f.ActorName != "" {
		nw["actedBy"] = f.ActorName
	}
	owner := f.ForName
	if owner == "" {
		owner = c.OwnerName
	}
	at, _ := time.Parse(time.RFC3339, f.At) // the flow's clock; zero falls back to now
	return oplog.Record(ctx, tx, oplog.Entry{Kind: "customer", ID: c.ID, Name: c.Name, Action: flowActions[f.Action], Owner: owner,
		Old: map[string]any{"holder": f.From}, New: nw, At: at})
}

// History returns a customer's flow history (流转记录), oldest first.
func (s *Service) History(customerID int64) ([]store.Flow, error) {
	ctx := s.env.Ctx()
	if _, err := store.GetCustomer(ctx, s.st.DB, customerID); errors.Is(err, store.ErrNotFound) {
		return nil, apperr.NotFound("customerId", msg.CustomerNotFound)
	}
	return store.ListFlow(ctx, s.st.DB, customerID)
}
