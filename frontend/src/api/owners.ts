// The roster of salespeople (负责人).
import * as svc from '../../wailsjs/go/owner/Service'
import { call } from './errors'
import type { Owner, OwnerInput } from './types'

export const owners = {
  list: (includeInactive = true): Promise<Owner[]> => call(() => svc.List(includeInactive)),
  create: (input: OwnerInput): Promise<Owner> => call(() => svc.Create(input)),
  update: (id: number, input: OwnerInput): Promise<Owner> => call(() => svc.Update(id, input)),
  remove: (id: number): Promise<void> => call(() => svc.Delete(id)),
}
