package importer

import "testing"

// TestGrouped: the CLI's progress line groups its figures as the screens do.
func TestGrouped(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 65536: "65,536", 1000000: "1,000,000", -1234567: "-1,234,567", -100: "-100"} {
		if got := grouped(n); got != want {
			t.Errorf("grouped(%d) = %q, want %q", n, got, want)
		}
	}
}
