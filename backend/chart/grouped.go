package chart

// GroupedBarsPNG draws b with the series side by side in each category
// (target beside actual), not stacked as BarsPNG does, as a PNG of w×h.
func GroupedBarsPNG(b Bars, w, h int) ([]byte, error) {
	return barsPNG(drawGrouped, b, w, h)
}

func drawGrouped(c *canvas, b Bars, w, h int) {
	f := newBarFrame(c, b, w, h)
	u, px := f.u, f.px

	var max int64
	for _, s := range b.Series {
		for _, v := range s.Values {
			if v > max {
				max = v
			}
		}
	}
	if len(b.Categories) == 0 || len(b.Series) == 0 || max == 0 {
		f.empty(b.Empty)
		return
	}
	left, right, yOf := f.axis(max)
	bottom := f.bottom

	n := len(b.Categories)
	slot := float64(right-left) / float64(n)
	groupW := slot * 0.74
	barW := int(groupW / float64(len(b.Series)))
	every := f.labelEvery(b.Categories, slot)
	for i, cat := range b.Categories {
		x0 := left + int(slot*float64(i)+(slot-groupW)/2)
		for si, s := range b.Series {
			if i >= len(s.Values) || s.Values[i] <= 0 {
				continue
			}
			xs := x0 + si*barW
			yTop := yOf(s.Values[i])
			c.poly(barColours[si%len(barColours)], "", [2]int{xs, yTop}, [2]int{xs + barW - 1, yTop}, [2]int{xs + barW - 1, bottom}, [2]int{xs, bottom})
			v := f.format(s.Values[i])
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
