// vue-i18n set-up and the Element Plus locale that goes with each language.
import { createI18n } from 'vue-i18n'
import { computed } from 'vue'
import elZhCn from 'element-plus/es/locale/lang/zh-cn'
import elEn from 'element-plus/es/locale/lang/en'
import zhCN from './zh-CN'
import en from './en'
import bizZh from './business.zh-CN'
import bizEn from './business.en'
import fuZh from './followup.zh-CN'
import fuEn from './followup.en'
import recycleZh from './recycle.zh-CN'
import recycleEn from './recycle.en'
import poolZh from './pool.zh-CN'
import poolEn from './pool.en'
import i9bZh from './issue9b.zh-CN'
import i9bEn from './issue9b.en'
import i9aZh from './issue9a.zh-CN'
import i9aEn from './issue9a.en'
import backupZh from './backup.zh-CN'
import backupEn from './backup.en'
import i9b2Zh from './issue9b2.zh-CN'
import i9b2En from './issue9b2.en'
import i9cZh from './issue9c.zh-CN'
import i9cEn from './issue9c.en'
import rfZh from './reportframe.zh-CN'
import rfEn from './reportframe.en'
import ssZh from './stagesets.zh-CN'
import ssEn from './stagesets.en'
import leadsZh from './leads.zh-CN'
import leadsEn from './leads.en'
import targetsZh from './targets.zh-CN'
import targetsEn from './targets.en'
import importsZh from './imports.zh-CN'
import importsEn from './imports.en'
import anZh from './analysis.zh-CN'
import anEn from './analysis.en'
import changesZh from './changes.zh-CN'
import changesEn from './changes.en'
import tasksZh from './tasks.zh-CN'
import tasksEn from './tasks.en'
import infileZh from './infile.zh-CN'
import infileEn from './infile.en'

export type Lang = 'zh-CN' | 'en'
export const languages: { value: Lang; label: string }[] = [
  { value: 'zh-CN', label: '简体中文' },
  { value: 'en', label: 'English' },
]

export const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': { ...zhCN, ...bizZh, ...fuZh, ...recycleZh, ...poolZh, ...i9bZh, ...i9aZh, ...backupZh, ...i9b2Zh, ...i9cZh, ...rfZh, ...ssZh, ...leadsZh, ...targetsZh, ...importsZh, ...anZh, ...changesZh, ...tasksZh, ...infileZh }, en: { ...en, ...bizEn, ...fuEn, ...recycleEn, ...poolEn, ...i9bEn, ...i9aEn, ...backupEn, ...i9b2En, ...i9cEn, ...rfEn, ...ssEn, ...leadsEn, ...targetsEn, ...importsEn, ...anEn, ...changesEn, ...tasksEn, ...infileEn } },
  missingWarn: false,
  fallbackWarn: false,
})

/** currentLang is the active language. */
export const currentLang = computed<Lang>(() => i18n.global.locale.value as Lang)

/** elementLocale follows the active language. */
export const elementLocale = computed(() => (currentLang.value === 'en' ? elEn : elZhCn))

/** setLang switches the UI language (it does not persist it). */
export function setLang(lang: string) {
  i18n.global.locale.value = lang === 'en' ? 'en' : 'zh-CN'
  document.documentElement.lang = i18n.global.locale.value
}

/** tv translates a fixed backend value (classification, method, type); other text shows as it is. */
export function tv(v: string | null | undefined): string {
  if (!v) return ''
  const map = currentLang.value === 'en' ? en.values : zhCN.values
  return map[v] ?? v
}
