package importer

import (
	"context"
	"errors"
	"strings"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
	"funneldesk/backend/owner"
	"funneldesk/backend/store"
)

// defaultUnit is a new product's unit when the file gives none: the
// product form requires one, and 个 is what most lists would write.
const defaultUnit = "个"

// ownerResolver finds owners by name, creating the missing ones, and
// picks the owner of new customers whose row names none: the one chosen,
// else the first active owner by name, else a new "admin".
type ownerResolver struct {
	ctx         context.Context
	tx          store.Tx
	byName      map[string]store.Owner
	firstActive string
	defaultID   int64
	defaultName string
	created     int
}

func newOwnerResolver(ctx context.Context, tx store.Tx, defaultID int64, defaultName string) (*ownerResolver, error) {
	owners, err := store.OwnersByName(ctx, tx)
	if err != nil {
		return nil, err
	}
	r := &ownerResolver{ctx: ctx, tx: tx, byName: owners, defaultName: defaultName}
	for name, o := range owners {
		if o.Active && (r.firstActive == "" || name < r.firstActive) {
			r.firstActive = name
		}
	}
	if defaultID != 0 {
		o, err := store.GetOwner(ctx, tx, defaultID)
		if errors.Is(err, store.ErrNotFound) {
			return nil, apperr.Invalid("defaultOwner", msg.ImportDefaultOwner)
		}
		if err != nil {
			return nil, err
		}
		r.defaultID = o.ID
	}
	return r, nil
}

func (r *ownerResolver) id(name string) (int64, error) {
	if o, ok := r.byName[name]; ok {
		return o.ID, nil
	}
	id, err := owner.EnsureByName(r.ctx, r.tx, name)
	if err != nil {
		return 0, err
	}
	r.byName[name] = store.Owner{ID: id, Name: name, Active: true}
	r.created++
	return id, nil
}

func (r *ownerResolver) fallback() (int64, error) {
	if r.defaultID != 0 {
		return r.defaultID, nil
	}
	name := r.defaultName
	if name == "" {
		name = r.firstActive
	}
	if name == "" {
		name = DefaultOwnerName
	}
	id, err := r.id(name)
	r.defaultID = id
	return id, err
}

// writePlan carries out a plan: new customers, then updated ones, then
// contacts, then products.
func writePlan(ctx context.Context, tx store.Tx, w *store.EntityWriter, p *entityPlan, owners *ownerResolver,
	progress func(int, int), total int) error {
	done := 0
	step := func() error {
		done++
		if done%1024 == 0 {
			if progress != nil {
				progress(min(done, total), total)
			}
			return ctx.Err()
		}
		return nil
	}
	for _, op := range p.custs {
		var oid *int64
		if op.owner != "" {
			id, err := owners.id(op.owner)
			if err != nil {
				return err
			}
			oid = &id
		}
		switch op.action {
		case ActionNew:
			if oid == nil {
				id, err := owners.fallback()
				if err != nil {
					return err
				}
				oid = &id
			}
			op.vals.OwnerID = oid
			id, err := w.AddCustomer(op.vals)
			if err != nil {
				return err
			}
			op.id = id
		case ActionUpdate:
			changed, err := w.UpdateCustomer(op.id, op.vals, oid)
			if err != nil {
				return err
			}
			if !changed {
				p.same(KindCustomers)
			}
		}
		if err := step(); err != nil {
			return err
		}
	}
	for _, co := range p.contacts {
		switch co.action {
		case ActionNew:
			co.c.CustomerID = co.cust.id
			id, err := w.AddContact(co.c)
			if err != nil {
				return err
			}
			co.id = id
		case ActionUpdate:
			co.c.ID = co.id
			changed, err := w.UpdateContact(co.c)
			if err != nil {
				return err
			}
			if !changed {
				p.same(KindContacts)
			}
		}
		if err := step(); err != nil {
			return err
		}
	}
	if len(p.products) == 0 {
		return nil
	}
	cats, err := store.CategoryPaths(ctx, tx)
	if err != nil {
		return err
	}
	category := func(path []string) (*int64, error) {
		var parent *int64
		key := ""
		for _, name := range path {
			if key != "" {
				key += "/"
			}
			key += name
			id, ok := cats[key]
			if !ok {
				if id, err = w.AddCategory(name, parent); err != nil {
					return nil, err
				}
				cats[key] = id
			}
			parent = &id
		}
		return parent, nil
	}
	for _, op := range p.products {
		next := op.p
		var cur store.Product
		if op.action == ActionUpdate {
			var err error
			if cur, err = store.GetProduct(ctx, tx, op.id); err != nil {
				return err
			}
			next = cur
			for _, f := range []struct{ d, s *string }{{&next.Name, &op.p.Name}, {&next.Unit, &op.p.Unit}, {&next.Description, &op.p.Description}} {
				if *f.s != "" {
					*f.d = *f.s
				}
			}
			if op.priceGiven {
				next.PriceCents = op.p.PriceCents
			}
		} else {
			next.Active = true
			if next.Unit == "" {
				next.Unit = defaultUnit
			}
		}
		if a := activeValue(op.activeText); a != "" {
			next.Active = a == "1"
		}
		if len(op.category) > 0 {
			id, err := category(op.category)
			if err != nil {
				return err
			}
			next.CategoryID = id
		}
		if op.owner != "" {
			id, err := owners.id(op.owner)
			if err != nil {
				return err
			}
			next.OwnerID = &id
		}
		if op.action == ActionNew {
			id, err := w.AddProduct(next)
			if err != nil {
				return err
			}
			op.id = id
		} else {
			if sameProduct(cur, next) {
				p.same(KindProducts)
			} else if err := w.UpdateProduct(next); err != nil {
				return err
			}
		}
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

func sameProduct(a, b store.Product) bool {
	eq := func(x, y *int64) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	return a.Name == b.Name && a.Unit == b.Unit && a.Description == b.Description && a.PriceCents == b.PriceCents &&
		a.Active == b.Active && eq(a.CategoryID, b.CategoryID) && eq(a.OwnerID, b.OwnerID)
}

// entitiesSummary is the line that tells what a customer, contact or
// product import did, in English (the CLI's) or Chinese.
func entitiesSummary(lang msg.Lang, res Result) string {
	var parts []string
	for _, c := range res.Counts {
		var part string
		switch c.Kind {
		case KindCustomers:
			part = msg.Render(lang, msg.ImportCountsCustomers, msg.P{"new": c.New, "updated": c.Updated, "skipped": c.Skipped})
		case KindContacts:
			part = msg.Render(lang, msg.ImportCountsContacts, msg.P{"new": c.New, "updated": c.Updated, "skipped": c.Skipped})
		case KindProducts:
			part = msg.Render(lang, msg.ImportCountsProducts, msg.P{"new": c.New, "updated": c.Updated, "skipped": c.Skipped})
		case KindLeads:
			part = msg.Render(lang, msg.ImportCountsLeads, msg.P{"new": c.New, "updated": c.Updated, "skipped": c.Skipped})
		default:
			continue
		}
		// Rows merge into records of the file's kind (and a customer
		// file's contacts): no "0 merged" for the customers of a contact
		// file.
		if c.Kind == res.Kind || c.Merged > 0 {
			part = msg.Render(lang, msg.ImportCountsMerged, msg.P{"counts": part, "merged": c.Merged})
		}
		if c.Unchanged > 0 {
			part = msg.Render(lang, msg.ImportCountsUnchanged, msg.P{"counts": part, "unchanged": c.Unchanged})
		}
		parts = append(parts, part)
	}
	kind := map[string]msg.Key{KindCustomers: msg.ImportKindCustomers, KindContacts: msg.ImportKindContacts,
		KindProducts: msg.ImportKindProducts, KindLeads: msg.ImportKindLeads}[res.Kind]
	sep := "; "
	if lang == msg.Zh {
		sep = "；"
	}
	return msg.Render(lang, msg.ImportEntitiesSummary, msg.P{"kind": msg.Msg{Key: kind}, "counts": strings.Join(parts, sep)})
}

// ImportKind reads src as a file of kind (opportunities, customers,
// contacts, products, leads) and writes it in one transaction, or nothing: a bad
// row makes the error a *RowErrors listing every problem.
func ImportKind(ctx context.Context, st *store.Store, kind string, src Source, opts Options) (Result, error) {
	if err := checkKind(kind); err != nil {
		return Result{}, err
	}
	parsed := store.ImportPhase("parse")
	t, err := Parse(src)
	parsed()
	if err != nil {
		return Result{}, err
	}
	return importAny(ctx, st, t, kind, opts)
}

func importAny(ctx context.Context, st *store.Store, t *Table, kind string, opts Options) (Result, error) {
	if kind != KindOpportunities && kind != "" {
		return importEntities(ctx, st, t, kind, opts)
	}
	res, err := importTable(ctx, st, t, opts)
	res.Kind, res.Counts = KindOpportunities, []KindCount{}
	if err == nil {
		res.Counts = []KindCount{res.oppCount()}
	}
	return res, err
}
