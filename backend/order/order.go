// Package order keeps sales orders (合同订单): made from an approved quote,
// from an opportunity or by hand, under the customer's credit limit (信用控制,
// strict as seed 001 says), with a payment plan (回款计划) of installments,
// the receipts (回款) recorded against them, invoices (开票) and returns
// (退货单). The order's status follows the money: 执行中 while anything is
// outstanding, 已完成 when nothing is; 已作废 orders are kept and count
// nowhere.
//
// Figures: net = total − returned; outstanding = max(net − received, 0);
// overdue = what is still unpaid of installments whose due date is before
// today; refund due = max(received − net, 0) (after a return of goods
// already paid for).
package order

import (
	"context"
	"errors"
	"time"

	"funneldesk/backend/apperr"
	"funneldesk/backend/customer"
	"funneldesk/backend/money"
	"funneldesk/backend/msg"
	"funneldesk/backend/oplog"
	"funneldesk/backend/opportunity"
	"funneldesk/backend/owner"
	"funneldesk/backend/product"
	"funneldesk/backend/quote"
	"funneldesk/backend/recycle"
	"funneldesk/backend/store"
	"funneldesk/backend/validate"

	"funneldesk/backend/svc"
)

// Input makes an order. The source is QuoteID (an approved quote: its
// customer, opportunity and, when Lines is empty, its lines), else
// OpportunityID (not lost), else the order is made by hand for CustomerID.
// SignedDate defaults to today. Plan is optional: without it the plan is one
// installment of the whole total, due after the customer's credit days,
// held by the order's owner.
type Input struct {
	Title         string              `json:"title"`
	CustomerID    int64               `json:"customerId"`
	OpportunityID int64               `json:"opportunityId"`
	QuoteID       int64               `json:"quoteId"`
	OwnerID       int64               `json:"ownerId"`
	SignedDate    string              `json:"signedDate"`
	Notes         string              `json:"notes"`
	Lines         []product.LineInput `json:"lines"`
	Plan          []InstallmentInput  `json:"plan"`
	// ConfirmEarlier confirms a signing date before the quote's date; without
	// it that is refused with a conflict naming both dates, which the UI
	// turns into a question.
	ConfirmEarlier bool `json:"confirmEarlier"`
}

// HeaderInput edits what may change on an order once made. Lines are fixed:
// a wrong order is voided and made again; goods coming back are a return.
type HeaderInput struct {
	Title      string `json:"title"`
	OwnerID    int64  `json:"ownerId"`
	SignedDate string `json:"signedDate"`
	Notes      string `json:"notes"`
}

// Figures are an order's money at a glance.
type Figures struct {
	TotalCents       int64 `json:"totalCents"`
	ReturnedCents    int64 `json:"returnedCents"`
	NetCents         int64 `json:"netCents"`
	ReceivedCents    int64 `json:"receivedCents"`
	OutstandingCents int64 `json:"outstandingCents"`
	OverdueCents     int64 `json:"overdueCents"`
	InvoicedCents    int64 `json:"invoicedCents"`
	// UninvoicedCents = max(net − invoiced, 0); RefundDueCents = max(received − net, 0).
	UninvoicedCents int64 `json:"uninvoicedCents"`
	RefundDueCents  int64 `json:"refundDueCents"`
	// PlanCents sums the installments.
	PlanCents int64 `json:"planCents"`
	// AsOf is the day overdue is computed for (YYYY-MM-DD).
	AsOf string `json:"asOf"`
}

// Detail is an order with everything that hangs off it.
type Detail struct {
	Order    store.Order         `json:"order"`
	Lines    []store.OrderLine   `json:"lines"`
	Plan     []store.Installment `json:"plan"`
	Receipts []store.Receipt     `json:"receipts"`
	Invoices []store.Invoice     `json:"invoices"`
	Returns  []store.SalesReturn `json:"returns"`
	Figures  Figures             `json:"figures"`
	// Allowed lists the actions the order permits now: edit, plan, receipt,
	// invoice, return, void.
	Allowed []string `json:"allowed"`
	// WinOffer, on a newly created order whose opportunity is still open
	// while the order-wins setting is "ask", names that opportunity so the
	// UI can offer to mark it won.
	WinOffer *WinOffer `json:"winOffer,omitempty"`
	// Won is true when creating the order marked its opportunity won
	// (setting "always"), with WonStage the outcome used.
	Won      bool   `json:"won,omitempty"`
	WonStage string `json:"wonStage,omitempty"`
}

// WinOffer is an opportunity a signed order may win.
type WinOffer struct {
	OpportunityID int64  `json:"opportunityId"`
	Name          string `json:"name"`
	// Outcomes are the won outcomes its type may use, in funnel order
	// (the first is taken when the user does not choose): with several,
	// the UI asks which.
	Outcomes []WinOutcome `json:"outcomes"`
}

// WinOutcome is a won stage an opportunity may be marked with.
type WinOutcome struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// Service is bound to the UI.
type Service struct {
	st  *store.Store
	env *svc.Env
}

// NewService returns the order service over st.
func NewService(st *store.Store, env *svc.Env) *Service { return &Service{st: st, env: env} }

// SetClock makes the service read "today" from now (tests). A function: a
// bound service's methods are only what the UI calls (see App.Bindings).
func SetClock(s *Service, now func() time.Time) { s.env.SetClock(now) }

func (s *Service) today() string { return s.env.Now().Format("2006-01-02") }

// StatusLabel gives a status's Chinese and English names.
type StatusLabel = quote.StatusLabel

// Statuses are the order statuses.
var Statuses = []StatusLabel{
	quote.StatusOf(store.OrderActive, msg.StatusOrderActive),
	quote.StatusOf(store.OrderCompleted, msg.StatusOrderCompleted),
	quote.StatusOf(store.OrderVoided, msg.StatusOrderVoided),
}

// ReceiptMethods are offered for receipts (回款方式); other text is allowed.
var ReceiptMethods = []string{"银行转账", "现金", "支票", "银行承兑汇票", "微信", "支付宝", "其他"}

// InvoiceKinds are the invoice types (发票类型) an invoice may have.
var InvoiceKinds = []string{"增值税专用发票", "增值税普通发票", "电子发票", "其他"}

// Options lists the choices of the order forms and filters.
type Options struct {
	Statuses       []StatusLabel `json:"statuses"`
	ReceiptMethods []string      `json:"receiptMethods"`
	InvoiceKinds   []string      `json:"invoiceKinds"`
}

// Options returns the statuses, receipt methods and invoice kinds.
func (s *Service) Options() Options {
	return Options{Statuses: Statuses, ReceiptMethods: ReceiptMethods, InvoiceKinds: InvoiceKinds}
}

func statusLabel(code string) string {
	for _, l := range Statuses {
		if l.Code == code {
			return l.Label
		}
	}
	return code
}

func get(ctx context.Context, q store.Querier, id int64, today string) (store.Order, error) {
	o, err := store.GetOrder(ctx, q, id, today)
	if errors.Is(err, store.ErrNotFound) {
		return o, apperr.NotFound("id", msg.OrderNotFound)
	}
	return o, err
}

// live loads an order that may still change: not voided.
func live(ctx context.Context, q store.Querier, id int64, today, field string) (store.Order, error) {
	o, err := store.GetOrder(ctx, q, id, today)
	if errors.Is(err, store.ErrNotFound) {
		return o, apperr.NotFound(field, msg.OrderNotFound)
	}
	if err != nil {
		return o, err
	}
	if o.Status == store.OrderVoided {
		return o, apperr.Conflict(field, msg.OrderVoided, msg.P{"number": o.Number})
	}
	return o, nil
}

// DraftFromQuote returns a new order's input filled from an approved quote:
// its customer, opportunity, owner, title and lines.
func (s *Service) DraftFromQuote(quoteID int64) (Input, error) {
	ctx := s.env.Ctx()
	x, lines, err := quote.ForOrder(ctx, s.st.DB, quoteID)
	if err != nil {
		return Input{}, err
	}
	in := Input{Title: x.Title, CustomerID: x.CustomerID, QuoteID: x.ID, OwnerID: x.OwnerID, SignedDate: s.today(),
		Lines: product.LinesToInput(lines), Plan: []InstallmentInput{}}
	if x.OpportunityID != nil {
		in.OpportunityID = *x.OpportunityID
	}
	return in, nil
}

// DraftFromOpportunity returns a new order's input filled from an
// opportunity that is not lost: customer, owner, name and product lines.
func (s *Service) DraftFromOpportunity(opportunityID int64) (Input, error) {
	ctx := s.env.Ctx()
	o, _, err := quote.CheckOpportunity(ctx, s.st.DB, opportunityID, 0)
	if err != nil {
		return Input{}, err
	}
	lines, err := store.ListLines(ctx, s.st.DB, "opportunity_lines", opportunityID)
	if err != nil {
		return Input{}, err
	}
	return Input{Title: o.Name, CustomerID: o.CustomerID, OpportunityID: o.ID, OwnerID: o.OwnerID, SignedDate: s.today(),
		Lines: product.LinesToInput(lines), Plan: []InstallmentInput{}}, nil
}

// Create makes an order, numbered DD-YYYYMMDD-NNN after its signing date,
// with its payment plan. It is refused when it would take the customer's
// unpaid total over its credit limit.
func (s *Service) Create(in Input) (Detail, error) {
	ctx := s.env.Ctx()
	var id int64
	var offer *WinOffer
	var wonStage string
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		o := store.Order{}
		var quoteNumber, quoteDate string
		var errs apperr.List
		var err error
		o.Title, err = validate.Text("title", msg.LabelTitle, in.Title, false, 100)
		errs.Add(err)
		custID := in.CustomerID
		custOK := true
		keep := map[int64]bool{}
		lineIn := in.Lines
		switch {
		case in.QuoteID != 0:
			x, qlines, err := quote.ForOrder(ctx, tx, in.QuoteID)
			if !errs.OK(err) {
				custOK = false
				break
			}
			if custID != 0 && custID != x.CustomerID {
				errs.Add(apperr.Invalid("customerId", msg.NotQuoteCustomer, msg.P{"name": x.CustomerName}))
				custOK = false
			}
			if in.OpportunityID != 0 && (x.OpportunityID == nil || *x.OpportunityID != in.OpportunityID) {
				errs.Add(apperr.Invalid("opportunityId", msg.NotQuoteOpportunity))
			}
			custID, o.QuoteID, o.OpportunityID = x.CustomerID, &x.ID, x.OpportunityID
			quoteNumber, quoteDate = x.Number, x.QuoteDate
			keep = product.ProductIDs(qlines)
			if len(lineIn) == 0 {
				lineIn = product.LinesToInput(qlines)
			}
		case in.OpportunityID != 0:
			op, cid, err := quote.CheckOpportunity(ctx, tx, in.OpportunityID, in.CustomerID)
			if !errs.OK(err) {
				custOK = false
				break
			}
			custID, o.OpportunityID = cid, &op.ID
			olines, err := store.ListLines(ctx, tx, "opportunity_lines", op.ID)
			errs.Add(err)
			keep = product.ProductIDs(olines)
		}
		if c, err := customer.Resolve(ctx, tx, custID); custOK && errs.OK(err) {
			o.CustomerID = c.ID
		}
		if w, err := owner.Resolve(ctx, tx, in.OwnerID, 0); errs.OK(err) {
			o.OwnerID = w.ID
		}
		o.SignedDate, err = validate.Date("signedDate", msg.LabelSignedDate, in.SignedDate, false)
		errs.Add(err)
		if o.SignedDate == "" {
			o.SignedDate = s.today()
		}
		o.Notes, err = validate.Text("notes", msg.LabelNotes, in.Notes, false, 2000)
		errs.Add(err)
		var lines []store.Line
		var total int64
		linesOK := false
		if len(lineIn) == 0 {
			errs.Add(apperr.Invalid("lines", msg.LinesRequired))
		} else {
			lines, total, err = product.BuildLines(ctx, tx, o.CustomerID, lineIn, keep)
			linesOK = errs.OK(err)
		}
		var terms store.CustomerTerms
		if o.CustomerID != 0 {
			terms, err = store.GetCustomerTerms(ctx, tx, o.CustomerID)
			errs.Add(err)
		}
		plan := in.Plan
		if len(plan) == 0 && total > 0 {
			due, _ := time.Parse("2006-01-02", o.SignedDate)
			plan = []InstallmentInput{{DueDate: due.AddDate(0, 0, terms.CreditDays).Format("2006-01-02"),
				Amount: money.Plain(total), OwnerID: o.OwnerID}}
		}
		// The plan's rows are checked with the rest; its sum only against
		// right lines.
		o.NetCents = total
		if _, _, err := checkPlan(ctx, tx, o, plan); err != nil {
			if e, ok := apperr.As(err); !ok || linesOK || e.Field != "plan" {
				errs.Add(err)
			}
		}
		if err := errs.Err(); err != nil {
			return err
		}
		if err := checkCredit(ctx, tx, terms, total); err != nil {
			return err
		}
		// Asked after the refusals: a question whose yes is then refused
		// anyway would waste the user's answer.
		if !in.ConfirmEarlier && quoteDate != "" && o.SignedDate < quoteDate {
			return apperr.Conflict("signedDate", msg.SignedBeforeQuote, msg.P{"date": o.SignedDate, "number": quoteNumber, "quoteDate": quoteDate})
		}
		if o.Number, err = store.NextOrderNumber(ctx, tx, compact(o.SignedDate)); err != nil {
			return err
		}
		if id, err = store.InsertOrder(ctx, tx, o); err != nil {
			return err
		}
		if err := store.InsertLines(ctx, tx, "order_lines", id, lines); err != nil {
			return err
		}
		if err := store.RefreshOrder(ctx, tx, id); err != nil {
			return err
		}
		o.ID = id
		o.NetCents = total
		if err := writePlan(ctx, tx, o, plan); err != nil {
			return err
		}
		if err := s.log(ctx, tx, oplog.Create, id, nil); err != nil {
			return err
		}
		offer, wonStage, err = winOpportunity(ctx, tx, o.OpportunityID)
		return err
	})
	if err != nil {
		return Detail{}, err
	}
	d, err := s.Get(id)
	d.WinOffer, d.Won, d.WonStage = offer, wonStage != "", wonStage
	return d, err
}

// winOpportunity applies the order-wins setting to the opportunity a new
// order was made from: a signed order is the deal won. Only an open
// opportunity is concerned.
func winOpportunity(ctx context.Context, tx store.Tx, oppID *int64) (*WinOffer, string, error) {
	if oppID == nil {
		return nil, "", nil
	}
	mode, err := store.GetSetting(ctx, tx, store.SettingOrderWins, store.OrderWinsAsk)
	if err != nil {
		return nil, "", err
	}
	switch mode {
	case store.OrderWinsNever:
		return nil, "", nil
	case store.OrderWinsAlways:
		st, won, err := opportunity.MarkWonAs(ctx, tx, *oppID, 0)
		if !won {
			st.Name = ""
		}
		return nil, st.Name, err
	}
	op, err := store.GetOpportunity(ctx, tx, *oppID)
	if err != nil || op.StageKind != store.KindOpen {
		return nil, "", err
	}
	set, err := store.StageSetOfType(ctx, tx, op.Type)
	if err != nil {
		return nil, "", err
	}
	stages, err := store.StagesOfKind(ctx, tx, store.KindWon, set)
	if err != nil {
		return nil, "", err
	}
	offer := &WinOffer{OpportunityID: op.ID, Name: op.Name, Outcomes: []WinOutcome{}}
	for _, st := range stages {
		offer.Outcomes = append(offer.Outcomes, WinOutcome{ID: st.ID, Name: st.Name})
	}
	return offer, "", nil
}

// checkCredit refuses an order of amount that would take the customer's
// unpaid total over its credit limit. Reaching the limit exactly is allowed;
// a customer without a limit is unlimited.
func checkCredit(ctx context.Context, q store.Querier, t store.CustomerTerms, amount int64) error {
	if t.CreditLimitCents == nil {
		return nil
	}
	limit := *t.CreditLimitCents
	unpaid, err := store.CustomerUnpaid(ctx, q, t.CustomerID, 0)
	if err != nil {
		return err
	}
	if unpaid+amount <= limit {
		return nil
	}
	excess := unpaid + amount - limit
	return apperr.Conflict("customerId", msg.CreditExceeded, msg.P{"name": t.CustomerName, "limit": money.Yuan(limit),
		"unpaid": money.Yuan(unpaid), "amount": money.Yuan(amount), "excess": money.Yuan(excess)})
}

// compact turns YYYY-MM-DD into YYYYMMDD.
func compact(date string) string { return date[0:4] + date[5:7] + date[8:10] }

// Update edits an order's title, owner, signing date and notes.
func (s *Service) Update(id int64, in HeaderInput) (Detail, error) {
	ctx := s.env.Ctx()
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		o, err := live(ctx, tx, id, s.today(), "id")
		if err != nil {
			return err
		}
		cur := o
		var errs apperr.List
		o.Title, err = validate.Text("title", msg.LabelTitle, in.Title, false, 100)
		errs.Add(err)
		if w, err := owner.Resolve(ctx, tx, in.OwnerID, o.OwnerID); errs.OK(err) {
			o.OwnerID = w.ID
		}
		o.SignedDate, err = validate.Date("signedDate", msg.LabelSignedDate, in.SignedDate, true)
		errs.Add(err)
		o.Notes, err = validate.Text("notes", msg.LabelNotes, in.Notes, false, 2000)
		errs.Add(err)
		if err := errs.Err(); err != nil {
			return err
		}
		if err := store.UpdateOrderHeader(ctx, tx, o); err != nil {
			return err
		}
		return s.log(ctx, tx, oplog.Update, id, cur)
	})
	if err != nil {
		return Detail{}, err
	}
	return s.Get(id)
}

// Void voids an order (作废): it is kept with its reason and counts nowhere
// again — not in credit, receivables or sales. An order with receipts or
// invoices cannot be voided until they are deleted.
func (s *Service) Void(id int64, reason string) (Detail, error) {
	ctx := s.env.Ctx()
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		o, err := live(ctx, tx, id, s.today(), "id")
		if err != nil {
			return err
		}
		reason, err := validate.Text("reason", msg.LabelVoidReason, reason, true, 500)
		if err != nil {
			return err
		}
		n, err := store.CountOrderChildren(ctx, tx, id)
		if err != nil {
			return err
		}
		if n.Receipts > 0 {
			return apperr.Conflict("id", msg.OrderHasReceipts, msg.P{"number": o.Number})
		}
		if n.Invoices > 0 {
			return apperr.Conflict("id", msg.OrderHasInvoices, msg.P{"number": o.Number})
		}
		if err := store.VoidOrder(ctx, tx, id, reason); err != nil {
			return err
		}
		return s.log(ctx, tx, oplog.Update, id, o)
	})
	if err != nil {
		return Detail{}, err
	}
	return s.Get(id)
}

// Delete moves an order entered by mistake, with its lines and payment
// plan, to the recycle bin. An order with receipts, invoices or returns is
// a business record: it is voided, not deleted; a voided order stays
// voided.
func (s *Service) Delete(id int64) error {
	ctx := s.env.Ctx()
	return s.st.Tx(ctx, func(tx store.Tx) error {
		o, err := live(ctx, tx, id, s.today(), "id")
		if err != nil {
			return err
		}
		n, err := store.CountOrderChildren(ctx, tx, id)
		if err != nil {
			return err
		}
		if n.Receipts+n.Invoices+n.Returns > 0 {
			return apperr.Conflict("id", msg.OrderHasMoney, msg.P{"number": o.Number})
		}
		return recycle.Trash(ctx, tx, s.env.Now(), "order", id, o.Number, o.OwnerName)
	})
}

// log records a create (cur nil) or a change of order id, read back in tx.
func (s *Service) log(ctx context.Context, tx store.Tx, action string, id int64, cur any) error {
	o, err := store.GetOrder(ctx, tx, id, s.today())
	if err != nil {
		return err
	}
	return oplog.Record(ctx, tx, oplog.Entry{Kind: "order", ID: id, Name: o.Number, Action: action, Owner: o.OwnerName, Old: cur, New: o})
}

// Get returns an order with its lines, plan, receipts, invoices, returns and
// figures as of today.
func (s *Service) Get(id int64) (Detail, error) {
	return detail(s.env.Ctx(), s.st.DB, id, s.today())
}

func detail(ctx context.Context, q store.Querier, id int64, today string) (Detail, error) {
	o, err := get(ctx, q, id, today)
	if err != nil {
		return Detail{}, err
	}
	d := Detail{Order: o}
	if d.Lines, err = store.ListOrderLines(ctx, q, id); err != nil {
		return Detail{}, err
	}
	if d.Plan, err = store.ListInstallments(ctx, q, id); err != nil {
		return Detail{}, err
	}
	if d.Receipts, _, _, err = store.ListReceipts(ctx, q, store.ReceiptFilter{OrderID: id, Sort: "date"}, 0, 10000); err != nil {
		return Detail{}, err
	}
	if d.Invoices, _, _, err = store.ListInvoices(ctx, q, store.InvoiceFilter{OrderID: id, Sort: "date"}, 0, 10000); err != nil {
		return Detail{}, err
	}
	if d.Returns, err = store.ListReturns(ctx, q, id); err != nil {
		return Detail{}, err
	}
	f := Figures{TotalCents: o.TotalCents, ReturnedCents: o.ReturnedCents, NetCents: o.NetCents, ReceivedCents: o.ReceivedCents,
		OutstandingCents: o.OutstandingCents, InvoicedCents: o.InvoicedCents, AsOf: today}
	f.UninvoicedCents = max(o.NetCents-o.InvoicedCents, 0)
	f.RefundDueCents = max(o.ReceivedCents-o.NetCents, 0)
	for i := range d.Plan {
		p := &d.Plan[i]
		f.PlanCents += p.AmountCents
		p.Overdue = o.Status != store.OrderVoided && p.DueDate < today && p.OutstandingCents > 0
		if p.Overdue {
			f.OverdueCents += p.OutstandingCents
		}
	}
	if o.Status == store.OrderVoided {
		f.OutstandingCents, f.OverdueCents = 0, 0
		d.Order.OverdueCents = 0
		d.Allowed = []string{}
	} else {
		d.Allowed = []string{"edit", "plan", "receipt", "invoice", "return"}
		if len(d.Receipts) == 0 && len(d.Invoices) == 0 {
			d.Allowed = append(d.Allowed, "void")
		}
	}
	d.Figures = f
	return d, nil
}
