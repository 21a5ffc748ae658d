// One list screen's state and behaviour, so that a list screen is its
// columns, its filters and one call: the filter, the search box (debounced),
// loading with a loading flag, paging, sorting, reloading when the facade
// announces a change, stepping back when the last page emptied, and export.
// components/ListShell.vue draws the parts every list shares around it.
import { computed, onBeforeUnmount, onMounted, ref, shallowReactive, shallowRef, watch } from 'vue'
import type { ComputedRef, Ref, ShallowReactive, ShallowRef } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import type { ExportFormat, Topic } from '../api'
import { i18n } from '../locales'
import { showError } from '../utils/errors'
import { onDataChanged } from '../utils/changes'

/** ListFilter is what every list filter may carry: the search text and the server sort. */
export interface ListFilter {
  query?: string
  sort?: string
  desc?: boolean
}

/**
 * ListAnswer is what every list call resolves to: one page of rows and the count of all that match.
 * totalCapped says the count stopped there (a text search of a common word, store.SearchCountCap past
 * the page): more match, shown as "N+", and paging on moves the count along so every match is reachable.
 */
export interface ListAnswer {
  items: unknown[]
  total: number
  totalCapped?: boolean
}

export type SortOrder = 'ascending' | 'descending'

/** TableSort is el-table's sort state (its default-sort and sort-change shape). */
export interface TableSort {
  prop: string
  order: SortOrder
}

export interface ListPageOptions<F extends ListFilter, P extends ListAnswer> {
  /** fetch asks the backend for one page under the filter (a copy, taken when the request starts). */
  fetch: (filter: F, page: number, pageSize: number) => Promise<P>
  /** blank is the filter with nothing chosen; the list starts with it and "clear filters" returns to it. */
  blank: () => F
  /** topics reload the list when the facade announces a change of any of them. */
  topics?: Topic[]
  /** exportTo writes everything that matches the filter to a file; resolves to its path, '' if cancelled. */
  exportTo?: (filter: F, format: ExportFormat) => Promise<string>
  pageSize?: number
  /** sortKeys maps a table column's prop to the server's sort key; columns not in it do not sort. */
  sortKeys?: Record<string, NonNullable<F['sort']>>
  /** defaultSort is the column the table marks while the filter asks for no sort (the server's default order). */
  defaultSort?: TableSort
  /** enabled says whether the list is on screen (the opportunity board shares the filter); default always. */
  enabled?: () => boolean
  /** debounceMs is how long typing in the search box must pause before the list reloads. */
  debounceMs?: number
}

/** ListPage is what useListPage hands to the view and to ListShell. */
export interface ListPage<F extends ListFilter, P extends ListAnswer> {
  /** filter is the filter in force; its fields are replaced (v-model), never mutated in place. */
  filter: ShallowReactive<F>
  /** search is the search box's text; it becomes filter.query after a pause, on Enter or on clear. */
  search: Ref<string>
  page: Ref<number>
  pageSize: number
  loading: Ref<boolean>
  /** answer is the last answer of the newest request (extra figures such as a sum or as-of date). */
  answer: ShallowRef<P | undefined>
  items: ComputedRef<P['items'] | never[]>
  total: ComputedRef<number>
  /** capped says total is a lower bound ("N+"): the count stopped there. */
  capped: ComputedRef<boolean>
  exporting: Ref<boolean>
  exportedPath: Ref<string>
  canExport: boolean
  /** tableSort is the sort the table should mark (for its default-sort). */
  tableSort: ComputedRef<TableSort | undefined>
  load: () => Promise<void>
  applySearch: () => void
  reset: (patch?: Partial<F>) => void
  onSort: (s: { prop: string; order: SortOrder | null }) => void
  exportAs: (format: ExportFormat) => Promise<void>
}

/**
 * useListPage owns one list's state. Every change of the filter goes back to
 * page 1 and reloads; only the newest request's answer is shown (a slow first
 * answer never overwrites a faster second one).
 */
export function useListPage<F extends ListFilter, P extends ListAnswer>(o: ListPageOptions<F, P>): ListPage<F, P> {
  const pageSize = o.pageSize ?? 50
  // Shallow: filters hold plain values that v-model replaces whole, and a
  // shallow proxy keeps the filter's own type for fetch and export.
  const filter = shallowReactive(o.blank())
  // The same object seen through the fields every filter shares, for writing them.
  const shared: ListFilter = filter
  const search = ref(filter.query ?? '')
  const page = ref(1)
  const loading = ref(false)
  const answer = shallowRef<P>() // undefined until the first answer
  const items = computed(() => answer.value?.items ?? [])
  const total = computed(() => answer.value?.total ?? 0)
  const capped = computed(() => answer.value?.totalCapped ?? false)
  const exporting = ref(false)
  const exportedPath = ref('')

  let seq = 0
  async function load(): Promise<void> {
    if (o.enabled && !o.enabled()) return
    const mine = ++seq
    loading.value = true
    try {
      const p = await o.fetch({ ...filter }, page.value, pageSize)
      if (mine !== seq) return // a newer request was made meanwhile: its answer counts
      const last = Math.max(1, Math.ceil(p.total / pageSize))
      if (!p.items.length && page.value > last) {
        // The rows of this page went (a delete here or elsewhere): show the new last page.
        page.value = last
        return
      }
      answer.value = p
    } catch (e) {
      if (mine === seq) void showError(e)
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  watch(page, () => void load())
  watch(
    () => JSON.stringify(filter),
    () => {
      if (page.value !== 1) page.value = 1 // the page watcher loads
      else void load()
    },
  )

  let timer: ReturnType<typeof setTimeout> | undefined
  function applySearch() {
    clearTimeout(timer)
    const q = search.value.trim()
    if ((filter.query ?? '') !== q) shared.query = q
  }
  watch(search, () => {
    clearTimeout(timer)
    timer = setTimeout(applySearch, o.debounceMs ?? 350)
  })

  function reset(patch?: Partial<F>) {
    Object.assign(filter, o.blank(), patch)
    clearTimeout(timer)
    search.value = filter.query ?? ''
  }

  const blankSort = o.blank().sort
  function onSort({ prop, order }: { prop: string; order: SortOrder | null }) {
    const key = order ? o.sortKeys?.[prop] : undefined
    shared.sort = key ?? blankSort
    shared.desc = key ? order === 'descending' : false
  }
  const tableSort = computed<TableSort | undefined>(() => {
    const keys = o.sortKeys ?? {}
    const prop = filter.sort ? Object.keys(keys).find((p) => keys[p] === filter.sort) : undefined
    if (!prop) return o.defaultSort
    return { prop, order: filter.desc ? 'descending' : 'ascending' }
  })

  async function exportAs(format: ExportFormat) {
    if (!o.exportTo) return
    exporting.value = true
    try {
      const path = await o.exportTo({ ...filter }, format)
      if (path) exportedPath.value = path
      else ElMessage.info(i18n.global.t('biz.exportCancelled'))
    } catch (e) {
      void showError(e)
    } finally {
      exporting.value = false
    }
  }

  if (o.topics?.length) onDataChanged(o.topics, () => void load())
  onMounted(() => void load())
  onBeforeUnmount(() => clearTimeout(timer))

  return {
    filter, search, page, pageSize, loading, answer, items, total, capped, exporting, exportedPath,
    canExport: Boolean(o.exportTo), tableSort, load, applySearch, reset, onSort, exportAs,
  }
}

/**
 * confirmDelete asks whether to delete the row called name and, if so, runs
 * remove; the list reloads through the change remove announces. Resolves to
 * whether the row was deleted (a refusal from the backend is shown).
 */
export async function confirmDelete(name: string, remove: () => Promise<unknown>): Promise<boolean> {
  const t = i18n.global.t
  try {
    await ElMessageBox.confirm(t('common.confirmDelete', { name }), t('common.confirmTitle'), {
      type: 'warning', confirmButtonText: t('common.delete'), cancelButtonText: t('common.cancel'),
    })
  } catch {
    return false
  }
  try {
    await remove()
    ElMessage.success(t('common.deleted'))
    return true
  } catch (e) {
    void showError(e)
    return false
  }
}
