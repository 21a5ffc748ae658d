// Quotations (报价单): list, form, status actions (审核, 弃审, 关闭), the
// company printed on them and the printable page.
import * as svc from '../../wailsjs/go/quote/Service'
import { quote, store } from '../../wailsjs/go/models'
import { call } from './errors'
import { changed } from './events'
import { saveExport } from './exportFile'
import type { ExportFormat } from './exportFile'

export type Quote = store.Quote
/** QuoteInput is a quote as the form sends it (a plain object). */
export type QuoteInput = Omit<quote.Input, 'convertValues'>
export type QuoteDetail = quote.Detail
export type QuotePage = quote.Page
export type Company = quote.Company
export type QuoteStatus = 'open' | 'approved' | 'closed'
/** QuoteAction is what Detail.allowed may hold. */
export type QuoteAction = 'edit' | 'approve' | 'unapprove' | 'close' | 'delete' | 'order'
export type QuoteSortKey = 'quoteDate' | 'number' | 'total' | 'validUntil' | 'status' | 'createdAt' | 'updatedAt'

/** QuoteFilter is the list/export filter; dates bound the quote date, both inclusive. */
export interface QuoteFilter {
  query?: string
  statuses?: QuoteStatus[]
  customerId?: number
  opportunityId?: number
  ownerIds?: number[]
  dateFrom?: string
  dateTo?: string
  sort?: QuoteSortKey | ''
  desc?: boolean
}

function wire(f: QuoteFilter): store.QuoteFilter {
  return {
    query: f.query ?? '', statuses: f.statuses ?? [], customerId: f.customerId ?? 0, opportunityId: f.opportunityId ?? 0,
    ownerIds: f.ownerIds ?? [], dateFrom: f.dateFrom ?? '', dateTo: f.dateTo ?? '', sort: f.sort ?? '', desc: f.desc ?? false,
  }
}

export const quotes = {
  list: (filter: QuoteFilter, page = 1, pageSize = 50): Promise<QuotePage> =>
    call(() => svc.List(quote.ListRequest.createFrom({ filter: wire(filter), page, pageSize }))),
  get: (id: number): Promise<QuoteDetail> => call(() => svc.Get(id)),
  /** draftFromOpportunity is a new quote's input filled from the opportunity (customer, owner, lines). */
  draftFromOpportunity: (opportunityId: number): Promise<QuoteInput> => call(() => svc.DraftFromOpportunity(opportunityId)),
  create: (input: QuoteInput): Promise<QuoteDetail> => changed(call(() => svc.Create(quote.Input.createFrom(input))), 'quotes'),
  update: (id: number, input: QuoteInput): Promise<QuoteDetail> => changed(call(() => svc.Update(id, quote.Input.createFrom(input))), 'quotes'),
  approve: (id: number): Promise<QuoteDetail> => changed(call(() => svc.Approve(id)), 'quotes'),
  unapprove: (id: number): Promise<QuoteDetail> => changed(call(() => svc.Unapprove(id)), 'quotes'),
  close: (id: number): Promise<QuoteDetail> => changed(call(() => svc.Close(id)), 'quotes'),
  remove: (id: number): Promise<void> => changed(call(() => svc.Delete(id)), 'quotes'),
  exportCSV: (filter: QuoteFilter): Promise<string> => call(() => svc.ExportCSV(wire(filter))),
  // replaced by the exports branch
  /** export writes the list under the filter to a file the user picks; resolves to the path, or '' if cancelled. */
  export: (filter: QuoteFilter, format: ExportFormat): Promise<string> => saveExport('quote.fileName', format, () => quotes.exportCSV(filter)),
  /** printHTML is the printable quote: one self-contained A4 page. */
  printHTML: (id: number): Promise<string> => call(() => svc.PrintHTML(id)),
  company: (): Promise<Company> => call(() => svc.Company()),
  setCompany: (c: Company): Promise<Company> => call(() => svc.SetCompany(c)),
}
