// Customers (客户), their contacts and follow-ups.
import * as svc from '../../wailsjs/go/customer/Service'
import { call } from './errors'
import type {
  ContactInput, Contact, Customer, CustomerDetail, CustomerInput, CustomerOptions, CustomerPage, FollowUp, FollowUpInput,
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
  create: (input: CustomerInput): Promise<Customer> => call(() => svc.Create(input)),
  update: (id: number, input: CustomerInput): Promise<Customer> => call(() => svc.Update(id, input)),
  remove: (id: number): Promise<void> => call(() => svc.Delete(id)),
  sameName: (name: string, excludeId: number): Promise<Customer[]> => call(() => svc.SameName(name, excludeId)),
  addContact: (customerId: number, input: ContactInput): Promise<Contact> => call(() => svc.AddContact(customerId, input)),
  updateContact: (id: number, input: ContactInput): Promise<Contact> => call(() => svc.UpdateContact(id, input)),
  removeContact: (id: number): Promise<void> => call(() => svc.DeleteContact(id)),
  addFollowUp: (customerId: number, input: FollowUpInput): Promise<FollowUp> => call(() => svc.AddFollowUp(customerId, input)),
  removeFollowUp: (id: number): Promise<void> => call(() => svc.DeleteFollowUp(id)),
}
