package chart

import (
	"bytes"
	"image/png"
	"strings"
	"testing"
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
