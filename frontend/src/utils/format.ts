// Display formats: money ¥1,234.56 from integer cents, percent 60% from basis
// points, dates YYYY-MM-DD. Integer arithmetic only, as the backend does.

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n)
}

/** yuan formats cents as ¥1,234.56. */
export function yuan(cents: number | null | undefined): string {
  const c = Math.round(cents ?? 0)
  const neg = c < 0
  const abs = Math.abs(c)
  const s = '¥' + group(String(Math.floor(abs / 100))) + '.' + pad2(abs % 100)
  return neg ? '-' + s : s
}

/** plainYuan formats cents for an amount input: "1234.56", or "40000" when whole. */
export function plainYuan(cents: number | null | undefined): string {
  const c = Math.round(cents ?? 0)
  const abs = Math.abs(c)
  const s = String(Math.floor(abs / 100)) + (abs % 100 ? '.' + pad2(abs % 100) : '')
  return c < 0 ? '-' + s : s
}

/** percentNumber formats basis points as "60" or "12.5" (no sign). */
export function percentNumber(bp: number | null | undefined): string {
  const b = Math.round(bp ?? 0)
  const whole = Math.floor(b / 100)
  const frac = b % 100
  if (!frac) return String(whole)
  return (whole + '.' + pad2(frac)).replace(/0$/, '')
}

/** percent formats basis points as 60%. */
export function percent(bp: number | null | undefined): string {
  return percentNumber(bp) + '%'
}

/** day returns the YYYY-MM-DD part of a date or RFC 3339 time. */
export function day(s: string | null | undefined): string {
  if (!s) return ''
  return s.slice(0, 10)
}

/** dateTime formats an RFC 3339 time as YYYY-MM-DD HH:mm in local time. */
export function dateTime(s: string | null | undefined): string {
  if (!s) return ''
  const d = new Date(s)
  if (isNaN(d.getTime())) return s
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`
}

/** today returns the local date as YYYY-MM-DD. */
export function today(offsetDays = 0): string {
  const d = new Date()
  d.setDate(d.getDate() + offsetDays)
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`
}

/** compactDate returns YYYYMMDD for file names. */
export function compactDate(): string {
  return today().replace(/-/g, '')
}

/** plainAmount formats cents as 40000.00, as seed 000's funnel table does: yuan, two decimals, no separators. */
export function plainAmount(cents: number | null | undefined): string {
  const c = Math.round(cents ?? 0)
  const abs = Math.abs(c)
  const s = String(Math.floor(abs / 100)) + '.' + pad2(abs % 100)
  return c < 0 ? '-' + s : s
}

/** share formats hundredths of a percent (3333) as 33.33%. */
export function share(hundredths: number | null | undefined): string {
  const v = Math.round(hundredths ?? 0)
  const abs = Math.abs(v)
  return (v < 0 ? '-' : '') + Math.floor(abs / 100) + '.' + pad2(abs % 100) + '%'
}

/** count formats a whole number with thousands separators: 932744 → 932,744. */
export function count(n: number | null | undefined): string {
  const v = Math.round(n ?? 0)
  return (v < 0 ? '-' : '') + group(String(Math.abs(v)))
}

/** counted formats each number of a message's parameters as count does (1,000,000). */
export function counted(p: Record<string, number>): Record<string, string> {
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, count(v)]))
}

/** grouped formats cents as 40,000.00: yuan with separators and no sign, for tables headed in yuan. */
export function grouped(cents: number | null | undefined): string {
  return yuan(cents).replace('¥', '')
}
