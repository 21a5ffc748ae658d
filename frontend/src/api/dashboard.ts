// The 工作台 in one call, and the reminder counts of the navigation badge.
import * as svc from '../../wailsjs/go/dashboard/Service'
import { dashboard as models, store } from '../../wailsjs/go/models'
import { call } from './errors'

export type Dashboard = models.Dashboard
export type ReminderCounts = models.Counts
export type StageBar = models.StageBar
export type DueInstallment = store.DueInstallment
export type ExpiringQuote = store.ExpiringQuote

export const dashboard = {
  get: (): Promise<Dashboard> => call(() => svc.Get()),
  counts: (): Promise<ReminderCounts> => call(() => svc.Counts()),
  /** recycling is the customers the pools' rules will recycle soon: slower than get, so asked after it. */
  recycling: (): Promise<Dashboard['recycling']> => call(() => svc.Recycling()),
}
