package msg

// Backups and restore.
var (
	LabelBackupKeepDays  = def("backup.keepDays", "保留每日备份（天）", "Daily backups kept (days)")
	LabelBackupKeepWeeks = def("backup.keepWeeks", "保留每周备份（周）", "Weekly backups kept (weeks)")

	BackupRange      = def("backup.range", "{field}须为 {min} 到 {max} 之间的整数", "{field} must be a whole number from {min} to {max}")
	BackupNotAllowed = def("backup.notAllowed", "只能从备份文件夹或在“打开”对话框中选择的文件恢复：{name}", "Only a file in the backup folder or one chosen in the Open dialog can be restored: {name}")
	BackupMissing    = def("backup.missing", "备份文件不存在：{name}", "The backup file does not exist: {name}")
	BackupBad        = def("backup.bad", "「{name}」不是完好的 FunnelDesk 备份（不是本软件的数据文件，或完整性检查未通过），未做任何更改", "\"{name}\" is not a sound FunnelDesk backup (not a FunnelDesk data file, or it fails the integrity check); nothing was changed")
	BackupFailed     = def("backup.failed", "无法在 {folder} 写入备份：{reason}", "Could not write a backup in {folder}: {reason}")
	BackupNoDialog   = def("backup.noDialog", "这里没有选择文件夹的对话框，备份文件夹保持为 {folder}", "There is no folder dialog here; the backup folder stays {folder}")
)
