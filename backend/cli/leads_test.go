package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"funneldesk/backend/store"
)

// TestImportLeads: a good file is imported whole and summarized, recorded in
// the import history and undone; imported again it adds nothing; a bad one
// prints each problem with its row and column, exits 1 and writes nothing.
func TestImportLeads(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	good := filepath.Join(dir, "good.csv")
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(good, []byte("Lead Name,Company,Phone,Owner\n甲,华强电子,13800138000,张三\n乙,,,\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte("线索名称,电话,负责人\n丙,12,张三\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		out    string
		errOut string
		leads  int
	}{
		{"bad file", []string{"import", "leads", bad}, 1, "", "row 2, 电话: \"12\"", 0},
		{"no file", []string{"import", "leads"}, 2, "", "usage", 0},
		{"good file", []string{"import", "leads", good, "--default-owner", "李四"}, 0, "leads 2 new, 0 updated, 0 skipped", "", 2},
		// Found again by phone (甲) and by name + company (乙): nothing new.
		{"same file again", []string{"import", "leads", good, "--default-owner", "李四"}, 0, "leads 0 new, 0 updated, 0 skipped, 0 merged, 2 unchanged", "", 2},
		{"recorded", []string{"import", "history"}, 0, "\tleads\tgood.csv\t2 new, 0 updated", "", 2},
		{"undone", []string{"import", "undo", "1"}, 0, "undid import 1", "", 0},
		{"listed in help", []string{"import", "--help"}, 0, "leads          线索", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runWith(t, db, nil, tt.args...)
			if code != tt.code || !strings.Contains(out, tt.out) || !strings.Contains(errs, tt.errOut) {
				t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
			}
			st, err := store.Open(db)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			var n int
			if err := st.DB.Get(&n, `SELECT COUNT(*) FROM leads`); err != nil || n != tt.leads {
				t.Errorf("%d leads (%v), want %d", n, err, tt.leads)
			}
		})
	}
}
