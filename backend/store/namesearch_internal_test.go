package store

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// nameAlphabet makes names around the words the name-ordered plan tells
// apart: characters of the pinyin word table (长沙, 银行: readings that
// change with the next character), Latin letters of either case, digits
// and LIKE's wildcards; none of 客, 户, 机, 会, 年 or 乐, which the
// numbered names below start with.
var nameAlphabet = []rune("华东长沙银行重庆系统科技度续约" + "ErpKhABc" + "0123456789" + " -_%")

func nameOrderName(r *rand.Rand) string {
	rs := make([]rune, 1+r.Intn(8))
	for i := range rs {
		rs[i] = nameAlphabet[r.Intn(len(nameAlphabet))]
	}
	return string(rs)
}

// TestNameOrderSearchIsLike compares the name-ordered search (the
// customer list, the opportunity list sorted by name either way:
// nameSearch's merge of the matches' parts) with a full scan in pinyin
// order, for words whose matches start the names (客户…), sit inside them
// (…系统…), read as pinyin or initials, belong to the customer, or to the
// phone; each way of reading each part forced in turn and chosen by the
// cost model, with windows small enough to give up, on the first page,
// inside and past the count's cap.
func TestNameOrderSearchIsLike(t *testing.T) {
	ctx := context.Background()
	st, err := Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r := rand.New(rand.NewSource(15))
	err = st.Tx(ctx, func(tx Tx) error {
		owner, err := InsertOwner(ctx, tx, "张三", true)
		if err != nil {
			return err
		}
		stage, err := StageByName(ctx, tx, "初期沟通")
		if err != nil {
			return err
		}
		var custs []int64
		for i := range 900 {
			name := nameOrderName(r) + fmt.Sprint(i)
			switch {
			case i%3 == 0:
				name = fmt.Sprintf("客户%04d", i) // kehu…, kh…: late in name order
			case i%17 == 0:
				name = "长沙" + name
			}
			phone := ""
			if i%5 == 0 {
				phone = fmt.Sprintf("1%03d-%d", r.Intn(1000), i)
			}
			id, err := InsertCustomer(ctx, tx, Customer{Name: name, Phone: phone, OwnerID: &owner})
			if err != nil {
				return err
			}
			custs = append(custs, id)
		}
		for i := range 3000 {
			name := nameOrderName(r)
			switch i % 6 {
			case 0, 1:
				name = fmt.Sprintf("机会%d", i) // jihui…
			case 2:
				name = []string{"ERP系统", "CRM系统年度续约", "OA办公系统", "erp升级", "华东系统"}[r.Intn(5)] + name
			case 3:
				// 乐 alone is le, 乐清 yueqing: the names starting with 乐
				// are not all in le's key range.
				name = "乐清" + name
			}
			if _, err := InsertOpportunity(ctx, tx, Opportunity{Name: name, CustomerID: custs[r.Intn(len(custs))],
				OwnerID: owner, StageID: stage.ID}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	queries := []string{"客户", "客", "户0", "kehu", "kh", "k", "ke", "KE", "ji", "jh", "jihui1", "机会1", "机", "erp", "ERP", "Erp",
		"e", "系统", "统", "xitong", "年度续约", "续约", "华", "华东", "长", "长沙", "沙", "银", "1", "12", "%", "_", "-", "-1", "a1b", "猫",
		"猫狗", "zzz", "1 2", "乐", "乐清", "yue", "le", "行", "长沙银行", "办公", "办公系统", "年度"}
	seen := map[string]bool{}
	var trace []string
	var mu sync.Mutex // a filtered search's page may run in another goroutine
	onNamePlan = func(set, way string) {
		mu.Lock()
		defer mu.Unlock()
		seen[set] = true
		seen[way] = true
		trace = append(trace, set+":"+way)
	}
	defer func() { onNamePlan = nil }()
	defer func(c int64, w, k int, m string) { nameCountCap, nameWindowMin, keyWindowMin, nameMode = c, w, k, m }(
		nameCountCap, nameWindowMin, keyWindowMin, nameMode)
	const limit = 20
	for _, round := range []struct {
		mode            string
		countCap        int64
		window, keyWind int
	}{
		{"", 100000, 2000, 100000}, {"", 100000, 10, 10}, {"", 40, 10, 10},
		{"sort", 100000, 2000, 100000}, {"in", 100000, 2000, 100000}, {"walk", 100000, 2000, 100000},
		{"keywalk", 100000, 2000, 100000}, {"ranges", 100000, 2000, 100000},
	} {
		nameMode, nameCountCap, nameWindowMin, keyWindowMin = round.mode, round.countCap, round.window, round.keyWind
		what := fmt.Sprintf("mode %q cap %d windows %d/%d", round.mode, round.countCap, round.window, round.keyWind)
		for _, q := range queries {
			like := "%" + escapeLike(q) + "%"
			py, pyArgs := pinyinScan("c", q)
			want := likeIDs(t, st.DB, `SELECT c.id FROM customers c WHERE c.name LIKE ? ESCAPE '\' OR c.phone LIKE ? ESCAPE '\' OR `+
				py+` ORDER BY c.name_py, c.id`, append([]any{like, like}, pyArgs...))
			for _, at := range [][2]int{{0, 60}, {20, 60}, {55, 60}, {200, 60}, {0, 3000}} {
				items, total, capped, err := ListCustomersCapped(ctx, st.DB, CustomerFilter{Query: q, Offset: at[0], Limit: limit}, at[1])
				if err != nil {
					t.Fatalf("%s customers %q: %v", what, q, err)
				}
				var got []int64
				for _, c := range items {
					got = append(got, c.ID)
				}
				wantPage(t, fmt.Sprintf("%s customers %q", what, q), want, got, total, capped, at[0], limit, at[1])
			}
			for _, desc := range []bool{false, true} {
				f := OpportunityFilter{Query: q, Sort: "name", Desc: desc}
				dir := f.dir()
				own, ownArgs := pinyinScan("o", q)
				cust, custArgs := pinyinScan("c", q)
				want := likeIDs(t, st.DB, `SELECT o.id FROM opportunities o WHERE o.name LIKE ? ESCAPE '\' OR `+own+
					` OR o.customer_id IN (SELECT c.id FROM customers c WHERE c.name LIKE ? ESCAPE '\' OR `+cust+`)
					ORDER BY o.name_py`+dir+`, o.id`+dir, append(append(append([]any{like}, ownArgs...), like), custArgs...))
				for _, at := range [][2]int{{0, 60}, {20, 60}, {55, 60}, {300, 60}, {0, 5000}} {
					trace = nil
					items, total, capped, err := ListOpportunitiesCapped(ctx, st.DB, f, at[0], limit, at[1])
					if err != nil {
						t.Fatalf("%s %q: %v", what, q, err)
					}
					var got []int64
					for _, o := range items {
						got = append(got, o.ID)
					}
					wantPage(t, fmt.Sprintf("%s opportunities %q desc %v (plan %v)", what, q, desc, trace), want, got, total, capped, at[0], limit, at[1])
				}
			}
		}
	}
	// Every part and every way of the plan was taken.
	for _, k := range []string{"all", "pinyin", "initials", "contains", "starts", "customer", "phone",
		"sorted", "block", "sort", "in", "walk", "keywalk", "gave up", "ranges true", "ranges false"} {
		if !seen[k] {
			keys := []string{}
			for k := range seen {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			t.Errorf("no %s in the plans (seen: %s)", k, strings.Join(keys, ", "))
		}
	}
}
