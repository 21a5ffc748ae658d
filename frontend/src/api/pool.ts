// Public pools (公海池), teams (团队) and the duplicate check (查重).
import * as svc from '../../wailsjs/go/pool/Service'
import * as teamSvc from '../../wailsjs/go/team/Service'
import type { pool, store, team } from '../../wailsjs/go/models'
import { call } from './errors'
import { changed } from './events'

export type Pool = store.Pool
export type PoolRule = store.PoolRule
export type PoolMember = store.PoolMember
export type PoolSettings = pool.Settings
export type PoolInput = pool.Input
/** PoolInputPlain is PoolInput as a form builds it (plain objects, no generated class methods). */
export type PoolInputPlain = Omit<PoolInput, 'convertValues' | 'members' | 'rules'> & {
  members: { teamId?: number; ownerId?: number }[]
  rules: Omit<PoolRule, 'keepStageId'>[] & { keepStageId?: number }[]
}
export type PoolOverview = pool.Overview
export type PoolCustomer = store.PoolCustomer
export type PoolPage = pool.Page
export type PoolAction = pool.ActionInput
export type FlowRow = store.Flow
export type RecycleMove = pool.Move
export type RecycleReport = pool.Report
export type Duplicate = pool.Duplicate
export type Team = store.Team
export type TeamTree = team.Tree
export type TeamInput = team.Input

/** PoolQuery is the pool screen's filter. */
export interface PoolQuery {
  poolId: number
  voided: boolean
  query: string
  level: string
  source: string
  industry: string
  region: string
  reason: string
  noFollowUpDays: number
  inPoolDays: number
  sort: string
  desc: boolean
}

export const pools = {
  overview: (): Promise<PoolOverview> => call(() => svc.Overview()),
  get: (id: number): Promise<PoolSettings> => call(() => svc.Get(id)),
  save: (id: number, input: PoolInputPlain): Promise<PoolSettings> => changed(call(() => svc.Save(id, input as PoolInput)), 'pools'),
  remove: (id: number): Promise<void> => changed(call(() => svc.Delete(id)), 'pools'),
  setLevels: (levels: string[]): Promise<string[]> => changed(call(() => svc.SetLevels(levels)), 'pools'),
  customers: (q: PoolQuery, page: number, pageSize: number): Promise<PoolPage> =>
    call(() => svc.Customers({ ...q, page, pageSize })),
  claim: (a: PoolAction) => changed(call(() => svc.Claim(a)), 'pools', 'customers'),
  assign: (a: PoolAction) => changed(call(() => svc.Assign(a)), 'pools', 'customers'),
  giveBack: (a: PoolAction) => changed(call(() => svc.Return(a)), 'pools', 'customers'),
  voidThem: (a: PoolAction) => changed(call(() => svc.Void(a)), 'pools', 'customers'),
  restore: (a: PoolAction) => changed(call(() => svc.Restore(a)), 'pools', 'customers'),
  move: (a: PoolAction) => changed(call(() => svc.Move(a)), 'pools', 'customers'),
  history: (customerId: number): Promise<FlowRow[]> => call(() => svc.History(customerId)),
  duplicates: (name: string, phone: string, email: string, excludeId: number): Promise<Duplicate[]> =>
    call(() => svc.Duplicates({ name, phone, email, excludeId })),
  /** recycleWarnings lists the customers the rules will recycle soon (days 0: each rule's own warning days). */
  recycleWarnings: (days = 0): Promise<RecycleMove[]> => call(() => svc.RecycleWarnings(days)),
  runRecycle: (dryRun: boolean): Promise<RecycleReport> => changed(call(() => svc.RunRecycle(dryRun)), 'pools', 'customers'),
}

export const teams = {
  list: (): Promise<TeamTree> => call(() => teamSvc.List()),
  save: (id: number, input: TeamInput): Promise<Team> => changed(call(() => teamSvc.Save(id, input)), 'owners'),
  remove: (id: number): Promise<void> => changed(call(() => teamSvc.Delete(id)), 'owners'),
  setMember: (ownerId: number, teamId: number): Promise<void> => changed(call(() => teamSvc.SetMember(ownerId, teamId)), 'owners'),
}

