package msg

// Leads (线索): the lead form, statuses, batch assign, conversion, import
// and the conversion report.
var (
	LabelLeadName       = def("lead.name", "线索名称", "Lead name")
	LabelLeadCompany    = def("lead.company", "公司名称", "Company")
	LabelLeadContact    = def("lead.contact", "联系人", "Contact person")
	LabelLeadSource     = def("lead.source", "线索来源", "Lead source")
	LabelLeadStatus     = def("lead.status", "线索状态", "Lead status")
	LabelInvalidReason  = def("lead.invalidReason", "无效原因", "Reason invalid")
	LabelLeadCustomer   = def("lead.customer", "转化客户", "Converted customer")
	LabelLeadContactRec = def("lead.contactRecord", "转化联系人", "Converted contact")
	LabelLeadOpp        = def("lead.opportunity", "转化商机", "Converted opportunity")
	LabelConvertedAt    = def("lead.convertedAt", "转化时间", "Converted at")
	LabelLeadCreated    = def("lead.created", "创建日期", "Created")
	LabelLeadTotal      = def("lead.total", "线索数", "Leads")
	LabelLeadConverted  = def("lead.converted", "已转化", "Converted")
	LabelLeadInvalidN   = def("lead.invalidCount", "无效", "Invalid")
	LabelLeadRate       = def("lead.rate", "转化率", "Conversion rate")
	LabelLeadGroupBy    = def("lead.groupBy", "分组", "Grouped by")
	LabelLeadNoSource   = def("lead.noSource", "（无来源）", "(no source)")
	LabelLeadNoOwner    = def("lead.noOwner", "（未分配）", "(unassigned)")

	LeadStatusNew       = def("lead.status.new", "新线索", "New")
	LeadStatusWorking   = def("lead.status.working", "跟进中", "Working")
	LeadStatusConverted = def("lead.status.converted", "已转化", "Converted")
	LeadStatusInvalid   = def("lead.status.invalid", "无效", "Invalid")

	KindLead = def("oplog.kind.lead", "线索", "lead")

	LeadNotFound      = def("lead.notFound", "线索不存在", "Lead not found")
	LeadStatusUnknown = def("lead.statusUnknown", "线索状态「{value}」不正确，可选：新线索、跟进中、无效", "Lead status \"{value}\" is not valid; choose New, Working or Invalid")
	LeadReasonNeeded  = def("lead.reasonNeeded", "标为无效时请填写无效原因", "Give the reason the lead is invalid")
	LeadIsConverted   = def("lead.isConverted", "线索「{name}」已转化，不能再修改状态或再次转化", "Lead \"{name}\" is converted; its status cannot change and it cannot be converted again")
	LeadIsInvalid     = def("lead.isInvalid", "线索「{name}」已标为无效，请先恢复为跟进中再转化", "Lead \"{name}\" is invalid; set it back to Working before converting it")
	LeadNoLeads       = def("lead.noLeads", "请选择线索", "Choose leads")
	LeadTooMany       = def("lead.tooMany", "一次最多操作 {max} 条线索", "At most {max} leads at a time")
	LeadDuplicate     = def("lead.duplicate", "已有客户「{name}」（{by}相同，负责人：{owner}）：请选择关联到该客户，或修改客户名称", "Customer \"{name}\" already exists (same {by}, owner {owner}): link the lead to it, or change the name")
	LeadDupPooled     = def("lead.dupPooled", "已有客户「{name}」在公海「{pool}」中（{by}相同）：请先领用再关联", "Customer \"{name}\" is in pool \"{pool}\" (same {by}): claim it before linking to it")
	LeadLinkPooled    = def("lead.linkPooled", "客户「{name}」不在任何人名下（公海或作废），不能关联", "Customer \"{name}\" has no owner (in a pool or voided) and cannot be linked")
	LeadPeriodBy      = def("lead.periodBy", "分组方式「{value}」不正确，可选：source、owner", "Grouping \"{value}\" is not valid; choose source or owner")
)
