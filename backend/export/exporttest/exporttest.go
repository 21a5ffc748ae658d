// Package exporttest reads exported files back for the services' tests: a
// CSV as records (checking the BOM and CRLF), an XLSX with excelize,
// checking that each column's cells have the type its kind promises.
package exporttest

import (
	"bytes"
	"encoding/csv"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"funneldesk/backend/apperr"
	"funneldesk/backend/export"
	"funneldesk/backend/msg"
	"funneldesk/backend/svc"
)

// ReadCSV reads an exported CSV: it must start with the UTF-8 BOM and end
// its lines with CRLF. It returns the records, the header first.
func ReadCSV(t testing.TB, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rest, ok := bytes.CutPrefix(b, []byte("\ufeff"))
	if !ok {
		t.Fatalf("%s does not start with the UTF-8 BOM", path)
	}
	if bytes.Count(rest, []byte("\n")) != bytes.Count(rest, []byte("\r\n")) {
		t.Fatalf("%s has lines not ended by CRLF", path)
	}
	recs, err := csv.NewReader(bytes.NewReader(rest)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// OpenXLSX opens an exported XLSX (closed when the test ends).
func OpenXLSX(t testing.TB, path string) *excelize.File {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("PK")) {
		t.Fatalf("%s is not a zip", path)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// Rows returns the shown text of a sheet's rows.
func Rows(t testing.TB, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// Filters returns the filters sheet as label → value.
func Filters(t testing.TB, f *excelize.File) map[string]string {
	t.Helper()
	out := map[string]string{}
	for i, r := range Rows(t, f, export.FiltersSheet) {
		if i == 0 {
			continue
		}
		if len(r) == 1 {
			r = append(r, "")
		}
		out[r[0]] = r[1]
	}
	return out
}

// CheckTable checks sheet, the first of f, against the columns' kinds: the
// header row is bold and frozen, the filters sheet follows it, numbers and
// money are numeric cells (money formatted with ¥), dates are numeric cells
// with a date format, text cells are strings and never formulas, and text
// that Excel would read as a formula is quote-prefixed. It returns the number
// of data rows. The headers are the columns' in Chinese, the default.
func CheckTable(t testing.TB, f *excelize.File, sheet string, cols []export.Column) int {
	t.Helper()
	headers := make([]string, len(cols))
	kinds := make([]export.Kind, len(cols))
	for i, c := range cols {
		headers[i], kinds[i] = c.Header(msg.Zh), c.Kind
	}
	return CheckSheet(t, f, sheet, headers, kinds)
}

// CheckSheet is CheckTable for columns given as their headers and kinds.
func CheckSheet(t testing.TB, f *excelize.File, sheet string, headers []string, kinds []export.Kind) int {
	t.Helper()
	for i, h := range headers {
		if got, _ := f.GetCellValue(sheet, cellName(i, 0)); got != h {
			t.Errorf("header %d is %q, want %q", i+1, got, h)
		}
	}
	if got := f.GetSheetList(); len(got) != 2 || got[0] != sheet || got[1] != export.FiltersSheet {
		t.Fatalf("sheets %v, want [%s %s]", got, sheet, export.FiltersSheet)
	}
	p, err := f.GetPanes(sheet)
	if err != nil || !p.Freeze || p.YSplit != 1 {
		t.Errorf("panes %+v (%v): the header row must be frozen", p, err)
	}
	n := 0
	all := Rows(t, f, sheet)
	for ri, r := range all {
		for ci := range kinds {
			cell := cellName(ci, ri)
			if ri == 0 {
				if !bold(t, f, sheet, cell) {
					t.Errorf("header %s is not bold", cell)
				}
				continue
			}
			if ci >= len(r) || r[ci] == "" {
				continue
			}
			checkCell(t, f, sheet, cell, kinds[ci])
		}
		if ri > 0 {
			n++
		}
	}
	return n
}

func checkCell(t testing.TB, f *excelize.File, sheet, cell string, k export.Kind) {
	t.Helper()
	typ, err := f.GetCellType(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
		t.Errorf("%s is a formula %q", cell, formula)
	}
	numeric := typ == excelize.CellTypeUnset || typ == excelize.CellTypeNumber
	shown, _ := f.GetCellValue(sheet, cell)
	switch k {
	case export.Text:
		if typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
			t.Errorf("text %s (%q) has type %v", cell, shown, typ)
		}
		if risky := shown != "" && strings.ContainsRune("=+-@\t\r", rune(shown[0])); risky != QuotePrefixed(t, f, sheet, cell) {
			t.Errorf("text %s (%q): quote prefix %v, want %v", cell, shown, !risky, risky)
		}
	case export.Money:
		if !numeric || !strings.Contains(numFmt(t, f, sheet, cell), "¥") {
			t.Errorf("money %s (%q): type %v, format %q", cell, shown, typ, numFmt(t, f, sheet, cell))
		}
	case export.Date, export.DateTime:
		if !numeric || !strings.HasPrefix(numFmt(t, f, sheet, cell), "yyyy-mm-dd") {
			t.Errorf("date %s (%q): type %v, format %q", cell, shown, typ, numFmt(t, f, sheet, cell))
		}
	default:
		if !numeric {
			t.Errorf("number %s (%q) has type %v", cell, shown, typ)
		}
	}
}

func style(t testing.TB, f *excelize.File, sheet, cell string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	s, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func numFmt(t testing.TB, f *excelize.File, sheet, cell string) string {
	s := style(t, f, sheet, cell)
	if s.CustomNumFmt != nil {
		return *s.CustomNumFmt
	}
	return ""
}

func bold(t testing.TB, f *excelize.File, sheet, cell string) bool {
	s := style(t, f, sheet, cell)
	return s.Font != nil && s.Font.Bold
}

// QuotePrefixed reports whether the cell's style has Excel's quotePrefix
// (the cell stays text when edited).
func QuotePrefixed(t testing.TB, f *excelize.File, sheet, cell string) bool {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.GetStyle(id); err != nil { // loads the style sheet
		t.Fatal(err)
	}
	xf := f.Styles.CellXfs.Xf
	return id < len(xf) && xf[id].QuotePrefix != nil && *xf[id].QuotePrefix
}

// Dir makes env save into a fresh temporary folder and returns it.
func Dir(t testing.TB, env *svc.Env) string {
	t.Helper()
	dir := t.TempDir()
	env.SetPicker(svc.DirPicker(dir))
	return dir
}

// Files lists the names of the files in dir.
func Files(t testing.TB, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// CheckRefusals checks what every Export method must do besides writing:
// a cancelled dialog writes nothing and answers "", and a format other than
// csv or xlsx is refused (invalid, field "format") before any dialog opens.
// run is the export under test with the given format.
func CheckRefusals(t testing.TB, env *svc.Env, run func(format string) (string, error)) {
	t.Helper()
	dir := t.TempDir()
	asked := 0
	env.SetPicker(func(string) (string, error) { asked++; return "", nil })
	if path, err := run(export.CSV); err != nil || path != "" || asked != 1 {
		t.Errorf("cancel: path %q, err %v, dialog asked %d times", path, err, asked)
	}
	env.SetPicker(svc.DirPicker(dir))
	for _, bad := range []string{"", "pdf", "XLSX"} {
		path, err := run(bad)
		e, ok := apperr.As(err)
		if !ok || e.Code != apperr.CodeInvalid || e.Field != "format" || path != "" {
			t.Errorf("format %q: path %q, err %v; want invalid naming format", bad, path, err)
		}
	}
	if files := Files(t, dir); len(files) != 0 {
		t.Errorf("refused exports wrote %v", files)
	}
}

func cellName(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col+1, row+1)
	return c
}
