package store

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"funneldesk/backend/dupe"
	"funneldesk/backend/pinyin"
)

// topRow is one record as the reference reads it: its fields that Search
// matches and its keys.
type topRow struct {
	ID     int64  `db:"id"`
	PY     string `db:"py"`
	Ini    string `db:"ini"`
	Fields string `db:"fields"` // the texts it is found by, joined by \x1f
	Phone  string `db:"phone_key"`
}

// topReference is Search's order computed from a full read of every
// record: pinyin matches in name-key order, then initials matches in
// initials order, then every record a field of which contains s (as LIKE,
// ASCII case ignored) or whose phone digits contain s's, newest first.
func topReference(rows []topRow, s string, n int) []int64 {
	key, isPY := pinyin.Query(s)
	phone := ""
	if k := dupe.Phone(s); k != "" && digitsOnly(s) {
		phone = k
	}
	var t1, t2, t3 []topRow
	for _, r := range rows {
		switch {
		case isPY && strings.HasPrefix(r.PY, key):
			t1 = append(t1, r)
		case isPY && strings.HasPrefix(r.Ini, key):
			t2 = append(t2, r)
		case strings.Contains(foldASCII(r.Fields), foldASCII(s)), phone != "" && strings.Contains(r.Phone, phone):
			t3 = append(t3, r)
		}
	}
	sort.Slice(t1, func(i, j int) bool { return t1[i].PY < t1[j].PY || t1[i].PY == t1[j].PY && t1[i].ID < t1[j].ID })
	sort.Slice(t2, func(i, j int) bool { return t2[i].Ini < t2[j].Ini || t2[i].Ini == t2[j].Ini && t2[i].ID < t2[j].ID })
	sort.Slice(t3, func(i, j int) bool { return t3[i].ID > t3[j].ID })
	var out []int64
	for _, r := range append(append(t1, t2...), t3...) {
		if len(out) < n {
			out = append(out, r.ID)
		}
	}
	return out
}

// TestSearchTopIsScan compares Ctrl+K (Search) with topReference for every
// kind of word, on generated customers (some with phones), contacts (with
// emails), opportunities and leads, where common words cluster by id as
// imported numbered names do; every tier and source must be seen to count.
func TestSearchTopIsScan(t *testing.T) {
	ctx := context.Background()
	st, err := Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r := rand.New(rand.NewSource(41))
	latin := []string{"Huawei", "hua", "kj", "Xyz", "abc"}
	name := func(i int) string {
		n := randomName(r)
		switch {
		case i%7 == 0:
			n = latin[r.Intn(len(latin))] + n
		case i > 2000 && i < 2600:
			n = "年度续约" + n
		}
		return n
	}
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
		for i := range 1200 {
			phone := ""
			if i%3 == 0 {
				phone = fmt.Sprintf("+86 1%02d-%04d-%d", r.Intn(100), r.Intn(10000), i)
			}
			id, err := InsertCustomer(ctx, tx, Customer{Name: name(i), Phone: phone, OwnerID: &owner})
			if err != nil {
				return err
			}
			custs = append(custs, id)
			if i%4 == 0 {
				if _, err := InsertContact(ctx, tx, Contact{CustomerID: id, Name: name(i + 1),
					Phone: fmt.Sprintf("021-%04d %d", r.Intn(10000), i), Email: fmt.Sprintf("u%dHua@ex%d.cn", i, r.Intn(9))}); err != nil {
					return err
				}
			}
		}
		for i := range 4000 {
			if _, err := InsertOpportunity(ctx, tx, Opportunity{Name: name(i), CustomerID: custs[r.Intn(len(custs))],
				OwnerID: owner, StageID: stage.ID, ExpectedClose: "2026-12-31"}); err != nil {
				return err
			}
		}
		for i := range 600 {
			if _, err := InsertLead(ctx, tx, Lead{Name: name(i), Company: randomName(r), ContactName: randomName(r),
				Phone: fmt.Sprintf("0571-%04d", r.Intn(10000)), Status: "new"}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	read := func(q string) []topRow {
		var rows []topRow
		if err := st.DB.SelectContext(ctx, &rows, q); err != nil {
			t.Fatal(err)
		}
		return rows
	}
	kinds := map[string][]topRow{
		"customer":    read(`SELECT id, name_py AS py, name_initials AS ini, name || char(31) || phone AS fields, phone_key FROM customers`),
		"contact":     read(`SELECT id, name_py AS py, name_initials AS ini, name || char(31) || phone || char(31) || email AS fields, phone_key FROM contacts`),
		"opportunity": read(`SELECT id, name_py AS py, name_initials AS ini, name AS fields, '' AS phone_key FROM opportunities`),
		"lead": read(`SELECT id, name_py AS py, name_initials AS ini,
			name || char(31) || company || char(31) || contact_name || char(31) || phone AS fields, '' AS phone_key FROM leads`),
	}
	// Each tier must have listed something, and the newest-first tier must
	// have been reached past a full first tier's rows, for the test to
	// tell a wrong order from a right one.
	tiers := map[string]bool{}
	queries := append(append([]string{}, searchQueries...), "-1", "13", "021", "hua", "Huawei", "hw", "kjk", "xyz", "hua@",
		"年度", "续约系统", "约", "0571", "86 1", "ex3.cn", "u12hua")
	// A phone found by its digits alone, typed without its separators.
	for _, c := range kinds["customer"] {
		if c.Phone != "" {
			queries = append(queries, c.Phone)
			break
		}
	}
	byID := map[string]map[int64]topRow{}
	for kind, rows := range kinds {
		byID[kind] = map[int64]topRow{}
		for _, r := range rows {
			byID[kind][r.ID] = r
		}
	}
	for _, q := range queries {
		for _, limit := range []int{8, 3} {
			hits, err := Search(ctx, st.DB, q, limit)
			if err != nil {
				t.Fatalf("%q: %v", q, err)
			}
			got := map[string][]int64{}
			for _, h := range hits {
				got[h.Kind] = append(got[h.Kind], h.ID)
			}
			for kind, rows := range kinds {
				want := topReference(rows, q, limit)
				if !reflect.DeepEqual(got[kind], want) {
					t.Errorf("Search %q (%d each) %ss: %v, a scan finds %v", q, limit, kind, got[kind], want)
				}
				key, isPY := pinyin.Query(q)
				for _, id := range want {
					r := byID[kind][id]
					{
						switch {
						case isPY && strings.HasPrefix(r.PY, key):
							tiers["pinyin"] = true
						case isPY && strings.HasPrefix(r.Ini, key):
							tiers["initials"] = true
						case isPY:
							tiers["contains after pinyin"] = true
						case !strings.Contains(foldASCII(r.Fields), foldASCII(q)):
							tiers["phone digits"] = true
						default:
							tiers["contains"] = true
						}
					}
				}
			}
		}
	}
	for _, k := range []string{"pinyin", "initials", "contains after pinyin", "phone digits", "contains"} {
		if !tiers[k] {
			t.Errorf("no query listed a %s match (%v)", k, tiers)
		}
	}
}
