package store

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"funneldesk/backend/pinyin"
)

// TestLeadTextIsLike compares the lead search from lead_grams with a scan
// of the four fields it searches (name, company, contact person, phone:
// LIKE '%q%' on each, or the name's pinyin keys) on 10,000 generated leads.
func TestLeadTextIsLike(t *testing.T) {
	ctx := context.Background()
	st, err := Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r := rand.New(rand.NewSource(27))
	const n = 10000
	var texts []string
	err = st.Tx(ctx, func(tx Tx) error {
		for range n {
			l := Lead{Name: randomName(r), Company: randomName(r), ContactName: randomName(r), Phone: randomName(r)}
			// Some fields empty, as in real lists.
			if r.Intn(4) == 0 {
				l.Company = ""
			}
			if r.Intn(4) == 0 {
				l.Phone = ""
			}
			texts = append(texts, l.Name, l.Company, l.ContactName, l.Phone)
			if _, err := InsertLead(ctx, tx, l); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	queries := []string{"华", "科", "A", "a", "z", "7", "%", "_", "\\", "东电", "电子", "ab", "AB", "Bc", "12", "9%",
		"有限公", "年度续约", "科技有限公司", "abcx", "ABC", "123", "a1b", "华1", "子X", "猫", "猫狗", "科技猫", "华华", "1111",
		"hua", "dz"}
	for range 60 {
		rs := []rune(texts[r.Intn(len(texts))])
		if len(rs) == 0 {
			continue
		}
		i := r.Intn(len(rs))
		j := min(len(rs), i+1+r.Intn(5))
		queries = append(queries, string(rs[i:j]))
	}
	for _, q := range queries {
		q = strings.TrimSpace(q)
		if q == "" {
			continue
		}
		pat := "%" + escapeLike(q) + "%"
		scan := `SELECT id FROM leads WHERE name LIKE ? ESCAPE '\' OR company LIKE ? ESCAPE '\' OR contact_name LIKE ? ESCAPE '\'
			OR phone LIKE ? ESCAPE '\'`
		args := []any{pat, pat, pat, pat}
		if key, ok := pinyin.Query(q); ok {
			py, a := pinyinIDs("leads", key)
			scan += ` OR id IN (` + py + `)`
			args = append(args, a...)
		}
		var want, got []int64
		if err := st.DB.Select(&want, scan+` ORDER BY id`, args...); err != nil {
			t.Fatal(err)
		}
		cond, a := leadTextMatch(q)
		if !strings.Contains(cond, "lead_grams") {
			t.Fatalf("%q: no bigram table in %s", q, cond)
		}
		if err := st.DB.Select(&got, `SELECT l.id FROM leads l WHERE `+cond+` ORDER BY l.id`, a...); err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %d leads, a scan finds %d", q, len(got), len(want))
		}
	}
}

// freshLeadGrams computes in Go the grams migration 0027 keeps: each
// searched field's bigrams and its last character alone, ASCII folded.
func freshLeadGrams(t *testing.T, q Querier) []string {
	t.Helper()
	var rows []Lead
	if err := q.SelectContext(context.Background(), &rows, `SELECT id, name, company, contact_name, phone FROM leads`); err != nil {
		t.Fatal(err)
	}
	texts := map[int64][]string{}
	for _, l := range rows {
		texts[l.ID] = []string{l.Name, l.Company, l.ContactName, l.Phone}
	}
	return freshGrams(texts)
}

// TestLeadGramsKept writes leads in every way the app does (insert, edit,
// status and owner changes, conversion, the bin and restore, a failed
// transaction, delete) and compares lead_grams with fresh grams after each.
func TestLeadGramsKept(t *testing.T) {
	ctx := context.Background()
	st, err := Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	tx := func(fn func(tx Tx) error) {
		t.Helper()
		if err := st.Tx(ctx, fn); err != nil {
			t.Fatal(err)
		}
	}
	check := func(step string) {
		t.Helper()
		kept := keptGrams(t, st.DB, "lead_grams")
		if fresh := freshLeadGrams(t, st.DB); !reflect.DeepEqual(kept, fresh) {
			t.Fatalf("%s: lead_grams holds %d grams, the leads have %d", step, len(kept), len(fresh))
		}
	}
	var a, b int64
	var owner int64
	tx(func(q Tx) error {
		var err error
		if owner, err = InsertOwner(ctx, q, "张三", true); err != nil {
			return err
		}
		if a, err = InsertLead(ctx, q, Lead{Name: "华东ABC采购", Company: "宁波光嘉电子", ContactName: "李华", Phone: "138-0013-8000"}); err != nil {
			return err
		}
		b, err = InsertLead(ctx, q, Lead{Name: "展会线索", ContactName: "王五"})
		return err
	})
	check("insert")
	tx(func(q Tx) error {
		l, err := GetLead(ctx, q, a)
		if err != nil {
			return err
		}
		l.Name, l.Company, l.ContactName, l.Phone = "华南abc采购", "", "Li Hua", "0574-1234"
		return UpdateLead(ctx, q, l)
	})
	check("edit")
	// The import writer drops lead_grams_insert and adds the grams at
	// Finish; a lead the file names twice is updated in between.
	if err := st.ImportTx(ctx, func(q Tx) error {
		w, err := NewLeadWriter(ctx, q)
		if err != nil {
			return err
		}
		defer w.Close()
		id, err := w.AddLead(Lead{Name: "导入线索甲", Company: "华强电子", ContactName: "赵六", Phone: "13900001111"})
		if err != nil {
			return err
		}
		if _, err := w.AddLead(Lead{Name: "导入线索乙", Company: "星辰光电"}); err != nil {
			return err
		}
		if _, err := w.UpdateLead(id, Lead{Name: "导入线索甲", Company: "华强电子集团", ContactName: "赵六", Phone: "13900001111"}); err != nil {
			return err
		}
		return w.Finish()
	}); err != nil {
		t.Fatal(err)
	}
	check("import")
	tx(func(q Tx) error {
		if err := SetLeadStatus(ctx, q, a, LeadWorking, ""); err != nil {
			return err
		}
		return SetLeadOwner(ctx, q, b, owner)
	})
	check("status and owner")
	tx(func(q Tx) error {
		cust, err := InsertCustomer(ctx, q, Customer{Name: "宁波光嘉", OwnerID: &owner})
		if err != nil {
			return err
		}
		return MarkLeadConverted(ctx, q, b, cust, 0, 0)
	})
	check("convert")
	var bundle Bundle
	tx(func(q Tx) error {
		var err error
		if bundle, err = CaptureBundle(ctx, q, "leads", []int64{a}); err != nil {
			return err
		}
		return RemoveBundle(ctx, q, bundle)
	})
	check("to the bin")
	tx(func(q Tx) error { return RestoreBundle(ctx, q, bundle) })
	check("restore")
	failed := errors.New("rolled back")
	if err := st.Tx(ctx, func(q Tx) error {
		if _, err := InsertLead(ctx, q, Lead{Name: "不会留下", Company: "回滚公司"}); err != nil {
			return err
		}
		l, err := GetLead(ctx, q, a)
		if err != nil {
			return err
		}
		l.Name = "改了又回滚"
		if err := UpdateLead(ctx, q, l); err != nil {
			return err
		}
		return failed
	}); !errors.Is(err, failed) {
		t.Fatal(err)
	}
	check("failed transaction")
	tx(func(q Tx) error {
		_, err := q.ExecContext(ctx, `DELETE FROM leads WHERE id = ?`, b)
		return err
	})
	check("delete")
}

// TestLeadSearchCount: a search matching more than searchCollect leads
// is counted from the indexes (leadTextIDs); the totals must be the
// scan's, with a lead that has the word in two fields or twice counted
// once, and pinyin matches counted once too.
func TestLeadSearchCount(t *testing.T) {
	ctx := context.Background()
	st, err := Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	err = st.Tx(ctx, func(tx Tx) error {
		for i := range searchCollect + 30 {
			// 科 in two places and two fields; kj in the name and its initials.
			l := Lead{Name: fmt.Sprintf("科技线索%d", i), Company: "华东科学科技", Phone: fmt.Sprintf("138%08d", i)}
			switch i % 5 {
			case 0:
				l.Name, l.Company = fmt.Sprintf("展会%d", i), ""
			case 1:
				l.Name = fmt.Sprintf("KJ科技%d", i)
			}
			if _, err := InsertLead(ctx, tx, l); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"科", "科技", "技", "13", "keji", "kj", "zh", "展会1", "猫"} {
		cond, a := leadTextMatch(q)
		var want []int64
		if err := st.DB.Select(&want, `SELECT l.id FROM leads l WHERE `+cond+` ORDER BY l.id DESC`, a...); err != nil {
			t.Fatal(err)
		}
		for _, offset := range []int{0, 7, searchCollect + 5} {
			page, total, err := ListLeads(ctx, st.DB, LeadFilter{Query: q}, offset, 50)
			if err != nil {
				t.Fatal(err)
			}
			if total != len(want) {
				t.Fatalf("%q: total %d, a count of the rows %d", q, total, len(want))
			}
			var got []int64
			for _, l := range page {
				got = append(got, l.ID)
			}
			wantPage := want[min(offset, len(want)):min(offset+50, len(want))]
			if len(got) != len(wantPage) || (len(got) > 0 && !reflect.DeepEqual(got, wantPage)) {
				t.Errorf("%q offset %d: page %v, want %v", q, offset, got, wantPage)
			}
		}
	}
}

// TestLeadFilterFields fails when LeadFilter gains a field: searchOnly
// must know it, or a search with the new filter would count every match.
func TestLeadFilterFields(t *testing.T) {
	known := map[string]bool{"Query": true, "Status": true, "OwnerID": true, "Source": true, "CreatedFrom": true, "CreatedTo": true}
	ft := reflect.TypeOf(LeadFilter{})
	for i := 0; i < ft.NumField(); i++ {
		if !known[ft.Field(i).Name] {
			t.Errorf("LeadFilter.%s: add it to searchOnly (leads.go) and here", ft.Field(i).Name)
		}
	}
}
