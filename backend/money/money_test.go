package money

import (
	"errors"
	"math/big"
	"testing"
)

func TestParseYuan(t *testing.T) {
	tests := []struct {
		in      string
		want    int64
		wantErr error
	}{
		{"1,234.56", 123456, nil},
		{"500", 50000, nil},
		{"0.5", 50, nil},
		{".5", 50, nil},
		{"0", 0, nil},
		{"40000.00", 4000000, nil},
		{"¥1,000", 100000, nil},
		{"￥1,000.1", 100010, nil},
		{" ¥ 12.30 ", 1230, nil},
		{"1,000,000", 100000000, nil},
		{"1000000000000", 100000000000000, nil}, // the largest amount allowed
		{"1000000000000.01", 0, ErrRange},
		{"9999999999999999", 0, ErrRange},
		{"1,23.00", 0, ErrMalformed},
		{",123", 0, ErrMalformed},
		{"1234,567", 0, ErrMalformed},
		{"1.234", 0, ErrPrecision},
		{"0.001", 0, ErrPrecision},
		{"-5", 0, ErrNegative},
		{"-1,234.50", 0, ErrNegative},
		{"-abc", 0, ErrMalformed},
		{"abc", 0, ErrMalformed},
		{"12a", 0, ErrMalformed},
		{"+5", 0, ErrMalformed},
		{"5.", 0, ErrMalformed},
		{"1.2.3", 0, ErrMalformed},
		{"1e5", 0, ErrMalformed},
		{"", 0, ErrEmpty},
		{"  ", 0, ErrEmpty},
		{"¥", 0, ErrEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseYuan(tt.in)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("ParseYuan(%q) error = %v, want %v", tt.in, err, tt.wantErr)
			}
			if got != tt.want {
				t.Errorf("ParseYuan(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

func TestParsePercent(t *testing.T) {
	tests := []struct {
		in      string
		want    int
		wantErr error
	}{
		{"60", 6000, nil},
		{"60%", 6000, nil},
		{" 60 % ", 6000, nil},
		{"60.5", 6050, nil},
		{"12.34", 1234, nil},
		{"0", 0, nil},
		{"0.01", 1, nil},
		{"100", 10000, nil},
		{"100.00", 10000, nil},
		{"100.01", 0, ErrRange},
		{"101", 0, ErrRange},
		{"-5", 0, ErrRange},
		{"12.345", 0, ErrPrecision},
		{"1,000", 0, ErrMalformed},
		{"abc", 0, ErrMalformed},
		{"", 0, ErrEmpty},
		{"%", 0, ErrEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParsePercent(tt.in)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("ParsePercent(%q) error = %v, want %v", tt.in, err, tt.wantErr)
			}
			if got != tt.want {
				t.Errorf("ParsePercent(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		cents       int64
		plain, yuan string
	}{
		{0, "0.00", "¥0.00"},
		{5, "0.05", "¥0.05"},
		{50, "0.50", "¥0.50"},
		{100, "1.00", "¥1.00"},
		{123456, "1234.56", "¥1,234.56"},
		{4000000, "40000.00", "¥40,000.00"},
		{9000000, "90000.00", "¥90,000.00"},
		{100000, "1000.00", "¥1,000.00"},
		{99999, "999.99", "¥999.99"},
		{123456789012, "1234567890.12", "¥1,234,567,890.12"},
		{-123456, "-1234.56", "-¥1,234.56"},
	}
	for _, tt := range tests {
		t.Run(tt.plain, func(t *testing.T) {
			if got := Plain(tt.cents); got != tt.plain {
				t.Errorf("Plain(%d) = %q, want %q", tt.cents, got, tt.plain)
			}
			if got := Yuan(tt.cents); got != tt.yuan {
				t.Errorf("Yuan(%d) = %q, want %q", tt.cents, got, tt.yuan)
			}
		})
	}
}

func TestFormatRoundTrip(t *testing.T) {
	for _, cents := range []int64{0, 1, 99, 100, 123456, 4000000, 100000000000000} {
		for _, s := range []string{Plain(cents), Yuan(cents)} {
			got, err := ParseYuan(s)
			if err != nil || got != cents {
				t.Errorf("ParseYuan(%q) = %d, %v; want %d", s, got, err, cents)
			}
		}
	}
}

func TestPercent(t *testing.T) {
	tests := []struct {
		bp   int
		want string
	}{
		{0, "0"},
		{1, "0.01"},
		{10, "0.1"},
		{1000, "10"},
		{1050, "10.5"},
		{1250, "12.5"},
		{3333, "33.33"},
		{6000, "60"},
		{10000, "100"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := Percent(tt.bp); got != tt.want {
				t.Errorf("Percent(%d) = %q, want %q", tt.bp, got, tt.want)
			}
			back, err := ParsePercent(tt.want)
			if err != nil || back != tt.bp {
				t.Errorf("ParsePercent(%q) = %d, %v; want %d", tt.want, back, err, tt.bp)
			}
		})
	}
}

func TestMulBP(t *testing.T) {
	tests := []struct {
		name      string
		cents, bp int64
		want      int64
	}{
		{"10% of 40000", 4000000, 1000, 400000},
		{"60% of 10000", 1000000, 6000, 600000},
		{"100%", 4000000, 10000, 4000000},
		{"0%", 4000000, 0, 0},
		{"zero amount", 0, 5000, 0},
		{"half rounds up", 1, 5000, 1},         // 0.5 cent
		{"below half rounds down", 1, 4999, 0}, // 0.4999 cent
		{"1.5 rounds up to 2", 3, 5000, 2},
		{"2.5 rounds up to 3", 5, 5000, 3},
		{"33.33% of 1 yuan", 100, 3333, 33},
		{"66.67% of 1 yuan", 100, 6667, 67},
		{"12.5% of 0.99", 99, 1250, 12}, // 12.375
		{"87.5% of 0.99", 99, 8750, 87}, // 86.625
		{"large amount", 100000000000000, 10000, 100000000000000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MulBP(tt.cents, tt.bp); got != tt.want {
				t.Errorf("MulBP(%d, %d) = %d, want %d", tt.cents, tt.bp, got, tt.want)
			}
		})
	}
}

func TestRoundDiv(t *testing.T) {
	huge, _ := new(big.Int).SetString("99989999999999000100", 10) // beyond int64
	tests := []struct {
		num  *big.Int
		den  int64
		want string
	}{
		{big.NewInt(0), 7, "0"},
		{big.NewInt(5), 10, "1"},  // exactly half rounds up
		{big.NewInt(4), 10, "0"},  // below half rounds down
		{big.NewInt(15), 10, "2"}, // 1.5 → 2
		{big.NewInt(1), 3, "0"},   // 0.33
		{big.NewInt(2), 3, "1"},   // 0.67
		{big.NewInt(10000), 3, "3333"},
		{huge, 10000, "9998999999999900"},
	}
	for _, tt := range tests {
		if got := RoundDiv(tt.num, tt.den).String(); got != tt.want {
			t.Errorf("RoundDiv(%s, %d) = %s, want %s", tt.num, tt.den, got, tt.want)
		}
	}
}

// TestGroup: whole numbers with thousands separators, the sign kept apart.
func TestGroup(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 65536: "65,536", 1000000: "1,000,000",
		-1234567: "-1,234,567", -100: "-100", -1000: "-1,000"} {
		if got := Group(n); got != want {
			t.Errorf("Group(%d) = %q, want %q", n, got, want)
		}
	}
}
