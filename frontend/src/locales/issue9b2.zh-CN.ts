// Strings of the inline new customer, the form keys and the global search
// (issue 9, second part), in their own file so parallel work merges cleanly.
export default {
  newCustomer: {
    action: '新建客户',
    title: '新建客户',
    name: '客户名称',
    owner: '负责人',
    save: '新建并选中',
    created: '已新建客户「{name}」并选中',
    pick: '选用此客户',
    createAnyway: '仍然新建',
    blocked: '公海中已有此客户，不能重复新建。',
  },
  formKeys: {
    discardTitle: '放弃修改',
    discard: '表单有未保存的修改，确定放弃吗？',
    discardOk: '放弃修改',
    keepEditing: '继续编辑',
  },
  search: {
    title: '全局搜索',
    placeholder: '搜索客户、联系人、机会、报价、订单：名称、编号、电话、拼音',
    hint: '↑↓ 选择，Enter 打开，Esc 关闭。拼音或首字母开头的在前，其余最新的在前',
    empty: '没有匹配的记录',
    open: '搜索 (Ctrl+K)',
    kinds: { customer: '客户', contact: '联系人', opportunity: '销售机会', lead: '线索', quote: '报价单', order: '订单' },
  },
}
