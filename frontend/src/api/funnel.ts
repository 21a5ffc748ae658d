// The sales funnel (销售漏斗): the figures and the chart drawn by the Go side
// from one computation, the click-through to a stage's opportunities, and the
// PNG export that Go writes to disk.
import * as svc from '../../wailsjs/go/funnel/Service'
import { funnel as models } from '../../wailsjs/go/models'
import { call } from './errors'
import type { OpportunityPage } from './types'

export type FunnelFilter = models.Filter
export type FunnelReport = models.Report
export type FunnelRow = models.Row
export type FunnelChart = models.Chart
export type ChartArea = models.StageArea
export type ChartMeasure = 'count' | 'amount'
export type ChartSize = 'screen' | 'print'

/** blankFunnelFilter is "everything": all owners, all dates, any type and source. */
export function blankFunnelFilter(): FunnelFilter {
  return { ownerId: 0, from: '', to: '', type: '', source: '', stageSetId: 0 }
}

export const funnel = {
  /** figures is the screen's figures alone, without drawing the chart (drawChart draws it from them). */
  figures: (f: FunnelFilter, measure: ChartMeasure, lang: string): Promise<FunnelReport> =>
    call(async () => (await svc.View(models.ViewRequest.createFrom({ filter: { ...f }, measure, lang, figuresOnly: true }))).report),
  /** drawChart draws the screen chart of figures that view or figures returned, without reading the database. */
  drawChart: (report: FunnelReport, measure: ChartMeasure, lang: string): Promise<FunnelChart> =>
    call(() => svc.DrawChart(models.DrawRequest.createFrom({ report, measure, lang }))),
  /** stage lists a page of the opportunities the funnel counts in a stage (0: every stage). */
  stage: (f: FunnelFilter, stageId: number, page: number, pageSize: number): Promise<OpportunityPage> =>
    call(() => svc.Stage(models.StageRequest.createFrom({ filter: { ...f }, stageId, page, pageSize }))),
  /** saveChart has Go draw the chart and write it where the user chooses; resolves to the path, or '' if cancelled. */
  saveChart: (f: FunnelFilter, measure: ChartMeasure, size: ChartSize, lang: string): Promise<string> =>
    call(() => svc.SaveChart(models.ChartRequest.createFrom({ filter: { ...f }, measure, size, lang }))),
}
