// The first screen's start-up: the marks bench/coldstart.sh breaks the cold
// start down with (epoch ms, so they line up with the Go side's), and the one
// UI-ready report, sent once the first screen shows what it loaded.
import { desktop } from '../api/desktop'

const marks: Record<string, number> = {}

const now = () => performance.timeOrigin + performance.now()

/** mark notes that a start-up step happened now (the first time only). */
export function mark(step: string) {
  if (!(step in marks)) marks[step] = now()
}

let reported = false

/**
 * screenReady reports, once per start, that the first screen has rendered:
 * after the DOM update and the next frame, so the figures are on screen.
 */
export function screenReady(screen: string) {
  if (reported) return
  reported = true
  mark('patched')
  requestAnimationFrame(() =>
    setTimeout(() => {
      mark('ready')
      desktop.uiReady(screen, collect()).catch(() => undefined)
    }),
  )
}

function collect(): Record<string, number> {
  const out: Record<string, number> = { ...marks }
  const origin = performance.timeOrigin
  out.navStart = origin
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
  if (nav) {
    out.htmlLoaded = origin + nav.responseEnd
    out.domInteractive = origin + nav.domInteractive
    out.domContentLoaded = origin + nav.domContentLoadedEventEnd
  }
  for (const r of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
    const name = r.name.split('/').pop() ?? ''
    if (/^index-.*\.js$/.test(name)) out.jsLoaded = origin + r.responseEnd
    if (/^index-.*\.css$/.test(name)) out.cssLoaded = origin + r.responseEnd
  }
  for (const p of performance.getEntriesByType('paint')) out[p.name] = origin + p.startTime
  return out
}
