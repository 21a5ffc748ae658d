// The global search (Ctrl+K): customers, contacts, opportunities, quotes and orders in one call.
import * as svc from '../../wailsjs/go/search/Service'
import type { search as s, store } from '../../wailsjs/go/models'
import { call } from './errors'

export type SearchHit = store.SearchHit
export type SearchResults = s.Results

export const globalSearch = {
  search: (query: string): Promise<SearchResults> => call(() => svc.Search(query)),
}
