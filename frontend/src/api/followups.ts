// Follow-ups (跟进记录) on customers, contacts, opportunities and leads, and their
// settings (the methods offered, desktop notifications on or off).
import * as svc from '../../wailsjs/go/followup/Service'
import { followup, store } from '../../wailsjs/go/models'
import { call } from './errors'
import { changed } from './events'

export type FollowUp = store.FollowUp
/** FollowUpInput is a follow-up as the form sends it (leadId alone for one on a lead). */
export type FollowUpInput = Omit<followup.Input, 'convertValues' | 'leadId'> & { leadId?: number }
/** FollowUpOf names whose follow-ups to list: a lead, an opportunity, else a contact, else a customer (all of its). */
export interface FollowUpOf { customerId?: number; contactId?: number; opportunityId?: number; leadId?: number }
export type FollowUpOptions = followup.Options

// A follow-up moves the last follow-up dates of customers and opportunities
// and the 工作台's reminders.
const topics = ['followups', 'customers', 'opportunities'] as const

export const followups = {
  list: (of: FollowUpOf): Promise<FollowUp[]> =>
    call(() => svc.List({ customerId: of.customerId ?? 0, contactId: of.contactId ?? 0, opportunityId: of.opportunityId ?? 0, leadId: of.leadId ?? 0 })),
  create: (input: FollowUpInput): Promise<FollowUp> => changed(call(() => svc.Create({ ...input, leadId: input.leadId ?? 0 })), ...topics),
  update: (id: number, input: FollowUpInput): Promise<FollowUp> =>
    changed(call(() => svc.Update(id, { ...input, leadId: input.leadId ?? 0 })), ...topics),
  remove: (id: number): Promise<void> => changed(call(() => svc.Delete(id)), ...topics),
  options: (): Promise<FollowUpOptions> => call(() => svc.Options()),
  setMethods: (methods: string[]): Promise<FollowUpOptions> => call(() => svc.SetMethods(methods)),
  setNotify: (on: boolean): Promise<FollowUpOptions> => call(() => svc.SetNotify(on)),
  /** makeTask makes a sales task of the follow-up's next action. */
  makeTask: (id: number): Promise<store.Task> => changed(call(() => svc.MakeTask(id)), 'tasks'),
}
