// The roster of salespeople (负责人).
import * as svc from '../../wailsjs/go/owner/Service'
import { call } from './errors'
import { changed } from './events'
import type { Owner, OwnerInput } from './types'

export const owners = {
  list: (includeInactive = true): Promise<Owner[]> => call(() => svc.List(includeInactive)),
  create: (input: OwnerInput): Promise<Owner> => changed(call(() => svc.Create(input)), 'owners'),
  update: (id: number, input: OwnerInput): Promise<Owner> => changed(call(() => svc.Update(id, input)), 'owners'),
  remove: (id: number): Promise<void> => changed(call(() => svc.Delete(id)), 'owners'),
}
