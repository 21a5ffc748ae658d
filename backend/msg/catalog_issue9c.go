package msg

// Issue 9c: a document dated before the one it follows is asked about.
var (
	ReceiptBeforeSigned = def("order.receiptBeforeSigned", "回款日期 {date} 早于订单 {number} 的签约日期 {signed}，确定要保存吗？", "The receipt date {date} is before the signing date {signed} of order {number}. Save it anyway?")
	SignedBeforeQuote   = def("order.signedBeforeQuote", "签约日期 {date} 早于报价单 {number} 的报价日期 {quoteDate}，确定要保存吗？", "The signing date {date} is before the date {quoteDate} of quote {number}. Save it anyway?")
)
