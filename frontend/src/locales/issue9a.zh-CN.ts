// Issue 9a: orders that win their opportunity, the lost dialog naming it,
// new stage positions.
export default {
  orderWins: {
    askOutcome: '订单已创建，是否把销售机会「{name}」标为赢单？请选择赢单结果：',
    markedAs: '销售机会「{name}」已标为赢单（{stage}）',
    title: '订单已创建',
    ask: '订单已创建，是否把销售机会「{name}」标为赢单？',
    yes: '标为赢单',
    no: '暂不',
    marked: '销售机会「{name}」已标为赢单',
    setting: '订单与赢单',
    settingHint: '从销售机会（或其报价单）创建订单后，对这个销售机会：',
    mode: { ask: '每次询问', always: '自动标为赢单', never: '不改变' },
    liveTitle: '有未作废的订单',
    goOn: '仍要继续',
  },
  lostDialog: {
    marks: '将把销售机会「{name}」标为输单',
    thisOne: '这个销售机会',
  },
  stagePosition: {
    label: '位置',
    beforeClosed: '在赢单、输单阶段之前（默认）',
    top: '最前面',
    after: '在「{name}」之后',
  },
}
