// User preferences and the first-start example data offer.
import * as svc from '../../wailsjs/go/settings/Service'
import { call } from './errors'
import { changed } from './events'
import type { Settings } from './types'

export const settings = {
  get: (): Promise<Settings> => call(() => svc.Get()),
  setLanguage: (lang: string): Promise<Settings> => call(() => svc.SetLanguage(lang)),
  /** setOrderWins chooses what a new order does to its open opportunity: ask, always or never. */
  setOrderWins: (mode: string): Promise<Settings> => call(() => svc.SetOrderWins(mode)),
  loadDemo: (): Promise<Settings> => changed(call(() => svc.LoadDemo()), 'opportunities', 'customers', 'owners', 'stages'),
  declineDemo: (): Promise<Settings> => call(() => svc.DeclineDemo()),
  /** listColumns is the columns the user chose for a list ([]: its defaults). */
  listColumns: (list: string): Promise<string[]> => call(() => svc.ListColumns(list)),
  setListColumns: (list: string, columns: string[]): Promise<string[]> => call(() => svc.SetListColumns(list, columns)),
  removeDemo: (): Promise<Settings> => changed(call(() => svc.RemoveDemo()), 'opportunities', 'customers', 'owners'),
}
