package msg

// Follow-ups (跟进记录), the 工作台's reminders and the desktop notifications.
var (
	LabelFollowUpTime       = def("followUp.time", "跟进时间", "Time")
	LabelFollowUpNextAction = def("followUp.nextAction", "下次跟进事项", "Next action")
	LabelFollowUpMethods    = def("followUp.methods", "跟进方式", "Follow-up methods")

	FollowUpBadTime    = def("followUp.badTime", "{label}“{value}”无效，请按 时:分 填写（如 14:30）", "{label} “{value}” is not a time; write hours:minutes (e.g. 14:30)")
	FollowUpFuture     = def("followUp.future", "跟进日期不能晚于今天（{today}）：还没发生的跟进请填在“下次跟进日期”", "The follow-up date cannot be after today ({today}); put a planned one in “Next follow-up”")
	FollowUpNoRecord   = def("followUp.noRecord", "请选择跟进的客户、联系人或销售机会", "Choose the customer, contact or opportunity followed up")
	FollowUpContactOf  = def("followUp.contactOf", "联系人“{name}”不属于客户“{customer}”", "Contact “{name}” is not with customer “{customer}”")
	FollowUpOppOf      = def("followUp.oppOf", "销售机会“{name}”不属于客户“{customer}”", "Opportunity “{name}” is not with customer “{customer}”")
	FollowUpMethodsNil = def("followUp.methodsEmpty", "至少保留一种跟进方式", "Keep at least one follow-up method")
	FollowUpMethodDup  = def("followUp.methodDup", "跟进方式“{value}”重复", "Follow-up method “{value}” is listed twice")
	FollowUpMethodsMax = def("followUp.methodsMax", "跟进方式最多 {max} 种", "At most {max} follow-up methods")

	NotifyTitle        = def("notify.title", "FunnelDesk 工作台提醒", "FunnelDesk reminders")
	NotifyFollowUps    = def("notify.followUps", "今日待跟进 {today} 条，逾期未跟进 {overdue} 条", "{today} follow-ups due today, {overdue} overdue")
	NotifyInstallments = def("notify.installments", "今日到期回款 {count} 笔", "{count} installments due today")
)
