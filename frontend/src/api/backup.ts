// Backups and restore: back up now, the daily automatic backup's rules, the
// backup folder, and a restore that first backs up what it replaces.
import * as svc from '../../wailsjs/go/backup/Service'
import { backup as models } from '../../wailsjs/go/models'
import { call } from './errors'
import { changed } from './events'

export type BackupEntry = models.Entry
export type BackupStatus = models.Status
export type BackupRestored = models.Restored

/** BackupSettings are the automatic backup's rules. */
export interface BackupSettings {
  auto: boolean
  keepDays: number
  keepWeeks: number
}

// Every topic: a restore replaces all the data, so every screen reloads.
const all = ['opportunities', 'customers', 'owners', 'stages', 'products', 'quotes', 'orders'] as const

export const backups = {
  status: (): Promise<BackupStatus> => call(() => svc.Status()),
  backupNow: (): Promise<BackupEntry> => call(() => svc.BackupNow()),
  setSettings: (s: BackupSettings): Promise<BackupStatus> => call(() => svc.SetSettings(s as models.Settings)),
  /** chooseFolder opens the native folder dialog (desktop only; headless it is refused). */
  chooseFolder: (): Promise<BackupStatus> => call(() => svc.ChooseFolder()),
  preview: (path: string): Promise<BackupEntry> => call(() => svc.Preview(path)),
  restore: (path: string): Promise<BackupRestored> => changed(call(() => svc.Restore(path)), ...all),
}
