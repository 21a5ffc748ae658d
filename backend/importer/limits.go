package importer

import (
	"archive/zip"
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
)

// Bounds of one import. A file is read whole and every row is kept until
// the transaction commits, so these keep an import (and a hostile file: an
// XLSX zip bomb, a CSV with a million columns) within memory a desktop has.
// A whole Excel sheet (1,048,576 rows) of CSV fits: someone leaving another
// CRM brings one export, not ten. 1,000,000 rows of 14 columns are 110 MB
// of CSV and took 2.4 GB at most to import (1 GB of it SQLite's page cache).
const (
	// MaxFileBytes bounds the file as read from disk or uploaded.
	MaxFileBytes = 256 << 20
	// MaxUnzippedBytes bounds what an XLSX file expands to: the sum of its
	// zip entries' uncompressed sizes, checked before anything is unzipped.
	MaxUnzippedBytes = 100 << 20
	// MaxSharedStrings bounds an XLSX file's distinct texts: excelize holds
	// each one in about 800 bytes (two handles, see parseXLSX), so a few MB
	// of tiny strings would take gigabytes. 300,000 is ~250 MB.
	MaxSharedStrings = 300_000
	// MaxRows bounds the non-empty rows of a file (or of one sheet): as
	// many as an Excel sheet holds.
	MaxRows = 1_048_576
	// MaxCells bounds the cells of a file, up to each row's last non-empty
	// one: each is a string (16 bytes and its text) until the import ends,
	// so a file of short cells in many columns cannot take gigabytes.
	// 32 columns of a full sheet.
	MaxCells = 32 << 20
	// MaxColumns bounds a row's width, up to its last non-empty cell.
	MaxColumns = 256
	// MaxCellChars is Excel's own limit on a cell's text.
	MaxCellChars = 32_767
	// clipChars bounds a cell's text quoted in a message. An error carries
	// the value three times (zh, en and its parameters), so 120 characters
	// (up to 360 bytes of Chinese) keep the whole error under 2 KB.
	clipChars = 120
)

// clip shortens s for a message: a 1 MB cell must not make a 1 MB error.
func clip(s string) string {
	if len(s) <= clipChars {
		return s
	}
	n := 0
	for i := range s {
		if n == clipChars {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

func mb(n uint64) string { return fmt.Sprintf("%.0f MB", float64(n)/(1<<20)) }

func tooBigFile(size int64) error {
	return apperr.Invalid("file", msg.ImportFileTooBig, msg.P{"size": mb(uint64(size)), "max": mb(MaxFileBytes)})
}

// checkZipSizes refuses an XLSX file whose entries would expand beyond
// MaxUnzippedBytes, before excelize unzips anything. The sizes are the ones
// the zip directory declares; archive/zip refuses to read an entry past its
// declared size, so a file cannot lie its way past this check.
func checkZipSizes(data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return apperr.Invalid("file", msg.ImportExcel, msg.P{"error": err.Error()})
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > MaxUnzippedBytes || f.UncompressedSize64 > MaxUnzippedBytes {
			return apperr.Invalid("file", msg.ImportUnzipTooBig, msg.P{"max": mb(MaxUnzippedBytes)})
		}
	}
	for _, f := range zr.File {
		if !strings.EqualFold(f.Name, "xl/sharedStrings.xml") {
			continue
		}
		n, err := countElements(f, "si", MaxSharedStrings)
		if err != nil {
			return apperr.Invalid("file", msg.ImportExcel, msg.P{"error": err.Error()})
		}
		if n > MaxSharedStrings {
			return apperr.Invalid("file", msg.ImportTooManyTexts, msg.P{"max": MaxSharedStrings})
		}
	}
	return nil
}

// countElements counts the start tags named local (any namespace prefix)
// in a zip entry, streaming, and stops once past limit.
func countElements(f *zip.File, local string, limit int) (int, error) {
	rc, err := f.Open()
	if err != nil {
		return 0, err
	}
	defer rc.Close()
	br := bufio.NewReaderSize(rc, 64<<10)
	n := 0
	for n <= limit {
		if _, err := br.ReadSlice('<'); err == io.EOF {
			return n, nil
		} else if err != nil && err != bufio.ErrBufferFull {
			return n, err
		}
		name, err := br.Peek(len(local) + 12)
		if err != nil && err != io.EOF {
			return n, err
		}
		if len(name) > 0 && name[0] == '/' {
			continue
		}
		if i := bytes.IndexAny(name, " />"); i >= 0 {
			name = name[:i]
		}
		if i := bytes.LastIndexByte(name, ':'); i >= 0 {
			name = name[i+1:]
		}
		if string(name) == local {
			n++
		}
	}
	return n, nil
}

// rowLimits counts rows and cells and checks each row's width and cells
// against the bounds, as a file is read.
type rowLimits struct{ rows, cells int }

// maxCells is MaxCells; a test lowers it rather than build a 33-million-cell file.
var maxCells = MaxCells

// check is given a row's number as Excel shows it and its cells.
func (l *rowLimits) check(num int, cells []string) error {
	l.rows++
	if l.rows > MaxRows {
		return apperr.Invalid("file", msg.ImportTooManyRows, msg.P{"max": MaxRows})
	}
	width := len(cells)
	for width > 0 && strings.TrimSpace(cells[width-1]) == "" {
		width--
	}
	if width > MaxColumns {
		return apperr.Invalid("file", msg.ImportTooManyCols, msg.P{"row": num, "width": width, "max": MaxColumns})
	}
	if l.cells += width; l.cells > maxCells {
		return apperr.Invalid("file", msg.ImportTooManyCells, msg.P{"row": num, "max": maxCells})
	}
	for i, c := range cells[:width] {
		if len(c) > MaxCellChars && utf8.RuneCountInString(c) > MaxCellChars {
			col := columnName(i)
			return apperr.Invalid("file", msg.ImportCellTooLong, msg.P{"row": num, "column": col, "max": MaxCellChars, "value": clip(c)})
		}
	}
	return nil
}

// columnName is the column's letter as Excel shows it: 0 is A, 26 is AA.
func columnName(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}
