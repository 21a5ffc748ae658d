// The first screen's start-up: the marks bench/coldstart.sh breaks the cold
// start down with (epoch ms, so they line up with the Go side's), and the one
// UI-ready report, sent once the first screen shows what it loaded.
import { desktop } from '../api/desktop'
import { dashboard } from '../api/dashboard'
import type { Dashboard } from '../api/dashboard'
import { settings } from '../api/settings'
import type { Settings } from '../api/types'

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
      shown = true
      for (const fn of waiting.splice(0)) setTimeout(fn, afterDelay)
    }),
  )
}

let shown = false
const waiting: (() => void)[] = []
const afterDelay = 500

/**
 * afterFirstScreen runs fn half a second after the first screen was
 * reported rendered: what the first screen can do without (dialogs, their
 * code) waits until then.
 */
export function afterFirstScreen(fn: () => void) {
  if (shown) setTimeout(fn, afterDelay)
  else waiting.push(fn)
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
  const entry = document.querySelector<HTMLScriptElement>('script[type=module][src]')?.src
  const sheet = document.querySelector<HTMLLinkElement>('link[rel=stylesheet]')?.href
  for (const r of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
    if (r.name === entry) out.jsLoaded = origin + r.responseEnd
    if (r.name === sheet) out.cssLoaded = origin + r.responseEnd
  }
  for (const p of performance.getEntriesByType('paint')) out[p.name] = origin + p.startTime
  return out
}

let earlyDashboard: Promise<Dashboard> | undefined
let earlySettings: Promise<Settings> | undefined

/** firstSettings is the settings as read at start-up (main.ts and App.vue share one call). */
export function firstSettings(): Promise<Settings> {
  earlySettings ??= settings.get()
  return earlySettings
}

/**
 * startEarly sends the first screen's call as soon as the script runs, when
 * the app opens on the 工作台: Go answers it while the shell mounts.
 */
export function startEarly() {
  const path = location.hash.replace(/^#/, '').split('?')[0]
  if (path === '' || path === '/') {
    earlyDashboard = dashboard.get()
    earlyDashboard.catch(() => undefined) // the 工作台 shows the error when it takes the answer
  }
}

/** takeEarlyDashboard hands over the answer startEarly asked for, once. */
export function takeEarlyDashboard(): Promise<Dashboard> | undefined {
  const p = earlyDashboard
  earlyDashboard = undefined
  return p
}
