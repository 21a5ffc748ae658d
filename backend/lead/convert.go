package lead

import (
	"context"
	"errors"
	"strings"

	"funneldesk/backend/apperr"
	"funneldesk/backend/customer"
	"funneldesk/backend/msg"
	"funneldesk/backend/oplog"
	"funneldesk/backend/opportunity"
	"funneldesk/backend/pool"
	"funneldesk/backend/store"
)

// ConvertInput converts a lead (转换). CustomerID links the lead to an
// existing customer (the duplicate the check found, say); 0 creates one
// named CustomerName (the lead's company, else its name, when empty). A
// contact is always created on the customer (ContactName: the lead's
// contact person, else its name, when empty). With CreateOpportunity an
// opportunity is created too. Phone, email, owner and source come from the
// lead.
type ConvertInput struct {
	LeadID            int64  `json:"leadId"`
	CustomerID        int64  `json:"customerId"`
	CustomerName      string `json:"customerName"`
	ContactName       string `json:"contactName"`
	ContactTitle      string `json:"contactTitle"`
	CreateOpportunity bool   `json:"createOpportunity"`
	OpportunityName   string `json:"opportunityName"`
	StageID           int64  `json:"stageId"`
	Amount            string `json:"amount"`
	ExpectedClose     string `json:"expectedClose"`
}

// Converted is what a conversion made: the lead (now converted, with its
// links), the customer (new or linked), the contact and the opportunity
// (ID 0 when none was asked for).
type Converted struct {
	Lead        store.Lead        `json:"lead"`
	Customer    store.Customer    `json:"customer"`
	Contact     store.Contact     `json:"contact"`
	Opportunity store.Opportunity `json:"opportunity"`
	Linked      bool              `json:"linked"`
}

// ConvertCheck is what the convert dialog shows before converting: the
// names it will use and the customers the new one would duplicate (查重 on
// the company name, the lead's phone and email).
type ConvertCheck struct {
	CustomerName string           `json:"customerName"`
	ContactName  string           `json:"contactName"`
	Duplicates   []pool.Duplicate `json:"duplicates"`
}

func customerName(l store.Lead, given string) string {
	if n := strings.TrimSpace(given); n != "" {
		return n
	}
	if l.Company != "" {
		return l.Company
	}
	return l.Name
}

func contactName(l store.Lead, given string) string {
	if n := strings.TrimSpace(given); n != "" {
		return n
	}
	if l.ContactName != "" {
		return l.ContactName
	}
	return l.Name
}

// CheckConvert returns the defaults and the duplicate check for converting
// lead id into a customer named customerName ("" for the default).
func (s *Service) CheckConvert(id int64, name string) (ConvertCheck, error) {
	ctx := s.env.Ctx()
	l, err := get(ctx, s.st.DB, id)
	if err != nil {
		return ConvertCheck{}, err
	}
	out := ConvertCheck{CustomerName: customerName(l, name), ContactName: contactName(l, "")}
	out.Duplicates, err = pool.FindDuplicates(ctx, s.st.DB, pool.DupeQuery{Name: out.CustomerName, Phone: l.Phone, Email: l.Email})
	return out, err
}

// Convert turns a lead into a customer (or links it to one), a contact and
// optionally an opportunity, in one transaction: any refusal on the way
// writes nothing. A new customer that duplicates an existing one is
// refused naming it (the user links to it instead). The lead becomes
// converted and keeps links to what it became; its source carries over to
// the customer and the opportunity.
func (s *Service) Convert(in ConvertInput) (Converted, error) {
	ctx := s.env.Ctx()
	var out Converted
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		var err error
		out, err = s.convert(ctx, tx, in)
		return err
	})
	return out, err
}

func (s *Service) convert(ctx context.Context, tx store.Tx, in ConvertInput) (Converted, error) {
	var out Converted
	l, err := get(ctx, tx, in.LeadID)
	if err != nil {
		return out, err
	}
	switch l.Status {
	case store.LeadConverted:
		return out, apperr.Conflict("leadId", msg.LeadIsConverted, msg.P{"name": l.Name})
	case store.LeadInvalid:
		return out, apperr.Conflict("leadId", msg.LeadIsInvalid, msg.P{"name": l.Name})
	}
	if in.CustomerID != 0 {
		c, err := store.GetCustomer(ctx, tx, in.CustomerID)
		if errors.Is(err, store.ErrNotFound) {
			return out, apperr.Invalid("customerId", msg.CustomerNotFound)
		}
		if err != nil {
			return out, err
		}
		if c.Status != store.CustomerOwned {
			return out, apperr.Invalid("customerId", msg.LeadLinkPooled, msg.P{"name": c.Name})
		}
		out.Customer, out.Linked = c, true
	} else {
		name := customerName(l, in.CustomerName)
		ds, err := pool.FindDuplicates(ctx, tx, pool.DupeQuery{Name: name, Phone: l.Phone, Email: l.Email})
		if err != nil {
			return out, err
		}
		if err := duplicateError(ds); err != nil {
			return out, err
		}
		c, err := customer.CreateIn(ctx, tx, s.env.Now(), customer.Input{Name: name, Source: l.Source, Phone: l.Phone,
			OwnerID: l.OwnerID, Notes: l.Notes})
		if err != nil {
			return out, prefix(err, "customer")
		}
		out.Customer = c
	}
	k, err := customer.AddContactIn(ctx, tx, out.Customer.ID, customer.ContactInput{Name: contactName(l, in.ContactName),
		Title: in.ContactTitle, Phone: l.Phone, Email: l.Email})
	if err != nil {
		return out, prefix(err, "contact")
	}
	out.Contact = k
	if in.CreateOpportunity {
		name := strings.TrimSpace(in.OpportunityName)
		if name == "" {
			name = l.Name
		}
		o, err := opportunity.CreateIn(ctx, tx, opportunity.Input{Name: name, CustomerID: out.Customer.ID, Source: l.Source,
			OwnerID: l.OwnerID, Amount: in.Amount, ExpectedClose: in.ExpectedClose, StageID: in.StageID})
		if err != nil {
			return out, prefix(err, "opportunity")
		}
		out.Opportunity = o
	}
	if err := store.MarkLeadConverted(ctx, tx, l.ID, out.Customer.ID, out.Contact.ID, out.Opportunity.ID); err != nil {
		return out, err
	}
	if out.Lead, err = store.GetLead(ctx, tx, l.ID); err != nil {
		return out, err
	}
	return out, oplog.Record(ctx, tx, oplog.Entry{Kind: "lead", ID: l.ID, Name: l.Name, Action: oplog.Update, Owner: l.OwnerName,
		Old: l, New: out.Lead})
}

// duplicateError refuses a new customer that duplicates one: the first
// match named, with what agrees and who holds it (or the pool it is in).
func duplicateError(ds []pool.Duplicate) error {
	if len(ds) == 0 {
		return nil
	}
	d := ds[0]
	by := msg.LabelCustomerName
	switch d.By {
	case "phone":
		by = msg.LabelPhone
	case "email":
		by = msg.LabelEmail
	}
	if d.Blocking {
		return apperr.Conflict("customerName", msg.LeadDupPooled, msg.P{"name": d.Name, "pool": d.PoolName, "by": by})
	}
	return apperr.Conflict("customerName", msg.LeadDuplicate, msg.P{"name": d.Name, "owner": d.OwnerName, "by": by})
}

// prefix names the part of the conversion form a field error belongs to
// ("opportunity.amount"), so the dialog shows it by the right field.
func prefix(err error, part string) error {
	e, ok := apperr.As(err)
	if !ok {
		return err
	}
	one := func(x *apperr.Error) *apperr.Error {
		c := *x
		c.Fields = nil
		if c.Field != "" {
			c.Field = part + "." + c.Field
		}
		return &c
	}
	out := one(e)
	for _, f := range e.Fields {
		out.Fields = append(out.Fields, one(f))
	}
	return out
}
