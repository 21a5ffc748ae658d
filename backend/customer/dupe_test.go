package customer

import (
	"context"
	"testing"

	"funneldesk/backend/apperr"
	"funneldesk/backend/pool"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
)

// TestDuplicates: every variant of the same company is caught on create,
// a duplicate of a customer in a pool is refused even when confirmed, one
// of an owned customer may be confirmed.
func TestDuplicates(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	owned, err := f.s.Create(Input{Name: "华强电子有限公司", Phone: "+86 138 0013 8000", OwnerID: f.owner})
	if err != nil {
		t.Fatal(err)
	}
	company, err := store.CompanyPool(ctx, f.st.DB)
	if err != nil {
		t.Fatal(err)
	}
	pooled, err := f.s.Create(Input{Name: "西门子（中国）有限公司", Phone: "010-65521234", PoolID: company})
	if err != nil {
		t.Fatal(err)
	}
	if pooled.Status != store.CustomerPool || pooled.OwnerID != nil || pooled.PoolName != "企业公海" {
		t.Fatalf("created into the pool: %+v", pooled)
	}
	if _, err := f.s.AddContact(owned.ID, ContactInput{Name: "王经理", Email: "Wang@HuaQiang.com", Phone: "0755-88886666"}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, cname, phone string
		allow              bool
		wantKey            string // "" = saved
	}{
		{"same name", "华强电子有限公司", "", false, "customer.duplicate"},
		{"without the suffix", "华强电子", "", false, "customer.duplicate"},
		{"other suffix and spaces", "华强 电子 股份有限公司", "", false, "customer.duplicate"},
		{"full-width", "华强电子（中国）有限责任公司", "", false, "customer.duplicate"},
		{"phone with +86", "另一家", "13800138000", false, "dupe.owned"},
		{"phone of a contact", "第三家", "+86 755 8888 6666", false, "dupe.owned"},
		{"confirmed", "华强电子集团", "", true, ""},
		{"in a pool", "西门子", "", false, "dupe.inPool"},
		{"in a pool, confirmed", "ＳＩＥＭＥＮＳ", "+86 10 6552 1234", true, "dupe.inPool"},
		{"different", "华强电器", "13900000000", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := storetest.Count(t, f.st, "customers")
			_, err := f.s.Create(Input{Name: tt.cname, Phone: tt.phone, OwnerID: f.other, AllowDuplicate: tt.allow})
			if tt.wantKey == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			e, ok := apperr.As(err)
			if !ok || e.Code != apperr.CodeConflict || e.Field != "name" || e.Key.String() != tt.wantKey {
				t.Fatalf("err = %#v, want conflict %s", err, tt.wantKey)
			}
			if storetest.Count(t, f.st, "customers") != before {
				t.Fatal("a refused duplicate was saved")
			}
		})
	}
	e, _ := apperr.As(func() error {
		_, err := f.s.Create(Input{Name: "西门子", OwnerID: f.owner})
		return err
	}())
	if e == nil || e.Message != "「西门子（中国）有限公司」已在公海「企业公海」中（名称相同），不能重复新建，可以领用它" {
		t.Fatalf("pool duplicate message: %+v", e)
	}
	// An edit keeping name and phone does not warn again; the email of a
	// contact is found too.
	if _, err := f.s.Update(owned.ID, Input{Name: "华强电子有限公司", Phone: "+86 138 0013 8000", OwnerID: f.owner, Notes: "改"}); err != nil {
		t.Fatalf("edit: %v", err)
	}
	ds, err := pool.FindDuplicates(ctx, f.st.DB, pool.DupeQuery{Name: "无关", Email: " WANG@huaqiang.COM "})
	if err != nil || len(ds) != 1 || ds[0].ID != owned.ID || ds[0].By != "email" || ds[0].OwnerName != "张三" || ds[0].Blocking {
		t.Fatalf("by email: %+v %v", ds, err)
	}
	ds, err = pool.FindDuplicates(ctx, f.st.DB, pool.DupeQuery{Name: "西门子"})
	if err != nil || len(ds) != 1 || !ds[0].Blocking || ds[0].PoolName != "企业公海" {
		t.Fatalf("in pool: %+v %v", ds, err)
	}
}

// TestCreateFlowAndOwnerChange: the flow history starts at creation and
// records an owner changed by an edit.
func TestCreateFlowAndOwnerChange(t *testing.T) {
	f := newFixture(t)
	c, err := f.s.Create(Input{Name: "流转", OwnerID: f.owner, Level: "A"})
	if err != nil {
		t.Fatal(err)
	}
	if c.Level != "A" {
		t.Fatalf("level = %q", c.Level)
	}
	if _, err := f.s.Update(c.ID, Input{Name: "流转", OwnerID: f.other, Level: "B"}); err != nil {
		t.Fatal(err)
	}
	rows, err := store.ListFlow(context.Background(), f.st.DB, c.ID)
	if err != nil || len(rows) != 2 {
		t.Fatalf("flow = %+v %v", rows, err)
	}
	if rows[0].Action != "create" || rows[0].To != "张三" || rows[1].Action != "owner" || rows[1].From != "张三" || rows[1].To != "李四" {
		t.Fatalf("flow = %+v", rows)
	}
	_, err = f.s.Create(Input{Name: "级别", OwnerID: f.owner, Level: "Z"})
	if e, ok := apperr.As(err); !ok || e.Field != "level" {
		t.Fatalf("unknown level: %v", err)
	}
}
