package msg

// Importing other CRMs' exports, customers, contacts and products; import
// history and undo.
var (
	LabelExternalID  = def("import.externalId", "外部编号", "External ID")
	LabelCreatedDate = def("import.createdDate", "创建日期", "Created date")
	LabelClosedDate  = def("import.closedDate", "赢单/输单日期", "Won/lost date")
	LabelActive      = def("import.active", "有效（未归档）", "Active (not archived)")
	LabelIsWon       = def("import.isWon", "是否赢单", "Won")
	LabelIsLost      = def("import.isLost", "是否输单", "Lost")
	LabelIsClosed    = def("import.isClosed", "是否关闭", "Closed")
	LabelWeighted    = def("import.weighted", "加权金额（只用于推算可能性）", "Weighted amount (only to derive the probability)")
	LabelCurrency    = def("import.currency", "币种", "Currency")
)

var (
	ImportDateAmbiguous   = def("import.dateAmbiguous", "{label}的日和月无法区分（如 03/04/2025）：请选择文件的日期顺序（命令行：--date-order mdy|dmy|ymd）", "{label}: day and month cannot be told apart (e.g. 03/04/2025); choose the file's date order (command line: --date-order mdy|dmy|ymd)")
	ImportDateConflict    = def("import.dateConflict", "文件里的日期有的是“月/日/年”，有的是“日/月/年”，无法确定顺序；请统一日期格式后再导入", "The file's dates are written both month/day/year and day/month/year; make them one format and import again")
	ImportDateOrderBad    = def("import.dateOrderBad", "日期顺序只能是 mdy、dmy 或 ymd", "The date order must be mdy, dmy or ymd")
	ImportStageMapSyntax  = def("import.stageMapSyntax", "阶段对应写法有误：「{part}」（应为 文件中的阶段=我们的阶段，或 文件中的阶段=new:可能性）", "Bad stage mapping \"{part}\" (write FILE_STAGE=OUR_STAGE or FILE_STAGE=new:PERCENT)")
	ImportStageMapTarget  = def("import.stageMapTarget", "阶段「{value}」要对应的销售阶段「{name}」不存在", "Stage \"{value}\" is mapped to \"{name}\", which is not one of our stages")
	ImportStageMapNoValue = def("import.stageMapNoValue", "文件中没有阶段「{value}」", "The file has no stage \"{value}\"")
	ImportStageNameLong   = def("import.stageNameLong", "新建阶段名称太长（最多 50 个字）：{name}", "The new stage name is too long (at most 50 characters): {name}")
	ImportOnDuplicateBad  = def("import.onDuplicateBad", "重复记录的处理方式只能是 update、skip 或 create", "On duplicates must be update, skip or create")
	ImportNoSuchImport    = def("import.noSuchImport", "没有这次导入的记录", "No such import")
	ImportAlreadyUndone   = def("import.alreadyUndone", "这次导入已经撤销过了", "This import has already been undone")
	ImportUndoChanged     = def("import.undoChanged", "导入之后有 {count} 条记录又被修改或使用过，不能撤销：{names}。可以选择只撤销其余的记录", "{count} records were changed or used after this import, so it cannot be undone: {names}. You may undo the others only")
)
