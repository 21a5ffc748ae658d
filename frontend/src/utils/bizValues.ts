// Fixed backend values of the order screens (receipt methods, invoice kinds)
// in the current language; other text shows as it is.
import bizZh from '../locales/business.zh-CN'
import bizEn from '../locales/business.en'
import { currentLang } from '../locales'

export function bv(v: string | null | undefined): string {
  if (!v) return ''
  const map: Record<string, string> = currentLang.value === 'en' ? bizEn.bizValues : bizZh.bizValues
  return map[v] ?? v
}
