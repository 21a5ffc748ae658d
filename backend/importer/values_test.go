package importer

import (
	"strings"
	"testing"

	"funneldesk/backend/money"
)

// One table per value rule of other systems' files (issue 13): currency
// symbols and codes, grouping, the decimal comma, each date form, Excel
// serials, percentages and the product active flag.

func TestParseMoneyCurrency(t *testing.T) {
	tests := []struct {
		in   string
		want int64
	}{
		{"$105,900.84", 10590084},
		{"US$ 1,000", 100000},
		{"USD 1,000.50", 100050},
		{"1,000.50 USD", 100050},
		{"€1.234,56", 123456},
		{"£12.5", 1250},
		{"HK$ 88", 8800},
		{"¥500", 50000},
		{"￥500.00", 50000},
		{"RMB 500", 50000},
		{"CNY500", 50000},
		{"500元", 50000},
		{"人民币 500", 50000},
		{"(1,000.00)", -100000},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseMoney(tt.in, '.')
			if tt.want < 0 {
				if err != money.ErrNegative {
					t.Fatalf("parseMoney(%q) = %d, %v; want ErrNegative", tt.in, got, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("parseMoney(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestParseMoneyGrouping(t *testing.T) {
	tests := []struct {
		in    string
		style decimalStyle
		want  int64
		ok    bool
	}{
		{"1,234,567", '.', 123456700, true},
		{"1 234 567", '.', 123456700, true},
		{"1'234'567.50", '.', 123456750, true},
		{"1\u00a0234,50", ',', 123450, true},
		{"1.234.567", '.', 123456700, true}, // dots in threes: grouping
		{"1,23,456", '.', 0, false},         // not groups of three
		{"12,34.5", '.', 0, false},
		{"1.2.3", '.', 0, false},
		{"12.345", '.', 0, false}, // one dot, three decimals, a dot file: too precise
		{"12.345", ',', 1234500, true},
		{"abc", '.', 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseMoney(tt.in, tt.style)
			if (err == nil) != tt.ok || (tt.ok && got != tt.want) {
				t.Fatalf("parseMoney(%q, %c) = %d, %v; want %d ok=%v", tt.in, tt.style, got, err, tt.want, tt.ok)
			}
		})
	}
}

func TestDecimalComma(t *testing.T) {
	tests := []struct {
		name   string
		values []string
		want   decimalStyle
	}{
		{"1.234,56 says comma", []string{"1.234,56", "500"}, ','},
		{"12,5 says comma", []string{"12,5"}, ','},
		{"1,234.56 says point", []string{"1,234.56"}, '.'},
		{"both: point wins", []string{"12,5", "1,234.56"}, '.'},
		{"1,234 alone says nothing", []string{"1,234"}, '.'},
		{"1.234.567 says comma", []string{"1.234.567"}, ','},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fileDecimalStyle(func(yield func(string) bool) {
				for _, v := range tt.values {
					if !yield(v) {
						return
					}
				}
			})
			if got != tt.want {
				t.Fatalf("style %c, want %c", got, tt.want)
			}
		})
	}
	// Under the comma style, 1.234,56 and 1,5 read as decimals.
	for in, want := range map[string]int64{"1.234,56": 123456, "1,5": 150, "€ 2.000": 200000} {
		if got, err := parseMoney(in, ','); err != nil || got != want {
			t.Errorf("parseMoney(%q, ',') = %d, %v; want %d", in, got, err, want)
		}
	}
}

func TestParseDateOrderForms(t *testing.T) {
	tests := []struct {
		in, order, want string
	}{
		{"2025-03-12", "", "2025-03-12"},
		{"2025/3/12", "", "2025-03-12"},
		{"2025.03.12", "", "2025-03-12"},
		{"2025年3月12日", "", "2025-03-12"},
		{"3/12/2025", OrderMDY, "2025-03-12"},
		{"12/3/2025", OrderDMY, "2025-03-12"},
		{"12/03/2025", "", ""},           // ambiguous without an order
		{"13/03/2025", "", "2025-03-13"}, // 13 is a day: d/m/Y
		{"03/13/2025", "", "2025-03-13"}, // m/d/Y
		{"12.03.2025", "", "2025-03-12"}, // d.m.Y
		{"3/12/2025 3:55 PM", OrderMDY, "2025-03-12"},
		{"3/12/2025 15:55", OrderMDY, "2025-03-12"},
		{"2025-03-12 10:30:00", "", "2025-03-12"},
		{"2025-03-12T10:30:00Z", "", "2025-03-12"},
		{"2025-03-12T10:30:00+08:00", "", "2025-03-12"},
		{"Mar 12, 2025", "", "2025-03-12"},
		{"12-Mar-2025", "", "2025-03-12"},
		{"45728", "", "2025-03-12"}, // an Excel serial written as text
		{"45728.5", "", "2025-03-12"},
		{"120", "", ""},
		{"2025-02-30", "", ""},
		{"31/04/2025", OrderDMY, ""},
	}
	for _, tt := range tests {
		t.Run(tt.in+"/"+tt.order, func(t *testing.T) {
			got, ok := parseDateOrder(tt.in, tt.order)
			if got != tt.want || ok != (tt.want != "") {
				t.Fatalf("parseDateOrder(%q, %q) = %q, %v; want %q", tt.in, tt.order, got, ok, tt.want)
			}
		})
	}
}

func TestDateVote(t *testing.T) {
	tests := []struct {
		in, vote  string
		ambiguous bool
	}{
		{"13/03/2025", OrderDMY, false},
		{"03/13/2025", OrderMDY, false},
		{"03/04/2025", "", true},
		{"04/04/2025", "", false}, // the same either way
		{"2025-03-04", "", false},
		{"12.03.2025", "", false}, // dotted: always d.m.Y
	}
	for _, tt := range tests {
		if v, amb := dateVote(tt.in); v != tt.vote || amb != tt.ambiguous {
			t.Errorf("dateVote(%q) = %q, %v; want %q, %v", tt.in, v, amb, tt.vote, tt.ambiguous)
		}
	}
}

func TestExcelSerials(t *testing.T) {
	tests := []struct {
		raw      string
		date1904 bool
		want     string
	}{
		{"36526", false, "2000-01-01"},
		{"36585", false, "2000-02-29"},
		{"45728", false, "2025-03-12"},
		{"45728.99", false, "2025-03-12"},
		{"44266", true, "2025-03-12"},
		{"0", false, ""},
		{"500000", false, ""},
		{"-3", false, ""},
	}
	for _, tt := range tests {
		if got, _ := serialDate(tt.raw, tt.date1904); got != tt.want {
			t.Errorf("serialDate(%q, %v) = %q, want %q", tt.raw, tt.date1904, got, tt.want)
		}
	}
}

func TestParsePercentForms(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"60", 6000, true},
		{"60%", 6000, true},
		{"60 %", 6000, true},
		{"60％", 6000, true},
		{"65.5", 6550, true},
		{"12.34%", 1234, true},
		{"40.0000", 4000, true},
		{"0", 0, true},
		{"100", 10000, true},
		{"101", 0, false},
		{"-5", 0, false},
		{"12.345", 0, false},
		{"high", 0, false},
	}
	for _, tt := range tests {
		got, err := parsePercent(tt.in)
		if (err == nil) != tt.ok || (tt.ok && got != tt.want) {
			t.Errorf("parsePercent(%q) = %d, %v; want %d ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestActiveAndPersonNames(t *testing.T) {
	for in, want := range map[string]string{"启用": "1", "停用": "0", "Active": "1", "inactive": "0", "是": "1", "否": "0", "下架": "0", "maybe": ""} {
		if got := activeValue(in); got != want {
			t.Errorf("activeValue(%q) = %q, want %q", in, got, want)
		}
	}
	for _, tt := range [][3]string{{"San", "Zhang", "San Zhang"}, {"三", "张", "张三"}, {"", "李", "李"}, {"Ann", "", "Ann"}} {
		if got := personName(tt[0], tt[1]); got != tt[2] {
			t.Errorf("personName(%q, %q) = %q, want %q", tt[0], tt[1], got, tt[2])
		}
	}
	if !strings.Contains(personName("A", "B"), " ") {
		t.Error("latin names are joined with a space")
	}
}
