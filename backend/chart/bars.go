package chart

import (
	"fmt"
	"math"
)

// BarSeries is one stacked part of every bar (a product, a category).
type BarSeries struct {
	Name   string
	Values []int64 // one per category, never negative
}

// Bars is a stacked bar chart: one bar per category (a month), each bar
// stacking the series.
type Bars struct {
	Title      string
	Subtitle   []string // filters in force, date
	Categories []string // x-axis labels
	Series     []BarSeries
	// Format writes a value on the axis and above the bars.
	Format func(int64) string
	Footer string
	Empty  string // shown when every value is zero
}

var barColours = []string{"#2563eb", "#16a34a", "#f59e0b", "#dc2626", "#7c3aed", "#0891b2", "#db2777", "#65a30d", "#9ca3af"}

// BarsPNG draws b as a PNG of w×h pixels (ScreenWidth×ScreenHeight or
// PrintWidth×PrintHeight).
func BarsPNG(b Bars, w, h int) ([]byte, error) {
	return barsPNG(drawBars, b, w, h)
}

// barsPNG draws b with draw as a PNG of w×h.
func barsPNG(draw func(*canvas, Bars, int, int), b Bars, w, h int) ([]byte, error) {
	c, dpi, err := newPNGCanvas(w, h)
	if err != nil {
		return nil, err
	}
	draw(c, b, w, h)
	return c.encode(dpi)
}

// niceStep returns a round axis step (1, 2 or 5 × 10^n) giving about n ticks up to max.
func niceStep(max int64, n int) int64 {
	if max <= 0 {
		return 1
	}
	raw := float64(max) / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*mag >= raw {
			return int64(math.Max(1, m*mag))
		}
	}
	return int64(10 * mag)
}

func drawBars(c *canvas, b Bars, w, h int) {
	f := newBarFrame(c, b, w, h)
	u, px := f.u, f.px

	totals := make([]int64, len(b.Categories))
	var max int64
	for i := range b.Categories {
		for _, s := range b.Series {
			if i < len(s.Values) {
				totals[i] += s.Values[i]
			}
		}
		if totals[i] > max {
			max = totals[i]
		}
	}
	if len(b.Categories) == 0 || max == 0 {
		f.empty(b.Empty)
		return
	}
	left, right, yOf := f.axis(max)
	bottom := f.bottom

	n := len(b.Categories)
	slot := float64(right-left) / float64(n)
	barW := int(slot * 0.62)
	every := f.labelEvery(b.Categories, slot)
	for i, cat := range b.Categories {
		x0 := left + int(slot*float64(i)+(slot-float64(barW))/2)
		base := bottom
		var acc int64
		for si, s := range b.Series {
			if i >= len(s.Values) || s.Values[i] <= 0 {
				continue
			}
			acc += s.Values[i]
			yTop := yOf(acc)
			c.poly(barColours[si%len(barColours)], "", [2]int{x0, yTop}, [2]int{x0 + barW, yTop}, [2]int{x0 + barW, base}, [2]int{x0, base})
			base = yTop
		}
		if totals[i] > 0 {
			s := f.format(totals[i])
			size := clamp(slot*0.22, 12*u, 18*u)
			c.font(size, "#111827")
			if c.width(s) <= int(slot) {
				c.text(s, x0+barW/2-c.width(s)/2, yOf(totals[i])-px(8))
			}
		}
		if i%every == 0 {
			c.font(18*u, "#374151")
			c.text(cat, x0+barW/2-c.width(cat)/2, bottom+px(30))
		}
	}
}

// barFrame is what the stacked and the grouped bar charts share: the page
// around the plot and the value axis.
type barFrame struct {
	c      *canvas
	u      float64 // one thousandth of the height: sizes follow the image
	w, h   int
	margin int
	// top and bottom bound the plot, below the legend and above the footer.
	top, bottom int
	format      func(int64) string
}

func (f *barFrame) px(v float64) int { return int(v*f.u + 0.5) }

// newBarFrame paints the white page, the title, the filter lines, the
// legend (one swatch per series, wrapping) and the footer.
func newBarFrame(c *canvas, b Bars, w, h int) *barFrame {
	f := &barFrame{c: c, u: float64(h) / 1000, w: w, h: h, format: b.Format}
	u, px := f.u, f.px
	if f.format == nil {
		f.format = func(v int64) string { return fmt.Sprint(v) }
	}
	c.poly("#ffffff", "", [2]int{0, 0}, [2]int{w, 0}, [2]int{w, h}, [2]int{0, h})

	margin := px(50)
	f.margin = margin
	y := margin + px(36)
	c.font(36*u, "#111827")
	c.text(c.fitText(b.Title, w-2*margin), margin, y)
	c.font(20*u, "#4b5563")
	for _, s := range b.Subtitle {
		y += px(34)
		c.text(c.fitText(s, w-2*margin), margin, y)
	}
	y += px(40)
	lx := margin
	for i, s := range b.Series {
		name := c.fitText(s.Name, px(360))
		c.font(20*u, "#111827")
		itemW := px(28) + c.width(name) + px(30)
		if lx+itemW > w-margin && lx > margin {
			lx = margin
			y += px(32)
		}
		col := barColours[i%len(barColours)]
		c.poly(col, "", [2]int{lx, y - px(18)}, [2]int{lx + px(20), y - px(18)}, [2]int{lx + px(20), y + px(2)}, [2]int{lx, y + px(2)})
		// poly leaves its own colours on the renderer: the font again.
		c.font(20*u, "#111827")
		c.text(name, lx+px(28), y)
		lx += itemW
	}
	f.top = y + px(40)
	f.bottom = h - margin - px(60)
	if b.Footer != "" {
		c.font(24*u, "#111827")
		c.text(c.fitText(b.Footer, w-2*margin), margin, h-margin-px(5))
		f.bottom -= px(40)
	}
	return f
}

// empty writes text in the middle of the plot, for a chart with nothing to draw.
func (f *barFrame) empty(text string) {
	c := f.c
	c.font(28*f.u, "#6b7280")
	c.text(text, (f.w-c.width(text))/2, (f.top+f.bottom)/2)
}

// axis draws the value axis from 0 up to max with round ticks; its labels
// set the plot's left edge. yOf gives the y pixel of a value.
func (f *barFrame) axis(max int64) (left, right int, yOf func(int64) int) {
	c, u, px := f.c, f.u, f.px
	step := niceStep(max, 5)
	axisMax := (max + step - 1) / step * step
	c.font(18*u, "#4b5563")
	labelW := 0
	for v := int64(0); v <= axisMax; v += step {
		labelW = maxInt(labelW, c.width(f.format(v)))
	}
	left = f.margin + labelW + px(14)
	right = f.w - f.margin
	bottom := f.bottom
	plotH := bottom - f.top
	yOf = func(v int64) int { return bottom - int(float64(plotH)*float64(v)/float64(axisMax)+0.5) }
	for v := int64(0); v <= axisMax; v += step {
		yy := yOf(v)
		col := "#e5e7eb"
		if v == 0 {
			col = "#9ca3af"
		}
		c.line(col, 1.5*u, left, yy, right, yy)
		c.font(18*u, "#4b5563")
		s := f.format(v)
		c.text(s, left-px(10)-c.width(s), yy+px(7))
	}
	return left, right, yOf
}

// labelEvery says to label every k-th category, so that labels slot wide
// do not collide. It leaves the label font set.
func (f *barFrame) labelEvery(cats []string, slot float64) int {
	c := f.c
	c.font(18*f.u, "#374151")
	lw := 0
	for _, cat := range cats {
		lw = maxInt(lw, c.width(cat))
	}
	every := 1
	for float64(every)*slot < float64(lw+f.px(12)) {
		every++
	}
	return every
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}
