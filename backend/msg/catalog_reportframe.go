package msg

// The report frame: filters every analysis report shares, and its CLI.
var (
	ReportPeriodBad     = def("reportframe.periodBad", "期间「{value}」无法识别：请写 2026、2026-03、2026Q1 或 2026-01-01..2026-03-31", "Period \"{value}\" is not understood: write 2026, 2026-03, 2026Q1 or 2026-01-01..2026-03-31")
	ReportUnknown       = def("reportframe.unknown", "没有名为「{name}」的报表；可用：{names}", "There is no report named \"{name}\"; available: {names}")
	ReportOwnerUnknown  = def("reportframe.ownerUnknown", "负责人「{value}」不存在", "Owner \"{value}\" does not exist")
	ReportTeamUnknown   = def("reportframe.teamUnknown", "团队「{value}」不存在", "Team \"{value}\" does not exist")
	ReportFormatBad     = def("reportframe.formatBad", "导出格式「{format}」无效：应为 csv、xlsx、png 或 png-print", "Export format \"{format}\" is not one of csv, xlsx, png, png-print")
	ReportSizeBad       = def("reportframe.sizeBad", "图片尺寸「{size}」无效：应为 screen 或 print", "Picture size \"{size}\" is not screen or print")
	ReportNoChart       = def("reportframe.noChart", "该报表没有图表", "This report has no chart")
	ReportOwnerNotFound = def("reportframe.ownerNotFound", "所选负责人不存在", "The chosen owner does not exist")
)
