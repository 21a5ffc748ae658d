// Sales stage configuration.
import * as svc from '../../wailsjs/go/stage/Service'
import { call } from './errors'
import { changed } from './events'
import type { Stage, StageInput, StageSet, StageSetInput } from './types'

export const stages = {
  list: (): Promise<Stage[]> => call(() => svc.List()),
  create: (input: StageInput): Promise<Stage> => changed(call(() => svc.Create(input)), 'stages'),
  update: (id: number, input: StageInput): Promise<Stage> => changed(call(() => svc.Update(id, input)), 'stages'),
  reorder: (ids: number[]): Promise<Stage[]> => changed(call(() => svc.Reorder(ids)), 'stages'),
  setRetired: (id: number, retired: boolean): Promise<Stage> => changed(call(() => svc.SetRetired(id, retired)), 'stages'),
  remove: (id: number): Promise<void> => changed(call(() => svc.Delete(id)), 'stages'),
  listSets: (): Promise<StageSet[]> => call(() => svc.ListSets()),
  createSet: (input: StageSetInput): Promise<StageSet> => changed(call(() => svc.CreateSet(input)), 'stages'),
  updateSet: (id: number, input: StageSetInput): Promise<StageSet> => changed(call(() => svc.UpdateSet(id, input)), 'stages'),
  removeSet: (id: number): Promise<void> => changed(call(() => svc.DeleteSet(id)), 'stages'),
}
