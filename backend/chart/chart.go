// Package chart draws FunnelDesk's charts with go-chart's renderers, so one
// drawing serves the screen and the PNG export. Text uses an embedded CJK
// TrueType font (WenQuanYi Micro Hei, Apache-2.0) so Chinese never shows as
// boxes, whatever fonts the machine has.
package chart

import (
	_ "embed"
	"html"
	"image"
	"math"
	"sync"
	"unicode"

	"github.com/golang/freetype/raster"
	"github.com/golang/freetype/truetype"
	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
	"golang.org/x/image/math/fixed"
)

//go:embed fonts/wqy-microhei.ttf
var fontTTF []byte

var (
	fontOnce sync.Once
	font     *truetype.Font
	fontErr  error
)

// Font returns the embedded CJK font, parsed once.
func Font() (*truetype.Font, error) {
	fontOnce.Do(func() { font, fontErr = truetype.Parse(fontTTF) })
	return font, fontErr
}

// canvas wraps a go-chart renderer with pixel-sized text.
type canvas struct {
	r   gochart.Renderer
	svg bool
	// ptPerPx converts a wanted glyph height in pixels to a font size.
	ptPerPx float64
	// size and col are the font size and colour set last (font).
	size float64
	col  string
	// painter paints the raster renderer's image (nil for SVG): text from
	// kept glyphs (glyphOf), shapes through gc with solid spans copied.
	painter *solidPainter
	gc      *drawing.RasterGraphicContext
	// img is the image a newPNGCanvas draws into (nil otherwise).
	img   *image.RGBA
	spans []raster.Span
}

func newCanvas(r gochart.Renderer, svg bool) (*canvas, error) {
	f, err := Font()
	if err != nil {
		return nil, err
	}
	r.SetFont(f)
	// Calibrate once: the renderers size text by DPI in different ways, so
	// measure a CJK glyph at a known size instead of assuming a formula.
	r.SetFontSize(20)
	h := r.MeasureText("销").Height()
	if h <= 0 {
		h = 20
	}
	c := &canvas{r: r, svg: svg, ptPerPx: 20 / float64(h)}
	if !svg {
		// The renderer hands its image to a collector without encoding.
		var img rgba
		if err := r.Save(&img); err == nil && img.img != nil {
			c.painter = newSolidPainter(img.img)
			c.gc = drawing.NewRasterGraphicContextWithPainter(img.img, c.painter)
		}
	}
	return c, nil
}

// font sets the text size to px pixels (the height of a CJK glyph).
func (c *canvas) font(px float64, col string) {
	c.size = px * c.ptPerPx
	c.col = col
	c.r.SetFontSize(c.size)
	c.r.SetFontColor(hex(col))
}

func (c *canvas) width(s string) int {
	if s == "" {
		return 0
	}
	if c.painter != nil {
		if w, ok := c.keptWidth(s); ok {
			return w
		}
	}
	return c.r.MeasureText(s).Width()
}

// keptWidth is MeasureText(s).Width() from kept glyphs: go-chart's
// GetStringBounds over the outlines' points, then MeasureText's moving of
// the box to the origin. Not ok for text without outlines (spaces), which
// go-chart measures its own odd way.
func (c *canvas) keptWidth(s string) (int, bool) {
	f, err := Font()
	if err != nil || c.size == 0 {
		return 0, false
	}
	dpi := c.r.GetDPI()
	scale := fixed.Int26_6(c.size * dpi)
	left, right := math.MaxFloat64, 0.0
	cursor, seen := 0.0, false
	var prev truetype.Index
	for i, rc := range s {
		g := glyphOf(f, rc, c.size, dpi)
		if i > 0 {
			cursor += fUnits(f.Kern(scale, prev, g.index))
		}
		if g.ok {
			left, right = min(left, g.minX+cursor), max(right, g.maxX+cursor)
			seen = true
		}
		cursor += g.adv
		prev = g.index
	}
	if !seen {
		return 0, false
	}
	if left < 0 {
		right -= left
	} else {
		right += left
	}
	return int(math.Ceil(right)), true
}

// text draws s with its baseline at y. SVG output escapes it, as go-chart's
// SVG writer does not.
func (c *canvas) text(s string, x, y int) {
	if s == "" {
		return
	}
	if c.svg {
		c.r.Text(html.EscapeString(s), x, y)
		return
	}
	// The raster renderer fills a string's glyphs as one path, and
	// freetype's rasterizer finds each cell by walking its row's cells: a
	// row crossing a whole line of glyphs costs the square of its cells
	// (a third of an A4 chart's drawing). A glyph at a time, placed where
	// go-chart's CreateStringPath would put it (advance and kerning at
	// the renderer's scale), keeps each row short.
	// Kept glyphs (glyphOf) paint the very spans that drawing would.
	f, err := Font()
	if err != nil || c.size == 0 {
		c.r.Text(s, x, y)
		return
	}
	dpi := c.r.GetDPI()
	scale := fixed.Int26_6(c.size * dpi)
	if c.painter != nil {
		c.painter.SetColor(hex(c.col))
	}
	pen := float64(x)
	prev, hasPrev := truetype.Index(0), false
	for _, rc := range s {
		var g *glyph
		i := f.Index(rc)
		if c.painter != nil {
			g = glyphOf(f, rc, c.size, dpi)
		}
		if hasPrev {
			pen += fUnits(f.Kern(scale, prev, i))
		}
		if !unicode.IsSpace(rc) {
			if g != nil {
				c.spans = paintGlyph(c.painter, g, int(math.Round(pen)), y, c.spans)
			} else {
				c.r.Text(string(rc), int(math.Round(pen)), y)
			}
		}
		pen += fUnits(f.HMetric(scale, i).AdvanceWidth)
		prev, hasPrev = i, true
	}
}

// fUnits is go-chart's conversion of a 26.6 length to pixels.
func fUnits(x fixed.Int26_6) float64 {
	scaled := x << 2
	return float64(scaled/256) + float64(scaled%256)/256.0
}

// fitText shortens s with "…" until it is at most w pixels wide.
func (c *canvas) fitText(s string, w int) string {
	if c.width(s) <= w {
		return s
	}
	rs := []rune(s)
	for len(rs) > 1 {
		rs = rs[:len(rs)-1]
		if t := string(rs) + "…"; c.width(t) <= w {
			return t
		}
	}
	return "…"
}

func (c *canvas) poly(fill, stroke string, pts ...[2]int) {
	if c.gc != nil {
		c.gc.SetFillColor(hex(fill))
		c.gc.MoveTo(float64(pts[0][0]), float64(pts[0][1]))
		for _, p := range pts[1:] {
			c.gc.LineTo(float64(p[0]), float64(p[1]))
		}
		c.gc.Close()
		if stroke != "" {
			c.gc.SetStrokeColor(hex(stroke))
			c.gc.SetLineWidth(1)
			c.gc.FillStroke()
		} else {
			c.gc.Fill()
		}
		return
	}
	c.r.ResetStyle()
	c.r.SetFillColor(hex(fill))
	if stroke != "" {
		c.r.SetStrokeColor(hex(stroke))
		c.r.SetStrokeWidth(1)
	}
	c.r.MoveTo(pts[0][0], pts[0][1])
	for _, p := range pts[1:] {
		c.r.LineTo(p[0], p[1])
	}
	c.r.Close()
	if stroke != "" {
		c.r.FillStroke()
	} else {
		c.r.Fill()
	}
	f, _ := Font()
	c.r.SetFont(f)
}

func (c *canvas) line(col string, w float64, x1, y1, x2, y2 int) {
	if c.gc != nil {
		c.gc.SetStrokeColor(hex(col))
		c.gc.SetLineWidth(w)
		c.gc.MoveTo(float64(x1), float64(y1))
		c.gc.LineTo(float64(x2), float64(y2))
		c.gc.Stroke()
		return
	}
	c.r.ResetStyle()
	c.r.SetStrokeColor(hex(col))
	c.r.SetStrokeWidth(w)
	c.r.MoveTo(x1, y1)
	c.r.LineTo(x2, y2)
	c.r.Stroke()
	f, _ := Font()
	c.r.SetFont(f)
}
