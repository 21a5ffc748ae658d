package store

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// gramAlphabet makes names that share many one- and two-character words, so
// that every query below matches some names and misses others.
var gramAlphabet = []rune("华东电子科技有限公司机会客户北京上海年度续约系统" + "AbcXyz" + "0123456789" + " -_%\\")

func randomName(r *rand.Rand) string {
	n := 1 + r.Intn(12)
	rs := make([]rune, n)
	for i := range rs {
		rs[i] = gramAlphabet[r.Intn(len(gramAlphabet))]
	}
	return string(rs)
}

// TestNameContainsIsLike compares the bigram search with a full scan
// (name LIKE '%q%') on 10,000 generated names of each table: one-, two-
// and three-character Chinese queries, Latin in either case, digits,
// mixed, LIKE's own wildcards, and words no name has.
func TestNameContainsIsLike(t *testing.T) {
	ctx := context.Background()
	st, err := Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r := rand.New(rand.NewSource(15))
	const n = 10000
	var names []string
	err = st.Tx(ctx, func(tx Tx) error {
		owner, err := InsertOwner(ctx, tx, "张三", true)
		if err != nil {
			return err
		}
		var cust int64
		for i := range n {
			name := randomName(r)
			names = append(names, name)
			// Customer names are unique.
			id, err := InsertCustomer(ctx, tx, Customer{Name: fmt.Sprintf("%s%d", name, i), OwnerID: &owner})
			if err != nil {
				return err
			}
			cust = id
			if _, err := InsertContact(ctx, tx, Contact{CustomerID: id, Name: randomName(r)}); err != nil {
				return err
			}
		}
		stage, err := StageByName(ctx, tx, "初期沟通")
		if err != nil {
			return err
		}
		for _, name := range names {
			if _, err := InsertOpportunity(ctx, tx, Opportunity{Name: name, CustomerID: cust, OwnerID: owner, StageID: stage.ID}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	queries := []string{"华", "科", "A", "a", "z", "7", "%", "_", "\\", " ", "东电", "电子", "ab", "AB", "Bc", "12", "9%",
		"有限公", "年度续约", "科技有限公司", "abcx", "ABC", "123", "a1b", "华1", "子X", "机会9", "户0 ", "猫", "猫狗", "科技猫",
		"华华", "华华华", "1111"}
	// And substrings of the names themselves, one to five characters long.
	for range 60 {
		rs := []rune(names[r.Intn(n)])
		i := r.Intn(len(rs))
		j := i + 1 + r.Intn(5)
		if j > len(rs) {
			j = len(rs)
		}
		queries = append(queries, string(rs[i:j]))
	}
	for _, table := range []string{"customers", "contacts", "opportunities"} {
		for _, q := range queries {
			var want, got []int64
			if err := st.DB.Select(&want, `SELECT id FROM `+table+` WHERE name LIKE ? ESCAPE '\' ORDER BY id`,
				"%"+escapeLike(q)+"%"); err != nil {
				t.Fatal(err)
			}
			cond, args := nameContains("x", table, q)
			if !strings.Contains(cond, "_grams") {
				t.Fatalf("%s %q: no bigram table in %s", table, q, cond)
			}
			if err := st.DB.Select(&got, `SELECT x.id FROM `+table+` x WHERE `+cond+` ORDER BY x.id`, args...); err != nil {
				t.Fatalf("%s %q: %v", table, q, err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s %q: %d rows, a scan finds %d", table, q, len(got), len(want))
			}
		}
	}
}

func TestNextRune(t *testing.T) {
	tests := []struct {
		r    rune
		want string
	}{{'a', "b"}, {'华', "协"}, {0xD7FF, "\uE000"}, {0x10FFFF, ""}}
	for _, tt := range tests {
		if got := nextRune(tt.r); got != tt.want {
			t.Errorf("nextRune(%U) = %q, want %q", tt.r, got, tt.want)
		}
	}
}

// TestKeptTotalsKnowEveryFilter fails when OpportunityFilter gains a field:
// keptAnswers and monthAnswers list the conditions the kept totals can
// answer, and one they do not know would be silently ignored. Add the new
// field to them (as a condition they refuse, or one they answer) and here.
func TestKeptTotalsKnowEveryFilter(t *testing.T) {
	known := map[string]bool{"View": true, "StageIDs": true, "OwnerIDs": true, "Sources": true, "Types": true,
		"CustomerID": true, "CloseFrom": true, "CloseTo": true, "Query": true, "Sort": true, "Desc": true,
		// refused by both through extraFiltered: the counted path answers them
		"StageSetID": true, "CreatedFrom": true, "CreatedTo": true, "ClosedFrom": true, "ClosedTo": true,
		"LostReasons": true, "Competitors": true,
		// a text search walk's hint (set only where it holds), no condition
		"noCustomerText": true, "rowText": true}
	ft := reflect.TypeOf(OpportunityFilter{})
	for i := 0; i < ft.NumField(); i++ {
		if name := ft.Field(i).Name; !known[name] {
			t.Errorf("OpportunityFilter.%s: does keptAnswers/monthAnswers (stagetotals.go, monthtotals.go) handle it?", name)
		}
	}
}
