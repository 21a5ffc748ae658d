package chart

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"sync"

	"github.com/golang/freetype/raster"
	"github.com/golang/freetype/truetype"
	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
	xfont "golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// Text was most of a chart's drawing: every glyph was loaded, flattened
// and rasterized again each time it was drawn or measured, though a chart
// shows the same few dozen glyphs at the same few sizes, chart after
// chart. A glyph drawn at a whole-pixel position covers the same pixels
// wherever it lands, so its coverage spans (as the rasterizer gave them)
// and its outline's extent are kept per character, size and dpi, and text
// is painted from them.

type glyphKey struct {
	r         rune
	size, dpi float64
}

// glyph is one character at one size: its coverage spans relative to the
// pen (x) and baseline (y), its advance, and its outline's extent as
// go-chart's GetStringBounds sees it (ok: it has an outline).
type glyph struct {
	spans                  []raster.Span
	index                  truetype.Index
	adv                    float64
	minX, maxX, minY, maxY float64
	ok                     bool
}

// maxGlyphs bounds the kept glyphs (a chart needs a few hundred; each is
// a few kilobytes).
const maxGlyphs = 4096

var glyphs = struct {
	sync.Mutex
	m map[glyphKey]*glyph
}{m: map[glyphKey]*glyph{}}

// spanRecorder is a painter that keeps the spans instead of painting.
type spanRecorder struct{ spans []raster.Span }

func (p *spanRecorder) Paint(ss []raster.Span, _ bool) { p.spans = append(p.spans, ss...) }
func (p *spanRecorder) SetColor(color.Color)           {}

// glyphOf returns r at size and dpi, rasterizing it the first time
// exactly as go-chart's raster renderer would (its own path, flattening
// and rasterizer), at an offset that keeps the whole outline inside.
func glyphOf(f *truetype.Font, r rune, size, dpi float64) *glyph {
	k := glyphKey{r, size, dpi}
	glyphs.Lock()
	g := glyphs.m[k]
	glyphs.Unlock()
	if g != nil {
		return g
	}
	g = &glyph{index: f.Index(r)}
	scale := fixed.Int26_6(size * dpi)
	g.adv = fUnits(f.HMetric(scale, g.index).AdvanceWidth)
	var buf truetype.GlyphBuf
	if err := buf.Load(f, scale, g.index, xfont.HintingNone); err == nil && len(buf.Points) > 0 {
		g.ok = true
		g.minX, g.minY = math.MaxFloat64, math.MaxFloat64
		g.maxX, g.maxY = -math.MaxFloat64, -math.MaxFloat64
		for _, p := range buf.Points {
			x, y := fUnits(p.X), -fUnits(p.Y)
			g.minX, g.maxX = min(g.minX, x), max(g.maxX, x)
			g.minY, g.maxY = min(g.minY, y), max(g.maxY, y)
		}
		// Whole pixels around the outline, so nothing is clipped.
		ox := int(math.Ceil(max(0, -g.minX))) + 2
		oy := int(math.Ceil(max(0, -g.minY))) + 2
		w := ox + int(math.Ceil(max(0, g.maxX))) + 2
		h := oy + int(math.Ceil(max(0, g.maxY))) + 2
		var rec spanRecorder
		gc := drawing.NewRasterGraphicContextWithPainter(image.NewRGBA(image.Rect(0, 0, w, h)), &rec)
		gc.SetDPI(dpi)
		gc.SetFont(f)
		gc.SetFontSize(size)
		if _, err := gc.CreateStringPath(string(r), float64(ox), float64(oy)); err == nil {
			gc.Fill()
		}
		for i := range rec.spans {
			rec.spans[i].Y -= oy
			rec.spans[i].X0 -= ox
			rec.spans[i].X1 -= ox
		}
		g.spans = rec.spans
	}
	glyphs.Lock()
	if len(glyphs.m) >= maxGlyphs {
		clear(glyphs.m)
	}
	glyphs.m[k] = g
	glyphs.Unlock()
	return g
}

// paintGlyph paints g with its pen at x and baseline at y.
func paintGlyph(p raster.Painter, g *glyph, x, y int, scratch []raster.Span) []raster.Span {
	scratch = append(scratch[:0], g.spans...)
	for i := range scratch {
		scratch[i].Y += y
		scratch[i].X0 += x
		scratch[i].X1 += x
	}
	p.Paint(scratch, true)
	return scratch
}

// solidPainter paints spans as raster.RGBAPainter does, but a fully
// covered span of an opaque colour as plain copies of that colour: the
// same bytes (full coverage of an opaque colour blends to that colour),
// without blending every pixel of a chart's large shapes.
type solidPainter struct {
	*raster.RGBAPainter
	px     [4]byte
	opaque bool
}

func newSolidPainter(img *image.RGBA) *solidPainter {
	return &solidPainter{RGBAPainter: raster.NewRGBAPainter(img)}
}

func (p *solidPainter) SetColor(c color.Color) {
	p.RGBAPainter.SetColor(c)
	r, g, b, a := c.RGBA()
	p.px = [4]byte{byte(r >> 8), byte(g >> 8), byte(b >> 8), byte(a >> 8)}
	p.opaque = a == 0xffff
}

func (p *solidPainter) Paint(ss []raster.Span, done bool) {
	img := p.Image
	bd := img.Bounds()
	for i, s := range ss {
		if !p.opaque || s.Alpha != 0xffff {
			p.RGBAPainter.Paint(ss[i:i+1], done)
			continue
		}
		if s.Y < bd.Min.Y {
			continue
		}
		if s.Y >= bd.Max.Y {
			return
		}
		x0, x1 := max(s.X0, bd.Min.X), min(s.X1, bd.Max.X)
		if x0 >= x1 {
			continue
		}
		row := img.Pix[img.PixOffset(x0, s.Y):img.PixOffset(x1, s.Y)]
		copy(row, p.px[:])
		for n := 4; n < len(row); n *= 2 {
			copy(row[n:], row[:n])
		}
	}
}

// images keeps chart images between charts: a screen chart is 6.4 MB of
// pixels, and allocating them afresh for each drawing set off a garbage
// collection or two per chart, which a busy machine made slow.
var images sync.Pool

// newPNGCanvas returns a canvas drawing into a cleared w×h image taken
// from images, with the dpi its PNG states (printDPI). go-chart's raster
// renderer, on a 1×1 image, only measures: the canvas paints text from
// kept glyphs and shapes through its own context.
func newPNGCanvas(w, h int) (*canvas, int, error) {
	r, err := gochart.PNG(1, 1)
	if err != nil {
		return nil, 0, err
	}
	dpi := printDPI(r, w)
	c, err := newCanvas(r, false)
	if err != nil {
		return nil, 0, err
	}
	img, _ := images.Get().(*image.RGBA)
	if img != nil && img.Rect.Dx() == w && img.Rect.Dy() == h {
		clear(img.Pix)
	} else {
		img = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	c.img = img
	c.painter = newSolidPainter(img)
	c.gc = drawing.NewRasterGraphicContextWithPainter(img, c.painter)
	return c, dpi, nil
}

// encode writes a newPNGCanvas's drawing as a PNG (encodePNG) and gives
// its image back to images.
func (c *canvas) encode(dpi int) ([]byte, error) {
	b, err := encodePNG(c.img, dpi)
	images.Put(c.img)
	c.img, c.painter, c.gc = nil, nil, nil
	if err != nil {
		return nil, fmt.Errorf("encode chart: %w", err)
	}
	return b, nil
}
