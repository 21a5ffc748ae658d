// A list screen opens the record named by ?id= in its URL: the 工作台's rows
// and the global search (Ctrl+K) go there. The id is taken out of the URL
// once opened, so the same record can be asked for again while the screen
// stays mounted.
import { onMounted, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'

/** useOpenFromRoute calls open(id) for ?id= now and whenever it changes. */
export function useOpenFromRoute(open: (id: number) => unknown) {
  const route = useRoute()
  const router = useRouter()
  async function take() {
    const id = Number(route.query.id)
    if (!id) return
    await open(id)
    void router.replace({ query: { ...route.query, id: undefined } })
  }
  onMounted(take)
  watch(() => route.query.id, take)
}
