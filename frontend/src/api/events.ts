// A tiny in-app event bus: the facade announces every change it makes, and
// the screens that show the data (销售漏斗, lists, 工作台) reload at once.
// No polling: a change made anywhere in the app goes through the facade.

/** Topic names what changed. */
export type Topic = 'opportunities' | 'customers' | 'owners' | 'stages' | 'products' | 'quotes' | 'orders' | 'followups' | 'recycle' | 'pools' | 'leads' | 'tasks'

/** Listener gets every topic of the change (one call per change). */
type Listener = (topics: Topic[]) => void

const listeners = new Map<Topic, Set<Listener>>()

export const events = {
  /** on calls cb after each change of the given topics; it returns the function that stops listening. */
  on(topics: Topic | Topic[], cb: Listener): () => void {
    const list = Array.isArray(topics) ? topics : [topics]
    for (const t of list) {
      if (!listeners.has(t)) listeners.set(t, new Set())
      listeners.get(t)!.add(cb)
    }
    return () => {
      for (const t of list) listeners.get(t)?.delete(cb)
    }
  },
  /**
   * emit tells the listeners of each topic, once the code that made the change
   * has carried on (a dialog that closes after deleting is closed by then).
   * Changes in the same turn are told together: one call per listener with
   * all their topics. A failing listener does not stop the others.
   */
  emit(...topics: Topic[]) {
    for (const t of topics) pending.add(t)
    if (!scheduled) {
      scheduled = true
      setTimeout(flush, 0)
    }
  },
}

const pending = new Set<Topic>()
let scheduled = false

function flush() {
  scheduled = false
  const topics = [...pending]
  pending.clear()
  const called = new Set<Listener>()
  for (const t of topics) {
    // A copy: a listener may subscribe or unsubscribe while we iterate.
    for (const cb of Array.from(listeners.get(t) ?? [])) {
      if (called.has(cb)) continue // one call per change, however many topics it listens to
      called.add(cb)
      try {
        cb(topics)
      } catch (e) {
        console.error('event listener failed', e)
      }
    }
  }
}

/** changed runs a mutation and, when it succeeded, announces the topics. */
export async function changed<T>(p: Promise<T>, ...topics: Topic[]): Promise<T> {
  const r = await p
  events.emit(...topics)
  return r
}
