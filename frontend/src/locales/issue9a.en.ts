// Issue 9a: orders that win their opportunity, the lost dialog naming it,
// new stage positions.
export default {
  orderWins: {
    askOutcome: 'The order is created. Mark opportunity "{name}" won? Choose the won outcome:',
    markedAs: 'Opportunity "{name}" marked won ({stage})',
    title: 'Order created',
    ask: 'The order is created. Mark the opportunity "{name}" as won?',
    yes: 'Mark as won',
    no: 'Not now',
    marked: 'Opportunity "{name}" is marked as won',
    setting: 'Orders and won deals',
    settingHint: 'After an order is created from an opportunity (or its quote), that opportunity is:',
    mode: { ask: 'Ask each time', always: 'Marked won automatically', never: 'Left as it is' },
    liveTitle: 'Orders not voided',
    goOn: 'Go on',
  },
  lostDialog: {
    marks: 'Marks the opportunity "{name}" as lost',
    thisOne: 'this opportunity',
  },
  stagePosition: {
    label: 'Position',
    beforeClosed: 'Before the won and lost stages (default)',
    top: 'First',
    after: 'After "{name}"',
  },
}
