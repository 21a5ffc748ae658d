package msg

// Issue 14 gaps: tasks in the recycle bin, stage sets in the importer.
var (
	KindTask = def("oplog.kind.task", "销售任务", "task")
)
