package export_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"funneldesk/backend/apperr"
	. "funneldesk/backend/export"
	"funneldesk/backend/export/exporttest"
	"funneldesk/backend/msg"
	"funneldesk/backend/svc"
)

// sample is a table with one column of every kind and rows that try every
// trap: formula-looking text, negative money, empty cells, Chinese.
func sample(rows [][]any) Table {
	return Table{
		Sheet: "销售机会",
		Columns: []Column{
			{Label: msg.LabelOpportunityName, Kind: Text}, {Label: msg.LabelAmount, Kind: Money},
			{Label: msg.LabelExpectedClose, Kind: Date}, {Label: msg.LabelInstallmentNumber, Kind: Int},
			{Label: msg.LabelProbabilityPct, Kind: Percent}, {Label: msg.LabelCreatedAt, Kind: DateTime},
			{Label: msg.LabelTotalQty, Kind: Qty},
		},
		Filters: []Filter{{Label: msg.LabelOwner, Value: "张三、李四"}, {Label: msg.LabelSearch, Value: "=cmd|' /C calc'!A0"}},
		Rows: func(emit func(...any) error) error {
			for _, r := range rows {
				if err := emit(r...); err != nil {
					return err
				}
			}
			return nil
		},
	}
}

var sampleRows = [][]any{
	{"华东机电设备采购项目", int64(12345678), "2026-03-31", 3, 6000, "2026-01-02 09:30:00", int64(1500)},
	{`=HYPERLINK("http://x","y")`, int64(-250), "", int64(-2), 6250, "2026-01-02T09:30:00+08:00", int64(2000)},
	{"+86 138", int64(0), "2026-12-01", 0, 0, "", int64(-1)},
	{"-负数开头", int64(5), nil, nil, nil, nil, nil},
	{"@SUM(A1)", int64(100), "2026-02-28", 1, 10000, "", int64(0)},
	{"\tTab", int64(1), "", 1, 1, "", int64(1)},
	{"\rCR", int64(1), "", 1, 1, "", int64(1)},
	{"a=b 正常", int64(1), "", 1, 1, "", int64(1)},
}

func TestWriteCSV(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCSV(&b, sample(sampleRows)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.HasPrefix(out, "\ufeff销售机会名称,金额,预计完成日期,期次,可能性(%),创建时间,合计数量\r\n") {
		t.Fatalf("BOM and header: %q", out[:min(len(out), 80)])
	}
	lines := strings.Split(strings.TrimSuffix(strings.TrimPrefix(out, "\ufeff"), "\r\n"), "\r\n")
	tests := []struct {
		name string
		line int
		want string
	}{
		{"plain text, money as a plain number, percent and quantity as numbers", 1, "华东机电设备采购项目,123456.78,2026-03-31,3,60,2026-01-02 09:30:00,1.5"},
		{"= is quoted, negative money and ints are not", 2, `"'=HYPERLINK(""http://x"",""y"")",-2.50,,-2,62.5,2026-01-02T09:30:00+08:00,2`},
		{"+ is quoted, negative quantity is not", 3, "'+86 138,0.00,2026-12-01,0,0,,-0.001"},
		{"- is quoted, nil cells are empty", 4, "'-负数开头,0.05,,,,,"},
		{"@ is quoted", 5, "'@SUM(A1),1.00,2026-02-28,1,100,,0"},
		{"a leading tab is quoted", 6, "'\tTab,0.01,,1,0.01,,0.001"},
		// encoding/csv drops a CR inside a field when it writes CRLF lines.
		{"a leading CR is quoted", 7, "\"'CR\",0.01,,1,0.01,,0.001"},
		{"= inside the text is left alone", 8, "a=b 正常,0.01,,1,0.01,,0.001"},
	}
	if len(lines) != len(sampleRows)+1 {
		t.Fatalf("%d lines, want %d: %q", len(lines), len(sampleRows)+1, out)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if lines[tt.line] != tt.want {
				t.Errorf("line %d\n got %q\nwant %q", tt.line, lines[tt.line], tt.want)
			}
		})
	}
	if strings.Contains(out, "筛选条件") || strings.Contains(out, "张三") {
		t.Error("the CSV must hold only the table, not the filters")
	}
}

func TestWriteBadRows(t *testing.T) {
	tests := []struct {
		name string
		row  []any
		want string
	}{
		{"too few values", []any{"x"}, "1 values for 7 columns"},
		{"money as int", []any{"x", 5, "", 1, 1, "", int64(1)}, `"金额"`},
		{"text as number", []any{5, int64(5), "", 1, 1, "", int64(1)}, `"销售机会名称"`},
		{"date as time", []any{"x", int64(5), time.Now(), 1, 1, "", int64(1)}, `"预计完成日期"`},
	}
	for _, tt := range tests {
		for _, format := range []string{CSV, XLSX} {
			t.Run(tt.name+" "+format, func(t *testing.T) {
				err := Write(io.Discard, format, sample([][]any{tt.row}))
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("err %v, want one containing %s", err, tt.want)
				}
			})
		}
	}
}

func TestCheckFormat(t *testing.T) {
	tests := []struct {
		format string
		ok     bool
	}{{"csv", true}, {"xlsx", true}, {"", false}, {"CSV", false}, {"xls", false}, {"png", false}}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			err := CheckFormat(tt.format)
			if tt.ok != (err == nil) {
				t.Fatalf("CheckFormat(%q) = %v", tt.format, err)
			}
			if err != nil {
				if e, ok := apperr.As(err); !ok || e.Code != apperr.CodeInvalid || e.Field != "format" {
					t.Fatalf("want an invalid error naming format, got %#v", err)
				}
			}
		})
	}
}

// openXLSX writes t as XLSX and opens it again with excelize.
func openXLSX(t *testing.T, tb Table) *excelize.File {
	t.Helper()
	var b bytes.Buffer
	if err := WriteXLSX(&b, tb); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("PK")) {
		t.Fatal("an XLSX is a zip")
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestWriteXLSX(t *testing.T) {
	f := openXLSX(t, sample(sampleRows))
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "销售机会" || got[1] != FiltersSheet {
		t.Fatalf("sheets %v", got)
	}
	const sh = "销售机会"
	exporttest.CheckTable(t, f, sh, sample(nil).Columns)

	// Raw values: numbers are the exact decimals, dates Excel serials.
	tests := []struct {
		cell string
		want string
	}{
		{"B2", "123456.78"}, {"B3", "-2.5"}, {"B4", "0"}, {"D3", "-2"}, {"E3", "62.5"}, {"G4", "-0.001"},
		{"C2", "46112"},            // 2026-03-31
		{"F2", "46024.3958333333"}, // 2026-01-02 09:30 (excelize keeps 15 digits)
		{"A3", `=HYPERLINK("http://x","y")`},
	}
	for _, tt := range tests {
		t.Run(tt.cell, func(t *testing.T) {
			got, err := f.GetCellValue(sh, tt.cell, excelize.Options{RawCellValue: true})
			if err != nil || got != tt.want {
				t.Errorf("%s raw = %q (%v), want %q", tt.cell, got, err, tt.want)
			}
		})
	}
	// Shown values: money as ¥, dates as yyyy-mm-dd.
	for cell, want := range map[string]string{"B2": "¥123,456.78", "C2": "2026-03-31", "F3": "2026-01-02 09:30"} {
		if got, _ := f.GetCellValue(sh, cell); got != want {
			t.Errorf("%s shows %q, want %q", cell, got, want)
		}
	}
	// Empty values are empty cells, not zeros.
	for _, cell := range []string{"C3", "C5", "D5", "E5", "F4", "G5"} {
		if got, _ := f.GetCellValue(sh, cell); got != "" {
			t.Errorf("%s = %q, want empty", cell, got)
		}
	}
	// Formula-looking text: a string cell with no formula, quote-prefixed;
	// plain text is not prefixed.
	for row, want := range map[int]bool{2: false, 3: true, 4: true, 5: true, 6: true, 7: true, 8: true, 9: false} {
		cell := "A" + strconv.Itoa(row)
		if got := exporttest.QuotePrefixed(t, f, sh, cell); got != want {
			t.Errorf("%s quotePrefix = %v, want %v", cell, got, want)
		}
	}
	// A Chinese header is wider than a Latin one of the same length.
	wa, _ := f.GetColWidth(sh, "A")
	wd, _ := f.GetColWidth(sh, "D")
	if wa < 20 || wd >= wa {
		t.Errorf("widths: A %v (20 wide content), D %v", wa, wd)
	}

	rows, err := f.GetRows(FiltersSheet)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{FiltersSheet}, {"负责人", "张三、李四"}, {"搜索", "=cmd|' /C calc'!A0"}}
	if fmt.Sprint(rows) != fmt.Sprint(want) {
		t.Errorf("filters sheet %q, want %q", rows, want)
	}
	if !exporttest.QuotePrefixed(t, f, FiltersSheet, "B3") {
		t.Error("a formula-looking filter value must be text too")
	}
}

// TestWriteXLSXStreams writes more rows than are held back to measure the
// columns: every row lands once, in order.
func TestWriteXLSXStreams(t *testing.T) {
	for _, n := range []int{0, 1, 199, 200, 201, 607} {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			tb := Table{Sheet: "x", Columns: []Column{{Label: msg.LabelInstallmentNumber, Kind: Int}, {Label: msg.LabelNotes, Kind: Text}}, Rows: func(emit func(...any) error) error {
				for i := range n {
					if err := emit(i, "row "+strconv.Itoa(i)); err != nil {
						return err
					}
				}
				return nil
			}}
			f := openXLSX(t, tb)
			rows, err := f.GetRows("x")
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != n+1 || rows[0][0] != "期次" {
				t.Fatalf("%d rows, want %d with the header first", len(rows), n+1)
			}
			for i := 1; i <= n; i++ {
				if rows[i][0] != strconv.Itoa(i-1) || rows[i][1] != "row "+strconv.Itoa(i-1) {
					t.Fatalf("row %d = %v", i, rows[i])
				}
			}
			p, _ := f.GetPanes("x")
			if !p.Freeze || p.YSplit != 1 {
				t.Errorf("panes %+v: the header row must be frozen", p)
			}
		})
	}
}

func TestSave(t *testing.T) {
	dir := t.TempDir()
	env := svc.New(svc.Fixed(time.Date(2026, 11, 23, 14, 5, 0, 0, time.Local)))
	env.SetPicker(svc.DirPicker(dir))
	tests := []struct {
		format, wantName string
		wantErr          bool
	}{
		{"csv", "销售机会-20261123.csv", false},
		{"xlsx", "销售机会-20261123.xlsx", false},
		{"pdf", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			path, err := Save(env, "销售机会", tt.format, sample(sampleRows[:1]))
			if tt.wantErr {
				if !apperr.Is(err, apperr.CodeInvalid) || path != "" {
					t.Fatalf("path %q err %v", path, err)
				}
				return
			}
			if err != nil || path != filepath.Join(dir, tt.wantName) {
				t.Fatalf("path %q err %v", path, err)
			}
			if tt.format == XLSX {
				f, err := excelize.OpenFile(path)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				rows, _ := f.GetRows(FiltersSheet)
				if last := rows[len(rows)-1]; last[0] != "导出时间" || last[1] != "2026-11-23 14:05" {
					t.Errorf("the export time row is %v", last)
				}
			}
		})
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("%d files written, want 2 (the bad format writes nothing)", len(entries))
	}
	// A failure while streaming leaves no file and comes back as an apperr.
	boom := sample(nil)
	boom.Rows = func(func(...any) error) error { return fmt.Errorf("disk on fire") }
	if _, err := Save(env, "坏", CSV, boom); !apperr.Is(err, apperr.CodeConflict) {
		t.Fatalf("err %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("a failed export left %d entries", len(entries))
	}
}

// TestLang: the headers, the filters (labels and worded values) and the
// filters sheet's name come from the catalog in the table's language,
// Chinese by default.
func TestLang(t *testing.T) {
	var fs Filters
	fs.Add(msg.LabelOwner, "张三")
	fs.Add(msg.LabelSearch, " ")
	fs.AddPeriod(msg.LabelExpectedClose, "2026-01-01", "")
	fs.AddPeriod(msg.LabelSignedDate, "", "2026-03-31")
	fs.AddPeriod(msg.LabelQuoteDate, "2026-01-01", "2026-03-31")
	fs.AddPeriod(msg.LabelDueDate, "", "")
	fs.AddWords(msg.LabelOverdue, msg.OnlyOverdueOrder, msg.P{"date": "2026-03-15"})
	tests := []struct {
		lang          msg.Lang
		header, sheet string
		filters       [][]string
	}{
		{"", "销售机会名称,金额,预计完成日期,期次,可能性(%),创建时间,合计数量", "筛选条件", [][]string{{"筛选条件"}, {"负责人", "张三"},
			{"预计完成日期", "2026-01-01 起"}, {"签约日期", "至 2026-03-31"}, {"报价日期", "2026-01-01 ~ 2026-03-31"},
			{"逾期", "只看有逾期的订单（截至 2026-03-15）"}}},
		{msg.En, "Opportunity name,Amount,Expected close date,Installment,Probability (%),Created,Total quantity", "Filters", [][]string{{"Filters"},
			{"Owner", "张三"}, {"Expected close date", "from 2026-01-01"}, {"Signing date", "until 2026-03-31"},
			{"Quote date", "2026-01-01 ~ 2026-03-31"}, {"Overdue", "Only orders with overdue amounts (as of 2026-03-15)"}}},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang), func(t *testing.T) {
			tb := sample(nil)
			tb.Lang, tb.Filters = tt.lang, fs
			var b bytes.Buffer
			if err := WriteCSV(&b, tb); err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSpace(strings.TrimPrefix(b.String(), "\ufeff")); got != tt.header {
				t.Errorf("CSV header %q, want %q", got, tt.header)
			}
			f := openXLSX(t, tb)
			if got := f.GetSheetList(); len(got) != 2 || got[1] != tt.sheet {
				t.Fatalf("sheets %v", got)
			}
			if h, _ := f.GetCellValue("销售机会", "A1"); h != strings.Split(tt.header, ",")[0] {
				t.Errorf("XLSX header A1 %q", h)
			}
			if rows, _ := f.GetRows(tt.sheet); fmt.Sprint(rows) != fmt.Sprint(tt.filters) {
				t.Errorf("filters %q, want %q", rows, tt.filters)
			}
		})
	}
}
