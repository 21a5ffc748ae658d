package msg

// Importing leads through the import history (issue 13 + 14): the summary
// line's words.
var (
	ImportCountsLeads = def("import.countsLeads", "线索 新增 {new}、更新 {updated}、跳过 {skipped}", "leads {new} new, {updated} updated, {skipped} skipped")
	ImportKindLeads   = def("import.kindLeads", "线索", "leads")
)
