package store

import "testing"

func TestKnownTotal(t *testing.T) {
	tests := []struct {
		name             string
		offset, limit, n int
		total            int
		known            bool
	}{
		{"empty first page", 0, 50, 0, 0, true},
		{"short first page", 0, 50, 7, 7, true},
		{"full first page", 0, 50, 50, 0, false},
		{"short later page", 100, 50, 3, 103, true},
		{"past the end", 100, 50, 0, 0, false},
		{"full later page", 100, 50, 50, 0, false},
	}
	for _, tt := range tests {
		total, known := knownTotal(tt.offset, tt.limit, tt.n)
		if total != tt.total || known != tt.known {
			t.Errorf("%s: knownTotal(%d, %d, %d) = %d, %v; want %d, %v", tt.name, tt.offset, tt.limit, tt.n, total, known, tt.total, tt.known)
		}
	}
}
