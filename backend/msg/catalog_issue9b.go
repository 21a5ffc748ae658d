package msg

// Messages of the example data's removal (issue 9b).
var (
	DemoNoneLoaded       = def("demo.noneLoaded", "数据库中没有示例数据可移除", "This database holds no example data to remove")
	DemoChanged          = def("demo.changed", "示例记录「{name}」在加载后被修改过，未移除任何数据", "The example record \"{name}\" was changed after loading; nothing was removed")
	DemoHasDependants    = def("demo.hasDependants", "示例数据已被 {n} 条{what}引用，未移除任何数据", "{n} {what} refer to the example data; nothing was removed")
	DemoDepContacts      = def("demo.dep.contacts", "联系人", "contact(s)")
	DemoDepFollowups     = def("demo.dep.followups", "跟进记录", "follow-up(s)")
	DemoDepOpportunities = def("demo.dep.opportunities", "其他销售机会", "other opportunity(ies)")
	DemoDepLines         = def("demo.dep.lines", "产品明细", "product line(s)")
	DemoDepQuotes        = def("demo.dep.quotes", "报价单", "quote(s)")
	DemoDepOrders        = def("demo.dep.orders", "订单", "order(s)")
)
