// 导入客户、联系人、产品 (issue 13): the kind of file and the per-kind counts.
export default {
  importKinds: {
    label: '导入内容',
    kinds: { opportunities: '销售机会', customers: '客户（可含联系人）', contacts: '联系人', products: '产品' },
    short: { opportunities: '销售机会', customers: '客户', contacts: '联系人', products: '产品' },
    intro: '也可以导入客户（每行可带一个联系人，如 客户名称、联系人、手机）、联系人（写明所属客户名称）和产品（产品编码、产品名称、单位、标准价格）；支持旧版 Excel（.xls）。已有的记录按查重规则找到后更新：客户按名称（去掉“有限公司”等后缀）、电话或邮箱，联系人按所属客户加姓名、电话或邮箱，产品按产品编码。',
    onDuplicate: '与已有{kind}重复的行：',
    counts: '{kind}：新增 {new}，更新 {updated}，跳过 {skipped}',
    action: '处理',
    actions: { new: '新增', update: '更新', skip: '跳过', duplicate: '重复' },
    doneTitle: '已导入{kind}',
    viewCustomers: '查看客户',
    importCustomers: '导入',
    viewProducts: '查看产品',
  },
}
