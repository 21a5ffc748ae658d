package product

import "testing"

func TestParseQty(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		err  error
	}{
		{"1", 1000, nil},
		{" 2 ", 2000, nil},
		{"1.5", 1500, nil},
		{"0.001", 1, nil},
		{".5", 500, nil},
		{"1,000", 1000000, nil},
		{"1,000.125", 1000125, nil},
		{"1000000000", 1000000000000, nil},
		{"", 0, ErrQtyEmpty},
		{"0", 0, ErrQtyRange},
		{"0.000", 0, ErrQtyRange},
		{"-1", 0, ErrQtyRange},
		{"1000000000.001", 0, ErrQtyRange},
		{"1.2345", 0, ErrQtyPrecision},
		{"1.", 0, ErrQtyMalformed},
		{"abc", 0, ErrQtyMalformed},
		{"1,00", 0, ErrQtyMalformed},
		{"1e3", 0, ErrQtyMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseQty(tt.in)
			if err != tt.err || got != tt.want {
				t.Errorf("ParseQty(%q) = %d, %v; want %d, %v", tt.in, got, err, tt.want, tt.err)
			}
		})
	}
}

func TestFormatQty(t *testing.T) {
	tests := []struct {
		milli int64
		want  string
	}{{1000, "1"}, {1500, "1.5"}, {1, "0.001"}, {1250, "1.25"}, {1000000, "1000"}, {-1500, "-1.5"}}
	for _, tt := range tests {
		if got := FormatQty(tt.milli); got != tt.want {
			t.Errorf("FormatQty(%d) = %q, want %q", tt.milli, got, tt.want)
		}
		if tt.milli > 0 {
			if back, err := ParseQty(FormatQty(tt.milli)); err != nil || back != tt.milli {
				t.Errorf("round trip of %d gave %d, %v", tt.milli, back, err)
			}
		}
	}
}

func TestLineTotal(t *testing.T) {
	tests := []struct {
		name        string
		qty, price  int64
		disc        int
		want        int64
		wantOK      bool
		description string
	}{
		{"plain", 2000, 12345, 0, 24690, true, "2 × 123.45"},
		{"discount", 1000, 10000, 1000, 9000, true, "100 less 10%"},
		{"half cent rounds up", 1000, 1, 5000, 1, true, "0.01 at 50% = 0.005 → 0.01"},
		{"below half rounds down", 1000, 1, 5100, 0, true, "0.01 at 49% = 0.0049 → 0.00"},
		{"fractional quantity", 1500, 333, 0, 500, true, "1.5 × 3.33 = 4.995 → 5.00"},
		{"tiny quantity", 1, 100, 0, 0, true, "0.001 × 1.00 = 0.001 → 0.00"},
		{"full discount", 5000, 99999, 10000, 0, true, "100% off"},
		{"12.5% of 3 × 33.33", 3000, 3333, 1250, 8749, true, "99.99 × 0.875 = 87.49125"},
		{"huge", 1_000_000_000_000, 1_000_000_000_000_00, 0, 0, false, "10^9 units at 10^12 yuan"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := LineTotal(tt.qty, tt.price, tt.disc)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("%s: LineTotal = %d, %v; want %d, %v", tt.description, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestShareOfAddsUpToTheTotal(t *testing.T) {
	// Returning a line of 3 in three single units gives back exactly its total.
	total, qty := int64(10000), int64(3000)
	var sum, done int64
	for _, part := range []int64{1000, 1000, 1000} {
		before := ShareOf(total, done, qty)
		done += part
		sum += ShareOf(total, done, qty) - before
	}
	if sum != total {
		t.Errorf("three thirds of 100.00 gave back %d cents, want %d", sum, total)
	}
	tests := []struct{ total, part, whole, want int64 }{
		{10000, 1000, 3000, 3333},
		{10000, 2000, 3000, 6667},
		{5, 1000, 2000, 3}, // 2.5 rounds up
		{10000, 0, 3000, 0},
		{10000, 3000, 3000, 10000},
	}
	for _, tt := range tests {
		if got := ShareOf(tt.total, tt.part, tt.whole); got != tt.want {
			t.Errorf("ShareOf(%d, %d, %d) = %d, want %d", tt.total, tt.part, tt.whole, got, tt.want)
		}
	}
}
