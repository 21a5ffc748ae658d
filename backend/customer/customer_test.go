package customer

import (
	"context"
	"strings"
	"testing"

	"funneldesk/backend/apperr"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
	"funneldesk/backend/svc"
)

type fixture struct {
	s        *Service
	st       *store.Store
	owner    int64 // active
	other    int64 // active
	inactive int64
}

func newFixture(t *testing.T) fixture {
	t.Helper()
	st := storetest.New(t)
	f := fixture{s: NewService(st, svc.New(nil)), st: st,
		owner: storetest.Owner(t, st, "张三"), other: storetest.Owner(t, st, "李四"), inactive: storetest.Owner(t, st, "离职")}
	if err := store.UpdateOwner(context.Background(), st.W, f.inactive, "离职", false); err != nil {
		t.Fatal(err)
	}
	return f
}

// addOpportunity puts an opportunity on customer cid.
func (f fixture) addOpportunity(t *testing.T, cid int64) int64 {
	t.Helper()
	stg := storetest.Stage(t, f.st, "初期沟通")
	id, err := store.InsertOpportunity(context.Background(), f.st.W, store.Opportunity{
		Name: "机会", CustomerID: cid, OwnerID: f.owner, StageID: stg.ID, ProbabilityBP: stg.ProbabilityBP})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestCreate(t *testing.T) {
	f := newFixture(t)
	if _, err := f.s.Create(Input{Name: "大商股份(TEST)", OwnerID: f.owner}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		in    Input
		code  string
		field string
	}{
		{"all fields", Input{Name: " 喜多多贸易 ", Classification: "意向客户", Source: "展会", Industry: "零售",
			Phone: "010-12345678", Address: "北京", OwnerID: f.owner, Notes: "老客户介绍"}, "", ""},
		{"no classification", Input{Name: "上海医药(FGH DT)", OwnerID: f.other}, "", ""},
		{"empty name", Input{Name: "  ", OwnerID: f.owner}, apperr.CodeInvalid, "name"},
		{"name too long", Input{Name: strings.Repeat("客", 101), OwnerID: f.owner}, apperr.CodeInvalid, "name"},
		{"unknown classification", Input{Name: "甲", Classification: "VIP", OwnerID: f.owner}, apperr.CodeInvalid, "classification"},
		{"no owner", Input{Name: "甲"}, apperr.CodeInvalid, "ownerId"},
		{"unknown owner", Input{Name: "甲", OwnerID: 999}, apperr.CodeInvalid, "ownerId"},
		{"inactive owner", Input{Name: "甲", OwnerID: f.inactive}, apperr.CodeInvalid, "ownerId"},
		{"address too long", Input{Name: "甲", OwnerID: f.owner, Address: strings.Repeat("路", 201)}, apperr.CodeInvalid, "address"},
		{"phone with extension", Input{Name: "乙", OwnerID: f.owner, Phone: "(010) 6438-1234 转 808"}, "", ""},
		{"phone with letters", Input{Name: "甲", OwnerID: f.owner, Phone: "010-CALL-NOW"}, apperr.CodeInvalid, "phone"},
		{"two phones", Input{Name: "甲", OwnerID: f.owner, Phone: "13800138000/13900139000"}, apperr.CodeInvalid, "phone"},
		{"phone too short", Input{Name: "甲", OwnerID: f.owner, Phone: "1234"}, apperr.CodeInvalid, "phone"},
		{"duplicate name", Input{Name: "大商股份(TEST)", OwnerID: f.other}, apperr.CodeConflict, "name"},
		{"duplicate name after trim", Input{Name: " 大商股份(TEST) ", OwnerID: f.other}, apperr.CodeConflict, "name"},
		{"duplicate confirmed", Input{Name: "大商股份(TEST)", OwnerID: f.other, AllowDuplicate: true}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := storetest.Count(t, f.st, "customers")
			got, err := f.s.Create(tt.in)
			storetest.WantErr(t, err, tt.code, tt.field)
			after := storetest.Count(t, f.st, "customers")
			if err != nil {
				if after != before {
					t.Errorf("refused create wrote a customer")
				}
				return
			}
			if after != before+1 {
				t.Errorf("%d customers, want %d", after, before+1)
			}
			want := store.Customer{ID: got.ID, Name: strings.TrimSpace(tt.in.Name), Classification: tt.in.Classification,
				Source: tt.in.Source, Industry: tt.in.Industry, Phone: tt.in.Phone, Address: tt.in.Address, Notes: tt.in.Notes}
			if got.ID == 0 || got.OwnerID == nil || *got.OwnerID != tt.in.OwnerID || got.CreatedAt == "" {
				t.Fatalf("created %+v", got)
			}
			if got.Status != store.CustomerOwned || got.OwnedSince == "" {
				t.Fatalf("created %+v: want owned, with its owner's clock started", got)
			}
			got.OwnerID, got.OwnerName, got.CreatedAt, got.UpdatedAt, got.Status, got.OwnedSince = nil, "", "", "", "", ""
			if got != want {
				t.Errorf("created %+v, want %+v", got, want)
			}
		})
	}
}

func TestDuplicateConflictNamesOwner(t *testing.T) {
	f := newFixture(t)
	if _, err := f.s.Create(Input{Name: "大商股份", OwnerID: f.other}); err != nil {
		t.Fatal(err)
	}
	_, err := f.s.Create(Input{Name: "大商股份", OwnerID: f.owner})
	e, ok := apperr.As(err)
	if !ok || !strings.Contains(e.Message, "李四") || !strings.Contains(e.MessageEn, "李四") {
		t.Errorf("duplicate warning %v does not name the other customer's owner", err)
	}
}

func TestUpdate(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	a, _ := f.s.Create(Input{Name: "甲公司", OwnerID: f.owner})
	if _, err := f.s.Create(Input{Name: "乙公司", OwnerID: f.owner}); err != nil {
		t.Fatal(err)
	}
	// c is held by a salesperson who has since left.
	leaving := storetest.Owner(t, f.st, "将离职")
	c, err := f.s.Create(Input{Name: "丙公司", OwnerID: leaving})
	if err != nil {
		t.Fatal(err)
	}
	if err := store.UpdateOwner(ctx, f.st.W, leaving, "将离职", false); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name  string
		id    int64
		in    Input
		code  string
		field string
	}{
		{"same name as itself", a.ID, Input{Name: "甲公司", Classification: "重点客户", OwnerID: f.owner}, "", ""},
		{"name of another", a.ID, Input{Name: "乙公司", OwnerID: f.owner}, apperr.CodeConflict, "name"},
		{"name of another confirmed", a.ID, Input{Name: "乙公司", OwnerID: f.owner, AllowDuplicate: true}, "", ""},
		{"new owner", a.ID, Input{Name: "乙公司", OwnerID: f.other, AllowDuplicate: true}, "", ""},
		{"to an inactive owner", a.ID, Input{Name: "乙公司", OwnerID: f.inactive, AllowDuplicate: true}, apperr.CodeInvalid, "ownerId"},
		{"keeps its inactive owner", c.ID, Input{Name: "丙公司", Notes: "改了备注", OwnerID: leaving}, "", ""},
		{"bad classification", c.ID, Input{Name: "丙公司", Classification: "x", OwnerID: leaving}, apperr.CodeInvalid, "classification"},
		{"unknown customer", 999, Input{Name: "丁公司", OwnerID: f.owner}, apperr.CodeNotFound, "customerId"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := store.GetCustomer(ctx, f.st.DB, tt.id)
			got, err := f.s.Update(tt.id, tt.in)
			storetest.WantErr(t, err, tt.code, tt.field)
			after, _ := store.GetCustomer(ctx, f.st.DB, tt.id)
			if err != nil {
				if after.Name != before.Name || after.UpdatedAt != before.UpdatedAt || after.Classification != before.Classification {
					t.Errorf("refused update changed %+v to %+v", before, after)
				}
				return
			}
			if got.Name != tt.in.Name || got.Classification != tt.in.Classification || got.Notes != tt.in.Notes ||
				got.OwnerID == nil || *got.OwnerID != tt.in.OwnerID || got.ID != tt.id || got.CreatedAt != before.CreatedAt {
				t.Errorf("updated %+v from %+v", got, tt.in)
			}
		})
	}
}

func TestDelete(t *testing.T) {
	f := newFixture(t)
	busy, _ := f.s.Create(Input{Name: "有机会", OwnerID: f.owner})
	f.addOpportunity(t, busy.ID)
	free, _ := f.s.Create(Input{Name: "无机会", OwnerID: f.owner})
	for _, id := range []int64{busy.ID, free.ID} {
		if _, err := f.s.AddContact(id, ContactInput{Name: "王经理"}); err != nil {
			t.Fatal(err)
		}
		if _, err := store.InsertFollowUp(context.Background(), f.st.W, store.FollowUp{CustomerID: id, Date: "2024-05-01", Content: "电话沟通"}); err != nil {
			t.Fatal(err)
		}
	}

	// A customer with opportunities goes to the recycle bin with them.
	if err := f.s.Delete(busy.ID); err != nil {
		t.Fatal(err)
	}
	if n := storetest.Count(t, f.st, "opportunities"); n != 0 {
		t.Errorf("%d opportunities left, want the deleted customer's gone with it", n)
	}

	if err := f.s.Delete(free.ID); err != nil {
		t.Fatal(err)
	}
	_, err := f.s.Get(free.ID)
	storetest.WantErr(t, err, apperr.CodeNotFound, "customerId")
	if n := storetest.Count(t, f.st, "contacts"); n != 0 {
		t.Errorf("%d contacts left", n)
	}
	if n := storetest.Count(t, f.st, "followups"); n != 0 {
		t.Errorf("%d follow-ups left", n)
	}
	if n := storetest.Count(t, f.st, "recycle_bin"); n != 2 {
		t.Errorf("%d bin entries, want 2", n)
	}
	storetest.WantErr(t, f.s.Delete(free.ID), apperr.CodeNotFound, "customerId")
}

func TestContacts(t *testing.T) {
	f := newFixture(t)
	c, _ := f.s.Create(Input{Name: "甲公司", OwnerID: f.owner})
	tests := []struct {
		name  string
		in    ContactInput
		code  string
		field string
	}{
		{"full", ContactInput{Name: " 王经理 ", Title: "采购经理", Phone: "13800000000", Email: "wang@example.com"}, "", ""},
		{"no email", ContactInput{Name: "李工"}, "", ""},
		{"email with subdomain and plus", ContactInput{Name: "赵", Email: "zhao+crm@mail.example.com.cn"}, "", ""},
		{"no name", ContactInput{Name: " ", Email: "a@b.com"}, apperr.CodeInvalid, "name"},
		{"email without at", ContactInput{Name: "王", Email: "wang.example.com"}, apperr.CodeInvalid, "email"},
		{"email with space", ContactInput{Name: "王", Email: "wang @example.com"}, apperr.CodeInvalid, "email"},
		{"two emails", ContactInput{Name: "王", Email: "a@b.com,c@d.com"}, apperr.CodeInvalid, "email"},
		{"two emails by semicolon", ContactInput{Name: "王", Email: "a@b.com;c@d.com"}, apperr.CodeInvalid, "email"},
		{"email without domain", ContactInput{Name: "王", Email: "wang@"}, apperr.CodeInvalid, "email"},
		{"email without user", ContactInput{Name: "王", Email: "@example.com"}, apperr.CodeInvalid, "email"},
		{"email with two ats", ContactInput{Name: "王", Email: "wang@@example.com"}, apperr.CodeInvalid, "email"},
		{"title too long", ContactInput{Name: "王", Title: strings.Repeat("职", 51)}, apperr.CodeInvalid, "title"},
		{"mobile with country code", ContactInput{Name: "陈", Phone: "+86 138 0013 8000"}, "", ""},
		{"phone with letters", ContactInput{Name: "王", Phone: "138-0013-800a"}, apperr.CodeInvalid, "phone"},
		{"phone too long", ContactInput{Name: "王", Phone: "123456789012345678901"}, apperr.CodeInvalid, "phone"},
	}
	want := 0
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := f.s.AddContact(c.ID, tt.in)
			storetest.WantErr(t, err, tt.code, tt.field)
			if err == nil {
				want++
				if got.ID == 0 || got.CustomerID != c.ID || got.Name != strings.TrimSpace(tt.in.Name) || got.Email != tt.in.Email {
					t.Errorf("added %+v", got)
				}
			}
			if n := storetest.Count(t, f.st, "contacts"); n != want {
				t.Errorf("%d contacts, want %d", n, want)
			}
		})
	}

	_, err := f.s.AddContact(999, ContactInput{Name: "王"})
	storetest.WantErr(t, err, apperr.CodeNotFound, "customerId")

	d, _ := f.s.Get(c.ID)
	first := d.Contacts[0]
	upd, err := f.s.UpdateContact(first.ID, ContactInput{Name: "王总", Title: "总经理", Email: "boss@example.com"})
	if err != nil {
		t.Fatal(err)
	}
	stored, _ := store.GetContact(context.Background(), f.st.DB, first.ID)
	if upd != stored || stored.Name != "王总" || stored.Title != "总经理" || stored.Phone != "" || stored.CustomerID != c.ID {
		t.Errorf("updated contact %+v, stored %+v", upd, stored)
	}
	_, err = f.s.UpdateContact(first.ID, ContactInput{Name: "王总", Email: "bad"})
	storetest.WantErr(t, err, apperr.CodeInvalid, "email")
	if again, _ := store.GetContact(context.Background(), f.st.DB, first.ID); again != stored {
		t.Errorf("refused update changed the contact to %+v", again)
	}
	_, err = f.s.UpdateContact(999, ContactInput{Name: "王"})
	storetest.WantErr(t, err, apperr.CodeNotFound, "id")

	if err := f.s.DeleteContact(first.ID); err != nil {
		t.Fatal(err)
	}
	if d, _ := f.s.Get(c.ID); len(d.Contacts) != want-1 {
		t.Errorf("%d contacts after delete, want %d", len(d.Contacts), want-1)
	}
}

func TestListAndSameName(t *testing.T) {
	f := newFixture(t)
	for i, in := range []Input{
		{Name: "大商股份(TEST)", Classification: "潜在客户", OwnerID: f.owner, Phone: "0411-88888888"},
		{Name: "喜多多贸易", Classification: "意向客户", OwnerID: f.other},
		{Name: "上海医药(FGH DT)", Classification: "潜在客户", OwnerID: f.other},
		{Name: "大商股份(TEST)", OwnerID: f.other, AllowDuplicate: true},
	} {
		if _, err := f.s.Create(in); err != nil {
			t.Fatalf("customer %d: %v", i, err)
		}
	}
	// In pinyin order: dashang…, shanghai…, xiduoduo….
	tests := []struct {
		name     string
		filter   Filter
		want     string
		total    int
		page     int
		pageSize int
	}{
		{"all", Filter{}, "大商股份(TEST),大商股份(TEST),上海医药(FGH DT),喜多多贸易", 4, 1, 50},
		{"query", Filter{Query: "大商"}, "大商股份(TEST),大商股份(TEST)", 2, 1, 50},
		{"query by phone", Filter{Query: "8888"}, "大商股份(TEST)", 1, 1, 50},
		{"classification", Filter{Classification: "潜在客户"}, "大商股份(TEST),上海医药(FGH DT)", 2, 1, 50},
		{"owner", Filter{OwnerID: f.other}, "大商股份(TEST),上海医药(FGH DT),喜多多贸易", 3, 1, 50},
		{"page 2 of 3 per page", Filter{Page: 2, PageSize: 3}, "喜多多贸易", 4, 2, 3},
		{"past the end", Filter{Page: 5, PageSize: 3}, "", 4, 5, 3},
		{"nothing", Filter{Query: "无此客户"}, "", 0, 1, 50},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := f.s.List(tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, c := range p.Items {
				names = append(names, c.Name)
			}
			if got := strings.Join(names, ","); got != tt.want || p.Total != tt.total || p.Page != tt.page || p.PageSize != tt.pageSize {
				t.Errorf("page = %s total %d page %d size %d; want %s total %d page %d size %d",
					got, p.Total, p.Page, p.PageSize, tt.want, tt.total, tt.page, tt.pageSize)
			}
			if p.Items == nil {
				t.Error("Items is nil; the UI expects []")
			}
		})
	}

	same, err := f.s.SameName(" 大商股份(TEST) ", 0)
	if err != nil || len(same) != 2 {
		t.Fatalf("SameName = %v, %v; want 2", same, err)
	}
	others, _ := f.s.SameName("大商股份(TEST)", same[0].ID)
	if len(others) != 1 || others[0].ID != same[1].ID {
		t.Errorf("SameName excluding %d = %+v", same[0].ID, others)
	}
	if none, _ := f.s.SameName("喜多多", 0); len(none) != 0 {
		t.Errorf("SameName matched a partial name: %+v", none)
	}
}

func TestOpportunityCountAndResolve(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c, _ := f.s.Create(Input{Name: "甲公司", OwnerID: f.owner})
	f.addOpportunity(t, c.ID)
	f.addOpportunity(t, c.ID)
	d, _ := f.s.Get(c.ID)
	if d.Customer.Opportunities != 2 || d.Customer.OwnerName != "张三" {
		t.Errorf("customer = %+v, want 2 opportunities held by 张三", d.Customer)
	}
	tests := []struct {
		name string
		id   int64
		code string
	}{
		{"existing", c.ID, ""},
		{"missing", 0, apperr.CodeInvalid},
		{"unknown", 999, apperr.CodeInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Resolve(ctx, f.st.DB, tt.id)
			storetest.WantErr(t, err, tt.code, "customerId")
			if err == nil && got.ID != tt.id {
				t.Errorf("resolved %+v", got)
			}
		})
	}
	opts := f.s.Options()
	if strings.Join(opts.Classifications, ",") != "潜在客户,意向客户,成交客户,重点客户,流失客户" {
		t.Errorf("options = %+v", opts)
	}
}

// TestAllErrors: customer and contact forms hear of every field error at
// once and write nothing; the same-name question waits until the rest is
// right.
func TestAllErrors(t *testing.T) {
	f := newFixture(t)
	c, err := f.s.Create(Input{Name: "大商股份", OwnerID: f.owner})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		call   func() error
		fields []string
	}{
		{"empty customer", func() error { _, err := f.s.Create(Input{}); return err }, []string{"name", "ownerId"}},
		{"wrong customer", func() error {
			_, err := f.s.Create(Input{Name: "大商股份", Classification: "?", Phone: "abc", OwnerID: 999})
			return err
		}, []string{"classification", "phone", "ownerId"}},
		{"empty contact", func() error {
			_, err := f.s.AddContact(c.ID, ContactInput{Phone: "abc", Email: "x@"})
			return err
		}, []string{"name", "phone", "email"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			storetest.WantFields(t, tt.call(), tt.fields...)
			for tb, want := range map[string]int{"customers": 1, "contacts": 0, "followups": 0} {
				if got := storetest.Count(t, f.st, tb); got != want {
					t.Errorf("%s: %d rows, want %d", tb, got, want)
				}
			}
		})
	}
}
