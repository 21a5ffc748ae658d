package msg

// The recycle bin (回收站) and the operation log (操作日志).
var (
	KindCustomer    = def("recycle.kind.customer", "客户", "customer")
	KindContact     = def("recycle.kind.contact", "联系人", "contact")
	KindOpportunity = def("recycle.kind.opportunity", "销售机会", "opportunity")
	KindProduct     = def("recycle.kind.product", "产品", "product")
	KindQuote       = def("recycle.kind.quote", "报价单", "quote")
	KindOrder       = def("recycle.kind.order", "合同订单", "order")
	KindPriceList   = def("recycle.kind.priceList", "价格表", "price list")
	KindCategory    = def("recycle.kind.category", "产品分类", "product category")

	RecycleNotFound   = def("recycle.notFound", "回收站里没有这一项（可能已恢复或已彻底删除）", "This item is no longer in the recycle bin (restored or deleted for good)")
	RecycleSelect     = def("recycle.select", "请选择回收站中的项目", "Select items in the recycle bin")
	RecycleParentBin  = def("recycle.parentInBin", "{kind}「{name}」所属的{parent}「{parentName}」在回收站里：请先恢复{parent}「{parentName}」，再恢复它", "The {parent} \"{parentName}\" of {kind} \"{name}\" is in the recycle bin: restore the {parent} \"{parentName}\" first, then this one")
	RecycleParentGone = def("recycle.parentGone", "{kind}「{name}」所属的{parent}（编号 {id}）已不存在，无法恢复", "The {parent} (id {id}) of {kind} \"{name}\" no longer exists; it cannot be restored")
	RecycleNameTaken  = def("recycle.nameTaken", "已有另一个{kind}名为「{name}」，恢复后会重名：请先修改那个{kind}的名称", "Another {kind} is named \"{name}\" now; rename that {kind} before restoring this one")
	RecycleUniqueUsed = def("recycle.uniqueTaken", "{kind}「{name}」的{field}「{value}」已被另一条记录使用，无法恢复：请先修改那条记录", "The {field} \"{value}\" of {kind} \"{name}\" is used by another record now; change that record before restoring this one")
	RecycleDaysRange  = def("recycle.daysRange", "回收站保留天数须为 1 到 3650 之间的整数", "Days kept in the recycle bin must be a whole number from 1 to 3650")
	LabelDocNumber    = def("recycle.docNumber", "单号", "number")

	OrderHasMoney = def("order.hasMoney", "订单 {number} 已有回款、开票或退货，不能删除，可以作废", "Order {number} has receipts, invoices or returns; void it instead of deleting")
)
