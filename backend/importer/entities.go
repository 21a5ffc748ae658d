package importer

import (
	"strings"

	"golang.org/x/text/unicode/norm"

	"funneldesk/backend/apperr"
	"funneldesk/backend/customer"
	"funneldesk/backend/dupe"
	"funneldesk/backend/msg"
	"funneldesk/backend/store"
	"funneldesk/backend/validate"
)

// Kinds of import: what the rows of a file are.
const (
	KindOpportunities = "opportunities"
	KindCustomers     = "customers"
	KindContacts      = "contacts"
	KindProducts      = "products"
)

// Kinds lists the kinds of import, for the CLI's help and the screen.
var Kinds = []string{KindOpportunities, KindCustomers, KindContacts, KindProducts, KindLeads}

// Field keys of customer, contact and product files. A customer file may
// carry one contact per row (客户名称 + 联系人 + 手机); a contact file names
// its contacts' customer.
const (
	EFCustomer       = "customer"
	EFPhone          = "phone"
	EFAddress        = "address"
	EFIndustry       = "industry"
	EFSource         = "source"
	EFClassification = "classification"
	EFLevel          = "level"
	EFOwner          = "owner"
	EFNotes          = "notes"
	EFContactName    = "contact_name"
	EFContactFirst   = "contact_first_name"
	EFContactLast    = "contact_last_name"
	EFContactTitle   = "contact_title"
	EFContactMobile  = "contact_mobile"
	EFContactPhone   = "contact_phone"
	EFContactEmail   = "contact_email"
	EFCode           = "code"
	EFProductName    = "product_name"
	EFCategory       = "category"
	EFUnit           = "unit"
	EFPrice          = "price"
	EFDescription    = "description"
	EFActive         = "active"
)

// Aliases shared by the kinds: the same column means the same thing in a
// customer file and a contact file. They cover Excel templates and the
// exports of Wukong (悟空), Odoo, EspoCRM, SuiteCRM, Salesforce, HubSpot
// and Pipedrive (whose "Organization - Name" folds to "organizationname").
var (
	customerNameAliases = []string{"客户", "客户名", "客户名称", "客户全称", "所属客户", "公司", "公司名称", "企业名称", "单位名称", "单位",
		"customer", "customer name", "account", "account name", "accountname", "company", "company name", "organization",
		"organization name", "organisation", "person organization", "parent company", "related company", "associated company"}
	ownerAliases = []string{"负责人", "客户负责人", "所属销售", "销售负责人", "销售员", "销售人员", "业务员", "所有者", "拥有者", "跟进人",
		"owner", "owner name", "account owner", "company owner", "contact owner", "organization owner", "product owner",
		"assigned to", "assigned user", "assigned user name", "assignedusername", "salesperson", "sales rep"}
	contactNameAliases = []string{"联系人", "联系人姓名", "联系人名称", "主联系人", "首要联系人", "contact", "contact name",
		"contact person", "primary contact", "person name"}
	titleAliases  = []string{"职务", "职位", "联系人职务", "岗位", "工作岗位", "头衔", "title", "job title", "position", "job position", "person job title"}
	mobileAliases = []string{"手机", "手机号", "手机号码", "移动电话", "联系人手机", "mobile", "mobile phone", "phone mobile", "mobilephone",
		"cell", "cell phone", "person phone mobile"}
	emailAliases = []string{"邮箱", "电子邮箱", "电子邮件", "邮件", "邮箱地址", "联系人邮箱", "email", "e-mail", "email address",
		"emailaddress", "person email", "work email"}
	firstAliases = []string{"名", "first name", "firstname", "given name"}
	lastAliases  = []string{"姓", "last name", "lastname", "surname", "family name"}
	notesAliases = []string{"备注", "说明", "描述", "备注信息", "notes", "note", "remark", "remarks", "comments", "description"}
)

func entityField(key string, label msg.Key, required bool, maxLen int, aliases ...[]string) Field {
	var all []string
	for _, a := range aliases {
		all = append(all, a...)
	}
	return Field{Key: key, label: label, Required: required, maxLen: maxLen, aliases: all}
}

// CustomerFields are what a column of a customer file may be mapped to.
var CustomerFields = labelled([]Field{
	entityField(EFCustomer, msg.LabelCustomerName, true, 100, customerNameAliases, []string{"名称", "name", "显示名称", "display name"}),
	entityField(EFClassification, msg.LabelClassification, false, 0, []string{"客户分类", "客户类别", "分类", "classification", "customer classification"}),
	entityField(EFLevel, msg.LabelLevel, false, 0, []string{"客户级别", "客户等级", "级别", "等级", "level", "customer level"}),
	entityField(EFSource, msg.LabelSource, false, 50, []string{"来源", "客户来源", "source", "lead source", "account source", "customer source", "leadsource"}),
	entityField(EFIndustry, msg.LabelIndustry, false, 50, []string{"行业", "所属行业", "客户行业", "industry"}),
	entityField(EFPhone, msg.LabelPhone, false, 50, []string{"电话", "公司电话", "座机", "固定电话", "办公电话", "客户电话", "总机", "phone",
		"phone number", "office phone", "phone office", "phonenumber", "organization phone", "company phone", "telephone", "tel"}),
	entityField(EFAddress, msg.LabelAddress, false, 200, []string{"地址", "详细地址", "公司地址", "客户地址", "联系地址", "办公地址", "address",
		"street", "street address", "billing address", "billing street", "billingaddressstreet", "organization address"}),
	entityField(EFOwner, msg.LabelOwner, false, 50, ownerAliases),
	entityField(EFNotes, msg.LabelNotes, false, 2000, notesAliases),
	entityField(EFContactName, msg.LabelContactName, false, 50, contactNameAliases),
	entityField(EFContactFirst, msg.LabelContactFirst, false, 50, firstAliases),
	entityField(EFContactLast, msg.LabelContactLast, false, 50, lastAliases),
	entityField(EFContactTitle, msg.LabelContactTitle, false, 50, titleAliases),
	entityField(EFContactMobile, msg.LabelContactMobile, false, 50, mobileAliases),
	entityField(EFContactPhone, msg.LabelContactPhone, false, 50, []string{"联系人电话", "contact phone", "person phone"}),
	entityField(EFContactEmail, msg.LabelContactEmail, false, 100, emailAliases),
})

// ContactFields are what a column of a contact file may be mapped to.
var ContactFields = labelled([]Field{
	entityField(EFCustomer, msg.LabelCustomerName, true, 100, customerNameAliases),
	entityField(EFContactName, msg.LabelContactName, true, 50, contactNameAliases, []string{"姓名", "名称", "name", "full name", "fullname"}),
	entityField(EFContactFirst, msg.LabelContactFirst, false, 50, firstAliases),
	entityField(EFContactLast, msg.LabelContactLast, false, 50, lastAliases),
	entityField(EFContactTitle, msg.LabelContactTitle, false, 50, titleAliases),
	entityField(EFContactMobile, msg.LabelContactMobile, false, 50, mobileAliases),
	entityField(EFContactPhone, msg.LabelContactPhone, false, 50, []string{"电话", "联系人电话", "办公电话", "座机", "固定电话", "phone",
		"office phone", "work phone", "business phone", "phone office", "phone work", "phonenumber", "phone number", "person phone",
		"telephone", "tel"}),
	entityField(EFContactEmail, msg.LabelContactEmail, false, 100, emailAliases),
})

// ProductFields are what a column of a product file may be mapped to.
var ProductFields = labelled([]Field{
	entityField(EFCode, msg.LabelProductCode, true, 50, []string{"产品编号", "产品编码", "产品代码", "编号", "编码", "代码", "物料编码", "物料编号",
		"货号", "商品编码", "商品编号", "sku", "code", "product code", "item code", "item number", "part number", "internal reference",
		"内部参考", "default code", "defaultcode", "productcode"}),
	entityField(EFProductName, msg.LabelProductName, true, 100, []string{"产品名称", "产品", "名称", "品名", "商品名称", "物料名称", "product",
		"product name", "name", "item", "item name"}),
	entityField(EFCategory, msg.LabelProductCategory, false, 0, []string{"产品分类", "产品类别", "产品类型", "分类", "类别", "category",
		"product category", "product type", "productcategory"}),
	entityField(EFUnit, msg.LabelUnit, false, 10, []string{"单位", "计量单位", "unit", "uom", "unit of measure", "units"}),
	entityField(EFPrice, msg.LabelStandardPrice, false, 0, []string{"标准价格", "标准价", "单价", "价格", "售价", "销售价格", "销售单价", "零售价",
		"price", "unit price", "list price", "sales price", "sale price", "listprice", "unitprice"}),
	entityField(EFActive, msg.LabelProductActive, false, 0, []string{"状态", "启用", "是否启用", "是否上架", "上架", "有效", "active", "status",
		"is active", "isactive"}),
	entityField(EFOwner, msg.LabelOwner, false, 50, ownerAliases),
	entityField(EFDescription, msg.LabelDescription, false, 4000, []string{"描述", "产品描述", "说明", "备注", "规格", "规格说明",
		"description", "notes", "remarks", "specification"}),
})

// kindFields returns the fields of a kind of import (nil: not a kind).
func kindFields(kind string) []Field {
	switch kind {
	case KindOpportunities, "":
		return Fields
	case KindCustomers:
		return CustomerFields
	case KindContacts:
		return ContactFields
	case KindProducts:
		return ProductFields
	case KindLeads:
		return LeadFields
	}
	return nil
}

func checkKind(kind string) error {
	if kindFields(kind) == nil {
		return apperr.Invalid("kind", msg.ImportKindBad, msg.P{"value": clip(kind)})
	}
	return nil
}

var kindAliases = func() map[string]map[string]string {
	m := map[string]map[string]string{}
	for _, k := range []string{KindCustomers, KindContacts, KindProducts, KindLeads} {
		a := map[string]string{}
		for _, f := range kindFields(k) {
			for _, s := range append([]string{f.Key, f.Label, f.LabelEn}, f.aliases...) {
				if _, taken := a[normHeader(s)]; !taken {
					a[normHeader(s)] = f.Key
				}
			}
		}
		m[k] = a
	}
	return m
}()

// kindMapping maps each header of a file of that kind to a field key
// ("" = ignored); a field claimed by an earlier column is not given to a
// later one.
func kindMapping(kind string, headers []string) []string {
	if kind == KindOpportunities || kind == "" {
		return AutoMapping(headers)
	}
	out := make([]string, len(headers))
	taken := map[string]bool{}
	for i, h := range headers {
		k := matchAliases(h, kindAliases[kind])
		if k == "" || taken[k] {
			continue
		}
		taken[k] = true
		out[i] = k
	}
	return out
}

// DetectKind guesses what a file holds from its headers: opportunities
// when it has a stage column (what no other kind has), leads when a
// header says 线索 / Lead (线索名称, Lead Status), products when it
// has a product code, contacts when it names people but no customer
// field other than their company, customers otherwise.
func DetectKind(headers []string) string {
	has := func(kind string, keys ...string) bool {
		m := kindMapping(kind, headers)
		for _, k := range keys {
			found := false
			for _, v := range m {
				found = found || v == k
			}
			if !found {
				return false
			}
		}
		return true
	}
	switch {
	case has(KindOpportunities, FieldStage):
		return KindOpportunities
	case isLeadFile(headers):
		return KindLeads
	case has(KindProducts, EFCode, EFProductName):
		return KindProducts
	}
	// A column that can only be a person's name (姓名, First Name) beside
	// a customer column makes a contact list, whatever else it has
	// (Wukong's contacts export has 电话 and 地址 too).
	if has(KindContacts, EFCustomer) {
		for _, h := range headers {
			switch normHeader(h) {
			case "姓名", "fullname", "firstname", "lastname", "personname", "联系人姓名":
				return KindContacts
			}
		}
	}
	cust := kindMapping(KindCustomers, headers)
	customerOnly := false
	for _, k := range cust {
		switch k {
		case EFPhone, EFAddress, EFIndustry, EFSource, EFClassification, EFLevel:
			customerOnly = true
		}
	}
	if !customerOnly && (has(KindContacts, EFCustomer, EFContactName) || has(KindContacts, EFCustomer, EFContactLast) ||
		has(KindContacts, EFCustomer, EFContactFirst)) {
		return KindContacts
	}
	return KindCustomers
}

// entityRec is one checked row of a customer, contact or product file.
// Empty values were not given: an update keeps what the record has.
type entityRec struct {
	row      int
	cust     store.ImportedCustomer
	owner    string
	email    string // the row's email (a contact's), for 查重
	contact  *store.Contact
	product  store.Product
	category []string
	// activeText and statusText are the active and lead status cells as
	// written (activeValue and leadStatusCode read them): a merge note
	// shows them (启用 replaced by 停用, not 1 by 0).
	activeText, statusText string
	// priceGiven: the row has a price (0 is one).
	priceGiven bool
	lead       store.Lead
}

// entityChecker validates the rows of a customer, contact or product file.
type entityChecker struct {
	kind    string
	t       *Table
	fields  []Field
	col     map[string]int // field key → column
	levels  []string
	decimal decimalStyle
}

func newEntityChecker(kind string, t *Table, mapping []string, levels []string) *entityChecker {
	c := &entityChecker{kind: kind, t: t, fields: kindFields(kind), col: map[string]int{}, levels: levels, decimal: '.'}
	for i, k := range mapping {
		if k != "" {
			c.col[k] = i
		}
	}
	if col, ok := c.col[EFPrice]; ok {
		c.decimal = fileDecimalStyle(func(yield func(string) bool) {
			for i := range t.Rows {
				if !yield(t.Rows[i].cell(col)) {
					return
				}
			}
		})
	}
	return c
}

type entityRow struct {
	c    *entityChecker
	r    *Row
	emit func(RowError)
	ok   bool
}

func (er *entityRow) field(key string) Field {
	for _, f := range er.c.fields {
		if f.Key == key {
			return f
		}
	}
	return Field{Key: key}
}

func (er *entityRow) fail(key string, ae *apperr.Error) {
	er.ok = false
	e := RowError{Row: er.r.Num, Field: key, Key: ae.Key, Params: ae.Params, Message: ae.Message, MessageEn: ae.MessageEn}
	if col, ok := er.c.col[key]; ok {
		e.Column = clip(er.c.t.Headers[col])
		e.Value = clip(strings.TrimSpace(er.r.cell(col)))
	} else {
		e.Column = er.field(key).Label
	}
	er.emit(e)
}

func (er *entityRow) value(key string) string {
	col, ok := er.c.col[key]
	if !ok {
		return ""
	}
	return cleanCell(er.r.cell(col))
}

// text reads a text field, checked for its length and, when required,
// for being there.
func (er *entityRow) text(key string) string {
	f := er.field(key)
	s, err := validate.Text(key, f.label, er.value(key), f.Required, f.maxLen)
	if err != nil {
		e, _ := apperr.As(err)
		er.fail(key, e)
	}
	return s
}

func (er *entityRow) phone(key string) string {
	s := er.text(key)
	if s == "" {
		return ""
	}
	if p, err := validate.Phone(key, er.field(key).label, s); err != nil {
		e, _ := apperr.As(err)
		er.fail(key, e)
	} else {
		s = p
	}
	return s
}

func (er *entityRow) email(key string) string {
	s := er.text(key)
	user, domain, _ := strings.Cut(s, "@")
	if s != "" && (user == "" || domain == "" || strings.Contains(domain, "@") || strings.ContainsAny(s, " ,;")) {
		er.fail(key, apperr.Invalid(key, msg.EmailInvalid, msg.P{"value": clip(s)}))
	}
	return s
}

func (er *entityRow) oneOf(key string, allowed []string) string {
	s, err := validate.OneOf(key, er.field(key).label, er.value(key), allowed)
	if err != nil {
		e, _ := apperr.As(err)
		er.fail(key, e)
	}
	return s
}

// level reads a customer level: one of ours, or one of ours followed by
// its description, as Wukong writes "A（重点客户）".
func (er *entityRow) level() string {
	v := norm.NFKC.String(er.value(EFLevel))
	for _, l := range er.c.levels {
		if rest, ok := strings.CutPrefix(v, l); ok && rest != "" && strings.ContainsRune("(（ -:：", []rune(rest)[0]) {
			return l
		}
	}
	return er.oneOf(EFLevel, er.c.levels)
}

// run checks every row, reporting each problem to emit, and returns the
// checked rows (nil when any is bad).
func (c *entityChecker) run(emit func(RowError)) []entityRec {
	out := make([]entityRec, 0, len(c.t.Rows))
	bad := false
	for i := range c.t.Rows {
		er := entityRow{c: c, r: &c.t.Rows[i], emit: emit, ok: true}
		rec := er.check()
		er.extraCells()
		if !er.ok {
			bad = true
		}
		if !bad {
			out = append(out, rec)
		}
	}
	if bad {
		return nil
	}
	return out
}

func (er *entityRow) check() entityRec {
	rec := entityRec{row: er.r.Num}
	switch er.c.kind {
	case KindLeads:
		er.checkLead(&rec)
		return rec
	case KindProducts:
		p := &rec.product
		p.Code = er.text(EFCode)
		p.Name = er.text(EFProductName)
		p.Unit = er.text(EFUnit)
		p.Description = er.text(EFDescription)
		rec.owner = er.text(EFOwner)
		if s := er.value(EFPrice); s != "" {
			v, err := parseMoney(s, er.c.decimal)
			if err != nil {
				if alt := storedNumber(strings.TrimSpace(er.r.raw(er.c.col[EFPrice]))); alt != "" {
					if v2, err2 := parseAmount(alt); err2 == nil {
						v, err = v2, nil
					}
				}
			}
			if err != nil {
				e := amountError(err)
				e = apperr.Invalid(EFPrice, e.Key, msg.P{"label": msg.LabelStandardPrice})
				er.fail(EFPrice, e)
			}
			p.PriceCents, rec.priceGiven = v, true
		}
		if s := er.value(EFActive); s != "" {
			rec.activeText = s
			if activeValue(s) == "" {
				er.fail(EFActive, apperr.Invalid(EFActive, msg.ImportBadActive, msg.P{"label": msg.LabelProductActive}))
			}
		}
		if s := er.value(EFCategory); s != "" {
			for _, part := range strings.FieldsFunc(norm.NFKC.String(s), func(r rune) bool { return r == '/' || r == '>' || r == '\\' }) {
				if part = strings.TrimSpace(part); part != "" {
					if len([]rune(part)) > 50 {
						er.fail(EFCategory, apperr.Invalid(EFCategory, msg.ImportCategoryLong, msg.P{"label": msg.LabelProductCategory}))
						break
					}
					rec.category = append(rec.category, part)
				}
			}
		}
		return rec
	}
	rec.cust.Name = er.text(EFCustomer)
	if er.c.kind == KindCustomers {
		cu := &rec.cust
		cu.Classification = er.oneOf(EFClassification, customer.Classifications)
		cu.Level = er.level()
		cu.Source = er.text(EFSource)
		cu.Industry = er.text(EFIndustry)
		cu.Phone = er.phone(EFPhone)
		cu.Address = er.text(EFAddress)
		cu.Notes = er.text(EFNotes)
		rec.owner = er.text(EFOwner)
	}
	// A contact's name is its own column, else its first and last names.
	name, err := validate.Text(EFContactName, msg.LabelContactName, er.value(EFContactName), false, 50)
	if err != nil {
		e, _ := apperr.As(err)
		er.fail(EFContactName, e)
	}
	first, last := er.text(EFContactFirst), er.text(EFContactLast)
	if name == "" && (first != "" || last != "") {
		name = personName(first, last)
		if len([]rune(name)) > 50 {
			er.fail(EFContactName, apperr.Invalid(EFContactName, msg.TooLong, msg.P{"label": msg.LabelContactName, "max": 50}))
		}
	}
	if er.c.kind == KindContacts && name == "" && err == nil {
		er.fail(EFContactName, apperr.Invalid(EFContactName, msg.Required, msg.P{"label": msg.LabelContactName}))
	}
	title := er.text(EFContactTitle)
	mobile := er.phone(EFContactMobile)
	phone := er.phone(EFContactPhone)
	rec.email = er.email(EFContactEmail)
	if mobile == "" {
		// One phone per contact: the mobile, else the office phone.
		mobile = phone
	}
	if name != "" {
		rec.contact = &store.Contact{Name: name, Title: title, Phone: mobile, Email: rec.email}
		return rec
	}
	// A customer row without a contact's name: its mobile is the
	// customer's phone when it has none, and what has no column of its
	// own goes into the notes, so that nothing of the file is lost.
	cu := &rec.cust
	var extra []string
	if mobile != "" {
		if cu.Phone == "" {
			cu.Phone = mobile
		} else if mobile != cu.Phone {
			extra = append(extra, msg.Render(msg.Zh, msg.LabelContactMobile, nil)+"："+mobile)
		}
	}
	if rec.email != "" {
		extra = append(extra, msg.Render(msg.Zh, msg.LabelEmail, nil)+"："+rec.email)
	}
	if title != "" {
		extra = append(extra, msg.Render(msg.Zh, msg.LabelContactTitle, nil)+"："+title)
	}
	if len(extra) > 0 {
		notes := strings.Join(extra, "\n")
		if cu.Notes != "" {
			notes = cu.Notes + "\n" + notes
		}
		cu.Notes = notes
		if len([]rune(notes)) > 2000 {
			er.fail(EFNotes, apperr.Invalid(EFNotes, msg.TooLong, msg.P{"label": msg.LabelNotes, "max": 2000}))
		}
	}
	return rec
}

// extraCells reports a cell right of the last named column.
func (er *entityRow) extraCells() {
	for j := len(er.c.t.Headers); j < len(er.r.Cells); j++ {
		if v := strings.TrimSpace(er.r.Cells[j]); v != "" {
			col := columnName(j)
			er.ok = false
			er.emit(RowError{Row: er.r.Num, Column: col, Value: clip(v),
				Message:   "第 " + col + " 列没有列名，这一格的内容不属于任何字段；请删除它，或给这一列加上列名（内容里的逗号要放在双引号里）",
				MessageEn: "Column " + col + " has no header, so this cell belongs to no field; delete it, or give the column a header (a comma inside a value must be in double quotes)"})
		}
	}
}

// personName joins a first and a last name: family name first without a
// space for Chinese (张 + 三 = 张三), "First Last" otherwise.
func personName(first, last string) string {
	switch {
	case first == "":
		return last
	case last == "":
		return first
	}
	for _, r := range last + first {
		if r >= 0x3400 && r <= 0x9FFF {
			return last + first
		}
	}
	return first + " " + last
}

// activeValue reads a product's active cell: "1", "0", or "" when unknown.
func activeValue(s string) string {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "true", "yes", "y", "是", "启用", "有效", "在售", "上架", "active", "enabled", "正常":
		return "1"
	case "0", "false", "no", "n", "否", "停用", "禁用", "无效", "下架", "停售", "inactive", "disabled", "retired", "archived":
		return "0"
	}
	return ""
}

// customerKeys are the 查重 keys a row finds its customer by: the name's,
// then its phones', then its email's.
func (r *entityRec) customerKeys(withContact bool) (name string, phones []string, email string) {
	name = dupe.Name(r.cust.Name)
	if !withContact {
		return name, nil, ""
	}
	if k := dupe.Phone(r.cust.Phone); k != "" {
		phones = append(phones, k)
	}
	if r.contact != nil {
		if k := dupe.Phone(r.contact.Phone); k != "" {
			phones = append(phones, k)
		}
	}
	return name, phones, dupe.Email(r.email)
}
