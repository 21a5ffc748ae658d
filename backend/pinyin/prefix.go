package pinyin

import "strings"

// PrefixKey returns the longest key that the full key (Keys) of every
// company or deal name starting with s starts with: a name starting with s
// has its full key in the range PrefixKey(s) ≤ k < Upper(PrefixKey(s))
// (when not ""), so the names starting with s are found in the order of
// the key index (store's name-sorted search). Keys(s) itself is not that
// key when s ends with the first character of a two-character word read
// otherwise (长 is zhang, 长沙 changsha).
func PrefixKey(s string) string {
	full, _ := keys(s, false, true)
	return full
}

// startsWord reports whether r begins a word of the table whose reading
// of r differs from r's own.
func startsWord(r rune) bool {
	for w, rd := range words {
		if []rune(w)[0] == r && rd[0] != syllable(r) {
			return true
		}
	}
	return false
}

// ContainedKey returns a key that the full key of every company or deal
// name containing s contains ("" when no part of s is certain): the key of
// the longest run of s's characters that no two-character word of the
// table holds, whose readings never depend on their neighbours. A number's
// closing space and dropped punctuation come out the same inside any name.
// A search tests it on the key index before reading a row.
func ContainedKey(s string) string {
	best := ""
	for _, k := range ContainedKeys(s) {
		if len(k) > len(best) {
			best = k
		}
	}
	return best
}

// ContainedKeys returns the keys of all such runs of s, in their order: the
// full key of every name containing s holds each of them, in that order
// (the runs are parts of s, apart), so a key test may require them all (机会99
// is ji, then 99: 会 is read kuai in 会计).
func ContainedKeys(s string) []string {
	var out []string
	run := []rune{}
	flush := func() {
		if k, _ := keys(string(run), false, false); k != "" {
			out = append(out, k)
		}
		run = run[:0]
	}
	for _, r := range s {
		if inWord(r) {
			flush()
			continue
		}
		run = append(run, r)
	}
	flush()
	return out
}

// inWord reports whether r is a character of a word of the table.
func inWord(r rune) bool {
	for w := range words {
		if strings.ContainsRune(w, r) {
			return true
		}
	}
	return false
}
