// Package report holds the money reports that follow orders: receivables
// (应收) per customer and per owner — due, received, outstanding and overdue
// as of today — and product sales by product or category and month, with
// its bar chart.
//
// Receivables read the payment plans: due is what the installments of
// orders not voided ask for, received what was paid against them, overdue
// what is unpaid of installments due before today. Product sales read the
// lines of orders not voided, by signing month, net of returns.
package report

import (
	"context"
	"slices"
	"strings"
	"time"

	"funneldesk/backend/apperr"
	"funneldesk/backend/customer"
	"funneldesk/backend/export"
	"funneldesk/backend/msg"
	"funneldesk/backend/owner"
	"funneldesk/backend/store"
	"funneldesk/backend/validate"

	"funneldesk/backend/svc"
)

// Service is bound to the UI.
type Service struct {
	st  *store.Store
	env *svc.Env
}

// NewService returns the report service over st.
func NewService(st *store.Store, env *svc.Env) *Service { return &Service{st: st, env: env} }

// SetClock makes the service read "today" from now (tests). A function: a
// bound service's methods are only what the UI calls (see App.Bindings).
func SetClock(s *Service, now func() time.Time) { s.env.SetClock(now) }

func (s *Service) today() string { return s.env.Now().Format("2006-01-02") }

// ReceivablesFilter selects installments: OwnerIDs are their responsible
// owners, Query matches the customer's name, DueFrom/DueTo bound the due
// date (inclusive).
type ReceivablesFilter = store.ReceivableFilter

// ReceivablesRequest asks for one page of the receivables report. GroupBy
// is "customer" (default) or "owner". Sort is one of name, due, received,
// outstanding (default, largest first), overdue. OverdueOnly keeps
// the rows with something overdue.
type ReceivablesRequest struct {
	GroupBy     string            `json:"groupBy"`
	Filter      ReceivablesFilter `json:"filter"`
	OverdueOnly bool              `json:"overdueOnly"`
	Sort        string            `json:"sort"`
	Desc        bool              `json:"desc"`
	Page        int               `json:"page"`
	PageSize    int               `json:"pageSize"`
}

// ReceivablesPage is one page of rows, how many rows there are, and the
// totals over all of them (Totals.ID is 0, Totals.Name 合计).
type ReceivablesPage struct {
	GroupBy  string                  `json:"groupBy"`
	Items    []store.ReceivableGroup `json:"items"`
	Total    int                     `json:"total"`
	Totals   store.ReceivableGroup   `json:"totals"`
	Page     int                     `json:"page"`
	PageSize int                     `json:"pageSize"`
	AsOf     string                  `json:"asOf"`
}

var receivableSorts = map[string]func(a, b store.ReceivableGroup) int{
	"name":        func(a, b store.ReceivableGroup) int { return strings.Compare(a.Name, b.Name) },
	"due":         func(a, b store.ReceivableGroup) int { return cmp64(a.DueCents, b.DueCents) },
	"received":    func(a, b store.ReceivableGroup) int { return cmp64(a.ReceivedCents, b.ReceivedCents) },
	"outstanding": func(a, b store.ReceivableGroup) int { return cmp64(a.OutstandingCents, b.OutstandingCents) },
	"overdue":     func(a, b store.ReceivableGroup) int { return cmp64(a.OverdueCents, b.OverdueCents) },
}

func cmp64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (s *Service) receivables(ctx context.Context, req ReceivablesRequest) ([]store.ReceivableGroup, store.ReceivableGroup, error) {
	var tot store.ReceivableGroup
	if _, err := validate.OneOf("groupBy", msg.LabelGroupBy, req.GroupBy, []string{"customer", "owner"}); err != nil {
		return nil, tot, err
	}
	f := req.Filter
	if _, err := validate.Date("dueFrom", msg.LabelFrom, f.DueFrom, false); err != nil {
		return nil, tot, err
	}
	if _, err := validate.Date("dueTo", msg.LabelTo, f.DueTo, false); err != nil {
		return nil, tot, err
	}
	sortKey := req.Sort
	desc := req.Desc
	if sortKey == "" {
		sortKey, desc = "outstanding", true
	}
	less, ok := receivableSorts[sortKey]
	if !ok {
		return nil, tot, apperr.Invalid("sort", msg.SortUnknown, msg.P{"sort": req.Sort})
	}
	rows, err := store.Receivables(ctx, s.st.DB, f, req.GroupBy, s.today())
	if err != nil {
		return nil, tot, err
	}
	if req.OverdueOnly {
		kept := rows[:0]
		for _, r := range rows {
			if r.OverdueCents > 0 {
				kept = append(kept, r)
			}
		}
		rows = kept
	}
	// Ties fall back to the id, so the order is total and pages never overlap.
	slices.SortFunc(rows, func(a, b store.ReceivableGroup) int {
		c := less(a, b)
		if c == 0 {
			return cmp64(a.ID, b.ID)
		}
		if desc {
			return -c
		}
		return c
	})
	for _, r := range rows {
		tot.DueCents += r.DueCents
		tot.ReceivedCents += r.ReceivedCents
		tot.OutstandingCents += r.OutstandingCents
		tot.OverdueCents += r.OverdueCents
	}
	tot.Name = msg.Render(msg.Zh, msg.LabelTotal, nil)
	return rows, tot, nil
}

// Receivables returns one page of the receivables report, as of today.
func (s *Service) Receivables(req ReceivablesRequest) (ReceivablesPage, error) {
	rows, tot, err := s.receivables(s.env.Ctx(), req)
	if err != nil {
		return ReceivablesPage{}, err
	}
	if req.GroupBy == "" {
		req.GroupBy = "customer"
	}
	off, lim := validate.Page(req.Page, req.PageSize)
	page := rows[min(off, len(rows)):min(off+lim, len(rows))]
	return ReceivablesPage{GroupBy: req.GroupBy, Items: append([]store.ReceivableGroup{}, page...), Total: len(rows), Totals: tot,
		Page: off/lim + 1, PageSize: lim, AsOf: s.today()}, nil
}

// ExportReceivables writes the whole report to a file the user picks, as
// CSV or XLSX (format), its totals last, and returns the path, or "" when
// the user cancelled.
func (s *Service) ExportReceivables(req ReceivablesRequest, format string) (string, error) {
	ctx := s.env.Ctx()
	rows, tot, err := s.receivables(ctx, req)
	if err != nil {
		return "", err
	}
	if err := export.CheckFormat(format); err != nil {
		return "", err
	}
	first, base, group := msg.LabelCustomerName, "应收款-按客户", msg.ByCustomer
	if req.GroupBy == "owner" {
		first, base, group = msg.LabelOwner, "应收款-按负责人", msg.ByOwner
	}
	var words export.Filters
	words.AddWords(msg.LabelGroupBy, group, nil)
	words.Add(msg.LabelAsOf, s.today())
	f := req.Filter
	owners, err := owner.Names(ctx, s.st.DB, f.OwnerIDs)
	if err != nil {
		return "", err
	}
	words.Add(msg.LabelOwner, owners)
	cust, err := customer.Name(ctx, s.st.DB, f.CustomerID)
	if err != nil {
		return "", err
	}
	words.Add(msg.LabelCustomer, cust)
	words.AddPeriod(msg.LabelDueDate, f.DueFrom, f.DueTo)
	if req.OverdueOnly {
		words.AddWords(msg.LabelOverdue, msg.OnlyOverdue, nil)
	}
	words.Add(msg.LabelSearch, f.Query)
	cols := []export.Column{{Label: first, Kind: export.Text}, {Label: msg.LabelReceivable, Kind: export.Money}, {Label: msg.LabelReceived, Kind: export.Money},
		{Label: msg.LabelUnpaid, Kind: export.Money}, {Label: msg.LabelOverdueAmount, Kind: export.Money}}
	return export.Save(s.env, base, format, export.Table{Sheet: base, Columns: cols, Filters: words,
		Rows: func(emit func(...any) error) error {
			for _, r := range append(rows, tot) {
				if err := emit(r.Name, r.DueCents, r.ReceivedCents, r.OutstandingCents, r.OverdueCents); err != nil {
					return err
				}
			}
			return nil
		}})
}
