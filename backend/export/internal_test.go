package export

import (
	"strings"
	"testing"
)

func TestTextWidth(t *testing.T) {
	for s, want := range map[string]int{"": 0, "abc": 3, "销售": 4, "A1 销": 5, "ＡＢ": 4, "¥": 1} {
		if got := textWidth(s); got != want {
			t.Errorf("textWidth(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestSheetName(t *testing.T) {
	for in, want := range map[string]string{"": "Sheet1", "a/b": "a_b", FiltersSheet: "Sheet1",
		strings.Repeat("长", 40): strings.Repeat("长", 31)} {
		if got := sheetName(in, FiltersSheet); got != want {
			t.Errorf("sheetName(%q) = %q, want %q", in, got, want)
		}
	}
}
