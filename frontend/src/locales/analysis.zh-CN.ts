// 分析 (backend/analysis): opportunities by owner/team/…, stage conversion, days in stage.
const analysisZh = {
  analysis: {
    nav: '分析',
    title: '分析',
    tabs: { groups: '机会分析', conversion: '阶段转化', stageTime: '阶段停留' },
    by: {
      owner: '负责人', team: '团队', customer: '客户', source: '来源', type: '类型', stage: '阶段', lostReason: '输单原因', competitor: '竞争对手',
    },
    none: '（未填）',
    noTeam: '（无团队）',
    total: '合计',
    more: '另有 {n} 项未列出（已计入合计）',
    col: {
      count: '机会数', amount: '金额', expected: '预期金额', won: '赢单数', wonAmount: '赢单金额', lost: '输单数', lostAmount: '输单金额', winRate: '赢率',
      stage: '阶段', reached: '到达数', next: '下一步转化率', cumulative: '累计转化率',
      left: '已离开', avgDays: '平均天数', medianDays: '中位天数', still: '仍在该阶段', stillAvg: '平均（至今）', stillMedian: '中位（至今）',
    },
    bottleneck: '瓶颈',
    retired: '已停用',
    wonRow: '赢单（现为赢单阶段）',
    drillHint: '点击数字查看对应的机会列表',
    groupRules: '机会数、金额、预期金额（金额 × 可能性）：期间内创建的机会。赢单数/输单数及金额：期间内赢单或输单的机会，按进入其当前赢单/输单阶段的日期计（赢单后重开又赢单的只按最后一次计一次）。赢率 = 赢单数 ÷（赢单数 + 输单数），均为期间内结束的机会。每个赢单类阶段都算赢单，每个输单类阶段都算输单。',
    conversionRules: '对象：期间内创建的机会（共 {n} 个）。每个机会都算到达第一个阶段；曾处于某阶段、或曾处于其后的任一进行中阶段、或曾赢单，即算到达该阶段（跳过的阶段算已通过）；输单的机会到达其曾处于的最远进行中阶段为止；退回不重复计数。赢单行 = 现处于赢单类阶段的机会。下一步转化率 = 下一阶段到达数 ÷ 本阶段到达数；累计转化率 = 本阶段到达数 ÷ 第一阶段到达数。已停用的阶段不单列，但曾处于其中算作通过了它之前的阶段。下一步转化率最低的阶段标为瓶颈。',
    stageTimeRules: '对象：期间内创建的机会（共 {n} 个）。停留天数按日历日计：离开日期 − 进入日期；同一机会多次进入同一阶段时天数相加、只算一次。仍在该阶段的机会计到今天（{today}），单独列出。中位天数最长的阶段标为瓶颈。销售周期：期间内赢单的机会从创建日到进入赢单阶段日的天数（共 {won} 个）。',
    cycle: '销售周期（创建 → 赢单）',
    cycleLine: '{n} 个赢单：平均 {avg} 天，中位 {median} 天',
    days: '{d} 天',
    drilled: '来自分析的筛选：{what}',
    drillCreated: '创建于 {from} ~ {to}',
    drillClosed: '结束于 {from} ~ {to}',
    drillReason: '输单原因：{v}',
    drillCompetitor: '竞争对手：{v}',
  },
}
export default analysisZh
