// replaced by the exports branch: until Go writes export files itself, a CSV
// still travels to JS as one string and back through desktop.SaveText, and
// XLSX is refused. The api modules' export(filter, format) functions go
// through here so that views already call the final shape.
import { desktop } from './desktop'
import { i18n } from '../locales'
import { compactDate } from '../utils/format'

/** ExportFormat is what a list can be exported as. */
export type ExportFormat = 'csv' | 'xlsx'

/** saveExport asks for the CSV and saves it; resolves to the path, or '' if the user cancelled. */
export async function saveExport(fileKey: string, format: ExportFormat, csv: () => Promise<string>): Promise<string> {
  if (format !== 'csv') throw new Error('XLSX export not available yet')
  const content = await csv()
  return desktop.saveText(`${i18n.global.t(fileKey)}-${compactDate()}.csv`, content)
}
