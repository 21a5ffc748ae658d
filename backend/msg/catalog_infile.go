package msg

// Rows of one import file that are the same record (task "infile"): the
// merged count and the notes on values a later row replaced.
var (
	ImportCountsMerged = def("import.countsMerged", "{counts}、合并 {merged}", "{counts}, {merged} merged")
	// The records a row would have updated that already held its values.
	ImportCountsUnchanged = def("import.countsUnchanged", "{counts}、未变 {unchanged}（与已有记录相同，未写入）",
		"{counts}, {unchanged} unchanged (the same as their records: not written)")
	ImportMergeNote = def("import.mergeNote",
		"第 {row} 行与第 {first} 行是同一{kind}，已合并：{field}「{earlier}」（第 {earlierRow} 行）被替换为「{kept}」",
		"row {row} is the same {kind} as row {first} and was merged into it: {field} \"{earlier}\" (row {earlierRow}) was replaced by \"{kept}\"")
	ImportMergeNoteCleared = def("import.mergeNoteCleared",
		"第 {row} 行与第 {first} 行是同一{kind}，已合并：{field}「{earlier}」（第 {earlierRow} 行）被第 {row} 行的空白清除",
		"row {row} is the same {kind} as row {first} and was merged into it: {field} \"{earlier}\" (row {earlierRow}) was cleared by the empty cell of row {row}")
	ImportKindOpportunity = def("import.kindOpportunity", "销售机会", "opportunity")
	ImportKindCustomer    = def("import.kindCustomer", "客户", "customer")
	ImportKindContact     = def("import.kindContact", "联系人", "contact")
	ImportKindProduct     = def("import.kindProduct", "产品", "product")
	ImportKindLead        = def("import.kindLead", "线索", "lead")
)
