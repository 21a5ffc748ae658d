package importer

import (
	"strings"
)

// A CRM is a system whose own export the importer knows: the headers that
// give it away, the headers it means differently from everyone else, its
// default stages with their probabilities, and how it writes dates.
// Sources: /work/shared/research/crm-export-formats.md (each system's source
// code and documentation); the comments name what rests on less.
type CRM struct {
	Key  string
	Name string
	// signature are normalized headers only this system's export has (or
	// has together); the CRM whose signature the file matches most wins.
	signature []string
	// headers override the general aliases for this system: a header it
	// means differently ("" = never used).
	headers map[string]string
	// stages are its default stages in pipeline order.
	stages []knownStage
	// dateOrder is how it writes ambiguous dates ("" = only ISO seen).
	dateOrder string
}

type knownStage struct {
	names []string // as exported, in each language
	bp    int      // its default probability; -1 = none
	kind  string   // open / won / lost
}

func ks(bp int, kind string, names ...string) knownStage {
	return knownStage{names: names, bp: bp, kind: kind}
}

// crms lists the systems whose exports are recognised. A header in
// headers is written as exported; it is normalized when matched.
var crms = []CRM{
	{Key: "odoo", Name: "Odoo",
		signature: []string{"expected revenue", "预期收益", "expected closing", "预期结束", "salesperson", "销售员", "sales team", "销售团队",
			"probability (%)", "概率(%)", "prorated revenue", "按比例分配收入", "lost reason", "失去原因", "created on"},
		headers: map[string]string{
			// Odoo's expected_revenue is the deal's amount, not a weighted one.
			"expected revenue": FieldAmount, "预期收益": FieldAmount,
			// date_closed is when the deal was won or lost, never the
			// expected close (that is date_deadline, "Expected Closing").
			"closed date": FieldClosedDate, "关闭日期": FieldClosedDate,
			"expected closing": FieldExpectedClose, "预期结束": FieldExpectedClose,
			// "Type" is lead or opportunity, not the kind of business.
			"type": "", "类型": "",
			// Odoo lists "Customer" (partner) and "Company Name"; the
			// partner is the customer, the company name only a lead's text.
			"customer": FieldCustomer, "客户": FieldCustomer,
			// Lost opportunities are archived (active = false) with a reason.
			"active": FieldActive, "有效": FieldActive,
			"created on": FieldCreated, "创建时间": FieldCreated,
			"salesperson": FieldOwner, "销售员": FieldOwner,
		},
		// Current Odoo stages carry no probability (the row's own does);
		// older versions had New 10, Qualified 30, Proposition 70.
		stages: []knownStage{ks(10, "open", "New", "新建"), ks(30, "open", "Qualified", "验证", "已确认"),
			ks(70, "open", "Proposition", "建议"), ks(100, "won", "Won", "赢得")},
	},
	{Key: "suitecrm", Name: "SuiteCRM",
		signature: []string{"opportunity amount", "sales stage", "expected close date", "assigned to", "assigned user", "date created",
			"probability (%)", "next step", "deleted", "campaign_id", "modified by"},
		headers: map[string]string{
			"opportunity amount": FieldAmount,
			// "Amount" is amount_usdollar: the same amount converted to
			// the system currency, a duplicate that may differ.
			"amount": "",
			// "Assigned to" is the user's name, "Assigned User" the user's id.
			"assigned to": FieldOwner, "assigned user": "",
			"id": FieldExternalID, "date created": FieldCreated, "currency": FieldCurrency,
		},
		stages: []knownStage{ks(10, "open", "Prospecting"), ks(20, "open", "Qualification"), ks(25, "open", "Needs Analysis"),
			ks(30, "open", "Value Proposition"), ks(40, "open", "Id. Decision Makers", "Identifying Decision Makers"),
			ks(50, "open", "Perception Analysis"), ks(65, "open", "Proposal/Price Quote"), ks(80, "open", "Negotiation/Review"),
			ks(100, "won", "Closed Won"), ks(0, "lost", "Closed Lost")},
		// SuiteCRM writes dates in the user's format, m/d/Y by default.
		dateOrder: "mdy",
	},
	{Key: "espocrm", Name: "EspoCRM",
		signature: []string{"assignedusername", "amountcurrency", "accountname", "closedate", "leadsource", "amount currency",
			"金额货币", "项目预算", "已指派用户", "probability, %", "概率, %", "amountweightedconverted", "amountconverted", "createdat", "laststage"},
		headers: map[string]string{
			"amount": FieldAmount, "项目预算": FieldAmount,
			// closeDate is the expected close in EspoCRM, whose Chinese
			// label 关闭日期 elsewhere (Odoo) means the actual close.
			"closedate": FieldExpectedClose, "close date": FieldExpectedClose, "关闭日期": FieldExpectedClose,
			"assignedusername": FieldOwner, "assigned user": FieldOwner, "已指派用户": FieldOwner,
			"assigneduserid": "", "accountid": "", "accountname": FieldCustomer, "account": FieldCustomer,
			"id": FieldExternalID, "createdat": FieldCreated, "created at": FieldCreated, "创建于": FieldCreated,
			"amountcurrency": FieldCurrency, "amount currency": FieldCurrency, "金额货币": FieldCurrency,
			// Last Stage is where a lost deal was before it was lost.
			"laststage": "", "last stage": "", "最后阶段": "",
		},
		stages: []knownStage{ks(10, "open", "Prospecting", "预期"), ks(20, "open", "Qualification", "评价"), ks(50, "open", "Proposal", "提案"),
			ks(80, "open", "Negotiation", "协商"), ks(100, "won", "Closed Won", "赢得并结束"), ks(0, "lost", "Closed Lost", "失去并结束")},
	},
	{Key: "wukong", Name: "悟空CRM",
		signature: []string{"商机金额", "商机状态组", "预计成交日期", "相关团队", "所属部门", "最后跟进时间", "商机名称", "商机阶段"},
		headers: map[string]string{
			"商机状态组": "", "创建时间": FieldCreated,
		},
		// The default group 销售流程商机组; 赢单率 is 0-100 without %.
		stages: []knownStage{ks(20, "open", "验证客户"), ks(30, "open", "需求分析"), ks(80, "open", "方案/报价"),
			ks(100, "won", "赢单"), ks(0, "lost", "输单"), ks(0, "lost", "无效")},
	},
	{Key: "cordys", Name: "CordysCRM",
		signature: []string{"结束时间", "实际结束时间", "赢率", "意向产品", "win rate", "end time", "actual end time", "intended products"},
		headers: map[string]string{
			"结束时间": FieldExpectedClose, "end time": FieldExpectedClose,
			"实际结束时间": FieldClosedDate, "actual end time": FieldClosedDate,
		},
		stages: []knownStage{ks(10, "open", "新建"), ks(30, "open", "需求明确"), ks(50, "open", "方案验证"), ks(70, "open", "立项汇报"),
			ks(90, "open", "商务采购"), ks(100, "won", "成功"), ks(0, "lost", "失败")},
	},
	{Key: "pipedrive", Name: "Pipedrive",
		// Every deal column is "Deal - Field"; detectCRM also takes any
		// such header as the signature.
		signature: []string{"deal - title", "deal - value", "deal - stage", "deal - status", "deal - owner", "deal - organization"},
		headers: map[string]string{
			"deal - id": FieldExternalID, "deal - title": FieldName, "deal - value": FieldAmount,
			"deal - organization": FieldCustomer, "organization": FieldCustomer, "deal - stage": FieldStage,
			"deal - owner": FieldOwner, "deal - status": FieldStatus, "deal - probability": FieldProbability,
			"deal - expected close date": FieldExpectedClose, "deal - deal created": FieldCreated,
			"deal - lost reason": FieldLostReason, "deal - currency": FieldCurrency, "deal - currency of value": FieldCurrency,
			"deal - won time": FieldClosedDate, "deal - lost time": FieldClosedDate, "deal - deal closed on": FieldClosedDate,
			"deal - close time": FieldClosedDate, "deal - weighted value": FieldWeighted,
			"deal - source": FieldSource, "deal - source origin": FieldSource,
			// The pipeline names the board, and the label a tag.
			"deal - pipeline": "", "deal - label": "",
		},
		// Pipedrive's default pipeline (2nd-hand); its stages have no
		// probability worth trusting (100 % unless set), so none here.
		stages: []knownStage{ks(-1, "open", "Qualified"), ks(-1, "open", "Contact Made"), ks(-1, "open", "Demo Scheduled"),
			ks(-1, "open", "Proposal Made"), ks(-1, "open", "Negotiations Started")},
	},
	{Key: "salesforce", Name: "Salesforce",
		signature: []string{"opportunity owner", "stagename", "closedate", "accountid", "ownerid", "isclosed", "iswon", "fiscal period",
			"forecast category", "opportunity id", "account name"},
		headers: map[string]string{
			// Salesforce's Expected Revenue is Amount × Probability.
			"expected revenue": FieldWeighted, "expectedrevenue": FieldWeighted,
			"opportunity id": FieldExternalID, "id": FieldExternalID, "stagename": FieldStage, "closedate": FieldExpectedClose,
			"created date": FieldCreated, "createddate": FieldCreated, "ownerid": "", "accountid": "",
			"closed": FieldIsClosed, "isclosed": FieldIsClosed, "won": FieldIsWon, "iswon": FieldIsWon,
			"opportunity currency": FieldCurrency, "currencyisocode": FieldCurrency, "amount currency": FieldCurrency,
		},
		// The standard picklist; its default probabilities are Salesforce's
		// well-known defaults (not confirmed in the research; reports
		// carry Probability (%) per row, which wins).
		stages: []knownStage{ks(10, "open", "Prospecting"), ks(10, "open", "Qualification"), ks(20, "open", "Needs Analysis"),
			ks(50, "open", "Value Proposition"), ks(60, "open", "Id. Decision Makers"), ks(70, "open", "Perception Analysis"),
			ks(75, "open", "Proposal/Price Quote"), ks(90, "open", "Negotiation/Review"), ks(100, "won", "Closed Won"), ks(0, "lost", "Closed Lost")},
		// US locale reports write m/d/Y.
		dateOrder: "mdy",
	},
	{Key: "hubspot", Name: "HubSpot",
		signature: []string{"deal name", "deal stage", "deal owner", "pipeline", "create date", "record id", "deal type",
			"is closed won", "is closed lost", "closed lost reason", "associated company"},
		headers: map[string]string{
			"record id": FieldExternalID, "deal name": FieldName, "create date": FieldCreated, "pipeline": "",
			"is closed won": FieldIsWon, "is closed lost": FieldIsLost, "closed lost reason": FieldLostReason,
			"close date": FieldExpectedClose, "deal probability": FieldProbability,
			"closed won date": FieldClosedDate, "deal owner": FieldOwner,
		},
		// HubSpot's default sales pipeline (2nd-hand).
		stages: []knownStage{ks(20, "open", "Appointment Scheduled", "appointmentscheduled"), ks(40, "open", "Qualified To Buy", "qualifiedtobuy"),
			ks(60, "open", "Presentation Scheduled", "presentationscheduled"), ks(80, "open", "Decision Maker Bought-In", "decisionmakerboughtin"),
			ks(90, "open", "Contract Sent", "contractsent"), ks(100, "won", "Closed Won", "closedwon"), ks(0, "lost", "Closed Lost", "closedlost")},
	},
}

// crmHeaders holds each CRM's overrides and signature, normalized.
var crmNorm = func() []struct {
	sig     map[string]bool
	headers map[string]string
} {
	out := make([]struct {
		sig     map[string]bool
		headers map[string]string
	}, len(crms))
	for i, c := range crms {
		out[i].sig = map[string]bool{}
		for _, s := range c.signature {
			out[i].sig[normHeader(s)] = true
		}
		out[i].headers = map[string]string{}
		for h, k := range c.headers {
			out[i].headers[normHeader(h)] = k
		}
	}
	return out
}()

// detectCRM names the system whose export the headers look like: the one
// with the most signature headers present, at least two (Pipedrive: one
// "Deal - …" header is enough). -1 if none.
func detectCRM(headers []string) int {
	best, bestN := -1, 1
	for i := range crms {
		n := 0
		for _, h := range headers {
			nh := normHeader(h)
			if crmNorm[i].sig[nh] {
				n++
			}
			if crms[i].Key == "pipedrive" && strings.HasPrefix(strings.ToLower(strings.TrimSpace(h)), "deal - ") {
				n += 2
			}
		}
		if n > bestN {
			best, bestN = i, n
		}
	}
	return best
}

// CRMName is the display name of a detected CRM key ("" if none).
func CRMName(key string) string {
	for _, c := range crms {
		if c.Key == key {
			return c.Name
		}
	}
	return ""
}

// knownStageOf finds a stage value among a CRM's defaults: its position in
// the pipeline and its definition.
func knownStageOf(crm int, value string) (int, knownStage, bool) {
	if crm < 0 {
		return 0, knownStage{}, false
	}
	n := normStage(value)
	for i, s := range crms[crm].stages {
		for _, name := range s.names {
			if normStage(name) == n {
				return i, s, true
			}
		}
	}
	return 0, knownStage{}, false
}

// normStage folds a stage name for matching: case, width, spaces and
// punctuation do not matter ("Closed-Won", "closed won", "closedwon").
func normStage(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '/', '(', ')', '（', '）', ':', '：', '·':
			return -1
		}
		return r
	}, normHeader(s))
}

// Won and lost stage names of the systems above and of spreadsheets; a
// stage named so closes the deal whatever the file's pipeline is.
var wonNames, lostNames = normSet("Closed Won", "Won", "Win", "Closed - Won", "赢得", "赢单", "成功", "已成交", "成交", "赢得并结束",
	"谈成结束", "已赢单", "签约成功", "已签约", "closedwon"),
	normSet("Closed Lost", "Lost", "Lose", "Closed - Lost", "输单", "失败", "无效", "丢单", "失去并结束", "未成结束", "已输单",
		"已丢单", "已失败", "closedlost", "Dead", "Cancelled", "已取消", "作废")

func normSet(names ...string) map[string]bool {
	m := map[string]bool{}
	for _, n := range names {
		m[normStage(n)] = true
	}
	return m
}

// closedKind says whether a stage name means won or lost ("" = open).
func closedKind(name string) string {
	n := normStage(name)
	switch {
	case wonNames[n]:
		return "won"
	case lostNames[n]:
		return "lost"
	}
	return ""
}

// stageSynonyms maps other systems' stage names onto the names of our
// default stages by meaning (a stage that means the same work); a stage
// that matches none is mapped by probability or created.
var stageSynonyms = func() map[string]string {
	m := map[string]string{}
	add := func(ours string, names ...string) {
		for _, n := range names {
			m[normStage(n)] = ours
		}
	}
	add("初期沟通", "Prospecting", "New", "新建", "预期", "Appointment Scheduled", "Lead", "Contact Made", "初步接洽", "初步沟通", "线索", "潜在")
	add("立项评估", "Qualification", "Qualified", "验证", "已确认", "评价", "Qualified To Buy", "验证客户", "立项", "立项汇报")
	add("需求分析", "Needs Analysis", "需求分析", "需求明确", "需求确认", "Perception Analysis", "Id. Decision Makers", "Identifying Decision Makers",
		"Decision Maker Bought-In")
	add("方案制定", "Proposal", "Proposition", "建议", "提案", "Proposal/Price Quote", "Value Proposition", "方案/报价", "方案报价", "报价",
		"Presentation Scheduled", "Demo Scheduled", "Proposal Made", "方案验证", "方案")
	add("招投标/竞争", "招投标", "投标", "竞标", "Bidding", "Tender")
	add("商务谈判", "Negotiation", "Negotiation/Review", "协商", "Negotiations Started", "商务采购", "合同谈判", "Contract Sent", "谈判")
	return m
}()

// typeSynonyms maps other systems' opportunity types onto ours.
var typeSynonyms = map[string]string{
	"newbusiness": "新业务", "new": "新业务", "新客户": "新业务", "新业务": "新业务", "新签": "新业务",
	"existingbusiness": "老客户续购", "existing": "老客户续购", "renewal": "老客户续购", "续约": "老客户续购", "续购": "老客户续购",
	"老客户": "老客户续购", "老客户续购": "老客户续购", "增购": "老客户续购", "upsell": "老客户续购",
}
