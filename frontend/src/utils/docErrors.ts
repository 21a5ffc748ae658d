// Backend errors of document forms (quotes, orders, plans, returns): a header
// field ("validUntil"), a line cell ("lines[2].quantity"), an installment
// cell ("plan[1].amount") or the whole table ("lines", "plan") shows next to
// what it names; anything else goes to a message box.
import { reactive } from 'vue'
import { normalizeError } from '../api'
import type { AppError } from '../api'
import { errorText, showError } from './errors'

const tableField = /^(lines|plan)(\[\d+\]\.\w+)?$/

export function useDocErrors(headerFields: string[]) {
  const errors = reactive<Record<string, string>>({})
  function clear() {
    for (const k of Object.keys(errors)) delete errors[k]
  }
  /** report shows e where it belongs and returns it normalized. */
  function report(e: unknown): AppError {
    const err = normalizeError(e)
    const f = err.field ?? ''
    if (f && (headerFields.includes(f) || tableField.test(f))) errors[f] = errorText(err)
    else void showError(err)
    return err
  }
  return { errors, clear, report }
}

/** cellError is the message for row i's field in a table named table ("lines" or "plan"). */
export function cellError(errors: Record<string, string>, table: string, i: number, field: string): string {
  return errors[`${table}[${i}].${field}`] ?? ''
}
