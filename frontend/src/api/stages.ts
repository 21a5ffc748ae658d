// Sales stage configuration.
import * as svc from '../../wailsjs/go/stage/Service'
import { call } from './errors'
import type { Stage, StageInput } from './types'

export const stages = {
  list: (): Promise<Stage[]> => call(() => svc.List()),
  create: (input: StageInput): Promise<Stage> => call(() => svc.Create(input)),
  update: (id: number, input: StageInput): Promise<Stage> => call(() => svc.Update(id, input)),
  reorder: (ids: number[]): Promise<Stage[]> => call(() => svc.Reorder(ids)),
  setRetired: (id: number, retired: boolean): Promise<Stage> => call(() => svc.SetRetired(id, retired)),
  remove: (id: number): Promise<void> => call(() => svc.Delete(id)),
}
