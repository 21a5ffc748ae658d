import { createApp } from 'vue'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import './style.css'
import App from './App.vue'
import { router } from './router'
import { i18n, setLang } from './locales'
import { settings } from './api'
import { mark } from './utils/startup'

// The saved language is applied before the first render so the UI never
// flashes in the wrong language.
async function start() {
  mark('script')
  try {
    const s = await settings.get()
    setLang(s.language)
  } catch {
    setLang('zh-CN')
  }
  mark('settings')
  const app = createApp(App).use(ElementPlus).use(i18n).use(router)
  // Mount once the first route is resolved, so the menu highlights the right entry.
  await router.isReady()
  mark('routeLoaded')
  app.mount('#app')
  mark('mounted')
}

void start()
