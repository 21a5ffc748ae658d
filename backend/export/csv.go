package export

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"funneldesk/backend/money"
)

// WriteCSV writes t as CSV: a BOM, the header, then the rows, CRLF line
// ends. The filters in force are not written: the file stays one table the
// importer can read back.
func WriteCSV(w io.Writer, t Table) error {
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString("\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	header := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		header[i] = c.Header(t.lang())
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	rec := make([]string, len(t.Columns))
	err := t.Rows(func(values ...any) error {
		if len(values) != len(t.Columns) {
			return rowLenError(len(values), len(t.Columns))
		}
		for i, c := range t.Columns {
			s, err := csvCell(c, values[i])
			if err != nil {
				return err
			}
			rec[i] = s
		}
		return cw.Write(rec)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// csvCell is one value as the CSV shows it.
func csvCell(c Column, v any) (string, error) {
	if v == nil {
		return "", nil
	}
	switch c.Kind {
	case Text:
		s, ok := v.(string)
		if !ok {
			return "", cellError(c, v)
		}
		if risky(s) {
			return "'" + s, nil
		}
		return s, nil
	case Date, DateTime:
		s, ok := v.(string)
		if !ok {
			return "", cellError(c, v)
		}
		if _, ok := parseTime(c.Kind, s); !ok && risky(s) {
			// Not a date after all (never seen): treat it as the text it is.
			return "'" + s, nil
		}
		return s, nil
	case Money:
		n, ok := v.(int64)
		if !ok {
			return "", cellError(c, v)
		}
		return money.Plain(n), nil
	case Int:
		n, ok := toInt64(v)
		if !ok {
			return "", cellError(c, v)
		}
		return strconv.FormatInt(n, 10), nil
	case Percent:
		n, ok := toInt64(v)
		if !ok {
			return "", cellError(c, v)
		}
		return money.Percent(int(n)), nil
	case Qty:
		n, ok := v.(int64)
		if !ok {
			return "", cellError(c, v)
		}
		return formatMilli(n), nil
	}
	return "", cellError(c, v)
}

func toInt64(v any) (int64, bool) {
	switch n := v.(type) {
	case int:
		return int64(n), true
	case int64:
		return n, true
	}
	return 0, false
}

// formatMilli shows thousandths as a decimal without trailing zeros
// (1500 → 1.5, 2000 → 2), as the quote and order lines show quantities.
func formatMilli(milli int64) string {
	neg := milli < 0
	if neg {
		milli = -milli
	}
	s := strconv.FormatInt(milli/1000, 10)
	if f := milli % 1000; f != 0 {
		frac := strconv.FormatInt(f+1000, 10)[1:]
		s += "." + strings.TrimRight(frac, "0")
	}
	if neg {
		return "-" + s
	}
	return s
}
