// Package quote keeps quotations (报价单): made from an opportunity or on
// their own, with product lines priced for the customer, and the status
// rules of seed 001 — 开立 (open) → 已审核 (approved) ⇄ 弃审 (back to open),
// 关闭 (closed) from open or approved, after which nothing more is allowed;
// only an approved quote becomes an order. It also keeps the company details
// printed on quotes and the printable quote itself.
package quote

import (
	"context"
	"errors"
	"time"

	"funneldesk/backend/apperr"
	"funneldesk/backend/customer"
	"funneldesk/backend/msg"
	"funneldesk/backend/oplog"
	"funneldesk/backend/owner"
	"funneldesk/backend/product"
	"funneldesk/backend/recycle"
	"funneldesk/backend/store"
	"funneldesk/backend/validate"

	"funneldesk/backend/svc"
)

// Input creates or edits a quote. OpportunityID 0 makes a standalone quote;
// with an opportunity, CustomerID may be 0 (the opportunity's customer) but
// must otherwise be that customer. QuoteDate defaults to today. Lines need at
// least one row; an empty unit price is the customer's price.
type Input struct {
	Title         string              `json:"title"`
	CustomerID    int64               `json:"customerId"`
	OpportunityID int64               `json:"opportunityId"`
	OwnerID       int64               `json:"ownerId"`
	QuoteDate     string              `json:"quoteDate"`
	ValidUntil    string              `json:"validUntil"`
	Terms         string              `json:"terms"`
	Notes         string              `json:"notes"`
	Lines         []product.LineInput `json:"lines"`
}

// Detail is a quote with its lines and the orders made from it.
type Detail struct {
	Quote  store.Quote   `json:"quote"`
	Lines  []store.Line  `json:"lines"`
	Orders []store.Order `json:"orders"`
	// Allowed lists the actions the quote's status permits now: edit,
	// approve, unapprove, close, delete, order.
	Allowed []string `json:"allowed"`
}

// Service is bound to the UI.
type Service struct {
	st  *store.Store
	env *svc.Env
}

// NewService returns the quote service over st.
func NewService(st *store.Store, env *svc.Env) *Service { return &Service{st: st, env: env} }

// SetClock makes the service read "today" from now (tests). A function: a
// bound service's methods are only what the UI calls (see App.Bindings).
func SetClock(s *Service, now func() time.Time) { s.env.SetClock(now) }

func (s *Service) today() string { return s.env.Now().Format("2006-01-02") }

// DefaultValidDays is how long a drafted quote stays valid.
const DefaultValidDays = 30

// StatusLabel gives a status's Chinese and English names.
type StatusLabel struct {
	Code    string `json:"code"`
	Label   string `json:"label"`
	LabelEn string `json:"labelEn"`
	key     msg.Key
}

// StatusOf names a status code by its catalog label.
func StatusOf(code string, k msg.Key) StatusLabel {
	return StatusLabel{Code: code, Label: msg.Render(msg.Zh, k, nil), LabelEn: msg.Render(msg.En, k, nil), key: k}
}

// Statuses are the quote statuses in workflow order.
var Statuses = []StatusLabel{
	StatusOf(store.QuoteOpen, msg.StatusQuoteOpen),
	StatusOf(store.QuoteApproved, msg.StatusQuoteApproved),
	StatusOf(store.QuoteClosed, msg.StatusQuoteClosed),
}

// statusKey is a status's label key, for a message parameter (the code
// itself when unknown).
func statusKey(code string) any {
	for _, l := range Statuses {
		if l.Code == code {
			return l.key
		}
	}
	return code
}

func statusLabel(code string) string {
	for _, l := range Statuses {
		if l.Code == code {
			return l.Label
		}
	}
	return code
}

// CheckOpportunity loads the opportunity a quote or an order is made from
// and refuses it once it is lost (closed): seed 001, 销售机会关闭后，不能再继续
// 后续业务. A won opportunity may still get quotes and orders. customerID 0
// takes the opportunity's customer; another customer is refused.
func CheckOpportunity(ctx context.Context, q store.Querier, opportunityID, customerID int64) (store.Opportunity, int64, error) {
	o, err := store.GetOpportunity(ctx, q, opportunityID)
	if errors.Is(err, store.ErrNotFound) {
		return o, 0, apperr.Invalid("opportunityId", msg.OpportunityUnknown)
	}
	if err != nil {
		return o, 0, err
	}
	if o.StageKind == store.KindLost {
		return o, 0, apperr.Conflict("opportunityId", msg.OpportunityClosed, msg.P{"name": o.Name, "stage": o.StageName})
	}
	if customerID != 0 && customerID != o.CustomerID {
		return o, 0, apperr.Invalid("customerId", msg.NotOpportunityCustomer, msg.P{"name": o.CustomerName})
	}
	return o, o.CustomerID, nil
}

func get(ctx context.Context, q store.Querier, id int64) (store.Quote, error) {
	x, err := store.GetQuote(ctx, q, id)
	if errors.Is(err, store.ErrNotFound) {
		return x, apperr.NotFound("id", msg.QuoteNotFound)
	}
	return x, err
}

// Get loads a quote, mapping a missing one to a not_found error.
func Get(ctx context.Context, q store.Querier, id int64) (store.Quote, error) { return get(ctx, q, id) }

// DraftFromOpportunity returns a new quote's input filled from an
// opportunity: its customer, owner, name and product lines (with the prices
// entered on the opportunity). The UI shows it for editing, then calls Create.
func (s *Service) DraftFromOpportunity(opportunityID int64) (Input, error) {
	ctx := s.env.Ctx()
	o, _, err := CheckOpportunity(ctx, s.st.DB, opportunityID, 0)
	if err != nil {
		return Input{}, err
	}
	lines, err := store.ListLines(ctx, s.st.DB, "opportunity_lines", opportunityID)
	if err != nil {
		return Input{}, err
	}
	now := s.env.Now()
	return Input{Title: o.Name, CustomerID: o.CustomerID, OpportunityID: o.ID, OwnerID: o.OwnerID,
		QuoteDate: now.Format("2006-01-02"), ValidUntil: now.AddDate(0, 0, DefaultValidDays).Format("2006-01-02"),
		Lines: product.LinesToInput(lines)}, nil
}

// build validates in against cur (zero for a new quote) and returns the
// header and lines to write.
func (s *Service) build(ctx context.Context, q store.Querier, in Input, cur store.Quote, keep map[int64]bool) (store.Quote, []store.Line, error) {
	x := cur
	var errs apperr.List
	var err error
	x.Title, err = validate.Text("title", msg.LabelTitle, in.Title, false, 100)
	errs.Add(err)
	custID := in.CustomerID
	x.OpportunityID = nil
	custOK := true
	if in.OpportunityID != 0 {
		o, cid, err := CheckOpportunity(ctx, q, in.OpportunityID, in.CustomerID)
		if errs.OK(err) {
			custID = cid
			x.OpportunityID = &o.ID
			oppLines, err := store.ListLines(ctx, q, "opportunity_lines", o.ID)
			errs.Add(err)
			for id := range product.ProductIDs(oppLines) {
				keep[id] = true
			}
		} else {
			custOK = false
		}
	}
	if c, err := customer.Resolve(ctx, q, custID); custOK && errs.OK(err) {
		x.CustomerID = c.ID
	}
	if w, err := owner.Resolve(ctx, q, in.OwnerID, cur.OwnerID); errs.OK(err) {
		x.OwnerID = w.ID
	}
	x.QuoteDate, err = validate.Date("quoteDate", msg.LabelQuoteDate, in.QuoteDate, false)
	dateOK := errs.OK(err)
	if x.QuoteDate == "" {
		x.QuoteDate = s.today()
	}
	if x.ValidUntil, err = validate.Date("validUntil", msg.LabelValidUntil, in.ValidUntil, false); errs.OK(err) &&
		dateOK && x.ValidUntil != "" && x.ValidUntil < x.QuoteDate {
		errs.Add(apperr.Invalid("validUntil", msg.ValidUntilBeforeDate))
	}
	x.Terms, err = validate.Text("terms", msg.LabelTerms, in.Terms, false, 4000)
	errs.Add(err)
	x.Notes, err = validate.Text("notes", msg.LabelNotes, in.Notes, false, 2000)
	errs.Add(err)
	var lines []store.Line
	if len(in.Lines) == 0 {
		errs.Add(apperr.Invalid("lines", msg.LinesRequired))
	} else {
		lines, x.TotalCents, err = product.BuildLines(ctx, q, x.CustomerID, in.Lines, keep)
		errs.Add(err)
	}
	return x, lines, errs.Err()
}

// Create adds a quote in the open status, numbered BJ-YYYYMMDD-NNN after its
// quote date.
func (s *Service) Create(in Input) (Detail, error) {
	ctx := s.env.Ctx()
	var id int64
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		x, lines, err := s.build(ctx, tx, in, store.Quote{}, map[int64]bool{})
		if err != nil {
			return err
		}
		if x.Number, err = store.NextQuoteNumber(ctx, tx, compact(x.QuoteDate)); err != nil {
			return err
		}
		if id, err = store.InsertQuote(ctx, tx, x); err != nil {
			return err
		}
		if err := store.InsertLines(ctx, tx, "quote_lines", id, lines); err != nil {
			return err
		}
		return s.log(ctx, tx, oplog.Create, id, store.Quote{}, nil)
	})
	if err != nil {
		return Detail{}, err
	}
	return s.Get(id)
}

// compact turns YYYY-MM-DD into YYYYMMDD.
func compact(date string) string {
	return date[0:4] + date[5:7] + date[8:10]
}

// refuse explains why a quote in its status cannot do action.
func refuse(x store.Quote, action msg.Key) error {
	return apperr.Conflict("status", msg.QuoteStatusRefuses, msg.P{"number": x.Number, "status": statusKey(x.Status), "action": action})
}

// Update edits an open quote (approved quotes are locked until 弃审; closed
// ones for good).
func (s *Service) Update(id int64, in Input) (Detail, error) {
	ctx := s.env.Ctx()
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		cur, err := get(ctx, tx, id)
		if err != nil {
			return err
		}
		if cur.Status != store.QuoteOpen {
			return refuse(cur, msg.QuoteNoEdit)
		}
		curLines, err := store.ListLines(ctx, tx, "quote_lines", id)
		if err != nil {
			return err
		}
		x, lines, err := s.build(ctx, tx, in, cur, product.ProductIDs(curLines))
		if err != nil {
			return err
		}
		if err := store.UpdateQuote(ctx, tx, x); err != nil {
			return err
		}
		if err := store.ReplaceLines(ctx, tx, "quote_lines", id, lines); err != nil {
			return err
		}
		return s.log(ctx, tx, oplog.Update, id, cur, curLines)
	})
	if err != nil {
		return Detail{}, err
	}
	return s.Get(id)
}

// Get returns a quote with its lines and orders.
func (s *Service) Get(id int64) (Detail, error) {
	ctx := s.env.Ctx()
	x, err := get(ctx, s.st.DB, id)
	if err != nil {
		return Detail{}, err
	}
	d := Detail{Quote: x}
	if d.Lines, err = store.ListLines(ctx, s.st.DB, "quote_lines", id); err != nil {
		return Detail{}, err
	}
	if d.Orders, _, err = store.ListOrders(ctx, s.st.DB, store.OrderFilter{QuoteID: id, Today: s.today()}, 0, 100); err != nil {
		return Detail{}, err
	}
	d.Allowed = allowed(x)
	return d, nil
}

func allowed(x store.Quote) []string {
	switch x.Status {
	case store.QuoteOpen:
		return []string{"edit", "approve", "close", "delete"}
	case store.QuoteApproved:
		a := []string{"close"}
		if x.Orders == 0 {
			a = append(a, "unapprove", "order")
		}
		return a
	}
	return []string{}
}

// Approve approves an open quote (审核); it may then become an order. A quote
// of an opportunity lost since cannot be approved.
func (s *Service) Approve(id int64) (Detail, error) {
	return s.transition(id, func(ctx context.Context, tx store.Tx, x store.Quote) (string, error) {
		if x.Status != store.QuoteOpen {
			return "", refuse(x, msg.QuoteNoApprove)
		}
		if x.OpportunityID != nil {
			if _, _, err := CheckOpportunity(ctx, tx, *x.OpportunityID, x.CustomerID); err != nil {
				return "", err
			}
		}
		return store.QuoteApproved, nil
	})
}

// Unapprove takes an approval back (弃审): the quote is open and editable
// again. Refused once an order (not voided) has been made from it.
func (s *Service) Unapprove(id int64) (Detail, error) {
	return s.transition(id, func(ctx context.Context, tx store.Tx, x store.Quote) (string, error) {
		if x.Status != store.QuoteApproved {
			return "", refuse(x, msg.QuoteNoUnapprove)
		}
		if x.Orders > 0 {
			return "", apperr.Conflict("status", msg.QuoteHasOrderUnapprove, msg.P{"number": x.Number})
		}
		return store.QuoteOpen, nil
	})
}

// Close closes an open or approved quote (关闭); a closed quote allows
// nothing more.
func (s *Service) Close(id int64) (Detail, error) {
	return s.transition(id, func(ctx context.Context, tx store.Tx, x store.Quote) (string, error) {
		if x.Status == store.QuoteClosed {
			return "", refuse(x, msg.QuoteNoClose)
		}
		return store.QuoteClosed, nil
	})
}

func (s *Service) transition(id int64, next func(ctx context.Context, tx store.Tx, x store.Quote) (string, error)) (Detail, error) {
	ctx := s.env.Ctx()
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		x, err := get(ctx, tx, id)
		if err != nil {
			return err
		}
		status, err := next(ctx, tx, x)
		if err != nil {
			return err
		}
		if err := store.SetQuoteStatus(ctx, tx, id, status); err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "quote", ID: id, Name: x.Number, Action: oplog.Update, Owner: x.OwnerName,
			Old: map[string]any{"status": x.Status}, New: map[string]any{"status": status}})
	})
	if err != nil {
		return Detail{}, err
	}
	return s.Get(id)
}

// log records a create (cur zero) or an edit of quote id, read back in tx
// with its lines.
func (s *Service) log(ctx context.Context, tx store.Tx, action string, id int64, cur store.Quote, curLines []store.Line) error {
	x, err := store.GetQuote(ctx, tx, id)
	if err != nil {
		return err
	}
	lines, err := store.ListLines(ctx, tx, "quote_lines", id)
	if err != nil {
		return err
	}
	e := oplog.Entry{Kind: "quote", ID: id, Name: x.Number, Action: action, Owner: x.OwnerName, New: oplog.Doc(x, lines)}
	if action == oplog.Update {
		e.Old = oplog.Doc(cur, curLines)
	}
	return oplog.Record(ctx, tx, e)
}

// Delete moves an open quote that never became an order, with its lines,
// to the recycle bin.
func (s *Service) Delete(id int64) error {
	ctx := s.env.Ctx()
	return s.st.Tx(ctx, func(tx store.Tx) error {
		x, err := get(ctx, tx, id)
		if err != nil {
			return err
		}
		if x.Status != store.QuoteOpen {
			return refuse(x, msg.QuoteNoDelete)
		}
		n, err := store.QuoteOrderCount(ctx, tx, id)
		if err != nil {
			return err
		}
		if n > 0 {
			return apperr.Conflict("id", msg.QuoteHadOrders, msg.P{"number": x.Number})
		}
		return recycle.Trash(ctx, tx, s.env.Now(), "quote", id, x.Number, x.OwnerName)
	})
}

// ForOrder loads a quote an order is being made from and checks that it may
// be: approved, with no order yet, its opportunity not lost.
func ForOrder(ctx context.Context, q store.Querier, id int64) (store.Quote, []store.Line, error) {
	x, err := store.GetQuote(ctx, q, id)
	if errors.Is(err, store.ErrNotFound) {
		return x, nil, apperr.Invalid("quoteId", msg.QuoteUnknown)
	}
	if err != nil {
		return x, nil, err
	}
	if x.Status != store.QuoteApproved {
		return x, nil, apperr.Conflict("quoteId", msg.QuoteNotApproved, msg.P{"number": x.Number, "status": statusKey(x.Status)})
	}
	if x.Orders > 0 {
		return x, nil, apperr.Conflict("quoteId", msg.QuoteHasOrder, msg.P{"number": x.Number})
	}
	if x.OpportunityID != nil {
		if _, _, err := CheckOpportunity(ctx, q, *x.OpportunityID, x.CustomerID); err != nil {
			return x, nil, err
		}
	}
	lines, err := store.ListLines(ctx, q, "quote_lines", id)
	return x, lines, err
}
