// Package pinyin turns names into the keys that the store keeps beside them
// so Chinese users can search by pinyin ("huaqiang") or its initials ("hq")
// and lists sort in pinyin order: 华强电子 → huaqiangdianzi / hqdz.
//
// The keys are lower case and hold only letters and digits: each Chinese
// character becomes its toneless syllable (initial letter for the
// initials key), and any other letter or digit passes through lower-cased
// (full-width ones folded to ASCII), so ABC科技 → abckeji / abckj.
// Spaces and punctuation are dropped (a search typed as "hua qiang" or
// "xi'an" is folded the same way, see Query), except that the full key
// ends a number with a space so it sorts as the name would: 3M中国 →
// "3 mzhongguo" / 3mzg; such a name is found by its text or initials.
//
// Readings: go-pinyin gives one reading per character, the first of its
// dictionary, which is right for most names but not for a few common
// polyphones (长沙 would be zhangsha, 重庆 zhongqing, 银行 yinxing). A small
// table of two-character words fixes the place names and business words
// that appear in company and deal names; a table of surnames fixes the
// first character of a person's name (单 shan, 曾 zeng). Anything else
// takes the default reading.
package pinyin

import (
	"strings"
	"sync"
	"unicode"

	gopinyin "github.com/mozillazg/go-pinyin"
)

// words are two-character words whose default per-character reading is
// wrong: common Chinese place names and business words.
var words = map[string][2]string{
	"重庆": {"chong", "qing"}, "厦门": {"xia", "men"}, "成都": {"cheng", "du"}, "首都": {"shou", "du"},
	"都市": {"du", "shi"}, "都会": {"du", "hui"}, "西藏": {"xi", "zang"}, "蚌埠": {"beng", "bu"},
	"六安": {"lu", "an"}, "番禺": {"pan", "yu"}, "乐清": {"yue", "qing"}, "长沙": {"chang", "sha"},
	"长春": {"chang", "chun"}, "长城": {"chang", "cheng"}, "长江": {"chang", "jiang"}, "长安": {"chang", "an"},
	"长治": {"chang", "zhi"}, "长宁": {"chang", "ning"}, "长兴": {"chang", "xing"}, "长虹": {"chang", "hong"},
	"长丰": {"chang", "feng"}, "长期": {"chang", "qi"}, "长途": {"chang", "tu"}, "长青": {"chang", "qing"},
	"长乐": {"chang", "le"}, "长寿": {"chang", "shou"}, "银行": {"yin", "hang"}, "行业": {"hang", "ye"},
	"商行": {"shang", "hang"}, "分行": {"fen", "hang"}, "支行": {"zhi", "hang"}, "车行": {"che", "hang"},
	"琴行": {"qin", "hang"}, "会计": {"kuai", "ji"}, "音乐": {"yin", "yue"}, "乐器": {"yue", "qi"},
	"重组": {"chong", "zu"}, "重建": {"chong", "jian"}, "调整": {"tiao", "zheng"}, "空调": {"kong", "tiao"},
	"协调": {"xie", "tiao"}, "调试": {"tiao", "shi"}, "调度": {"diao", "du"},
}

// surnames are the readings of characters that read differently as a
// family name, used for the first character of a person's name.
var surnames = map[rune]string{
	'单': "shan", '曾': "zeng", '解': "xie", '朴': "piao", '区': "ou", '仇': "qiu", '查': "zha",
	'盖': "ge", '乐': "yue", '覃': "qin", '缪': "miao", '翟': "zhai", '长': "chang", '重': "chong",
	'尉': "yu", '秘': "bi", '召': "shao", '种': "chong",
}

// syllables caches the toneless reading of each character: go-pinyin
// converts with regular expressions on every call, a few microseconds a
// character, which a bulk import of a million names would feel.
var syllables sync.Map // rune → string ("" when it has none)

func syllable(r rune) string {
	if v, ok := syllables.Load(r); ok {
		return v.(string)
	}
	s := ""
	if p := gopinyin.SinglePinyin(r, gopinyin.NewArgs()); len(p) > 0 {
		s = p[0]
	}
	syllables.Store(r, s)
	return s
}

// Keys returns the full pinyin key and the initials key of a company or
// deal name.
func Keys(name string) (full, initials string) { return keys(name, false, false) }

// PersonKeys is Keys for a person's name: the first character takes its
// surname reading.
func PersonKeys(name string) (full, initials string) { return keys(name, true, false) }

// keys computes the keys; prefix (PrefixKey) stops before a last character
// that may start a word of its own reading in a longer name.
func keys(name string, person, prefix bool) (string, string) {
	rs := []rune(strings.TrimSpace(name))
	var full, ini strings.Builder
	full.Grow(len(rs) * 4)
	ini.Grow(len(rs))
	digits := false
	for i := 0; i < len(rs); i++ {
		r := fold(rs[i])
		if digits && !unicode.IsDigit(r) {
			// A space ends a number in the full key, which is also the
			// sort key: 100% 纯净水 before 1000 纯净水, as the names sort.
			full.WriteByte(' ')
			digits = false
		}
		if unicode.Is(unicode.Han, r) {
			if i+1 < len(rs) {
				if w, ok := words[string(rs[i:i+2])]; ok {
					full.WriteString(w[0] + w[1])
					ini.WriteByte(w[0][0])
					ini.WriteByte(w[1][0])
					i++
					continue
				}
			}
			if prefix && i+1 == len(rs) && startsWord(rs[i]) {
				break
			}
			s := ""
			if person && i == 0 {
				s = surnames[r]
			}
			if s == "" {
				s = syllable(r)
			}
			if s == "" {
				// A character go-pinyin does not know stays itself.
				full.WriteRune(r)
				ini.WriteRune(r)
				continue
			}
			full.WriteString(s)
			ini.WriteByte(s[0])
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			digits = unicode.IsDigit(r)
			r = unicode.ToLower(r)
			full.WriteRune(r)
			ini.WriteRune(r)
		}
	}
	return full.String(), ini.String()
}

// fold maps full-width ASCII letters and digits (Ａ, １) to ASCII.
func fold(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		return r - 0xFEE0
	}
	return r
}

// Query folds what a user typed into a key prefix to look up, when it
// reads as pinyin: letters (ASCII or full-width) with at least one letter,
// digits allowed, spaces and apostrophes ignored ("hua qiang", "xi'an",
// "HQ"). ok is false for anything else (Chinese text, phone numbers, other
// punctuation): such a search matches names only.
func Query(s string) (key string, ok bool) {
	var b strings.Builder
	letter := false
	for _, r := range s {
		r = fold(r)
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
			letter = true
			b.WriteByte(byte(unicode.ToLower(r)))
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '\'' || r == '\u3000' || r == '’':
		default:
			return "", false
		}
	}
	if !letter {
		return "", false
	}
	return b.String(), true
}

// Upper returns the smallest string above every string that starts with
// key (an ASCII key from Query): key ≤ k < Upper(key) is a prefix range.
func Upper(key string) string {
	return key[:len(key)-1] + string(key[len(key)-1]+1)
}
