package msg

// Issue 9a: stage positions, orders that win their opportunity.
var (
	StageAfterClosed  = def("stage.afterClosed", "新阶段不能放在已结束的阶段「{name}」之后", "A new stage cannot go after the closed stage \"{name}\"")
	StageAfterUnknown = def("stage.afterUnknown", "要放在其后的阶段不存在", "The stage to place it after does not exist")
	StageClosedLast   = def("stage.closedLast", "已结束的阶段（赢单、输单）须排在最后：「{name}」不能排在「{closed}」之后", "The closed stages (won, lost) stay last: \"{name}\" cannot come after \"{closed}\"")
)
