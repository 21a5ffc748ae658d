// Backend errors of document forms (quotes, orders, plans, returns): a header
// field ("validUntil"), a line cell ("lines[2].quantity"), an installment
// cell ("plan[1].amount") or the whole table ("lines", "plan") shows next to
// what it names; anything else goes to a message box.
import { reactive } from 'vue'
import type { AppError } from '../api'
import { placeErrors } from './errors'

const tableField = /^(lines|plan)(\[\d+\]\.\w+)?$/

export function useDocErrors(headerFields: string[]) {
  const errors = reactive<Record<string, string>>({})
  function clear() {
    for (const k of Object.keys(errors)) delete errors[k]
  }
  /** report shows each of e's field errors where it belongs, all at once, and returns e normalized. */
  function report(e: unknown): AppError {
    return placeErrors(e, (f) => headerFields.includes(f) || tableField.test(f), (f, text) => { if (!errors[f]) errors[f] = text })
  }
  return { errors, clear, report }
}

/** cellError is the message for row i's field in a table named table ("lines" or "plan"). */
export function cellError(errors: Record<string, string>, table: string, i: number, field: string): string {
  return errors[`${table}[${i}].${field}`] ?? ''
}
