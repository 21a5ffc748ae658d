package pinyin

import (
	"math/rand"
	"strings"
	"testing"
)

// TestPrefixKey: the full key of every name starts with the prefix key of
// each of its prefixes, on names built from the word table's characters
// (the readings that change with what follows), digits, Latin letters in
// both cases, spaces and punctuation.
func TestPrefixKey(t *testing.T) {
	var parts []string
	for w := range words {
		parts = append(parts, w, string([]rune(w)[0]), string([]rune(w)[1]))
	}
	parts = append(parts, "1", "23", "A", "b", "Zy", " ", "-", "%", "（", "华", "科技", "３", "ｍ")
	r := rand.New(rand.NewSource(7))
	checked := 0
	for range 3000 {
		var b strings.Builder
		for range 1 + r.Intn(6) {
			b.WriteString(parts[r.Intn(len(parts))])
		}
		name := b.String()
		full, _ := Keys(name)
		rs := []rune(name)
		// Every part of the name: its contained key is in the name's key.
		for i := range rs {
			for j := i + 1; j <= len(rs); j++ {
				if c := ContainedKey(string(rs[i:j])); !strings.Contains(full, c) {
					t.Fatalf("Keys(%q) = %q does not contain ContainedKey(%q) = %q", name, full, string(rs[i:j]), c)
				}
				// Every run's key, in order.
				rest := full
				for _, k := range ContainedKeys(string(rs[i:j])) {
					at := strings.Index(rest, k)
					if at < 0 {
						t.Fatalf("Keys(%q) = %q does not hold ContainedKeys(%q) = %q in order", name, full, string(rs[i:j]),
							ContainedKeys(string(rs[i:j])))
					}
					rest = rest[at+len(k):]
				}
			}
		}
		for i := 1; i <= len(rs); i++ {
			s := strings.TrimSpace(string(rs[:i]))
			if s == "" || !strings.HasPrefix(strings.TrimSpace(name), s) {
				continue
			}
			checked++
			if p := PrefixKey(s); !strings.HasPrefix(full, p) {
				t.Fatalf("Keys(%q) = %q does not start with PrefixKey(%q) = %q", name, full, s, p)
			}
		}
	}
	if checked < 3000 {
		t.Fatalf("only %d prefixes checked", checked)
	}
	for s, want := range map[string]string{"系统": "xitong", "长沙": "", "a长b1": "b1", "1-2": "1 2", "年度续约": "xuyue"} {
		if got := ContainedKey(s); got != want {
			t.Errorf("ContainedKey(%q) = %q, want %q", s, got, want)
		}
	}
	for s, want := range map[string]string{"机会99": "ji 99", "系统": "xitong", "长沙": "", "a长b1": "a b1"} {
		if got := strings.Join(ContainedKeys(s), " "); got != want {
			t.Errorf("ContainedKeys(%q) = %q, want %q", s, got, want)
		}
	}
	// It is Keys(s) unless the last character may start a word.
	for s, want := range map[string]string{"客户": "kehu", "长": "", "华强长": "huaqiang", "长沙": "changsha", "a1": "a1", "银": "yin"} {
		if got := PrefixKey(s); got != want {
			t.Errorf("PrefixKey(%q) = %q, want %q", s, got, want)
		}
	}
}
