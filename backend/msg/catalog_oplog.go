package msg

// The operation log's export: its columns, and the words for its kinds and
// actions (the kinds the recycle bin also names reuse Kind*).
var (
	LogColTime    = def("oplog.col.time", "时间", "Time")
	LogColActor   = def("oplog.col.actor", "操作人", "By")
	LogColKind    = def("oplog.col.kind", "对象", "Record type")
	LogColID      = def("oplog.col.id", "编号", "ID")
	LogColName    = def("oplog.col.name", "名称", "Name")
	LogColAction  = def("oplog.col.action", "操作", "Action")
	LogColOld     = def("oplog.col.old", "原值", "Old value")
	LogColNew     = def("oplog.col.new", "新值", "New value")
	LogSheet      = def("oplog.sheet", "操作日志", "Operation log")
	KindFollowUp  = def("oplog.kind.followup", "跟进记录", "follow-up")
	KindImport    = def("oplog.kind.import", "导入", "import")
	KindBackup    = def("oplog.kind.backup", "备份", "backup")
	ActCreate     = def("oplog.action.create", "新建", "created")
	ActUpdate     = def("oplog.action.update", "修改", "changed")
	ActDelete     = def("oplog.action.delete", "删除", "deleted")
	ActStage      = def("oplog.action.stage", "阶段变更", "stage changed")
	ActImport     = def("oplog.action.import", "导入", "imported")
	ActRestore    = def("oplog.action.restore", "恢复", "restored")
	ActPurge      = def("oplog.action.purge", "彻底删除", "deleted for good")
	ActBackupRest = def("oplog.action.backupRestore", "从备份恢复", "restored from a backup")
)
