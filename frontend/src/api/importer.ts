// Importing opportunities from CSV or XLSX: preview, adjust the mapping,
// start in the background and poll the progress.
import * as svc from '../../wailsjs/go/importer/Service'
import { importer as models, store } from '../../wailsjs/go/models'
import { call } from './errors'
import { events } from './events'

export type ImportPreview = models.Preview
export type ImportField = models.Field
export type ImportRowError = models.RowError
export type ImportProgress = models.Progress
export type ImportItemCount = store.ImportItemCount
export type ImportResult = models.Result
export type ImportStageChoice = models.StageChoice
export type ImportRecord = store.Import
export type UndoResult = models.UndoResult
export type ImportKindCount = models.KindCount
export type ImportMergeNote = models.MergeNote

/** mergedOf is how many rows of a recorded import were merged into an earlier row's record (kept in its counts). */
export function mergedOf(r: ImportRecord): number {
  return kindCount(r).merged ?? 0
}

/** unchangedOf is how many records a recorded import reached that already held the file's values (not written). */
export function unchangedOf(r: ImportRecord): number {
  return kindCount(r).unchanged ?? 0
}

/** kindCount is the counts of the import's own kind, kept in its mapping JSON. */
function kindCount(r: ImportRecord): { merged?: number; unchanged?: number } {
  try {
    const m = JSON.parse(r.mapping || '{}') as { counts?: { kind: string; merged?: number; unchanged?: number }[] }
    return m.counts?.find((c) => c.kind === r.kind) ?? {}
  } catch {
    return {}
  }
}

/** ImportChoices are the user's choices beside the column mapping. */
export interface ImportChoices {
  /** stages: each stage value of the file mapped or created (the preview's suggestions, possibly changed). */
  stages?: ImportStageChoice[]
  /** dateOrder: 'mdy' | 'dmy' | 'ymd' for dates like 03/04/2025; '' = decided from the file. */
  dateOrder?: string
  /** onDuplicate: 'update' (default) | 'skip' | 'create' for rows matching an existing record of the file's kind. */
  onDuplicate?: string
  /** onDuplicateContacts: the same choice for the contacts of a customer file ('' = as onDuplicate). */
  onDuplicateContacts?: string
  /** kind: 'opportunities' | 'customers' | 'contacts' | 'products' | 'leads'; '' = guessed from the headers. */
  kind?: string
}

/** ImportKinds are the kinds of file the import reads. */
export const importKinds = ['opportunities', 'customers', 'contacts', 'products', 'leads'] as const

// A null mapping asks the backend to map the headers anew (after the kind changed).
function options(mapping: string[] | null, c: ImportChoices = {}, defaultOwnerId = 0): models.PreviewOptions {
  return models.PreviewOptions.createFrom({
    mapping, stages: c.stages ?? [], dateOrder: c.dateOrder ?? '', onDuplicate: c.onDuplicate ?? '', defaultOwnerId,
    kind: c.kind ?? '', onDuplicateContacts: c.onDuplicateContacts ?? '',
  })
}

// Jobs whose success was already announced (Progress is polled many times).
const announced = new Set<string>()

export const importer = {
  /** previewFile parses a file on this computer (the desktop app's open dialog gives the path). */
  previewFile: (path: string): Promise<ImportPreview> => call(() => svc.PreviewFile(path)),
  /** previewData parses an uploaded file: its name and its bytes as base64 (a data: URL is fine). */
  previewData: (fileName: string, base64: string): Promise<ImportPreview> => call(() => svc.PreviewData(fileName, base64)),
  /** validate checks the rows again under an adjusted mapping (one field key per column, '' = ignore). */
  validate: (token: string, mapping: string[] | null, choices?: ImportChoices): Promise<ImportPreview> =>
    call(() => svc.Validate(token, options(mapping, choices))),
  /** start imports in the background; defaultOwnerId 0 = automatic. Resolves to the job id. */
  start: (token: string, mapping: string[], defaultOwnerId: number, choices?: ImportChoices): Promise<string> =>
    call(() => svc.Start(token, options(mapping, choices, defaultOwnerId))),
  /** history lists the recorded imports, newest first. */
  history: (): Promise<ImportRecord[]> => call(() => svc.History()),
  /** undo removes what an import added and restores what it updated; others = keep the records changed since. */
  async undo(id: number, others = false): Promise<UndoResult> {
    const r = await call(() => svc.Undo(id, others))
    events.emit('opportunities', 'customers', 'owners', 'stages', 'products', 'leads')
    return r
  },
  /** undoPlan counts, by table, what undoing an import deletes (added) and restores (updated). */
  undoPlan: (id: number): Promise<ImportItemCount[]> => call(() => svc.UndoPlan(id)),
  /** undoProgress reads how far the undo under way is (importId 0: none; total 0: still checking). */
  undoProgress: (): Promise<models.UndoProgress> => call(() => svc.UndoProgress()),
  /** progress reads how far a job is; the first time it reports success the change is announced. */
  async progress(jobId: string): Promise<ImportProgress> {
    const p = await call(() => svc.Progress(jobId))
    if (p.finished && p.ok && !announced.has(jobId)) {
      announced.add(jobId)
      events.emit('opportunities', 'customers', 'owners', 'stages', 'products', 'leads')
    }
    return p
  },
}
