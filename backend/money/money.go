// Package money parses and formats yuan amounts held as integer cents (分) and
// percentages held as integer basis points. No floats touch stored values.
package money

import (
	"errors"
	"math/big"
	"strconv"
	"strings"
)

// Errors returned by the parsers; callers wrap them into field errors.
var (
	ErrEmpty     = errors.New("empty")
	ErrMalformed = errors.New("malformed")
	ErrNegative  = errors.New("negative")
	ErrPrecision = errors.New("too many decimals")
	ErrRange     = errors.New("out of range")
)

// maxCents keeps sums of many amounts far away from int64 overflow.
const maxCents = int64(1_000_000_000_000_00) // 1 trillion yuan

// ParseYuan reads "1,234.56", "¥500", "500", "0.5" into cents. Thousands
// separators must sit every three digits; at most 2 decimals; no sign allowed
// but a leading "-" is reported as ErrNegative.
func ParseYuan(s string) (int64, error) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "¥")
	s = strings.TrimPrefix(s, "￥")
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, ErrEmpty
	}
	if strings.HasPrefix(s, "-") {
		if _, err := parseFixed(strings.TrimPrefix(s, "-"), 2, true); err == nil {
			return 0, ErrNegative
		}
		return 0, ErrMalformed
	}
	v, err := parseFixed(s, 2, true)
	if err != nil {
		return 0, err
	}
	if v > maxCents {
		return 0, ErrRange
	}
	return v, nil
}

// ParsePercent reads "60", "60.5", "12.34" into basis points (0..10000).
func ParsePercent(s string) (int, error) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	if s == "" {
		return 0, ErrEmpty
	}
	if strings.HasPrefix(s, "-") {
		return 0, ErrRange
	}
	v, err := parseFixed(s, 2, false)
	if err != nil {
		return 0, err
	}
	if v > 10000 {
		return 0, ErrRange
	}
	return int(v), nil
}

// ParseDecimal reads an unsigned decimal with optional thousands separators
// and at most `decimals` fraction digits ("1,000.5") into an integer scaled
// by 10^decimals; quantities use it with 3.
func ParseDecimal(s string, decimals int) (int64, error) {
	return parseFixed(strings.TrimSpace(s), decimals, true)
}

// parseFixed parses an unsigned decimal with at most `decimals` fraction
// digits into an integer scaled by 10^decimals.
func parseFixed(s string, decimals int, allowGrouping bool) (int64, error) {
	intPart, frac, hasDot := strings.Cut(s, ".")
	if hasDot && frac == "" {
		return 0, ErrMalformed
	}
	if intPart == "" {
		if !hasDot {
			return 0, ErrMalformed
		}
		intPart = "0"
	}
	if strings.Contains(intPart, ",") {
		if !allowGrouping {
			return 0, ErrMalformed
		}
		groups := strings.Split(intPart, ",")
		if len(groups[0]) < 1 || len(groups[0]) > 3 {
			return 0, ErrMalformed
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return 0, ErrMalformed
			}
		}
		intPart = strings.Join(groups, "")
	}
	if !allDigits(intPart) || (hasDot && !allDigits(frac)) {
		return 0, ErrMalformed
	}
	if len(frac) > decimals {
		return 0, ErrPrecision
	}
	if len(intPart) > 15 {
		return 0, ErrRange
	}
	for len(frac) < decimals {
		frac += "0"
	}
	v, err := strconv.ParseInt(intPart+frac, 10, 64)
	if err != nil {
		return 0, ErrRange
	}
	return v, nil
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Plain formats cents as "40000.00" (no grouping), as seed 000's table does.
func Plain(cents int64) string {
	neg := cents < 0
	if neg {
		cents = -cents
	}
	s := strconv.FormatInt(cents/100, 10) + "." + pad2(cents%100)
	if neg {
		return "-" + s
	}
	return s
}

// Yuan formats cents as "¥1,234.56".
func Yuan(cents int64) string {
	neg := cents < 0
	if neg {
		cents = -cents
	}
	s := "¥" + Group(cents/100) + "." + pad2(cents%100)
	if neg {
		return "-" + s
	}
	return s
}

// Group writes a whole number with thousands separators: 1234567 is
// "1,234,567" (counts, as the screens show them; Yuan's whole yuan).
func Group(n int64) string {
	ip := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, r := range ip {
		if i > 0 && ip[i-1] != '-' && (len(ip)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Percent formats basis points as "60" or "12.5" or "33.33".
func Percent(bp int) string {
	s := strconv.Itoa(bp/100) + "." + pad2(int64(bp%100))
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

func pad2(v int64) string {
	if v < 10 {
		return "0" + strconv.FormatInt(v, 10)
	}
	return strconv.FormatInt(v, 10)
}

// RoundDiv is round-half-up(num / den) for num ≥ 0 and den > 0, exact at
// any size: (2·num + den) / (2·den). Sums of cents × basis points and of
// cents × thousandths outgrow int64, so they are formed as big.Int.
func RoundDiv(num *big.Int, den int64) *big.Int {
	d := big.NewInt(den)
	q := new(big.Int).Lsh(num, 1)
	q.Add(q, d)
	return q.Quo(q, d.Lsh(d, 1))
}

// MulBP returns round-half-up(cents × bp / 10000) for non-negative inputs.
func MulBP(cents int64, bp int64) int64 {
	return (cents*bp + 5000) / 10000
}
