package quote

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

// Filter selects quotes. Sort is one of quoteDate (default, newest first),
// number, total, validUntil, status, createdAt, updatedAt.
type Filter = store.QuoteFilter

// ListRequest asks for one page (1-based) of quotes.
type ListRequest struct {
	Filter   Filter `json:"filter"`
	Page     int    `json:"page"`
	PageSize int    `json:"pageSize"`
}

// Page is one page of quotes and the total matching.
type Page struct {
	Items    []store.Quote `json:"items"`
	Total    int           `json:"total"`
	Page     int           `json:"page"`
	PageSize int           `json:"pageSize"`
}

func checkFilter(f Filter) error {
	if _, err := validate.Date("dateFrom", msg.LabelFrom, f.DateFrom, false); err != nil {
		return err
	}
	if _, err := validate.Date("dateTo", msg.LabelTo, f.DateTo, false); err != nil {
		return err
	}
	for _, st := range f.Statuses {
		if _, err := validate.OneOf("statuses", msg.LabelStatus, st, []string{store.QuoteOpen, store.QuoteApproved, store.QuoteClosed}); err != nil {
			return err
		}
	}
	if f.Sort != "" {
		if _, ok := store.QuoteSortColumns[f.Sort]; !ok {
			return apperr.Invalid("sort", msg.SortUnknown, msg.P{"sort": f.Sort})
		}
	}
	return nil
}

// List returns one page of quotes.
func (s *Service) List(req ListRequest) (Page, error) {
	if err := checkFilter(req.Filter); err != nil {
		return Page{}, err
	}
	off, lim := validate.Page(req.Page, req.PageSize)
	items, total, err := store.ListQuotes(s.env.Ctx(), s.st.DB, req.Filter, off, lim)
	if err != nil {
		return Page{}, err
	}
	return Page{Items: items, Total: total, Page: off/lim + 1, PageSize: lim}, nil
}

// CSVHeader is the header of exported quotes.
var CSVHeader = []string{"报价单号", "主题", "客户名称", "销售机会", "负责人", "报价日期", "有效期至", "状态", "金额", "已生成订单", "条款", "备注"}

// ExportCSV returns the quotes matching f as CSV (UTF-8 with a BOM).
func (s *Service) ExportCSV(f Filter) (string, error) {
	if err := checkFilter(f); err != nil {
		return "", err
	}
	return product.WriteCSV(CSVHeader, func(w *csv.Writer) error {
		return store.EachQuote(s.env.Ctx(), s.st.DB, f, func(x store.Quote) error {
			return w.Write([]string{x.Number, x.Title, x.CustomerName, x.OpportunityName, x.OwnerName, x.QuoteDate, x.ValidUntil,
				statusLabel(x.Status), money.Plain(x.TotalCents), strconv.Itoa(x.Orders), x.Terms, x.Notes})
		})
	})
}
