package msg

// Importing customers, contacts and products (issue 13): the fields of
// their columns and what is wrong with a file or a choice.
var (
	LabelContactMobile = def("import.contactMobile", "联系人手机", "Contact mobile")
	LabelContactPhone  = def("import.contactPhone", "联系人电话", "Contact phone")
	LabelContactEmail  = def("import.contactEmail", "联系人邮箱", "Contact email")
	LabelContactFirst  = def("import.contactFirst", "名（First name）", "First name")
	LabelContactLast   = def("import.contactLast", "姓（Last name）", "Last name")
	LabelProductActive = def("import.productActive", "启用/停用", "Active")
)

var (
	ImportKindBad         = def("import.kindBad", "导入的内容只能是 opportunities、customers、contacts、products 或 leads（收到「{value}」）", "The kind of import must be opportunities, customers, contacts, products or leads (got \"{value}\")")
	ImportProductCreate   = def("import.productCreate", "产品编码不能重复：遇到已有的产品编码只能选择更新或跳过", "Product codes are unique: a code that exists can only be updated or skipped")
	ImportBadActive       = def("import.badActive", "{label}只能是 启用/停用、是/否、true/false", "{label} must be active/inactive, yes/no or true/false")
	ImportCategoryLong    = def("import.categoryLong", "{label}的每一级最多 50 个字", "Each level of {label} is at most 50 characters")
	ImportXLSUnreadable   = def("import.xlsUnreadable", "这个旧版 Excel（.xls）文件读不出来（{error}）。请在 Excel 或 WPS 中打开它，选择“文件 → 另存为”，保存类型选“Excel 工作簿 (*.xlsx)”，再导入新保存的 .xlsx 文件", "This old Excel (.xls) file cannot be read ({error}). Open it in Excel or WPS, choose File → Save As, pick the type \"Excel Workbook (*.xlsx)\", and import the new .xlsx file")
	ImportEntitiesSummary = def("import.entitiesSummary", "已导入{kind}：{counts}", "Imported {kind}: {counts}")
	ImportCountsCustomers = def("import.countsCustomers", "客户 新增 {new}、更新 {updated}、跳过 {skipped}", "customers {new} new, {updated} updated, {skipped} skipped")
	ImportCountsContacts  = def("import.countsContacts", "联系人 新增 {new}、更新 {updated}、跳过 {skipped}", "contacts {new} new, {updated} updated, {skipped} skipped")
	ImportCountsProducts  = def("import.countsProducts", "产品 新增 {new}、更新 {updated}、跳过 {skipped}", "products {new} new, {updated} updated, {skipped} skipped")
	ImportKindCustomers   = def("import.kindCustomers", "客户", "customers")
	ImportKindContacts    = def("import.kindContacts", "联系人", "contacts")
	ImportKindProducts    = def("import.kindProducts", "产品", "products")
)
