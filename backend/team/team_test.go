package team

import (
	"context"
	"testing"

	"funneldesk/backend/apperr"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
	"funneldesk/backend/svc"
)

func TestTree(t *testing.T) {
	st := storetest.New(t)
	s := NewService(st, svc.New(nil))
	ctx := context.Background()
	zhang := storetest.Owner(t, st, "张三")
	li := storetest.Owner(t, st, "李四")
	tree, err := s.List()
	if err != nil || len(tree.Teams) != 1 || tree.Teams[0].ParentID != nil {
		t.Fatalf("a new database has the company only: %+v %v", tree, err)
	}
	root := tree.Teams[0].ID
	sales, err := s.Save(0, Input{Name: "销售部", ParentID: root, ManagerID: zhang})
	if err != nil || sales.ManagerName != "张三" {
		t.Fatalf("save: %+v %v", sales, err)
	}
	south, err := s.Save(0, Input{Name: "华南组", ParentID: sales.ID})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		id    int64
		in    Input
		field string
	}{
		{"name required", 0, Input{ParentID: root}, "name"},
		{"parent required", 0, Input{Name: "x"}, "parentId"},
		{"unknown parent", 0, Input{Name: "x", ParentID: 999}, "parentId"},
		{"under itself", sales.ID, Input{Name: "销售部", ParentID: south.ID}, "parentId"},
		{"root cannot move", root, Input{Name: "公司", ParentID: sales.ID}, "parentId"},
		{"unknown manager", 0, Input{Name: "x", ParentID: root, ManagerID: 999}, "managerId"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := storetest.Count(t, st, "teams")
			_, err := s.Save(tt.id, tt.in)
			e, ok := apperr.As(err)
			if !ok || e.Field != tt.field {
				t.Fatalf("err = %v, want field %s", err, tt.field)
			}
			if storetest.Count(t, st, "teams") != before {
				t.Fatal("a refused save wrote a team")
			}
		})
	}
	// Moving a person keeps their customers.
	cust := storetest.Customer(t, st, "客户", li)
	if err := s.SetMember(li, south.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.SetMember(li, sales.ID); err != nil {
		t.Fatal(err)
	}
	if c, _ := store.GetCustomer(ctx, st.DB, cust); c.OwnerID == nil || *c.OwnerID != li {
		t.Fatalf("customer after the move: %+v", c)
	}
	if err := s.SetMember(zhang, south.ID); err != nil {
		t.Fatal(err)
	}
	ids, err := OwnersInTeam(ctx, st.DB, sales.ID)
	if err != nil || len(ids) != 2 {
		t.Fatalf("team and sub-teams: %v %v", ids, err)
	}
	ids, _ = OwnersInTeam(ctx, st.DB, south.ID)
	if len(ids) != 1 || ids[0] != zhang {
		t.Fatalf("sub-team only: %v", ids)
	}
	if err := s.Delete(sales.ID); !apperr.Is(err, apperr.CodeConflict) {
		t.Fatalf("deleting a team with members: %v", err)
	}
	if err := s.Delete(root); !apperr.Is(err, apperr.CodeConflict) {
		t.Fatalf("deleting the company: %v", err)
	}
	if err := s.SetMember(zhang, 0); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(south.ID); err != nil {
		t.Fatalf("deleting an empty team: %v", err)
	}
}
