// Period presets of the funnel's expected-close-date filter, in local time.
export type Period = 'all' | 'month' | 'quarter' | 'year' | 'custom'
export const presetPeriods: Period[] = ['all', 'month', 'quarter', 'year']

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n)
}

function ymd(d: Date): string {
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`
}

/** periodRange returns the from–to dates (both inclusive) of a preset; all and custom give ['', '']. */
export function periodRange(p: Period, now = new Date()): [string, string] {
  const y = now.getFullYear()
  const m = now.getMonth()
  switch (p) {
    case 'month':
      return [ymd(new Date(y, m, 1)), ymd(new Date(y, m + 1, 0))]
    case 'quarter': {
      const q = Math.floor(m / 3) * 3
      return [ymd(new Date(y, q, 1)), ymd(new Date(y, q + 3, 0))]
    }
    case 'year':
      return [`${y}-01-01`, `${y}-12-31`]
    default:
      return ['', '']
  }
}

/** periodOf names the preset a range is, or custom. */
export function periodOf(from: string, to: string, now = new Date()): Period {
  if (!from && !to) return 'all'
  for (const p of presetPeriods) {
    const [f, t] = periodRange(p, now)
    if (p !== 'all' && f === from && t === to) return p
  }
  return 'custom'
}

/**
 * ordered returns a date range with its ends in order and whether it had to
 * swap them: a reversed range typed into a picker is swapped visibly (the
 * caller says so), never silently ignored or sent to be refused.
 */
export function ordered(from: string, to: string): { from: string; to: string; swapped: boolean } {
  if (from && to && from > to) return { from: to, to: from, swapped: true }
  return { from, to, swapped: false }
}
