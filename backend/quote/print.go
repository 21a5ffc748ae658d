package quote

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"html/template"
	"io"

	"funneldesk/backend/export"
	"funneldesk/backend/money"
	"funneldesk/backend/msg"
	"funneldesk/backend/product"
	"funneldesk/backend/store"
	"funneldesk/backend/validate"
)

// Company is the seller's details printed on quotes, set once in settings.
type Company struct {
	Name        string `json:"name"`
	Address     string `json:"address"`
	Phone       string `json:"phone"`
	Fax         string `json:"fax"`
	Email       string `json:"email"`
	TaxID       string `json:"taxId"`
	BankName    string `json:"bankName"`
	BankAccount string `json:"bankAccount"`
}

// companyKey is the settings key holding the company as JSON.
const companyKey = "company"

// Company returns the company details (empty until set).
func (s *Service) Company() (Company, error) {
	return loadCompany(s.env.Ctx(), s.st.DB)
}

func loadCompany(ctx context.Context, q store.Querier) (Company, error) {
	var c Company
	js, err := store.GetSetting(ctx, q, companyKey, "")
	if err != nil || js == "" {
		return c, err
	}
	err = json.Unmarshal([]byte(js), &c)
	return c, err
}

// SetCompany saves the company details; the name is required.
func (s *Service) SetCompany(in Company) (Company, error) {
	var c Company
	fields := []struct {
		dst      *string
		field, v string
		label    msg.Key
		required bool
		max      int
	}{
		{&c.Name, "name", in.Name, msg.LabelCompanyName, true, 100},
		{&c.Address, "address", in.Address, msg.LabelAddress, false, 200},
		{&c.Phone, "phone", in.Phone, msg.LabelPhone, false, 50},
		{&c.Fax, "fax", in.Fax, msg.LabelFax, false, 50},
		{&c.Email, "email", in.Email, msg.LabelEmail, false, 100},
		{&c.TaxID, "taxId", in.TaxID, msg.LabelTaxID, false, 30},
		{&c.BankName, "bankName", in.BankName, msg.LabelBankName, false, 100},
		{&c.BankAccount, "bankAccount", in.BankAccount, msg.LabelBankAccount, false, 50},
	}
	for _, f := range fields {
		v, err := validate.Text(f.field, f.label, f.v, f.required, f.max)
		if err != nil {
			return Company{}, err
		}
		*f.dst = v
	}
	js, err := json.Marshal(c)
	if err != nil {
		return Company{}, err
	}
	if err := s.st.Tx(s.env.Ctx(), func(tx store.Tx) error {
		return store.SetSetting(s.env.Ctx(), tx, companyKey, string(js))
	}); err != nil {
		return Company{}, err
	}
	return c, nil
}

// PrintLine is one line of the printed quote, its figures already written
// out ("1,234.56", "95%").
type PrintLine struct {
	No          int    `json:"no"`
	ProductCode string `json:"productCode"`
	ProductName string `json:"productName"`
	Unit        string `json:"unit"`
	Quantity    string `json:"quantity"`
	UnitPrice   string `json:"unitPrice"`
	// Discount is the discount in percent ("5%"), empty for none.
	Discount   string `json:"discount"`
	Total      string `json:"total"`
	TotalCents int64  `json:"totalCents"`
}

// Print is everything the printable quote shows.
type Print struct {
	Company  Company             `json:"company"`
	Quote    store.Quote         `json:"quote"`
	Customer store.PrintCustomer `json:"customer"`
	Lines    []PrintLine         `json:"lines"`
	// TotalCents in figures (TotalFigures "¥12,345.67") and in Chinese
	// capitals (TotalCapital "壹万贰仟叁佰肆拾伍元陆角柒分").
	TotalCents   int64  `json:"totalCents"`
	TotalFigures string `json:"totalFigures"`
	TotalCapital string `json:"totalCapital"`
	// StatusLabel is the status in Chinese (开立, 已审核, 关闭).
	StatusLabel string `json:"statusLabel"`
	QuoteDate   string `json:"quoteDate"`
	ValidUntil  string `json:"validUntil"`
	PrintedOn   string `json:"printedOn"`
}

// printData returns what the printed quote shows: the company, the customer,
// the lines with product names and units, the total in figures and in
// capitals, and the dates.
func (s *Service) printData(id int64) (Print, error) {
	ctx := s.env.Ctx()
	x, err := get(ctx, s.st.DB, id)
	if err != nil {
		return Print{}, err
	}
	p := Print{Quote: x, TotalCents: x.TotalCents, TotalFigures: money.Yuan(x.TotalCents), TotalCapital: Capital(x.TotalCents),
		StatusLabel: statusLabel(x.Status), QuoteDate: x.QuoteDate, ValidUntil: x.ValidUntil, PrintedOn: s.today()}
	if p.Company, err = loadCompany(ctx, s.st.DB); err != nil {
		return Print{}, err
	}
	if p.Customer, err = store.GetPrintCustomer(ctx, s.st.DB, x.CustomerID); err != nil {
		return Print{}, err
	}
	lines, err := store.ListLines(ctx, s.st.DB, "quote_lines", id)
	if err != nil {
		return Print{}, err
	}
	p.Lines = make([]PrintLine, len(lines))
	for i, l := range lines {
		disc := ""
		if l.DiscountBP > 0 {
			disc = money.Percent(l.DiscountBP) + "%"
		}
		p.Lines[i] = PrintLine{No: i + 1, ProductCode: l.ProductCode, ProductName: l.ProductName, Unit: l.Unit,
			Quantity: product.FormatQty(l.QtyMilli), UnitPrice: grouped(l.UnitPriceCents), Discount: disc,
			Total: grouped(l.TotalCents), TotalCents: l.TotalCents}
	}
	return p, nil
}

// grouped is "1,234.56" (money.Yuan without the sign).
func grouped(cents int64) string {
	s := money.Yuan(cents)
	if len(s) > 0 && s[0] == '-' {
		return "-" + s[len("-¥"):]
	}
	return s[len("¥"):]
}

//go:embed print.html
var printHTML string

var printTemplate = template.Must(template.New("quote").Parse(printHTML))

// PrintHTML returns the printable quote as one self-contained A4 HTML page
// (inline styles, no scripts): the UI shows it in a frame and prints it, or
// the browser saves it as PDF.
func (s *Service) PrintHTML(id int64) (string, error) {
	p, err := s.printData(id)
	if err != nil {
		return "", err
	}
	return RenderHTML(p)
}

// RenderHTML writes p as the printable page.
func RenderHTML(p Print) (string, error) {
	var b bytes.Buffer
	if err := printTemplate.Execute(&b, p); err != nil {
		return "", err
	}
	return b.String(), nil
}

// SavePrintHTML writes the printable quote to a file the user picks
// (报价单-NUMBER.html) and returns its path, or "" when the user cancelled.
func (s *Service) SavePrintHTML(id int64) (string, error) {
	p, err := s.printData(id)
	if err != nil {
		return "", err
	}
	return export.SaveFile(s.env, "报价单-"+p.Quote.Number+".html", func(w io.Writer) error {
		return printTemplate.Execute(w, p)
	})
}
