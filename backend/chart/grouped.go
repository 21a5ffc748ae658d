package chart

import (
	"fmt"

	gochart "github.com/wcharczuk/go-chart/v2"
)

// GroupedBarsPNG draws b with the series side by side in each category
// (target beside actual), not stacked as BarsPNG does, as a PNG of w×h.
func GroupedBarsPNG(b Bars, w, h int) ([]byte, error) {
	r, err := gochart.PNG(w, h)
	if err != nil {
		return nil, err
	}
	dpi := printDPI(r, w)
	c, err := newCanvas(r, false)
	if err != nil {
		return nil, err
	}
	drawGrouped(c, b, w, h)
	return save(r, false, dpi)
}

func drawGrouped(c *canvas, b Bars, w, h int) {
	u := float64(h) / 1000
	px := func(v float64) int { return int(v*u + 0.5) }
	format := b.Format
	if format == nil {
		format = func(v int64) string { return fmt.Sprint(v) }
	}
	c.poly("#ffffff", "", [2]int{0, 0}, [2]int{w, 0}, [2]int{w, h}, [2]int{0, h})

	margin := px(50)
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
	top := y + px(40)
	bottom := h - margin - px(60)
	if b.Footer != "" {
		c.font(24*u, "#111827")
		c.text(c.fitText(b.Footer, w-2*margin), margin, h-margin-px(5))
		bottom -= px(40)
	}

	var max int64
	for _, s := range b.Series {
		for _, v := range s.Values {
			if v > max {
				max = v
			}
		}
	}
	if len(b.Categories) == 0 || len(b.Series) == 0 || max == 0 {
		c.font(28*u, "#6b7280")
		c.text(b.Empty, (w-c.width(b.Empty))/2, (top+bottom)/2)
		return
	}
	step := niceStep(max, 5)
	axisMax := (max + step - 1) / step * step
	c.font(18*u, "#4b5563")
	labelW := 0
	for v := int64(0); v <= axisMax; v += step {
		labelW = maxInt(labelW, c.width(format(v)))
	}
	left := margin + labelW + px(14)
	right := w - margin
	plotH := bottom - top
	yOf := func(v int64) int { return bottom - int(float64(plotH)*float64(v)/float64(axisMax)+0.5) }
	for v := int64(0); v <= axisMax; v += step {
		yy := yOf(v)
		col := "#e5e7eb"
		if v == 0 {
			col = "#9ca3af"
		}
		c.line(col, 1.5*u, left, yy, right, yy)
		c.font(18*u, "#4b5563")
		s := format(v)
		c.text(s, left-px(10)-c.width(s), yy+px(7))
	}

	n := len(b.Categories)
	slot := float64(right-left) / float64(n)
	groupW := slot * 0.74
	barW := int(groupW / float64(len(b.Series)))
	c.font(18*u, "#374151")
	lw := 0
	for _, cat := range b.Categories {
		lw = maxInt(lw, c.width(cat))
	}
	every := 1
	for float64(every)*slot < float64(lw+px(12)) {
		every++
	}
	for i, cat := range b.Categories {
		x0 := left + int(slot*float64(i)+(slot-groupW)/2)
		for si, s := range b.Series {
			if i >= len(s.Values) || s.Values[i] <= 0 {
				continue
			}
			xs := x0 + si*barW
			yTop := yOf(s.Values[i])
			c.poly(barColours[si%len(barColours)], "", [2]int{xs, yTop}, [2]int{xs + barW - 1, yTop}, [2]int{xs + barW - 1, bottom}, [2]int{xs, bottom})
			v := format(s.Values[i])
			c.font(clamp(float64(barW)*0.3, 11*u, 16*u), "#111827")
			if c.width(v) <= barW+px(6) {
				c.text(v, xs+barW/2-c.width(v)/2, yTop-px(6))
			}
		}
		if i%every == 0 {
			c.font(18*u, "#374151")
			c.text(c.fitText(cat, int(slot*float64(every))-px(4)), x0+int(groupW)/2-c.width(c.fitText(cat, int(slot*float64(every))-px(4)))/2, bottom+px(30))
		}
	}
}
