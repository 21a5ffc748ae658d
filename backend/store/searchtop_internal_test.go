package store

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"funneldesk/backend/dupe"
	"funneldesk/backend/pinyin"
)

// topRow is one record as the reference reads it: its fields that Search
// matches and its keys.
type topRow struct {
	ID    int64  `db:"id"`
	PY    string `db:"py"`
	Ini   string `db:"ini"`
	Name  string `db:"name"` // the texts it is found by, joined by \x1f
	Email string `db:"email"`
	Phone string `db:"phone"`
	Key   string `db:"phone_key"`
	RKey  string `db:"phone_rkey"`
}

// reverse is s backwards (ASCII).
func reverse(s string) string {
	b := []byte(s)
	slices.Reverse(b)
	return string(b)
}

// topReference is Search's order computed from a full read of every
// record: pinyin matches in name-key order, then initials matches in
// initials order; for a number, the phones starting with its digits in key
// order, then those ending with them in reversed-key order; then every
// emails starting with s (any text that could be in one), in key order;
// then every record whose name contains s (as LIKE, ASCII case ignored),
// or its email (text with an @) or its phone as written (text that could
// be in one but is no number), newest first.
func topReference(rows []topRow, s string, phones bool, n int) (out []int64, why []string) {
	type tier struct {
		name   string
		key    func(topRow) string
		prefix string
	}
	var tiers []tier
	if key, ok := pinyin.Query(s); ok {
		tiers = append(tiers, tier{"pinyin", func(r topRow) string { return r.PY }, key},
			tier{"initials", func(r topRow) string { return r.Ini }, key})
	}
	number := false
	if phones && digitsOnly(s) && strings.ContainsAny(s, "0123456789") {
		number = true
		if d := dupe.PhoneDigits(s); d != "" {
			tiers = append(tiers, tier{"phone start", func(r topRow) string { return r.Key }, d})
		}
		var digits []byte
		for _, c := range []byte(s) {
			if c >= '0' && c <= '9' {
				digits = append(digits, c)
			}
		}
		tiers = append(tiers, tier{"phone end", func(r topRow) string { return reverse(r.Key) }, reverse(string(digits))})
	}
	if phones && couldBeEmail(s) {
		tiers = append(tiers, tier{"email start", func(r topRow) string { return dupe.Email(r.Email) }, strings.ToLower(s)})
	}
	listed := map[int64]bool{}
	for _, t := range tiers {
		var in []topRow
		for _, r := range rows {
			if k := t.key(r); k != "" && strings.HasPrefix(k, t.prefix) && !listed[r.ID] {
				in = append(in, r)
			}
		}
		sort.Slice(in, func(i, j int) bool {
			a, b := t.key(in[i]), t.key(in[j])
			return a < b || a == b && in[i].ID < in[j].ID
		})
		for _, r := range in {
			if len(out) < n {
				out, why, listed[r.ID] = append(out, r.ID), append(why, t.name), true
			}
		}
	}
	contains := func(f string) bool { return strings.Contains(foldASCII(f), foldASCII(s)) }
	after := ""
	if len(out) > 0 {
		after = " after " + why[len(why)-1]
	}
	for i := len(rows) - 1; i >= 0 && len(out) < n; i-- {
		r := rows[i]
		w := ""
		switch {
		case listed[r.ID]:
		case contains(r.Name):
			w = "name"
		case strings.Contains(s, "@") && contains(r.Email):
			w = "email"
		case !number && couldBePhone(s) && contains(r.Phone):
			w = "phone as written"
		}
		if w != "" {
			out, why = append(out, r.ID), append(why, w+after)
		}
	}
	return out, why
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
				if i%9 == 0 {
					phone += fmt.Sprintf(" 转%d", r.Intn(100))
				}
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
			if i == 600 {
				// An address that starts with a word two names hold inside.
				for _, c := range []Contact{{Name: "王五", Email: "zzq@x.cn"}, {Name: "A-zzq"}, {Name: "B zzq"}} {
					c.CustomerID = id
					if _, err := InsertContact(ctx, tx, c); err != nil {
						return err
					}
				}
			}
		}
		for i := range 4000 {
			if _, err := InsertOpportunity(ctx, tx, Opportunity{Name: name(i), CustomerID: custs[r.Intn(len(custs))],
				OwnerID: owner, StageID: stage.ID, ExpectedClose: "2026-12-31"}); err != nil {
				return err
			}
		}
		// A name starting with a word (pinyin tier) and one holding it.
		for _, n := range []string{"Qwv", "AQwv"} {
			if _, err := InsertOpportunity(ctx, tx, Opportunity{Name: n, CustomerID: custs[0], OwnerID: owner, StageID: stage.ID,
				ExpectedClose: "2026-12-31"}); err != nil {
				return err
			}
		}
		// Quotes and orders numbered as the app numbers them, with titles
		// from the same alphabet; some renamed and one deleted, so the
		// grams' update and delete triggers count too.
		for i := range 300 {
			qid, err := InsertQuote(ctx, tx, Quote{Number: fmt.Sprintf("Q-2026-%04d", i), Title: name(i), CustomerID: custs[i%len(custs)],
				OwnerID: owner, QuoteDate: "2026-12-01", ValidUntil: "2026-12-31"})
			if err != nil {
				return err
			}
			oid, err := InsertOrder(ctx, tx, Order{Number: fmt.Sprintf("SO-2026-%04d", i), Title: name(i + 3), CustomerID: custs[i%len(custs)],
				OwnerID: owner, SignedDate: "2026-12-02"})
			if err != nil {
				return err
			}
			switch i % 50 {
			case 7:
				if _, err := tx.ExecContext(ctx, `UPDATE orders SET title = ? WHERE id = ?`, name(i+5), oid); err != nil {
					return err
				}
			case 9:
				if _, err := tx.ExecContext(ctx, `DELETE FROM quotes WHERE id = ?`, qid); err != nil {
					return err
				}
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
		"customer": read(`SELECT id, name_py AS py, name_initials AS ini, name, '' AS email, phone, phone_key, phone_rkey
			FROM customers ORDER BY id`),
		"contact": read(`SELECT id, name_py AS py, name_initials AS ini, name, email, phone, phone_key, phone_rkey
			FROM contacts ORDER BY id`),
		"opportunity": read(`SELECT id, name_py AS py, name_initials AS ini, name, '' AS email, '' AS phone, '' AS phone_key,
			'' AS phone_rkey FROM opportunities ORDER BY id`),
		"quote": read(`SELECT id, '' AS py, '' AS ini, number || char(31) || title AS name, '' AS email, '' AS phone,
			'' AS phone_key, '' AS phone_rkey FROM quotes ORDER BY id`),
		"order": read(`SELECT id, '' AS py, '' AS ini, number || char(31) || title AS name, '' AS email, '' AS phone,
			'' AS phone_key, '' AS phone_rkey FROM orders ORDER BY id`),
		// A lead's phone is in its bigrams (lead_grams), as its other texts.
		"lead": read(`SELECT id, name_py AS py, name_initials AS ini,
			name || char(31) || company || char(31) || contact_name || char(31) || phone AS name, '' AS email, '' AS phone,
			'' AS phone_key, '' AS phone_rkey FROM leads ORDER BY id`),
	}
	// The reversed keys the triggers keep (migration 0038) are the keys
	// reversed.
	for _, kind := range []string{"customer", "contact"} {
		for _, r := range kinds[kind] {
			if r.RKey != reverse(r.Key) {
				t.Fatalf("%s %d: phone_rkey %q for phone_key %q", kind, r.ID, r.RKey, r.Key)
			}
		}
	}
	// Each tier must have listed something, and the newest-first tier must
	// have been reached past a full first tier's rows, for the test to
	// tell a wrong order from a right one.
	tiers := map[string]bool{}
	queries := append(append([]string{}, searchQueries...), "-1", "13", "021", "hua", "Huawei", "hw", "kjk", "xyz", "hua@",
		"年度", "续约系统", "约", "0571", "86 1", "ex3.cn", "u12hua", "转5", "转", "ext", "47", "05", "98", "905", "zzq", "qwv", `\`, `'`, `"`, "😀", `a\b`, "華", "ＡＢ")
	// Phones by their digits: a whole key, its first seven digits, a
	// contact's last four, as typed with separators.
	for _, c := range kinds["customer"] {
		if c.Key != "" {
			queries = append(queries, c.Key, c.Key[:7], "+86 "+c.Key[:3]+"-"+c.Key[3:6])
			break
		}
	}
	for _, c := range kinds["contact"] {
		if c.Key != "" {
			queries = append(queries, c.Key[len(c.Key)-4:], c.Key[len(c.Key)-6:len(c.Key)-3]+" "+c.Key[len(c.Key)-3:])
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
	// A low streamCands: words of three or more characters then merge
	// their two rarest bigrams' lists past the first few postings.
	defer func(n int) { streamCands = n }(streamCands)
	for _, q := range queries {
		for _, limit := range []int{8, 3, 2} {
			streamCands = 2000
			if limit == 2 {
				streamCands = 5
			}
			hits, err := Search(ctx, st.DB, q, limit)
			if err != nil {
				t.Fatalf("%q: %v", q, err)
			}
			got := map[string][]int64{}
			for _, h := range hits {
				got[h.Kind] = append(got[h.Kind], h.ID)
			}
			for kind, rows := range kinds {
				want, why := topReference(rows, q, kind == "customer" || kind == "contact", limit)
				if !reflect.DeepEqual(got[kind], want) {
					t.Errorf("Search %q (%d each) %ss: %v, a scan finds %v", q, limit, kind, got[kind], want)
				}
				for _, w := range why {
					tiers[w] = true
				}
			}
		}
	}
	for _, k := range []string{"pinyin", "initials", "phone start", "phone end", "email start", "name", "name after pinyin",
		"name after initials", "name after phone end", "name after email start", "email", "phone as written"} {
		if !tiers[k] {
			t.Errorf("no query listed a %s match (%v)", k, tiers)
		}
	}
}
