package importer

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"funneldesk/backend/apperr"
)

// TestImportMixedLineEnds imports every row whatever mix of CRLF, LF and
// lone CR ends the lines; a lone CR used to glue the next row onto the
// previous row's last (optional) field, and the row vanished.
func TestImportMixedLineEnds(t *testing.T) {
	rows := []string{"销售机会名称,客户名称,销售阶段,描述", "甲,客户一,初期沟通,", "乙,客户二,初期沟通,", "丙,客户三,初期沟通,备注", "丁,客户四,初期沟通,"}
	tests := []struct {
		name string
		ends []string // the line end after each row
	}{
		{"lone CR in the middle", []string{"\r\n", "\n", "\r", "\r\n", "\r\n"}},
		{"every kind, no final line end", []string{"\r", "\r\n", "\n", "\r", ""}},
		{"lone CR only", []string{"\r", "\r", "\r", "\r", "\r"}},
		{"CR CR LF (a blank line)", []string{"\r\r\n", "\n", "\r", "\n", "\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			for i, r := range rows {
				b.WriteString(r + tt.ends[i])
			}
			st := openDB(t)
			res := mustImport(t, st, Source{Name: "mixed.csv", Data: []byte(b.String())}, Options{})
			if res.Opportunities != 4 {
				t.Fatalf("imported %d, want 4", res.Opportunities)
			}
			var names []string
			for _, o := range listOpps(t, st) {
				names = append(names, o.Name+"/"+o.Description)
			}
			if got, want := strings.Join(names, " "), "甲/ 乙/ 丙/备注 丁/"; got != want {
				t.Errorf("imported %q, want %q", got, want)
			}
		})
	}
}

// TestImportReportsCellsBeyondTheHeader refuses a row with content right
// of the last named column, naming the row and the column.
func TestImportReportsCellsBeyondTheHeader(t *testing.T) {
	st, before := seeded(t)
	text := badHeader + goodRow + "x,c,o,1,,初期沟通,,,多出来的\n" + goodRow + "y,c,o,1,,初期沟通,,,,\n"
	_, err := Import(context.Background(), st, Source{Name: "wide.csv", Data: []byte(text)}, Options{})
	var re *RowErrors
	if !errors.As(err, &re) {
		t.Fatalf("error %v, want *RowErrors", err)
	}
	if len(re.Errors) != 1 {
		t.Fatalf("errors %+v, want one (stray empty cells are not content)", re.Errors)
	}
	e := re.Errors[0]
	if e.Row != 3 || e.Column != "I" || e.Value != "多出来的" || !strings.Contains(e.Message, "I 列没有列名") || e.MessageEn == "" {
		t.Errorf("got %+v, want row 3, column I, the value and both messages", e)
	}
	if after := countRows(t, st); after != before {
		t.Errorf("database changed: %+v, before %+v", after, before)
	}
}

// TestImportMessagesClipValues keeps a message short whatever the cell: a
// 1 MB cell used to come back whole in the error, twice.
func TestImportMessagesClipValues(t *testing.T) {
	long := strings.Repeat("长", 20_000) // under Excel's cell limit, far over any field's
	huge := strings.Repeat("x", 1<<20)  // over Excel's cell limit
	tests := []struct {
		name string
		row  string
	}{
		{"unknown stage of 20,000 characters", "x,c,o,1,,阶段" + long + ",,"},
		{"name of 20,000 characters", long + ",c,o,1,,初期沟通,,"},
		{"1 MB cell", "x,c,o,1,," + huge + ",,"},
		{"1 MB cell beyond the header", "x,c,o,1,,初期沟通,,,," + huge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := openDB(t)
			_, err := Import(context.Background(), st, Source{Name: "big.csv", Data: []byte(badHeader + tt.row + "\n")}, Options{})
			if err == nil {
				t.Fatal("imported, want a refusal")
			}
			js, _ := json.Marshal(apperr.Format(err))
			if len(js) > 2000 || len(err.Error()) > 1000 {
				t.Errorf("message of %d bytes (JSON %d), want it short: %.300s", len(err.Error()), len(js), err.Error())
			}
			var re *RowErrors
			if errors.As(err, &re) {
				for _, e := range re.Errors {
					if n := len(FormatRowError(e)); n > 2000 {
						t.Errorf("row error of %d bytes: %.300s", n, FormatRowError(e))
					}
				}
			}
		})
	}
}

// TestParseRefusesBeyondTheBounds checks the row, column and cell bounds.
// TestParseTakesAWholeSheet reads a file of as many rows as an Excel sheet
// holds: a whole export of another CRM is one import, not several.
func TestParseTakesAWholeSheet(t *testing.T) {
	var b strings.Builder
	b.WriteString("销售机会名称,客户名称,销售阶段\n")
	for i := 1; i < MaxRows; i++ {
		b.WriteString("a,b,c\n")
	}
	tab, err := Parse(Source{Name: "x.csv", Data: []byte(b.String())})
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Rows) != MaxRows-1 || tab.Rows[len(tab.Rows)-1].Num != MaxRows {
		t.Errorf("%d rows, the last numbered %d; want %d rows up to row %d", len(tab.Rows), tab.Rows[len(tab.Rows)-1].Num, MaxRows-1, MaxRows)
	}
}

// TestParseRefusesTooManyCells stops at the row that takes a file past the
// cells an import may hold, counting each row up to its last non-empty cell.
func TestParseRefusesTooManyCells(t *testing.T) {
	defer func(n int) { maxCells = n }(maxCells)
	maxCells = 10
	for _, tt := range []struct {
		name, data string
		want       string // "" when the file must be read
	}{
		{"within (the header counts)", "a,b,c\n1,2,3\n4,5,6\n7,,,,\n", ""},
		{"past", "a,b,c\n1,2,3\n4,5,6\n7,8,9\n", "读到第 4 行时文件已超过 10 个单元格"},
		{"blank lines do not count", "a,b,c\n1,2,3\n\n,,\n4,5,6\n7\n", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(Source{Name: "x.csv", Data: []byte(tt.data)})
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			e, ok := apperr.As(err)
			if !ok || !strings.Contains(e.Message, tt.want) || !strings.Contains(e.MessageEn, "By row 4") {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

func TestParseRefusesBeyondTheBounds(t *testing.T) {
	header := "销售机会名称,客户名称,销售阶段\n"
	var many strings.Builder
	many.WriteString(header)
	for i := 0; i <= MaxRows; i++ {
		many.WriteString("a,b,c\n")
	}
	tests := []struct {
		name string
		data string
		want string
	}{
		{"too many rows", many.String(), "1048576 行"},
		{"too many columns", header + "a,b,c" + strings.Repeat(",z", MaxColumns) + "\n", "第 2 行有 259 列"},
		{"cell over Excel's limit", header + "a," + strings.Repeat("x", MaxCellChars+1) + ",c\n", "第 2 行 B 列的内容超过"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(Source{Name: "x.csv", Data: []byte(tt.data)})
			e, ok := apperr.As(err)
			if !ok || !strings.Contains(e.Message, tt.want) || e.MessageEn == "" || len(e.Message) > 1000 {
				t.Errorf("error %v, want a short message with %q", err, tt.want)
			}
		})
	}
}

// zipBomb is a small zip whose one sheet declares and holds n bytes of XML.
func zipBomb(t *testing.T, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte("<row><c><v>1</v></c></row>"), 1<<15)
	if _, err := w.Write([]byte(`<?xml version="1.0"?><worksheet><sheetData>`)); err != nil {
		t.Fatal(err)
	}
	for written := 0; written < n; written += len(chunk) {
		if _, err := w.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestImportRefusesZipBomb refuses, at once and without unzipping, an XLSX
// file that would expand far beyond what an import may read; no temporary
// file is left behind.
func TestImportRefusesZipBomb(t *testing.T) {
	bomb := zipBomb(t, 1<<30) // 1 GiB of XML
	if len(bomb) > 8<<20 {
		t.Fatalf("bomb is %d bytes, want a small file", len(bomb))
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	path := filepath.Join(tmp, "bomb.xlsx")
	if err := os.WriteFile(path, bomb, 0o644); err != nil {
		t.Fatal(err)
	}
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	st := openDB(t)
	src, err := FileSource(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Import(context.Background(), st, src, Options{})
	elapsed := time.Since(start)
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	e, ok := apperr.As(err)
	if !ok || e.Field != "file" || !strings.Contains(e.Message, "解压后超过 100 MB") || !strings.Contains(e.MessageEn, "expands to more than") {
		t.Fatalf("error %v, want the expansion refused", err)
	}
	if elapsed > 2*time.Second {
		t.Errorf("refused after %v, want at once", elapsed)
	}
	if grown := after.TotalAlloc - before.TotalAlloc; grown > 64<<20 {
		t.Errorf("allocated %d MB to refuse it", grown>>20)
	}
	left, _ := filepath.Glob(filepath.Join(tmp, "excelize-*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestImportRefusesSharedStringsBomb: a valid workbook whose few MB of
// tiny distinct texts excelize would hold in gigabytes is refused before
// it is read.
func TestImportRefusesSharedStringsBomb(t *testing.T) {
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "销售机会名称")
	f.SetCellValue("Sheet1", "B1", "客户名称")
	base, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(base.Bytes()), int64(base.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, e := range zr.File {
		w, _ := zw.Create(e.Name)
		if e.Name != "xl/sharedStrings.xml" {
			rc, _ := e.Open()
			io.Copy(w, rc)
			rc.Close()
			continue
		}
		io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
		for i := 0; i <= MaxSharedStrings; i++ {
			io.WriteString(w, "<x:si><x:t>a</x:t></x:si>")
		}
		io.WriteString(w, `</x:sst>`)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = Parse(Source{Name: "many.xlsx", Data: out.Bytes()})
	e, ok := apperr.As(err)
	if !ok || !strings.Contains(e.Message, "个不同的文字内容") || e.MessageEn == "" {
		t.Fatalf("error %v, want the distinct texts refused", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("refused after %v", d)
	}
}
