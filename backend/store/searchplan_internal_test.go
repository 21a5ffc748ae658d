package store

import (
	"context"
	"fmt"
	"maps"
	"math/rand"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"funneldesk/backend/pinyin"
)

// searchQueries are words of every kind the plan tells apart: frequent and
// rare, one, two and three or more characters, Latin in either case (which
// also read as pinyin), digits, mixed, LIKE's wildcards, and absent words.
var searchQueries = []string{"华", "科", "A", "a", "z", "7", "%", "_", "东电", "电子", "ab", "AB", "Bc", "12", "9%",
	"有限公", "年度续约", "科技有限公司", "abcx", "ABC", "123", "a1b", "华1", "子X", "机会9", "猫", "猫狗", "科技猫",
	"华华", "1111", "hua", "kj", "kejiyouxian", "mx", "马熊", "maxiong", "MaXi"}

// likeIDs is the reference: the ids a full scan finds whose row passes cond
// (with args), in order.
func likeIDs(t *testing.T, q Querier, query string, args []any) []int64 {
	t.Helper()
	var ids []int64
	if err := q.SelectContext(context.Background(), &ids, query, args...); err != nil {
		t.Fatal(err)
	}
	return ids
}

// pinyinScan is the pinyin part of the reference for alias (false when s
// does not read as pinyin).
func pinyinScan(alias, s string) (string, []any) {
	key, ok := pinyin.Query(s)
	if !ok {
		return `0`, nil
	}
	hi := pinyin.Upper(key)
	return `(` + alias + `.name_py BETWEEN ? AND ? AND ` + alias + `.name_py <> ?) OR (` + alias + `.name_initials BETWEEN ? AND ? AND ` +
		alias + `.name_initials <> ?)`, []any{key, hi, hi, key, hi, hi}
}

// wantPage checks one answer of a capped list against the scan's ids: the
// page, and a total that is exact or, only past offset + countCap matches,
// capped there (a plan that read every match anyway may count them all).
func wantPage(t *testing.T, what string, want, got []int64, total int, capped bool, offset, limit, countCap int) {
	t.Helper()
	page := want[min(offset, len(want)):min(offset+limit, len(want))]
	if len(got) == 0 {
		got = nil
	}
	if len(page) == 0 {
		page = nil
	}
	okTotal := total == len(want) && !capped
	if capped {
		okTotal = total == offset+countCap && len(want) > total
	}
	if !okTotal || !reflect.DeepEqual(got, page) {
		t.Errorf("%s offset %d: total %d capped %v page %v; a scan finds %d, page %v", what, offset, total, capped, got,
			len(want), page)
	}
}

// TestCappedSearchIsLike compares the planned search of the opportunity
// and customer lists (ListOpportunitiesCapped, ListCustomersCapped: the matches gathered and sorted, or the
// sort order walked; the total counted up to a cap) with a full scan, for
// every kind of word, in every sort order, on the first page, inside and
// past the cap, and far beyond it: every match is reachable by paging.
func TestCappedSearchIsLike(t *testing.T) {
	ctx := context.Background()
	st, err := Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r := rand.New(rand.NewSource(32))
	var owners []int64
	err = st.Tx(ctx, func(tx Tx) error {
		owner, err := InsertOwner(ctx, tx, "张三", true)
		if err != nil {
			return err
		}
		owners = []int64{owner}
		for _, name := range []string{"李四", "王五"} {
			id, err := InsertOwner(ctx, tx, name, true)
			if err != nil {
				return err
			}
			owners = append(owners, id)
		}
		var stages []int64
		for _, name := range []string{"初期沟通", "需求分析", "方案制定"} {
			s, err := StageByName(ctx, tx, name)
			if err != nil {
				return err
			}
			stages = append(stages, s.ID)
		}
		var custs []int64
		for i := range 1500 {
			// A phone on some (free text: the search reads it too).
			phone := ""
			if i%3 == 0 {
				phone = fmt.Sprintf("1%03d-%d", r.Intn(1000), i)
			}
			id, err := InsertCustomer(ctx, tx, Customer{Name: fmt.Sprintf("%s%d", randomName(r), i), Phone: phone, OwnerID: &owner})
			if err != nil {
				return err
			}
			custs = append(custs, id)
		}
		for i := range 6000 {
			// Common words cluster in part of the ids, as imported numbered
			// names do, so the plan's estimates meet uneven data.
			name := randomName(r)
			if i > 4000 && i < 4600 {
				name = "年度续约" + name
				if i%5 == 0 {
					// Its key holds 年度续约's (nian…xuyue), its name not.
					name = "年华续约" + name[len("年度续约"):]
				}
			}
			if i%8 == 0 {
				// Found by its initials alone (mx: no key holds it, no
				// customer has them).
				name = "马熊" + name
			}
			// A third of them the first owner's (a filter of few rows).
			if _, err := InsertOpportunity(ctx, tx, Opportunity{Name: name, CustomerID: custs[r.Intn(len(custs))],
				OwnerID: owners[r.Intn(len(owners))], StageID: stages[r.Intn(len(stages))], AmountCents: int64(r.Intn(50)) * 1000,
				ExpectedClose: fmt.Sprintf("2026-%02d-%02d", 1+r.Intn(12), 1+r.Intn(28))}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	const limit = 20
	// Every branch of the plan must be taken: a test of one branch only
	// would pass whatever the others do.
	kinds := map[string]int{}
	onPlan = func(p searchPlan) {
		kinds[fmt.Sprintf("capped=%v walk=%v", p.capped, p.walk)]++
	}
	defer func() { onPlan = nil }()
	// candScan low: words of three or more characters gather up to the
	// cap first rather than check every candidate.
	defer func(n int) { candScan = n }(candScan)
	for _, scan := range []int{candScan, 30} {
		candScan = scan
		searchCapped(t, st, kinds)
	}
	candScan = 20000
	// With another filter (a stage; ListOpportunities' own plans, whose
	// walks test each row), and in name order: exact totals.
	var stage int64
	if err := st.DB.Get(&stage, `SELECT stage_id FROM opportunities LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	// filteredSearch's ways (text first, filter first, and the name
	// order's parts read sorted or walked) must each be taken.
	ways := map[string]int{}
	// A capped page may walk in another goroutine (the early page).
	var mu sync.Mutex
	onFilteredPlan = func(way string) { mu.Lock(); ways[way]++; mu.Unlock() }
	defer func() { onFilteredPlan = nil }()
	onNamePlan = func(_, way string) { mu.Lock(); ways[way]++; mu.Unlock() }
	defer func() { onNamePlan = nil }()
	one, two := []int64{owners[0]}, owners[:2]
	for _, q := range searchQueries {
		for _, f := range []OpportunityFilter{{Query: q, StageIDs: []int64{stage}}, {Query: q, StageIDs: []int64{stage}, Sort: "amount", Desc: true},
			{Query: q, Sort: "name"}, {Query: q, StageIDs: []int64{stage}, Sort: "name"}, {Query: q, StageIDs: []int64{stage}, Sort: "name", Desc: true},
			{Query: q, StageIDs: []int64{stage}, Sort: "stage"}, {Query: q, StageIDs: []int64{stage}, Sort: "expectedClose", Desc: true},
			// Owners: the filter's ids as a set (filterset.go), their
			// name order index (migration 0041) walked or merged.
			{Query: q, OwnerIDs: one}, {Query: q, OwnerIDs: one, Sort: "name"}, {Query: q, OwnerIDs: two, Sort: "name", Desc: true},
			{Query: q, OwnerIDs: one, Sort: "amount", Desc: true},
			{Query: q, OwnerIDs: two, StageIDs: []int64{stage}, Sort: "expectedClose"}} {
			like := "%" + escapeLike(q) + "%"
			own, ownArgs := pinyinScan("o", q)
			cust, custArgs := pinyinScan("c", q)
			stageCond := `1`
			if len(f.StageIDs) > 0 {
				stageCond = fmt.Sprintf(`o.stage_id = %d`, stage)
			}
			if len(f.OwnerIDs) > 0 {
				stageCond += ` AND o.owner_id IN (` + strings.ReplaceAll(strings.Trim(fmt.Sprint(f.OwnerIDs), "[]"), " ", ",") + `)`
			}
			dir := f.dir()
			want := likeIDs(t, st.DB, `SELECT o.id FROM opportunities o WHERE `+stageCond+` AND (o.name LIKE ? ESCAPE '\' OR `+own+
				` OR o.customer_id IN (SELECT c.id FROM customers c WHERE c.name LIKE ? ESCAPE '\' OR `+cust+`))
				ORDER BY `+SortColumns[f.sortKey()]+dir+`, o.id`+dir,
				append(append(append([]any{like}, ownArgs...), like), custArgs...))
			for _, offset := range []int{0, 40, 100, 300} {
				items, total, capped, err := ListOpportunitiesCapped(ctx, st.DB, f, offset, limit, 60)
				if err != nil {
					t.Fatalf("%q: %v", q, err)
				}
				var got []int64
				for _, o := range items {
					got = append(got, o.ID)
				}
				wantPage(t, fmt.Sprintf("%q filtered %+v", q, f.StageIDs), want, got, total, capped, offset, limit, 60)
			}
		}
	}

	mu.Lock()
	taken := maps.Clone(ways) // a cancelled early page may still be ending
	mu.Unlock()
	for _, w := range []string{"rows", "list", "walk", "set", "walk key", "keys", "stream", "early page", "block", "owner name", "filtered sort", "filtered walk", "filtered set"} {
		if taken[w] == 0 {
			t.Errorf("filtered search never took %q (ways: %v)", w, taken)
		}
	}

	// The customer list: name (or its pinyin) or phone, by pinyin of the name.
	for _, q := range append(searchQueries, "-1", "1-") {
		like := "%" + escapeLike(q) + "%"
		py, pyArgs := pinyinScan("c", q)
		want := likeIDs(t, st.DB, `SELECT c.id FROM customers c WHERE c.name LIKE ? ESCAPE '\' OR c.phone LIKE ? ESCAPE '\' OR `+
			py+` ORDER BY c.name_py, c.id`, append([]any{like, like}, pyArgs...))
		for _, at := range [][2]int{{0, 60}, {40, 60}, {500, 60}, {0, 3000}, {100, 3000}} {
			items, total, capped, err := ListCustomersCapped(ctx, st.DB, CustomerFilter{Query: q, Offset: at[0], Limit: limit}, at[1])
			if err != nil {
				t.Fatalf("%q: %v", q, err)
			}
			var got []int64
			for _, c := range items {
				got = append(got, c.ID)
			}
			wantPage(t, fmt.Sprintf("customers %q", q), want, got, total, capped, at[0], limit, at[1])
		}
	}
	for _, k := range []string{"capped=false walk=false", "capped=false walk=true", "capped=true walk=true"} {
		if kinds[k] == 0 {
			t.Errorf("no plan %s (plans: %v)", k, kinds)
		}
	}
}

// TestTextPlanArms: every plan's arms read index ranges in FROM (no "IN
// (SELECT" list, which SQLite reads whole before the first row).
func TestTextPlanArms(t *testing.T) {
	for _, q := range searchQueries {
		p := textSources("opportunities", q)
		for _, a := range append(p.arms, p.cands...) {
			if strings.Contains(a, "IN (SELECT") {
				t.Errorf("%q: an id list in %s", q, a)
			}
		}
	}
}

// searchCapped is TestCappedSearchIsLike's check of every word in every
// sort order, with and without a cap.
func searchCapped(t *testing.T, st *Store, kinds map[string]int) {
	t.Helper()
	ctx := context.Background()
	const limit = 20
	for _, q := range searchQueries {
		for _, sort := range []struct {
			key  string
			desc bool
		}{{"", false}, {"expectedClose", true}, {"amount", true}, {"stage", false}, {"createdAt", true}, {"updatedAt", false},
			{"name", false}, {"name", true}} {
			f := OpportunityFilter{Query: q, Sort: sort.key, Desc: sort.desc}
			dir := f.dir()
			like := "%" + escapeLike(q) + "%"
			own, ownArgs := pinyinScan("o", q)
			cust, custArgs := pinyinScan("c", q)
			want := likeIDs(t, st.DB, `SELECT o.id FROM opportunities o WHERE o.name LIKE ? ESCAPE '\' OR `+own+
				` OR o.customer_id IN (SELECT c.id FROM customers c WHERE c.name LIKE ? ESCAPE '\' OR `+cust+`)
				ORDER BY `+SortColumns[f.sortKey()]+dir+`, o.id`+dir,
				append(append(append([]any{like}, ownArgs...), like), custArgs...))
			// A small cap (frequent words capped), a large one (counted).
			for _, at := range [][2]int{{0, 60}, {40, 60}, {60, 60}, {100, 60}, {500, 60}, {0, 3000}, {100, 3000}} {
				offset, countCap := at[0], at[1]
				items, total, capped, err := ListOpportunitiesCapped(ctx, st.DB, f, offset, limit, countCap)
				if err != nil {
					t.Fatalf("%q: %v", q, err)
				}
				var got []int64
				for _, o := range items {
					got = append(got, o.ID)
				}
				wantPage(t, fmt.Sprintf("%q sort %s", q, sort.key), want, got, total, capped, offset, limit, countCap)
			}
		}
	}
}
