// Dates as the backend reads them (validate.ParseDate): YYYY-MM-DD or
// YYYY/MM/DD, one-digit month and day allowed, years 1900–2999, and only days
// that exist. Used to warn while typing; the backend still decides.

/** checkDate returns s as YYYY-MM-DD when it is a real date, else null. */
export function checkDate(s: string): string | null {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(s.trim())
  if (!m) return null
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3])
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return null
  // Day 0 of the next month is the last day of this one (UTC: no DST edges).
  if (d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}
