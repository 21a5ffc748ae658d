// Package validate holds the field checks every service shares, each
// answering with an apperr naming the field.
package validate

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"funneldesk/backend/apperr"
	"funneldesk/backend/money"
)

// Text trims s and checks its length; required text must not be empty.
func Text(field, label, labelEn, s string, required bool, max int) (string, error) {
	s = strings.TrimSpace(s)
	if required && s == "" {
		return "", apperr.Invalid(field, label+"不能为空", labelEn+" is required")
	}
	if utf8.RuneCountInString(s) > max {
		return "", apperr.Invalid(field, label+"太长（最多 "+itoa(max)+" 个字）", labelEn+" is too long (at most "+itoa(max)+" characters)")
	}
	return s, nil
}

// Date checks an optional YYYY-MM-DD date (also accepting YYYY/MM/DD) and
// returns it as YYYY-MM-DD; impossible dates such as 2025-02-30 are refused.
func Date(field, label, labelEn, s string, required bool) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		if required {
			return "", apperr.Invalid(field, label+"不能为空", labelEn+" is required")
		}
		return "", nil
	}
	d, ok := ParseDate(s)
	if !ok {
		return "", apperr.Invalid(field, label+"「"+s+"」不是有效日期（格式 YYYY-MM-DD）", labelEn+" \""+s+"\" is not a valid date (YYYY-MM-DD)")
	}
	return d, nil
}

// ParseDate reads YYYY-MM-DD or YYYY/MM/DD (one-digit month and day allowed)
// and returns the canonical YYYY-MM-DD.
func ParseDate(s string) (string, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), "/", "-")
	for _, layout := range []string{"2006-01-02", "2006-1-2"} {
		if t, err := time.Parse(layout, s); err == nil && t.Year() >= 1900 && t.Year() <= 2999 {
			return t.Format("2006-01-02"), true
		}
	}
	return "", false
}

// Amount parses a yuan amount into cents with a field error on failure.
func Amount(field, label, labelEn, s string, required bool) (int64, error) {
	v, err := money.ParseYuan(s)
	switch err {
	case nil:
		return v, nil
	case money.ErrEmpty:
		if required {
			return 0, apperr.Invalid(field, label+"不能为空", labelEn+" is required")
		}
		return 0, nil
	case money.ErrNegative:
		return 0, apperr.Invalid(field, label+"不能为负数："+s, labelEn+" must not be negative: "+s)
	case money.ErrPrecision:
		return 0, apperr.Invalid(field, label+"最多两位小数："+s, labelEn+" has more than 2 decimals: "+s)
	case money.ErrRange:
		return 0, apperr.Invalid(field, label+"超出范围："+s, labelEn+" is out of range: "+s)
	default:
		return 0, apperr.Invalid(field, label+"「"+s+"」不是有效金额", labelEn+" \""+s+"\" is not a valid amount")
	}
}

// Percent parses a percentage (0–100, at most 2 decimals) into basis points.
// ok is false when s is empty.
func Percent(field, label, labelEn, s string) (bp int, ok bool, err error) {
	v, perr := money.ParsePercent(s)
	switch perr {
	case nil:
		return v, true, nil
	case money.ErrEmpty:
		return 0, false, nil
	case money.ErrPrecision:
		return 0, false, apperr.Invalid(field, label+"最多两位小数："+s, labelEn+" has more than 2 decimals: "+s)
	case money.ErrRange:
		return 0, false, apperr.Invalid(field, label+"必须在 0 到 100 之间："+s, labelEn+" must be between 0 and 100: "+s)
	default:
		return 0, false, apperr.Invalid(field, label+"「"+s+"」不是有效百分比", labelEn+" \""+s+"\" is not a valid percentage")
	}
}

// OneOf checks that s is empty or one of allowed.
func OneOf(field, label, labelEn, s string, allowed []string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	for _, a := range allowed {
		if a == s {
			return s, nil
		}
	}
	return "", apperr.Invalid(field, label+"「"+s+"」不是可选值（"+strings.Join(allowed, " / ")+"）",
		labelEn+" \""+s+"\" is not one of "+strings.Join(allowed, " / "))
}

// Phone checks an optional phone number loosely but really: digits,
// spaces, a leading +, -, one pair of parentheses, and an extension at the
// end (转, 分机, ext, x or # and its digits), with 5 to 20 digits in all.
// Full-width forms (（010）, ＋86) count as their ASCII twins; s is kept
// as typed, trimmed. Several numbers in one field are refused: a contact
// holds one.
func Phone(field, label, labelEn, s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	digits, ok := phoneDigits(s)
	if !ok {
		return "", apperr.Invalid(field, label+"「"+s+"」格式不正确：只能有数字、空格、+、-、括号和分机号（如 010-6438 1234 转 123）",
			labelEn+" \""+s+"\" is not a phone number: use digits, spaces, +, -, parentheses and an extension (e.g. 010-6438 1234 ext 123)")
	}
	if digits < 5 || digits > 20 {
		return "", apperr.Invalid(field, label+"「"+s+"」有 "+itoa(digits)+" 位数字，电话号码应为 5 到 20 位",
			labelEn+" \""+s+"\" has "+itoa(digits)+" digits; a phone number has 5 to 20")
	}
	return s, nil
}

// phoneExt are the words that start an extension, lower case.
var phoneExt = []string{"分机", "转", "ext.", "ext", "x", "#"}

// phoneDigits counts the digits of a phone number; ok is false when s is
// not one.
func phoneDigits(s string) (digits int, ok bool) {
	rs := []rune(strings.ToLower(s))
	for i, r := range rs {
		if r >= 0xFF01 && r <= 0xFF5E { // full-width ASCII
			rs[i] = r - 0xFEE0
		}
	}
	ext, open, seen := false, false, false // in the extension; inside (); any non-space yet
	extDigits := 0
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r >= '0' && r <= '9':
			digits++
			if ext {
				extDigits++
			}
		case r == ' ':
		case ext:
			return 0, false
		case r == '+' && !seen:
		case r == '-':
		case r == '(' && !open:
			open = true
		case r == ')' && open:
			open = false
		default:
			m := ""
			for _, e := range phoneExt {
				if strings.HasPrefix(string(rs[i:]), e) {
					m = e
					break
				}
			}
			if m == "" || digits == 0 || open {
				return 0, false
			}
			ext = true
			i += len([]rune(m)) - 1
		}
		if r != ' ' {
			seen = true
		}
	}
	if open || (ext && extDigits == 0) {
		return 0, false
	}
	return digits, true
}

// Page clamps a 1-based page number and a page size (default 50, max 500).
func Page(page, size int) (offset, limit int) {
	if size <= 0 {
		size = 50
	}
	if size > 500 {
		size = 500
	}
	if page < 1 {
		page = 1
	}
	return (page - 1) * size, size
}

func itoa(n int) string { return strconv.Itoa(n) }
