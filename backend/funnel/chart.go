package funnel

import (
	"encoding/base64"
	"fmt"
	"io"
	"strings"
	"time"

	"funneldesk/backend/apperr"
	"funneldesk/backend/chart"
	"funneldesk/backend/money"
	"funneldesk/backend/msg"
)

// ChartRequest asks for the funnel chart of a filter.
type ChartRequest struct {
	Filter Filter `json:"filter"`
	// Measure decides the band widths: "count" (default) or "amount".
	Measure string `json:"measure"`
	// Size is "screen" (1600×1000, default) or "print" (A4 landscape, 300 dpi).
	Size string `json:"size"`
	// Lang is "zh-CN" (default) or "en".
	Lang string `json:"lang"`
}

// ViewRequest asks for the funnel screen: its filter, what the band widths
// follow ("count" or "amount") and the chart's language.
type ViewRequest struct {
	Filter  Filter `json:"filter"`
	Measure string `json:"measure"`
	Lang    string `json:"lang"`
}

// View is the whole funnel screen from one computation: the table's figures
// and the chart drawn from those very figures, so they can never disagree
// and a refresh reads the database once.
type View struct {
	Report Report `json:"report"`
	Chart  Chart  `json:"chart"`
}

// Chart is a drawn funnel: the PNG as base64, its size, and where each
// stage's band lies so a click on the image opens that stage.
type Chart struct {
	PNG    string      `json:"png"`
	Width  int         `json:"width"`
	Height int         `json:"height"`
	Areas  []StageArea `json:"areas"`
}

// StageArea is a band's rectangle in image pixels.
type StageArea struct {
	StageID int64 `json:"stageId"`
	X       int   `json:"x"`
	Y       int   `json:"y"`
	W       int   `json:"w"`
	H       int   `json:"h"`
}

// View computes the funnel for req's filter once and returns its figures
// with the chart at screen size.
func (s *Service) View(req ViewRequest) (View, error) {
	creq := ChartRequest{Filter: req.Filter, Measure: req.Measure, Size: "screen", Lang: req.Lang}
	if _, _, err := chartSize(creq); err != nil {
		return View{}, err
	}
	rep, err := Compute(s.env.Ctx(), s.st.DB, req.Filter)
	if err != nil {
		return View{}, err
	}
	b, areas, w, h, err := draw(rep, creq)
	if err != nil {
		return View{}, err
	}
	ch := Chart{PNG: base64.StdEncoding.EncodeToString(b), Width: w, Height: h, Areas: []StageArea{}}
	for _, a := range areas {
		ch.Areas = append(ch.Areas, StageArea{StageID: rep.Stages[a.Band].StageID, X: a.X, Y: a.Y, W: a.W, H: a.H})
	}
	return View{Report: rep, Chart: ch}, nil
}

// SaveChart draws the funnel chart of req as a PNG and writes it where the
// user chooses (the native save dialog; the --save-dir when headless). It
// returns the path written, or "" when the user cancelled. The PNG goes
// from Go to the disk: nothing travels through the bridge.
func (s *Service) SaveChart(req ChartRequest) (string, error) {
	if _, _, err := chartSize(req); err != nil {
		return "", err
	}
	rep, err := Compute(s.env.Ctx(), s.st.DB, req.Filter)
	if err != nil {
		return "", err
	}
	return s.env.SaveFile(FileName(req, s.env.Now()), func(w io.Writer) error {
		b, err := DrawPNG(rep, req)
		if err != nil {
			return err
		}
		_, err = w.Write(b)
		return err
	})
}

// FileName is the name the save dialog suggests: 销售漏斗-20260105.png, and
// -A4 before the extension for the print size.
func FileName(req ChartRequest, now time.Time) string {
	name := "销售漏斗"
	if req.Lang == "en" {
		name = "sales-funnel"
	}
	name += "-" + now.Format("20060102")
	if req.Size == "print" {
		name += "-A4"
	}
	return name + ".png"
}

// DrawPNG draws a computed report at the requested size.
func DrawPNG(rep Report, req ChartRequest) ([]byte, error) {
	b, _, _, _, err := draw(rep, req)
	return b, err
}

// chartSize checks req's size and measure and returns the image size.
func chartSize(req ChartRequest) (int, int, error) {
	w, h := chart.ScreenWidth, chart.ScreenHeight
	switch req.Size {
	case "", "screen":
	case "print":
		w, h = chart.PrintWidth, chart.PrintHeight
	default:
		return 0, 0, apperr.Invalid("size", msg.ChartSize)
	}
	switch req.Measure {
	case "", "count", "amount":
	default:
		return 0, 0, apperr.Invalid("measure", msg.FunnelMeasure)
	}
	return w, h, nil
}

func draw(rep Report, req ChartRequest) ([]byte, []chart.Area, int, int, error) {
	w, h, err := chartSize(req)
	if err != nil {
		return nil, nil, 0, 0, err
	}
	b, areas, err := chart.FunnelPNG(Drawing(rep, req.Measure, req.Lang), w, h)
	return b, areas, w, h, err
}

// Drawing turns a report into the chart's bands and captions.
func Drawing(rep Report, measure, lang string) chart.Funnel {
	en := lang == "en"
	tr := func(zh, e string) string {
		if en {
			return e
		}
		return zh
	}
	f := chart.Funnel{
		Title:    tr("销售漏斗", "Sales funnel"),
		Subtitle: []string{Describe(rep, lang)},
		Empty:    tr("没有符合条件的销售机会", "No opportunities match the filters"),
	}
	gen := rep.GeneratedAt
	if t, err := time.Parse(time.RFC3339, gen); err == nil {
		gen = t.Format("2006-01-02 15:04")
	}
	widthBy := tr("漏斗宽度按机会数", "Band widths by count")
	if measure == "amount" {
		widthBy = tr("漏斗宽度按机会金额", "Band widths by amount")
	}
	f.Subtitle = append(f.Subtitle, tr("生成时间：", "Generated: ")+gen+"    "+widthBy)
	for _, r := range rep.Stages {
		v := int64(r.Count)
		if measure == "amount" {
			v = r.AmountCents
		}
		f.Bands = append(f.Bands, chart.Band{Name: r.Name, Kind: r.Kind, Value: v, Lines: []string{
			fmt.Sprintf(tr("%d 个（%s）  金额 %s（%s）", "%d (%s)  amount %s (%s)"), r.Count, pct(r.CountShare), money.Yuan(r.AmountCents), pct(r.AmountShare)),
			fmt.Sprintf(tr("预期成交 %s（%s）", "expected %s (%s)"), money.Yuan(r.ExpectedCents), pct(r.ExpectedShare)),
		}})
	}
	f.Footer = fmt.Sprintf(tr("总计：%d 个销售机会    金额 %s    预期成交金额 %s", "Total: %d opportunities    amount %s    expected %s"),
		rep.Total.Count, money.Yuan(rep.Total.AmountCents), money.Yuan(rep.Total.ExpectedCents))
	return f
}

// Describe states the filters in force, for the screen and the chart.
func Describe(rep Report, lang string) string {
	en := lang == "en"
	all := "全部"
	if en {
		all = "all"
	}
	or := func(s string) string {
		if s == "" {
			return all
		}
		return s
	}
	period := all
	switch f := rep.Filter; {
	case f.From != "" && f.To != "":
		period = f.From + " ~ " + f.To
	case f.From != "":
		period = f.From + " ~"
	case f.To != "":
		period = "~ " + f.To
	}
	parts := []string{"负责人：" + or(rep.OwnerName), "预计完成日期：" + period, "类型：" + or(rep.Filter.Type), "来源：" + or(rep.Filter.Source)}
	if en {
		parts = []string{"Owner: " + or(rep.OwnerName), "Expected close: " + period, "Type: " + or(rep.Filter.Type), "Source: " + or(rep.Filter.Source)}
	}
	return strings.Join(parts, "    ")
}

// pct formats a share in hundredths of a percent as "33.33%".
func pct(share int) string {
	return fmt.Sprintf("%d.%02d%%", share/100, share%100)
}
