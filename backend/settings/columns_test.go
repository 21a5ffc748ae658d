package settings

import (
	"reflect"
	"testing"

	"funneldesk/backend/store/storetest"
	"funneldesk/backend/svc"
)

func TestListColumns(t *testing.T) {
	s := NewService(storetest.New(t), svc.New(nil))
	got, err := s.ListColumns("opportunities")
	if err != nil || len(got) != 0 {
		t.Fatalf("fresh = %v, %v", got, err)
	}
	tests := []struct {
		name  string
		list  string
		cols  []string
		want  []string
		field string
	}{
		{"kept in order, repeats dropped", "opportunities", []string{"name", "priority", "name", "createdAt"}, []string{"name", "priority", "createdAt"}, ""},
		{"another list apart", "customers", []string{"phone"}, []string{"phone"}, ""},
		{"bad list name", "../x", []string{"name"}, nil, "list"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.SetListColumns(tt.list, tt.cols)
			if tt.field != "" {
				storetest.WantErr(t, err, "invalid", tt.field)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got, err := s.ListColumns(tt.list)
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v (%v), want %v", got, err, tt.want)
			}
		})
	}
	if got, _ := s.ListColumns("opportunities"); !reflect.DeepEqual(got, []string{"name", "priority", "createdAt"}) {
		t.Errorf("opportunities changed by another list: %v", got)
	}
}
