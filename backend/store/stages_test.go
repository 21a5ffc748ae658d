package store

import (
	"context"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// TestClosedStagesMoveLast: a database where a stage was added after the
// won and lost stages (before the rule) gets them back at the end when it
// is opened, and a stage inserted from then on goes before them.
func TestClosedStagesMoveLast(t *testing.T) {
	ctx := context.Background()
	before := fstest.MapFS{}
	err := fs.WalkDir(embeddedMigrations, "migrations", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Base(p) >= "0011" {
			return err
		}
		b, err := fs.ReadFile(embeddedMigrations, p)
		before[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	old := migrationFS
	migrationFS = before
	path := filepath.Join(t.TempDir(), "t.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.W.Exec(`INSERT INTO stages (name, position, probability_bp) VALUES ('合同签订', 9, 8000)`); err != nil {
		t.Fatal(err)
	}
	st.Close()
	migrationFS = old
	st = openAt(t, path)
	names := func() string {
		all, err := ListStages(ctx, st.DB)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for i, s := range all {
			if s.Position != i+1 {
				t.Errorf("%s at %d, want %d", s.Name, s.Position, i+1)
			}
			out = append(out, s.Name)
		}
		return strings.Join(out, ",")
	}
	const open = "初期沟通,立项评估,需求分析,方案制定,招投标/竞争,商务谈判,合同签订"
	if got := names(); got != open+",谈成结束,未成结束" {
		t.Errorf("after migrating: %s", got)
	}
	if _, err := InsertStage(ctx, st.W, Stage{Name: "验收", ProbabilityBP: 9000, Kind: KindOpen}); err != nil {
		t.Fatal(err)
	}
	if got := names(); got != open+",验收,谈成结束,未成结束" {
		t.Errorf("after inserting: %s", got)
	}
}
