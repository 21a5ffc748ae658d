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
