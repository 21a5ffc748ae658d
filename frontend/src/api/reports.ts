// Reports that follow the orders: receivables (应收) per customer or owner,
// and product sales by product or category and month, with its chart.
import * as svc from '../../wailsjs/go/report/Service'
import * as desktopSvc from '../../wailsjs/go/desktop/Service'
import { report, store } from '../../wailsjs/go/models'
import { call } from './errors'
import { saveExport } from './exportFile'
import type { ExportFormat } from './exportFile'

export type ReceivablesPage = report.ReceivablesPage
export type ReceivableRow = store.ReceivableGroup
export type SalesReport = report.SalesReport
export type SalesRow = report.SalesRow
export type SalesCell = report.SalesCell
export type ReceivablesSortKey = 'name' | 'due' | 'received' | 'outstanding' | 'overdue'

/** ReceivablesQuery asks for a page of the receivables report (as of today). */
export interface ReceivablesQuery {
  groupBy: 'customer' | 'owner'
  query?: string
  ownerIds?: number[]
  customerId?: number
  dueFrom?: string
  dueTo?: string
  overdueOnly?: boolean
  sort?: ReceivablesSortKey | ''
  desc?: boolean
  page?: number
  pageSize?: number
}

/** SalesQuery selects the product sales report: months YYYY-MM (both inclusive). */
export interface SalesQuery {
  groupBy: 'product' | 'category'
  from?: string
  to?: string
  categoryId?: number
  ownerIds?: number[]
  customerId?: number
  lang?: string
}

export interface SalesChartQuery {
  measure: 'amount' | 'quantity'
  size?: 'screen' | 'print'
  lang?: string
  topN?: number
}

function wireReceivables(q: ReceivablesQuery): report.ReceivablesRequest {
  return report.ReceivablesRequest.createFrom({
    groupBy: q.groupBy,
    filter: { ownerIds: q.ownerIds ?? [], customerId: q.customerId ?? 0, query: q.query ?? '', dueFrom: q.dueFrom ?? '', dueTo: q.dueTo ?? '' },
    overdueOnly: q.overdueOnly ?? false, sort: q.sort ?? '', desc: q.desc ?? false, page: q.page ?? 1, pageSize: q.pageSize ?? 50,
  })
}

function wireSales(q: SalesQuery): report.SalesRequest {
  return {
    groupBy: q.groupBy, from: q.from ?? '', to: q.to ?? '', categoryId: q.categoryId ?? 0, ownerIds: q.ownerIds ?? [],
    customerId: q.customerId ?? 0, lang: q.lang ?? 'zh-CN',
  }
}

export const reports = {
  receivables: (q: ReceivablesQuery): Promise<ReceivablesPage> => call(() => svc.Receivables(wireReceivables(q))),
  exportReceivablesCSV: (q: ReceivablesQuery): Promise<string> => call(() => svc.ExportReceivablesCSV(wireReceivables(q))),
  // replaced by the exports branch
  /** exportReceivables writes the whole report under the query (every page) to a file the user picks. */
  exportReceivables: (q: ReceivablesQuery, format: ExportFormat): Promise<string> =>
    saveExport(q.groupBy === 'owner' ? 'report.fileReceivablesOwner' : 'report.fileReceivablesCustomer', format, () => reports.exportReceivablesCSV(q)),
  productSales: (q: SalesQuery): Promise<SalesReport> => call(() => svc.ProductSales(wireSales(q))),
  exportProductSalesCSV: (q: SalesQuery): Promise<string> => call(() => svc.ExportProductSalesCSV(wireSales(q))),
  /** productSalesChart resolves to the chart as base64 PNG. */
  productSalesChart: (q: SalesQuery, c: SalesChartQuery): Promise<string> =>
    call(() => svc.ProductSalesChartPNG(report.SalesChartRequest.createFrom({
      sales: wireSales(q), measure: c.measure, size: c.size ?? 'screen', lang: c.lang ?? 'zh-CN', topN: c.topN ?? 0,
    }))),
  /** savePNG writes a base64 PNG to a file the user picks; resolves to the path, or '' if cancelled. */
  savePNG: (name: string, base64: string): Promise<string> => call(() => desktopSvc.SaveBase64(name, base64)),
}
