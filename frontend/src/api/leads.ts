// Leads (线索): the list, the form, status changes, batch assign, the
// conversion into customer + contact + opportunity, and the conversion report.
import * as svc from '../../wailsjs/go/lead/Service'
import { lead } from '../../wailsjs/go/models'
import type { store } from '../../wailsjs/go/models'
import { call } from './errors'
import { changed } from './events'
import type { ExportFormat } from './types'

export type Lead = store.Lead
export type LeadStatus = 'new' | 'working' | 'converted' | 'invalid'
export type LeadInput = Omit<lead.Input, 'convertValues'>
export type LeadOptions = lead.Options
export type LeadConvertInput = Omit<lead.ConvertInput, 'convertValues'>
export type LeadConverted = lead.Converted
export type LeadConvertCheck = lead.ConvertCheck
export type LeadReport = lead.Report
export type LeadRateRow = lead.RateRow
export interface LeadPage { items: Lead[]; total: number; page: number; pageSize: number }

/** LeadFilter is the list's filter; dates are YYYY-MM-DD, '' for open. */
export interface LeadFilter {
  query: string
  status: string
  ownerId: number
  source: string
  createdFrom: string
  createdTo: string
}

/** LeadReportQuery asks for the conversion report of the leads created in a period, by source or by owner. */
export interface LeadReportQuery { by: 'source' | 'owner'; from: string; to: string }

// A conversion adds customers, contacts and opportunities.
const convertTopics = ['leads', 'customers', 'opportunities'] as const

export const leads = {
  options: (): Promise<LeadOptions> => call(() => svc.Options()),
  list: (filter: LeadFilter, page: number, pageSize: number): Promise<LeadPage> =>
    call(() => svc.List(lead.ListRequest.createFrom({ filter, page, pageSize }))),
  get: (id: number): Promise<Lead> => call(() => svc.Get(id)),
  create: (input: LeadInput): Promise<Lead> => changed(call(() => svc.Create(input)), 'leads'),
  update: (id: number, input: LeadInput): Promise<Lead> => changed(call(() => svc.Update(id, input)), 'leads'),
  /** remove moves the lead with its follow-ups to the recycle bin. */
  remove: (id: number): Promise<void> => changed(call(() => svc.Delete(id)), 'leads', 'recycle'),
  /** setStatus sets the status of the leads ids; invalid needs a reason. */
  setStatus: (ids: number[], status: LeadStatus, reason = ''): Promise<Lead[]> =>
    changed(call(() => svc.SetStatus({ ids, status, reason })), 'leads'),
  /** batchAssign gives the leads to an owner; resolves to how many changed hands. */
  batchAssign: (ids: number[], ownerId: number): Promise<number> => changed(call(() => svc.BatchAssign(ids, ownerId)), 'leads'),
  /** checkConvert gives the names a conversion would use and the customers it would duplicate. */
  checkConvert: (id: number, customerName = ''): Promise<LeadConvertCheck> => call(() => svc.CheckConvert(id, customerName)),
  convert: (input: LeadConvertInput): Promise<LeadConverted> => changed(call(() => svc.Convert(input)), ...convertTopics),
  export: (filter: LeadFilter, format: ExportFormat): Promise<string> => call(() => svc.Export(filter, format)),
  report: (q: LeadReportQuery): Promise<LeadReport> => call(() => svc.ConversionReport(q)),
  exportReport: (q: LeadReportQuery, format: ExportFormat): Promise<string> => call(() => svc.ExportConversion(q, format)),
}
