package importer

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"funneldesk/backend/store"
	"funneldesk/backend/validate"
)

// Fuzz targets of the import: the file readers, the cell parsers, the
// header mapper and the row checker with its stage-name match. Their seeds
// are committed in testdata/fuzz/FuzzXxx; `go test` runs those, `make fuzz`
// searches further.

// FuzzParse feeds any bytes to the file reader: it returns a table or a
// catalog error, never panics, and a table keeps its own bounds.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"销售机会名称,客户名称,金额\n甲,乙,100\n",
		"name\tcustomer\r\nA\tB\rC\tD\n",
		"sep=;\nname;customer\n\"a\"\"b\";c\n",
		"\xef\xbb\xbfname,customer\n\"unterminated\n",
		"\xff\xfen\x00a\x00m\x00e\x00,\x00c\x00\n\x00",
		"\xc4\xe3\xba\xc3,\xca\xc0\xbd\xe7\n1,2\n",
		"PK\x03\x04not really a zip",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tb, err := Parse(Source{Name: "f.csv", Data: data})
		if err != nil {
			return
		}
		if tb.Headers == nil {
			t.Fatal("a table without a header")
		}
		last := tb.HeaderRow
		for _, r := range tb.Rows {
			if r.Num <= last {
				t.Fatalf("row numbers not increasing: %d after %d", r.Num, last)
			}
			last = r.Num
			if len(r.Cells) > MaxColumns || blank(r.Cells) {
				t.Fatalf("row %d: %d cells, blank %v", r.Num, len(r.Cells), blank(r.Cells))
			}
		}
	})
}

// FuzzCSVRoundTrip writes rows as CSV with a chosen delimiter and line ends
// (CRLF, LF, a lone CR, or a mix) and reads them back: every non-blank row
// comes back, cell for cell; none is glued to another or dropped.
func FuzzCSVRoundTrip(f *testing.F) {
	f.Add("甲\x1f乙\x1f100\x1e丙\x1f丁\x1f\x1e\x1fx\x1f", byte(','), byte(0))
	f.Add("a\"b\x1fc,d\x1f1\r\n2\x1ee\x1f\x1f", byte('\t'), byte(2))
	f.Add("x\x1fy\x1fz\x1e\x1e1\x1f2\x1f3", byte(';'), byte(3))
	f.Fuzz(func(t *testing.T, cells string, delim, eol byte) {
		if !utf8.ValidString(cells) || strings.ContainsAny(cells, "\x00\ufeff") {
			return
		}
		comma := []string{",", "\t", ";"}[int(delim)%3]
		ends := []string{"\r\n", "\n", "\r"}
		var rows [][]string
		for _, line := range strings.Split(cells, "\x1e") {
			row := strings.Split(line, "\x1f")
			for len(row) < 3 {
				row = append(row, "")
			}
			rows = append(rows, row[:3])
		}
		var b strings.Builder
		b.WriteString("销售机会名称" + comma + "客户名称" + comma + "金额")
		for i, row := range rows {
			end := ends[i%3] // eol 0: the three mixed
			if m := int(eol) % 4; m > 0 {
				end = ends[m-1]
			}
			b.WriteString(end)
			for j, c := range row {
				if j > 0 {
					b.WriteString(comma)
				}
				b.WriteString(`"` + strings.ReplaceAll(c, `"`, `""`) + `"`)
			}
		}
		b.WriteString("\n")
		tb, err := Parse(Source{Name: "r.csv", Data: []byte(b.String())})
		if err != nil {
			t.Fatalf("%q: %v", b.String(), err)
		}
		var want [][]string
		for _, row := range rows {
			if !blank(row) {
				n := make([]string, len(row))
				for i, c := range row {
					n[i] = strings.ReplaceAll(strings.ReplaceAll(c, "\r\n", "\n"), "\r", "\n")
				}
				want = append(want, n)
			}
		}
		if len(tb.Rows) != len(want) {
			t.Fatalf("%q: %d rows back, want %d", b.String(), len(tb.Rows), len(want))
		}
		for i, r := range tb.Rows {
			if fmt.Sprintf("%q", r.Cells) != fmt.Sprintf("%q", want[i]) {
				t.Fatalf("%q: row %d is %q, want %q", b.String(), i, r.Cells, want[i])
			}
		}
	})
}

// xlsxSeed is a small workbook of rows, for the XLSX fuzz seeds.
func xlsxSeed(f *testing.F, rows [][]any) []byte {
	x := excelize.NewFile()
	defer x.Close()
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := x.SetCellValue("Sheet1", cell, v); err != nil {
				f.Fatal(err)
			}
		}
	}
	var b bytes.Buffer
	if err := x.Write(&b); err != nil {
		f.Fatal(err)
	}
	return b.Bytes()
}

// FuzzParseXLSX mutates small generated workbooks: the reader returns a
// table or an error, never panics, and keeps its bounds.
func FuzzParseXLSX(f *testing.F) {
	f.Add(xlsxSeed(f, [][]any{{"销售机会名称", "客户名称", "金额", "预计成交日期"}, {"甲", "乙", 100.5, time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)}}))
	f.Add(xlsxSeed(f, [][]any{{"title"}, {}, {"name", "customer"}, {"a", 1}}))
	f.Add(xlsxSeed(f, [][]any{}))
	f.Fuzz(func(t *testing.T, data []byte) {
		tb, err := parseWithin(t, data, 10*time.Second)
		if err != nil {
			return
		}
		for _, r := range tb.Rows {
			if len(r.Cells) > MaxColumns {
				t.Fatalf("row %d has %d cells", r.Num, len(r.Cells))
			}
		}
	})
}

// parseWithin fails the fuzz input whose parse takes longer than d: Go's
// fuzzing has no per-input timeout, and an input that makes the reader
// hang would otherwise pass unnoticed (and the import hang with it).
func parseWithin(t *testing.T, data []byte, d time.Duration) (*Table, error) {
	type result struct {
		tb  *Table
		err error
	}
	done := make(chan result, 1)
	go func() {
		tb, err := Parse(Source{Name: "f.xlsx", Data: data})
		done <- result{tb, err}
	}()
	select {
	case r := <-done:
		return r.tb, r.err
	case <-time.After(d):
		t.Fatalf("parsing %d bytes took longer than %s", len(data), d)
		return nil, nil
	}
}

// FuzzCellParsers: the import's amount, percentage and date readers never
// panic and what they accept is in range.
func FuzzCellParsers(f *testing.F) {
	for _, s := range []string{"1,234.5600", "RMB 500元", "６０％", "60.5%", "2025年3月1日", "2025/03/01 09:30:00", "2025-02-30", "-5", "1e3", "¥"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if v, err := parseAmount(s); err == nil && v < 0 {
			t.Fatalf("parseAmount(%q) = %d", s, v)
		}
		if v, err := parsePercent(s); err == nil && (v < 0 || v > 10000) {
			t.Fatalf("parsePercent(%q) = %d", s, v)
		}
		if d, ok := parseDate(s); ok {
			if again, ok := validate.ParseDate(d); !ok || again != d {
				t.Fatalf("parseDate(%q) = %q, not a day", s, d)
			}
		}
	})
}

// FuzzAutoMapping: one key per header, each a known field, none twice.
func FuzzAutoMapping(f *testing.F) {
	f.Add("销售机会名称\x1f客户名称\x1f金额（元）\x1f可能性%\x1f*阶段")
	f.Add("Name\x1fname\x1fAMOUNT/元\x1f金额[万元]\x1f")
	f.Fuzz(func(t *testing.T, headers string) {
		hs := strings.Split(headers, "\x1f")
		m := AutoMapping(hs)
		if len(m) != len(hs) {
			t.Fatalf("%d keys for %d headers", len(m), len(hs))
		}
		seen := map[string]bool{}
		for _, k := range m {
			if k == "" {
				continue
			}
			if _, ok := fieldIndex[k]; !ok || seen[k] {
				t.Fatalf("mapping %q: key %q unknown or twice", m, k)
			}
			seen[k] = true
		}
	})
}

// FuzzCheckRow runs the row checker, stage-name match included, on any
// cells: a row it accepts names a stage that exists, with a probability in
// range and a real date.
func FuzzCheckRow(f *testing.F) {
	f.Add("甲", "乙", "100", "初步接洽", "", "2025-03-01")
	f.Add("甲", "乙", "１００", " 赢单 ", "50%", "2025/3/1")
	f.Add("甲", "乙", "", "输单", "0", "")
	f.Fuzz(func(t *testing.T, name, customer, amount, stage, prob, date string) {
		stages := []store.Stage{
			{ID: 1, Name: "初步接洽", ProbabilityBP: 1000, Kind: "open"},
			{ID: 2, Name: "赢单", ProbabilityBP: 10000, Kind: "won"},
			{ID: 3, Name: "输单", ProbabilityBP: 0, Kind: "lost"},
			{ID: 4, Name: "旧阶段", ProbabilityBP: 2000, Kind: "open", Retired: true},
		}
		tb := &Table{Headers: []string{"销售机会名称", "客户名称", "金额", "阶段", "可能性", "预计成交日期"}}
		row := &Row{Num: 2, Cells: []string{name, customer, amount, stage, prob, date}}
		c := newChecker(tb, AutoMapping(tb.Headers), stages)
		rec, ok := c.row(row, func(RowError) {})
		if !ok {
			return
		}
		found := false
		for _, s := range stages {
			found = found || s.ID == rec.opp.StageID
		}
		if !found {
			t.Fatalf("accepted stage id %d for %q", rec.opp.StageID, stage)
		}
		if rec.opp.ProbabilityBP < 0 || rec.opp.ProbabilityBP > 10000 || rec.opp.AmountCents < 0 {
			t.Fatalf("accepted %+v", rec.opp)
		}
		if d := rec.opp.ExpectedClose; d != "" {
			if again, ok := validate.ParseDate(d); !ok || again != d {
				t.Fatalf("accepted date %q", d)
			}
		}
	})
}
