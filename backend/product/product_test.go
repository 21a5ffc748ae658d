package product

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"funneldesk/backend/apperr"
	"funneldesk/backend/export/exporttest"
	"funneldesk/backend/opportunity"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
	"funneldesk/backend/svc"
)

type fixture struct {
	s     *Service
	st    *store.Store
	owner int64
	cust  int64
}

func newFixture(t *testing.T) fixture {
	t.Helper()
	st := storetest.New(t)
	f := fixture{s: NewService(st, svc.New(nil)), st: st, owner: storetest.Owner(t, st, "张三")}
	f.cust = storetest.Customer(t, st, "大商股份", f.owner)
	return f
}

func (f fixture) product(t *testing.T, code, price string) store.Product {
	t.Helper()
	p, err := f.s.Create(Input{Code: code, Name: "产品" + code, Unit: "台", Price: price})
	if err != nil {
		t.Fatalf("create product %s: %v", code, err)
	}
	return p
}

func TestCreateProduct(t *testing.T) {
	f := newFixture(t)
	cat, err := f.s.CreateCategory(CategoryInput{Name: "办公设备"})
	if err != nil {
		t.Fatal(err)
	}
	f.product(t, "P-001", "100")
	tests := []struct {
		name  string
		in    Input
		code  string
		field string
	}{
		{"all fields", Input{Code: "P-002", Name: "激光打印机", CategoryID: cat.ID, Unit: "台", Price: "1,999.50", OwnerID: f.owner, Description: "A4"}, "", ""},
		{"free price", Input{Code: "P-003", Name: "服务", Unit: "次", Price: "0"}, "", ""},
		{"duplicate code", Input{Code: "P-001", Name: "x", Unit: "台", Price: "1"}, apperr.CodeConflict, "code"},
		{"duplicate code other case", Input{Code: "p-001", Name: "x", Unit: "台", Price: "1"}, apperr.CodeConflict, "code"},
		{"no code", Input{Code: " ", Name: "x", Unit: "台", Price: "1"}, apperr.CodeInvalid, "code"},
		{"no name", Input{Code: "X1", Unit: "台", Price: "1"}, apperr.CodeInvalid, "name"},
		{"no unit", Input{Code: "X1", Name: "x", Price: "1"}, apperr.CodeInvalid, "unit"},
		{"no price", Input{Code: "X1", Name: "x", Unit: "台"}, apperr.CodeInvalid, "price"},
		{"negative price", Input{Code: "X1", Name: "x", Unit: "台", Price: "-1"}, apperr.CodeInvalid, "price"},
		{"three decimals", Input{Code: "X1", Name: "x", Unit: "台", Price: "1.001"}, apperr.CodeInvalid, "price"},
		{"unknown category", Input{Code: "X1", Name: "x", Unit: "台", Price: "1", CategoryID: 999}, apperr.CodeInvalid, "categoryId"},
		{"unknown owner", Input{Code: "X1", Name: "x", Unit: "台", Price: "1", OwnerID: 999}, apperr.CodeInvalid, "ownerId"},
		{"name too long", Input{Code: "X1", Name: strings.Repeat("名", 101), Unit: "台", Price: "1"}, apperr.CodeInvalid, "name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := storetest.Count(t, f.st, "products")
			p, err := f.s.Create(tt.in)
			storetest.WantErr(t, err, tt.code, tt.field)
			if err != nil {
				if storetest.Count(t, f.st, "products") != before {
					t.Error("a refused product was written")
				}
				return
			}
			if !p.Active || p.Code != strings.TrimSpace(tt.in.Code) {
				t.Errorf("created %+v", p)
			}
		})
	}
}

// TestProductAllErrors: an empty or wholly wrong form hears of every
// field at once, and nothing is written.
func TestProductAllErrors(t *testing.T) {
	f := newFixture(t)
	f.product(t, "P-001", "100")
	tests := []struct {
		name   string
		in     Input
		fields []string
	}{
		{"empty", Input{}, []string{"code", "name", "unit", "price"}},
		{"taken code and bad price", Input{Code: "P-001", Name: "x", Unit: "台", Price: "abc", CategoryID: 999, OwnerID: 999}, []string{"code", "price", "categoryId", "ownerId"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := storetest.Count(t, f.st, "products")
			_, err := f.s.Create(tt.in)
			storetest.WantFields(t, err, tt.fields...)
			if storetest.Count(t, f.st, "products") != before {
				t.Error("a refused product was written")
			}
		})
	}
}

func TestUpdateAndDeleteProduct(t *testing.T) {
	f := newFixture(t)
	a := f.product(t, "A", "10")
	b := f.product(t, "B", "20")
	if _, err := f.s.Update(b.ID, Input{Code: "a", Name: "x", Unit: "台", Price: "1"}); !apperr.Is(err, apperr.CodeConflict) {
		t.Errorf("taking another product's code: %v", err)
	}
	p, err := f.s.Update(b.ID, Input{Code: "B", Name: "新名字", Unit: "套", Price: "25", Retired: true})
	if err != nil || p.Name != "新名字" || p.PriceCents != 2500 || p.Active {
		t.Fatalf("update: %+v, %v", p, err)
	}
	// A product on an opportunity line cannot be deleted.
	opp := addOpportunity(t, f, "初期沟通")
	if _, err := f.s.SetOpportunityLines(opp, OpportunityLinesInput{Lines: []LineInput{{ProductID: a.ID, Quantity: "1"}}}); err != nil {
		t.Fatal(err)
	}
	storetest.WantErr(t, f.s.Delete(a.ID), apperr.CodeConflict, "id")
	storetest.WantErr(t, f.s.Delete(b.ID), "", "")
	storetest.WantErr(t, f.s.Delete(b.ID), apperr.CodeNotFound, "id")
	if n, err := f.s.SetRetired([]int64{a.ID}, true); err != nil || n != 1 {
		t.Fatalf("retire: %d, %v", n, err)
	}
	d, _ := f.s.Get(a.ID)
	if d.Product.Active || d.Used != 1 {
		t.Errorf("after retiring: %+v", d)
	}
}

func TestCategoryTree(t *testing.T) {
	f := newFixture(t)
	mk := func(name string, parent int64) store.Category {
		t.Helper()
		c, err := f.s.CreateCategory(CategoryInput{Name: name, ParentID: parent})
		if err != nil {
			t.Fatalf("create %s: %v", name, err)
		}
		return c
	}
	office := mk("办公设备", 0)
	printers := mk("打印机", office.ID)
	laser := mk("激光打印机", printers.ID)
	soft := mk("软件", 0)

	tree, err := f.s.Categories()
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, c := range tree {
		paths = append(paths, c.Path)
	}
	want := "办公设备|办公设备 / 打印机|办公设备 / 打印机 / 激光打印机|软件"
	if got := strings.Join(paths, "|"); got != want {
		t.Errorf("tree = %s\nwant  %s", got, want)
	}
	if tree[2].Depth != 2 {
		t.Errorf("depth of 激光打印机 = %d", tree[2].Depth)
	}

	tests := []struct {
		name  string
		id    int64
		in    CategoryInput
		code  string
		field string
	}{
		{"duplicate sibling", 0, CategoryInput{Name: "打印机", ParentID: office.ID}, apperr.CodeConflict, "name"},
		{"duplicate top level", 0, CategoryInput{Name: "软件"}, apperr.CodeConflict, "name"},
		{"same name elsewhere", 0, CategoryInput{Name: "打印机", ParentID: soft.ID}, "", ""},
		{"unknown parent", 0, CategoryInput{Name: "x", ParentID: 999}, apperr.CodeInvalid, "parentId"},
		{"empty name", 0, CategoryInput{Name: " "}, apperr.CodeInvalid, "name"},
		{"move under itself", office.ID, CategoryInput{Name: "办公设备", ParentID: office.ID}, apperr.CodeInvalid, "parentId"},
		{"move under a descendant", office.ID, CategoryInput{Name: "办公设备", ParentID: laser.ID}, apperr.CodeInvalid, "parentId"},
		{"move to top", laser.ID, CategoryInput{Name: "激光打印机"}, "", ""},
		{"rename", soft.ID, CategoryInput{Name: "软件服务"}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.id == 0 {
				_, err = f.s.CreateCategory(tt.in)
			} else {
				_, err = f.s.UpdateCategory(tt.id, tt.in)
			}
			storetest.WantErr(t, err, tt.code, tt.field)
		})
	}

	// Deleting: refused with children, refused with products, else done.
	storetest.WantErr(t, f.s.DeleteCategory(office.ID), apperr.CodeConflict, "id")
	p, err := f.s.Create(Input{Code: "L1", Name: "激光", Unit: "台", Price: "1", CategoryID: printers.ID})
	if err != nil {
		t.Fatal(err)
	}
	storetest.WantErr(t, f.s.DeleteCategory(printers.ID), apperr.CodeConflict, "id")
	if _, err := f.s.Update(p.ID, Input{Code: "L1", Name: "激光", Unit: "台", Price: "1"}); err != nil {
		t.Fatal(err)
	}
	storetest.WantErr(t, f.s.DeleteCategory(printers.ID), "", "")
	storetest.WantErr(t, f.s.DeleteCategory(office.ID), "", "")
	storetest.WantErr(t, f.s.DeleteCategory(office.ID), apperr.CodeNotFound, "id")
}

func TestListFiltersAndExport(t *testing.T) {
	f := newFixture(t)
	office, _ := f.s.CreateCategory(CategoryInput{Name: "办公设备"})
	printers, _ := f.s.CreateCategory(CategoryInput{Name: "打印机", ParentID: office.ID})
	soft, _ := f.s.CreateCategory(CategoryInput{Name: "软件"})
	mk := func(code, name string, cat int64, price string, retired bool) {
		t.Helper()
		if _, err := f.s.Create(Input{Code: code, Name: name, Unit: "台", Price: price, CategoryID: cat, Retired: retired, OwnerID: f.owner}); err != nil {
			t.Fatal(err)
		}
	}
	mk("P1", "激光打印机", printers.ID, "1999", false)
	mk("P2", "复印纸, A4", office.ID, "25.5", false)
	mk("S1", "CRM 软件", soft.ID, "9800", false)
	mk("S0", "旧版软件", soft.ID, "100", true)

	tests := []struct {
		name  string
		f     Filter
		codes string
	}{
		{"all by code", Filter{}, "P1,P2,S0,S1"},
		{"category takes its sub-tree", Filter{CategoryID: office.ID}, "P1,P2"},
		{"leaf category", Filter{CategoryID: printers.ID}, "P1"},
		{"active", Filter{Status: "active"}, "P1,P2,S1"},
		{"retired", Filter{Status: "retired"}, "S0"},
		{"query on name", Filter{Query: "软件"}, "S0,S1"},
		{"query on code", Filter{Query: "p"}, "P1,P2"},
		{"price desc", Filter{Sort: "price", Desc: true}, "S1,P1,S0,P2"},
		{"owner", Filter{OwnerIDs: []int64{f.owner}}, "P1,P2,S0,S1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := f.s.List(ListRequest{Filter: tt.f})
			if err != nil {
				t.Fatal(err)
			}
			var codes []string
			for _, p := range page.Items {
				codes = append(codes, p.Code)
			}
			if got := strings.Join(codes, ","); got != tt.codes || page.Total != len(codes) {
				t.Errorf("got %s (total %d), want %s", got, page.Total, tt.codes)
			}
		})
	}
	page, err := f.s.List(ListRequest{Page: 2, PageSize: 3})
	if err != nil || len(page.Items) != 1 || page.Total != 4 || page.Page != 2 {
		t.Errorf("page 2 of 3: %+v, %v", page, err)
	}
	if _, err := f.s.List(ListRequest{Filter: Filter{Sort: "drop table"}}); !apperr.Is(err, apperr.CodeInvalid) {
		t.Errorf("unknown sort: %v", err)
	}
	if _, err := f.s.List(ListRequest{Filter: Filter{Status: "gone"}}); !apperr.Is(err, apperr.CodeInvalid) {
		t.Errorf("unknown status: %v", err)
	}

	dir := exporttest.Dir(t, f.s.env)
	path, err := f.s.Export(Filter{CategoryID: office.ID}, "csv")
	if err != nil {
		t.Fatal(err)
	}
	csv, _ := os.ReadFile(path)
	want := "\ufeff产品编码,产品名称,产品分类,单位,标准价格,负责人,状态,描述\r\n" +
		"P1,激光打印机,打印机,台,1999.00,张三,在售,\r\n" +
		"P2,\"复印纸, A4\",办公设备,台,25.50,张三,在售,\r\n"
	if string(csv) != want || filepath.Dir(path) != dir || !strings.HasPrefix(filepath.Base(path), "产品-") {
		t.Errorf("%s =\n%q\nwant\n%q", path, csv, want)
	}

	mk("X1", "=1+2", soft.ID, "0", false)
	exports := []struct {
		name    string
		f       Filter
		codes   string
		filters map[string]string
	}{
		{"a category", Filter{CategoryID: office.ID}, "P1,P2", map[string]string{"产品分类": "办公设备（含下级分类）"}},
		{"retired of an owner", Filter{Status: "retired", OwnerIDs: []int64{f.owner}}, "S0", map[string]string{"状态": "停用", "负责人": "张三"}},
		{"search, by price", Filter{Query: "软件", Sort: "price", Desc: true}, "S1,S0", map[string]string{"搜索": "软件"}},
		{"formula-looking name", Filter{Query: "="}, "X1", map[string]string{"搜索": "="}},
	}
	for _, tt := range exports {
		t.Run("export "+tt.name, func(t *testing.T) {
			path, err := f.s.Export(tt.f, "csv")
			if err != nil {
				t.Fatal(err)
			}
			recs := exporttest.ReadCSV(t, path)
			path, err = f.s.Export(tt.f, "xlsx")
			if err != nil {
				t.Fatal(err)
			}
			x := exporttest.OpenXLSX(t, path)
			exporttest.CheckTable(t, x, "产品", Columns)
			rows := exporttest.Rows(t, x, "产品")
			if len(rows) != len(recs) {
				t.Fatalf("xlsx has %d rows, csv %d", len(rows), len(recs))
			}
			var codes []string
			for i, r := range recs[1:] {
				codes = append(codes, r[0])
				if rows[i+1][1] != strings.TrimPrefix(r[1], "'") {
					t.Errorf("row %d: xlsx name %q, csv %q", i+1, rows[i+1][1], r[1])
				}
			}
			if got := strings.Join(codes, ","); got != tt.codes {
				t.Errorf("exported %s, want %s", got, tt.codes)
			}
			got := exporttest.Filters(t, x)
			for k, v := range tt.filters {
				if got[k] != v {
					t.Errorf("filter %s = %q, want %q (all %q)", k, got[k], v, got)
				}
			}
		})
	}
	if _, err := f.s.Export(Filter{Status: "gone"}, "csv"); !apperr.Is(err, apperr.CodeInvalid) {
		t.Errorf("unknown status exported: %v", err)
	}
	exporttest.CheckRefusals(t, f.s.env, func(format string) (string, error) { return f.s.Export(Filter{}, format) })
}

func TestPriceFor(t *testing.T) {
	f := newFixture(t)
	a := f.product(t, "A", "100")
	b := f.product(t, "B", "200")
	vip, err := f.s.CreatePriceList(PriceListInput{Name: "VIP 价"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.CreatePriceList(PriceListInput{Name: "VIP 价"}); !apperr.Is(err, apperr.CodeConflict) {
		t.Errorf("duplicate list name: %v", err)
	}
	if _, err := f.s.SetPrices(vip.ID, []PriceInput{{ProductID: a.ID, Price: "80"}, {ProductID: b.ID, Price: "x"}}); !apperr.Is(err, apperr.CodeInvalid) {
		t.Errorf("bad price accepted: %v", err)
	}
	if d, _ := f.s.PriceList(vip.ID); len(d.Items) != 0 {
		t.Errorf("a refused SetPrices wrote %d prices", len(d.Items))
	}
	if _, err := f.s.SetPrices(vip.ID, []PriceInput{{ProductID: a.ID, Price: "80"}}); err != nil {
		t.Fatal(err)
	}
	other := storetest.Customer(t, f.st, "散客", f.owner)
	if _, err := f.s.SetCustomerPriceList(f.cust, vip.ID); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name     string
		customer int64
		product  int64
		want     int64
		fromList bool
	}{
		{"price list price", f.cust, a.ID, 8000, true},
		{"not in the list: standard price", f.cust, b.ID, 20000, false},
		{"no price list: standard price", other, a.ID, 10000, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := f.s.PriceFor(tt.customer, tt.product)
			if err != nil {
				t.Fatal(err)
			}
			if p.UnitPriceCents != tt.want || p.FromPriceList != tt.fromList {
				t.Errorf("PriceFor = %+v, want %d from list %v", p, tt.want, tt.fromList)
			}
			// Lines without a unit price are priced the same way.
			lines, total, err := BuildLines(context.Background(), f.st.DB, tt.customer, []LineInput{{ProductID: tt.product, Quantity: "2"}}, nil)
			if err != nil || lines[0].UnitPriceCents != tt.want || total != 2*tt.want {
				t.Errorf("BuildLines priced %+v (total %d, %v), want %d each", lines, total, err, tt.want)
			}
		})
	}
	// A typed unit price wins over the list.
	lines, _, err := BuildLines(context.Background(), f.st.DB, f.cust, []LineInput{{ProductID: a.ID, Quantity: "1", UnitPrice: "95", Discount: "10"}}, nil)
	if err != nil || lines[0].UnitPriceCents != 9500 || lines[0].TotalCents != 8550 {
		t.Errorf("typed price: %+v, %v", lines, err)
	}
	// Removing the price falls back to the standard price.
	if _, err := f.s.SetPrices(vip.ID, []PriceInput{{ProductID: a.ID, Price: ""}}); err != nil {
		t.Fatal(err)
	}
	if p, _ := f.s.PriceFor(f.cust, a.ID); p.UnitPriceCents != 10000 || p.FromPriceList || p.PriceListName != "VIP 价" {
		t.Errorf("after removing the price: %+v", p)
	}
	storetest.WantErr(t, f.s.DeletePriceList(vip.ID), apperr.CodeConflict, "id")
	if _, err := f.s.SetCustomerPriceList(f.cust, 0); err != nil {
		t.Fatal(err)
	}
	storetest.WantErr(t, f.s.DeletePriceList(vip.ID), "", "")
	if _, err := f.s.PriceFor(f.cust, 999); !apperr.Is(err, apperr.CodeInvalid) {
		t.Errorf("unknown product: %v", err)
	}
	if _, err := f.s.PriceFor(999, a.ID); !apperr.Is(err, apperr.CodeInvalid) {
		t.Errorf("unknown customer: %v", err)
	}
}

func TestBuildLinesRefusals(t *testing.T) {
	f := newFixture(t)
	a := f.product(t, "A", "100")
	old, _ := f.s.Create(Input{Code: "OLD", Name: "旧款", Unit: "台", Price: "1", Retired: true})
	tests := []struct {
		name  string
		line  LineInput
		keep  map[int64]bool
		field string
	}{
		{"no product", LineInput{Quantity: "1"}, nil, "lines[0].productId"},
		{"unknown product", LineInput{ProductID: 999, Quantity: "1"}, nil, "lines[0].productId"},
		{"retired product", LineInput{ProductID: old.ID, Quantity: "1"}, nil, "lines[0].productId"},
		{"retired but carried over", LineInput{ProductID: old.ID, Quantity: "1"}, map[int64]bool{old.ID: true}, ""},
		{"no quantity", LineInput{ProductID: a.ID}, nil, "lines[0].quantity"},
		{"zero quantity", LineInput{ProductID: a.ID, Quantity: "0"}, nil, "lines[0].quantity"},
		{"bad price", LineInput{ProductID: a.ID, Quantity: "1", UnitPrice: "abc"}, nil, "lines[0].unitPrice"},
		{"discount over 100", LineInput{ProductID: a.ID, Quantity: "1", Discount: "101"}, nil, "lines[0].discount"},
		{"out of range", LineInput{ProductID: a.ID, Quantity: "1000000000", UnitPrice: "999999999999"}, nil, "lines[0].quantity"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := BuildLines(context.Background(), f.st.DB, f.cust, []LineInput{tt.line}, tt.keep)
			if tt.field == "" {
				storetest.WantErr(t, err, "", "")
				return
			}
			storetest.WantErr(t, err, apperr.CodeInvalid, tt.field)
			if e, _ := apperr.As(err); !strings.HasPrefix(e.Message, "第 1 行：") || !strings.HasPrefix(e.MessageEn, "Line 1: ") {
				t.Errorf("message %q / %q does not name the line", e.Message, e.MessageEn)
			}
		})
	}
	_, _, err := BuildLines(context.Background(), f.st.DB, f.cust, []LineInput{{ProductID: old.ID, Quantity: "1"}}, nil)
	if e, _ := apperr.As(err); e == nil || e.Message != "第 1 行：产品「旧款」已停用" || e.MessageEn != "Line 1: Product \"旧款\" is retired" {
		t.Errorf("retired product: %v", err)
	}
	// Every bad cell of every line at once; good lines say nothing.
	_, _, err = BuildLines(context.Background(), f.st.DB, f.cust, []LineInput{
		{Quantity: "x", Discount: "101"}, {ProductID: a.ID, Quantity: "1"}, {ProductID: a.ID, UnitPrice: "abc"},
	}, nil)
	storetest.WantFields(t, err, "lines[0].productId", "lines[0].quantity", "lines[0].discount", "lines[2].quantity", "lines[2].unitPrice")
	// Price list rows too, and none is written.
	pl, err := f.s.CreatePriceList(PriceListInput{Name: "经销价"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.s.SetPrices(pl.ID, []PriceInput{{ProductID: a.ID, Price: "1"}, {ProductID: 999, Price: "x"}, {ProductID: a.ID, Price: "-1"}})
	storetest.WantFields(t, err, "lines[1].productId", "lines[1].price", "lines[2].price")
	if storetest.Count(t, f.st, "price_list_items") != 0 {
		t.Error("a refused price list row was written")
	}
	_, err = f.s.CreatePriceList(PriceListInput{Name: "经销价", Notes: strings.Repeat("长", 501)})
	storetest.WantFields(t, err, "name", "notes")
	_, err = f.s.CreateCategory(CategoryInput{ParentID: 999})
	storetest.WantFields(t, err, "name", "parentId")
}

// addOpportunity puts an opportunity of the fixture's customer in stage.
func addOpportunity(t *testing.T, f fixture, stage string) int64 {
	t.Helper()
	stg := storetest.Stage(t, f.st, stage)
	id, err := store.InsertOpportunity(context.Background(), f.st.W, store.Opportunity{
		Name: "机会", CustomerID: f.cust, OwnerID: f.owner, StageID: stg.ID, ProbabilityBP: stg.ProbabilityBP, AmountCents: 123})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestOpportunityLines(t *testing.T) {
	f := newFixture(t)
	a := f.product(t, "A", "100")
	b := f.product(t, "B", "33.33")
	opp := addOpportunity(t, f, "初期沟通")
	lines := []LineInput{{ProductID: a.ID, Quantity: "2", Discount: "5"}, {ProductID: b.ID, Quantity: "3", UnitPrice: "33.33"}}
	oppAmount := func() int64 {
		t.Helper()
		o, err := store.GetOpportunity(context.Background(), f.st.DB, opp)
		if err != nil {
			t.Fatal(err)
		}
		return o.AmountCents
	}

	// Not following: the amount stays as typed.
	got, err := f.s.SetOpportunityLines(opp, OpportunityLinesInput{Lines: lines})
	if err != nil {
		t.Fatal(err)
	}
	if got.TotalCents != 19000+9999 || oppAmount() != 123 || got.FollowLines {
		t.Errorf("not following: %+v, amount %d", got, oppAmount())
	}
	// Following: the amount becomes the sum, in the same call.
	if got, err = f.s.SetOpportunityLines(opp, OpportunityLinesInput{FollowLines: true, Lines: lines}); err != nil {
		t.Fatal(err)
	}
	if oppAmount() != 28999 || got.AmountCents != 28999 || !got.FollowLines {
		t.Errorf("following: %+v, amount %d", got, oppAmount())
	}
	// The opportunity form cannot move the amount away from the lines.
	os := opportunity.NewService(f.st, svc.New(nil))
	stg := storetest.Stage(t, f.st, "初期沟通")
	if _, err := os.Update(opp, opportunity.Input{Name: "机会", CustomerID: f.cust, OwnerID: f.owner, StageID: stg.ID, Amount: "1"}); err != nil {
		t.Fatal(err)
	}
	if oppAmount() != 28999 {
		t.Errorf("the opportunity form changed a following amount to %d", oppAmount())
	}
	// Fewer lines: the amount follows down.
	if _, err = f.s.SetOpportunityLines(opp, OpportunityLinesInput{FollowLines: true, Lines: lines[:1]}); err != nil {
		t.Fatal(err)
	}
	if oppAmount() != 19000 {
		t.Errorf("after removing a line: amount %d", oppAmount())
	}
	// Turned off: the form's amount sticks again.
	if _, err = f.s.SetOpportunityLines(opp, OpportunityLinesInput{FollowLines: false, Lines: lines[:1]}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Update(opp, opportunity.Input{Name: "机会", CustomerID: f.cust, OwnerID: f.owner, StageID: stg.ID, Amount: "1"}); err != nil {
		t.Fatal(err)
	}
	if oppAmount() != 100 {
		t.Errorf("not following any more: amount %d, want 100", oppAmount())
	}
	// A refused line leaves everything as it was.
	before, _ := f.s.GetOpportunityLines(opp)
	_, err = f.s.SetOpportunityLines(opp, OpportunityLinesInput{FollowLines: true, Lines: []LineInput{{ProductID: a.ID, Quantity: "-1"}}})
	storetest.WantErr(t, err, apperr.CodeInvalid, "lines[0].quantity")
	after, _ := f.s.GetOpportunityLines(opp)
	if len(after.Lines) != len(before.Lines) || after.FollowLines != before.FollowLines || oppAmount() != 100 {
		t.Errorf("a refused save changed the lines: %+v", after)
	}
	if _, err := f.s.GetOpportunityLines(999); !apperr.Is(err, apperr.CodeNotFound) {
		t.Errorf("unknown opportunity: %v", err)
	}
	// Clearing the lines while following sets the amount to zero.
	if _, err = f.s.SetOpportunityLines(opp, OpportunityLinesInput{FollowLines: true}); err != nil {
		t.Fatal(err)
	}
	if oppAmount() != 0 {
		t.Errorf("no lines, following: amount %d", oppAmount())
	}
}
