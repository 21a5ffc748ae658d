package chart

import (
	"bytes"
	"image/png"
	"testing"
)

// The grouped chart draws at both sizes, with and without data, and its
// legend is written (dark text pixels beside each swatch).
func TestGroupedBarsPNG(t *testing.T) {
	months := []string{"2026-01", "2026-02", "2026-03"}
	for _, c := range []struct {
		name string
		b    Bars
		w, h int
	}{
		{"screen", Bars{Title: "赢单金额：各月目标与实际", Subtitle: []string{"期间：2026"}, Categories: months,
			Series: []BarSeries{{"目标", []int64{100, 100, 100}}, {"实际", []int64{50, 150, 0}}}, Footer: "目标 300"}, ScreenWidth, ScreenHeight},
		{"print", Bars{Title: "x", Categories: months, Series: []BarSeries{{"A", []int64{1, 2, 3}}, {"B", []int64{3, 2, 1}}}}, PrintWidth, PrintHeight},
		{"empty", Bars{Title: "x", Categories: months, Empty: "没有数据"}, ScreenWidth, ScreenHeight},
	} {
		t.Run(c.name, func(t *testing.T) {
			b, err := GroupedBarsPNG(c.b, c.w, c.h)
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if img.Bounds().Dx() != c.w || img.Bounds().Dy() != c.h {
				t.Fatalf("size %v", img.Bounds())
			}
			if c.name != "screen" {
				return
			}
			// The legend row: dark text right of the first swatch.
			u := float64(c.h) / 1000
			y := int(50*u+36*u+34*u+40*u+0.5) - int(8*u)
			dark := 0
			for x := int(50*u + 28*u); x < int(50*u+120*u); x++ {
				r, g, bl, _ := img.At(x, y).RGBA()
				if r>>8 < 100 && g>>8 < 100 && bl>>8 < 100 {
					dark++
				}
			}
			if dark == 0 {
				t.Errorf("no legend text at y=%d", y)
			}
		})
	}
}
