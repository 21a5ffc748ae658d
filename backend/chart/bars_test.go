package chart

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"testing"

	"funneldesk/backend/chart/charttest"
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

// bar is one bar as drawn: its centre column and, bottom up, the height of
// each series' segment.
type bar struct {
	x        int
	segments []int
}

// colourOf returns the index of the first n series' colour c is (nearly)
// exactly, or -1. (The last colour is the axis grey: n stays below it.)
func colourOf(c color.Color, n int) int {
	r, g, b, _ := c.RGBA()
	for i, h := range barColours[:n] {
		want := hex(h)
		if near(r>>8, want.R) && near(g>>8, want.G) && near(b>>8, want.B) {
			return i
		}
	}
	return -1
}

func near(a uint32, b uint8) bool { return int(a)-int(b) <= 6 && int(b)-int(a) <= 6 }

// measureBars finds the bars of n series standing on the lowest row any bar colour
// reaches (the axis: the legend's swatches stand higher) and measures each
// bar's segments up its centre column, left to right.
func measureBars(img image.Image, n int) []bar {
	size := img.Bounds().Size()
	low := make([]int, size.X) // per column, the lowest bar-coloured row
	base := -1
	for x := 0; x < size.X; x++ {
		low[x] = -1
		for y := size.Y - 1; y >= 0; y-- {
			if colourOf(img.At(x, y), n) >= 0 {
				low[x] = y
				break
			}
		}
		base = max(base, low[x])
	}
	var bars []bar
	for x := 0; x < size.X; {
		if low[x] != base {
			x++
			continue
		}
		x0 := x
		for x < size.X && low[x] == base {
			x++
		}
		b := bar{x: (x0 + x - 1) / 2}
		for y, prev := base, -1; y >= 0; y-- {
			c := colourOf(img.At(b.x, y), n)
			if c < 0 {
				break
			}
			if c != prev {
				b.segments = append(b.segments, 0)
				prev = c
			}
			b.segments[len(b.segments)-1]++
		}
		bars = append(bars, b)
	}
	return bars
}

// TestBarHeightsFollowValues measures the bars as drawn: one bar per non-zero
// month in its own slot, left to right in month order, each bar's height and
// each stacked segment's proportional to its value, none for a zero month.
func TestBarHeightsFollowValues(t *testing.T) {
	tests := []struct {
		name   string
		series [][]int64
	}{
		{"one series, out of order, equal and zero", [][]int64{{30, 0, 120, 60, 60, 5}}},
		{"stacked", [][]int64{{100, 0, 300, 40}, {50, 60, 0, 40}}},
		{"large amounts in cents", [][]int64{{123456789, 987654321, 0, 500000000}}},
	}
	for _, tt := range tests {
		for _, sz := range []struct{ w, h int }{{ScreenWidth, ScreenHeight}, {PrintWidth, PrintHeight}} {
			t.Run(fmt.Sprintf("%s %dx%d", tt.name, sz.w, sz.h), func(t *testing.T) {
				n := len(tt.series[0])
				b := Bars{Title: "产品销售金额", Format: func(v int64) string { return fmt.Sprint(v) }}
				for i := 0; i < n; i++ {
					b.Categories = append(b.Categories, fmt.Sprintf("2026-%02d", i+1))
				}
				for i, v := range tt.series {
					b.Series = append(b.Series, BarSeries{Name: fmt.Sprint("系列", i), Values: v})
				}
				raw, err := BarsPNG(b, sz.w, sz.h)
				if err != nil {
					t.Fatal(err)
				}
				img, err := png.Decode(bytes.NewReader(raw))
				if err != nil {
					t.Fatal(err)
				}
				bars := measureBars(img, len(tt.series))

				// The months that have a bar, in order, with their totals.
				var months []int
				var totals []int64
				for i := 0; i < n; i++ {
					var sum int64
					for _, s := range tt.series {
						sum += s[i]
					}
					if sum > 0 {
						months, totals = append(months, i), append(totals, sum)
					}
				}
				if len(bars) != len(months) {
					t.Fatalf("%d bars drawn for %d non-zero months", len(bars), len(months))
				}
				tol := 2 * sz.h / ScreenHeight
				// Each bar stands in its month's slot: equal slots, a zero month's left empty.
				slot := float64(bars[len(bars)-1].x-bars[0].x) / float64(months[len(months)-1]-months[0])
				for k, br := range bars {
					want := float64(bars[0].x) + slot*float64(months[k]-months[0])
					if d := float64(br.x) - want; d > float64(tol)+1 || d < -float64(tol)-1 {
						t.Errorf("bar of month %d at x=%d, want %.0f", months[k], br.x, want)
					}
				}
				heights := make([]int, len(bars))
				var segs []int
				var segValues []int64
				for k, br := range bars {
					for _, s := range br.segments {
						heights[k] += s
					}
					// Segments bottom up follow the series order, zeros skipped.
					si := 0
					for _, s := range tt.series {
						if v := s[months[k]]; v > 0 {
							if si >= len(br.segments) {
								t.Fatalf("bar of month %d has %d segments, too few", months[k], len(br.segments))
							}
							segs, segValues = append(segs, br.segments[si]), append(segValues, v)
							si++
						}
					}
				}
				if err := charttest.FollowValues(heights, totals, 0, tol); err != nil {
					t.Errorf("bar heights %v for totals %v: %v", heights, totals, err)
				}
				// A segment's edges round on both ends: one more pixel of slack.
				if err := charttest.FollowValues(segs, segValues, 0, tol+1); err != nil {
					t.Errorf("segment heights %v for values %v: %v", segs, segValues, err)
				}
			})
		}
	}
}
