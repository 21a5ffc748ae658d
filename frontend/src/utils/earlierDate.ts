// A document dated before the one it follows (a receipt before its order's
// signing date, an order before its quote) is most often a mistyped date,
// sometimes true: the backend refuses it with a conflict naming both dates
// and the form asks, then saves again with confirmEarlier.
import { ElMessageBox } from 'element-plus'
import { normalizeError } from '../api'
import { i18n } from '../locales'
import { errorText } from './errors'

const earlierKeys = ['order.receiptBeforeSigned', 'order.signedBeforeQuote']

/** isEarlierDate tells whether err is the backend's earlier-date question. */
export function isEarlierDate(err: unknown): boolean {
  const e = normalizeError(err)
  return e.code === 'conflict' && earlierKeys.includes(e.key ?? '') && (e.fields?.length ?? 0) <= 1
}

/** confirmEarlier asks the question err carries; true when the user says save. */
export async function confirmEarlier(err: unknown): Promise<boolean> {
  const t = i18n.global.t
  try {
    await ElMessageBox.confirm(errorText(normalizeError(err)), t('earlierDate.title'), {
      confirmButtonText: t('earlierDate.save'),
      cancelButtonText: t('earlierDate.back'),
      type: 'warning',
    })
    return true
  } catch {
    return false
  }
}
