import { createApp } from 'vue'
import 'element-plus/dist/index.css'
import './style.css'
import App from './App.vue'
import { router } from './router'
import { i18n, setLang } from './locales'
import { firstSettings, mark, startEarly } from './utils/startup'
import { firstLookups } from './stores/lookups'

// The saved language is applied before the first render so the UI never
// flashes in the wrong language. Meanwhile the router resolves the first
// route (loading its screen's code) and the first screen's calls are out.
async function start() {
  mark('script')
  startEarly()
  void firstLookups().catch(() => undefined)
  const lang = firstSettings()
  const app = createApp(App).use(i18n).use(router)
  try {
    setLang((await lang).language)
  } catch {
    setLang('zh-CN')
  }
  mark('settings')
  // Mount once the first route is resolved, so the menu highlights the right entry.
  await router.isReady()
  mark('routeLoaded')
  app.mount('#app')
  mark('mounted')
}

void start()
