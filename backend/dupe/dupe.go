// Package dupe makes the keys that find duplicate customers (查重, 撞单):
// two customers are the same company when their names agree once case,
// spaces, full-width forms and legal-form suffixes are set aside, or when
// they share a phone number (its digits, without +86/0086 or a trunk 0) or
// an email address. The keys are stored in indexed columns (migration 0013),
// so a check is an index lookup at any number of customers.
package dupe

import (
	"strings"
	"unicode"
)

// legalSuffixes are removed from the end of a name, longest first, again
// and again ("某某集团有限公司" → "某某").
var legalSuffixes = []string{"有限责任公司", "股份有限公司", "有限公司", "集团"}

// region is dropped wherever it stands ("西门子(中国)有限公司").
const region = "(中国)"

// width folds full-width ASCII forms and the ideographic space to their
// half-width twins, so "ＡＢＣ（中国）" reads as "abc(中国)".
func width(r rune) rune {
	switch {
	case r == '\u3000':
		return ' '
	case r >= '\uFF01' && r <= '\uFF5E':
		return r - 0xFEE0
	}
	return r
}

// Name is the duplicate key of a company name: "" when nothing is left.
func Name(s string) string {
	var b strings.Builder
	for _, r := range s {
		r = unicode.ToLower(width(r))
		if unicode.IsSpace(r) {
			continue
		}
		b.WriteRune(r)
	}
	k := strings.ReplaceAll(b.String(), region, "")
	for {
		trimmed := k
		for _, suf := range legalSuffixes {
			if strings.HasSuffix(trimmed, suf) && len(trimmed) > len(suf) {
				trimmed = strings.TrimSuffix(trimmed, suf)
				break
			}
		}
		if trimmed == k {
			break
		}
		k = trimmed
	}
	return k
}

// phoneExt starts an extension, which is not part of the number.
var phoneExt = []string{"分机", "转", "ext", "x", "#"}

// Phone is the duplicate key of a phone number: its digits without the
// country code 86 (+86, 0086) or a leading trunk 0, so "+86 138-0013-8000"
// and "13800138000", or "010-6552 1234" and "+86 10 65521234", agree. A
// number of fewer than 6 digits gives "" (too short to mean anything).
func Phone(s string) string {
	if d := PhoneDigits(s); len(d) >= 6 {
		return d
	}
	return ""
}

// PhoneDigits is Phone without the minimum length: the start of a key, for
// a search by a number's first digits.
func PhoneDigits(s string) string {
	s = strings.ToLower(strings.Map(width, s))
	for _, e := range phoneExt {
		if i := strings.Index(s, e); i > 0 {
			s = s[:i]
		}
	}
	plus := strings.HasPrefix(strings.TrimSpace(s), "+")
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	d := b.String()
	switch {
	case strings.HasPrefix(d, "0086"):
		d = d[4:]
	case plus && strings.HasPrefix(d, "86"):
		d = d[2:]
	case strings.HasPrefix(d, "86") && len(d) == 13:
		// 86 then a mobile number, written without the plus.
		d = d[2:]
	}
	return strings.TrimLeft(d, "0")
}

// Email is the duplicate key of an email address: trimmed, lower case.
func Email(s string) string {
	return strings.ToLower(strings.TrimSpace(strings.Map(width, s)))
}
