package owner

import (
	"context"
	"strings"
	"testing"

	"funneldesk/backend/apperr"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
	"funneldesk/backend/svc"
)

func newService(t *testing.T) (*Service, *store.Store) {
	t.Helper()
	st := storetest.New(t)
	return NewService(st, svc.New(nil)), st
}

func names(os []store.Owner) string {
	var n []string
	for _, o := range os {
		n = append(n, o.Name)
	}
	return strings.Join(n, ",")
}

func TestCreate(t *testing.T) {
	s, st := newService(t)
	if _, err := s.Create(Input{Name: "张三"}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		in     string
		want   string
		code   string
		owners int
	}{
		{"trimmed", "  李四 ", "李四", "", 2},
		{"duplicate", "张三", "", apperr.CodeConflict, 2},
		{"duplicate after trim", " 张三  ", "", apperr.CodeConflict, 2},
		{"empty", "   ", "", apperr.CodeInvalid, 2},
		{"too long", strings.Repeat("名", 51), "", apperr.CodeInvalid, 2},
		{"longest", strings.Repeat("名", 50), strings.Repeat("名", 50), "", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, err := s.Create(Input{Name: tt.in})
			storetest.WantErr(t, err, tt.code, "name")
			if err == nil && (o.Name != tt.want || !o.Active || o.ID == 0 || o.CreatedAt == "") {
				t.Errorf("created %+v, want active %q", o, tt.want)
			}
			if n := storetest.Count(t, st, "owners"); n != tt.owners {
				t.Errorf("%d owners, want %d", n, tt.owners)
			}
		})
	}
}

func TestUpdateAndList(t *testing.T) {
	s, _ := newService(t)
	zhang, _ := s.Create(Input{Name: "张三"})
	li, _ := s.Create(Input{Name: "李四"})
	if _, err := s.Create(Input{Name: "Alice"}); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name  string
		id    int64
		in    Input
		code  string
		field string
	}{
		{"rename to own name", zhang.ID, Input{Name: "张三", Active: true}, "", ""},
		{"rename to another's name", zhang.ID, Input{Name: "李四", Active: true}, apperr.CodeConflict, "name"},
		{"empty name", zhang.ID, Input{Name: "", Active: true}, apperr.CodeInvalid, "name"},
		{"unknown", 999, Input{Name: "王五", Active: true}, apperr.CodeNotFound, "ownerId"},
		{"rename", zhang.ID, Input{Name: "张三丰", Active: true}, "", ""},
		{"deactivate", li.ID, Input{Name: "李四", Active: false}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, err := s.Update(tt.id, tt.in)
			storetest.WantErr(t, err, tt.code, tt.field)
			if err == nil && (o.Name != tt.in.Name || o.Active != tt.in.Active || o.ID != tt.id) {
				t.Errorf("updated %+v, want %+v", o, tt.in)
			}
		})
	}

	active, err := s.List(false)
	if err != nil {
		t.Fatal(err)
	}
	if got := names(active); got != "Alice,张三丰" {
		t.Errorf("active owners = %s", got)
	}
	all, _ := s.List(true)
	if got := names(all); got != "Alice,张三丰,李四" {
		t.Errorf("all owners = %s", got)
	}
	if _, err := s.Update(li.ID, Input{Name: "李四", Active: true}); err != nil {
		t.Fatal(err)
	}
	if active, _ := s.List(false); len(active) != 3 {
		t.Errorf("reactivated owner missing: %s", names(active))
	}
}

func TestDelete(t *testing.T) {
	s, st := newService(t)
	ctx := context.Background()
	free := storetest.Owner(t, st, "空闲")
	withCustomer := storetest.Owner(t, st, "有客户")
	withOpp := storetest.Owner(t, st, "有机会")
	storetest.Customer(t, st, "客户甲", withCustomer)
	// withOpp holds only an opportunity on a customer someone else holds.
	cid := storetest.Customer(t, st, "客户乙", free)
	first := storetest.Stage(t, st, "初期沟通")
	if _, err := store.InsertOpportunity(ctx, st.W, store.Opportunity{Name: "机会", CustomerID: cid, OwnerID: withOpp, StageID: first.ID, ProbabilityBP: 1000}); err != nil {
		t.Fatal(err)
	}
	unused := storetest.Owner(t, st, "无用")

	tests := []struct {
		name string
		id   int64
		code string
	}{
		{"holds customers", withCustomer, apperr.CodeConflict},
		{"holds opportunities", withOpp, apperr.CodeConflict},
		{"holds a customer with an opportunity of someone else", free, apperr.CodeConflict},
		{"unknown", 999, apperr.CodeNotFound},
		{"unused", unused, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := storetest.Count(t, st, "owners")
			err := s.Delete(tt.id)
			field := "id"
			if tt.code == apperr.CodeNotFound {
				field = "ownerId"
			}
			storetest.WantErr(t, err, tt.code, field)
			want := before
			if tt.code == "" {
				want--
			}
			if n := storetest.Count(t, st, "owners"); n != want {
				t.Errorf("%d owners after delete, want %d", n, want)
			}
		})
	}
}

func TestResolve(t *testing.T) {
	s, st := newService(t)
	ctx := context.Background()
	active := storetest.Owner(t, st, "在职")
	gone, _ := s.Create(Input{Name: "离职"})
	if _, err := s.Update(gone.ID, Input{Name: "离职", Active: false}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name        string
		id, current int64
		code        string
	}{
		{"active", active, 0, ""},
		{"missing", 0, 0, apperr.CodeInvalid},
		{"unknown", 999, 0, apperr.CodeInvalid},
		{"newly assigned inactive", gone.ID, active, apperr.CodeInvalid},
		{"kept inactive", gone.ID, gone.ID, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, err := Resolve(ctx, st.DB, tt.id, tt.current)
			storetest.WantErr(t, err, tt.code, "ownerId")
			if err == nil && o.ID != tt.id {
				t.Errorf("resolved %+v, want id %d", o, tt.id)
			}
		})
	}
}

func TestEnsureByName(t *testing.T) {
	_, st := newService(t)
	ctx := context.Background()
	admin := storetest.Owner(t, st, "admin")
	tests := []struct {
		name, in string
		wantNew  bool
	}{
		{"existing", "admin", false},
		{"existing with spaces", " admin ", false},
		{"missing", "新人", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := storetest.Count(t, st, "owners")
			id, err := EnsureByName(ctx, st.W, tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if !tt.wantNew && id != admin {
				t.Errorf("id = %d, want the existing %d", id, admin)
			}
			after := storetest.Count(t, st, "owners")
			if tt.wantNew != (after == before+1) {
				t.Errorf("owners %d → %d, new wanted: %v", before, after, tt.wantNew)
			}
		})
	}
}
