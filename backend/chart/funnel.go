package chart

import (
	"bytes"
	"fmt"
	"image"

	"github.com/wcharczuk/go-chart/v2/drawing"

	gochart "github.com/wcharczuk/go-chart/v2"
)

// Band is one stage of the funnel drawing.
type Band struct {
	Name string
	// Kind is open, won or lost; won and lost get their own colours.
	Kind string
	// Value decides the band's width (a count or an amount).
	Value int64
	// Lines are the figures printed beside the band.
	Lines []string
}

// Funnel is what the funnel chart shows.
type Funnel struct {
	Title    string
	Subtitle []string // filters in force, date
	Bands    []Band
	Footer   string // the totals
	Empty    string // shown when there is nothing to draw
}

// Sizes of the export.
const (
	ScreenWidth, ScreenHeight = 1600, 1000
	// PrintWidth × PrintHeight is A4 landscape at 300 dpi.
	PrintWidth, PrintHeight = 3508, 2480
)

var openColours = []string{"#1d4ed8", "#2563eb", "#3b82f6", "#0ea5e9", "#06b6d4", "#14b8a6", "#0d9488", "#0f766e", "#155e75", "#1e40af"}

// Area is the rectangle, in image pixels, that a band and its labels cover:
// the screen maps clicks on the image back to the band's stage with it.
type Area struct {
	Band int `json:"band"`
	X    int `json:"x"`
	Y    int `json:"y"`
	W    int `json:"w"`
	H    int `json:"h"`
}

// FunnelPNG draws f as a PNG of w×h pixels and returns where each band is.
func FunnelPNG(f Funnel, w, h int) ([]byte, []Area, error) {
	c, dpi, err := newPNGCanvas(w, h)
	if err != nil {
		return nil, nil, err
	}
	areas := draw(c, f, w, h)
	b, err := c.encode(dpi)
	return b, areas, err
}

// PrintDPI is the resolution of the print size (A4 at 300 dpi).
const PrintDPI = 300

// printDPI sets the renderer to 300 dpi for the print size and returns the
// dpi to write into the PNG (0: none, the screen size).
func printDPI(r gochart.Renderer, w int) int {
	if w < PrintWidth {
		return 0
	}
	r.SetDPI(PrintDPI)
	return PrintDPI
}

// FunnelSVG draws f as SVG of w×h pixels.
func FunnelSVG(f Funnel, w, h int) ([]byte, error) {
	r, err := gochart.SVG(w, h)
	if err != nil {
		return nil, err
	}
	c, err := newCanvas(r, true)
	if err != nil {
		return nil, err
	}
	draw(c, f, w, h)
	return saveSVG(r)
}

// rgba collects the raster renderer's image instead of letting it encode.
type rgba struct{ img *image.RGBA }

func (c *rgba) SetRGBA(i *image.RGBA)       { c.img = i }
func (c *rgba) Write(p []byte) (int, error) { return len(p), nil }

// saveSVG writes the SVG renderer's drawing. PNGs are encoded from the
// canvas's own image (canvas.encode).
func saveSVG(r gochart.Renderer) ([]byte, error) {
	var buf bytes.Buffer
	if err := r.Save(&buf); err != nil {
		return nil, fmt.Errorf("encode chart: %w", err)
	}
	return buf.Bytes(), nil
}

func draw(c *canvas, f Funnel, w, h int) []Area {
	u := float64(h) / 1000 // layout unit: 1/1000 of the height
	px := func(v float64) int { return int(v*u + 0.5) }
	if c.svg {
		// PNGs get their white background when saved (see encodePNG).
		c.poly("#ffffff", "", [2]int{0, 0}, [2]int{w, 0}, [2]int{w, h}, [2]int{0, h})
	}

	margin := px(50)
	y := margin + px(36)
	c.font(36*u, "#111827")
	c.text(c.fitText(f.Title, w-2*margin), margin, y)
	c.font(20*u, "#4b5563")
	for _, s := range f.Subtitle {
		y += px(34)
		c.text(c.fitText(s, w-2*margin), margin, y)
	}
	y += px(30)
	c.line("#e5e7eb", 2*u, margin, y, w-margin, y)
	top := y + px(30)

	footerH := px(70)
	bottom := h - margin - footerH
	if f.Footer != "" {
		c.line("#e5e7eb", 2*u, margin, bottom+px(20), w-margin, bottom+px(20))
		c.font(24*u, "#111827")
		c.text(c.fitText(f.Footer, w-2*margin), margin, h-margin-px(10))
	}
	if len(f.Bands) == 0 {
		c.font(28*u, "#6b7280")
		c.text(f.Empty, (w-c.width(f.Empty))/2, (top+bottom)/2)
		return nil
	}

	funnelW := int(float64(w) * 0.52)
	cx := margin + funnelW/2
	labelX := margin + funnelW + px(50)
	n := len(f.Bands)
	gap := px(6)
	bandH := (bottom - top - gap*(n-1)) / n
	if max := px(130); bandH > max {
		bandH = max
	}
	var maxV int64
	for _, b := range f.Bands {
		if b.Value > maxV {
			maxV = b.Value
		}
	}
	minW := float64(funnelW) * 0.14
	width := func(i int) float64 {
		if maxV == 0 {
			return minW + (float64(funnelW)-minW)*float64(n-i)/float64(n)
		}
		return minW + (float64(funnelW)-minW)*float64(f.Bands[i].Value)/float64(maxV)
	}
	nameSize := clamp(float64(bandH)*0.30, 14*u, 30*u)
	figSize := clamp(float64(bandH)*0.22, 12*u, 22*u)
	openIdx := 0
	areas := make([]Area, 0, n)
	for i, b := range f.Bands {
		y0 := top + i*(bandH+gap)
		y1 := y0 + bandH
		areas = append(areas, Area{Band: i, X: margin, Y: y0, W: w - 2*margin, H: bandH})
		// Each band is a slice of a funnel: its top width follows its value,
		// narrowing towards the next band's top (never widening).
		wt := width(i)
		wb := wt * 0.86
		if i+1 < n && width(i+1) < wb {
			wb = max(width(i+1), wt*0.6)
		}
		col := "#9ca3af"
		switch b.Kind {
		case "won":
			col = "#16a34a"
		case "lost":
			col = "#9ca3af"
		default:
			col = openColours[openIdx%len(openColours)]
			openIdx++
		}
		c.poly(col, "", [2]int{cx - int(wt/2), y0}, [2]int{cx + int(wt/2), y0}, [2]int{cx + int(wb/2), y1}, [2]int{cx - int(wb/2), y1})

		// Stage name inside the band when it fits, else at its left edge in dark text.
		c.font(nameSize, "#ffffff")
		name := b.Name
		nw := c.width(name)
		mid := y0 + bandH/2 + int(nameSize/2)
		if float64(nw) < wb-2*float64(px(10)) {
			c.text(name, cx-nw/2, mid)
		}
		// Connector and figures on the right.
		c.line("#d1d5db", 2*u, cx+int(wt/2)+px(8), y0+bandH/2, labelX-px(10), y0+bandH/2)
		c.font(nameSize, "#111827")
		c.text(c.fitText(name, w-margin-labelX), labelX, y0+int(nameSize)+px(4))
		c.font(figSize, "#374151")
		ly := y0 + int(nameSize) + px(4)
		for _, l := range b.Lines {
			ly += int(figSize * 1.45)
			if ly > y1+int(figSize) {
				break
			}
			c.text(c.fitText(l, w-margin-labelX), labelX, ly)
		}
	}
	return areas
}

func clamp(v, lo, hi float64) float64 {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

func hex(s string) drawing.Color { return drawing.ColorFromHex(s[1:]) }
