// The columns a list shows, chosen by the user and remembered in the
// database's settings (settings.listColumns), so any list screen can offer
// a column chooser: give ListShell the result as :columns.
import { ref } from 'vue'
import type { Ref } from 'vue'
import { settings } from '../api'
import { showError } from '../utils/errors'

/** ColumnDef is one column the user may show or hide. */
export interface ColumnDef {
  key: string
  /** label is a translation key. */
  label: string
}

/** ColumnsState is what ListShell's column chooser reads and writes. */
export interface ColumnsState {
  defs: ColumnDef[]
  /** custom is the saved choice; null while the list keeps its own defaults. */
  custom: Ref<string[] | null>
  /** show says whether a column is on screen: the user's choice, else fallback (the list's default for the screen width). */
  show: (key: string, fallback?: boolean) => boolean
  /** choose saves a choice; null goes back to the defaults. */
  choose: (keys: string[] | null) => Promise<void>
  /** ready resolves once the saved choice is read. */
  ready: Promise<void>
}

export function useColumns(list: string, defs: ColumnDef[]): ColumnsState {
  const custom = ref<string[] | null>(null)
  const known = new Set(defs.map((d) => d.key))
  const ready = settings.listColumns(list).then(
    (keys) => { custom.value = keys.length ? keys.filter((k) => known.has(k)) : null },
    (e) => { void showError(e) },
  )
  function show(key: string, fallback = true): boolean {
    return custom.value ? custom.value.includes(key) : fallback
  }
  async function choose(keys: string[] | null) {
    try {
      const saved = await settings.setListColumns(list, keys ?? [])
      custom.value = keys ? saved : null
    } catch (e) {
      void showError(e)
    }
  }
  return { defs, custom, show, choose, ready }
}
