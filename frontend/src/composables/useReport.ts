// One analysis report on screen: its answer and chart, loaded again when
// the filters, the language or the data it counts change. A slower earlier
// answer never overwrites a newer one.
import { ref, watch, type Ref } from 'vue'
import type { ReportFilters } from '../api'
import type { Topic } from '../api/events'
import { currentLang } from '../locales'
import { onDataChanged } from '../utils/changes'
import { showError } from '../utils/errors'

export interface ReportAnswer<R> {
  report: R
  chart: string
}

/** useReport fetches a report for filters now and whenever they, the language or the topics change. */
export function useReport<R>(
  filters: Ref<ReportFilters>,
  fetch: (f: ReportFilters, lang: string) => Promise<ReportAnswer<R>>,
  topics: Topic[],
) {
  const report = ref<R | null>(null) as Ref<R | null>
  const chart = ref('')
  const loading = ref(false)
  let seq = 0
  async function load() {
    const mine = ++seq
    loading.value = true
    try {
      const a = await fetch(filters.value, currentLang.value)
      if (mine !== seq) return
      report.value = a.report
      chart.value = a.chart
    } catch (e) {
      if (mine === seq) void showError(e)
    } finally {
      if (mine === seq) loading.value = false
    }
  }
  watch([filters, currentLang], () => void load(), { deep: true, immediate: true })
  onDataChanged(topics, () => void load())
  return { report, chart, loading, load }
}
