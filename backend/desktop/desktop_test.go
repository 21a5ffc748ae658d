package desktop

import (
	"testing"

	"funneldesk/backend/svc"
)

func TestOpenFilters(t *testing.T) {
	tests := []struct {
		name     string
		patterns string
		want     string
		wantErr  bool
	}{
		{"default", "", "*.csv;*.txt;*.xlsx", false},
		{"given", "*.CSV; *.xlsx", "*.csv;*.xlsx", false},
		{"trailing separator", "*.csv;", "*.csv", false},
		{"not a pattern", "csv", "", true},
		{"path", "*./etc", "", true},
		{"wildcard extension", "*.*", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := OpenFilters(tt.patterns)
			if tt.wantErr {
				if err == nil {
					t.Fatalf("OpenFilters(%q) = %v, want an error", tt.patterns, got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 2 || got[0].Pattern != tt.want || got[1].Pattern != "*.*" {
				t.Fatalf("OpenFilters(%q) = %+v, want %q then *.*", tt.patterns, got, tt.want)
			}
		})
	}
}

func TestOpenFileHeadless(t *testing.T) {
	s := NewService(svc.New(nil))
	p, err := s.OpenFile("导入", "*.csv")
	if err != nil || p != "" {
		t.Fatalf("OpenFile without a window = %q, %v; want \"\", nil", p, err)
	}
	if _, err := s.OpenFile("导入", "bad"); err == nil {
		t.Fatal("OpenFile with a bad pattern: want an error")
	}
}
