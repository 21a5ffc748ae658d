// Sales opportunities (销售机会): list, stage board, saved views and export.
import * as svc from '../../wailsjs/go/opportunity/Service'
import { opportunity } from '../../wailsjs/go/models'
import { call } from './errors'
import { changed } from './events'
import { toWire } from './types'
import type {
  Board, ExportFormat, Move, Opportunity, OpportunityDetail, OpportunityFilter, OpportunityInput, OpportunityOptions, OpportunityPage, SavedView,
} from './types'

export const opportunities = {
  options: (): Promise<OpportunityOptions> => call(() => svc.Options()),
  list: (filter: OpportunityFilter, page = 1, pageSize = 50): Promise<OpportunityPage> =>
    call(() => svc.List(opportunity.ListRequest.createFrom({ filter: toWire(filter), page, pageSize }))),
  board: (filter: OpportunityFilter): Promise<Board> => call(() => svc.Board(toWire(filter))),
  get: (id: number): Promise<OpportunityDetail> => call(() => svc.Get(id)),
  create: (input: OpportunityInput): Promise<Opportunity> => changed(call(() => svc.Create(opportunity.Input.createFrom(input))), 'opportunities'),
  update: (id: number, input: OpportunityInput): Promise<Opportunity> => changed(call(() => svc.Update(id, opportunity.Input.createFrom(input))), 'opportunities'),
  changeStage: (id: number, move: Move): Promise<Opportunity> => changed(call(() => svc.ChangeStage(id, move)), 'opportunities'),
  /** markWon moves an open opportunity to the won outcome stageId (0: its type's first), a signed order's answer. */
  markWon: (id: number, stageId = 0): Promise<Opportunity> => changed(call(() => svc.MarkWon(id, stageId)), 'opportunities'),
  remove: (id: number): Promise<void> => changed(call(() => svc.Delete(id)), 'opportunities'),
  batchDelete: (ids: number[]): Promise<number> => changed(call(() => svc.BatchDelete(ids)), 'opportunities'),
  batchSetOwner: (ids: number[], ownerId: number): Promise<number> => changed(call(() => svc.BatchSetOwner(ids, ownerId)), 'opportunities'),
  /** export writes the filtered list to a file Go asks for; resolves to its path, or '' if cancelled. */
  export: (filter: OpportunityFilter, format: ExportFormat): Promise<string> => call(() => svc.Export(toWire(filter), format)),
  listViews: (): Promise<SavedView[]> => call(() => svc.ListViews()),
  saveView: (name: string, filter: OpportunityFilter): Promise<SavedView> => call(() => svc.SaveView(name, toWire(filter))),
  deleteView: (id: number): Promise<void> => call(() => svc.DeleteView(id)),
}
