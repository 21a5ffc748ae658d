package importer

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/shakinm/xlsReader/xls"
	"github.com/shakinm/xlsReader/xls/structure"
	"github.com/xuri/excelize/v2"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
)

// Old Excel (.xls, BIFF8) files are read with github.com/shakinm/xlsReader:
// the maintained pure-Go reader (releases into 2023, MIT) that reads the
// shared strings table with Chinese text, numbers stored as RK, MULRK and
// NUMBER records and the formats of date cells, which is what CRM exports
// and Excel 97–2003 lists hold. It was checked on files written by a
// BIFF8 writer (xlwt, as LibreOffice and old Excel write them; see
// testdata/*.xls and TestParseXLS): texts, amounts, dates and an empty
// cell in the middle all came back right. github.com/extrame/xls, the
// other candidate, is unmaintained since 2021 and known to misread dates.
// Dates are not taken from the library's own formatting (which guesses
// from format strings and writes them back in Excel's notation): a number
// cell whose format is a date format becomes YYYY-MM-DD here, and its
// serial is kept as the stored value for the importer's fallbacks.
// A file the library cannot read is refused with the steps to save it as
// .xlsx (msg.ImportXLSUnreadable).
func parseXLS(data []byte) (t *Table, err error) {
	defer func() {
		// The reader indexes its records without bounds checks: a broken
		// file panics instead of returning an error.
		if r := recover(); r != nil {
			t, err = nil, apperr.Invalid("file", msg.ImportXLSUnreadable, msg.P{"error": fmt.Sprint(r)})
		}
	}()
	wb, err := xls.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, apperr.Invalid("file", msg.ImportXLSUnreadable, msg.P{"error": err.Error()})
	}
	var pick sheetChoice
	for i := 0; i < wb.GetNumberSheets(); i++ {
		sheet, err := wb.GetSheet(i)
		if err != nil {
			return nil, apperr.Invalid("file", msg.ImportXLSUnreadable, msg.P{"error": err.Error()})
		}
		t := &Table{Format: "xls", Sheet: sheet.GetName()}
		var limits rowLimits
		for r := 0; r < sheet.GetNumberRows(); r++ {
			row, err := sheet.GetRow(r)
			if err != nil {
				continue
			}
			cols := row.GetCols()
			cells, raw := make([]string, len(cols)), make([]string, len(cols))
			for c, cell := range cols {
				cells[c], raw[c] = xlsCell(&wb, cell)
			}
			if !differs(cells, raw) {
				raw = nil
			}
			if blank(cells) {
				continue
			}
			if err := limits.check(r+1, cells); err != nil {
				return nil, err
			}
			t.Rows = append(t.Rows, Row{Num: r + 1, Cells: cells, Raw: raw})
		}
		if pick.offer(t) {
			return t, nil
		}
	}
	return pick.chosen("xls"), nil
}

// xlsCell is a cell's text as the importer reads it and its stored value.
func xlsCell(wb *xls.Workbook, cell structure.CellData) (text, stored string) {
	switch cell.GetType() {
	case "*record.Number", "*record.Rk":
	default:
		s := cell.GetString()
		return s, s
	}
	v := cell.GetFloat64()
	stored = strconv.FormatFloat(v, 'f', -1, 64)
	xf := wb.GetXFbyIndex(cell.GetXFIndex())
	fi := xf.GetFormatIndex()
	format := ""
	if fi >= 164 {
		f := wb.GetFormatByIndex(fi)
		format = f.String()
	}
	if isDateFormat(fi, format) && v >= 1 && v < 2958466 {
		t, err := excelize.ExcelDateToTime(v, false)
		if err == nil {
			if v == math.Floor(v) {
				return t.Format("2006-01-02"), stored
			}
			return t.Format("2006-01-02 15:04:05"), stored
		}
	}
	if strings.Contains(format, "%") || fi == 9 || fi == 10 {
		return strconv.FormatFloat(v*100, 'f', -1, 64) + "%", stored
	}
	return storedNumber(stored), stored
}

// isDateFormat reports whether a number format shows a date: Excel's
// built-in date formats (14–22, 45–47, and 27–36/50–58 in Chinese
// locales), or a custom one with a year or day part outside quotes and
// brackets.
func isDateFormat(index int, format string) bool {
	switch {
	case index >= 14 && index <= 22, index >= 27 && index <= 36, index >= 45 && index <= 47, index >= 50 && index <= 58:
		return true
	case index < 164:
		return false
	}
	inQuote, inBracket := false, false
	for _, r := range strings.ToLower(format) {
		switch {
		case r == '"':
			inQuote = !inQuote
		case inQuote:
		case r == '[':
			inBracket = true
		case r == ']':
			inBracket = false
		case inBracket:
		case r == 'y' || r == 'd' || r == '年' || r == '日':
			return true
		}
	}
	return false
}
