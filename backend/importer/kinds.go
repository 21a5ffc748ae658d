package importer

// What other record kinds (leads) reuse of the opportunity importer: the
// file reading (Parse: CSV, tab-separated text, XLSX, every encoding it
// detects), the header folding and Excel's ="0123" cells.

// MapHeaders maps each header of t to a key through aliases, whose keys are
// headers as written ("线索名称", "Lead Name"); matching folds them the way
// the opportunity headers are folded (case, width, spaces, "*" marks). The
// result has one key per column, "" for a column left out; a key claimed
// by an earlier column is not given to a later one.
func MapHeaders(t *Table, aliases map[string]string) []string {
	norm := make(map[string]string, len(aliases))
	for h, k := range aliases {
		norm[normHeader(h)] = k
	}
	out := make([]string, len(t.Headers))
	taken := map[string]bool{}
	for i, h := range t.Headers {
		k := norm[normHeader(h)]
		if k == "" || taken[k] {
			continue
		}
		taken[k] = true
		out[i] = k
	}
	return out
}

// Cell is the row's cleaned text in column i ("" past its end).
func (r *Row) Cell(i int) string { return cleanCell(r.cell(i)) }

// Clip shortens a cell or header for an error message.
func Clip(s string) string { return clip(s) }
