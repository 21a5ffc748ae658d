package order

import (
	"context"
	"strconv"
	"strings"

	"funneldesk/backend/apperr"
	"funneldesk/backend/customer"
	"funneldesk/backend/export"
	"funneldesk/backend/msg"
	"funneldesk/backend/owner"
	"funneldesk/backend/store"
	"funneldesk/backend/validate"
)

func itoa(n int) string { return strconv.Itoa(n) }

// Filter selects orders. Sort is one of signedDate (default, newest first),
// number, total, net, received, outstanding, invoiced, status, createdAt,
// updatedAt. Overdue is as of today.
type Filter = store.OrderFilter

// ListRequest asks for one page (1-based) of orders.
type ListRequest struct {
	Filter   Filter `json:"filter"`
	Page     int    `json:"page"`
	PageSize int    `json:"pageSize"`
}

// Page is one page of orders and the total matching; AsOf is the day their
// overdue amounts are computed for.
type Page struct {
	Items    []store.Order `json:"items"`
	Total    int           `json:"total"`
	Page     int           `json:"page"`
	PageSize int           `json:"pageSize"`
	AsOf     string        `json:"asOf"`
}

func checkDates(fromField, from, toField, to string) error {
	if _, err := validate.Date(fromField, msg.LabelFrom, from, false); err != nil {
		return err
	}
	_, err := validate.Date(toField, msg.LabelTo, to, false)
	return err
}

func checkSort(sort string, cols map[string]string) error {
	if sort == "" {
		return nil
	}
	if _, ok := cols[sort]; !ok {
		return apperr.Invalid("sort", msg.SortUnknown, msg.P{"sort": sort})
	}
	return nil
}

func (s *Service) orderFilter(f Filter) (Filter, error) {
	if err := checkDates("signedFrom", f.SignedFrom, "signedTo", f.SignedTo); err != nil {
		return f, err
	}
	for _, st := range f.Statuses {
		if _, err := validate.OneOf("statuses", msg.LabelStatus, st, []string{store.OrderActive, store.OrderCompleted, store.OrderVoided}); err != nil {
			return f, err
		}
	}
	f.Today = s.today()
	return f, checkSort(f.Sort, store.OrderSortColumns)
}

// List returns one page of orders.
func (s *Service) List(req ListRequest) (Page, error) {
	f, err := s.orderFilter(req.Filter)
	if err != nil {
		return Page{}, err
	}
	off, lim := validate.Page(req.Page, req.PageSize)
	items, total, err := store.ListOrders(s.env.Ctx(), s.st.DB, f, off, lim)
	if err != nil {
		return Page{}, err
	}
	return Page{Items: items, Total: total, Page: off/lim + 1, PageSize: lim, AsOf: f.Today}, nil
}

// Columns are the columns of exported orders.
var Columns = []export.Column{
	{Label: msg.LabelOrderNumber, Kind: export.Text}, {Label: msg.LabelTitle, Kind: export.Text}, {Label: msg.LabelCustomerName, Kind: export.Text},
	{Label: msg.LabelOpportunity, Kind: export.Text}, {Label: msg.LabelQuoteNumber, Kind: export.Text}, {Label: msg.LabelOwner, Kind: export.Text},
	{Label: msg.LabelSignedDate, Kind: export.Date}, {Label: msg.LabelStatus, Kind: export.Text}, {Label: msg.LabelOrderAmount, Kind: export.Money},
	{Label: msg.LabelReturnedAmount, Kind: export.Money}, {Label: msg.LabelNetAmount, Kind: export.Money}, {Label: msg.LabelReceived, Kind: export.Money},
	{Label: msg.LabelUnpaid, Kind: export.Money}, {Label: msg.LabelOverdueAmount, Kind: export.Money}, {Label: msg.LabelInvoiced, Kind: export.Money},
	{Label: msg.LabelNotes, Kind: export.Text}, {Label: msg.LabelVoidReason, Kind: export.Text},
}

// Export writes the orders matching f to a file the user picks, as CSV or
// XLSX (format), and returns its path, or "" when the user cancelled.
func (s *Service) Export(f Filter, format string) (string, error) {
	f, err := s.orderFilter(f)
	if err != nil {
		return "", err
	}
	if err := export.CheckFormat(format); err != nil {
		return "", err
	}
	ctx := s.env.Ctx()
	w := words{ctx: ctx, q: s.st.DB, today: f.Today}
	labels := make([]string, len(f.Statuses))
	for i, st := range f.Statuses {
		labels[i] = statusLabel(st)
	}
	w.Add(msg.LabelStatus, strings.Join(labels, "、"))
	w.customer(f.CustomerID)
	w.name(msg.LabelOpportunity, f.OpportunityID, func(id int64) (string, error) {
		o, err := store.GetOpportunity(ctx, s.st.DB, id)
		return o.Name, err
	})
	w.name(msg.LabelQuote, f.QuoteID, func(id int64) (string, error) {
		q, err := store.GetQuote(ctx, s.st.DB, id)
		return q.Number, err
	})
	w.owners(f.OwnerIDs)
	w.AddPeriod(msg.LabelSignedDate, f.SignedFrom, f.SignedTo)
	if f.Overdue {
		w.AddWords(msg.LabelOverdue, msg.OnlyOverdueOrder, msg.P{"date": f.Today})
	}
	if f.Outstanding {
		w.AddWords(msg.LabelUnpaid, msg.OnlyUnpaidOrder, nil)
	}
	w.Add(msg.LabelSearch, f.Query)
	if w.err != nil {
		return "", w.err
	}
	return export.Save(s.env, "合同订单", format, export.Table{Sheet: "合同订单", Columns: Columns, Filters: w.Filters,
		Rows: func(emit func(...any) error) error {
			return store.EachOrder(ctx, s.st.DB, f, func(o store.Order) error {
				return emit(o.Number, o.Title, o.CustomerName, o.OpportunityName, o.QuoteNumber, o.OwnerName, o.SignedDate,
					statusLabel(o.Status), o.TotalCents, o.ReturnedCents, o.NetCents, o.ReceivedCents, o.OutstandingCents,
					o.OverdueCents, o.InvoicedCents, o.Notes, o.VoidReason)
			})
		}})
}

// words gathers the filters in force in words; the first lookup that fails
// stops it (err).
type words struct {
	export.Filters
	ctx   context.Context
	q     store.Querier
	today string
	err   error
}

func (w *words) name(label msg.Key, id int64, name func(int64) (string, error)) {
	if w.err != nil {
		return
	}
	var n string
	n, w.err = export.Name(id, name)
	w.Add(label, n)
}

func (w *words) customer(id int64) {
	w.name(msg.LabelCustomer, id, func(id int64) (string, error) { return customer.Name(w.ctx, w.q, id) })
}

func (w *words) order(id int64) {
	w.name(msg.LabelOrder, id, func(id int64) (string, error) {
		o, err := store.GetOrder(w.ctx, w.q, id, w.today)
		return o.Number, err
	})
}

func (w *words) owners(ids []int64) {
	if w.err != nil {
		return
	}
	var n string
	n, w.err = owner.Names(w.ctx, w.q, ids)
	w.Add(msg.LabelOwner, n)
}

// ReceiptFilter selects receipts. Sort is one of date (default, newest
// first), number, amount, createdAt. OwnerIDs are the installments' owners.
type ReceiptFilter = store.ReceiptFilter

// ReceiptListRequest asks for one page (1-based) of receipts.
type ReceiptListRequest struct {
	Filter   ReceiptFilter `json:"filter"`
	Page     int           `json:"page"`
	PageSize int           `json:"pageSize"`
}

// ReceiptPage is one page of receipts, the total matching and their sum.
type ReceiptPage struct {
	Items    []store.Receipt `json:"items"`
	Total    int             `json:"total"`
	SumCents int64           `json:"sumCents"`
	Page     int             `json:"page"`
	PageSize int             `json:"pageSize"`
}

func checkReceiptFilter(f ReceiptFilter) error {
	if err := checkDates("dateFrom", f.DateFrom, "dateTo", f.DateTo); err != nil {
		return err
	}
	return checkSort(f.Sort, store.ReceiptSortColumns)
}

// ListReceipts returns one page of receipts (回款).
func (s *Service) ListReceipts(req ReceiptListRequest) (ReceiptPage, error) {
	if err := checkReceiptFilter(req.Filter); err != nil {
		return ReceiptPage{}, err
	}
	off, lim := validate.Page(req.Page, req.PageSize)
	items, total, sum, err := store.ListReceipts(s.env.Ctx(), s.st.DB, req.Filter, off, lim)
	if err != nil {
		return ReceiptPage{}, err
	}
	return ReceiptPage{Items: items, Total: total, SumCents: sum, Page: off/lim + 1, PageSize: lim}, nil
}

// ReceiptColumns are the columns of exported receipts.
var ReceiptColumns = []export.Column{
	{Label: msg.LabelReceiptNumber, Kind: export.Text}, {Label: msg.LabelReceiptDate, Kind: export.Date}, {Label: msg.LabelOrderNumber, Kind: export.Text},
	{Label: msg.LabelCustomerName, Kind: export.Text}, {Label: msg.LabelInstallmentNumber, Kind: export.Int}, {Label: msg.LabelOwner, Kind: export.Text},
	{Label: msg.LabelReceiptAmount, Kind: export.Money}, {Label: msg.LabelReceiptMethod, Kind: export.Text}, {Label: msg.LabelNotes, Kind: export.Text},
}

// ExportReceipts writes the receipts matching f to a file the user picks,
// as CSV or XLSX (format), and returns its path, or "" when the user
// cancelled.
func (s *Service) ExportReceipts(f ReceiptFilter, format string) (string, error) {
	if err := checkReceiptFilter(f); err != nil {
		return "", err
	}
	if err := export.CheckFormat(format); err != nil {
		return "", err
	}
	ctx := s.env.Ctx()
	w := words{ctx: ctx, q: s.st.DB, today: s.today()}
	w.customer(f.CustomerID)
	w.order(f.OrderID)
	w.owners(f.OwnerIDs)
	w.Add(msg.LabelReceiptMethod, strings.Join(f.Methods, "、"))
	w.AddPeriod(msg.LabelReceiptDate, f.DateFrom, f.DateTo)
	w.Add(msg.LabelSearch, f.Query)
	if w.err != nil {
		return "", w.err
	}
	return export.Save(s.env, "回款", format, export.Table{Sheet: "回款", Columns: ReceiptColumns, Filters: w.Filters,
		Rows: func(emit func(...any) error) error {
			return store.EachReceipt(ctx, s.st.DB, f, func(r store.Receipt) error {
				return emit(r.Number, r.Date, r.OrderNumber, r.CustomerName, r.InstallmentSeq, r.OwnerName, r.AmountCents, r.Method, r.Note)
			})
		}})
}

// InvoiceFilter selects invoices. Sort is one of date (default, newest
// first), number, amount, createdAt. OwnerIDs are the orders' owners.
type InvoiceFilter = store.InvoiceFilter

// InvoiceListRequest asks for one page (1-based) of invoices.
type InvoiceListRequest struct {
	Filter   InvoiceFilter `json:"filter"`
	Page     int           `json:"page"`
	PageSize int           `json:"pageSize"`
}

// InvoicePage is one page of invoices, the total matching and their sum.
type InvoicePage struct {
	Items    []store.Invoice `json:"items"`
	Total    int             `json:"total"`
	SumCents int64           `json:"sumCents"`
	Page     int             `json:"page"`
	PageSize int             `json:"pageSize"`
}

func checkInvoiceFilter(f InvoiceFilter) error {
	if err := checkDates("dateFrom", f.DateFrom, "dateTo", f.DateTo); err != nil {
		return err
	}
	return checkSort(f.Sort, store.InvoiceSortColumns)
}

// ListInvoices returns one page of invoices (发票).
func (s *Service) ListInvoices(req InvoiceListRequest) (InvoicePage, error) {
	if err := checkInvoiceFilter(req.Filter); err != nil {
		return InvoicePage{}, err
	}
	off, lim := validate.Page(req.Page, req.PageSize)
	items, total, sum, err := store.ListInvoices(s.env.Ctx(), s.st.DB, req.Filter, off, lim)
	if err != nil {
		return InvoicePage{}, err
	}
	return InvoicePage{Items: items, Total: total, SumCents: sum, Page: off/lim + 1, PageSize: lim}, nil
}

// InvoiceColumns are the columns of exported invoices.
var InvoiceColumns = []export.Column{
	{Label: msg.LabelInvoiceNumber, Kind: export.Text}, {Label: msg.LabelInvoiceDate, Kind: export.Date}, {Label: msg.LabelOrderNumber, Kind: export.Text},
	{Label: msg.LabelCustomerName, Kind: export.Text}, {Label: msg.LabelInvoiceAmount, Kind: export.Money}, {Label: msg.LabelInvoiceKind, Kind: export.Text},
	{Label: msg.LabelNotes, Kind: export.Text},
}

// ExportInvoices writes the invoices matching f to a file the user picks,
// as CSV or XLSX (format), and returns its path, or "" when the user
// cancelled.
func (s *Service) ExportInvoices(f InvoiceFilter, format string) (string, error) {
	if err := checkInvoiceFilter(f); err != nil {
		return "", err
	}
	if err := export.CheckFormat(format); err != nil {
		return "", err
	}
	ctx := s.env.Ctx()
	w := words{ctx: ctx, q: s.st.DB, today: s.today()}
	w.customer(f.CustomerID)
	w.order(f.OrderID)
	w.owners(f.OwnerIDs)
	w.Add(msg.LabelInvoiceKind, strings.Join(f.Kinds, "、"))
	w.AddPeriod(msg.LabelInvoiceDate, f.DateFrom, f.DateTo)
	w.Add(msg.LabelSearch, f.Query)
	if w.err != nil {
		return "", w.err
	}
	return export.Save(s.env, "开票", format, export.Table{Sheet: "开票", Columns: InvoiceColumns, Filters: w.Filters,
		Rows: func(emit func(...any) error) error {
			return store.EachInvoice(ctx, s.st.DB, f, func(v store.Invoice) error {
				return emit(v.Number, v.Date, v.OrderNumber, v.CustomerName, v.AmountCents, v.Kind, v.Note)
			})
		}})
}
