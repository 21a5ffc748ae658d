// Reports that follow the orders: receivables (应收) per customer or owner,
// and product sales by product or category and month, with its chart.
import * as svc from '../../wailsjs/go/report/Service'
import { report, store } from '../../wailsjs/go/models'
import { call } from './errors'
import type { ExportFormat } from './types'

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

function wireChart(q: SalesQuery, c: SalesChartQuery): report.SalesChartRequest {
  return report.SalesChartRequest.createFrom({
    sales: wireSales(q), measure: c.measure, size: c.size ?? 'screen', lang: c.lang ?? 'zh-CN', topN: c.topN ?? 0,
  })
}

export const reports = {
  receivables: (q: ReceivablesQuery): Promise<ReceivablesPage> => call(() => svc.Receivables(wireReceivables(q))),
  /** exportReceivables writes the whole report to a file Go asks for; resolves to its path, or '' if cancelled. */
  exportReceivables: (q: ReceivablesQuery, format: ExportFormat): Promise<string> =>
    call(() => svc.ExportReceivables(wireReceivables(q), format)),
  productSales: (q: SalesQuery): Promise<SalesReport> => call(() => svc.ProductSales(wireSales(q))),
  /** exportProductSales writes the report to a file Go asks for; resolves to its path, or '' if cancelled. */
  exportProductSales: (q: SalesQuery, format: ExportFormat): Promise<string> => call(() => svc.ExportProductSales(wireSales(q), format)),
  /** productSalesChart resolves to the chart as base64 PNG, for the screen. */
  productSalesChart: (q: SalesQuery, c: SalesChartQuery): Promise<string> => call(() => svc.ProductSalesChartPNG(wireChart(q, c))),
  /** saveProductSalesChart draws the chart (screen or print size) into a PNG file Go asks for; resolves to its path, or '' if cancelled. */
  saveProductSalesChart: (q: SalesQuery, c: SalesChartQuery): Promise<string> => call(() => svc.SaveProductSalesChart(wireChart(q, c))),
}
