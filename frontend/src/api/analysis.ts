// The analysis reports (分析): opportunities by owner/team/…, stage
// conversion, days in stage. Each call is one refresh of its screen: the
// figures and the chart Go drew from them.
import * as svc from '../../wailsjs/go/analysis/Service'
import { analysis as models } from '../../wailsjs/go/models'
import { call } from './errors'
import type { ReportFilters, ReportFormat } from './reportframe'

export type GroupBy = 'owner' | 'team' | 'customer' | 'source' | 'type' | 'stage' | 'lostReason' | 'competitor'
export const groupings: GroupBy[] = ['owner', 'team', 'customer', 'source', 'type', 'stage', 'lostReason', 'competitor']
export type AnalysisRow = models.Row
export type GroupReport = models.GroupReport
export type GroupAnswer = models.GroupAnswer
export type ConversionReport = models.Conversion
export type ConversionAnswer = models.ConversionAnswer
export type StageTimeReport = models.StageTime
export type StageTimeAnswer = models.StageTimeAnswer

const req = (filters: ReportFilters, lang: string) => models.ReportRequest.createFrom({ filters: { ...filters }, lang })
const greq = (filters: ReportFilters, by: GroupBy, lang: string) => models.GroupRequest.createFrom({ filters: { ...filters }, by, lang })

export const analysis = {
  group: (f: ReportFilters, by: GroupBy, lang: string): Promise<GroupAnswer> => call(() => svc.Group(greq(f, by, lang))),
  exportGroup: (f: ReportFilters, by: GroupBy, format: ReportFormat): Promise<string> =>
    call(() => svc.ExportGroup(greq(f, by, ''), format)),
  conversion: (f: ReportFilters, lang: string): Promise<ConversionAnswer> => call(() => svc.Conversion(req(f, lang))),
  exportConversion: (f: ReportFilters, format: ReportFormat): Promise<string> => call(() => svc.ExportConversion(req(f, ''), format)),
  stageTime: (f: ReportFilters, lang: string): Promise<StageTimeAnswer> => call(() => svc.StageTime(req(f, lang))),
  exportStageTime: (f: ReportFilters, format: ReportFormat): Promise<string> => call(() => svc.ExportStageTime(req(f, ''), format)),
}
