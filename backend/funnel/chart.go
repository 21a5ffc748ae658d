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
	// FiguresOnly leaves the chart out: the screen shows the table at
	// once and has the chart drawn from those figures (DrawChart) after,
	// since drawing costs more than the figures.
	FiguresOnly bool `json:"figuresOnly"`
}

// DrawRequest asks for the screen chart of figures View returned.
type DrawRequest struct {
	Report  Report `json:"report"`
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
	if req.FiguresOnly {
		return View{Report: rep, Chart: Chart{Areas: []StageArea{}}}, nil
	}
	ch, err := screenChart(rep, creq)
	return View{Report: rep, Chart: ch}, err
}

// DrawChart draws the screen chart of figures View returned (FiguresOnly),
// without reading the database: the chart shows exactly the table's
// figures.
func (s *Service) DrawChart(req DrawRequest) (Chart, error) {
	return screenChart(req.Report, ChartRequest{Measure: req.Measure, Size: "screen", Lang: req.Lang})
}

func screenChart(rep Report, creq ChartRequest) (Chart, error) {
	b, areas, w, h, err := draw(rep, creq)
	if err != nil {
		return Chart{}, err
	}
	ch := Chart{PNG: base64.StdEncoding.EncodeToString(b), Width: w, Height: h, Areas: []StageArea{}}
	for _, a := range areas {
		if a.Band >= 0 && a.Band < len(rep.Stages) {
			ch.Areas = append(ch.Areas, StageArea{StageID: rep.Stages[a.Band].StageID, X: a.X, Y: a.Y, W: a.W, H: a.H})
		}
	}
	return ch, nil
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
	name := msg.Render(msg.Lang(req.Lang), msg.FunnelFile, nil) + "-" + now.Format("20060102")
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

// Drawing turns a report into the chart's bands and captions, in lang
// ("en", or Chinese for anything else).
func Drawing(rep Report, measure, lang string) chart.Funnel {
	l := msg.Lang(lang)
	f := chart.Funnel{
		Title:    msg.Render(l, msg.FunnelTitle, nil),
		Subtitle: []string{Describe(rep, lang)},
		Empty:    msg.Render(l, msg.FunnelEmpty, nil),
	}
	gen := rep.GeneratedAt
	if t, err := time.Parse(time.RFC3339, gen); err == nil {
		gen = t.Format("2006-01-02 15:04")
	}
	widthBy := msg.FunnelByCount
	if measure == "amount" {
		widthBy = msg.FunnelByAmount
	}
	f.Subtitle = append(f.Subtitle, msg.Render(l, msg.Caption, msg.P{"label": msg.LabelGeneratedAt, "value": gen})+"    "+msg.Render(l, widthBy, nil))
	for _, r := range rep.Stages {
		v := int64(r.Count)
		if measure == "amount" {
			v = r.AmountCents
		}
		f.Bands = append(f.Bands, chart.Band{Name: r.Name, Kind: r.Kind, Value: v, Lines: []string{
			msg.Render(l, msg.FunnelBand, msg.P{"count": r.Count, "countShare": pct(r.CountShare), "amount": money.Yuan(r.AmountCents), "amountShare": pct(r.AmountShare)}),
			msg.Render(l, msg.FunnelBandExp, msg.P{"amount": money.Yuan(r.ExpectedCents), "share": pct(r.ExpectedShare)}),
		}})
	}
	f.Footer = msg.Render(l, msg.FunnelTotal, msg.P{"count": rep.Total.Count, "amount": money.Yuan(rep.Total.AmountCents), "expected": money.Yuan(rep.Total.ExpectedCents)})
	return f
}

// Describe states the filters in force, for the screen and the chart, with
// the same field labels as the forms and the exports.
func Describe(rep Report, lang string) string {
	l := msg.Lang(lang)
	or := func(s string) string {
		if s == "" {
			return msg.Render(l, msg.All, nil)
		}
		return s
	}
	period := ""
	switch f := rep.Filter; {
	case f.From != "" && f.To != "":
		period = f.From + " ~ " + f.To
	case f.From != "":
		period = f.From + " ~"
	case f.To != "":
		period = "~ " + f.To
	}
	parts := []string{
		msg.Render(l, msg.Caption, msg.P{"label": msg.LabelOwner, "value": or(rep.OwnerName)}),
		msg.Render(l, msg.Caption, msg.P{"label": msg.LabelExpectedClose, "value": or(period)}),
		msg.Render(l, msg.Caption, msg.P{"label": msg.LabelType, "value": or(rep.Filter.Type)}),
		msg.Render(l, msg.Caption, msg.P{"label": msg.LabelSource, "value": or(rep.Filter.Source)}),
	}
	// With stage sets, the figures depend on the set chosen: say which.
	if len(rep.Sets) > 0 {
		set := msg.Render(l, msg.AllTypesWord, nil)
		for _, s := range rep.Sets {
			if s.ID == rep.Filter.StageSetID {
				set = s.Name
			}
		}
		parts = append(parts, msg.Render(l, msg.Caption, msg.P{"label": msg.LabelStageSet, "value": set}))
	}
	return strings.Join(parts, "    ")
}

// pct formats a share in hundredths of a percent as "33.33%".
func pct(share int) string {
	return fmt.Sprintf("%d.%02d%%", share/100, share%100)
}
