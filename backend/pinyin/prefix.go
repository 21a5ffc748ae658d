package pinyin

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
