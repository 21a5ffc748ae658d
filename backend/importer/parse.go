package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
)

// Source is a file to import: its name (for messages and the extension) and
// its bytes. The format and the text encoding are detected from the bytes.
type Source struct {
	Name string
	Data []byte
}

// FileSource reads a file from disk.
func FileSource(path string) (Source, error) {
	if fi, err := os.Stat(path); err == nil && fi.Size() > MaxFileBytes {
		return Source{}, tooBigFile(fi.Size())
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return Source{}, apperr.Invalid("file", msg.ImportCannotRead, msg.P{"error": err.Error()})
	}
	return Source{Name: filepath.Base(path), Data: b}, nil
}

// Table is a parsed file: the header row and the non-empty data rows.
type Table struct {
	Format    string // "csv" or "xlsx"
	Encoding  string // "UTF-8", "UTF-8 BOM", "GB18030", "UTF-16LE", "UTF-16BE"; "" for xlsx
	Delimiter string // "," "\t" ";" for csv; "" for xlsx
	Sheet     string // the sheet read, for xlsx
	HeaderRow int    // the header's row number as Excel shows it
	Headers   []string
	Rows      []Row

	// date1904 is the xlsx workbook's date system, for date serials.
	date1904 bool
}

// Row is one data row. Num is the row number as Excel shows it (the header
// is usually row 1). Cells are the texts as shown; Raw, for xlsx only and
// only when some cell's stored value differs from its text, holds the stored
// values (Excel date serials, unrounded numbers) to fall back on.
type Row struct {
	Num   int
	Cells []string
	Raw   []string
}

func (r *Row) cell(i int) string {
	if i < 0 || i >= len(r.Cells) {
		return ""
	}
	return r.Cells[i]
}

func (r *Row) raw(i int) string {
	if i < 0 || i >= len(r.Raw) {
		return ""
	}
	return r.Raw[i]
}

// Parse reads a CSV, tab-separated text or XLSX file.
func Parse(src Source) (*Table, error) {
	data := src.Data
	if len(data) > MaxFileBytes {
		return nil, tooBigFile(int64(len(data)))
	}
	var t *Table
	var err error
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		if err := checkZipSizes(data); err != nil {
			return nil, err
		}
		t, err = parseXLSX(data)
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		t, err = parseXLS(data)
	default:
		t, err = parseText(data)
	}
	if err != nil {
		return nil, err
	}
	if t.Headers == nil {
		return nil, apperr.Invalid("file", msg.ImportEmpty)
	}
	return t, nil
}

// decodeText detects the text encoding and returns the text without BOM.
func decodeText(data []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return string(data[3:]), "UTF-8 BOM", nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeUTF16(data, unicode.LittleEndian, "UTF-16LE")
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data, unicode.BigEndian, "UTF-16BE")
	}
	// UTF-8 and GBK text has no NUL bytes; UTF-16 without a BOM has one
	// beside every ASCII character (delimiters, digits, line ends), after
	// it in little-endian order and before it in big-endian.
	if n := min(len(data), 4096) &^ 1; n >= 2 {
		evenNUL, oddNUL := 0, 0
		for i := 0; i < n; i += 2 {
			if data[i] == 0 {
				evenNUL++
			}
			if data[i+1] == 0 {
				oddNUL++
			}
		}
		switch {
		case oddNUL > evenNUL:
			return decodeUTF16(data, unicode.LittleEndian, "UTF-16LE")
		case evenNUL > oddNUL:
			return decodeUTF16(data, unicode.BigEndian, "UTF-16BE")
		}
	}
	if utf8.Valid(data) {
		return string(data), "UTF-8", nil
	}
	// Excel's plain "CSV" on Chinese Windows is GBK, which GB18030 extends.
	b, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", apperr.Invalid("file", msg.ImportEncoding)
	}
	return string(b), "GB18030", nil
}

func decodeUTF16(data []byte, e unicode.Endianness, name string) (string, string, error) {
	b, err := unicode.UTF16(e, unicode.UseBOM).NewDecoder().Bytes(data)
	if err != nil {
		return "", "", apperr.Invalid("file", msg.ImportBadText, msg.P{"encoding": name})
	}
	return strings.TrimPrefix(string(b), "\ufeff"), name, nil
}

// detectDelimiter picks comma, tab or semicolon by counting them, outside
// quotes, in a line; 0 if it has none.
func detectDelimiter(line string) rune {
	counts := map[rune]int{}
	inQuote := false
	for _, r := range line {
		switch {
		case r == '"':
			inQuote = !inQuote
		case !inQuote && (r == ',' || r == '\t' || r == ';'):
			counts[r]++
		}
	}
	best, n := rune(0), 0
	for _, r := range []rune{'\t', ',', ';'} { // tab first: Excel's "Unicode text"
		if counts[r] > n {
			best, n = r, counts[r]
		}
	}
	return best
}

func delimiterName(r rune) string { return string(r) }

func parseText(data []byte) (*Table, error) {
	text, enc, err := decodeText(data)
	if err != nil {
		return nil, err
	}
	t := &Table{Format: "csv", Encoding: enc}
	// Old Mac "CSV" ends lines with a lone CR, which encoding/csv does not
	// take for a line end: it would glue the next row onto the last field.
	// Files pasted together mix the three, so every CR is a line end (in a
	// quoted field, a line break).
	if strings.Contains(text, "\r") {
		text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	}
	// Excel's "sep=;" first line names the delimiter and is not a row.
	var delim rune
	if first, rest, ok := strings.Cut(text, "\n"); ok || first != "" {
		f := strings.TrimRight(first, "\r")
		if len(f) == 5 && strings.HasPrefix(strings.ToLower(f), "sep=") {
			delim = rune(f[4])
			text = rest
		}
	}
	// The header line decides; a title line above it (no delimiter at all)
	// is passed over.
	for line, n := text, 0; delim == 0 && line != "" && n < headerSearch; {
		var l string
		l, line, _ = strings.Cut(line, "\n")
		if strings.TrimSpace(l) != "" {
			delim = detectDelimiter(l)
			n++
		}
	}
	if delim == 0 {
		delim = ','
	}
	t.Delimiter = delimiterName(delim)

	r := csv.NewReader(strings.NewReader(text))
	r.Comma = delim
	r.FieldsPerRecord = -1
	r.LazyQuotes = false
	// Excel numbers every line, blank ones too, and a quoted field with line
	// breaks is one row: count rows from the lines each record spans.
	rowNum, lastLine := 0, 0
	var limits rowLimits
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				row := rowNum + 1 + max(pe.StartLine-lastLine-1, 0)
				return nil, apperr.Invalid("file", msg.ImportQuotes, msg.P{"row": row})
			}
			return nil, err
		}
		start, _ := r.FieldPos(0)
		rowNum += 1 + max(start-lastLine-1, 0)
		lastLine = start
		for _, f := range rec {
			lastLine += strings.Count(f, "\n")
		}
		if blank(rec) {
			continue
		}
		if err := limits.check(rowNum, rec); err != nil {
			return nil, err
		}
		t.Rows = append(t.Rows, Row{Num: rowNum, Cells: rec})
	}
	t.takeHeader()
	return t, nil
}

// knownFields counts the cells that name a field.
func knownFields(cells []string) int {
	n := 0
	for _, k := range AutoMapping(cells) {
		if k != "" {
			n++
		}
	}
	return n
}

// sheetChoice picks the data sheet of a workbook, offered sheet by sheet
// in order: an instructions sheet may come first, so the data is on the
// first sheet whose header names known fields, or else on the first sheet
// that has a header.
type sheetChoice struct{ first *Table }

// offer takes t's header and says whether t is the data sheet.
func (s *sheetChoice) offer(t *Table) bool {
	t.takeHeader()
	if t.Headers == nil {
		return false
	}
	if knownFields(t.Headers) >= 2 {
		return true
	}
	if s.first == nil {
		s.first = t
	}
	return false
}

// chosen is the sheet to read when none was the data sheet: the first with
// a header, or an empty table of the workbook's format.
func (s *sheetChoice) chosen(format string) *Table {
	if s.first != nil {
		return s.first
	}
	return &Table{Format: format}
}

// headerSearch is how many non-empty rows at the top may hold the header.
const headerSearch = 10

// takeHeader makes the header of the first of the top rows that names at
// least two known fields (templates and reports of other systems put a
// title or instructions above it), or else of the first row, and drops it
// and the rows above it from the data.
func (t *Table) takeHeader() {
	if len(t.Rows) == 0 {
		return
	}
	h := 0
	for i := 0; i < len(t.Rows) && i < headerSearch; i++ {
		if knownFields(t.Rows[i].Cells) >= 2 {
			h = i
			break
		}
	}
	t.HeaderRow = t.Rows[h].Num
	t.Headers = trimAll(t.Rows[h].Cells)
	t.Rows = t.Rows[h+1:]
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func trimAll(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = strings.TrimSpace(strings.TrimPrefix(c, "\ufeff"))
	}
	// Trailing unnamed columns (Excel's stray commas) are not columns.
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}
