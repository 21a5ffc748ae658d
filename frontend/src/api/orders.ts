// Sales orders (合同订单) and what hangs off them: payment plan (回款计划),
// receipts (回款), invoices (开票), returns (退货单), voiding, the customer's
// credit (信用), and the receipt and invoice lists.
import * as svc from '../../wailsjs/go/order/Service'
import { order, store } from '../../wailsjs/go/models'
import { call } from './errors'
import { changed } from './events'
import type { ExportFormat } from './types'

export type Order = store.Order
export type OrderLine = store.OrderLine
export type Installment = store.Installment
export type Receipt = store.Receipt
export type Invoice = store.Invoice
export type SalesReturn = store.SalesReturn
/** OrderInput is an order as the form sends it (a plain object). */
export type OrderInput = Omit<order.Input, 'convertValues'>
export type OrderHeaderInput = order.HeaderInput
export type OrderDetail = order.Detail
export type OrderFigures = order.Figures
export type OrderPage = order.Page
export type OrderOptions = order.Options
export type InstallmentInput = order.InstallmentInput
export type ReceiptInput = order.ReceiptInput
export type InvoiceInput = order.InvoiceInput
export type ReturnInput = Omit<order.ReturnInput, 'convertValues'>
export type ReturnLineInput = order.ReturnLineInput
export type ReceiptPage = order.ReceiptPage
export type InvoicePage = order.InvoicePage
export type Credit = order.Credit
export type CreditInput = order.CreditInput
export type TermsInput = order.TermsInput
export type OrderStatus = 'active' | 'completed' | 'voided'
/** OrderAction is what Detail.allowed may hold. */
export type OrderAction = 'edit' | 'plan' | 'receipt' | 'invoice' | 'return' | 'void'
export type OrderSortKey = 'signedDate' | 'number' | 'total' | 'net' | 'received' | 'outstanding' | 'invoiced' | 'status' | 'createdAt' | 'updatedAt'
export type MoneySortKey = 'date' | 'number' | 'amount' | 'createdAt'

/** OrderFilter is the order list/export filter; overdue and outstanding keep orders with money late or still to come. */
export interface OrderFilter {
  query?: string
  statuses?: OrderStatus[]
  customerId?: number
  opportunityId?: number
  quoteId?: number
  ownerIds?: number[]
  signedFrom?: string
  signedTo?: string
  overdue?: boolean
  outstanding?: boolean
  sort?: OrderSortKey | ''
  desc?: boolean
}

/** MoneyFilter selects receipts (methods) or invoices (kinds); ownerIds are the installments' or orders' owners. */
export interface MoneyFilter {
  query?: string
  customerId?: number
  orderId?: number
  ownerIds?: number[]
  methods?: string[]
  kinds?: string[]
  dateFrom?: string
  dateTo?: string
  sort?: MoneySortKey | ''
  desc?: boolean
}

function wire(f: OrderFilter): store.OrderFilter {
  return {
    query: f.query ?? '', statuses: f.statuses ?? [], customerId: f.customerId ?? 0, opportunityId: f.opportunityId ?? 0,
    quoteId: f.quoteId ?? 0, ownerIds: f.ownerIds ?? [], signedFrom: f.signedFrom ?? '', signedTo: f.signedTo ?? '',
    overdue: f.overdue ?? false, outstanding: f.outstanding ?? false, sort: f.sort ?? '', desc: f.desc ?? false,
  }
}

function wireReceipts(f: MoneyFilter): store.ReceiptFilter {
  return {
    query: f.query ?? '', customerId: f.customerId ?? 0, orderId: f.orderId ?? 0, ownerIds: f.ownerIds ?? [],
    methods: f.methods ?? [], dateFrom: f.dateFrom ?? '', dateTo: f.dateTo ?? '', sort: f.sort ?? '', desc: f.desc ?? false,
  }
}

function wireInvoices(f: MoneyFilter): store.InvoiceFilter {
  return {
    query: f.query ?? '', customerId: f.customerId ?? 0, orderId: f.orderId ?? 0, ownerIds: f.ownerIds ?? [],
    kinds: f.kinds ?? [], dateFrom: f.dateFrom ?? '', dateTo: f.dateTo ?? '', sort: f.sort ?? '', desc: f.desc ?? false,
  }
}

export const orders = {
  options: (): Promise<OrderOptions> => call(() => svc.Options()),
  list: (filter: OrderFilter, page = 1, pageSize = 50): Promise<OrderPage> =>
    call(() => svc.List(order.ListRequest.createFrom({ filter: wire(filter), page, pageSize }))),
  get: (id: number): Promise<OrderDetail> => call(() => svc.Get(id)),
  draftFromQuote: (quoteId: number): Promise<OrderInput> => call(() => svc.DraftFromQuote(quoteId)),
  draftFromOpportunity: (opportunityId: number): Promise<OrderInput> => call(() => svc.DraftFromOpportunity(opportunityId)),
  /** create makes an order; it is refused over the customer's credit limit (code conflict, field customerId). */
  create: (input: OrderInput): Promise<OrderDetail> => changed(call(() => svc.Create(order.Input.createFrom(input))), 'orders', 'quotes'),
  update: (id: number, input: OrderHeaderInput): Promise<OrderDetail> => changed(call(() => svc.Update(id, input)), 'orders'),
  void: (id: number, reason: string): Promise<OrderDetail> => changed(call(() => svc.Void(id, reason)), 'orders', 'quotes'),
  /** remove moves an order without receipts, invoices or returns to the recycle bin. */
  remove: (id: number): Promise<void> => changed(call(() => svc.Delete(id)), 'orders', 'quotes', 'recycle'),
  /** setPlan replaces the payment plan; it must add up to the net total (errors name plan[i].field or plan). */
  setPlan: (id: number, plan: InstallmentInput[]): Promise<OrderDetail> => changed(call(() => svc.SetPlan(id, plan)), 'orders'),
  recordReceipt: (input: ReceiptInput): Promise<OrderDetail> => changed(call(() => svc.RecordReceipt(input)), 'orders'),
  removeReceipt: (id: number): Promise<OrderDetail> => changed(call(() => svc.DeleteReceipt(id)), 'orders'),
  addInvoice: (input: InvoiceInput): Promise<OrderDetail> => changed(call(() => svc.AddInvoice(input)), 'orders'),
  removeInvoice: (id: number): Promise<OrderDetail> => changed(call(() => svc.DeleteInvoice(id)), 'orders'),
  createReturn: (input: ReturnInput): Promise<OrderDetail> => changed(call(() => svc.CreateReturn(order.ReturnInput.createFrom(input))), 'orders'),
  /** export writes the filtered list to a file Go asks for; resolves to its path, or '' if cancelled. */
  export: (filter: OrderFilter, format: ExportFormat): Promise<string> => call(() => svc.Export(wire(filter), format)),

  customerCredit: (customerId: number): Promise<Credit> => call(() => svc.CustomerCredit(customerId)),
  /** setCustomerCredit sets the limit (yuan; '' for none) and the credit days. */
  setCustomerCredit: (customerId: number, input: CreditInput): Promise<Credit> => changed(call(() => svc.SetCustomerCredit(customerId, input)), 'customers'),
  /** setCustomerTerms saves the price list (0: none), credit limit and days in one transaction. */
  setCustomerTerms: (customerId: number, input: TermsInput): Promise<Credit> => changed(call(() => svc.SetCustomerTerms(customerId, input)), 'customers'),

  receipts: (filter: MoneyFilter, page = 1, pageSize = 50): Promise<ReceiptPage> =>
    call(() => svc.ListReceipts(order.ReceiptListRequest.createFrom({ filter: wireReceipts(filter), page, pageSize }))),
  exportReceipts: (filter: MoneyFilter, format: ExportFormat): Promise<string> => call(() => svc.ExportReceipts(wireReceipts(filter), format)),
  invoices: (filter: MoneyFilter, page = 1, pageSize = 50): Promise<InvoicePage> =>
    call(() => svc.ListInvoices(order.InvoiceListRequest.createFrom({ filter: wireInvoices(filter), page, pageSize }))),
  exportInvoices: (filter: MoneyFilter, format: ExportFormat): Promise<string> => call(() => svc.ExportInvoices(wireInvoices(filter), format)),
}
