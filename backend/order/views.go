package order

import (
	"encoding/csv"
	"strconv"

	"funneldesk/backend/apperr"
	"funneldesk/backend/money"
	"funneldesk/backend/msg"
	"funneldesk/backend/product"
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

// CSVHeader is the header of exported orders.
var CSVHeader = []string{"订单编号", "主题", "客户名称", "销售机会", "报价单号", "负责人", "签约日期", "状态", "订单金额", "退货金额",
	"净额", "已回款", "未回款", "逾期金额", "已开票", "备注", "作废原因"}

// ExportCSV returns the orders matching f as CSV (UTF-8 with a BOM).
func (s *Service) ExportCSV(f Filter) (string, error) {
	f, err := s.orderFilter(f)
	if err != nil {
		return "", err
	}
	return product.WriteCSV(CSVHeader, func(w *csv.Writer) error {
		return store.EachOrder(s.env.Ctx(), s.st.DB, f, func(o store.Order) error {
			return w.Write([]string{o.Number, o.Title, o.CustomerName, o.OpportunityName, o.QuoteNumber, o.OwnerName, o.SignedDate,
				statusLabel(o.Status), money.Plain(o.TotalCents), money.Plain(o.ReturnedCents), money.Plain(o.NetCents),
				money.Plain(o.ReceivedCents), money.Plain(o.OutstandingCents), money.Plain(o.OverdueCents), money.Plain(o.InvoicedCents),
				o.Notes, o.VoidReason})
		})
	})
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

// ReceiptCSVHeader is the header of exported receipts.
var ReceiptCSVHeader = []string{"回款编号", "回款日期", "订单编号", "客户名称", "期次", "负责人", "回款金额", "回款方式", "备注"}

// ExportReceiptsCSV returns the receipts matching f as CSV (UTF-8 with a BOM).
func (s *Service) ExportReceiptsCSV(f ReceiptFilter) (string, error) {
	if err := checkReceiptFilter(f); err != nil {
		return "", err
	}
	return product.WriteCSV(ReceiptCSVHeader, func(w *csv.Writer) error {
		return store.EachReceipt(s.env.Ctx(), s.st.DB, f, func(r store.Receipt) error {
			return w.Write([]string{r.Number, r.Date, r.OrderNumber, r.CustomerName, itoa(r.InstallmentSeq), r.OwnerName,
				money.Plain(r.AmountCents), r.Method, r.Note})
		})
	})
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

// InvoiceCSVHeader is the header of exported invoices.
var InvoiceCSVHeader = []string{"发票号码", "开票日期", "订单编号", "客户名称", "开票金额", "发票类型", "备注"}

// ExportInvoicesCSV returns the invoices matching f as CSV (UTF-8 with a BOM).
func (s *Service) ExportInvoicesCSV(f InvoiceFilter) (string, error) {
	if err := checkInvoiceFilter(f); err != nil {
		return "", err
	}
	return product.WriteCSV(InvoiceCSVHeader, func(w *csv.Writer) error {
		return store.EachInvoice(s.env.Ctx(), s.st.DB, f, func(v store.Invoice) error {
			return w.Write([]string{v.Number, v.Date, v.OrderNumber, v.CustomerName, money.Plain(v.AmountCents), v.Kind, v.Note})
		})
	})
}
