// Package export writes a table — a list, a report — to a file as CSV or
// XLSX, streaming its rows from the store to the disk.
//
// A Table describes its columns (a catalog label and a Kind) and hands its
// rows to an emit function one at a time; the writers decide how each kind
// looks. Headers and the filters in force are catalog keys rendered in the
// table's language: Chinese unless Lang says otherwise, because the importer
// reads the Chinese headers back and our users open the files in a Chinese
// Excel.
//
//   - CSV is what the importer reads back: UTF-8 with a BOM (Excel on
//     Chinese Windows needs it to see UTF-8), CRLF, money as a plain
//     decimal number (1234.50), percentages as 60 or 62.5, dates as
//     YYYY-MM-DD.
//   - XLSX (excelize's StreamWriter) has real numbers and dates: money as a
//     number formatted ¥#,##0.00, dates as Excel dates formatted yyyy-mm-dd,
//     a frozen bold header row, column widths from the content (a Chinese
//     character counts two), and the filters in force on a second sheet.
//
// Formula injection (the OWASP rule): a text cell that begins with =, +, -,
// @, a tab or a CR would be run as a formula by Excel or WPS when the file
// is opened (=HYPERLINK(...) sends data away). In CSV such a cell gets a
// leading single quote, which both show as text; in XLSX it is a string
// cell (never a formula) whose style carries Excel's quotePrefix, so it
// stays text when edited. Numbers, money and dates are never prefixed: a
// negative amount is a number, not a formula.
package export

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
)

// Kind says what a column holds and so how each writer shows it. The Go
// type emit expects for each kind is given; nil is an empty cell of any kind.
type Kind int

const (
	// Text is a string.
	Text Kind = iota
	// Money is int64 cents.
	Money
	// Date is a string YYYY-MM-DD ("" is an empty cell).
	Date
	// Int is an int or int64.
	Int
	// Percent is an int in basis points, shown in percent units (6000 → 60).
	Percent
	// DateTime is a string "YYYY-MM-DD HH:MM:SS" or RFC 3339.
	DateTime
	// Qty is an int64 quantity in thousandths (1500 → 1.5).
	Qty
)

// Column is one column of a table: its header is Label (with Params when
// the label has placeholders, see Col) in the table's language.
type Column struct {
	Label  msg.Key
	Params msg.P
	Kind   Kind
}

// Col is a column whose label has placeholders ("{month} 数量").
func Col(label msg.Key, p msg.P, kind Kind) Column {
	return Column{Label: label, Params: p, Kind: kind}
}

// Header is the column's header in lang.
func (c Column) Header(lang msg.Lang) string { return msg.Render(lang, c.Label, c.Params) }

// Filter is one line of the filters in force, as the XLSX's second sheet
// shows it: a label and its value, either Value as it is (owner names,
// stage names, a search) or, when Words has a key, that text rendered in the
// table's language (a period, "只看有逾期的").
type Filter struct {
	Label msg.Key
	Value string
	Words msg.Msg
}

// Text is the filter's label and value in lang.
func (f Filter) Text(lang msg.Lang) (label, value string) {
	value = f.Value
	if f.Words.Key != (msg.Key{}) {
		value = msg.Render(lang, f.Words.Key, f.Words.Params)
	}
	return msg.Render(lang, f.Label, nil), value
}

// Table is what an export writes: its columns, the filters that chose its
// rows, and Rows, which calls emit once per row with one value per column.
type Table struct {
	// Sheet names the XLSX's first sheet (at most 31 characters are kept).
	Sheet   string
	Columns []Column
	Filters []Filter
	Rows    func(emit func(values ...any) error) error
	// Lang is the language of the headers and the filters; "" is Chinese.
	Lang msg.Lang
}

// lang is t's language, Chinese by default.
func (t Table) lang() msg.Lang {
	if t.Lang == "" {
		return msg.Zh
	}
	return t.Lang
}

// The formats an export can write.
const (
	CSV  = "csv"
	XLSX = "xlsx"
)

// FiltersSheet is the name of the XLSX's second sheet in Chinese, the
// default language.
var FiltersSheet = msg.Render(msg.Zh, msg.FiltersSheet, nil)

// CheckFormat refuses any format but csv and xlsx, naming the field "format".
func CheckFormat(format string) error {
	switch format {
	case CSV, XLSX:
		return nil
	}
	return apperr.Invalid("format", msg.ExportFormat, msg.P{"value": format})
}

// Write writes t to w in format (csv or xlsx).
func Write(w io.Writer, format string, t Table) error {
	switch format {
	case CSV:
		return WriteCSV(w, t)
	case XLSX:
		return WriteXLSX(w, t)
	}
	return CheckFormat(format)
}

// FileName is the name an export suggests: base, the date as YYYYMMDD and
// the format's extension ("销售机会-20261123.xlsx").
func FileName(base, today, format string) string {
	return base + "-" + strings.ReplaceAll(today, "-", "") + "." + format
}

// Save asks where to save t (the native dialog, or the headless server's
// folder) under base and today's date, then streams it there in format. It
// returns the path written, or "" when the user cancelled. The format is
// checked before the dialog opens; the time of the export is added to the
// filters in force.
func Save(env *svc.Env, base, format string, t Table) (string, error) {
	if err := CheckFormat(format); err != nil {
		return "", err
	}
	filters := append([]Filter{}, t.Filters...)
	if len(filters) == 0 {
		filters = append(filters, Filter{Label: msg.LabelFilters, Words: msg.Msg{Key: msg.NoFilter}})
	}
	t.Filters = append(filters, Filter{Label: msg.LabelExportedAt, Value: env.Now().Format("2006-01-02 15:04")})
	return SaveFile(env, FileName(base, env.Today(), format), func(w io.Writer) error { return Write(w, format, t) })
}

// SaveFile is env.SaveFile for any file an export writes (a chart, a
// printable page): it keeps an apperr (a bad filter found while streaming)
// and words any other failure (a full disk, a folder not writable) for the
// user.
func SaveFile(env *svc.Env, name string, write func(w io.Writer) error) (string, error) {
	path, err := env.SaveFile(name, write)
	if err == nil {
		return path, nil
	}
	if _, ok := apperr.As(err); ok {
		return "", err
	}
	return "", apperr.Conflict("", msg.CannotWrite, msg.P{"error": err.Error()})
}

// risky reports whether a text cell would be read as a formula (OWASP's
// list: = + - @ tab CR).
func risky(s string) bool {
	return s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0]))
}

// cellError says which column got a value of the wrong type: a bug in the
// exporting service, caught by its tests.
func cellError(c Column, v any) error {
	return fmt.Errorf("export: column %q (kind %d) cannot hold %T", c.Header(msg.Zh), c.Kind, v)
}

// Filters collects the filters in force in words, leaving out the ones not
// set, so that the sheet lists only what narrowed the rows.
type Filters []Filter

// Add adds a line when value is not empty.
func (fs *Filters) Add(label msg.Key, value string) {
	if strings.TrimSpace(value) != "" {
		*fs = append(*fs, Filter{Label: label, Value: value})
	}
}

// AddWords adds a line whose value is the text of a key, rendered in the
// table's language.
func (fs *Filters) AddWords(label, words msg.Key, p msg.P) {
	*fs = append(*fs, Filter{Label: label, Words: msg.Msg{Key: words, Params: p}})
}

// AddPeriod adds a date range, both ends inclusive and either open
// ("2026-01-01 ~ 2026-03-31", "2026-01-01 起", "至 2026-03-31"), when
// either end is set.
func (fs *Filters) AddPeriod(label msg.Key, from, to string) {
	switch {
	case from != "" && to != "":
		fs.Add(label, from+" ~ "+to)
	case from != "":
		fs.AddWords(label, msg.PeriodFrom, msg.P{"from": from})
	case to != "":
		fs.AddWords(label, msg.PeriodTo, msg.P{"to": to})
	}
}

// Names words ids through name, joined by 、. An id that names nothing
// (store.ErrNotFound, or a not_found or invalid answer: deleted since the
// filter was set) shows as #id rather than refusing the export.
func Names(ids []int64, name func(id int64) (string, error)) (string, error) {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		n, err := name(id)
		if errors.Is(err, store.ErrNotFound) || apperr.Is(err, apperr.CodeNotFound) || apperr.Is(err, apperr.CodeInvalid) {
			n, err = "#"+strconv.FormatInt(id, 10), nil
		}
		if err != nil {
			return "", err
		}
		out = append(out, n)
	}
	return strings.Join(out, "、"), nil
}

// Name words one id as Names does; 0 (no filter) is "".
func Name(id int64, name func(id int64) (string, error)) (string, error) {
	if id == 0 {
		return "", nil
	}
	return Names([]int64{id}, name)
}
