package validate

import (
	"testing"
	"time"
)

// FuzzParseDate: a date it accepts is a real calendar day written
// YYYY-MM-DD, and reading that again gives the same day.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2025-02-28", "2025-02-30", "2024-2-29", "2025/03/01", "0000-01-01", "9999-12-31", "2025-13-01", " 2025-01-01 ", "２０２５-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParseDate(s)
		if !ok {
			return
		}
		if _, err := time.Parse("2006-01-02", d); err != nil || len(d) != 10 {
			t.Fatalf("ParseDate(%q) = %q, not a YYYY-MM-DD day: %v", s, d, err)
		}
		if again, ok := ParseDate(d); !ok || again != d {
			t.Fatalf("ParseDate(%q) = %q, then %q %v", s, d, again, ok)
		}
	})
}
