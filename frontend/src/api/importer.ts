// Importing opportunities from CSV or XLSX: preview, adjust the mapping,
// start in the background and poll the progress.
import * as svc from '../../wailsjs/go/importer/Service'
import { importer as models } from '../../wailsjs/go/models'
import { call } from './errors'
import { events } from './events'

export type ImportPreview = models.Preview
export type ImportField = models.Field
export type ImportRowError = models.RowError
export type ImportProgress = models.Progress
export type ImportResult = models.Result

// Jobs whose success was already announced (Progress is polled many times).
const announced = new Set<string>()

export const importer = {
  /** previewFile parses a file on this computer (the desktop app's open dialog gives the path). */
  previewFile: (path: string): Promise<ImportPreview> => call(() => svc.PreviewFile(path)),
  /** previewData parses an uploaded file: its name and its bytes as base64 (a data: URL is fine). */
  previewData: (fileName: string, base64: string): Promise<ImportPreview> => call(() => svc.PreviewData(fileName, base64)),
  /** validate checks the rows again under an adjusted mapping (one field key per column, '' = ignore). */
  validate: (token: string, mapping: string[]): Promise<ImportPreview> => call(() => svc.Validate(token, mapping)),
  /** start imports in the background; defaultOwnerId 0 = automatic. Resolves to the job id. */
  start: (token: string, mapping: string[], defaultOwnerId: number): Promise<string> =>
    call(() => svc.Start(token, mapping, defaultOwnerId)),
  /** progress reads how far a job is; the first time it reports success the change is announced. */
  async progress(jobId: string): Promise<ImportProgress> {
    const p = await call(() => svc.Progress(jobId))
    if (p.finished && p.ok && !announced.has(jobId)) {
      announced.add(jobId)
      events.emit('opportunities', 'customers', 'owners')
    }
    return p
  },
}
