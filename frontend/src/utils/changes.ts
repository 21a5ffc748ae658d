// Reload a screen when the facade announces a change, for as long as the
// screen is mounted. Changes arriving together are handled once.
import { onBeforeUnmount, onMounted } from 'vue'
import { events } from '../api'
import type { Topic } from '../api'

export function onDataChanged(topics: Topic[], cb: (topics: Topic[]) => void) {
  let off: (() => void) | undefined
  onMounted(() => {
    off = events.on(topics, cb)
  })
  onBeforeUnmount(() => off?.())
}
