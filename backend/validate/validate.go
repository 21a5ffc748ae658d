// Package validate holds the field checks every service shares, each
// answering with an apperr naming the field.
package validate

import (
	"strings"
	"time"
	"unicode/utf8"

	"funneldesk/backend/apperr"
	"funneldesk/backend/money"
	"funneldesk/backend/msg"
)

// Date checks an optional YYYY-MM-DD date (also accepting YYYY/MM/DD) and
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

// Percent parses a percentage (0–100, at most 2 decimals) into basis points.
// Text trims s and checks its length; required text must not be empty.
// label is the field's label key (msg.Label...).
func Text(field string, label msg.Key, s string, required bool, max int) (string, error) {
	s = strings.TrimSpace(s)
	if required && s == "" {
		return "", apperr.Invalid(field, msg.Required, msg.P{"label": label})
	}
	if utf8.RuneCountInString(s) > max {
		return "", apperr.Invalid(field, msg.TooLong, msg.P{"label": label, "max": max})
	}
	return s, nil
}

// Date checks an optional YYYY-MM-DD date (also accepting YYYY/MM/DD) and
// returns it as YYYY-MM-DD; impossible dates such as 2025-02-30 are refused.
func Date(field string, label msg.Key, s string, required bool) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		if required {
			return "", apperr.Invalid(field, msg.Required, msg.P{"label": label})
		}
		return "", nil
	}
	d, ok := ParseDate(s)
	if !ok {
		return "", apperr.Invalid(field, msg.BadDate, msg.P{"label": label, "value": s})
	}
	return d, nil
}

// Amount parses a yuan amount into cents with a field error on failure.
func Amount(field string, label msg.Key, s string, required bool) (int64, error) {
	v, err := money.ParseYuan(s)
	switch err {
	case nil:
		return v, nil
	case money.ErrEmpty:
		if required {
			return 0, apperr.Invalid(field, msg.Required, msg.P{"label": label})
		}
		return 0, nil
	case money.ErrNegative:
		return 0, apperr.Invalid(field, msg.Negative, msg.P{"label": label, "value": s})
	case money.ErrPrecision:
		return 0, apperr.Invalid(field, msg.TwoDecimals, msg.P{"label": label, "value": s})
	case money.ErrRange:
		return 0, apperr.Invalid(field, msg.OutOfRange, msg.P{"label": label, "value": s})
	default:
		return 0, apperr.Invalid(field, msg.BadAmount, msg.P{"label": label, "value": s})
	}
}

// Percent parses a percentage (0–100, at most 2 decimals) into basis points.
// ok is false when s is empty.
func Percent(field string, label msg.Key, s string) (bp int, ok bool, err error) {
	v, perr := money.ParsePercent(s)
	switch perr {
	case nil:
		return v, true, nil
	case money.ErrEmpty:
		return 0, false, nil
	case money.ErrPrecision:
		return 0, false, apperr.Invalid(field, msg.TwoDecimals, msg.P{"label": label, "value": s})
	case money.ErrRange:
		return 0, false, apperr.Invalid(field, msg.PercentRange, msg.P{"label": label, "value": s})
	default:
		return 0, false, apperr.Invalid(field, msg.BadPercent, msg.P{"label": label, "value": s})
	}
}

// OneOf checks that s is empty or one of allowed.
func OneOf(field string, label msg.Key, s string, allowed []string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	for _, a := range allowed {
		if a == s {
			return s, nil
		}
	}
	return "", apperr.Invalid(field, msg.NotOneOf, msg.P{"label": label, "value": s, "allowed": strings.Join(allowed, " / ")})
}

// Phone checks an optional phone number loosely but really: digits,
// spaces, a leading +, -, one pair of parentheses, and an extension at the
// end (转, 分机, ext, x or # and its digits), with 5 to 20 digits in all.
// Full-width forms (（010）, ＋86) count as their ASCII twins; s is kept
// as typed, trimmed. Several numbers in one field are refused: a contact
// holds one.
func Phone(field string, label msg.Key, s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	digits, ok := phoneDigits(s)
	if !ok {
		return "", apperr.Invalid(field, msg.BadPhone, msg.P{"label": label, "value": s})
	}
	if digits < 5 || digits > 20 {
		return "", apperr.Invalid(field, msg.PhoneDigits, msg.P{"label": label, "value": s, "digits": digits})
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

// DateRange refuses a period whose end comes before its start, naming the end
// field: a reversed range would otherwise select nothing while the screen
// still shows it. from and to are YYYY-MM-DD as Date returns them; an open
// end ("") is never reversed.
func DateRange(toField, from, to string) error {
	if from != "" && to != "" && from > to {
		return apperr.Invalid(toField, msg.EndBeforeStart)
	}
	return nil
}

// Time checks an optional time of day, HH:MM (H:MM and a full-width colon
// accepted), and returns it as HH:MM; "" stays "". An impossible time
// (25:00, 9:75) is refused naming field, never corrected.
func Time(field string, label msg.Key, s string) (string, error) {
	s = strings.TrimSpace(strings.ReplaceAll(s, "：", ":"))
	if s == "" {
		return "", nil
	}
	t, err := time.Parse("15:04", s)
	if err != nil {
		return "", apperr.Invalid(field, msg.FollowUpBadTime, msg.P{"label": label, "value": s})
	}
	return t.Format("15:04"), nil
}
