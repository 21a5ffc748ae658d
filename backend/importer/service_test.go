package importer

import (
	"context"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"funneldesk/backend/apperr"
	"funneldesk/backend/owner"
	"funneldesk/backend/svc"
)

// wait polls Progress as the UI does until the job finishes.
func wait(t *testing.T, s *Service, id string) Progress {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		p, err := s.Progress(id)
		if err != nil {
			t.Fatal(err)
		}
		if p.Finished {
			return p
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatal("import did not finish")
	return Progress{}
}

func TestServicePreviewAdjustAndImport(t *testing.T) {
	st := openDB(t)
	env := svc.New(nil)
	s := NewService(st, env)
	// 客户 is written 公司 (mapped by alias) and 金额 as 金额(万元), which must not
	// be mapped automatically; 联系人 is unknown.
	text := "机会名称,公司,联系人,销售阶段,金额(万元)\r\n" +
		"a,c1,王,初期沟通,1\r\n" +
		"b,c2,李,,2\r\n" +
		"c,c2,赵,商务谈判,3\r\n"
	data := encode(t, simplifiedchinese.GBK, text)
	p, err := s.PreviewData("机会.csv", base64.StdEncoding.EncodeToString(data))
	if err != nil {
		t.Fatal(err)
	}
	if p.FileName != "机会.csv" || p.Format != "csv" || p.Encoding != "GB18030" || p.Delimiter != "," || p.TotalRows != 3 {
		t.Errorf("preview %+v", p)
	}
	if want := []string{FieldName, FieldCustomer, "", FieldStage, ""}; !reflect.DeepEqual(p.Mapping, want) {
		t.Errorf("mapping %q, want %q", p.Mapping, want)
	}
	if want := []string{"联系人", "金额(万元)"}; !reflect.DeepEqual(p.Unmapped, want) {
		t.Errorf("unmapped %q, want %q", p.Unmapped, want)
	}
	if len(p.Sample) != 3 || p.Sample[1][3] != "" || len(p.Fields) != len(Fields) {
		t.Errorf("sample %q, %d fields", p.Sample, len(p.Fields))
	}
	if p.ErrorCount != 1 || p.Errors[0].Row != 3 || p.Errors[0].Column != "销售阶段" {
		t.Errorf("errors %d %+v, want one on row 3", p.ErrorCount, p.Errors)
	}

	// Starting with the bad row writes nothing and says why.
	id, err := s.Start(p.Token, PreviewOptions{Mapping: p.Mapping})
	if err != nil {
		t.Fatal(err)
	}
	pr := wait(t, s, id)
	if pr.OK || pr.ErrorCount != 1 || pr.Errors[0].Row != 3 || pr.Message == "" {
		t.Errorf("progress %+v, want failure with the row 3 error", pr)
	}
	if c := countRows(t, st); c != (counts{}) {
		t.Errorf("database changed: %+v", c)
	}

	// Mapping the stage column away is one clear error, not one per row.
	noStage := []string{FieldName, FieldCustomer, "", "", FieldAmount}
	v, err := s.Validate(p.Token, PreviewOptions{Mapping: noStage})
	if err != nil {
		t.Fatal(err)
	}
	if v.ErrorCount != 1 || v.Errors[0].Row != 1 || v.Errors[0].Field != FieldStage {
		t.Errorf("errors %+v, want the missing stage column", v.Errors)
	}
	if _, err := s.Start(p.Token, PreviewOptions{Mapping: noStage}); !apperr.Is(err, apperr.CodeInvalid) {
		t.Errorf("Start without a stage column: %v, want invalid", err)
	}
	for _, bad := range [][]string{{FieldName}, {FieldName, FieldName, "", FieldStage, ""}, {"nope", FieldCustomer, "", FieldStage, ""}} {
		if _, err := s.Validate(p.Token, PreviewOptions{Mapping: bad}); !apperr.Is(err, apperr.CodeInvalid) {
			t.Errorf("Validate(%q): %v, want invalid", bad, err)
		}
	}
	if _, err := s.Validate("stale", PreviewOptions{Mapping: p.Mapping}); !apperr.Is(err, apperr.CodeNotFound) {
		t.Errorf("Validate with an unknown token: %v, want not_found", err)
	}

	// A file fixed and loaded again replaces the first one.
	fixed := strings.Replace(text, "李,,", "李,需求分析,", 1)
	dir := t.TempDir()
	path := filepath.Join(dir, "fixed.csv")
	if err := os.WriteFile(path, encode(t, simplifiedchinese.GBK, fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	env.Chose(path) // as the open dialog does
	p2, err := s.PreviewFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if p2.ErrorCount != 0 || p2.FileName != "fixed.csv" {
		t.Fatalf("preview of the fixed file: %+v", p2)
	}
	if _, err := s.Validate(p.Token, PreviewOptions{Mapping: p.Mapping}); !apperr.Is(err, apperr.CodeNotFound) {
		t.Errorf("the first file is still loaded")
	}
	ownerID, err := owner.EnsureByName(context.Background(), st.W, "销售甲")
	if err != nil {
		t.Fatal(err)
	}
	mapping := append([]string(nil), p2.Mapping...)
	mapping[2] = FieldOwner // 联系人 taken as the owner, by the user's choice
	id, err = s.Start(p2.Token, PreviewOptions{Mapping: mapping, DefaultOwnerID: ownerID})
	if err != nil {
		t.Fatal(err)
	}
	pr = wait(t, s, id)
	if !pr.OK || pr.Done != 3 || pr.Total != 3 || pr.Result.Opportunities != 3 || pr.Result.CustomersCreated != 2 || pr.Result.OwnersCreated != 3 {
		t.Errorf("progress %+v", pr)
	}
	if got := summarize(listOpps(t, st)); got[0].Owner != "王" || got[2].Stage != "商务谈判" {
		t.Errorf("imported %+v", got)
	}
	// The imported file is let go.
	if _, err := s.Validate(p2.Token, PreviewOptions{Mapping: mapping}); !apperr.Is(err, apperr.CodeNotFound) {
		t.Errorf("the imported file is still held")
	}
	if _, err := s.Progress("nope"); !apperr.Is(err, apperr.CodeNotFound) {
		t.Errorf("unknown job: %v", err)
	}
}

func TestServicePreviewLimitsSampleAndErrors(t *testing.T) {
	st := openDB(t)
	s := NewService(st, svc.New(nil))
	var b strings.Builder
	b.WriteString("销售机会名称,客户名称,销售阶段,金额\n")
	for i := 0; i < 500; i++ {
		fmt.Fprintf(&b, "o%d,c,初期沟通,-%d\n", i, i+1)
	}
	p, err := s.PreviewData("big.csv", base64.StdEncoding.EncodeToString([]byte(b.String())))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Sample) != SampleRows || p.TotalRows != 500 || len(p.Errors) != MaxErrorsShown || p.ErrorCount != 500 {
		t.Errorf("sample %d, total %d, errors %d of %d", len(p.Sample), p.TotalRows, len(p.Errors), p.ErrorCount)
	}
}

func TestServiceRefusesBadUploads(t *testing.T) {
	env := svc.New(nil)
	s := NewService(openDB(t), env)
	if _, err := s.PreviewData("x.csv", "%%%"); !apperr.Is(err, apperr.CodeInvalid) {
		t.Errorf("bad base64: %v", err)
	}
	dir := t.TempDir()
	env.OpenUnder(dir)
	if _, err := s.PreviewFile(filepath.Join(dir, "missing.csv")); !apperr.Is(err, apperr.CodeInvalid) || strings.Contains(err.Error(), "--open-dir") {
		t.Errorf("missing file: %v, want invalid and not a refusal of the path", err)
	}
	// Wrapped lines are accepted.
	wrapped := base64.StdEncoding.EncodeToString([]byte("名称,客户,阶段\nx,c,初期沟通\n"))
	wrapped = wrapped[:10] + "\r\n" + wrapped[10:]
	if p, err := s.PreviewData("x.csv", wrapped); err != nil || p.TotalRows != 1 {
		t.Errorf("wrapped base64: %+v %v", p, err)
	}
	// A data: URL, as the browser's FileReader gives, is accepted.
	url := "data:text/csv;base64," + base64.StdEncoding.EncodeToString([]byte("名称,客户,阶段\nx,c,初期沟通\n"))
	if p, err := s.PreviewData("x.csv", url); err != nil || p.TotalRows != 1 {
		t.Errorf("data URL: %+v %v", p, err)
	}
}

func TestPreviewFileReadsOnlyAllowedFiles(t *testing.T) {
	const csv = "名称,客户,阶段\nx,c,初期沟通\n"
	root := t.TempDir()
	openDir := filepath.Join(root, "open")
	saveDir := filepath.Join(root, "saves")
	outside := filepath.Join(root, "outside")
	for _, d := range []string{openDir, saveDir, outside, filepath.Join(openDir, "sub")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(path string) string {
		t.Helper()
		if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	inOpen := write(filepath.Join(openDir, "a.csv"))
	inSub := write(filepath.Join(openDir, "sub", "b.csv"))
	inSave := write(filepath.Join(saveDir, "c.csv"))
	secret := write(filepath.Join(outside, "secret.csv"))
	chosen := write(filepath.Join(outside, "chosen.csv"))
	link := filepath.Join(openDir, "link.csv")
	if err := os.Symlink(secret, link); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name    string
		dirs    []string // OpenUnder, as the headless server's --save-dir and --open-dir
		chose   string   // what the open dialog returned
		path    string
		allowed bool
	}{
		{"under --open-dir", []string{saveDir, openDir}, "", inOpen, true},
		{"in a folder under --open-dir", []string{saveDir, openDir}, "", inSub, true},
		{"under --save-dir", []string{saveDir, openDir}, "", inSave, true},
		{"outside both folders", []string{saveDir, openDir}, "", secret, false},
		{"climbing out with ..", []string{saveDir, openDir}, "", filepath.Join(openDir, "..", "outside", "secret.csv"), false},
		{"a link leading out", []string{saveDir, openDir}, "", link, false},
		{"the folder itself", []string{saveDir, openDir}, "", openDir, false},
		{"a system file", []string{saveDir, openDir}, "", "/etc/passwd", false},
		{"relative path", []string{saveDir, openDir}, "", "a.csv", false},
		{"empty path", []string{saveDir, openDir}, "", "", false},
		{"desktop: chosen in the dialog", nil, chosen, chosen, true},
		{"desktop: another file than the chosen one", nil, chosen, secret, false},
		{"desktop: nothing chosen", nil, "", inOpen, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := svc.New(nil)
			env.OpenUnder(tt.dirs...)
			env.Chose(tt.chose)
			s := NewService(openDB(t), env)
			p, err := s.PreviewFile(tt.path)
			if tt.allowed {
				if err != nil || p.TotalRows != 1 {
					t.Fatalf("PreviewFile(%q) = %+v, %v; want the file read", tt.path, p, err)
				}
				return
			}
			e, ok := apperr.As(err)
			if !ok || e.Code != apperr.CodeInvalid || e.Field != "path" || !strings.Contains(e.MessageEn, "cannot be read") {
				t.Fatalf("PreviewFile(%q) = %+v, %v; want an invalid path refusal", tt.path, p, err)
			}
			if p.Token != "" {
				t.Errorf("a refused file was loaded: %+v", p)
			}
		})
	}
}
