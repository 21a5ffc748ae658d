package msg

// Messages of the global search (issue 9, second part).
var (
	SearchTooLong = def("search.tooLong", "搜索内容不能超过 {max} 个字符", "The search may not be longer than {max} characters")
)
