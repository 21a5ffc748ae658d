package quote

import (
	"context"
	"strings"

	"funneldesk/backend/apperr"
	"funneldesk/backend/customer"
	"funneldesk/backend/export"
	"funneldesk/backend/msg"
	"funneldesk/backend/owner"
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

// Columns are the columns of exported quotes.
var Columns = []export.Column{
	{Label: msg.LabelQuoteNumber, Kind: export.Text}, {Label: msg.LabelTitle, Kind: export.Text}, {Label: msg.LabelCustomerName, Kind: export.Text},
	{Label: msg.LabelOpportunity, Kind: export.Text}, {Label: msg.LabelOwner, Kind: export.Text}, {Label: msg.LabelQuoteDate, Kind: export.Date},
	{Label: msg.LabelValidUntil, Kind: export.Date}, {Label: msg.LabelStatus, Kind: export.Text}, {Label: msg.LabelAmount, Kind: export.Money},
	{Label: msg.LabelQuoteOrders, Kind: export.Int}, {Label: msg.LabelTerms, Kind: export.Text}, {Label: msg.LabelNotes, Kind: export.Text},
}

// Export writes the quotes matching f to a file the user picks, as CSV or
// XLSX (format), and returns its path, or "" when the user cancelled.
func (s *Service) Export(f Filter, format string) (string, error) {
	if err := checkFilter(f); err != nil {
		return "", err
	}
	if err := export.CheckFormat(format); err != nil {
		return "", err
	}
	ctx := s.env.Ctx()
	fs, err := filterWords(ctx, s.st.DB, f)
	if err != nil {
		return "", err
	}
	return export.Save(s.env, "报价单", format, export.Table{Sheet: "报价单", Columns: Columns, Filters: fs,
		Rows: func(emit func(...any) error) error {
			return store.EachQuote(ctx, s.st.DB, f, func(x store.Quote) error {
				return emit(x.Number, x.Title, x.CustomerName, x.OpportunityName, x.OwnerName, x.QuoteDate, x.ValidUntil,
					statusLabel(x.Status), x.TotalCents, x.Orders, x.Terms, x.Notes)
			})
		}})
}

func filterWords(ctx context.Context, q store.Querier, f Filter) (export.Filters, error) {
	var fs export.Filters
	labels := make([]string, len(f.Statuses))
	for i, st := range f.Statuses {
		labels[i] = statusLabel(st)
	}
	fs.Add(msg.LabelStatus, strings.Join(labels, "、"))
	cust, err := customer.Name(ctx, q, f.CustomerID)
	if err != nil {
		return nil, err
	}
	fs.Add(msg.LabelCustomer, cust)
	opp, err := export.Name(f.OpportunityID, func(id int64) (string, error) {
		o, err := store.GetOpportunity(ctx, q, id)
		return o.Name, err
	})
	if err != nil {
		return nil, err
	}
	fs.Add(msg.LabelOpportunity, opp)
	owners, err := owner.Names(ctx, q, f.OwnerIDs)
	if err != nil {
		return nil, err
	}
	fs.Add(msg.LabelOwner, owners)
	fs.AddPeriod(msg.LabelQuoteDate, f.DateFrom, f.DateTo)
	fs.Add(msg.LabelSearch, f.Query)
	return fs, nil
}
