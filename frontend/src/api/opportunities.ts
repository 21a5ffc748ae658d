// Sales opportunities (销售机会): list, stage board, saved views and export.
import * as svc from '../../wailsjs/go/opportunity/Service'
import { opportunity } from '../../wailsjs/go/models'
import { call } from './errors'
import { toWire } from './types'
import type {
  Board, Move, Opportunity, OpportunityDetail, OpportunityFilter, OpportunityInput, OpportunityOptions, OpportunityPage, SavedView,
} from './types'

export const opportunities = {
  options: (): Promise<OpportunityOptions> => call(() => svc.Options()),
  list: (filter: OpportunityFilter, page = 1, pageSize = 50): Promise<OpportunityPage> =>
    call(() => svc.List(opportunity.ListRequest.createFrom({ filter: toWire(filter), page, pageSize }))),
  board: (filter: OpportunityFilter): Promise<Board> => call(() => svc.Board(toWire(filter))),
  get: (id: number): Promise<OpportunityDetail> => call(() => svc.Get(id)),
  create: (input: OpportunityInput): Promise<Opportunity> => call(() => svc.Create(input)),
  update: (id: number, input: OpportunityInput): Promise<Opportunity> => call(() => svc.Update(id, input)),
  changeStage: (id: number, move: Move): Promise<Opportunity> => call(() => svc.ChangeStage(id, move)),
  remove: (id: number): Promise<void> => call(() => svc.Delete(id)),
  batchDelete: (ids: number[]): Promise<number> => call(() => svc.BatchDelete(ids)),
  batchSetOwner: (ids: number[], ownerId: number): Promise<number> => call(() => svc.BatchSetOwner(ids, ownerId)),
  exportCSV: (filter: OpportunityFilter): Promise<string> => call(() => svc.ExportCSV(toWire(filter))),
  listViews: (): Promise<SavedView[]> => call(() => svc.ListViews()),
  saveView: (name: string, filter: OpportunityFilter): Promise<SavedView> => call(() => svc.SaveView(name, toWire(filter))),
  deleteView: (id: number): Promise<void> => call(() => svc.DeleteView(id)),
}
