// The sales funnel (销售漏斗): figures, the chart drawn by the Go side, and
// the click-through to a stage's opportunities.
import * as svc from '../../wailsjs/go/funnel/Service'
import { funnel as models } from '../../wailsjs/go/models'
import { call } from './errors'
import { opportunities } from './opportunities'
import type { OpportunityFilter, OpportunityPage } from './types'

export type FunnelFilter = models.Filter
export type FunnelReport = models.Report
export type FunnelRow = models.Row
export type FunnelChart = models.Chart
export type ChartArea = models.StageArea
export type ChartMeasure = 'count' | 'amount'
export type ChartSize = 'screen' | 'print'

/** blankFunnelFilter is "everything": all owners, all dates, any type and source. */
export function blankFunnelFilter(): FunnelFilter {
  return { ownerId: 0, from: '', to: '', type: '', source: '' }
}

export const funnel = {
  get: (f: FunnelFilter): Promise<FunnelReport> => call(() => svc.Get({ ...f })),
  chart: (f: FunnelFilter, measure: ChartMeasure, size: ChartSize, lang: string): Promise<FunnelChart> =>
    call(() => svc.Chart(models.ChartRequest.createFrom({ filter: { ...f }, measure, size, lang }))),
  /** stageFilter is the opportunity list filter of exactly what the funnel counts in that stage. */
  stageFilter: (f: FunnelFilter, stageId: number): Promise<OpportunityFilter> =>
    call(() => svc.StageFilter({ ...f }, stageId)).then((w) => ({
      ...w, view: '', sort: (w.sort || '') as OpportunityFilter['sort'],
    })),
  /** stageOpportunities lists a page of the opportunities the funnel counts in a stage. */
  async stageOpportunities(f: FunnelFilter, stageId: number, page: number, pageSize: number): Promise<OpportunityPage> {
    const of = await funnel.stageFilter(f, stageId)
    return opportunities.list(of, page, pageSize)
  },
}
