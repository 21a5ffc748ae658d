// Issue 9c: a document dated before the one it follows.
export default {
  earlierDate: {
    title: '日期早于前一单据',
    save: '仍要保存',
    back: '返回修改',
  },
}
