package report

import (
	"context"
	"encoding/base64"
	"errors"
	"io"
	"sort"
	"strings"
	"time"

	"funneldesk/backend/apperr"
	"funneldesk/backend/chart"
	"funneldesk/backend/customer"
	"funneldesk/backend/export"
	"funneldesk/backend/money"
	"funneldesk/backend/msg"
	"funneldesk/backend/owner"
	"funneldesk/backend/product"
	"funneldesk/backend/store"
)

// SalesRequest selects the product sales report. From and To are months
// (YYYY-MM, both inclusive; default the twelve months up to this one, at
// most 60). GroupBy is "product" (default) or "category" (the product's own
// category; products without one form 未分类, id 0). CategoryID keeps the
// products of a category and its sub-categories; OwnerIDs are the orders'
// owners.
type SalesRequest struct {
	GroupBy    string  `json:"groupBy"`
	From       string  `json:"from"`
	To         string  `json:"to"`
	CategoryID int64   `json:"categoryId"`
	OwnerIDs   []int64 `json:"ownerIds"`
	CustomerID int64   `json:"customerId"`
	// Lang ("zh-CN" default, or "en") is the language of Filters.
	Lang string `json:"lang"`
}

// SalesCell is a quantity (thousandths) and an amount (cents).
type SalesCell struct {
	QtyMilli    int64 `json:"qtyMilli"`
	AmountCents int64 `json:"amountCents"`
}

// SalesRow is one product or category: its cells per month (aligned with
// SalesReport.Months) and its total.
type SalesRow struct {
	ID     int64       `json:"id"`
	Code   string      `json:"code"`
	Name   string      `json:"name"`
	Unit   string      `json:"unit"`
	Months []SalesCell `json:"months"`
	Total  SalesCell   `json:"total"`
}

// SalesReport is the product sales pivot: rows by amount, largest first,
// with per-month totals and the grand total. Filters describes the filters
// in force (as on the chart).
type SalesReport struct {
	GroupBy string      `json:"groupBy"`
	Months  []string    `json:"months"`
	Rows    []SalesRow  `json:"rows"`
	Totals  []SalesCell `json:"totals"`
	Total   SalesCell   `json:"total"`
	Filters string      `json:"filters"`
	// words are the filters in force for an export's filters sheet.
	words export.Filters
}

// maxMonths bounds the report's period.
const maxMonths = 60

func parseMonth(field, s string) (time.Time, error) {
	t, err := time.Parse("2006-01", strings.TrimSpace(s))
	if err != nil {
		return t, apperr.Invalid(field, msg.MonthInvalid, msg.P{"value": s})
	}
	return t, nil
}

func (s *Service) months(req SalesRequest) ([]string, time.Time, time.Time, error) {
	now := s.env.Now()
	to := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)
	from := to.AddDate(0, -11, 0)
	var err error
	if req.To != "" {
		if to, err = parseMonth("to", req.To); err != nil {
			return nil, from, to, err
		}
		if req.From == "" {
			from = to.AddDate(0, -11, 0)
		}
	}
	if req.From != "" {
		if from, err = parseMonth("from", req.From); err != nil {
			return nil, from, to, err
		}
	}
	if from.After(to) {
		return nil, from, to, apperr.Invalid("from", msg.MonthsReversed)
	}
	var months []string
	for m := from; !m.After(to); m = m.AddDate(0, 1, 0) {
		months = append(months, m.Format("2006-01"))
		if len(months) > maxMonths {
			return nil, from, to, apperr.Invalid("from", msg.PeriodTooLong, msg.P{"max": maxMonths})
		}
	}
	return months, from, to, nil
}

func (s *Service) sales(ctx context.Context, req SalesRequest) (SalesReport, error) {
	if req.GroupBy == "" {
		req.GroupBy = "product"
	}
	if req.GroupBy != "product" && req.GroupBy != "category" {
		return SalesReport{}, apperr.Invalid("groupBy", msg.SalesGroupBy)
	}
	months, from, to, err := s.months(req)
	if err != nil {
		return SalesReport{}, err
	}
	q := s.st.DB
	f := store.SalesFilter{From: from.Format("2006-01-02"), To: to.AddDate(0, 1, 0).Format("2006-01-02"), OwnerIDs: req.OwnerIDs, CustomerID: req.CustomerID}
	lang := msg.Lang(req.Lang)
	all := msg.Render(lang, msg.All, nil)
	var filters []string
	caption := func(label msg.Key, value string) {
		filters = append(filters, msg.Render(lang, msg.Caption, msg.P{"label": label, "value": value}))
	}
	var words export.Filters
	words.AddWords(msg.LabelGroupBy, groupWords(req.GroupBy), nil)
	period := months[0] + " ~ " + months[len(months)-1]
	words.Add(msg.LabelPeriod, period)
	caption(msg.LabelPeriod, period)
	catName := all
	if req.CategoryID != 0 {
		cats, err := store.CategorySubtree(ctx, q, req.CategoryID)
		if err != nil {
			return SalesReport{}, err
		}
		c, err := store.GetCategory(ctx, q, req.CategoryID)
		if errors.Is(err, store.ErrNotFound) {
			return SalesReport{}, apperr.Invalid("categoryId", msg.CategoryUnknown)
		} else if err != nil {
			return SalesReport{}, err
		}
		catName = c.Name
		if f.ProductIDs, err = store.ProductsInCategories(ctx, q, cats); err != nil {
			return SalesReport{}, err
		}
	}
	caption(msg.LabelProductCategory, catName)
	if req.CategoryID != 0 {
		words.AddWords(msg.LabelProductCategory, msg.WithSubcats, msg.P{"name": catName})
	}
	ownerNames := all
	if len(req.OwnerIDs) > 0 {
		var names []string
		for _, id := range req.OwnerIDs {
			o, err := owner.Get(ctx, q, id)
			if err != nil {
				return SalesReport{}, err
			}
			names = append(names, o.Name)
		}
		ownerNames = strings.Join(names, msg.Render(lang, msg.ListSep, nil))
		words.Add(msg.LabelOwner, strings.Join(names, "、"))
	}
	caption(msg.LabelOwner, ownerNames)
	if req.CustomerID != 0 {
		c, err := customer.Resolve(ctx, q, req.CustomerID)
		if err != nil {
			return SalesReport{}, err
		}
		caption(msg.LabelCustomer, c.Name)
		words.Add(msg.LabelCustomer, c.Name)
	}

	cells, err := store.ProductSales(ctx, q, f)
	if err != nil {
		return SalesReport{}, err
	}
	ids := map[int64]bool{}
	for _, c := range cells {
		ids[c.ProductID] = true
	}
	idList := make([]int64, 0, len(ids))
	for id := range ids {
		idList = append(idList, id)
	}
	prods, err := store.ProductsByID(ctx, q, idList)
	if err != nil {
		return SalesReport{}, err
	}
	byProduct := map[int64]store.Product{}
	for _, p := range prods {
		byProduct[p.ID] = p
	}
	var catPath map[int64]string
	if req.GroupBy == "category" {
		cats, err := store.ListCategories(ctx, q)
		if err != nil {
			return SalesReport{}, err
		}
		catPath = map[int64]string{}
		for _, c := range cats {
			catPath[c.ID] = c.Path
		}
	}

	monthIdx := map[string]int{}
	for i, m := range months {
		monthIdx[m] = i
	}
	rep := SalesReport{GroupBy: req.GroupBy, Months: months, Rows: []SalesRow{}, Totals: make([]SalesCell, len(months)),
		Filters: strings.Join(filters, "    "), words: words}
	rows := map[int64]*SalesRow{}
	for _, c := range cells {
		mi, ok := monthIdx[c.Month]
		if !ok {
			continue
		}
		p := byProduct[c.ProductID]
		key := p.ID
		row := rows[key]
		if req.GroupBy == "category" {
			key = 0
			if p.CategoryID != nil {
				key = *p.CategoryID
			}
			row = rows[key]
			if row == nil {
				name := msg.Render(lang, msg.Uncategorised, nil)
				if key != 0 {
					name = catPath[key]
				}
				row = &SalesRow{ID: key, Name: name}
			}
		} else if row == nil {
			row = &SalesRow{ID: p.ID, Code: p.Code, Name: p.Name, Unit: p.Unit}
		}
		if row.Months == nil {
			row.Months = make([]SalesCell, len(months))
		}
		rows[key] = row
		row.Months[mi].QtyMilli += c.QtyMilli
		row.Months[mi].AmountCents += c.AmountCents
		row.Total.QtyMilli += c.QtyMilli
		row.Total.AmountCents += c.AmountCents
		rep.Totals[mi].QtyMilli += c.QtyMilli
		rep.Totals[mi].AmountCents += c.AmountCents
		rep.Total.QtyMilli += c.QtyMilli
		rep.Total.AmountCents += c.AmountCents
	}
	for _, r := range rows {
		rep.Rows = append(rep.Rows, *r)
	}
	sort.Slice(rep.Rows, func(i, j int) bool {
		a, b := rep.Rows[i], rep.Rows[j]
		if a.Total.AmountCents != b.Total.AmountCents {
			return a.Total.AmountCents > b.Total.AmountCents
		}
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		return a.Name < b.Name
	})
	return rep, nil
}

// groupWords words a grouping of the sales report ("按产品").
func groupWords(groupBy string) msg.Key {
	if groupBy == "category" {
		return msg.ByCategory
	}
	return msg.ByProduct
}

// ProductSales returns quantity and amount by product (or category) and
// month.
func (s *Service) ProductSales(req SalesRequest) (SalesReport, error) {
	return s.sales(s.env.Ctx(), req)
}

// ExportProductSales writes the report to a file the user picks, as CSV
// or XLSX (format): per row its quantity and amount in each month, then its
// totals; the last row is the monthly totals. It returns the path, or ""
// when the user cancelled. The file is in Chinese whatever req.Lang.
func (s *Service) ExportProductSales(req SalesRequest, format string) (string, error) {
	req.Lang = "zh-CN"
	rep, err := s.sales(s.env.Ctx(), req)
	if err != nil {
		return "", err
	}
	cols := []export.Column{{Label: msg.LabelProductCode, Kind: export.Text}, {Label: msg.LabelProductName, Kind: export.Text},
		{Label: msg.LabelUnit, Kind: export.Text}}
	if rep.GroupBy == "category" {
		cols = []export.Column{{Label: msg.LabelProductCategory, Kind: export.Text}}
	}
	for _, m := range rep.Months {
		cols = append(cols, export.Col(msg.ColMonthQty, msg.P{"month": m}, export.Qty), export.Col(msg.ColMonthAmount, msg.P{"month": m}, export.Money))
	}
	cols = append(cols, export.Column{Label: msg.LabelTotalQty, Kind: export.Qty}, export.Column{Label: msg.LabelTotalAmount, Kind: export.Money})
	words := append(export.Filters{}, rep.words...)
	words.AddWords(msg.LabelExplanation, msg.NetOfReturns, nil)
	total := msg.Render(msg.Zh, msg.LabelTotal, nil)
	return export.Save(s.env, "产品销售", format, export.Table{Sheet: "产品销售", Columns: cols, Filters: words,
		Rows: func(emit func(...any) error) error {
			write := func(lead []any, cells []SalesCell, total SalesCell) error {
				rec := append([]any{}, lead...)
				for _, c := range cells {
					rec = append(rec, c.QtyMilli, c.AmountCents)
				}
				return emit(append(rec, total.QtyMilli, total.AmountCents)...)
			}
			for _, r := range rep.Rows {
				lead := []any{r.Code, r.Name, r.Unit}
				if rep.GroupBy == "category" {
					lead = []any{r.Name}
				}
				if err := write(lead, r.Months, r.Total); err != nil {
					return err
				}
			}
			lead := []any{total, "", ""}
			if rep.GroupBy == "category" {
				lead = []any{total}
			}
			return write(lead, rep.Totals, rep.Total)
		}})
}

// SalesChartRequest asks for the product sales chart. Measure is "amount"
// (default) or "quantity"; Size "screen" (1600×1000, default) or "print"
// (A4 landscape at 300 dpi); Lang "zh-CN" (default) or "en". The bars are
// the months, each stacking the TopN (default 6, at most 8) largest rows and
// the rest as 其他.
type SalesChartRequest struct {
	Sales   SalesRequest `json:"sales"`
	Measure string       `json:"measure"`
	Size    string       `json:"size"`
	Lang    string       `json:"lang"`
	TopN    int          `json:"topN"`
}

// ProductSalesChartPNG draws the product sales chart and returns it as
// base64 PNG, for the screen (SaveProductSalesChart saves it to a file).
func (s *Service) ProductSalesChartPNG(req SalesChartRequest) (string, error) {
	b, err := RenderSalesChart(s, req)
	if err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(b), nil
}

// SaveProductSalesChart draws the product sales chart (screen or print
// size) and writes the PNG to a file the user picks. It returns the path,
// or "" when the user cancelled. Bad input is refused before the dialog.
func (s *Service) SaveProductSalesChart(req SalesChartRequest) (string, error) {
	b, err := RenderSalesChart(s, req)
	if err != nil {
		return "", err
	}
	base := "产品销售"
	if req.Size == "print" {
		base += "-A4" // beside the screen-size one, as the funnel names its PNGs
	}
	return export.SaveFile(s.env, export.FileName(base, s.today(), "png"), func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

// RenderSalesChart computes the report and draws its PNG. A function: the UI
// calls ProductSalesChartPNG, and a bound service's methods are only what the
// UI calls (see App.Bindings).
func RenderSalesChart(s *Service, req SalesChartRequest) ([]byte, error) {
	w, h := chart.ScreenWidth, chart.ScreenHeight
	switch req.Size {
	case "", "screen":
	case "print":
		w, h = chart.PrintWidth, chart.PrintHeight
	default:
		return nil, apperr.Invalid("size", msg.ChartSize)
	}
	qty := false
	switch req.Measure {
	case "", "amount":
	case "quantity":
		qty = true
	default:
		return nil, apperr.Invalid("measure", msg.SalesMeasure)
	}
	top := req.TopN
	if top <= 0 {
		top = 6
	}
	top = min(top, 8)
	req.Sales.Lang = req.Lang
	rep, err := s.sales(s.env.Ctx(), req.Sales)
	if err != nil {
		return nil, err
	}
	lang := msg.Lang(req.Lang)
	val := func(c SalesCell) int64 {
		if qty {
			return c.QtyMilli
		}
		return c.AmountCents
	}
	b := chart.Bars{Categories: rep.Months, Empty: msg.Render(lang, msg.SalesEmpty, nil)}
	by := groupWords(rep.GroupBy)
	if qty {
		b.Title = msg.Render(lang, msg.SalesQtyTitle, msg.P{"by": by})
		b.Format = func(v int64) string { return product.FormatQty(v) }
	} else {
		b.Title = msg.Render(lang, msg.SalesAmountTitle, msg.P{"by": by})
		// Whole yuan on the axis and the bars: "¥12,000" rather than "¥12,000.00".
		b.Format = func(v int64) string {
			if v%100 == 0 {
				s := money.Yuan(v)
				return s[:len(s)-3]
			}
			return money.Yuan(v)
		}
	}
	b.Subtitle = []string{rep.Filters, msg.Render(lang, msg.Caption, msg.P{"label": msg.LabelGeneratedAt, "value": s.env.Now().Format("2006-01-02 15:04")}) +
		"    " + msg.Render(lang, msg.NetOfReturns, nil)}
	other := chart.BarSeries{Name: msg.Render(lang, msg.Others, nil), Values: make([]int64, len(rep.Months))}
	for i, r := range rep.Rows {
		if i < top {
			name := r.Name
			if r.Code != "" {
				name = r.Code + " " + r.Name
			}
			sr := chart.BarSeries{Name: name, Values: make([]int64, len(rep.Months))}
			for m, c := range r.Months {
				sr.Values[m] = max(val(c), 0)
			}
			b.Series = append(b.Series, sr)
			continue
		}
		for m, c := range r.Months {
			other.Values[m] += max(val(c), 0)
		}
	}
	if len(rep.Rows) > top {
		b.Series = append(b.Series, other)
	}
	total := money.Yuan(rep.Total.AmountCents)
	if qty {
		total = product.FormatQty(rep.Total.QtyMilli)
	}
	b.Footer = msg.Render(lang, msg.Caption, msg.P{"label": msg.LabelTotal, "value": total})
	return chart.BarsPNG(b, w, h)
}
