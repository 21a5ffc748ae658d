// The window's width class, shared by the layout decisions that CSS alone
// cannot make: the navigation collapses to icons and list tables leave out
// their secondary columns, so that every screen fits 1024×700 without a
// table scrolling sideways under its fixed action column.
import { computed, ref } from 'vue'

const width = ref(typeof window === 'undefined' ? 1280 : window.innerWidth)
if (typeof window !== 'undefined') {
  window.addEventListener('resize', () => { width.value = window.innerWidth })
}

/** narrow: below 1200 px the navigation shows icons only and tables keep their key columns. */
export const narrow = computed(() => width.value < 1200)
/** roomy: from 1440 px lists show their secondary columns (source, type). */
export const roomy = computed(() => width.value >= 1440)
/** spacious: from 1700 px lists show everything (created and updated dates). */
export const spacious = computed(() => width.value >= 1700)

/** useScreen returns the width classes for a template. */
export function useScreen() {
  return { narrow, roomy, spacious, width }
}
