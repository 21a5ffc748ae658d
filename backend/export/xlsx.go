package export

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"

	"funneldesk/backend/money"
	"funneldesk/backend/msg"
)

// measureRows is how many rows the column widths are measured on: the
// StreamWriter needs the widths before the first row, so these rows are held
// back until the widths are known; the rest stream straight through.
const measureRows = 200

// Column widths in Excel's units (about one Latin character each).
const (
	minWidth = 6
	maxWidth = 60
)

// Number formats. The ¥ is quoted so that Excel and WPS show it as a literal
// whatever the system's currency.
const (
	moneyFormat    = `"¥"#,##0.00`
	dateFormat     = "yyyy-mm-dd"
	dateTimeFormat = "yyyy-mm-dd hh:mm"
	textFormat     = 49 // Excel's built-in "@": the cell is text
)

type styles struct {
	header, money, date, dateTime, quoted int
}

// WriteXLSX writes t as an XLSX workbook: the table on the first sheet
// (frozen bold header, typed cells) and the filters in force on the second.
func WriteXLSX(w io.Writer, t Table) error {
	f := excelize.NewFile()
	defer f.Close()
	lang := t.lang()
	filtersSheet := msg.Render(lang, msg.FiltersSheet, nil)
	sheet := sheetName(t.Sheet, filtersSheet)
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	x := &xlsxTable{t: t, sw: sw, st: st, widths: make([]int, len(t.Columns))}
	for i, c := range t.Columns {
		x.widths[i] = textWidth(c.Header(lang)) + 2 // room for the filter arrow Excel adds on a click
	}
	if err := t.Rows(x.row); err != nil {
		return err
	}
	if err := x.flushHeld(); err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if err := writeFilters(f, st, filtersSheet, lang, t.Filters); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

// xlsxTable streams one table's rows, holding the first measureRows back to
// size the columns.
type xlsxTable struct {
	t       Table
	sw      *excelize.StreamWriter
	st      styles
	widths  []int
	held    [][]any
	started bool
	next    int // the next sheet row to write
}

func (x *xlsxTable) row(values ...any) error {
	if len(values) != len(x.t.Columns) {
		return rowLenError(len(values), len(x.t.Columns))
	}
	cells := make([]any, len(values))
	for i, c := range x.t.Columns {
		cell, shown, err := x.cell(c, values[i])
		if err != nil {
			return err
		}
		cells[i] = cell
		if !x.started {
			x.widths[i] = max(x.widths[i], textWidth(shown))
		}
	}
	if !x.started {
		x.held = append(x.held, cells)
		if len(x.held) < measureRows {
			return nil
		}
		return x.flushHeld()
	}
	return x.write(cells)
}

// flushHeld sets the widths and the frozen header, then writes the header
// and the rows held back.
func (x *xlsxTable) flushHeld() error {
	if x.started {
		return nil
	}
	x.started = true
	for i, w := range x.widths {
		if err := x.sw.SetColWidth(i+1, i+1, float64(min(max(w+2, minWidth), maxWidth))); err != nil {
			return err
		}
	}
	if err := x.sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	header := make([]any, len(x.t.Columns))
	for i, c := range x.t.Columns {
		header[i] = excelize.Cell{StyleID: x.st.header, Value: c.Header(x.t.lang())}
	}
	x.next = 1
	if err := x.write(header); err != nil {
		return err
	}
	for _, r := range x.held {
		if err := x.write(r); err != nil {
			return err
		}
	}
	x.held = nil
	return nil
}

func (x *xlsxTable) write(cells []any) error {
	ref, err := excelize.CoordinatesToCellName(1, x.next)
	if err != nil {
		return err
	}
	x.next++
	return x.sw.SetRow(ref, cells)
}

// cell is one value as the StreamWriter takes it, and the text it shows
// (for the column width).
func (x *xlsxTable) cell(c Column, v any) (any, string, error) {
	if v == nil {
		return nil, "", nil
	}
	switch c.Kind {
	case Text:
		s, ok := v.(string)
		if !ok {
			return nil, "", cellError(c, v)
		}
		return textCell(x.st, s), s, nil
	case Date, DateTime:
		s, ok := v.(string)
		if !ok {
			return nil, "", cellError(c, v)
		}
		if s == "" {
			return nil, "", nil
		}
		tm, ok := parseTime(c.Kind, s)
		if !ok {
			return textCell(x.st, s), s, nil
		}
		if c.Kind == Date {
			return excelize.Cell{StyleID: x.st.date, Value: tm}, "0000-00-00", nil
		}
		return excelize.Cell{StyleID: x.st.dateTime, Value: tm}, "0000-00-00 00:00", nil
	case Money:
		n, ok := v.(int64)
		if !ok {
			return nil, "", cellError(c, v)
		}
		// n/100 is the double nearest the decimal, and excelize writes the
		// shortest text that reads back as that double: the decimal itself.
		return excelize.Cell{StyleID: x.st.money, Value: float64(n) / 100}, money.Yuan(n), nil
	case Int:
		n, ok := toInt64(v)
		if !ok {
			return nil, "", cellError(c, v)
		}
		return n, fmt.Sprint(n), nil
	case Percent:
		n, ok := toInt64(v)
		if !ok {
			return nil, "", cellError(c, v)
		}
		return float64(n) / 100, money.Percent(int(n)), nil
	case Qty:
		n, ok := v.(int64)
		if !ok {
			return nil, "", cellError(c, v)
		}
		return float64(n) / 1000, formatMilli(n), nil
	}
	return nil, "", cellError(c, v)
}

// textCell writes s as a string cell; one Excel would read as a formula
// also gets the quotePrefix style, so editing it keeps it text.
func textCell(st styles, s string) any {
	if risky(s) {
		return excelize.Cell{StyleID: st.quoted, Value: s}
	}
	return s
}

func newStyles(f *excelize.File) (styles, error) {
	var st styles
	var err error
	mf, df, tf := moneyFormat, dateFormat, dateTimeFormat
	if st.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EEF1F6"}}}); err != nil {
		return st, err
	}
	if st.money, err = f.NewStyle(&excelize.Style{CustomNumFmt: &mf}); err != nil {
		return st, err
	}
	if st.date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &df}); err != nil {
		return st, err
	}
	if st.dateTime, err = f.NewStyle(&excelize.Style{CustomNumFmt: &tf}); err != nil {
		return st, err
	}
	if st.quoted, err = f.NewStyle(&excelize.Style{NumFmt: textFormat}); err != nil {
		return st, err
	}
	// excelize's Style has no quotePrefix, but the parsed style sheet it
	// writes out does: set it on this text style's record.
	if f.Styles != nil && f.Styles.CellXfs != nil && st.quoted < len(f.Styles.CellXfs.Xf) {
		on := true
		f.Styles.CellXfs.Xf[st.quoted].QuotePrefix = &on
	}
	return st, nil
}

// writeFilters adds the second sheet: one row per filter, its label in bold.
func writeFilters(f *excelize.File, st styles, name string, lang msg.Lang, filters []Filter) error {
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	lw, vw := textWidth(name), 10
	text := make([][2]string, len(filters))
	for i, fl := range filters {
		text[i][0], text[i][1] = fl.Text(lang)
		lw, vw = max(lw, textWidth(text[i][0])), max(vw, textWidth(text[i][1]))
	}
	if err := sw.SetColWidth(1, 1, float64(min(lw+2, maxWidth))); err != nil {
		return err
	}
	if err := sw.SetColWidth(2, 2, float64(min(vw+2, maxWidth*2))); err != nil {
		return err
	}
	rows := [][]any{{excelize.Cell{StyleID: st.header, Value: name}, excelize.Cell{StyleID: st.header, Value: ""}}}
	for _, lv := range text {
		rows = append(rows, []any{excelize.Cell{StyleID: st.header, Value: lv[0]}, textCell(st, lv[1])})
	}
	for i, r := range rows {
		ref, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(ref, r); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// sheetName makes name a valid sheet name: at most 31 characters, none of
// []:*?/\, and not the filters sheet's.
func sheetName(name, filtersSheet string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '_'
		}
		return r
	}, strings.TrimSpace(name))
	if r := []rune(name); len(r) > 31 {
		name = string(r[:31])
	}
	if name == "" || name == filtersSheet {
		return "Sheet1"
	}
	return name
}

// textWidth is s's width in Latin characters: a Chinese (wide or
// fullwidth) character counts two.
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// parseTime reads a Date (YYYY-MM-DD) or DateTime value. Times are written
// as the wall-clock time they name (Excel dates have no zone).
func parseTime(k Kind, s string) (time.Time, bool) {
	layouts := []string{"2006-01-02"}
	if k == DateTime {
		layouts = []string{"2006-01-02 15:04:05", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04", "2006-01-02"}
	}
	for _, l := range layouts {
		if t, err := time.Parse(l, s); err == nil {
			if k == DateTime && l == time.RFC3339 {
				t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
			}
			return t, true
		}
	}
	return time.Time{}, false
}

func rowLenError(got, want int) error {
	return fmt.Errorf("export: a row has %d values for %d columns", got, want)
}
