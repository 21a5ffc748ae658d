package msg

// The operation log's words for the kinds and actions it gained when every
// write was logged (receipts, settings, pool actions …).
var (
	KindReceipt    = def("oplog.kind.receipt", "回款", "receipt")
	KindInvoice    = def("oplog.kind.invoice", "开票", "invoice")
	KindReturn     = def("oplog.kind.return", "退货单", "return")
	KindOwner      = def("oplog.kind.owner", "销售人员", "salesperson")
	KindStage      = def("oplog.kind.stage", "销售阶段", "stage")
	KindTeam       = def("oplog.kind.team", "团队", "team")
	KindSettings   = def("oplog.kind.settings", "设置", "settings")
	ActReorder     = def("oplog.action.reorder", "调整顺序", "reordered")
	ActClaim       = def("oplog.action.claim", "领用", "claimed")
	ActAssign      = def("oplog.action.assign", "分派", "assigned")
	ActPoolReturn  = def("oplog.action.poolReturn", "退回公海", "returned to a pool")
	ActVoid        = def("oplog.action.void", "作废", "voided")
	ActPoolRestore = def("oplog.action.poolRestore", "取消作废", "restored from void")
	ActPoolMove    = def("oplog.action.poolMove", "转移公海", "moved to another pool")
	ActPoolRecycle = def("oplog.action.poolRecycle", "自动回收", "recycled by a rule")
)

// Labels of logged fields that no form names (the log shows each changed
// field by its label).
var (
	LabelName         = def("oplog.field.name", "名称", "Name")
	LabelRetired      = def("oplog.field.retired", "已停用", "Retired")
	LabelActiveOwner  = def("oplog.field.active", "在职", "Active")
	LabelHolder       = def("oplog.field.holder", "归属", "Held by")
	LabelActedBy      = def("oplog.field.actedBy", "操作人", "Done by")
	LabelStageOrder   = def("oplog.field.stageOrder", "阶段顺序", "Stage order")
	LabelPlan         = def("oplog.field.plan", "回款计划", "Payment plan")
	LabelLines        = def("oplog.field.lines", "明细", "Lines")
	LabelOrderWins    = def("oplog.field.orderWins", "成单时的销售机会", "Opportunity when an order is made")
	LabelRecycleDays  = def("oplog.field.recycleDays", "回收站保留天数", "Recycle bin keeps (days)")
	LabelBackupAuto   = def("oplog.field.backupAuto", "自动备份", "Automatic backup")
	LabelBackupFolder = def("oplog.field.backupFolder", "备份文件夹", "Backup folder")
	LabelPriceList    = def("oplog.field.priceList", "价格表", "Price list")
	LabelCreditDays   = def("oplog.field.creditDays", "信用天数", "Credit days")
	LabelManager      = def("oplog.field.manager", "主管", "Manager")
	LabelCategoryPath = def("oplog.field.categoryPath", "分类路径", "Category path")
	LabelPool         = def("oplog.field.pool", "公海", "Pool")
	LabelStageKind    = def("oplog.field.stageKind", "阶段类型", "Stage kind")
	LabelFile         = def("oplog.field.file", "文件", "File")
	Yes               = def("oplog.yes", "是", "yes")
	No                = def("oplog.no", "否", "no")
)

// The order-wins modes as the log shows them.
var (
	OrderWinsAskWord    = def("oplog.orderWins.ask", "询问", "ask")
	OrderWinsAlwaysWord = def("oplog.orderWins.always", "自动标为赢单", "mark it won")
	OrderWinsNeverWord  = def("oplog.orderWins.never", "保持不变", "leave it")
)
