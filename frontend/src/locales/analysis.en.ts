// English strings of the analysis screens; the same shape as analysis.zh-CN.ts.
import type zh from './analysis.zh-CN'

const analysisEn: typeof zh = {
  analysis: {
    nav: 'Analysis',
    title: 'Analysis',
    tabs: { groups: 'Opportunities', conversion: 'Stage conversion', stageTime: 'Days in stage' },
    by: {
      owner: 'Owner', team: 'Team', customer: 'Customer', source: 'Source', type: 'Type', stage: 'Stage', lostReason: 'Lost reason', competitor: 'Competitor',
    },
    none: '(none)',
    noTeam: '(no team)',
    total: 'Total',
    more: '{n} more not listed (counted in the total)',
    col: {
      count: 'Count', amount: 'Amount', expected: 'Expected', won: 'Won', wonAmount: 'Won amount', lost: 'Lost', lostAmount: 'Lost amount', winRate: 'Win rate',
      stage: 'Stage', reached: 'Reached', next: 'Next step', cumulative: 'Cumulative',
      left: 'Left', avgDays: 'Avg days', medianDays: 'Median days', still: 'Still in', stillAvg: 'Avg (to date)', stillMedian: 'Median (to date)',
    },
    bottleneck: 'Bottleneck',
    retired: 'retired',
    wonRow: 'Won (now in a won stage)',
    drillHint: 'Click a number to list its opportunities',
    groupRules: 'Count, amount and expected amount (amount × probability): opportunities created in the period. Won/lost count and amount: opportunities won or lost in the period, by the day they entered their current won or lost stage (won, reopened and won again counts once, at the last win). Win rate = won ÷ (won + lost), both closed in the period. Every won-kind stage is a win, every lost-kind stage a loss.',
    conversionRules: 'Cohort: opportunities created in the period ({n}). Every one reached the first stage; it reached a stage if it was ever in it, in any later open stage, or ever won (skipped stages count as passed); a lost one reached every stage up to the furthest open stage it was in; moving back counts no stage twice. Won = now in a won stage. Next step = reached(next) ÷ reached(this); cumulative = reached(this) ÷ reached(first). Retired stages are not listed, but being in one passes the stages before it. The lowest next-step conversion is the bottleneck.',
    stageTimeRules: 'Cohort: opportunities created in the period ({n}). Days are calendar days: day left − day entered; several visits to a stage add up to one stay. Opportunities still in a stage count up to today ({today}) and are shown apart. The longest median is the bottleneck. Sales cycle: opportunities won in the period, from creation to entering the won stage ({won}).',
    cycle: 'Sales cycle (created → won)',
    cycleLine: '{n} won: average {avg} days, median {median} days',
    days: '{d} d',
    drilled: 'Filtered from the analysis: {what}',
    drillCreated: 'created {from} ~ {to}',
    drillClosed: 'closed {from} ~ {to}',
    drillReason: 'lost reason: {v}',
    drillCompetitor: 'competitor: {v}',
  },
}
export default analysisEn
