// Customers (客户) and their contacts (follow-ups: ./followups).
import * as svc from '../../wailsjs/go/customer/Service'
import { call } from './errors'
import { changed } from './events'
import type {
  ContactInput, Contact, Customer, CustomerDetail, ExportFormat, CustomerInput, CustomerOptions, CustomerPage,
} from './types'

export interface CustomerQuery {
  query?: string
  classification?: string
  ownerId?: number
  page?: number
  pageSize?: number
}

export const customers = {
  options: (): Promise<CustomerOptions> => call(() => svc.Options()),
  list: (q: CustomerQuery): Promise<CustomerPage> =>
    call(() => svc.List({
      query: q.query ?? '', classification: q.classification ?? '', ownerId: q.ownerId ?? 0,
      page: q.page ?? 1, pageSize: q.pageSize ?? 20,
    })),
  get: (id: number): Promise<CustomerDetail> => call(() => svc.Get(id)),
  create: (input: CustomerInput): Promise<Customer> => changed(call(() => svc.Create(input)), 'customers'),
  update: (id: number, input: CustomerInput): Promise<Customer> => changed(call(() => svc.Update(id, input)), 'customers'),
  remove: (id: number): Promise<void> => changed(call(() => svc.Delete(id)), 'customers'),
  sameName: (name: string, excludeId: number): Promise<Customer[]> => call(() => svc.SameName(name, excludeId)),
  addContact: (customerId: number, input: ContactInput): Promise<Contact> => changed(call(() => svc.AddContact(customerId, input)), 'customers'),
  updateContact: (id: number, input: ContactInput): Promise<Contact> => changed(call(() => svc.UpdateContact(id, input)), 'customers'),
  removeContact: (id: number): Promise<void> => changed(call(() => svc.DeleteContact(id)), 'customers'),
  /** export writes every customer matching q (whatever its page) to a file Go asks for; resolves to its path, or '' if cancelled. */
  export: (q: CustomerQuery, format: ExportFormat): Promise<string> =>
    call(() => svc.Export({
      query: q.query ?? '', classification: q.classification ?? '', ownerId: q.ownerId ?? 0, page: 1, pageSize: 0,
    }, format)),
}
