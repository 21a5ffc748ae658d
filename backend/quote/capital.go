package quote

import "strings"

var capitalDigits = []string{"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"}
var capitalUnits = []string{"", "拾", "佰", "仟"}

// Capital writes cents as a Chinese capital amount (大写金额) following the
// rules for bills (《正确填写票据和结算凭证的基本规定》):
//
//   - an amount that ends at 元 ends with 整: 100000.00 → 壹拾万元整; zero is 零元整;
//   - a run of zeros inside the figure is one 零: 1001 → 壹仟零壹元整;
//   - when 角 is zero and 分 is not, 零 follows 元: 10.05 → 壹拾元零伍分;
//   - when 元 (the units digit) is zero and 角 is not, the optional 零 is
//     written: 10000000.10 → 壹仟万元零壹角; nothing follows 角 or 分;
//   - 拾 always carries its digit: 10 → 壹拾.
//
// Negative amounts are prefixed with 负.
func Capital(cents int64) string {
	if cents < 0 {
		if cents == -cents { // math.MinInt64 has no positive counterpart
			return ""
		}
		return "负" + Capital(-cents)
	}
	yuan, jiao, fen := cents/100, cents/10%10, cents%10
	if cents == 0 {
		return "零元整"
	}
	var b strings.Builder
	if yuan > 0 {
		b.WriteString(capitalInteger(yuan))
		b.WriteString("元")
		if jiao == 0 && fen == 0 {
			b.WriteString("整")
			return b.String()
		}
		if jiao == 0 || yuan%10 == 0 {
			b.WriteString("零")
		}
	}
	if jiao > 0 {
		b.WriteString(capitalDigits[jiao] + "角")
	}
	if fen > 0 {
		b.WriteString(capitalDigits[fen] + "分")
	}
	return b.String()
}

// capitalInteger writes n > 0 with 万 and 亿 sections; a section starting
// with zeros after a higher one gets one 零 (1,0001,0000 → 壹亿零壹万).
func capitalInteger(n int64) string {
	switch {
	case n >= 1_0000_0000:
		hi, lo := n/1_0000_0000, n%1_0000_0000
		s := capitalInteger(hi) + "亿"
		if lo == 0 {
			return s
		}
		if lo < 1000_0000 {
			s += "零"
		}
		return s + capitalInteger(lo)
	case n >= 1_0000:
		hi, lo := n/1_0000, n%1_0000
		s := capitalSection(hi) + "万"
		if lo == 0 {
			return s
		}
		if lo < 1000 {
			s += "零"
		}
		return s + capitalSection(lo)
	}
	return capitalSection(n)
}

// capitalSection writes 1 ≤ n ≤ 9999.
func capitalSection(n int64) string {
	var b strings.Builder
	started, zero := false, false
	for i, p := 3, int64(1000); i >= 0; i, p = i-1, p/10 {
		d := n / p % 10
		if d == 0 {
			zero = zero || started
			continue
		}
		if zero {
			b.WriteString("零")
			zero = false
		}
		b.WriteString(capitalDigits[d] + capitalUnits[i])
		started = true
	}
	return b.String()
}
