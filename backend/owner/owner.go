// Package owner keeps the roster of salespeople (负责人).
package owner

import (
	"context"
	"errors"
	"strings"

	"funneldesk/backend/apperr"
	"funneldesk/backend/export"
	"funneldesk/backend/msg"
	"funneldesk/backend/oplog"
	"funneldesk/backend/store"
	"funneldesk/backend/validate"

	"funneldesk/backend/svc"
)

// Input creates or edits a salesperson.
type Input struct {
	Name   string `json:"name"`
	Active bool   `json:"active"`
}

// Service is bound to the UI.
type Service struct {
	st  *store.Store
	env *svc.Env
}

// NewService returns the owner service over st.
func NewService(st *store.Store, env *svc.Env) *Service { return &Service{st: st, env: env} }

// List returns the roster; inactive salespeople only when asked.
func (s *Service) List(includeInactive bool) ([]store.Owner, error) {
	return store.ListOwners(s.env.Ctx(), s.st.DB, includeInactive)
}

// Create adds a salesperson; names are unique.
func (s *Service) Create(in Input) (store.Owner, error) {
	ctx := s.env.Ctx()
	name, err := validate.Text("name", msg.LabelOwnerName, in.Name, true, 50)
	if err != nil {
		return store.Owner{}, err
	}
	var o store.Owner
	err = s.st.Tx(ctx, func(tx store.Tx) error {
		if _, err := store.OwnerByName(ctx, tx, name); err == nil {
			return apperr.Conflict("name", msg.OwnerDuplicate, msg.P{"name": name})
		}
		id, err := store.InsertOwner(ctx, tx, name, true)
		if err != nil {
			return err
		}
		if o, err = store.GetOwner(ctx, tx, id); err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "owner", ID: id, Name: o.Name, Action: oplog.Create, New: o})
	})
	return o, err
}

// Update renames or (de)activates a salesperson.
func (s *Service) Update(id int64, in Input) (store.Owner, error) {
	ctx := s.env.Ctx()
	name, err := validate.Text("name", msg.LabelOwnerName, in.Name, true, 50)
	if err != nil {
		return store.Owner{}, err
	}
	var o store.Owner
	err = s.st.Tx(ctx, func(tx store.Tx) error {
		cur, err := Get(ctx, tx, id)
		if err != nil {
			return err
		}
		if other, err := store.OwnerByName(ctx, tx, name); err == nil && other.ID != id {
			return apperr.Conflict("name", msg.OwnerDuplicate, msg.P{"name": name})
		}
		if err := store.UpdateOwner(ctx, tx, id, name, in.Active); err != nil {
			return err
		}
		if o, err = store.GetOwner(ctx, tx, id); err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "owner", ID: id, Name: o.Name, Action: oplog.Update, Old: cur, New: o})
	})
	return o, err
}

// Delete removes a salesperson who holds no customers or opportunities;
// otherwise deactivate them.
func (s *Service) Delete(id int64) error {
	ctx := s.env.Ctx()
	return s.st.Tx(ctx, func(tx store.Tx) error {
		cur, err := Get(ctx, tx, id)
		if err != nil {
			return err
		}
		n, err := store.OwnerUsage(ctx, tx, id)
		if err != nil {
			return err
		}
		docs, err := store.OwnerDocuments(ctx, tx, id)
		if err != nil {
			return err
		}
		if n+docs > 0 {
			return apperr.Conflict("id", msg.OwnerInUse)
		}
		if err := store.DeleteOwner(ctx, tx, id); err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "owner", ID: id, Name: cur.Name, Action: oplog.Delete, Old: cur})
	})
}

// Get loads an owner, mapping a missing one to a not_found error.
func Get(ctx context.Context, q store.Querier, id int64) (store.Owner, error) {
	o, err := store.GetOwner(ctx, q, id)
	if errors.Is(err, store.ErrNotFound) {
		return o, apperr.NotFound("ownerId", msg.OwnerUnknown)
	}
	return o, err
}

// Resolve checks that id names a salesperson who may be assigned: an active
// one, or the one already assigned (current) even if since deactivated.
func Resolve(ctx context.Context, q store.Querier, id, current int64) (store.Owner, error) {
	if id == 0 {
		return store.Owner{}, apperr.Invalid("ownerId", msg.OwnerRequired)
	}
	o, err := store.GetOwner(ctx, q, id)
	if errors.Is(err, store.ErrNotFound) {
		return o, apperr.Invalid("ownerId", msg.OwnerUnknown)
	}
	if err != nil {
		return o, err
	}
	if !o.Active && id != current {
		return o, apperr.Invalid("ownerId", msg.OwnerInactive, msg.P{"name": o.Name})
	}
	return o, nil
}

// EnsureByName returns the owner with that name, creating it when missing
// (used by the demo data and imports).
func EnsureByName(ctx context.Context, q store.Querier, name string) (int64, error) {
	name = strings.TrimSpace(name)
	o, err := store.OwnerByName(ctx, q, name)
	if err == nil {
		return o.ID, nil
	}
	if !errors.Is(err, store.ErrNotFound) {
		return 0, err
	}
	return store.InsertOwner(ctx, q, name, true)
}

// Names words the owners ids for an export's filters sheet ("张三、李四").
func Names(ctx context.Context, q store.Querier, ids []int64) (string, error) {
	return export.Names(ids, func(id int64) (string, error) {
		o, err := Get(ctx, q, id)
		return o.Name, err
	})
}
