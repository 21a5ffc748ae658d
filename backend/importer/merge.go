package importer

import (
	"funneldesk/backend/msg"
)

// MergeNote tells that a row of the file is the same record as an earlier
// row and replaced a value an earlier row gave: nothing is replaced
// silently. Row is the later row, First the row the record came from,
// EarlierRow the row that gave the replaced value (Earlier); Kept is the
// value the record keeps ("" when an empty cell cleared it: opportunity
// rows replace the whole record).
type MergeNote struct {
	Row        int    `json:"row"`
	First      int    `json:"first"`
	Kind       string `json:"kind"`
	Field      string `json:"field"`
	Column     string `json:"column"`
	ColumnEn   string `json:"columnEn"`
	Earlier    string `json:"earlier"`
	EarlierRow int    `json:"earlierRow"`
	Kept       string `json:"kept"`
	Message    string `json:"message"`
	MessageEn  string `json:"messageEn"`
}

var kindNoun = map[string]msg.Key{KindOpportunities: msg.ImportKindOpportunity, KindCustomers: msg.ImportKindCustomer,
	KindContacts: msg.ImportKindContact, KindProducts: msg.ImportKindProduct, KindLeads: msg.ImportKindLead}

// newMergeNote renders a note; column and columnEn name the field (a
// label, or the file's header for an opportunity file).
func newMergeNote(kind, field, column, columnEn string, row, first, earlierRow int, earlier, kept string) MergeNote {
	n := MergeNote{Row: row, First: first, Kind: kind, Field: field, Column: column, ColumnEn: columnEn, Earlier: clip(earlier),
		EarlierRow: earlierRow, Kept: clip(kept)}
	render := func(lang msg.Lang, field string) string {
		if kept == "" {
			return msg.Render(lang, msg.ImportMergeNoteCleared, msg.P{"row": row, "first": first, "kind": msg.Msg{Key: kindNoun[kind]},
				"field": field, "earlier": n.Earlier, "earlierRow": earlierRow})
		}
		return msg.Render(lang, msg.ImportMergeNote, msg.P{"row": row, "first": first, "kind": msg.Msg{Key: kindNoun[kind]},
			"field": field, "earlier": n.Earlier, "earlierRow": earlierRow, "kept": n.Kept})
	}
	n.Message, n.MessageEn = render(msg.Zh, column), render(msg.En, columnEn)
	return n
}

// merger puts one row's values over the record earlier rows of the file
// made (the later row's given values win, as they always did) and notes
// each value it replaces. from holds, per field, the row that gave the
// record's value.
type merger struct {
	p     *entityPlan
	kind  string
	row   int
	first int
	// quiet: the record is skipped, its values are not written.
	quiet bool
}

// str merges one text field; fold says when two values are the same
// (nil: when equal). A value given again keeps the row it first came
// from.
func (m merger) str(field string, label msg.Key, dst *string, from *int, v string, fold func(string) string) {
	if v == "" {
		return
	}
	d := *dst
	*dst = v
	if d != "" && (d == v || (fold != nil && fold(d) == fold(v))) {
		return
	}
	if d != "" && !m.quiet {
		m.note(field, label, *from, d, v)
	}
	*from = m.row
}

func (m merger) note(field string, label msg.Key, earlierRow int, earlier, kept string) {
	m.p.notes = append(m.p.notes, newMergeNote(m.kind, field, msg.Render(msg.Zh, label, nil), msg.Render(msg.En, label, nil),
		m.row, m.first, earlierRow, earlier, kept))
}
