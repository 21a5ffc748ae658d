package importer

import (
	"bytes"

	"github.com/xuri/excelize/v2"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
)

// xlsxOptions renders Excel's built-in short date (format 14) as ISO, so a
// date cell's text is already a date the importer reads. The unzip limits
// are MaxUnzippedBytes (checked before, by checkZipSizes) and the XML limit
// equals it so that excelize never unzips a large sheet to a temporary file.
var xlsxOptions = excelize.Options{ShortDatePattern: "yyyy-mm-dd",
	UnzipSizeLimit: MaxUnzippedBytes, UnzipXMLSizeLimit: MaxUnzippedBytes}

// parseXLSX reads the first sheet whose header names known fields, or else
// the first that has any content: each cell's text as
// Excel shows it and, where it differs, its stored value. The two are read
// at once from two handles on the workbook: XML decoding is most of the
// time, and the second core halves it.
func parseXLSX(data []byte) (*Table, error) {
	f, err := openXLSX(data)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	g, err := openXLSX(data)
	if err != nil {
		return nil, err
	}
	defer g.Close()
	var pick sheetChoice
	for _, sheet := range f.GetSheetList() {
		var stored [][]string
		var storedErr error
		done := make(chan struct{})
		go func() {
			defer close(done)
			stored, storedErr = sheetRows(g, sheet, true)
		}()
		shown, err := sheetRows(f, sheet, false)
		<-done
		if err != nil {
			return nil, err
		}
		if storedErr != nil {
			return nil, storedErr
		}
		if len(shown) == 0 {
			continue
		}
		t := &Table{Format: "xlsx", Sheet: sheet}
		if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
			t.date1904 = *props.Date1904
		}
		for i, cells := range shown {
			num := i + 1
			if blank(cells) {
				continue
			}
			row := Row{Num: num, Cells: cells}
			if i < len(stored) && differs(cells, stored[i]) {
				row.Raw = stored[i]
			}
			t.Rows = append(t.Rows, row)
		}
		if pick.offer(t) {
			return t, nil
		}
	}
	return pick.chosen("xlsx"), nil
}

func openXLSX(data []byte) (*excelize.File, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), xlsxOptions)
	if err != nil {
		return nil, apperr.Invalid("file", msg.ImportExcel, msg.P{"error": err.Error()})
	}
	return f, nil
}

// sheetRows returns the rows of a sheet, empty rows included so that the
// index is the row number less one.
func sheetRows(f *excelize.File, sheet string, raw bool) ([][]string, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, apperr.Invalid("file", msg.ImportSheet, msg.P{"sheet": sheet, "error": err.Error()})
	}
	defer rows.Close()
	var out [][]string
	var limits rowLimits
	empty := 0
	for rows.Next() {
		cols, err := rows.Columns(excelize.Options{RawCellValue: raw})
		if err != nil {
			return nil, apperr.Invalid("file", msg.ImportSheet, msg.P{"sheet": sheet, "error": err.Error()})
		}
		if blank(cols) {
			// Formatting can stretch a sheet over a million empty rows;
			// only keep them once a non-empty row follows.
			empty++
			continue
		}
		for ; empty > 0; empty-- {
			out = append(out, nil)
		}
		if err := limits.check(len(out)+1, cols); err != nil {
			return nil, err
		}
		out = append(out, cols)
	}
	return out, rows.Error()
}

func differs(a, b []string) bool {
	if len(a) != len(b) {
		return true
	}
	for i := range a {
		if a[i] != b[i] {
			return true
		}
	}
	return false
}
