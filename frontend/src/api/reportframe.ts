// What every analysis report shares (backend/reportframe): the filters a
// manager sets and the four export formats.

/** ReportFilters is reportframe.Filters: the period (inclusive, '' = open), owners or a team, type, source. */
export interface ReportFilters {
  from: string
  to: string
  ownerIds: number[]
  teamId: number
  type: string
  source: string
}

/** ReportFormat: the table as CSV or XLSX, the chart as PNG at screen size or A4 print size (300 dpi). */
export type ReportFormat = 'csv' | 'xlsx' | 'png' | 'png-print'

/** blankReportFilters is no filter at all, with the period given. */
export function blankReportFilters(from = '', to = ''): ReportFilters {
  return { from, to, ownerIds: [], teamId: 0, type: '', source: '' }
}
