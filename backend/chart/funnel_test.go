// The rule for every chart test in this package (and for every new chart):
// a test asserts geometry that follows the data, measured in the pixels the
// chart really drew (see charttest), not only that "something was drawn".
// Band widths and bar heights follow the values in the order given (larger
// is larger, equal is equal, proportional to the value), zero is drawn as the
// code intends, and the rectangles returned for clicks lie where the shapes
// are. Each such test must fail when the drawing ignores the values: try it
// by breaking the drawing (a constant width or height) before trusting it.
package chart

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/png"
	"strings"
	"testing"

	"funneldesk/backend/chart/charttest"
)

func sample() Funnel {
	return Funnel{
		Title:    "销售漏斗",
		Subtitle: []string{"负责人：全部 <A&B>"},
		Bands: []Band{
			{Name: "初期沟通", Kind: "open", Value: 3, Lines: []string{"3 个 ¥40,000.00"}},
			{Name: "商务谈判", Kind: "open", Value: 1, Lines: []string{"1 个"}},
			{Name: "谈成结束", Kind: "won", Value: 1},
			{Name: "未成结束", Kind: "lost", Value: 0},
		},
		Footer: "总计",
	}
}

func TestFunnelPNGSizes(t *testing.T) {
	tests := []struct{ w, h int }{{ScreenWidth, ScreenHeight}, {PrintWidth, PrintHeight}}
	for _, tt := range tests {
		b, areas, err := FunnelPNG(sample(), tt.w, tt.h)
		if err != nil {
			t.Fatal(err)
		}
		if len(areas) != len(sample().Bands) {
			t.Fatalf("%d areas for %d bands", len(areas), len(sample().Bands))
		}
		for i := 1; i < len(areas); i++ {
			if areas[i].Y < areas[i-1].Y+areas[i-1].H {
				t.Errorf("band %d overlaps band %d: %+v %+v", i, i-1, areas[i-1], areas[i])
			}
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if got := img.Bounds().Size(); got.X != tt.w || got.Y != tt.h {
			t.Fatalf("size %v, want %dx%d", got, tt.w, tt.h)
		}
		// Something was drawn: the won band's green appears and so does dark text.
		green, dark := 0, 0
		for y := 0; y < tt.h; y += 4 {
			for x := 0; x < tt.w; x += 4 {
				r, g, b, _ := img.At(x, y).RGBA()
				if r>>8 < 60 && g>>8 > 140 && b>>8 < 100 {
					green++
				}
				if r>>8 < 60 && g>>8 < 60 && b>>8 < 60 {
					dark++
				}
			}
		}
		if green == 0 || dark == 0 {
			t.Errorf("%dx%d: green %d, dark %d pixels: the chart looks empty", tt.w, tt.h, green, dark)
		}
	}
}

func TestChineseGlyphsExist(t *testing.T) {
	f, err := Font()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range "销售漏斗初期沟通¥0123456789,.%（）：" {
		if f.Index(r) == 0 {
			t.Errorf("the embedded font has no glyph for %q", r)
		}
	}
}

func TestFunnelSVGEscapesText(t *testing.T) {
	b, err := FunnelSVG(sample(), ScreenWidth, ScreenHeight)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if !strings.Contains(s, "&lt;A&amp;B&gt;") || strings.Contains(s, "<A&B>") {
		t.Fatal("user text is not escaped in the SVG")
	}
}

func TestEmptyFunnel(t *testing.T) {
	f := sample()
	f.Bands, f.Empty = nil, "没有符合条件的销售机会"
	if _, areas, err := FunnelPNG(f, ScreenWidth, ScreenHeight); err != nil || len(areas) != 0 {
		t.Fatal(err)
	}
}

// bandsOf builds a funnel whose band values are values, open stages first,
// then a won and a lost stage when there are enough values.
func bandsOf(values ...int64) Funnel {
	f := Funnel{Title: "销售漏斗", Subtitle: []string{"负责人：全部"}, Footer: "总计"}
	for i, v := range values {
		kind := "open"
		switch {
		case len(values) >= 4 && i == len(values)-2:
			kind = "won"
		case len(values) >= 4 && i == len(values)-1:
			kind = "lost"
		}
		f.Bands = append(f.Bands, Band{Name: "阶段" + string(rune('A'+i)), Kind: kind, Value: v, Lines: []string{"1 个", "¥1.00"}})
	}
	return f
}

// measureBands reads each band's drawn top width on the first row of its
// click area, and checks that the area is where the band is drawn: the band
// starts on the area's first row and ends on its last, inside the area, with
// blank rows just above and below it.
func measureBands(t *testing.T, img image.Image, areas []Area) []int {
	t.Helper()
	widths := make([]int, len(areas))
	for i, a := range areas {
		start, w := charttest.TopWidth(img, a.Y, a.X, a.X+a.W)
		if w == 0 {
			t.Fatalf("band %d: nothing drawn on the first row (y=%d) of its area %+v", i, a.Y, a)
		}
		if start < a.X || start+w > a.X+a.W {
			t.Errorf("band %d: drawn at x %d..%d, outside its area %+v", i, start, start+w, a)
		}
		mid := start + w/2
		if !charttest.Ink(img, mid, a.Y+a.H-1) {
			t.Errorf("band %d: not drawn on its area's last row (y=%d)", i, a.Y+a.H-1)
		}
		if charttest.Ink(img, mid, a.Y-1) || charttest.Ink(img, mid, a.Y+a.H) {
			t.Errorf("band %d: drawn beyond its area %+v (rows %d or %d are inked)", i, a, a.Y-1, a.Y+a.H)
		}
		widths[i] = w
	}
	return widths
}

func TestFunnelBandWidthsFollowValues(t *testing.T) {
	tests := []struct {
		name   string
		values []int64
	}{
		{"counts out of order, equal and zero", []int64{3, 7, 0, 5, 7, 1}},
		{"amounts in cents", []int64{4000000, 0, 0, 1000000, 4000000, 0}},
		{"growing down the funnel", []int64{0, 1, 2, 4, 8}},
		{"one stage holds everything", []int64{0, 0, 9, 0}},
	}
	sizes := []struct{ w, h int }{{ScreenWidth, ScreenHeight}, {PrintWidth, PrintHeight}}
	for _, tt := range tests {
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%s %dx%d", tt.name, sz.w, sz.h), func(t *testing.T) {
				b, areas, err := FunnelPNG(bandsOf(tt.values...), sz.w, sz.h)
				if err != nil {
					t.Fatal(err)
				}
				if len(areas) != len(tt.values) {
					t.Fatalf("%d areas for %d bands", len(areas), len(tt.values))
				}
				for i, a := range areas {
					if a.Band != i || (i > 0 && a.Y <= areas[i-1].Y+areas[i-1].H) {
						t.Fatalf("areas not one per band, top to bottom without overlap: %+v", areas)
					}
				}
				img, err := png.Decode(bytes.NewReader(b))
				if err != nil {
					t.Fatal(err)
				}
				widths := measureBands(t, img, areas)
				// Anti-aliased edges blur a pixel each side; more at 300 dpi.
				tol := 2 * sz.h / ScreenHeight
				if err := charttest.FollowValues(widths, tt.values, -1, tol); err != nil {
					t.Errorf("widths %v for values %v: %v", widths, tt.values, err)
				}
				// A zero stage is still drawn, narrow but wide enough to click.
				for i, v := range tt.values {
					if v == 0 && widths[i] < sz.w/20 {
						t.Errorf("zero band %d is %d px wide: too narrow to see or click", i, widths[i])
					}
				}
			})
		}
	}
}

// When every value is zero the widths carry no information: the code then
// draws a plain funnel, each band narrower than the one above by one step.
func TestFunnelAllZeroIsAPlainFunnel(t *testing.T) {
	b, areas, err := FunnelPNG(bandsOf(0, 0, 0, 0, 0), ScreenWidth, ScreenHeight)
	if err != nil {
		t.Fatal(err)
	}
	img, _ := png.Decode(bytes.NewReader(b))
	widths := measureBands(t, img, areas)
	step := widths[0] - widths[1]
	if step <= 0 {
		t.Fatalf("widths %v: not narrowing", widths)
	}
	for i := 1; i < len(widths); i++ {
		if d := widths[i-1] - widths[i]; d < step-2 || d > step+2 {
			t.Errorf("widths %v: step %d between bands %d and %d, want %d", widths, d, i-1, i, step)
		}
	}
}

// pngChunks lists a PNG's chunk types with their data, checking each CRC.
func pngChunks(t *testing.T, b []byte) (types []string, data map[string][]byte) {
	t.Helper()
	if !bytes.HasPrefix(b, pngSignature) {
		t.Fatal("no PNG signature")
	}
	data = map[string][]byte{}
	for p := 8; p < len(b); {
		n := int(binary.BigEndian.Uint32(b[p:]))
		typ, body := string(b[p+4:p+8]), b[p+8:p+8+n]
		if crc := binary.BigEndian.Uint32(b[p+8+n:]); crc != crc32.ChecksumIEEE(b[p+4:p+8+n]) {
			t.Fatalf("chunk %s: bad CRC", typ)
		}
		types = append(types, typ)
		if _, seen := data[typ]; !seen {
			data[typ] = body
		}
		p += 12 + n
	}
	return types, data
}

func TestPrintPNGStates300DPI(t *testing.T) {
	draws := []struct {
		name string
		png  func(w, h int) ([]byte, error)
	}{
		{"funnel", func(w, h int) ([]byte, error) { b, _, err := FunnelPNG(sample(), w, h); return b, err }},
		{"bars", func(w, h int) ([]byte, error) {
			return BarsPNG(Bars{Title: "t", Categories: []string{"a"}, Series: []BarSeries{{"s", []int64{1}}}}, w, h)
		}},
	}
	for _, d := range draws {
		t.Run(d.name, func(t *testing.T) {
			b, err := d.png(PrintWidth, PrintHeight)
			if err != nil {
				t.Fatal(err)
			}
			types, data := pngChunks(t, b)
			if len(types) < 3 || types[0] != "IHDR" || types[1] != "pHYs" {
				t.Fatalf("chunks %v: want pHYs right after IHDR", types)
			}
			phys := data["pHYs"]
			x, y := binary.BigEndian.Uint32(phys), binary.BigEndian.Uint32(phys[4:])
			// 300 dots per inch = 300 / 0.0254 per metre = 11811.02.
			if len(phys) != 9 || x != 11811 || y != 11811 || phys[8] != 1 {
				t.Errorf("pHYs = %v: want 11811 × 11811 pixels per metre", phys)
			}
			if _, err := png.Decode(bytes.NewReader(b)); err != nil {
				t.Errorf("the PNG no longer decodes: %v", err)
			}
			// The screen size states no resolution.
			b, err = d.png(ScreenWidth, ScreenHeight)
			if err != nil {
				t.Fatal(err)
			}
			if _, data := pngChunks(t, b); data["pHYs"] != nil {
				t.Error("the screen PNG has a pHYs chunk")
			}
		})
	}
}
