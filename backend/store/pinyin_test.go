package store

import (
	"context"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jmoiron/sqlx"
)

func TestSearchByPinyin(t *testing.T) {
	ctx := context.Background()
	st := newTestStore(t)
	w, _ := InsertOwner(ctx, st.W, "王", true)
	stage, err := StageByName(ctx, st.DB, "初期沟通")
	if err != nil {
		t.Fatal(err)
	}
	custs := map[string]int64{}
	for _, name := range []string{"华强电子", "华为技术", "深圳华强北商行", "ABC科技", "红旗软件"} {
		id, err := InsertCustomer(ctx, st.W, Customer{Name: name, OwnerID: &w})
		if err != nil {
			t.Fatal(err)
		}
		custs[name] = id
	}
	for _, o := range []struct{ name, customer string }{
		{"服务器采购", "华强电子"},
		{"海外渠道拓展", "华为技术"},
		{"货架更新", "深圳华强北商行"},
		{"ERP升级", "ABC科技"},
		{"红旗办公套件", "红旗软件"},
	} {
		if _, err := InsertOpportunity(ctx, st.W, Opportunity{Name: o.name, CustomerID: custs[o.customer], OwnerID: w,
			StageID: stage.ID, ProbabilityBP: stage.ProbabilityBP}); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		query     string
		customers string // in pinyin order
		opps      string // by name, in pinyin order
	}{
		{"huaqiang", "华强电子", "服务器采购"},
		{"hq", "红旗软件|华强电子", "服务器采购|红旗办公套件"},
		{"HQ", "红旗软件|华强电子", "服务器采购|红旗办公套件"},
		{"hua qiang", "华强电子", "服务器采购"},
		{"hqdz", "华强电子", "服务器采购"},
		{"hua", "华强电子|华为技术", "服务器采购|海外渠道拓展"},
		// The opportunity's own name: 海外渠道拓展 hwqdtz, 货架更新 hjgx.
		{"hw", "华为技术", "海外渠道拓展"},
		{"hj", "", "货架更新"},
		// Pinyin is matched from the start; the name itself anywhere.
		{"qiang", "", ""},
		{"华强", "华强电子|深圳华强北商行", "服务器采购|货架更新"},
		{"abc", "ABC科技", "ERP升级"},
		{"erp", "", "ERP升级"},
		{"abckj", "ABC科技", "ERP升级"},
		{"zz", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got, total, err := ListCustomers(ctx, st.DB, CustomerFilter{Query: tt.query, Limit: 50})
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, c := range got {
				names = append(names, c.Name)
			}
			if strings.Join(names, "|") != tt.customers || total != len(names) {
				t.Errorf("customers = %q (total %d), want %q", names, total, tt.customers)
			}
			// Every way an opportunity list reads a search: sorted matches,
			// and a walk of the name index.
			for _, f := range []OpportunityFilter{
				{Query: tt.query, Sort: "name"},
				{Query: tt.query, Sort: "name", OwnerIDs: []int64{w}},
			} {
				opps, total, err := ListOpportunities(ctx, st.DB, f, 0, 50)
				if err != nil {
					t.Fatal(err)
				}
				names = nil
				for _, o := range opps {
					names = append(names, o.Name)
				}
				if strings.Join(names, "|") != tt.opps || total != len(names) {
					t.Errorf("opportunities %+v = %q (total %d), want %q", f, names, total, tt.opps)
				}
				ids, err := walkPage(ctx, st.DB, f, "o.name_py", 0, 50)
				if err != nil {
					t.Fatal(err)
				}
				if len(ids) != len(names) {
					t.Errorf("walked %d opportunities, want %d", len(ids), len(names))
				}
			}
		})
	}
}

func TestSortByPinyin(t *testing.T) {
	ctx := context.Background()
	st := newTestStore(t)
	w, _ := InsertOwner(ctx, st.W, "王", true)
	stage, err := StageByName(ctx, st.DB, "初期沟通")
	if err != nil {
		t.Fatal(err)
	}
	// Inserted out of order; byte order would put the Latin names first
	// and 阿 (U+963F) after 北 (U+5317).
	names := []string{"中信银行", "北京燕山", "阿里云", "Zebra", "重庆钢铁", "长沙银行", "apple", "华强电子"}
	want := "阿里云|apple|北京燕山|长沙银行|重庆钢铁|华强电子|Zebra|中信银行"
	var cust int64
	for _, n := range names {
		id, err := InsertCustomer(ctx, st.W, Customer{Name: n, OwnerID: &w})
		if err != nil {
			t.Fatal(err)
		}
		cust = id
		if _, err := InsertOpportunity(ctx, st.W, Opportunity{Name: n, CustomerID: id, OwnerID: w,
			StageID: stage.ID, ProbabilityBP: stage.ProbabilityBP}); err != nil {
			t.Fatal(err)
		}
	}
	join := func(n []string) string { return strings.Join(n, "|") }
	rev := func(s string) string {
		p := strings.Split(s, "|")
		for i, j := 0, len(p)-1; i < j; i, j = i+1, j-1 {
			p[i], p[j] = p[j], p[i]
		}
		return join(p)
	}
	custs, _, err := ListCustomers(ctx, st.DB, CustomerFilter{Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range custs {
		got = append(got, c.Name)
	}
	if join(got) != want {
		t.Errorf("customers %s, want %s", join(got), want)
	}
	for _, f := range []OpportunityFilter{
		{Sort: "name"},
		{Sort: "name", OwnerIDs: []int64{w}},
		{Sort: "name", View: KindOpen},
		{Sort: "name", Desc: true},
	} {
		// Page by page, three at a time, through whichever path pageIDs takes.
		got = nil
		for off := 0; off < len(names); off += 3 {
			page, total, err := ListOpportunities(ctx, st.DB, f, off, 3)
			if err != nil {
				t.Fatal(err)
			}
			if total != len(names) {
				t.Fatalf("total %d", total)
			}
			for _, o := range page {
				got = append(got, o.Name)
			}
		}
		w := want
		if f.Desc {
			w = rev(want)
		}
		if join(got) != w {
			t.Errorf("%+v: %s, want %s", f, join(got), w)
		}
	}
	// Renaming moves it: the key follows the name.
	o, _, err := ListOpportunities(ctx, st.DB, OpportunityFilter{CustomerID: cust}, 0, 1)
	if err != nil || len(o) != 1 {
		t.Fatal(o, err)
	}
	o[0].Name = "爱心工程"
	if err := UpdateOpportunity(ctx, st.W, o[0]); err != nil {
		t.Fatal(err)
	}
	first, _, err := ListOpportunities(ctx, st.DB, OpportunityFilter{Sort: "name"}, 0, 1)
	if err != nil || first[0].Name != "爱心工程" {
		t.Errorf("after renaming, first by name = %v, %v; want 爱心工程 (aixingongcheng)", first, err)
	}
	c, _ := GetCustomer(ctx, st.DB, cust)
	c.Name = "安徽海螺"
	if err := UpdateCustomer(ctx, st.W, c); err != nil {
		t.Fatal(err)
	}
	custs, _, _ = ListCustomers(ctx, st.DB, CustomerFilter{Query: "ahhl", Limit: 5})
	if len(custs) != 1 || custs[0].Name != "安徽海螺" {
		t.Errorf("renamed customer by initials: %v", custs)
	}
}

func TestPinyinKeysOfContacts(t *testing.T) {
	ctx := context.Background()
	st := newTestStore(t)
	w, _ := InsertOwner(ctx, st.W, "王", true)
	cust, _ := InsertCustomer(ctx, st.W, Customer{Name: "华强电子", OwnerID: &w})
	id, err := InsertContact(ctx, st.W, Contact{CustomerID: cust, Name: "单田芳"})
	if err != nil {
		t.Fatal(err)
	}
	key := func() (k struct {
		Py  string `db:"name_py"`
		Ini string `db:"name_initials"`
	}) {
		if err := st.DB.GetContext(ctx, &k, `SELECT name_py, name_initials FROM contacts WHERE id = ?`, id); err != nil {
			t.Fatal(err)
		}
		return k
	}
	if k := key(); k.Py != "shantianfang" || k.Ini != "stf" {
		t.Errorf("contact keys %+v, want shantianfang/stf (单 as a surname)", k)
	}
	if err := UpdateContact(ctx, st.W, Contact{ID: id, Name: "曾小明"}); err != nil {
		t.Fatal(err)
	}
	if k := key(); k.Py != "zengxiaoming" || k.Ini != "zxm" {
		t.Errorf("contact keys after update %+v, want zengxiaoming/zxm", k)
	}
}

// A file written before migration 0010 gets every row's keys on the next
// Open, however many batches that takes, and keeps them after.
func TestBackfillPinyin(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	// The schema as it was before 0010 (later migrations may build on it).
	m := fstest.MapFS{}
	err := fs.WalkDir(embeddedMigrations, "migrations", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() >= "0010_" {
			return err
		}
		b, err := fs.ReadFile(embeddedMigrations, p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	old := migrationFS
	migrationFS = m
	db, err := sqlx.Open("sqlite3", "file:"+path+"?_foreign_keys=on")
	if err != nil {
		t.Fatal(err)
	}
	st := &Store{DB: db, W: db, Path: path}
	err = st.migrate()
	migrationFS = old
	if err != nil {
		t.Fatal(err)
	}
	n := backfillBatch + 7 // more than one batch
	err = st.Tx(context.Background(), func(tx Tx) error {
		if _, err := tx.Exec(`INSERT INTO owners (id, name, created_at) VALUES (1, '王', '')`); err != nil {
			return err
		}
		for i := 1; i <= n; i++ {
			name := fmt.Sprintf("客户%d", i)
			if i == 1 {
				name = "华强电子"
			}
			if _, err := tx.Exec(`INSERT INTO customers (id, name, owner_id, created_at, updated_at) VALUES (?, ?, 1, '', '')`, i, name); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(`INSERT INTO contacts (customer_id, name) VALUES (1, '曾小明')`); err != nil {
			return err
		}
		_, err := tx.Exec(`INSERT INTO opportunities (name, customer_id, owner_id, stage_id, probability_bp, created_at, updated_at)
			VALUES ('重庆项目', 1, 1, 1, 1000, '', '')`)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()

	st = openAt(t, path)
	for _, table := range []string{"customers", "contacts", "opportunities"} {
		if got := count(t, st.DB, `SELECT COUNT(*) FROM `+table+` WHERE name_py IS NULL OR name_initials IS NULL`); got != 0 {
			t.Errorf("%s: %d rows without keys", table, got)
		}
	}
	if got := count(t, st.DB, `SELECT COUNT(*) FROM customers WHERE name_py = 'kehu5007' AND name_initials = 'kh5007'`); got != 1 {
		t.Error("the last batch's customer has no keys")
	}
	for _, c := range []struct{ table, py, ini string }{
		{"customers", "huaqiangdianzi", "hqdz"},
		{"contacts", "zengxiaoming", "zxm"},
		{"opportunities", "chongqingxiangmu", "cqxm"},
	} {
		if got := count(t, st.DB, `SELECT COUNT(*) FROM `+c.table+` WHERE name_py = ? AND name_initials = ?`, c.py, c.ini); got != 1 {
			t.Errorf("%s: no row keyed %s/%s", c.table, c.py, c.ini)
		}
	}
	custs, total, err := ListCustomers(context.Background(), st.DB, CustomerFilter{Query: "hq", Limit: 5})
	if err != nil || total != 1 || custs[0].Name != "华强电子" {
		t.Errorf("search hq after backfill = %v (total %d), %v", custs, total, err)
	}
}
