package importer

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"funneldesk/backend/money"
)

// Amounts as other systems write them: a currency symbol or code before or
// after the number ($ US$ € £ HK$ ¥ ￥ RMB CNY USD 元 …), grouping by
// commas, dots, spaces or apostrophes, and a decimal comma where the value
// itself or the file shows it.

// currencyTokens are stripped from an amount, longest first so that "US$"
// is not left as "US".
var currencyTokens = []string{"人民币元", "人民币", "美元", "港币", "欧元", "英镑", "US$", "HK$", "NT$", "A$", "C$", "S$", "RMB", "CNY", "USD",
	"EUR", "GBP", "HKD", "JPY", "AUD", "CAD", "SGD", "TWD", "$", "€", "£", "¥", "元"}

// stripCurrency removes a currency symbol or code at either end and the
// spaces, no-break spaces and apostrophes used as grouping.
func stripCurrency(s string) string {
	s = strings.TrimSpace(norm.NFKC.String(s))
	for changed := true; changed; {
		changed = false
		for _, t := range currencyTokens {
			if len(s) >= len(t) && strings.EqualFold(s[:len(t)], t) {
				s, changed = strings.TrimSpace(s[len(t):]), true
			}
			if len(s) >= len(t) && strings.EqualFold(s[len(s)-len(t):], t) {
				s, changed = strings.TrimSpace(s[:len(s)-len(t)]), true
			}
		}
	}
	return strings.Map(func(r rune) rune {
		if r == '\'' || r == '’' || unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' {
			return -1
		}
		return r
	}, s)
}

// decimalStyle says which separator a file's amounts use for decimals when
// a value alone does not tell: '.' (the default) or ','.
type decimalStyle byte

// fileDecimalStyle decides from the values that show it: "1.234,56",
// "12,5" and "1.234.567" write a decimal comma; "1,234.56", "12.5" and
// "1,234,567" a decimal point. A comma is taken only when no value says
// otherwise.
func fileDecimalStyle(values func(yield func(string) bool)) decimalStyle {
	comma, dot := 0, 0
	for v := range values {
		s := stripCurrency(v)
		c, d := strings.Count(s, ","), strings.Count(s, ".")
		switch {
		case c > 0 && d > 0:
			if strings.LastIndexByte(s, ',') > strings.LastIndexByte(s, '.') {
				comma++
			} else {
				dot++
			}
		case c > 1:
			dot++
		case d > 1:
			comma++
		case c == 1 && len(s)-strings.IndexByte(s, ',')-1 != 3:
			comma++
		case d == 1 && len(s)-strings.IndexByte(s, '.')-1 != 3:
			dot++
		}
	}
	if comma > 0 && dot == 0 {
		return ','
	}
	return '.'
}

// parseMoney reads an amount into cents under the file's decimal style.
func parseMoney(s string, style decimalStyle) (int64, error) {
	s = stripCurrency(s)
	neg := false
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") { // accounting negative
		s, neg = s[1:len(s)-1], true
	}
	if strings.HasPrefix(s, "-") {
		s, neg = s[1:], true
	}
	c, d := strings.Count(s, ","), strings.Count(s, ".")
	dec := byte(0) // the decimal separator, 0 = none
	switch {
	case c > 0 && d > 0:
		dec = '.'
		if strings.LastIndexByte(s, ',') > strings.LastIndexByte(s, '.') {
			dec = ','
		}
	case c == 1 && len(s)-strings.IndexByte(s, ',')-1 != 3:
		dec = ','
	case d == 1 && len(s)-strings.IndexByte(s, '.')-1 != 3:
		dec = '.'
	case c == 1 && style == ',':
		dec = ','
	case d == 1 && style == '.':
		dec = '.'
	}
	group := byte(',')
	if dec == ',' || (dec == 0 && d > 0) {
		group = '.'
	}
	intPart, frac := s, ""
	if dec != 0 {
		i := strings.LastIndexByte(s, dec)
		intPart, frac = s[:i], s[i+1:]
		if strings.IndexByte(frac, group) >= 0 || strings.IndexByte(intPart, dec) >= 0 {
			return 0, money.ErrMalformed
		}
	}
	// Groups of three only: "1,23,456" is not an amount we can be sure of.
	if strings.IndexByte(intPart, group) >= 0 {
		parts := strings.Split(intPart, string(group))
		if len(parts[0]) < 1 || len(parts[0]) > 3 {
			return 0, money.ErrMalformed
		}
		for _, p := range parts[1:] {
			if len(p) != 3 {
				return 0, money.ErrMalformed
			}
		}
		intPart = strings.Join(parts, "")
	}
	plain := intPart
	if dec != 0 {
		plain += "." + frac
	}
	if neg {
		plain = "-" + plain
	}
	return money.ParseYuan(trimZeros(plain))
}

// Dates: ISO, Y/m/d, m/d/Y, d/m/Y, d.m.Y, Y年m月d日, month names, with or
// without a time, and Excel serial numbers. Whether 03/04/2025 is March or
// April is decided for the whole file: by a value whose first or second
// part exceeds 12, else by the exporting system's habit, else by the user.

// Date orders of a/b/Y dates.
const (
	OrderMDY = "mdy"
	OrderDMY = "dmy"
	OrderYMD = "ymd"
)

// splitDateTime drops a time of day after a date: "2025-03-12 10:30",
// "2025-03-12T10:30:00Z", "3/12/2025 3:55 PM", "2025-03-12T10:30:00+08:00".
func splitDateTime(s string) string {
	s = strings.TrimSpace(norm.NFKC.String(s))
	if i := strings.IndexAny(s, " T"); i > 0 {
		rest := strings.TrimSpace(s[i+1:])
		if looksLikeTime(rest) {
			return strings.TrimSpace(s[:i])
		}
	}
	return s
}

func looksLikeTime(s string) bool {
	u := strings.ToUpper(s)
	u = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(u, "AM"), "PM"))
	if u == "" || u[0] < '0' || u[0] > '9' || !strings.Contains(u, ":") {
		return false
	}
	for _, r := range u {
		if !(r >= '0' && r <= '9' || r == ':' || r == '.' || r == 'Z' || r == '+' || r == '-' || r == ' ') {
			return false
		}
	}
	return true
}

// dateParts splits a numeric date into its three numbers and separator.
func dateParts(s string) (a, b, c string, sep byte, ok bool) {
	for _, sp := range []byte{'-', '/', '.'} {
		if p := strings.Split(s, string(sp)); len(p) == 3 {
			for _, x := range p {
				if x == "" || len(x) > 4 || !allDigits(x) {
					return "", "", "", 0, false
				}
			}
			return p[0], p[1], p[2], sp, true
		}
	}
	return "", "", "", 0, false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// dateVote tells what one value says about the file's day/month order:
// OrderDMY when its first part exceeds 12, OrderMDY when its second does,
// "" when it says nothing; ambiguous reports a value that needs the order.
func dateVote(s string) (vote string, ambiguous bool) {
	a, b, c, sep, ok := dateParts(splitDateTime(s))
	if !ok || len(c) != 4 || len(a) > 2 || sep == '.' {
		return "", false
	}
	x, _ := strconv.Atoi(a)
	y, _ := strconv.Atoi(b)
	switch {
	case x > 12 && y <= 12:
		return OrderDMY, false
	case y > 12 && x <= 12:
		return OrderMDY, false
	}
	return "", x != y && x <= 12 && y <= 12
}

var monthLayouts = []string{"Jan 2, 2006", "January 2, 2006", "2-Jan-2006", "2 Jan 2006", "2 January 2006", "Jan 2 2006", "02-Jan-06"}

// parseDateOrder reads a date under the file's order ("" when none is
// known: an ambiguous a/b/Y date is then refused, see dateVote).
func parseDateOrder(s, order string) (string, bool) {
	s = splitDateTime(s)
	if s == "" {
		return "", false
	}
	if strings.HasSuffix(s, "日") {
		s = strings.NewReplacer("年", "-", "月", "-", "日", "").Replace(s)
	}
	if a, b, c, sep, ok := dateParts(s); ok {
		var y, m, d string
		switch {
		case len(a) == 4:
			y, m, d = a, b, c
		case len(c) == 4 && sep == '.':
			// d.m.Y is the dotted European order everywhere it is used.
			y, m, d = c, b, a
		case len(c) == 4:
			x, _ := strconv.Atoi(a)
			z, _ := strconv.Atoi(b)
			switch {
			case x > 12:
				y, m, d = c, b, a
			case z > 12:
				y, m, d = c, a, b
			case order == OrderDMY || x == z:
				y, m, d = c, b, a
			case order == OrderMDY:
				y, m, d = c, a, b
			default:
				return "", false
			}
		default:
			return "", false
		}
		return validDate(y, m, d)
	}
	if allDigits(strings.ReplaceAll(s, ".", "")) && strings.Count(s, ".") <= 1 {
		// An Excel serial written as text: 1954..2119 only, so that no
		// other number passes for a date.
		if v, err := strconv.ParseFloat(s, 64); err == nil && v >= 20000 && v <= 80000 {
			return serialDate(strconv.FormatFloat(math.Floor(v), 'f', 0, 64), false)
		}
		return "", false
	}
	for _, l := range monthLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format("2006-01-02"), true
		}
	}
	return "", false
}

func validDate(y, m, d string) (string, bool) {
	yi, _ := strconv.Atoi(y)
	mi, _ := strconv.Atoi(m)
	di, _ := strconv.Atoi(d)
	t := time.Date(yi, time.Month(mi), di, 0, 0, 0, 0, time.UTC)
	if yi < 1900 || yi > 2999 || t.Year() != yi || int(t.Month()) != mi || t.Day() != di {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// parseBool reads the yes/no cells of status columns: true, 1, yes, 是, Y.
func parseBool(s string) (v, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "1", "yes", "y", "是", "√", "✓", "t":
		return true, true
	case "false", "0", "no", "n", "否", "", "f", "×":
		return false, true
	}
	return false, false
}

// statusKind reads a status column: Won / Lost / Open and their Chinese;
// "" = open or unknown.
func statusKind(s string) string {
	if k := closedKind(s); k != "" {
		return k
	}
	switch normStage(s) {
	case "archived", "已归档", "deleted":
		return "archived"
	}
	return ""
}
