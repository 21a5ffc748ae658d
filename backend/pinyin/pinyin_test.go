package pinyin

import "testing"

func TestKeys(t *testing.T) {
	tests := []struct {
		name, in, full, initials string
	}{
		{"chinese", "华强电子", "huaqiangdianzi", "hqdz"},
		{"latin and chinese", "ABC科技", "abckeji", "abckj"},
		{"digits pass through", "3M中国2026", "3 mzhongguo2026", "3mzg2026"},
		{"a number ends with a space", "100% 纯净水", "100 chunjingshui", "100cjs"},
		{"punctuation and spaces dropped", " 华强（深圳）有限公司 ", "huaqiangshenzhenyouxiangongsi", "hqszyxgs"},
		{"full-width latin folded", "ＩＢＭ中国", "ibmzhongguo", "ibmzg"},
		{"latin words", "Acme Corp.", "acmecorp", "acmecorp"},
		{"place polyphone", "重庆长安汽车", "chongqingchanganqiche", "cqcaqc"},
		{"bank", "招商银行厦门分行", "zhaoshangyinhangxiamenfenhang", "zsyhxmfh"},
		{"default reading elsewhere", "董事长", "dongshizhang", "dsz"},
		{"u umlaut as v", "绿地", "lvdi", "ld"},
		{"empty", "", "", ""},
		{"symbols only", "——", "", ""},
	}
	// The full key orders names as a reader expects.
	sorted := []string{"100% 纯净水", "1000 纯净水", "ABC科技", "阿里巴巴", "百度", "北京", "华强电子", "华为", "Zebra"}
	for i := 1; i < len(sorted); i++ {
		a, _ := Keys(sorted[i-1])
		b, _ := Keys(sorted[i])
		if a >= b {
			t.Errorf("key of %s (%q) not below key of %s (%q)", sorted[i-1], a, sorted[i], b)
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			full, ini := Keys(tt.in)
			if full != tt.full || ini != tt.initials {
				t.Errorf("Keys(%q) = %q, %q; want %q, %q", tt.in, full, ini, tt.full, tt.initials)
			}
		})
	}
}

func TestPersonKeys(t *testing.T) {
	tests := []struct {
		in, full, initials string
	}{
		{"单雄信", "shanxiongxin", "sxx"},
		{"曾国藩", "zengguofan", "zgf"},
		{"张伟", "zhangwei", "zw"},
		{"区志强", "ouzhiqiang", "ozq"},
		{"Tom Lee", "tomlee", "tomlee"},
	}
	for _, tt := range tests {
		full, ini := PersonKeys(tt.in)
		if full != tt.full || ini != tt.initials {
			t.Errorf("PersonKeys(%q) = %q, %q; want %q, %q", tt.in, full, ini, tt.full, tt.initials)
		}
	}
	// A company name keeps the default reading of its first character.
	if full, _ := Keys("单位"); full != "danwei" {
		t.Errorf("Keys(单位) = %q, want danwei", full)
	}
}

func TestQuery(t *testing.T) {
	tests := []struct {
		in, key string
		ok      bool
	}{
		{"huaqiang", "huaqiang", true},
		{"HQ", "hq", true},
		{"hua qiang", "huaqiang", true},
		{"xi'an", "xian", true},
		{"ｈｑ", "hq", true},
		{"3m", "3m", true},
		{"138", "", false},
		{"华强", "", false},
		{"hq电子", "", false},
		{"a-b", "", false},
		{"", "", false},
		{"  ", "", false},
	}
	for _, tt := range tests {
		key, ok := Query(tt.in)
		if key != tt.key || ok != tt.ok {
			t.Errorf("Query(%q) = %q, %v; want %q, %v", tt.in, key, ok, tt.key, tt.ok)
		}
	}
}

func TestUpper(t *testing.T) {
	for _, tt := range []struct{ in, want string }{{"hq", "hr"}, {"z", "{"}, {"a9", "a:"}} {
		if got := Upper(tt.in); got != tt.want {
			t.Errorf("Upper(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// Everything with the prefix lies in the range, nothing else does.
	key := Upper("hq")
	for _, k := range []string{"hq", "hqdz", "hqzzzz"} {
		if !(k >= "hq" && k < key) {
			t.Errorf("%q outside [hq, %q)", k, key)
		}
	}
	for _, k := range []string{"hp", "hr", "h"} {
		if k >= "hq" && k < key {
			t.Errorf("%q inside [hq, %q)", k, key)
		}
	}
}

func BenchmarkKeys(b *testing.B) {
	for b.Loop() {
		Keys("宁波光嘉电子集团有限公司")
	}
}
