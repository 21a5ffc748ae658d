// Showing backend errors: next to the form field they name, or in a message box.
import { reactive } from 'vue'
import { ElMessageBox } from 'element-plus'
import { normalizeError } from '../api'
import type { AppError } from '../api'
import { currentLang, i18n } from '../locales'

/** errorText is the message in the current language. */
export function errorText(e: unknown): string {
  const err = normalizeError(e)
  return currentLang.value === 'en' ? err.messageEn || err.message : err.message || err.messageEn
}

/** showError shows an error in a message box (text only, never HTML). */
export function showError(e: unknown): Promise<void> {
  return ElMessageBox.alert(errorText(e), i18n.global.t('common.errorTitle'), {
    type: 'error',
    confirmButtonText: i18n.global.t('common.confirm'),
  }).then(() => undefined, () => undefined)
}

/**
 * useFieldErrors keeps the per-field messages of one form. report() puts a
 * backend error next to its field when the form has that field, else in a box.
 */
export function useFieldErrors(fields: string[]) {
  const errors = reactive<Record<string, string>>({})
  for (const f of fields) errors[f] = ''
  function clear() {
    for (const k of Object.keys(errors)) errors[k] = ''
  }
  function report(e: unknown): AppError {
    const err = normalizeError(e)
    if (err.field && err.field in errors) {
      errors[err.field] = errorText(err)
    } else {
      void showError(err)
    }
    return err
  }
  return { errors, clear, report }
}
