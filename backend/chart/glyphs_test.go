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
		// go-chart's own drawing, then the PNG canvas twice: the second
		// may reuse the first's image (images), which must come clean.
		var imgs [3][]byte
		for k := range imgs {
			var c *canvas
			var r gochart.Renderer
			var err error
			if k == 0 {
				if r, err = gochart.PNG(sz[0], sz[1]); err != nil {
					t.Fatal(err)
				}
				printDPI(r, sz[0])
				if c, err = newCanvas(r, false); err != nil {
					t.Fatal(err)
				}
				c.painter, c.gc = nil, nil // go-chart draws and measures all
			} else if c, _, err = newPNGCanvas(sz[0], sz[1]); err != nil {
				t.Fatal(err)
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
			if k == 0 {
				var img rgba
				if err := r.Save(&img); err != nil {
					t.Fatal(err)
				}
				imgs[k] = img.img.Pix
			} else {
				imgs[k] = bytes.Clone(c.img.Pix)
				if _, err := c.encode(0); err != nil {
					t.Fatal(err)
				}
			}
		}
		for k := 1; k < len(imgs); k++ {
			if !bytes.Equal(imgs[0], imgs[k]) {
				n := 0
				for i := range imgs[0] {
					if imgs[0][i] != imgs[k][i] {
						n++
					}
				}
				t.Errorf("%v: %d bytes differ between the PNG canvas (drawing %d) and go-chart's", sz, n, k)
			}
		}
	}
}
