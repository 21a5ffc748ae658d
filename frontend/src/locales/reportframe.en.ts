// English strings of the report frame; the same shape as reportframe.zh-CN.ts.
import type zh from './reportframe.zh-CN'

const reportFrameEn: typeof zh = {
  reportFrame: {
    from: 'From',
    to: 'To',
    allTeams: 'All teams',
    allOwners: 'All owners',
    allTypes: 'All types',
    allSources: 'All sources',
    export: 'Export',
    xlsx: 'Excel (XLSX)',
    csv: 'CSV',
    png: 'Picture (screen size)',
    pngPrint: 'Picture (A4 print)',
    print: 'Print',
    period: 'Period',
    team: 'Team',
    owner: 'Owner',
    type: 'Type',
    source: 'Source',
  },
}
export default reportFrameEn
