// One place that turns whatever a rejected binding promise carries into an
// AppError: the Go side's {code, field, key, params, message, messageEn, row, fields}
// object, the same object as JSON text, or a plain Error (transport
// failures). message and messageEn are rendered by Go from its catalog
// (backend/msg); key and params say which text it is.

export type ErrorCode = 'invalid' | 'not_found' | 'conflict' | 'internal'

export interface AppError {
  code: ErrorCode
  field?: string
  key?: string
  params?: Record<string, unknown>
  message: string
  messageEn: string
  row?: number
  /** fields holds every field error of the request when there are several (the first is the error itself). */
  fields?: AppError[]
}

const codes: ErrorCode[] = ['invalid', 'not_found', 'conflict', 'internal']

function fromObject(o: any): AppError | null {
  if (o && typeof o === 'object' && typeof o.code === 'string' && codes.includes(o.code)) {
    return {
      code: o.code,
      field: o.field || undefined,
      key: o.key || undefined,
      params: o.params || undefined,
      message: String(o.message ?? ''),
      messageEn: String(o.messageEn ?? o.message ?? ''),
      row: o.row || undefined,
      fields: Array.isArray(o.fields) ? o.fields.map(fromObject).filter((f: AppError | null): f is AppError => f !== null) : undefined,
    }
  }
  return null
}

/** normalizeError maps any rejection value to an AppError. */
export function normalizeError(e: unknown): AppError {
  const direct = fromObject(e)
  if (direct) return direct
  const text = typeof e === 'string' ? e : e instanceof Error ? e.message : ''
  if (text) {
    try {
      const parsed = fromObject(JSON.parse(text))
      if (parsed) return parsed
    } catch {
      /* not JSON: fall through */
    }
  }
  const msg = text || String(e)
  return { code: 'internal', message: '内部错误：' + msg, messageEn: 'Internal error: ' + msg }
}

/** isAppError tells a normalized error from anything else. */
export function isAppError(e: unknown): e is AppError {
  return fromObject(e) !== null
}

/** call runs a binding and rejects with a normalized AppError. */
export async function call<T>(p: () => Promise<T>): Promise<T> {
  try {
    return await p()
  } catch (e) {
    throw normalizeError(e)
  }
}

/** allErrors is every field error e carries: its fields, or e itself. */
export function allErrors(e: AppError): AppError[] {
  return e.fields && e.fields.length > 0 ? e.fields : [e]
}
