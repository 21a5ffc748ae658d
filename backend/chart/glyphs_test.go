package chart

import (
	"bytes"
	"testing"

	gochart "github.com/wcharczuk/go-chart/v2"
)

// TestFastCanvasDrawsAsGoChart draws the same funnel twice, once painting
// text from kept glyphs and shapes with solid spans copied, once all
// through go-chart's renderer, and wants the same pixels and the same
// text widths, at screen and print sizes (another dpi), glyphs drawn
// again from the cache included.
func TestFastCanvasDrawsAsGoChart(t *testing.T) {
	f := sample()
	f.Subtitle = append(f.Subtitle, "生成时间：2026-12-06 16:00    宽度按数量 ¥1,234.56（14.29%）")
	for _, sz := range [][2]int{{ScreenWidth, ScreenHeight}, {PrintWidth, PrintHeight}, {640, 400}} {
		var imgs [2]rgba
		for k, kept := range []bool{false, true} {
			r, err := gochart.PNG(sz[0], sz[1])
			if err != nil {
				t.Fatal(err)
			}
			printDPI(r, sz[0])
			c, err := newCanvas(r, false)
			if err != nil {
				t.Fatal(err)
			}
			if !kept {
				c.painter, c.gc = nil, nil // go-chart draws and measures all
			}
			for _, s := range []string{f.Subtitle[1], "abc", "…", "a b", "谈成结束"} {
				for _, px := range []float64{12, 20.5, 36} {
					c.font(px, "#111827")
					if want, got := c.r.MeasureText(s).Width(), c.width(s); got != want {
						t.Errorf("%v: width of %q at %v px: %d, go-chart says %d", sz, s, px, got, want)
					}
				}
			}
			draw(c, f, sz[0], sz[1])
			if err := r.Save(&imgs[k]); err != nil {
				t.Fatal(err)
			}
		}
		if !bytes.Equal(imgs[0].img.Pix, imgs[1].img.Pix) {
			n := 0
			for i := range imgs[0].img.Pix {
				if imgs[0].img.Pix[i] != imgs[1].img.Pix[i] {
					n++
				}
			}
			t.Errorf("%v: %d bytes differ between the fast canvas and go-chart's", sz, n)
		}
	}
}
