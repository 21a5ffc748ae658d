// Strings of the layout, period, empty-state and demo work (issue 9b), kept
// in their own file so that parallel work on the main catalogs merges cleanly.
export default {
  period: {
    swapped: '结束日期早于开始日期，已交换为 {from} ~ {to}',
  },
  emptyFunnel: {
    title: '还没有销售机会',
    body: '漏斗由销售机会计算而来。新建一条销售机会、导入已有的数据，或先加载示例数据看看效果。',
    create: '新建销售机会',
    import: '导入销售机会',
    demo: '加载示例数据',
  },
  demoAdmin: {
    title: '示例数据',
    load: '加载示例数据',
    loadHint: '示例数据只能加载到空数据库中。',
    remove: '移除示例数据',
    removeHint: '只移除示例加载的记录；加载后被修改或被引用的示例记录会阻止移除。',
    removeConfirm: '确定移除示例数据（{n} 条记录）吗？',
    removed: '示例数据已移除',
    none: '当前数据库中没有示例数据。',
    loaded: '当前数据库含示例数据（{n} 条记录）。',
  },
}
