package importer

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"funneldesk/backend/msg"
	"funneldesk/backend/store"
)

// Field keys: what a column of the file may be mapped to.
const (
	FieldName          = "name"
	FieldCustomer      = "customer"
	FieldSource        = "source"
	FieldOwner         = "owner"
	FieldAmount        = "amount"
	FieldExpectedClose = "expected_close_date"
	FieldStage         = "stage"
	FieldProbability   = "probability"
	FieldType          = "type"
	FieldCampaign      = "campaign"
	FieldNextStep      = "next_step"
	FieldDescription   = "description"
	FieldLostReason    = "lost_reason"
	FieldCompetitor    = "competitor"

	// Fields other CRMs' exports have that are not opportunity columns but
	// decide how a row is imported.
	FieldExternalID = "external_id"
	FieldCreated    = "created_date"
	FieldClosedDate = "closed_date"
	FieldStatus     = "status"
	FieldActive     = "active"
	FieldIsWon      = "is_won"
	FieldIsLost     = "is_lost"
	FieldIsClosed   = "is_closed"
	FieldWeighted   = "weighted_amount"
	FieldCurrency   = "currency"
)

// Field is one thing an imported opportunity has, as the mapping screen
// lists it.
type Field struct {
	Key      string `json:"key"`
	Label    string `json:"label"`
	LabelEn  string `json:"labelEn"`
	Required bool   `json:"required"`
	// label names the field in the catalog; Label and LabelEn render it.
	label msg.Key
	// maxLen bounds text fields (0: not text), as the opportunity form does.
	maxLen int
	// aliases are the headers, besides Label and Key, that map here.
	aliases []string
	// set stores a plain text field's value in the opportunity (nil for
	// fields the row check reads itself): a new text field is one entry
	// here, with no change to the row check.
	set func(o *store.Opportunity, v string)
}

// Fields lists every field in the order of our own export, required first
// among equals. The aliases cover the column names of Excel templates and of
// other CRMs' exports; units that do not change the value ("(元)", "(%)")
// are stripped before matching, so they need no alias of their own.
var Fields = labelled([]Field{
	{Key: FieldName, label: msg.LabelOpportunityName, Required: true, maxLen: 100, aliases: []string{
		"销售机会", "名称", "机会名称", "商机名称", "商机", "机会", "项目名称", "opportunity", "opportunity name", "opportunity title",
		"deal", "deal name"}},
	{Key: FieldCustomer, label: msg.LabelOpportunityCustomer, Required: true, maxLen: 100, aliases: []string{
		"客户", "客户名", "客户全称", "所属客户", "公司名称", "公司", "企业名称", "单位名称", "customer", "customer name", "account",
		"account name", "company", "company name", "associated company"}},
	{Key: FieldType, label: msg.LabelType, aliases: []string{
		"机会类型", "商机类型", "业务类型", "销售机会类型", "opportunity type", "deal type"}},
	{Key: FieldSource, label: msg.LabelSource, maxLen: 50, set: func(o *store.Opportunity, v string) { o.Source = v },
		aliases: []string{
			"来源", "商机来源", "机会来源", "线索来源", "source", "lead source", "customer source"}},
	{Key: FieldOwner, label: msg.LabelOwner, maxLen: 50, aliases: []string{
		"销售负责人", "商机负责人", "机会负责人", "销售机会负责人", "商机所有者", "所有者", "拥有者", "销售人员", "销售员", "业务员", "销售", "owner",
		"owner name", "opportunity owner", "deal owner", "salesperson", "sales rep", "assigned to"}},
	{Key: FieldCampaign, label: msg.LabelCampaign, maxLen: 100, set: func(o *store.Opportunity, v string) { o.Campaign = v },
		aliases: []string{
			"市场活动", "活动", "活动名称", "campaign", "campaign name", "campaign source"}},
	{Key: FieldAmount, label: msg.LabelAmount, aliases: []string{
		"销售金额", "机会金额", "商机金额", "预计金额", "预计销售金额", "预计成交金额", "成交金额", "签单金额", "合同金额", "amount", "deal amount",
		"opportunity amount", "value", "deal value"}},
	{Key: FieldExpectedClose, label: msg.LabelExpectedClose, aliases: []string{
		"预计成交日期", "预计结单日期", "预计签单日期", "预计签约日期", "预计关闭日期", "结单日期", "完成日期", "成交日期",
		"expected close date", "expected close", "expected closing date", "close date", "closing date"}},
	{Key: FieldNextStep, label: msg.LabelNextStep, maxLen: 200, set: func(o *store.Opportunity, v string) { o.NextStep = v },
		aliases: []string{
			"下一步计划", "下一步行动", "下一步工作", "next step", "next steps"}},
	{Key: FieldStage, label: msg.LabelStage, Required: true, aliases: []string{
		"阶段", "商机阶段", "机会阶段", "stage", "sales stage", "deal stage", "opportunity stage"}},
	{Key: FieldProbability, label: msg.LabelProbabilityPct, aliases: []string{
		"可能性", "概率", "成交概率", "赢单概率", "赢单率", "赢率", "成功率", "成交率", "成交可能性", "probability",
		"win probability", "win rate"}},
	{Key: FieldDescription, label: msg.LabelDescription, maxLen: 4000, set: func(o *store.Opportunity, v string) { o.Description = v },
		aliases: []string{
			"备注", "说明", "详细描述", "机会描述", "商机描述", "description", "notes", "note", "remark", "remarks", "comments"}},
	{Key: FieldLostReason, label: msg.LabelLostReason, maxLen: 500, set: func(o *store.Opportunity, v string) { o.LostReason = v },
		aliases: []string{
			"输单原因", "失败原因", "丢失原因", "失去原因", "丢单原因", "lost reason", "loss reason", "reason lost"}},
	{Key: FieldCompetitor, label: msg.LabelCompetitor, maxLen: 100, set: func(o *store.Opportunity, v string) { o.Competitor = v },
		aliases: []string{
			"竞争者", "竞品", "competitor", "competitors"}},
	{Key: FieldExternalID, label: msg.LabelExternalID, maxLen: 100, aliases: []string{
		"外部编号", "外部id", "原系统编号", "商机编号", "商机id", "机会编号", "external id", "externalid", "opportunity id", "deal id",
		"record id"}},
	{Key: FieldCreated, label: msg.LabelCreatedDate, aliases: []string{
		"创建日期", "创建时间", "创建于", "建立日期", "created", "created date", "created at", "created on", "create date", "date created",
		"deal created"}},
	{Key: FieldClosedDate, label: msg.LabelClosedDate, aliases: []string{
		"实际成交日期", "实际结束时间", "实际关闭日期", "赢单日期", "输单日期", "关闭日期", "结束日期", "closed date", "date closed",
		"actual close date", "close time", "won time", "lost time", "closed won date", "won date", "lost date"}},
	{Key: FieldStatus, label: msg.LabelStatus, aliases: []string{
		"状态", "商机状态", "赢输状态", "status", "deal status", "opportunity status"}},
	{Key: FieldActive, label: msg.LabelActive, aliases: []string{"有效", "active", "已归档", "archived"}},
	{Key: FieldIsWon, label: msg.LabelIsWon, aliases: []string{"是否赢单", "is won", "iswon", "won", "is closed won"}},
	{Key: FieldIsLost, label: msg.LabelIsLost, aliases: []string{"是否输单", "is lost", "islost", "is closed lost"}},
	{Key: FieldIsClosed, label: msg.LabelIsClosed, aliases: []string{"是否关闭", "已关闭", "is closed", "isclosed", "closed"}},
	{Key: FieldWeighted, label: msg.LabelWeighted, aliases: []string{
		"加权金额", "预测金额", "weighted amount", "weighted value", "amount weighted", "amountweighted", "amountweightedconverted",
		"prorated revenue", "按比例分配收入", "forecast amount", "金额加权"}},
	{Key: FieldCurrency, label: msg.LabelCurrency, aliases: []string{
		"币种", "货币", "币别", "currency", "currency code", "currencyisocode", "amount currency", "opportunity currency"}},
})

// labelled fills each field's Label and LabelEn from its catalog label.
func labelled(fs []Field) []Field {
	for i := range fs {
		fs[i].Label, fs[i].LabelEn = msg.Render(msg.Zh, fs[i].label, nil), msg.Render(msg.En, fs[i].label, nil)
	}
	return fs
}

// fieldIndex maps a field key to its position in Fields.
var fieldIndex = func() map[string]int {
	m := make(map[string]int, len(Fields))
	for i, f := range Fields {
		m[f.Key] = i
	}
	return m
}()

// headerAliases maps a normalized header to a field key.
var headerAliases = func() map[string]string {
	m := map[string]string{}
	for _, f := range Fields {
		for _, a := range append([]string{f.Key, f.Label, f.LabelEn}, f.aliases...) {
			m[normHeader(a)] = f.Key
		}
	}
	return m
}()

// unitSuffixes are bracketed units that say how a value is written without
// changing it: 金额(元) is 金额. Units that scale it, such as 万元, are kept,
// so such a column stays unmapped rather than importing wrong amounts.
var unitSuffixes = map[string]bool{
	"元": true, "¥": true, "rmb": true, "cny": true, "人民币": true, "人民币元": true, "yuan": true,
	"单位:元": true, "单位元": true, "%": true, "百分比": true, "yyyy-mm-dd": true, "yyyy/mm/dd": true,
	"usd": true, "$": true, "us$": true, "eur": true, "€": true, "hkd": true, "gbp": true, "£": true,
	"必填": true, "required": true, "选填": true, "optional": true,
}

// normHeader folds a header for matching: full-width forms to half-width
// (（）％ to ()%), lower case, and no spaces, underscores, hyphens, dots or
// the asterisks templates mark required columns with.
func normHeader(s string) string {
	s = norm.NFKC.String(s)
	s = strings.ToLower(s)
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r), r == '_', r == '-', r == '.', r == '*', r == ',', r == '\ufeff', r == '\u200b':
			return -1
		}
		return r
	}, s)
}

// matchHeader returns the field key a header maps to, or "". crm (-1 for
// none) is the system the file was exported from, whose own meaning of a
// header wins over the general aliases.
//
// Columns that only look like the amount or the expected close date are
// never taken for them:
//   - a converted amount (SuiteCRM "Amount" = amount_usdollar, EspoCRM
//     amountConverted, HubSpot "Amount in company currency") is the same
//     amount in another currency: matching is exact, so "amount converted"
//     matches nothing, and SuiteCRM's bare "Amount" is overridden to "";
//   - a weighted amount (EspoCRM Amount Weighted, Salesforce Expected
//     Revenue, Odoo Prorated Revenue, Pipedrive Weighted value) is amount ×
//     probability: it maps to FieldWeighted, which only derives a missing
//     probability;
//   - an actual close date (Odoo "Closed Date"/关闭日期, Cordys 实际结束时间,
//     Pipedrive won/lost time) is when the deal closed: it maps to
//     FieldClosedDate, the date of the won/lost stage change.
func matchHeader(h string, crm int) string {
	if crm >= 0 {
		if k, ok := crmNorm[crm].headers[normHeader(h)]; ok {
			return k
		}
	}
	return matchAliases(h, headerAliases)
}

// matchAliases returns the field key of aliases (normalized header →
// key) a header maps to, once units that do not change the value are
// stripped, or "".
func matchAliases(h string, aliases map[string]string) string {
	n := normHeader(h)
	for n != "" {
		if k, ok := aliases[n]; ok {
			return k
		}
		// Strip one unit: "金额(元)", "金额[元]", "可能性%", "金额/元".
		switch {
		case strings.HasSuffix(n, "%"):
			n = strings.TrimSuffix(n, "%")
			continue
		case strings.HasSuffix(n, ")") || strings.HasSuffix(n, "]"):
			open := strings.LastIndexAny(n, "([")
			if open > 0 && unitSuffixes[n[open+1:len(n)-1]] {
				n = n[:open]
				continue
			}
		}
		if i := strings.LastIndex(n, "/"); i > 0 && unitSuffixes[n[i+1:]] {
			n = n[:i]
			continue
		}
		return ""
	}
	return ""
}

// AutoMapping maps each header to a field key ("" = ignored). A field claimed
// by an earlier column is not given to a later one.
func AutoMapping(headers []string) []string {
	return autoMapping(headers, detectCRM(headers))
}

func autoMapping(headers []string, crm int) []string {
	out := make([]string, len(headers))
	taken := map[string]bool{}
	for i, h := range headers {
		k := matchHeader(h, crm)
		if k == "" || taken[k] {
			continue
		}
		taken[k] = true
		out[i] = k
	}
	return out
}
