package msg

// Issue 14 gaps: tasks in the recycle bin, stage sets in the importer.
var (
	KindTask = def("oplog.kind.task", "销售任务", "task")

	// The funnel chart's caption names the stage set counted.
	LabelStageSet = def("stageset.label", "阶段组", "Stage set")
	AllTypesWord  = def("stageset.allTypes", "全部类型", "All types")

	// Marking an opportunity won after an order: the outcome chosen.
	WonOutcomeUnknown = def("stageset.wonOutcomeUnknown", "请选择一个赢单结果", "Choose a won outcome")
)
