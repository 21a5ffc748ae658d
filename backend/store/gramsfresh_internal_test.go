package store

import (
	"context"
	"fmt"
	"sort"
	"testing"
)

// freshGrams computes in Go what a bigram table (lead_grams, task_grams)
// must hold for one row id per texts entry: each text's bigrams and its
// last character alone, ASCII folded, once per gram and id, as sorted
// "gram\x00id" keys.
func freshGrams(texts map[int64][]string) []string {
	seen := map[string]bool{}
	out := []string{}
	for id, fields := range texts {
		for _, f := range fields {
			rs := []rune(foldASCII(f))
			for i := range rs {
				k := fmt.Sprintf("%s\x00%d", string(rs[i:min(i+2, len(rs))]), id)
				if !seen[k] {
					seen[k] = true
					out = append(out, k)
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

// keptGrams reads table's (gram, id) rows as freshGrams writes them.
func keptGrams(t *testing.T, q Querier, table string) []string {
	t.Helper()
	kept := []string{}
	if err := q.SelectContext(context.Background(), &kept, `SELECT gram || char(0) || id FROM `+table); err != nil {
		t.Fatal(err)
	}
	sort.Strings(kept)
	return kept
}
