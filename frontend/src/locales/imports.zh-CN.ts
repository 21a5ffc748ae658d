// 导入客户、联系人、产品 (issue 13): the kind of file and the per-kind counts.
export default {
  importKinds: {
    label: '导入内容',
    kinds: { opportunities: '销售机会', customers: '客户（可含联系人）', contacts: '联系人', products: '产品', leads: '线索' },
    short: { opportunities: '销售机会', customers: '客户', contacts: '联系人', products: '产品', leads: '线索' },
    intro: '也可以导入客户（每行可带一个联系人，如 客户名称、联系人、手机）、联系人（写明所属客户名称）、产品（产品编码、产品名称、单位、标准价格）和线索（线索名称、公司名称、联系人、电话、邮箱、线索来源、负责人）；支持旧版 Excel（.xls）。已有的记录按查重规则找到后更新：客户按名称（去掉“有限公司”等后缀）、电话或邮箱，联系人按所属客户加姓名、电话或邮箱，产品按产品编码，线索按电话，没有电话按邮箱，都没有按线索名称加公司名称和联系人。',
    onDuplicate: '与已有{kind}重复的行：',
    counts: '{kind}：新增 {new}，更新 {updated}，跳过 {skipped}',
    action: '处理',
    actions: { new: '新增', update: '更新', skip: '跳过', duplicate: '重复' },
    doneTitle: '已导入{kind}',
    viewCustomers: '查看客户',
    importCustomers: '导入',
    viewProducts: '查看产品',
    viewLeads: '查看线索',
    titles: { leads: '导入线索', products: '导入产品', customers: '导入客户', contacts: '导入联系人' },
    back: { opportunities: '返回销售机会', leads: '返回线索', products: '返回产品', customers: '返回客户', contacts: '返回客户' },
    leadKey: '已有线索按电话查找，没有电话按邮箱，都没有时按线索名称 + 公司名称 + 联系人；已转化的线索不改状态。'
  },
}
