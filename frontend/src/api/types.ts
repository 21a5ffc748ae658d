// Types the views use, re-exported from the generated models so that views
// never import wailsjs themselves.
import { customer, opportunity, owner, settings, stage, store } from '../../wailsjs/go/models'

export type Owner = store.Owner
export type Stage = store.Stage
export type Customer = store.Customer
export type Contact = store.Contact
export type Opportunity = store.Opportunity
export type StageChange = store.StageChange
export type StageKind = 'open' | 'won' | 'lost'
/** ExportFormat is what a list or report exports as: CSV (importable) or XLSX (typed cells). */
export type ExportFormat = 'csv' | 'xlsx'

export type CustomerInput = Omit<customer.Input, never>
export type CustomerFilter = customer.Filter
export type CustomerPage = customer.Page
export type CustomerDetail = customer.Detail
export type CustomerOptions = customer.Options
export type ContactInput = customer.ContactInput

/** OpportunityInput is an opportunity as the form sends it (a plain object). */
export type OpportunityInput = Omit<opportunity.Input, 'convertValues'>
export type OpportunityPage = opportunity.Page
export type OpportunityDetail = opportunity.Detail
export type OpportunityOptions = opportunity.Options
export type Board = opportunity.Board
export type BoardColumn = opportunity.Column
export type Move = opportunity.Move
export type SavedView = opportunity.View

export type OwnerInput = owner.Input
export type StageInput = stage.Input
export type StageSet = store.StageSet
export type StageSetInput = stage.SetInput
export type Settings = settings.Settings

/** Sort keys the opportunity list accepts (server side). */
export type SortKey = 'expectedClose' | 'name' | 'amount' | 'probability' | 'updatedAt' | 'createdAt' | 'stage' | 'lastFollowup'

/** OpportunityFilter is the list/board/export filter, every field optional. */
export interface OpportunityFilter {
  view?: '' | 'all' | 'won' | 'open' | 'lost' | 'createdMonth' | 'closedMonth'
  stageIds?: number[]
  ownerIds?: number[]
  sources?: string[]
  types?: string[]
  customerId?: number
  closeFrom?: string
  closeTo?: string
  /** stageSetId: only the types of that stage set (0 or absent: every type). */
  stageSetId?: number
  query?: string
  sort?: SortKey | ''
  desc?: boolean
}

/** toWire fills the zero values Go expects, so the filter always decodes the same way. */
export function toWire(f: OpportunityFilter): store.OpportunityFilter {
  return {
    view: f.view && f.view !== 'all' ? f.view : '',
    stageIds: f.stageIds ?? [],
    ownerIds: f.ownerIds ?? [],
    sources: f.sources ?? [],
    types: f.types ?? [],
    customerId: f.customerId ?? 0,
    closeFrom: f.closeFrom ?? '',
    closeTo: f.closeTo ?? '',
    stageSetId: f.stageSetId ?? 0,
    createdFrom: '',
    createdTo: '',
    closedFrom: '',
    closedTo: '',
    query: f.query ?? '',
    sort: f.sort ?? '',
    desc: f.desc ?? false,
  }
}
