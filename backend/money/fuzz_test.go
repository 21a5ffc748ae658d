package money

import (
	"fmt"
	"strings"
	"testing"
)

// The fuzz targets check what the parsers promise for any input: no panic,
// a value in range, and the formatted value read back to itself. Seeds are
// in testdata/fuzz; `go test` runs them, `make fuzz` searches further.

func FuzzParseYuan(f *testing.F) {
	for _, s := range []string{"1,234.56", "¥500", "￥ 0.5", "-1", "1,23", "99999999999999999999", "1e5", "  ", "0.001", "١٢٣"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseYuan(s)
		if err != nil {
			return
		}
		if v < 0 || v > maxCents {
			t.Fatalf("ParseYuan(%q) = %d, out of range", s, v)
		}
		for _, text := range []string{Plain(v), Yuan(v)} {
			back, err := ParseYuan(text)
			if err != nil || back != v {
				t.Fatalf("ParseYuan(%q) = %d, formatted %q reads back as %d, %v", s, v, text, back, err)
			}
		}
	})
}

func FuzzParsePercent(f *testing.F) {
	for _, s := range []string{"60", "60.5%", "12.34", "100", "100.01", "-0", "0.001", "%", "1,000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParsePercent(s)
		if err != nil {
			return
		}
		if v < 0 || v > 10000 {
			t.Fatalf("ParsePercent(%q) = %d, out of range", s, v)
		}
		text := strings.TrimSuffix(Percent(v), "%")
		if back, err := ParsePercent(text); err != nil || back != v {
			t.Fatalf("ParsePercent(%q) = %d, %q reads back as %d, %v", s, v, text, back, err)
		}
	})
}

// FuzzParseDecimal is the quantity parser (3 decimals, as product lines use).
func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{"1", "1.5", "1,000.125", "0.0001", "9223372036854775807", "1,0", ".5", "5."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseDecimal(s, 3)
		if err != nil {
			return
		}
		if v < 0 {
			t.Fatalf("ParseDecimal(%q) = %d, negative", s, v)
		}
		text := fmt.Sprintf("%d.%03d", v/1000, v%1000)
		if back, err := ParseDecimal(text, 3); err != nil || back != v {
			t.Fatalf("ParseDecimal(%q) = %d, %q reads back as %d, %v", s, v, text, back, err)
		}
	})
}
