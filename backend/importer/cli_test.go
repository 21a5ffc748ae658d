package importer_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"funneldesk/backend/cli"
	"funneldesk/backend/store"
)

func run(t *testing.T, db string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := cli.Run(db, args, cli.Env{Stdout: &out, Stderr: &errOut})
	return code, out.String(), errOut.String()
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func tableCounts(t *testing.T, db string) string {
	t.Helper()
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var n [4]int
	for i, table := range []string{"opportunities", "customers", "owners", "stage_history"} {
		if err := st.DB.Get(&n[i], `SELECT COUNT(*) FROM `+table); err != nil {
			t.Fatal(err)
		}
	}
	return fmt.Sprintf("%d/%d/%d/%d", n[0], n[1], n[2], n[3])
}

func TestCLIImport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "crm.db")
	good := "销售机会名称,客户名称,负责人,金额,销售阶段\r\n" +
		"a,大商股份,张三,\"40,000\",初期沟通\r\n" +
		"b,喜多多,张三,10000,商务谈判\r\n" +
		"c,大商股份,,500,谈成结束\r\n"
	goodPath := writeFile(t, dir, "good.csv", mustGBK(t, good))

	code, out, errOut := run(t, db, "import", "opportunities", goodPath, "--default-owner", "李四")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	want := "imported 3 opportunities (2 new customers, 2 new owners) from " + goodPath + " [GB18030]\n"
	if out != want {
		t.Errorf("stdout %q, want %q", out, want)
	}
	if got := tableCounts(t, db); got != "3/2/2/3" {
		t.Errorf("counts %s, want 3/2/2/3", got)
	}

	bad := "销售机会名称,客户名称,金额,预计完成日期,销售阶段\n" +
		"ok,新客户,1,2025-01-01,初期沟通\n" +
		"x,新客户,-100,2025-01-01,初期沟通\n" +
		"y,新客户,5,2025-02-30,不存在\n"
	badPath := writeFile(t, dir, "bad.csv", []byte(bad))
	code, out, errOut = run(t, db, "import", "opportunities", badPath)
	if code != 1 || out != "" {
		t.Fatalf("exit %d stdout %q, want 1 and nothing", code, out)
	}
	wantErr := "row 3, 金额: \"-100\": 金额不能为负数\n" +
		"row 4, 预计完成日期: \"2025-02-30\": 预计完成日期无效（应为 YYYY-MM-DD 或 YYYY/MM/DD 的真实日期）\n" +
		""
	if errOut != wantErr {
		t.Errorf("stderr\n%s\nwant\n%s", errOut, wantErr)
	}
	if got := tableCounts(t, db); got != "3/2/2/3" {
		t.Errorf("database changed: %s", got)
	}

	tests := []struct {
		name string
		args []string
		code int
	}{
		{"missing file argument", []string{"import", "opportunities"}, 2},
		{"unknown kind", []string{"import", "widgets", goodPath}, 2},
		{"unknown option", []string{"import", "opportunities", goodPath, "--force"}, 2},
		{"file not found", []string{"import", "opportunities", filepath.Join(dir, "none.csv")}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(t, db, tt.args...)
			if code != tt.code || out != "" || errOut == "" {
				t.Errorf("exit %d stdout %q stderr %q, want exit %d and a message on stderr", code, out, errOut, tt.code)
			}
		})
	}
	if got := tableCounts(t, db); got != "3/2/2/3" {
		t.Errorf("database changed: %s", got)
	}
}

func mustGBK(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The CLI says what merged rows replaced, on stderr after the summary,
// and still exits 0: the import is done.
func TestCLIMergeNotes(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "crm.db")
	file := writeFile(t, dir, "c.csv", []byte("客户名称,联系人,手机,邮箱\n泰联,陈秀,14100521721,a@corp.com\n泰联,陈秀,16041485212,b@example.com\n"+
		"泰联,王五,13900000000,\n泰联,王五,13900000001,\n"))
	code, out, errOut := run(t, db, "import", "contacts", file)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(out, "contacts 3 new, 0 updated, 0 skipped, 1 merged") {
		t.Errorf("stdout %q", out)
	}
	want := "note: 第 5 行与第 4 行是同一联系人，已合并：联系人手机「13900000000」（第 4 行）被替换为「13900000001」 / row 5 is the same contact as row 4"
	if lines := strings.Split(strings.TrimSpace(errOut), "\n"); len(lines) != 1 || !strings.HasPrefix(lines[0], want) {
		t.Errorf("stderr %q, want one note %q", errOut, want)
	}
	code, out, errOut = run(t, db, "import", "contacts", file)
	if code != 0 || !strings.Contains(out, "contacts 0 new, 0 updated, 0 skipped, 1 merged, 3 unchanged (the same as their records: not written)") {
		t.Errorf("again: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	code, out, _ = run(t, db, "import", "history")
	if code != 0 || strings.Count(out, "contacts\tc.csv\t") != 2 || !strings.Contains(out, "3 new, 0 updated, 0 skipped, 1 merged\n") ||
		!strings.Contains(out, "0 new, 0 updated, 0 skipped, 1 merged, 3 unchanged\n") {
		t.Errorf("history: exit %d, stdout %q", code, out)
	}
}
