// Pipeline changes between two dates (销售漏斗变化, backend/changes) and an
// opportunity's field history (amount, probability, close date, owner).
import * as svc from '../../wailsjs/go/changes/Service'
import { changes as models, reportframe, store } from '../../wailsjs/go/models'
import { call } from './errors'
import type { ReportFilters, ReportFormat } from './reportframe'

export type ChangesReport = models.Report
export type ChangesView = models.View
export type ChangesGroup = models.Group
export type ChangesItem = models.Item
export type ChangesStageRow = models.StageRow
export type ChangesFigures = models.Figures
export type FieldChange = store.FieldChange

export const pipelineChanges = {
  /** view computes the report for the frame's filters (from = day A, to = day B) with its chart, in one call. */
  view: (filters: ReportFilters, lang: string): Promise<ChangesView> =>
    call(() => svc.Changes(models.Request.createFrom({ filters: { ...filters }, lang }))),
  /** export writes the report where the user chooses; resolves to the path, or '' if cancelled. */
  export: (filters: ReportFilters, format: ReportFormat): Promise<string> =>
    call(() => svc.Export(reportframe.Filters.createFrom({ ...filters }), format)),
  /** fieldHistory is an opportunity's changes of amount, probability, close date and owner, newest first. */
  fieldHistory: (opportunityId: number): Promise<FieldChange[]> => call(() => svc.FieldHistory(opportunityId)),
}
