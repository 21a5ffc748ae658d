// Parsing what the user types in document forms, for the live figures only:
// the backend parses the same strings again and is the authority. Integer
// arithmetic (BigInt) as in backend/product/lines.go, so a live line total is
// the cent the backend will store.

/** fixed reads an unsigned decimal with at most `decimals` places ("1,234.5") scaled to an integer, or null. */
function fixed(s: string, decimals: number, grouping: boolean): bigint | null {
  let v = s.trim()
  if (!v) return null
  const dot = v.indexOf('.')
  let int = dot >= 0 ? v.slice(0, dot) : v
  const frac = dot >= 0 ? v.slice(dot + 1) : ''
  if (dot >= 0 && frac === '') return null
  if (int === '') {
    if (dot < 0) return null
    int = '0'
  }
  if (int.includes(',')) {
    if (!grouping) return null
    const groups = int.split(',')
    if (groups[0].length < 1 || groups[0].length > 3 || groups.slice(1).some((g) => g.length !== 3)) return null
    int = groups.join('')
  }
  if (!/^\d+$/.test(int) || (frac && !/^\d+$/.test(frac)) || frac.length > decimals || int.length > 15) return null
  return BigInt(int + frac.padEnd(decimals, '0'))
}

/** parseYuan reads "1,234.56", "¥500" into cents, or null. */
export function parseYuan(s: string | null | undefined): bigint | null {
  const v = (s ?? '').trim().replace(/^[¥￥]\s*/, '')
  return fixed(v, 2, true)
}

/** parseQty reads "2", "1.5", "1,000" into thousandths (above 0), or null. */
export function parseQty(s: string | null | undefined): bigint | null {
  const v = fixed(s ?? '', 3, true)
  return v !== null && v > 0n ? v : null
}

/** parsePercent reads "10", "12.5", "" (none) into basis points 0–10000, or null when malformed. */
export function parsePercent(s: string | null | undefined): bigint | null {
  const v = (s ?? '').trim().replace(/%$/, '').trim()
  if (!v) return 0n
  const bp = fixed(v, 2, false)
  return bp !== null && bp <= 10000n ? bp : null
}

/** lineTotal is round-half-up(qty × unit price × (1 − discount)) in cents, or null when an input is not valid. */
export function lineTotal(quantity: string, unitPrice: string, discount: string, fallbackPriceCents?: number): number | null {
  const q = parseQty(quantity)
  const p = unitPrice.trim() === '' && fallbackPriceCents !== undefined ? BigInt(fallbackPriceCents) : parseYuan(unitPrice)
  const d = parsePercent(discount)
  if (q === null || p === null || d === null) return null
  return Number((q * p * (10000n - d) + 5_000_000n) / 10_000_000n)
}

/** yuanCents turns a typed yuan amount into cents (a number), or null. */
export function yuanCents(s: string | null | undefined): number | null {
  const v = parseYuan(s)
  return v === null ? null : Number(v)
}

/** qty formats thousandths as the shortest decimal: 1500 → "1.5". */
export function qty(milli: number | null | undefined): string {
  const m = Math.round(milli ?? 0)
  const abs = Math.abs(m)
  let s = String(Math.floor(abs / 1000))
  const f = abs % 1000
  if (f) s += '.' + String(f).padStart(3, '0').replace(/0+$/, '')
  return m < 0 ? '-' + s : s
}

/** splitCents splits a total into n parts that differ by at most a cent, the larger first. */
export function splitCents(total: number, n: number): number[] {
  if (n <= 0) return []
  const base = Math.floor(total / n)
  const rest = total - base * n
  return Array.from({ length: n }, (_, i) => base + (i < rest ? 1 : 0))
}

/** addMonths adds months to a YYYY-MM-DD date, clamping the day to the month's end. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const first = new Date(y, m - 1 + months, 1)
  const last = new Date(first.getFullYear(), first.getMonth() + 1, 0).getDate()
  const day = Math.min(d, last)
  const mm = String(first.getMonth() + 1).padStart(2, '0')
  return `${first.getFullYear()}-${mm}-${String(day).padStart(2, '0')}`
}
