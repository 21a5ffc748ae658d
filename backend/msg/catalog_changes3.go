package msg

// The pipeline changes report's page of listed opportunities (changes3).
var (
	ChangesItems = def("changes.items", "每类列出的销售机会数须为 0（全部）或正整数", "items must be 0 (all) or a positive whole number of opportunities per kind")
)
