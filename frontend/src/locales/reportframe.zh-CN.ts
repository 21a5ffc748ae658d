// Chinese strings of the report frame (components/ReportFrame.vue), merged
// in locales/index.ts; reportframe.en.ts has the same shape.
const reportFrameZh = {
  reportFrame: {
    from: '开始日期',
    to: '结束日期',
    allTeams: '全部团队',
    allOwners: '全部负责人',
    allTypes: '全部类型',
    allSources: '全部来源',
    export: '导出',
    xlsx: '导出 Excel (XLSX)',
    csv: '导出 CSV',
    png: '导出图片 (屏幕尺寸)',
    pngPrint: '导出图片 (A4 打印)',
    print: '打印',
    period: '期间',
    team: '团队',
    owner: '负责人',
    type: '类型',
    source: '来源',
  },
}
export default reportFrameZh
