// Package customer keeps customers (客户) with their contacts and follow-up
// records.
package customer

import (
	"context"
	"errors"
	"strings"
	"time"

	"funneldesk/backend/apperr"
	"funneldesk/backend/export"
	"funneldesk/backend/msg"
	"funneldesk/backend/oplog"
	"funneldesk/backend/owner"
	"funneldesk/backend/pool"
	"funneldesk/backend/recycle"
	"funneldesk/backend/store"
	"funneldesk/backend/validate"

	"funneldesk/backend/svc"
)

// Classifications a customer may have (客户分类).
var Classifications = []string{"潜在客户", "意向客户", "成交客户", "重点客户", "流失客户"}

// Input creates or edits a customer. AllowDuplicate confirms saving a name
// that another customer already has.
type Input struct {
	Name           string `json:"name"`
	Classification string `json:"classification"`
	Source         string `json:"source"`
	Industry       string `json:"industry"`
	Phone          string `json:"phone"`
	Address        string `json:"address"`
	OwnerID        int64  `json:"ownerId"`
	Notes          string `json:"notes"`
	// Level is the customer level (客户级别) from the configured list.
	Level string `json:"level"`
	// PoolID, on create, puts the new customer into that pool (未领用)
	// instead of giving it to OwnerID.
	PoolID         int64 `json:"poolId"`
	AllowDuplicate bool  `json:"allowDuplicate"`
}

// Filter selects a page of customers. Page is 1-based.
type Filter struct {
	Query          string `json:"query"`
	Classification string `json:"classification"`
	OwnerID        int64  `json:"ownerId"`
	Page           int    `json:"page"`
	PageSize       int    `json:"pageSize"`
}

// Page is one page of customers and the total matching.
type Page struct {
	Items []store.Customer `json:"items"`
	Total int              `json:"total"`
	// TotalCapped: a text search has more than Total matches (the count
	// stops at store.SearchCountCap past the page); paging on finds them.
	TotalCapped bool `json:"totalCapped"`
	Page        int  `json:"page"`
	PageSize    int  `json:"pageSize"`
}

// Detail is a customer with its contacts (its follow-ups come from the
// followup service).
type Detail struct {
	Customer store.Customer  `json:"customer"`
	Contacts []store.Contact `json:"contacts"`
}

// ContactInput creates or edits a contact.
type ContactInput struct {
	Name  string `json:"name"`
	Title string `json:"title"`
	Phone string `json:"phone"`
	Email string `json:"email"`
}

// Service is bound to the UI.
type Service struct {
	st  *store.Store
	env *svc.Env
}

// NewService returns the customer service over st.
func NewService(st *store.Store, env *svc.Env) *Service { return &Service{st: st, env: env} }

// Options lists the fixed choices of the customer forms.
type Options struct {
	Classifications []string `json:"classifications"`
}

// Options returns the classification choices.
func (s *Service) Options() Options {
	return Options{Classifications: Classifications}
}

// List returns a page of customers by name.
func (s *Service) List(f Filter) (Page, error) {
	off, lim := validate.Page(f.Page, f.PageSize)
	items, total, capped, err := store.ListCustomersCapped(s.env.Ctx(), s.st.DB, store.CustomerFilter{
		Query: f.Query, Classification: f.Classification, OwnerID: f.OwnerID, Offset: off, Limit: lim}, store.SearchCountCap)
	if err != nil {
		return Page{}, err
	}
	return Page{Items: items, Total: total, TotalCapped: capped, Page: off/lim + 1, PageSize: lim}, nil
}

// Columns are the columns of exported customers.
var Columns = []export.Column{
	{Label: msg.LabelCustomerName, Kind: export.Text}, {Label: msg.LabelClassification, Kind: export.Text}, {Label: msg.LabelSource, Kind: export.Text},
	{Label: msg.LabelIndustry, Kind: export.Text}, {Label: msg.LabelPhone, Kind: export.Text}, {Label: msg.LabelAddress, Kind: export.Text},
	{Label: msg.LabelOwner, Kind: export.Text}, {Label: msg.LabelOpportunityCount, Kind: export.Int}, {Label: msg.LabelNotes, Kind: export.Text},
	{Label: msg.LabelCreatedAt, Kind: export.DateTime},
}

// Export writes the customers matching f (all of them, whatever its page)
// to a file the user picks, as CSV or XLSX (format), and returns its path,
// or "" when the user cancelled.
func (s *Service) Export(f Filter, format string) (string, error) {
	if err := export.CheckFormat(format); err != nil {
		return "", err
	}
	ctx := s.env.Ctx()
	var fs export.Filters
	fs.Add(msg.LabelClassification, f.Classification)
	if f.OwnerID != 0 {
		owners, err := owner.Names(ctx, s.st.DB, []int64{f.OwnerID})
		if err != nil {
			return "", err
		}
		fs.Add(msg.LabelOwner, owners)
	}
	fs.Add(msg.LabelSearch, f.Query)
	sf := store.CustomerFilter{Query: f.Query, Classification: f.Classification, OwnerID: f.OwnerID}
	return export.Save(s.env, "客户", format, export.Table{Sheet: "客户", Columns: Columns, Filters: fs,
		Rows: func(emit func(...any) error) error {
			return store.EachCustomer(ctx, s.st.DB, sf, func(c store.Customer) error {
				return emit(c.Name, c.Classification, c.Source, c.Industry, c.Phone, c.Address, c.OwnerName, c.Opportunities,
					c.Notes, c.CreatedAt)
			})
		}})
}

// Get returns a customer with its contacts.
func (s *Service) Get(id int64) (Detail, error) {
	ctx := s.env.Ctx()
	c, err := get(ctx, s.st.DB, id)
	if err != nil {
		return Detail{}, err
	}
	d := Detail{Customer: c}
	if d.Contacts, err = store.ListContacts(ctx, s.st.DB, id); err != nil {
		return Detail{}, err
	}
	return d, nil
}

// SameName returns the other customers named name (excluding excludeID), so
// the form can warn before saving a duplicate.
func (s *Service) SameName(name string, excludeID int64) ([]store.Customer, error) {
	all, err := store.CustomersNamed(s.env.Ctx(), s.st.DB, strings.TrimSpace(name))
	if err != nil {
		return nil, err
	}
	out := []store.Customer{}
	for _, c := range all {
		if c.ID != excludeID {
			out = append(out, c)
		}
	}
	return out, nil
}

// check validates in for customer id (0: a new one). cur is the customer
// as stored (zero for a new one): a customer in a pool or voided keeps
// having no owner, its owner changes through the pool's actions.
func (s *Service) check(ctx context.Context, q store.Querier, id int64, in Input, cur store.Customer) (store.Customer, error) {
	var c store.Customer
	var errs apperr.List
	var err error
	c.Name, err = validate.Text("name", msg.LabelCustomerName, in.Name, true, 100)
	errs.Add(err)
	c.Classification, err = validate.OneOf("classification", msg.LabelClassification, in.Classification, Classifications)
	errs.Add(err)
	levels, err := pool.Levels(ctx, q)
	if err != nil {
		return c, err
	}
	c.Level, err = validate.OneOf("level", msg.LabelLevel, in.Level, levels)
	errs.Add(err)
	fields := []struct {
		dst      *string
		field, v string
		label    msg.Key
		max      int
	}{
		{&c.Source, "source", in.Source, msg.LabelSource, 50},
		{&c.Industry, "industry", in.Industry, msg.LabelIndustry, 50},
		{&c.Phone, "phone", in.Phone, msg.LabelPhone, 50},
		{&c.Address, "address", in.Address, msg.LabelAddress, 200},
		{&c.Notes, "notes", in.Notes, msg.LabelNotes, 2000},
	}
	for _, f := range fields {
		*f.dst, err = validate.Text(f.field, f.label, f.v, false, f.max)
		errs.Add(err)
	}
	if !errs.Has("phone") {
		c.Phone, err = validate.Phone("phone", msg.LabelPhone, c.Phone)
		errs.Add(err)
	}
	switch {
	case id == 0 && in.PoolID != 0:
		p, err := pool.PoolForNew(ctx, q, in.PoolID)
		if errs.OK(err) {
			c.Status, c.PoolID, c.HomePoolID, c.PoolName = store.CustomerPool, &p.ID, &p.ID, p.Name
		}
	case id != 0 && cur.Status != store.CustomerOwned:
		c.Status, c.OwnerID = cur.Status, nil
	default:
		var currentOwner int64
		if cur.OwnerID != nil {
			currentOwner = *cur.OwnerID
		}
		if o, err := owner.Resolve(ctx, q, in.OwnerID, currentOwner); errs.OK(err) {
			c.OwnerID, c.OwnerName, c.Status = &o.ID, o.Name, store.CustomerOwned
		}
	}
	// The duplicate question (查重) is a confirmation the form asks on its
	// own; it comes only once every field is right.
	if errs.Has() {
		return c, errs.Err()
	}
	ds, err := pool.FindDuplicates(ctx, q, pool.DupeQuery{Name: c.Name, Phone: c.Phone, ExcludeID: id})
	if err != nil {
		return c, err
	}
	if id != 0 {
		// An edit that keeps the name and phone does not raise a warning
		// the customer was saved past already.
		if c.Name == cur.Name && c.Phone == cur.Phone {
			ds = nil
		}
	}
	return c, pool.DuplicateError(ds, in.AllowDuplicate)
}

// Create adds a customer, for an owner or into a pool (PoolID). A
// duplicate (查重: the same name once normalized, or phone) of a customer
// in a pool is refused; of an owned one it is refused with a conflict on
// "name" unless AllowDuplicate confirms it. The flow history starts.
func (s *Service) Create(in Input) (store.Customer, error) {
	ctx := s.env.Ctx()
	var out store.Customer
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		var err error
		out, err = CreateIn(ctx, tx, s.env.Now(), in)
		return err
	})
	return out, err
}

// CreateIn is Create inside the caller's transaction (a lead's conversion
// creates the customer, its contact and an opportunity in one).
func CreateIn(ctx context.Context, tx store.Tx, now time.Time, in Input) (store.Customer, error) {
	at := now.Format(time.RFC3339)
	c, err := (*Service)(nil).check(ctx, tx, 0, in, store.Customer{})
	if err != nil {
		return c, err
	}
	if c.Status == store.CustomerOwned {
		c.OwnedSince = at
	} else {
		c.PoolSince = at
	}
	id, err := store.InsertCustomer(ctx, tx, c)
	if err != nil {
		return c, err
	}
	c.ID = id
	if err := pool.CreatedFlow(ctx, tx, c, at); err != nil {
		return c, err
	}
	out, err := store.GetCustomer(ctx, tx, id)
	if err != nil {
		return out, err
	}
	return out, oplog.Record(ctx, tx, oplog.Entry{Kind: "customer", ID: id, Name: out.Name, Action: oplog.Create, Owner: out.OwnerName, New: out})
}

// Update edits a customer, with the same duplicate rule as Create.
func (s *Service) Update(id int64, in Input) (store.Customer, error) {
	ctx := s.env.Ctx()
	var out store.Customer
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		cur, err := get(ctx, tx, id)
		if err != nil {
			return err
		}
		c, err := s.check(ctx, tx, id, in, cur)
		if err != nil {
			return err
		}
		c.ID = id
		if err := store.UpdateCustomer(ctx, tx, c); err != nil {
			return err
		}
		if out, err = store.GetCustomer(ctx, tx, id); err != nil {
			return err
		}
		if cur.Status == store.CustomerOwned && cur.OwnerID != nil && out.OwnerID != nil && *cur.OwnerID != *out.OwnerID {
			if err := pool.OwnerChangedFlow(ctx, tx, cur, out, s.env.Now().Format(time.RFC3339)); err != nil {
				return err
			}
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "customer", ID: id, Name: out.Name, Action: oplog.Update, Owner: out.OwnerName, Old: cur, New: out})
	})
	return out, err
}

// Delete moves a customer with its contacts, follow-ups and opportunities
// to the recycle bin. A customer with quotes or orders is kept: those are
// business documents, closed or voided rather than deleted with it.
func (s *Service) Delete(id int64) error {
	ctx := s.env.Ctx()
	return s.st.Tx(ctx, func(tx store.Tx) error {
		c, err := get(ctx, tx, id)
		if err != nil {
			return err
		}
		docs, err := store.CustomerDocuments(ctx, tx, id)
		if err != nil {
			return err
		}
		if docs > 0 {
			return apperr.Conflict("id", msg.CustomerHasDocs, msg.P{"name": c.Name})
		}
		return recycle.Trash(ctx, tx, s.env.Now(), "customer", id, c.Name, c.OwnerName)
	})
}

func checkContact(in ContactInput) (store.Contact, error) {
	var c store.Contact
	var errs apperr.List
	var err error
	c.Name, err = validate.Text("name", msg.LabelContactName, in.Name, true, 50)
	errs.Add(err)
	c.Title, err = validate.Text("title", msg.LabelContactTitle, in.Title, false, 50)
	errs.Add(err)
	if c.Phone, err = validate.Text("phone", msg.LabelPhone, in.Phone, false, 50); errs.OK(err) {
		c.Phone, err = validate.Phone("phone", msg.LabelPhone, c.Phone)
		errs.Add(err)
	}
	if c.Email, err = validate.Text("email", msg.LabelEmail, in.Email, false, 100); errs.OK(err) {
		// One address: user@domain, both parts present.
		user, domain, _ := strings.Cut(c.Email, "@")
		if c.Email != "" && (user == "" || domain == "" || strings.Contains(domain, "@") || strings.ContainsAny(c.Email, " ,;")) {
			errs.Add(apperr.Invalid("email", msg.EmailInvalid, msg.P{"value": c.Email}))
		}
	}
	return c, errs.Err()
}

// AddContact adds a contact to a customer.
func (s *Service) AddContact(customerID int64, in ContactInput) (store.Contact, error) {
	ctx := s.env.Ctx()
	var out store.Contact
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		var err error
		out, err = AddContactIn(ctx, tx, customerID, in)
		return err
	})
	return out, err
}

// AddContactIn is AddContact inside the caller's transaction.
func AddContactIn(ctx context.Context, tx store.Tx, customerID int64, in ContactInput) (store.Contact, error) {
	if _, err := get(ctx, tx, customerID); err != nil {
		return store.Contact{}, err
	}
	c, err := checkContact(in)
	if err != nil {
		return c, err
	}
	c.CustomerID = customerID
	id, err := store.InsertContact(ctx, tx, c)
	if err != nil {
		return c, err
	}
	out, err := store.GetContact(ctx, tx, id)
	if err != nil {
		return out, err
	}
	return out, oplog.Record(ctx, tx, oplog.Entry{Kind: "contact", ID: id, Name: out.Name, Action: oplog.Create, New: out})
}

// UpdateContact edits a contact.
func (s *Service) UpdateContact(id int64, in ContactInput) (store.Contact, error) {
	ctx := s.env.Ctx()
	var out store.Contact
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		cur, err := store.GetContact(ctx, tx, id)
		if errors.Is(err, store.ErrNotFound) {
			return apperr.NotFound("id", msg.ContactNotFound)
		}
		if err != nil {
			return err
		}
		c, err := checkContact(in)
		if err != nil {
			return err
		}
		c.ID, c.CustomerID = id, cur.CustomerID
		if err := store.UpdateContact(ctx, tx, c); err != nil {
			return err
		}
		out = c
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "contact", ID: id, Name: c.Name, Action: oplog.Update, Old: cur, New: c})
	})
	return out, err
}

// DeleteContact moves a contact to the recycle bin.
func (s *Service) DeleteContact(id int64) error {
	ctx := s.env.Ctx()
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		c, err := store.GetContact(ctx, tx, id)
		if err != nil {
			return err
		}
		return recycle.Trash(ctx, tx, s.env.Now(), "contact", id, c.Name, "")
	})
	if errors.Is(err, store.ErrNotFound) {
		return apperr.NotFound("id", msg.ContactNotFound)
	}
	return err
}

func get(ctx context.Context, q store.Querier, id int64) (store.Customer, error) {
	c, err := store.GetCustomer(ctx, q, id)
	if errors.Is(err, store.ErrNotFound) {
		return c, apperr.NotFound("customerId", msg.CustomerNotFound)
	}
	return c, err
}

// Resolve checks that id names an existing customer, for opportunities.
func Resolve(ctx context.Context, q store.Querier, id int64) (store.Customer, error) {
	if id == 0 {
		return store.Customer{}, apperr.Invalid("customerId", msg.Required, msg.P{"label": msg.LabelOpportunityCustomer})
	}
	c, err := store.GetCustomer(ctx, q, id)
	if errors.Is(err, store.ErrNotFound) {
		return c, apperr.Invalid("customerId", msg.CustomerUnknown)
	}
	return c, err
}

// Name words the customer id for an export's filters sheet (0: "").
func Name(ctx context.Context, q store.Querier, id int64) (string, error) {
	return export.Name(id, func(id int64) (string, error) {
		c, err := Resolve(ctx, q, id)
		return c.Name, err
	})
}
