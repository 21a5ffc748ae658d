// Showing backend errors: next to the form field they name, or in a message box.
// One request may carry several field errors (AppError.fields): each shows
// under its own field at once; those the form has no place for go together
// into one box.
import { h, reactive } from 'vue'
import { ElMessageBox } from 'element-plus'
import { allErrors, normalizeError } from '../api'
import type { AppError } from '../api'
import { currentLang, i18n } from '../locales'

/** errorText is the message in the current language. */
export function errorText(e: unknown): string {
  const err = normalizeError(e)
  return currentLang.value === 'en' ? err.messageEn || err.message : err.message || err.messageEn
}

/** showError shows an error in a message box (text only, never HTML); several field errors as a list. */
export function showError(e: unknown): Promise<void> {
  const list = allErrors(normalizeError(e))
  return showErrors(list)
}

/**
 * boxesGone resolves once no message box is still fading out. An error that
 * answers a confirmation (remove the example? → refused) arrives while the
 * confirmation is still on screen; opening the error then stacks two boxes
 * with two 确定 buttons, the one behind still clickable.
 */
function boxesGone(): Promise<void> {
  const started = Date.now()
  return new Promise((resolve) => {
    const check = () => {
      if (!document.querySelector('.fade-in-linear-leave-active') || Date.now() - started > 1000) resolve()
      else setTimeout(check, 30)
    }
    check()
  })
}

/** showErrors lists errors in one message box. */
export async function showErrors(list: AppError[]): Promise<void> {
  await boxesGone()
  const message = list.length === 1
    ? errorText(list[0])
    : h('ul', { class: 'error-list' }, list.map((x) => h('li', errorText(x))))
  return ElMessageBox.alert(message, i18n.global.t('common.errorTitle'), {
    type: 'error',
    confirmButtonText: i18n.global.t('common.confirm'),
  }).then(() => undefined, () => undefined)
}

/**
 * placeErrors puts each field error of e where has(field) says the form
 * shows it (set(field, text)), the rest into one message box.
 */
export function placeErrors(e: unknown, has: (field: string) => boolean, set: (field: string, text: string) => void): AppError {
  const err = normalizeError(e)
  const rest: AppError[] = []
  for (const f of allErrors(err)) {
    if (f.field && has(f.field)) set(f.field, errorText(f))
    else rest.push(f)
  }
  if (rest.length > 0) void showErrors(rest)
  return err
}

/**
 * useFieldErrors keeps the per-field messages of one form. report() puts
 * each backend field error next to its field when the form has that field,
 * all at once, and the others in one box.
 */
export function useFieldErrors(fields: string[]) {
  const errors = reactive<Record<string, string>>({})
  for (const f of fields) errors[f] = ''
  function clear() {
    for (const k of Object.keys(errors)) errors[k] = ''
  }
  function report(e: unknown): AppError {
    return placeErrors(e, (f) => f in errors, (f, text) => { if (!errors[f]) errors[f] = text })
  }
  return { errors, clear, report }
}
