package order

import (
	"context"
	"errors"
	"strings"

	"funneldesk/backend/apperr"
	"funneldesk/backend/customer"
	"funneldesk/backend/money"
	"funneldesk/backend/msg"
	"funneldesk/backend/oplog"
	"funneldesk/backend/product"
	"funneldesk/backend/store"
	"funneldesk/backend/validate"
)

// InvoiceInput records an invoice issued for an order. Number is the
// invoice's own number (unique); Date defaults to today; Amount is yuan.
type InvoiceInput struct {
	OrderID int64  `json:"orderId"`
	Number  string `json:"number"`
	Date    string `json:"date"`
	Amount  string `json:"amount"`
	Kind    string `json:"kind"`
	Note    string `json:"note"`
}

// AddInvoice records an invoice (开票) against an order. The invoiced total
// may not exceed the order's net total.
func (s *Service) AddInvoice(in InvoiceInput) (Detail, error) {
	ctx := s.env.Ctx()
	today := s.today()
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		if in.OrderID == 0 {
			return apperr.Invalid("orderId", msg.ChooseOrder)
		}
		o, err := live(ctx, tx, in.OrderID, today, "orderId")
		if err != nil {
			return err
		}
		v := store.Invoice{OrderID: o.ID, CustomerID: o.CustomerID}
		var errs apperr.List
		if v.Number, err = validate.Text("number", msg.LabelInvoiceNumber, in.Number, true, 50); errs.OK(err) {
			if other, err := store.InvoiceByNumber(ctx, tx, v.Number); err == nil {
				errs.Add(apperr.Conflict("number", msg.InvoiceNumberTaken, msg.P{"number": v.Number, "order": other.OrderNumber}))
			} else if !errors.Is(err, store.ErrNotFound) {
				errs.Add(err)
			}
		}
		v.Date, err = validate.Date("date", msg.LabelInvoiceDate, in.Date, false)
		errs.Add(err)
		if v.Date == "" {
			v.Date = today
		}
		if v.AmountCents, err = validate.Amount("amount", msg.LabelInvoiceAmount, in.Amount, true); errs.OK(err) {
			if v.AmountCents == 0 {
				errs.Add(apperr.Invalid("amount", msg.InvoiceAmountZero))
			} else if left := o.NetCents - o.InvoicedCents; v.AmountCents > left {
				errs.Add(apperr.Conflict("amount", msg.InvoiceOverLeft, msg.P{"amount": money.Yuan(v.AmountCents), "left": money.Yuan(max(left, 0))}))
			}
		}
		v.Kind, err = validate.OneOf("kind", msg.LabelInvoiceKind, in.Kind, InvoiceKinds)
		errs.Add(err)
		v.Note, err = validate.Text("note", msg.LabelNotes, in.Note, false, 500)
		errs.Add(err)
		if err := errs.Err(); err != nil {
			return err
		}
		id, err := store.InsertInvoice(ctx, tx, v)
		if err != nil {
			return err
		}
		if v, err = store.GetInvoice(ctx, tx, id); err != nil {
			return err
		}
		if err := oplog.Record(ctx, tx, oplog.Entry{Kind: "invoice", ID: id, Name: v.Number, Action: oplog.Create, Owner: o.OwnerName, New: v}); err != nil {
			return err
		}
		return store.RefreshOrder(ctx, tx, o.ID)
	})
	if err != nil {
		return Detail{}, err
	}
	return s.Get(in.OrderID)
}

// DeleteInvoice removes an invoice recorded by mistake.
func (s *Service) DeleteInvoice(id int64) (Detail, error) {
	ctx := s.env.Ctx()
	var orderID int64
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		v, err := store.GetInvoice(ctx, tx, id)
		if errors.Is(err, store.ErrNotFound) {
			return apperr.NotFound("id", msg.InvoiceNotFound)
		}
		if err != nil {
			return err
		}
		orderID = v.OrderID
		o, err := live(ctx, tx, v.OrderID, s.today(), "id")
		if err != nil {
			return err
		}
		if err := store.DeleteInvoice(ctx, tx, id); err != nil {
			return err
		}
		if err := oplog.Record(ctx, tx, oplog.Entry{Kind: "invoice", ID: id, Name: v.Number, Action: oplog.Delete, Owner: o.OwnerName, Old: v}); err != nil {
			return err
		}
		return store.RefreshOrder(ctx, tx, v.OrderID)
	})
	if err != nil {
		return Detail{}, err
	}
	return s.Get(orderID)
}

// ReturnInput returns goods of an order (退货单). Lines with an empty or
// zero quantity are skipped; at least one must remain. Date defaults to
// today.
type ReturnInput struct {
	OrderID int64             `json:"orderId"`
	Date    string            `json:"date"`
	Reason  string            `json:"reason"`
	Lines   []ReturnLineInput `json:"lines"`
}

// ReturnLineInput is the quantity returned of one order line.
type ReturnLineInput struct {
	OrderLineID int64  `json:"orderLineId"`
	Quantity    string `json:"quantity"`
}

func returnErr(i int, err error) error {
	e, ok := apperr.As(err)
	if !ok {
		return err
	}
	out := e.Wrap(msg.LineError, msg.P{"line": i + 1})
	out.Field = "lines[" + itoa(i) + "]." + e.Field
	return out
}

// CreateReturn records a return, numbered TH-YYYYMMDD-NNN after its date. A
// line's returned quantity may not exceed what was ordered less what was
// returned before. Its money is the line's total pro rata (cumulatively
// rounded, so returning everything gives back the line total exactly). The
// order's net total, outstanding and plan follow; what was already paid
// beyond the new net total shows as a refund due.
func (s *Service) CreateReturn(in ReturnInput) (Detail, error) {
	ctx := s.env.Ctx()
	today := s.today()
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		if in.OrderID == 0 {
			return apperr.Invalid("orderId", msg.ChooseOrder)
		}
		o, err := live(ctx, tx, in.OrderID, today, "orderId")
		if err != nil {
			return err
		}
		r := store.SalesReturn{OrderID: o.ID}
		var errs apperr.List
		r.Date, err = validate.Date("date", msg.LabelReturnDate, in.Date, false)
		errs.Add(err)
		if r.Date == "" {
			r.Date = today
		}
		r.Reason, err = validate.Text("reason", msg.LabelReturnReason, in.Reason, true, 500)
		errs.Add(err)
		lines, err := store.ListOrderLines(ctx, tx, o.ID)
		if err != nil {
			return err
		}
		byID := map[int64]*store.OrderLine{}
		for i := range lines {
			byID[lines[i].ID] = &lines[i]
		}
		// Every row is checked before any is written, so that the form
		// hears of every bad row at once.
		type take struct {
			l   *store.OrderLine
			qty int64
		}
		var takes []take
		rowErr := false
		pending := map[int64]int64{} // taken by earlier rows of this return
		for i, li := range in.Lines {
			q := strings.TrimSpace(li.Quantity)
			if q == "" || q == "0" {
				continue
			}
			l, ok := byID[li.OrderLineID]
			if !ok {
				errs.Add(returnErr(i, apperr.Invalid("orderLineId", msg.ReturnLineNotInOrder)))
				rowErr = true
				continue
			}
			qty, err := product.ParseQty(q)
			if err != nil {
				errs.Add(returnErr(i, apperr.Invalid("quantity", msg.ReturnQtyInvalid, msg.P{"value": q})))
				rowErr = true
				continue
			}
			if left := l.QtyMilli - l.ReturnedQtyMilli - pending[l.ID]; qty > left {
				errs.Add(returnErr(i, apperr.Invalid("quantity", msg.ReturnQtyOverLeft, msg.P{"name": l.ProductName, "qty": product.FormatQty(qty), "left": product.FormatQty(left)})))
				rowErr = true
				continue
			}
			pending[l.ID] += qty
			takes = append(takes, take{l, qty})
		}
		if len(takes) == 0 && !rowErr {
			errs.Add(apperr.Invalid("lines", msg.ReturnNoLines))
		}
		if err := errs.Err(); err != nil {
			return err
		}
		for _, tk := range takes {
			l, qty := tk.l, tk.qty
			before := product.ShareOf(l.TotalCents, l.ReturnedQtyMilli, l.QtyMilli)
			l.ReturnedQtyMilli += qty
			after := product.ShareOf(l.TotalCents, l.ReturnedQtyMilli, l.QtyMilli)
			l.ReturnedCents += after - before
			r.AmountCents += after - before
			r.Lines = append(r.Lines, store.SalesReturnLine{OrderLineID: l.ID, QtyMilli: qty, AmountCents: after - before})
			if err := store.SetLineReturned(ctx, tx, l.ID, l.ReturnedQtyMilli, l.ReturnedCents); err != nil {
				return err
			}
		}
		if r.Number, err = store.NextReturnNumber(ctx, tx, compact(r.Date)); err != nil {
			return err
		}
		id, err := store.InsertReturn(ctx, tx, r)
		if err != nil {
			return err
		}
		r.ID = id
		logged := struct {
			store.SalesReturn
			OrderNumber string `json:"orderNumber"`
		}{r, o.Number}
		if err := oplog.Record(ctx, tx, oplog.Entry{Kind: "return", ID: id, Name: r.Number, Action: oplog.Create, Owner: o.OwnerName, New: logged}); err != nil {
			return err
		}
		if err := store.RefreshOrder(ctx, tx, o.ID); err != nil {
			return err
		}
		return reconcilePlan(ctx, tx, o.ID, today)
	})
	if err != nil {
		return Detail{}, err
	}
	return s.Get(in.OrderID)
}

// Credit is a customer's credit (信用): its limit (nil: unlimited), credit
// days, what it owes on orders not voided, and what is left of the limit
// (nil: unlimited; negative when already over).
type Credit struct {
	CustomerID     int64  `json:"customerId"`
	CustomerName   string `json:"customerName"`
	LimitCents     *int64 `json:"limitCents"`
	Days           int    `json:"days"`
	UnpaidCents    int64  `json:"unpaidCents"`
	AvailableCents *int64 `json:"availableCents"`
}

// CreditInput sets a customer's credit. Limit is yuan and empty means no
// limit; Days (0–3650) set the default due date of new orders.
type CreditInput struct {
	Limit string `json:"limit"`
	Days  int    `json:"days"`
}

// CustomerCredit returns a customer's credit and what it owes.
func (s *Service) CustomerCredit(customerID int64) (Credit, error) {
	return credit(s.env.Ctx(), s.st.DB, customerID)
}

func credit(ctx context.Context, q store.Querier, customerID int64) (Credit, error) {
	c, err := customer.Resolve(ctx, q, customerID)
	if err != nil {
		return Credit{}, err
	}
	t, err := store.GetCustomerTerms(ctx, q, c.ID)
	if err != nil {
		return Credit{}, err
	}
	unpaid, err := store.CustomerUnpaid(ctx, q, c.ID, 0)
	if err != nil {
		return Credit{}, err
	}
	out := Credit{CustomerID: c.ID, CustomerName: c.Name, LimitCents: t.CreditLimitCents, Days: t.CreditDays, UnpaidCents: unpaid}
	if t.CreditLimitCents != nil {
		a := *t.CreditLimitCents - unpaid
		out.AvailableCents = &a
	}
	return out, nil
}

// SetCustomerCredit sets a customer's credit limit and days. Lowering the
// limit below what is owed is allowed; it only stops new orders.
func (s *Service) SetCustomerCredit(customerID int64, in CreditInput) (Credit, error) {
	ctx := s.env.Ctx()
	var out Credit
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		c, err := customer.Resolve(ctx, tx, customerID)
		if err != nil {
			return err
		}
		before, err := store.GetCustomerTerms(ctx, tx, c.ID)
		if err != nil {
			return err
		}
		if err := writeCredit(ctx, tx, c.ID, in); err != nil {
			return err
		}
		if err := logTerms(ctx, tx, c, before); err != nil {
			return err
		}
		out, err = credit(ctx, tx, c.ID)
		return err
	})
	return out, err
}

// TermsInput is a customer's trading terms as the customer screen edits
// them together: price list (0: standard prices), credit limit ("" for
// none) and credit days.
type TermsInput struct {
	PriceListID int64  `json:"priceListId"`
	Limit       string `json:"limit"`
	Days        int    `json:"days"`
}

// SetCustomerTerms saves a customer's price list and credit in one
// transaction, so one save never half-succeeds.
func (s *Service) SetCustomerTerms(customerID int64, in TermsInput) (Credit, error) {
	ctx := s.env.Ctx()
	var out Credit
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		c, err := customer.Resolve(ctx, tx, customerID)
		if err != nil {
			return err
		}
		before, err := store.GetCustomerTerms(ctx, tx, c.ID)
		if err != nil {
			return err
		}
		var list *int64
		if in.PriceListID != 0 {
			if _, err := store.GetPriceList(ctx, tx, in.PriceListID); errors.Is(err, store.ErrNotFound) {
				return apperr.Invalid("priceListId", msg.PriceListNotFound)
			} else if err != nil {
				return err
			}
			list = &in.PriceListID
		}
		if err := store.SetCustomerPriceList(ctx, tx, c.ID, list); err != nil {
			return err
		}
		if err := writeCredit(ctx, tx, c.ID, CreditInput{Limit: in.Limit, Days: in.Days}); err != nil {
			return err
		}
		if err := logTerms(ctx, tx, c, before); err != nil {
			return err
		}
		out, err = credit(ctx, tx, c.ID)
		return err
	})
	return out, err
}

// logTerms logs a change of customer c's trading terms (price list and
// credit) from before, as an edit of the customer.
func logTerms(ctx context.Context, tx store.Tx, c store.Customer, before store.CustomerTerms) error {
	after, err := store.GetCustomerTerms(ctx, tx, c.ID)
	if err != nil {
		return err
	}
	return oplog.Record(ctx, tx, oplog.Entry{Kind: "customer", ID: c.ID, Name: c.Name, Action: oplog.Update, Owner: c.OwnerName, Old: before, New: after})
}

func writeCredit(ctx context.Context, tx store.Tx, customerID int64, in CreditInput) error {
	var limit *int64
	if strings.TrimSpace(in.Limit) != "" {
		v, err := validate.Amount("limit", msg.LabelCreditLimit, in.Limit, true)
		if err != nil {
			return err
		}
		limit = &v
	}
	if in.Days < 0 || in.Days > 3650 {
		return apperr.Invalid("days", msg.CreditDaysRange)
	}
	return store.SetCustomerCredit(ctx, tx, customerID, limit, in.Days)
}
