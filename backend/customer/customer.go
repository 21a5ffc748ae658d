// Package customer keeps customers (客户) with their contacts and follow-up
// records.
package customer

import (
	"context"
	"errors"
	"strings"

	"funneldesk/backend/apperr"
	"funneldesk/backend/export"
	"funneldesk/backend/msg"
	"funneldesk/backend/owner"
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
	AllowDuplicate bool   `json:"allowDuplicate"`
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
	Items    []store.Customer `json:"items"`
	Total    int              `json:"total"`
	Page     int              `json:"page"`
	PageSize int              `json:"pageSize"`
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
	items, total, err := store.ListCustomers(s.env.Ctx(), s.st.DB, store.CustomerFilter{
		Query: f.Query, Classification: f.Classification, OwnerID: f.OwnerID, Offset: off, Limit: lim})
	if err != nil {
		return Page{}, err
	}
	return Page{Items: items, Total: total, Page: off/lim + 1, PageSize: lim}, nil
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

func (s *Service) check(ctx context.Context, q store.Querier, id int64, in Input, currentOwner int64) (store.Customer, error) {
	var c store.Customer
	var errs apperr.List
	var err error
	c.Name, err = validate.Text("name", msg.LabelCustomerName, in.Name, true, 100)
	errs.Add(err)
	c.Classification, err = validate.OneOf("classification", msg.LabelClassification, in.Classification, Classifications)
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
	if o, err := owner.Resolve(ctx, q, in.OwnerID, currentOwner); errs.OK(err) {
		c.OwnerID = &o.ID
	}
	// The same-name question is a confirmation the form asks on its own;
	// it comes only once everything else is right.
	if !in.AllowDuplicate && !errs.Has() {
		same, err := store.CustomersNamed(ctx, q, c.Name)
		if err != nil {
			return c, err
		}
		for _, other := range same {
			if other.ID != id {
				return c, apperr.Conflict("name", msg.CustomerDuplicate, msg.P{"name": c.Name, "owner": other.OwnerName})
			}
		}
	}
	return c, errs.Err()
}

// Create adds a customer. A name another customer has is refused with a
// conflict on "name" unless AllowDuplicate confirms it.
func (s *Service) Create(in Input) (store.Customer, error) {
	ctx := s.env.Ctx()
	var out store.Customer
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		c, err := s.check(ctx, tx, 0, in, 0)
		if err != nil {
			return err
		}
		id, err := store.InsertCustomer(ctx, tx, c)
		if err != nil {
			return err
		}
		out, err = store.GetCustomer(ctx, tx, id)
		return err
	})
	return out, err
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
		var curOwner int64
		if cur.OwnerID != nil {
			curOwner = *cur.OwnerID
		}
		c, err := s.check(ctx, tx, id, in, curOwner)
		if err != nil {
			return err
		}
		c.ID = id
		if err := store.UpdateCustomer(ctx, tx, c); err != nil {
			return err
		}
		out, err = store.GetCustomer(ctx, tx, id)
		return err
	})
	return out, err
}

// Delete removes a customer with its contacts and follow-ups. A customer
// with opportunities is kept: its opportunities must go first.
func (s *Service) Delete(id int64) error {
	ctx := s.env.Ctx()
	return s.st.Tx(ctx, func(tx store.Tx) error {
		c, err := get(ctx, tx, id)
		if err != nil {
			return err
		}
		if c.Opportunities > 0 {
			return apperr.Conflict("id", msg.CustomerHasOpps, msg.P{"name": c.Name})
		}
		docs, err := store.CustomerDocuments(ctx, tx, id)
		if err != nil {
			return err
		}
		if docs > 0 {
			return apperr.Conflict("id", msg.CustomerHasDocs, msg.P{"name": c.Name})
		}
		return store.DeleteCustomer(ctx, tx, id)
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
		if _, err := get(ctx, tx, customerID); err != nil {
			return err
		}
		c, err := checkContact(in)
		if err != nil {
			return err
		}
		c.CustomerID = customerID
		id, err := store.InsertContact(ctx, tx, c)
		if err != nil {
			return err
		}
		out, err = store.GetContact(ctx, tx, id)
		return err
	})
	return out, err
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
		return nil
	})
	return out, err
}

// DeleteContact removes a contact.
func (s *Service) DeleteContact(id int64) error {
	err := s.st.Tx(s.env.Ctx(), func(tx store.Tx) error {
		return store.DeleteContact(s.env.Ctx(), tx, id)
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
