// The recycle bin (回收站) and the operation log (操作日志).
import * as bin from '../../wailsjs/go/recycle/Service'
import * as log from '../../wailsjs/go/oplog/Service'
import type { oplog, recycle as rc, store } from '../../wailsjs/go/models'
import { call } from './errors'
import { changed } from './events'
import type { ExportFormat } from './types'

export type BinEntry = store.BinEntry
export type BinPage = rc.Page
export type LogEntry = oplog.Item
export type LogPage = oplog.Page

/** BinQuery selects entries of the bin. */
export interface BinQuery {
  kind?: string
  query?: string
}

/** LogQuery selects rows of the operation log; kind with recordId is one record's history. */
export interface LogQuery {
  kind?: string
  action?: string
  recordId?: number
  from?: string
  to?: string
  query?: string
}

// A restore brings back rows of any list.
const everything = ['customers', 'opportunities', 'products', 'quotes', 'orders', 'recycle'] as const

const logFilter = (q: LogQuery, page: number, pageSize: number): oplog.Filter => ({
  kind: q.kind ?? '', action: q.action ?? '', recordId: q.recordId ?? 0, from: q.from ?? '', to: q.to ?? '',
  query: q.query ?? '', page, pageSize,
})

export const recycleBin = {
  list: (q: BinQuery, page = 1, pageSize = 20): Promise<BinPage> =>
    call(() => bin.List({ kind: q.kind ?? '', query: q.query ?? '', page, pageSize })),
  restore: (ids: number[]): Promise<number> => changed(call(() => bin.Restore(ids)), ...everything),
  purge: (ids: number[]): Promise<number> => changed(call(() => bin.Purge(ids)), 'recycle'),
  empty: (): Promise<number> => changed(call(() => bin.Empty()), 'recycle'),
  setDays: (days: number): Promise<number> => changed(call(() => bin.SetDays(days)), 'recycle'),
}

export const opLog = {
  list: (q: LogQuery, page = 1, pageSize = 20): Promise<LogPage> => call(() => log.List(logFilter(q, page, pageSize))),
  /** export writes every row matching q to a file Go asks for; resolves to its path, or '' if cancelled. */
  export: (q: LogQuery, format: ExportFormat): Promise<string> => call(() => log.Export(logFilter(q, 1, 0), format)),
}
