package msg

// The catalog: every key once, Chinese then English. Placeholders are
// {name}; both texts must name the same ones (the test checks).

// Field labels, named once for every form, check and import that shows them.
var (
	LabelFrom        = def("common.from", "开始日期", "From date")
	LabelTo          = def("common.to", "结束日期", "To date")
	LabelNotes       = def("common.notes", "备注", "Notes")
	LabelStatus      = def("common.status", "状态", "Status")
	LabelTitle       = def("common.title", "主题", "Title")
	LabelDescription = def("common.description", "描述", "Description")
	LabelPhone       = def("common.phone", "电话", "Phone")
	LabelEmail       = def("common.email", "邮箱", "Email")
	LabelAddress     = def("common.address", "地址", "Address")
	LabelSource      = def("common.source", "客户来源", "Source")
	LabelAmount      = def("common.amount", "金额", "Amount")

	LabelOwnerName    = def("owner.name", "姓名", "Name")
	LabelOwner        = def("opportunity.owner", "负责人", "Owner")
	LabelDefaultOwner = def("import.defaultOwner", "默认负责人", "Default owner")

	LabelStageName        = def("stage.name", "阶段名称", "Stage name")
	LabelStageProbability = def("stage.probability", "默认可能性", "Default probability")

	LabelOpportunityName     = def("opportunity.name", "销售机会名称", "Opportunity name")
	LabelOpportunityCustomer = def("opportunity.customer", "客户名称", "Customer")
	LabelType                = def("opportunity.type", "类型", "Type")
	LabelCampaign            = def("opportunity.campaign", "营销活动", "Campaign")
	LabelExpectedClose       = def("opportunity.expectedClose", "预计完成日期", "Expected close date")
	LabelNextStep            = def("opportunity.nextStep", "下一步", "Next step")
	LabelStage               = def("opportunity.stage", "销售阶段", "Stage")
	LabelProbability         = def("opportunity.probability", "可能性", "Probability")
	LabelProbabilityPct      = def("opportunity.probabilityPct", "可能性(%)", "Probability (%)")
	LabelLostReason          = def("opportunity.lostReason", "丢单原因", "Lost reason")
	LabelCompetitor          = def("opportunity.competitor", "竞争对手", "Competitor")
	LabelViewName            = def("opportunity.viewName", "视图名称", "View name")

	LabelCustomerName    = def("customer.name", "客户名称", "Customer name")
	LabelClassification  = def("customer.classification", "客户分类", "Classification")
	LabelIndustry        = def("customer.industry", "行业", "Industry")
	LabelCreditLimit     = def("customer.creditLimit", "信用额度", "Credit limit")
	LabelContactName     = def("contact.name", "联系人姓名", "Contact name")
	LabelContactTitle    = def("contact.title", "职务", "Title")
	LabelFollowUpDate    = def("followUp.date", "跟进日期", "Date")
	LabelFollowUpMethod  = def("followUp.method", "跟进方式", "Method")
	LabelFollowUpContent = def("followUp.content", "跟进内容", "Content")
	LabelFollowUpNext    = def("followUp.nextDate", "下次跟进日期", "Next follow-up")

	LabelGroupBy = def("report.groupBy", "分组", "Group by")

	LabelSignedDate        = def("order.signedDate", "签约日期", "Signing date")
	LabelVoidReason        = def("order.voidReason", "作废原因", "Reason")
	LabelInvoiceNumber     = def("invoice.number", "发票号码", "Invoice number")
	LabelInvoiceDate       = def("invoice.date", "开票日期", "Invoice date")
	LabelInvoiceAmount     = def("invoice.amount", "开票金额", "Amount")
	LabelInvoiceKind       = def("invoice.kind", "发票类型", "Invoice type")
	LabelReturnDate        = def("return.date", "退货日期", "Return date")
	LabelReturnReason      = def("return.reason", "退货原因", "Reason")
	LabelInstallmentDue    = def("installment.dueDate", "计划回款日期", "Due date")
	LabelInstallmentAmount = def("installment.amount", "计划回款金额", "Amount")
	LabelReceiptDate       = def("receipt.date", "回款日期", "Date")
	LabelReceiptAmount     = def("receipt.amount", "回款金额", "Amount")
	LabelReceiptMethod     = def("receipt.method", "回款方式", "Method")

	LabelProductCode   = def("product.code", "产品编码", "Product code")
	LabelProductName   = def("product.name", "产品名称", "Product name")
	LabelUnit          = def("product.unit", "单位", "Unit")
	LabelStandardPrice = def("product.price", "标准价格", "Standard price")
	LabelCategoryName  = def("category.name", "分类名称", "Category name")
	LabelPriceListName = def("priceList.name", "价格表名称", "Price list name")
	LabelPrice         = def("priceList.price", "价格", "Price")
	LabelUnitPrice     = def("line.unitPrice", "单价", "Unit price")
	LabelDiscount      = def("line.discount", "折扣", "Discount")

	LabelQuoteDate  = def("quote.date", "报价日期", "Quote date")
	LabelValidUntil = def("quote.validUntil", "有效期至", "Valid until")
	LabelTerms      = def("quote.terms", "条款", "Terms")

	LabelCompanyName = def("company.name", "公司名称", "Company name")
	LabelFax         = def("company.fax", "传真", "Fax")
	LabelTaxID       = def("company.taxId", "纳税人识别号", "Tax ID")
	LabelBankName    = def("company.bankName", "开户银行", "Bank")
	LabelBankAccount = def("company.bankAccount", "银行账号", "Bank account")
)

// Errors of any service.
var (
	Internal = def("internal", "内部错误：{error}", "Internal error: {error}")
)

// The field checks of backend/validate; {label} is a label above.
var (
	Required     = def("validate.required", "{label}不能为空", "{label} is required")
	TooLong      = def("validate.tooLong", "{label}太长（最多 {max} 个字）", "{label} is too long (at most {max} characters)")
	BadDate      = def("validate.date", "{label}「{value}」不是有效日期（格式 YYYY-MM-DD）", "{label} \"{value}\" is not a valid date (YYYY-MM-DD)")
	Negative     = def("validate.negative", "{label}不能为负数：{value}", "{label} must not be negative: {value}")
	TwoDecimals  = def("validate.twoDecimals", "{label}最多两位小数：{value}", "{label} has more than 2 decimals: {value}")
	OutOfRange   = def("validate.outOfRange", "{label}超出范围：{value}", "{label} is out of range: {value}")
	BadAmount    = def("validate.amount", "{label}「{value}」不是有效金额", "{label} \"{value}\" is not a valid amount")
	PercentRange = def("validate.percentRange", "{label}必须在 0 到 100 之间：{value}", "{label} must be between 0 and 100: {value}")
	BadPercent   = def("validate.percent", "{label}「{value}」不是有效百分比", "{label} \"{value}\" is not a valid percentage")
	NotOneOf     = def("validate.oneOf", "{label}「{value}」不是可选值（{allowed}）", "{label} \"{value}\" is not one of {allowed}")
)

// Owners (负责人).
var (
	OwnerDuplicate  = def("owner.duplicate", "已有同名负责人「{name}」", "A salesperson named \"{name}\" already exists")
	OwnerInUse      = def("owner.inUse", "该负责人名下还有客户、销售机会、产品、报价单或订单，不能删除，可改为停用", "This salesperson still holds customers, opportunities, products, quotes or orders; deactivate instead of deleting")
	OwnerUnknown    = def("owner.unknown", "负责人不存在", "Unknown salesperson")
	OwnerRequired   = def("owner.required", "负责人不能为空", "Salesperson is required")
	OwnerInactive   = def("owner.inactive", "负责人「{name}」已停用", "Salesperson \"{name}\" is inactive")
	OwnerNoSuchName = def("owner.noSuchName", "没有名为「{name}」的负责人", "No salesperson named \"{name}\"")
)

// Stages (销售阶段).
var (
	StageDuplicate       = def("stage.duplicate", "已有同名阶段「{name}」", "A stage named \"{name}\" already exists")
	StageProbRequired    = def("stage.probabilityRequired", "默认可能性不能为空", "Default probability is required")
	StageWonProbability  = def("stage.wonProbability", "成功阶段的可能性固定为 100%", "The won stage is always 100%")
	StageLostProbability = def("stage.lostProbability", "失败阶段的可能性固定为 0%", "The lost stage is always 0%")
	StageOrderUnknown    = def("stage.orderUnknown", "阶段顺序无效：未知或重复的阶段", "Invalid stage order: unknown or repeated stage")
	StageOrderIncomplete = def("stage.orderIncomplete", "阶段顺序必须包含所有阶段", "The stage order must list every stage")
	StageClosedRetire    = def("stage.closedRetire", "成功和失败阶段不能停用", "The won and lost stages cannot be retired")
	StageClosedDelete    = def("stage.closedDelete", "成功和失败阶段不能删除", "The won and lost stages cannot be deleted")
	StageInUse           = def("stage.inUse", "阶段「{name}」已被销售机会使用，不能删除，可以停用", "Stage \"{name}\" is in use by opportunities; retire it instead")
	StageUnknown         = def("stage.unknown", "销售阶段不存在", "Unknown stage")
	StageRetired         = def("stage.retired", "销售阶段「{name}」已停用", "Stage \"{name}\" is retired")
)

// Lists, filters and charts of any screen.
var (
	SortUnknown    = def("list.sortUnknown", "不能按「{sort}」排序", "Cannot sort by \"{sort}\"")
	EndBeforeStart = def("filter.endBeforeStart", "结束日期不能早于开始日期", "The end date is before the start date")
	ChartSize      = def("chart.size", "尺寸只能是 screen 或 print", "Size must be screen or print")
	FunnelMeasure  = def("funnel.measure", "漏斗宽度只能按数量或金额", "Widths follow count or amount")
)

// Reports (报表).
var (
	MonthInvalid    = def("report.month", "月份「{value}」无效（格式 YYYY-MM）", "Month \"{value}\" is not valid (YYYY-MM)")
	MonthsReversed  = def("report.monthsReversed", "开始月份不能晚于结束月份", "The first month cannot be after the last")
	PeriodTooLong   = def("report.periodTooLong", "期间最长 {max} 个月", "The period is at most {max} months")
	SalesGroupBy    = def("report.salesGroupBy", "只能按产品或产品分类汇总", "Group by product or category")
	SalesMeasure    = def("report.salesMeasure", "只能按金额或数量绘图", "Chart the amount or the quantity")
	CategoryUnknown = def("category.unknown", "产品分类不存在", "Unknown category")
)

// Settings, the example data and the desktop shell.
var (
	LanguageUnsupported = def("settings.language", "不支持的语言：{value}", "Unsupported language: {value}")
	DemoNotEmpty        = def("demo.notEmpty", "数据库中已有数据，示例数据只能载入到空数据库", "The database already holds data; the example loads only into an empty one")
	DemoNeedsStage      = def("demo.needsStage", "示例数据需要阶段「{name}」", "The example needs the stage \"{name}\"")
	FileContentInvalid  = def("desktop.content", "文件内容无效", "Invalid file content")
	NoSaveDialog        = def("desktop.noSaveDialog", "无法打开保存对话框", "No save dialog available")
	CannotWrite         = def("desktop.cannotWrite", "无法写入文件：{error}", "Cannot write the file: {error}")
	FilePatternInvalid  = def("desktop.pattern", "文件类型「{value}」无效（应为 *.csv 这样的形式）", "Invalid file pattern \"{value}\" (expected something like *.csv)")
)

// Customers, contacts and follow-ups (客户).
var (
	CustomerDuplicate  = def("customer.duplicate", "已有同名客户「{name}」（负责人：{owner}），确认仍要保存吗？", "A customer named \"{name}\" already exists (owner: {owner}). Save anyway?")
	CustomerHasOpps    = def("customer.hasOpportunities", "客户「{name}」还有销售机会，不能删除", "Customer \"{name}\" still has opportunities and cannot be deleted")
	CustomerHasDocs    = def("customer.hasDocuments", "客户「{name}」还有报价单或订单，不能删除", "Customer \"{name}\" still has quotes or orders and cannot be deleted")
	EmailInvalid       = def("contact.emailInvalid", "邮箱「{value}」格式不正确", "Email \"{value}\" is not valid")
	ContactNotFound    = def("contact.notFound", "联系人不存在", "Contact not found")
	FollowUpNextBefore = def("followUp.nextBefore", "下次跟进日期不能早于跟进日期", "The next follow-up cannot be before this one")
	FollowUpNotFound   = def("followUp.notFound", "跟进记录不存在", "Follow-up not found")
	CustomerNotFound   = def("customer.notFound", "客户不存在", "Customer not found")
	CustomerUnknown    = def("customer.unknown", "客户不存在", "Unknown customer")
)

// Opportunities and their views (销售机会).
var (
	ViewUnknown         = def("opportunity.viewUnknown", "未知视图「{name}」", "Unknown view \"{name}\"")
	SelectOpportunities = def("opportunity.selectFirst", "请先选择销售机会", "Select opportunities first")
	OpportunityNotFound = def("opportunity.notFound", "销售机会不存在", "Opportunity not found")
	ViewBuiltIn         = def("opportunity.viewBuiltIn", "「{name}」是内置视图的名称", "\"{name}\" is a built-in view")
	ViewNotFound        = def("opportunity.viewNotFound", "视图不存在", "View not found")
)

// Products, categories, price lists and document lines (产品).
var (
	LineError           = def("line.error", "第 {line} 行：{message}", "Line {line}: {message}")
	TooManyLines        = def("line.tooMany", "最多 {max} 行", "At most {max} lines")
	ChooseProduct       = def("line.chooseProduct", "请选择产品", "Choose a product")
	ProductUnknown      = def("product.unknown", "产品不存在", "Unknown product")
	ProductRetired      = def("product.retired", "产品「{name}」已停用", "Product \"{name}\" is retired")
	LineAmountRange     = def("line.amountRange", "金额超出范围", "The amount is out of range")
	QtyRequired         = def("line.qtyRequired", "数量不能为空", "Quantity is required")
	QtyDecimals         = def("line.qtyDecimals", "数量最多三位小数：{value}", "Quantity has more than 3 decimals: {value}")
	QtyRange            = def("line.qtyRange", "数量必须大于 0 且不超过 10 亿：{value}", "Quantity must be above 0 and at most one billion: {value}")
	QtyInvalid          = def("line.qtyInvalid", "「{value}」不是有效数量", "\"{value}\" is not a valid quantity")
	PriceListNotFound   = def("priceList.notFound", "价格表不存在", "Price list not found")
	PriceListDuplicate  = def("priceList.duplicate", "已有同名价格表「{name}」", "A price list named \"{name}\" already exists")
	PriceListInUse      = def("priceList.inUse", "价格表「{name}」还分配给了客户，不能删除", "Price list \"{name}\" is still given to customers and cannot be deleted")
	ProductNotFound     = def("product.notFound", "产品不存在", "Product not found")
	ProductCodeTaken    = def("product.codeTaken", "产品编码「{code}」已被「{name}」使用", "Product code \"{code}\" is already used by \"{name}\"")
	SelectProducts      = def("product.selectFirst", "请先选择产品", "Select products first")
	ProductInUse        = def("product.inUse", "产品「{name}」已用于销售机会、报价单或订单，不能删除，可改为停用", "Product \"{name}\" is used on opportunities, quotes or orders; retire it instead of deleting")
	CategoryNotFound    = def("category.notFound", "产品分类不存在", "Category not found")
	ParentUnknown       = def("category.parentUnknown", "上级分类不存在", "Unknown parent category")
	CategoryCycle       = def("category.cycle", "不能把分类移到它自己或它的下级分类之下", "A category cannot move under itself or its own sub-category")
	CategoryDuplicate   = def("category.duplicate", "同一级下已有分类「{name}」", "A category named \"{name}\" already exists at this level")
	CategoryHasChildren = def("category.hasChildren", "分类「{name}」下还有子分类，不能删除", "Category \"{name}\" still has sub-categories and cannot be deleted")
	CategoryHasProducts = def("category.hasProducts", "分类「{name}」下还有产品，不能删除", "Category \"{name}\" still holds products and cannot be deleted")
)

// Quotes (报价单).
var (
	StatusQuoteOpen        = def("quote.status.open", "开立", "Open")
	StatusQuoteApproved    = def("quote.status.approved", "已审核", "Approved")
	StatusQuoteClosed      = def("quote.status.closed", "关闭", "Closed")
	OpportunityUnknown     = def("opportunity.unknown", "销售机会不存在", "Unknown opportunity")
	OpportunityClosed      = def("opportunity.closed", "销售机会「{name}」已关闭（{stage}），不能再继续后续业务", "Opportunity \"{name}\" is closed ({stage}); no further quotes or orders can be made from it")
	NotOpportunityCustomer = def("quote.notOpportunityCustomer", "客户必须是销售机会的客户「{name}」", "The customer must be the opportunity's customer \"{name}\"")
	QuoteNotFound          = def("quote.notFound", "报价单不存在", "Quote not found")
	ValidUntilBeforeDate   = def("quote.validUntilBefore", "有效期不能早于报价日期", "Valid until cannot be before the quote date")
	LinesRequired          = def("lines.required", "至少需要一行产品", "At least one product line is required")
	QuoteStatusRefuses     = def("quote.statusRefuses", "报价单 {number} 当前状态为「{status}」，{action}", "Quote {number} is {status}: {action}")
	QuoteNoEdit            = def("quote.noEdit", "不能修改", "it cannot be edited")
	QuoteNoApprove         = def("quote.noApprove", "不能审核", "only an open quote can be approved")
	QuoteNoUnapprove       = def("quote.noUnapprove", "不能弃审", "only an approved quote can be unapproved")
	QuoteNoClose           = def("quote.noClose", "不能再次关闭", "it is already closed")
	QuoteNoDelete          = def("quote.noDelete", "不能删除", "only an open quote can be deleted")
	QuoteHasOrderUnapprove = def("quote.hasOrderUnapprove", "报价单 {number} 已生成订单，不能弃审", "Quote {number} has an order and cannot be unapproved")
	QuoteHadOrders         = def("quote.hadOrders", "报价单 {number} 已生成过订单，不能删除", "Quote {number} has had orders and cannot be deleted")
	QuoteUnknown           = def("quote.unknown", "报价单不存在", "Unknown quote")
	QuoteNotApproved       = def("quote.notApproved", "报价单 {number} 当前状态为「{status}」，只有已审核的报价单才能生成订单", "Quote {number} is {status}; only an approved quote can become an order")
	QuoteHasOrder          = def("quote.hasOrder", "报价单 {number} 已生成订单", "Quote {number} already has an order")
)
