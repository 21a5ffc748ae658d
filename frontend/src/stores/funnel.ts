// The funnel screen's choices, kept while the user visits other screens.
import { reactive } from 'vue'
import { blankFunnelFilter } from '../api'
import type { ChartMeasure, FunnelFilter } from '../api'
import type { Period } from '../utils/period'

export const funnelState = reactive({
  filter: blankFunnelFilter() as FunnelFilter,
  period: 'all' as Period,
  measure: 'count' as ChartMeasure,
})
