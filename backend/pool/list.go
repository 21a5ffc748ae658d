package pool

import (
	"context"
	"errors"

	"funneldesk/backend/apperr"
	"funneldesk/backend/dupe"
	"funneldesk/backend/msg"
	"funneldesk/backend/store"
	"funneldesk/backend/validate"
)

// Filter selects a page of a pool's customers. Page is 1-based.
type Filter struct {
	PoolID         int64  `json:"poolId"`
	Voided         bool   `json:"voided"`
	Query          string `json:"query"`
	Level          string `json:"level"`
	Source         string `json:"source"`
	Industry       string `json:"industry"`
	Region         string `json:"region"`
	Reason         string `json:"reason"`
	NoFollowUpDays int    `json:"noFollowUpDays"`
	InPoolDays     int    `json:"inPoolDays"`
	Sort           string `json:"sort"`
	Desc           bool   `json:"desc"`
	Page           int    `json:"page"`
	PageSize       int    `json:"pageSize"`
}

// Page is one page of a pool's customers and the total matching.
type Page struct {
	Items    []store.PoolCustomer `json:"items"`
	Total    int                  `json:"total"`
	Page     int                  `json:"page"`
	PageSize int                  `json:"pageSize"`
}

// Customers returns a page of a pool's waiting (or voided) customers.
func (s *Service) Customers(f Filter) (Page, error) {
	ctx := s.env.Ctx()
	if _, err := getPool(ctx, s.st.DB, f.PoolID); err != nil {
		return Page{}, err
	}
	for _, d := range []struct {
		v     int
		field string
	}{{f.NoFollowUpDays, "noFollowUpDays"}, {f.InPoolDays, "inPoolDays"}} {
		if err := days(d.field, msg.LabelRuleDays, d.v); err != nil {
			return Page{}, err
		}
	}
	off, lim := validate.Page(f.Page, f.PageSize)
	items, total, err := store.ListPoolCustomers(ctx, s.st.DB, store.PoolFilter{PoolID: f.PoolID, Voided: f.Voided, Query: f.Query,
		Level: f.Level, Source: f.Source, Industry: f.Industry, Region: f.Region, Reason: f.Reason,
		NoFollowUpDays: f.NoFollowUpDays, InPoolDays: f.InPoolDays, Today: s.env.Today(), Sort: f.Sort, Desc: f.Desc,
		Offset: off, Limit: lim})
	if err != nil {
		return Page{}, err
	}
	return Page{Items: items, Total: total, Page: off/lim + 1, PageSize: lim}, nil
}

// DupeQuery is a customer about to be saved: its name, phone and email
// (a contact's), and the customer itself when it is an edit.
type DupeQuery struct {
	Name      string `json:"name"`
	Phone     string `json:"phone"`
	Email     string `json:"email"`
	ExcludeID int64  `json:"excludeId"`
}

// Duplicate is a customer a new one would duplicate, with what the user
// may do about it: open it, or claim it when it waits in a pool.
type Duplicate struct {
	store.DupeMatch
	// Blocking: it sits in a pool (or is voided there), so a new customer
	// may not duplicate it.
	Blocking bool `json:"blocking"`
}

// Duplicates returns the customers a customer with these details would
// duplicate (查重): the same name once normalized, phone or email.
func (s *Service) Duplicates(q DupeQuery) ([]Duplicate, error) {
	return FindDuplicates(s.env.Ctx(), s.st.DB, q)
}

// FindDuplicates is Duplicates for other packages (the customer form and
// importers check through it inside their own transaction).
func FindDuplicates(ctx context.Context, q store.Querier, d DupeQuery) ([]Duplicate, error) {
	ms, err := store.FindDupes(ctx, q, dupe.Name(d.Name), dupe.Phone(d.Phone), dupe.Email(d.Email), d.ExcludeID)
	if err != nil {
		return nil, err
	}
	out := make([]Duplicate, len(ms))
	for i, m := range ms {
		out[i] = Duplicate{DupeMatch: m, Blocking: m.Status != store.CustomerOwned}
	}
	return out, nil
}

// DuplicateError is the refusal of saving a duplicate: a conflict on
// "name" naming the first match, its owner or its pool. A match in a pool
// is refused whatever allow says; an owned match only when allow is false.
func DuplicateError(ds []Duplicate, allow bool) error {
	for _, d := range ds {
		if d.Blocking {
			if d.Status == store.CustomerVoided {
				return apperr.Conflict("name", msg.DupVoided, msg.P{"name": d.Name, "pool": d.PoolName, "by": byKey(d.By)})
			}
			return apperr.Conflict("name", msg.DupInPool, msg.P{"name": d.Name, "pool": d.PoolName, "by": byKey(d.By)})
		}
	}
	if len(ds) > 0 && !allow {
		d := ds[0]
		if d.By == "name" {
			return apperr.Conflict("name", msg.CustomerDuplicate, msg.P{"name": d.Name, "owner": d.OwnerName})
		}
		return apperr.Conflict("name", msg.DupOwned, msg.P{"name": d.Name, "owner": d.OwnerName, "by": byKey(d.By)})
	}
	return nil
}

func byKey(by string) msg.Key {
	switch by {
	case "phone":
		return msg.DupByPhone
	case "email":
		return msg.DupByEmail
	}
	return msg.DupByName
}

// CreatedFlow records a new customer's first flow row: created for an
// owner or into a pool.
func CreatedFlow(ctx context.Context, q store.Querier, c store.Customer, at string) error {
	f := store.Flow{CustomerID: c.ID, Action: ActCreate, At: at, Day: dayOf(at), PoolID: c.PoolID}
	if c.Status == store.CustomerOwned {
		f.ForID, f.ForName, f.To = c.OwnerID, c.OwnerName, c.OwnerName
	} else {
		f.To = c.PoolName
	}
	return store.InsertFlow(ctx, q, f)
}

// OwnerChangedFlow records an owner changed by an edit of the customer;
// the new owner's clock starts (owned_since).
func OwnerChangedFlow(ctx context.Context, q store.Querier, before, after store.Customer, at string) error {
	if err := store.SetOwnedSince(ctx, q, after.ID, at); err != nil {
		return err
	}
	return store.InsertFlow(ctx, q, store.Flow{CustomerID: after.ID, Action: ActOwner, At: at, Day: dayOf(at),
		ForID: after.OwnerID, ForName: after.OwnerName, FromOwnerID: before.OwnerID, From: before.OwnerName, To: after.OwnerName})
}

// PoolForNew resolves the pool a new customer is created into (0: none).
func PoolForNew(ctx context.Context, q store.Querier, id int64) (store.Pool, error) {
	p, err := store.GetPool(ctx, q, id)
	if errors.Is(err, store.ErrNotFound) {
		return p, apperr.Invalid("poolId", msg.PoolNotFound)
	}
	return p, err
}
