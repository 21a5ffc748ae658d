package importer

import (
	"context"
	"encoding/base64"
	"errors"
	"reflect"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
)

func importKind(t testing.TB, st *store.Store, kind, name, data string, opts Options) (Result, error) {
	t.Helper()
	opts.FileName = name
	return ImportKind(context.Background(), st, kind, Source{Name: name, Data: []byte(data)}, opts)
}

func mustKind(t testing.TB, st *store.Store, kind, name, data string, opts Options) Result {
	t.Helper()
	res, err := importKind(t, st, kind, name, data, opts)
	if err != nil {
		var re *RowErrors
		if errors.As(err, &re) {
			for _, e := range re.Errors {
				t.Log(FormatRowError(e))
			}
		}
		t.Fatalf("import %s: %v", name, err)
	}
	return res
}

// snapshot is every customer, contact and product as text, sorted, to
// compare the database before and after.
func snapshot(t testing.TB, st *store.Store) string {
	t.Helper()
	var lines []string
	for _, q := range []string{
		`SELECT 'cust|' || c.name || '|' || c.phone || '|' || c.address || '|' || c.industry || '|' || c.source || '|' || c.classification ||
			'|' || c.level || '|' || c.notes || '|' || COALESCE(w.name, '') || '|' || c.name_key || '|' || COALESCE(c.phone_key, '')
			FROM customers c LEFT JOIN owners w ON w.id = c.owner_id`,
		`SELECT 'cont|' || c.name || '|' || t.name || '|' || t.title || '|' || t.phone || '|' || t.email || '|' || COALESCE(t.phone_key, '')
			FROM contacts t JOIN customers c ON c.id = t.customer_id`,
		`SELECT 'prod|' || p.code || '|' || p.name || '|' || p.unit || '|' || p.price_cents || '|' || p.active || '|' || p.description ||
			'|' || COALESCE(k.name, '') FROM products p LEFT JOIN categories k ON k.id = p.category_id`,
		`SELECT 'cat|' || name FROM categories`,
	} {
		var got []string
		if err := st.DB.Select(&got, q); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, got...)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func countsOf(res Result) map[string][3]int {
	out := map[string][3]int{}
	for _, c := range res.Counts {
		out[c.Kind] = [3]int{c.New, c.Updated, c.Skipped}
	}
	return out
}

const customersWithContacts = "客户名称,电话,地址,行业,客户来源,负责人,联系人,职务,手机,邮箱\n" +
	"华强电子有限公司,0755-83000000,深圳福田,电子,展会,张三,李四,采购经理,13800138000,li@hq.com\n" +
	"华强电子,,,,,,王五,工程师,13900139000,wang@hq.com\n" +
	"远景科技,010-65521234,北京朝阳,软件,官网,,赵六,总经理,13700137000,zhao@yj.cn\n"

func TestImportCustomersWithContacts(t *testing.T) {
	ctx := context.Background()
	st := openDB(t)
	res := mustKind(t, st, KindCustomers, "c.csv", customersWithContacts, Options{})
	// 华强电子 and 华强电子有限公司 normalize to one customer.
	if got, want := countsOf(res), map[string][3]int{KindCustomers: {2, 0, 0}, KindContacts: {3, 0, 0}}; !equalCounts(got, want) {
		t.Fatalf("counts %v, want %v", got, want)
	}
	if !strings.Contains(Summary(res, "c.csv"), "customers 2 new, 0 updated, 0 skipped, 1 merged; contacts 3 new, 0 updated, 0 skipped from") {
		t.Errorf("summary %q lacks the counts", Summary(res, "c.csv"))
	}
	once := snapshot(t, st)
	for _, want := range []string{"cust|华强电子有限公司|0755-83000000|深圳福田|电子|展会|||", "cont|华强电子有限公司|王五|工程师|13900139000|wang@hq.com",
		"cont|远景科技|赵六|总经理|13700137000|zhao@yj.cn"} {
		if !strings.Contains(once, want) {
			t.Errorf("after import:\n%s\nlacks %q", once, want)
		}
	}
	// The customer without an owner got the default one (here: 张三, the
	// only active owner after the first row created it? no: before the
	// import there was none, so admin).
	var owner string
	if err := st.DB.Get(&owner, `SELECT w.name FROM customers c JOIN owners w ON w.id = c.owner_id WHERE c.name = '远景科技'`); err != nil || owner != "admin" {
		t.Errorf("owner of 远景科技 = %q (%v), want admin", owner, err)
	}

	// Twice is the same as once, by every choice but create.
	for _, dup := range []string{"update", "skip", ""} {
		res := mustKind(t, st, KindCustomers, "c.csv", customersWithContacts, Options{OnDuplicate: dup})
		if got := snapshot(t, st); got != once {
			t.Errorf("on-duplicate %q: second import changed the data:\n%s\nwant\n%s", dup, got, once)
		}
		// Nothing is counted as updated: every record reached already
		// held the file's values (unchanged), or was skipped.
		want := map[string][3]int{KindCustomers: {0, 0, 0}, KindContacts: {0, 0, 0}}
		unchanged := map[string]int{KindCustomers: 2, KindContacts: 3}
		if dup == DupSkip {
			want = map[string][3]int{KindCustomers: {0, 0, 3}, KindContacts: {0, 0, 3}} // the merged row is skipped with its customer
			unchanged = map[string]int{KindCustomers: 0, KindContacts: 0}
		}
		if got := countsOf(res); !equalCounts(got, want) {
			t.Errorf("on-duplicate %q: second import counts %v, want %v", dup, got, want)
		}
		for _, c := range res.Counts {
			if c.Unchanged != unchanged[c.Kind] {
				t.Errorf("on-duplicate %q: %d %s unchanged, want %d", dup, c.Unchanged, c.Kind, unchanged[c.Kind])
			}
		}
		var items int
		if err := st.DB.Get(&items, `SELECT COUNT(*) FROM import_items WHERE import_id = ? AND action = 'update'`, res.ImportID); err != nil || items != 0 {
			t.Errorf("on-duplicate %q: %d records kept for undo (%v), want none", dup, items, err)
		}
		if im, err := store.GetImport(ctx, st.DB, res.ImportID); err != nil || im.Updated != 0 || UnchangedOf(im) != unchanged[KindCustomers] {
			t.Errorf("on-duplicate %q: history says %d updated, %d unchanged (%v)", dup, im.Updated, UnchangedOf(im), err)
		}
	}
	// One value changed: that customer is updated, the rest unchanged.
	res = mustKind(t, st, KindCustomers, "d.csv", strings.Replace(customersWithContacts, "北京朝阳", "北京海淀", 1), Options{})
	if got, want := countsOf(res), map[string][3]int{KindCustomers: {0, 1, 0}, KindContacts: {0, 0, 0}}; !equalCounts(got, want) ||
		res.Counts[0].Unchanged != 1 || res.Counts[1].Unchanged != 3 || res.Unchanged != 1 {
		t.Errorf("one address changed: counts %+v", res.Counts)
	}
	if !strings.Contains(Summary(res, "d.csv"), "customers 0 new, 1 updated, 0 skipped, 1 merged, 1 unchanged (the same as their records: not written); "+
		"contacts 0 new, 0 updated, 0 skipped, 3 unchanged") {
		t.Errorf("summary %q", Summary(res, "d.csv"))
	}
	if zh := entitiesSummary(msg.Zh, res); !strings.Contains(zh, "客户 新增 0、更新 1、跳过 0、合并 1、未变 1（与已有记录相同，未写入）") {
		t.Errorf("zh summary %q", zh)
	}
}

func equalCounts(a, b map[string][3]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestImportCustomersDuplicateChoices(t *testing.T) {
	tests := []struct {
		name string
		dup  string
		// the counts, and the phone 华强电子有限公司 has after the import
		counts map[string][3]int
		phone  string
		total  int
	}{
		{"update", "update", map[string][3]int{KindCustomers: {1, 2, 0}, KindContacts: {0, 0, 0}}, "0755-88888888", 3},
		{"skip", "skip", map[string][3]int{KindCustomers: {1, 0, 2}, KindContacts: {0, 0, 0}}, "0755-83000000", 3},
		{"create", "create", map[string][3]int{KindCustomers: {3, 0, 0}, KindContacts: {0, 0, 0}}, "0755-83000000", 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := openDB(t)
			mustKind(t, st, KindCustomers, "a.csv", "客户名称,电话\n华强电子有限公司,0755-83000000\n远景科技,010-65521234\n", Options{})
			// By name (normalized), by phone (+86 form), and a new one.
			file := "Customer Name,Phone,Industry\n华强电子,0755-88888888,电子\nYJ,+86 10 6552 1234,软件\n新客户,,\n"
			res := mustKind(t, st, KindCustomers, "b.csv", file, Options{OnDuplicate: tt.dup})
			if got := countsOf(res); !equalCounts(got, tt.counts) {
				t.Errorf("counts %v, want %v", got, tt.counts)
			}
			var phone string
			if err := st.DB.Get(&phone, `SELECT phone FROM customers WHERE name = '华强电子有限公司' ORDER BY id LIMIT 1`); err != nil || phone != tt.phone {
				t.Errorf("phone %q (%v), want %q", phone, err, tt.phone)
			}
			var n int
			if err := st.DB.Get(&n, `SELECT COUNT(*) FROM customers`); err != nil || n != tt.total {
				t.Errorf("%d customers (%v), want %d", n, err, tt.total)
			}
			checkIntegrity(t, st)
		})
	}
}

func TestImportWukongCustomers(t *testing.T) {
	st := openDB(t)
	file := "客户名称,客户级别,客户来源,客户行业,电话,手机,网址,邮箱,详细地址,下次联系时间,备注,负责人\n" +
		"华强电子,A（重点客户）,促销活动,IT,0755-83000000,13800138000,www.hq.com,li@hq.com,深圳,2025-04-01,老客户,张三\n" +
		"远景科技,C（非优先客户）,,,,,,,,,,\n"
	res := mustKind(t, st, KindCustomers, "wk.csv", file, Options{})
	if res.Added != 2 || !strings.Contains(strings.Join(res.Ignored, ","), "网址") {
		t.Fatalf("result %+v", res)
	}
	snap := snapshot(t, st)
	for _, want := range []string{"cust|华强电子|0755-83000000|深圳|IT|促销活动||A|老客户\n联系人手机：13800138000\n邮箱：li@hq.com|张三", "cust|远景科技||||||C|"} {
		if !strings.Contains(snap, want) {
			t.Errorf("snapshot\n%s\nlacks %q", snap, want)
		}
	}
	if _, err := importKind(t, st, KindCustomers, "x.csv", "客户名称,客户级别\n甲,D\n", Options{}); err == nil {
		t.Error("an unknown level was taken")
	}
}

func TestImportContactsByCustomerName(t *testing.T) {
	st := openDB(t)
	mustKind(t, st, KindCustomers, "a.csv", "客户名称\n华强电子有限公司\n", Options{})
	file := "Account Name,First Name,Last Name,Title,Mobile,Email\n华强电子,San,Zhang,CTO,13800138000,z@hq.com\n" +
		"华强电子,,李,,13900139000,\n新公司,Ann,Lee,,,ann@new.com\n"
	res := mustKind(t, st, KindContacts, "p.csv", file, Options{})
	if got, want := countsOf(res), map[string][3]int{KindContacts: {3, 0, 0}, KindCustomers: {1, 0, 0}}; !equalCounts(got, want) {
		t.Fatalf("counts %v, want %v", got, want)
	}
	snap := snapshot(t, st)
	for _, want := range []string{"cont|华强电子有限公司|San Zhang|CTO|13800138000|z@hq.com", "cont|华强电子有限公司|李||13900139000|",
		"cont|新公司|Ann Lee|||ann@new.com"} {
		if !strings.Contains(snap, want) {
			t.Errorf("snapshot\n%s\nlacks %q", snap, want)
		}
	}
	// Again, with a changed title found by the email: updated, not added.
	file2 := "客户名称,姓名,职务,邮箱\n华强电子有限公司,张三,总监,Z@HQ.com\n"
	res = mustKind(t, st, KindContacts, "q.csv", file2, Options{})
	if got, want := countsOf(res), map[string][3]int{KindContacts: {0, 1, 0}, KindCustomers: {0, 0, 0}}; !equalCounts(got, want) {
		t.Fatalf("counts %v, want %v", got, want)
	}
	if snap := snapshot(t, st); !strings.Contains(snap, "cont|华强电子有限公司|张三|总监|13800138000|Z@HQ.com") {
		t.Errorf("contact not updated:\n%s", snap)
	}
}

func TestImportProducts(t *testing.T) {
	st := openDB(t)
	file := "产品编码,产品名称,单位,标准价格,产品分类,状态\nP-1,服务器,台,\"¥12,800.00\",硬件/服务器,启用\nP-2,维保服务,年,3000,服务,停用\n"
	res := mustKind(t, st, KindProducts, "p.csv", file, Options{})
	if got, want := countsOf(res), map[string][3]int{KindProducts: {2, 0, 0}}; !equalCounts(got, want) {
		t.Fatalf("counts %v, want %v", got, want)
	}
	once := snapshot(t, st)
	for _, want := range []string{"prod|P-1|服务器|台|1280000|1||服务器", "prod|P-2|维保服务|年|300000|0||服务", "cat|硬件"} {
		if !strings.Contains(once, want) {
			t.Errorf("snapshot\n%s\nlacks %q", once, want)
		}
	}
	res = mustKind(t, st, KindProducts, "p.csv", file, Options{})
	if got, want := countsOf(res), map[string][3]int{KindProducts: {0, 0, 0}}; !equalCounts(got, want) || res.Unchanged != 2 {
		t.Errorf("second import: counts %v, %d unchanged, want none and 2", got, res.Unchanged)
	}
	if got := snapshot(t, st); got != once {
		t.Errorf("second import changed the data:\n%s", got)
	}
	// Found by code without regard to case; the price changes.
	res = mustKind(t, st, KindProducts, "q.csv", "SKU,Product Name,Price\np-1,服务器,13000\n", Options{})
	if got, want := countsOf(res), map[string][3]int{KindProducts: {0, 1, 0}}; !equalCounts(got, want) {
		t.Fatalf("counts %v, want %v", got, want)
	}
	if snap := snapshot(t, st); !strings.Contains(snap, "prod|P-1|服务器|台|1300000|1||服务器") {
		t.Errorf("not updated:\n%s", snap)
	}
	if _, err := importKind(t, st, KindProducts, "q.csv", "SKU,Product Name\np-1,x\n", Options{OnDuplicate: "create"}); !apperr.Is(err, apperr.CodeInvalid) {
		t.Errorf("create on products: %v, want refused", err)
	}
}

func TestImportEntitiesBadRowsAllAtOnce(t *testing.T) {
	st := openDB(t)
	before := snapshot(t, st)
	file := "客户名称,电话,客户分类,邮箱,联系人\n,123,,,\n好客户,0755-83000000,大客户,li@,张三\n"
	_, err := importKind(t, st, KindCustomers, "bad.csv", file, Options{})
	var re *RowErrors
	if !errors.As(err, &re) {
		t.Fatalf("err %v, want row errors", err)
	}
	var got []string
	for _, e := range re.Errors {
		got = append(got, e.Column+"@"+itoa(e.Row)+"="+e.Value)
		if e.Message == "" || e.MessageEn == "" {
			t.Errorf("error without a message: %+v", e)
		}
	}
	want := []string{"客户名称@2=", "电话@2=123", "客户分类@3=大客户", "邮箱@3=li@"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("errors %v, want %v", got, want)
	}
	if snapshot(t, st) != before {
		t.Error("a refused import wrote something")
	}
	if _, err := importKind(t, st, KindProducts, "p.csv", "产品编码,单位\nA,个\n", Options{}); !errors.As(err, &re) || re.Errors[0].Row != 1 {
		t.Errorf("missing name column: %v, want an error on the header row", err)
	}
	p := Result{}
	if p, err = importKind(t, st, KindProducts, "p.csv", "产品编码,产品名称,单价\nA,a,12.345\nB,b,-1\n", Options{}); !errors.As(err, &re) || len(re.Errors) != 2 {
		t.Errorf("bad prices: %v %+v, want 2 errors", err, p)
	}
}

func TestImportEntitiesGBKAndXLSX(t *testing.T) {
	st := openDB(t)
	gbk, err := simplifiedchinese.GBK.NewEncoder().String("客户名称,联系人,手机\n华强电子,李四,13800138000\n")
	if err != nil {
		t.Fatal(err)
	}
	res := mustKind(t, st, KindCustomers, "gbk.csv", gbk, Options{})
	if res.Encoding != "GB18030" || res.Added != 1 {
		t.Errorf("GBK file: %+v", res)
	}
	x := xlsxFile(t, [][]any{{"产品编码", "产品名称", "标准价格"}, {"X1", "键盘", 99.5}})
	res = mustKind(t, st, KindProducts, "p.xlsx", string(x), Options{})
	if res.Added != 1 {
		t.Fatalf("xlsx: %+v", res)
	}
	if snap := snapshot(t, st); !strings.Contains(snap, "prod|X1|键盘|个|9950|1") {
		t.Errorf("xlsx product:\n%s", snap)
	}
}

func TestUndoEntityImport(t *testing.T) {
	ctx := context.Background()
	st := openDB(t)
	mustKind(t, st, KindCustomers, "a.csv", "客户名称,电话,联系人,手机\n华强电子,0755-83000000,李四,13800138000\n", Options{})
	mustKind(t, st, KindProducts, "p.csv", "产品编码,产品名称,单价\nP1,服务器,100\n", Options{})
	base := snapshot(t, st)
	res := mustKind(t, st, KindCustomers, "b.csv",
		"客户名称,电话,行业,联系人,职务,手机\n华强电子,0755-88888888,电子,李四,经理,13800138000\n华强电子,,,王五,,13900139000\n新客户,,,赵六,,\n", Options{})
	if got, want := countsOf(res), map[string][3]int{KindCustomers: {1, 1, 0}, KindContacts: {2, 1, 0}}; !equalCounts(got, want) {
		t.Fatalf("counts %v, want %v", got, want)
	}
	pres := mustKind(t, st, KindProducts, "q.csv", "产品编码,产品名称,单价,产品分类\nP1,服务器,120,硬件\nP2,鼠标,5,硬件/外设\n", Options{})
	if _, err := UndoImport(ctx, st, pres.ImportID, false); err != nil {
		t.Fatal(err)
	}
	if _, err := UndoImport(ctx, st, res.ImportID, false); err != nil {
		t.Fatal(err)
	}
	if got := snapshot(t, st); got != base {
		t.Errorf("after undo:\n%s\nwant\n%s", got, base)
	}

	// Changed since: refused naming the contact; the others undone.
	res = mustKind(t, st, KindCustomers, "b.csv", "客户名称,联系人,手机\n华强电子,王五,13900139000\n新客户,赵六,\n", Options{})
	if err := st.Tx(ctx, func(tx store.Tx) error {
		_, err := tx.Exec(`UPDATE contacts SET title = '后改的' WHERE name = '王五'`)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	_, err := UndoImport(ctx, st, res.ImportID, false)
	if e, ok := apperr.As(err); !ok || e.Code != apperr.CodeConflict || !strings.Contains(e.Message, "王五") {
		t.Fatalf("undo after a change: %v, want a conflict naming 王五", err)
	}
	u, err := UndoImport(ctx, st, res.ImportID, true)
	if err != nil || len(u.Kept) != 1 {
		t.Fatalf("undo others: %+v %v", u, err)
	}
	snap := snapshot(t, st)
	if !strings.Contains(snap, "cont|华强电子|王五|后改的") || strings.Contains(snap, "新客户") {
		t.Errorf("after undoing the others:\n%s", snap)
	}
	checkIntegrity(t, st)
}

func TestDetectKind(t *testing.T) {
	tests := []struct {
		headers string
		want    string
	}{
		{"商机名称,客户名称,商机阶段,商机金额", KindOpportunities},
		{"产品编码,产品名称,单位", KindProducts},
		{"客户名称,电话,地址", KindCustomers},
		{"客户名称,联系人,手机", KindContacts},
		{"Account Name,First Name,Last Name,Email", KindContacts},
		{"客户名称,客户级别,联系人,手机", KindCustomers},
		{"Organization - Name,Organization - Address", KindCustomers},
		{"姓名,客户名称,手机,电话,电子邮箱,职务,是否关键决策人,地址,下次联系时间,备注,负责人", KindContacts},
		{"客户名称,客户级别,客户来源,客户行业,电话,手机,网址,邮箱,详细地址,下次联系时间,备注,负责人", KindCustomers},
		{"Person - Name,Person - Organization,Person - Email", KindContacts},
	}
	for _, tt := range tests {
		if got := DetectKind(strings.Split(tt.headers, ",")); got != tt.want {
			t.Errorf("DetectKind(%s) = %s, want %s", tt.headers, got, tt.want)
		}
	}
}

func TestServiceEntityPreviewAndImport(t *testing.T) {
	st := openDB(t)
	s := NewService(st, svc.New(nil))
	mustKind(t, st, KindCustomers, "a.csv", "客户名称,电话\n华强电子有限公司,0755-83000000\n", Options{})
	file := "客户名称,电话,行业,联系人,手机\n华强电子,0755-88888888,电子,李四,13800138000\n华强电子,,,王五,13900139000\n" +
		"新客户,,,赵六,\n新客户有限公司,,,钱七,\n"
	p, err := s.PreviewData("c.csv", base64.StdEncoding.EncodeToString([]byte(file)))
	if err != nil {
		t.Fatal(err)
	}
	if p.Kind != KindCustomers || p.ErrorCount != 0 {
		t.Fatalf("kind %q errors %v", p.Kind, p.Errors)
	}
	// 新客户 and 新客户有限公司 are one new customer.
	want := []KindCount{{KindCustomers, 1, 1, 0, 2, 0}, {KindContacts, 4, 0, 0, 0, 0}}
	if !reflect.DeepEqual(p.Counts, want) {
		t.Errorf("counts %+v, want %+v", p.Counts, want)
	}
	if got := strings.Join(p.RowActions, ","); got != "update,merge,new,merge" {
		t.Errorf("row actions %s", got)
	}
	p, err = s.Validate(p.Token, PreviewOptions{Kind: KindCustomers, OnDuplicate: DupSkip})
	if err != nil {
		t.Fatal(err)
	}
	if want := []KindCount{{KindCustomers, 1, 0, 2, 1, 0}, {KindContacts, 4, 0, 0, 0, 0}}; !reflect.DeepEqual(p.Counts, want) {
		t.Errorf("skip: counts %+v, want %+v", p.Counts, want)
	}
	id, err := s.Start(p.Token, PreviewOptions{Kind: KindCustomers, OnDuplicate: DupUpdate})
	if err != nil {
		t.Fatal(err)
	}
	pr := wait(t, s, id)
	if !pr.OK || !reflect.DeepEqual(pr.Result.Counts, []KindCount{{KindCustomers, 1, 1, 0, 2, 0}, {KindContacts, 4, 0, 0, 0, 0}}) {
		t.Fatalf("progress %+v", pr)
	}
	if !strings.Contains(pr.Message, "客户 新增 1、更新 1、跳过 0") {
		t.Errorf("message %q", pr.Message)
	}
	var phone string
	if err := st.DB.Get(&phone, `SELECT phone FROM customers WHERE name = '华强电子有限公司'`); err != nil || phone != "0755-88888888" {
		t.Errorf("phone %q %v", phone, err)
	}
	// An opportunity file's preview counts its new customers the same way.
	opp := "机会名称,客户名称,销售阶段\na,甲公司,初期沟通\nb,甲公司有限公司,初期沟通\nc,华强电子,初期沟通\n"
	p, err = s.PreviewData("o.csv", base64.StdEncoding.EncodeToString([]byte(opp)))
	if err != nil {
		t.Fatal(err)
	}
	if p.Kind != KindOpportunities || p.NewCustomers != 1 {
		t.Errorf("opportunity preview: kind %s, %d new customers, want 1", p.Kind, p.NewCustomers)
	}
}
