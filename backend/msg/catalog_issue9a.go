package msg

// Issue 9a: stage positions, orders that win their opportunity.
var (
	StageAfterClosed  = def("stage.afterClosed", "新阶段不能放在已结束的阶段「{name}」之后", "A new stage cannot go after the closed stage \"{name}\"")
	StageAfterUnknown = def("stage.afterUnknown", "要放在其后的阶段不存在", "The stage to place it after does not exist")
	StageClosedLast   = def("stage.closedLast", "已结束的阶段（赢单、输单）须排在最后：「{name}」不能排在「{closed}」之后", "The closed stages (won, lost) stay last: \"{name}\" cannot come after \"{closed}\"")
)

// Orders that win their opportunity.
var (
	OppLostHasOrders   = def("opportunity.lostHasOrders", "销售机会「{name}」有未作废的订单 {orders}，仍要标为输单吗？", "Opportunity \"{name}\" has orders that are not voided ({orders}). Mark it lost anyway?")
	OppReopenHasOrders = def("opportunity.reopenHasOrders", "销售机会「{name}」已赢单，且有未作废的订单 {orders}，仍要重新打开吗？", "Opportunity \"{name}\" is won and has orders that are not voided ({orders}). Reopen it anyway?")
	OrderWinsUnknown   = def("settings.orderWinsUnknown", "不支持的选项「{value}」（可选：ask、always、never）", "Unsupported choice \"{value}\" (ask, always or never)")
)
