package chart

import (
	"bytes"
	"image/png"
	"testing"
)

func TestNiceStep(t *testing.T) {
	tests := []struct {
		max  int64
		n    int
		want int64
	}{
		{0, 5, 1},
		{10, 5, 2},
		{100, 5, 20},
		{1234567, 5, 500000},
		{999, 5, 200},
		{3, 5, 1},
	}
	for _, tt := range tests {
		if got := niceStep(tt.max, tt.n); got != tt.want {
			t.Errorf("niceStep(%d, %d) = %d, want %d", tt.max, tt.n, got, tt.want)
		}
	}
}

func TestBarsPNG(t *testing.T) {
	months := []string{"2026-01", "2026-02", "2026-03"}
	tests := []struct {
		name string
		b    Bars
		w, h int
	}{
		{"stacked", Bars{Title: "产品销售金额", Subtitle: []string{"期间：2026-01 ~ 2026-03"}, Categories: months,
			Series: []BarSeries{{"激光打印机", []int64{100, 0, 300}}, {"硒鼓", []int64{50, 60, 0}}}, Footer: "合计：510"}, ScreenWidth, ScreenHeight},
		{"print", Bars{Title: "Sales", Categories: months, Series: []BarSeries{{"A", []int64{1, 2, 3}}}}, PrintWidth, PrintHeight},
		{"empty", Bars{Title: "产品销售金额", Categories: months, Empty: "没有销售"}, ScreenWidth, ScreenHeight},
		{"many months", Bars{Title: "x", Categories: make([]string, 60), Series: []BarSeries{{"A", make([]int64, 60)}}}, ScreenWidth, ScreenHeight},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := BarsPNG(tt.b, tt.w, tt.h)
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if s := img.Bounds().Size(); s.X != tt.w || s.Y != tt.h {
				t.Errorf("size %v, want %d×%d", s, tt.w, tt.h)
			}
		})
	}
}

// TestBarsDrawTheValues checks that a bar is drawn where the value says: the
// taller month has more coloured pixels in its column than the shorter one.
func TestBarsDrawTheValues(t *testing.T) {
	b := Bars{Title: "t", Categories: []string{"a", "b"}, Series: []BarSeries{{"s", []int64{10, 40}}}}
	raw, err := BarsPNG(b, ScreenWidth, ScreenHeight)
	if err != nil {
		t.Fatal(err)
	}
	img, _ := png.Decode(bytes.NewReader(raw))
	blue := func(x int) int {
		n := 0
		for y := 0; y < ScreenHeight; y++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if bl>>8 > 200 && r>>8 < 80 && g>>8 < 120 {
				n++
			}
		}
		return n
	}
	// The plot spans roughly the width; the bars sit in the middle of each half.
	left, right := blue(ScreenWidth*3/10), blue(ScreenWidth*3/4)
	if left == 0 || right < 3*left {
		t.Errorf("bar heights in pixels %d and %d, want the second about four times the first", left, right)
	}
}
