/**
 * Dates typed the way the interface's locale writes them (19/07/2022 in French, 7/19/2022 in
 * US English), for filters and forms. A native date input writes dates in the browser's own
 * locale, whatever language Dossier speaks, so an analyst with a French interface in an
 * English browser saw mm/dd/yyyy. Pure: the order of the fields comes from Intl.
 */

export type DatePart = 'day' | 'month' | 'year'

/** The order in which `locale` writes day, month and year. */
export function datePartOrder(locale: string): DatePart[] {
  const parts = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(
    new Date(Date.UTC(2022, 6, 19, 12))
  )
  return parts.map((part) => part.type).filter((type): type is DatePart => ['day', 'month', 'year'].includes(type))
}

/** An ISO day (YYYY-MM-DD) written the locale's way with two-digit day and month: 19/07/2022. */
export function formatDay(iso: string, locale: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number]
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day, 12))
  )
}

/**
 * What a person typed, read in the locale's order: any separators, one- or two-digit day and
 * month, a two-digit year taken as 20yy. Null for anything that is not a real day (31/02).
 */
export function parseDay(typed: string, locale: string): string | null {
  const numbers = typed.trim().match(/\d+/g)
  if (!numbers || numbers.length !== 3) return null
  const order = datePartOrder(locale)
  const value = Object.fromEntries(order.map((part, index) => [part, numbers[index]!])) as Record<DatePart, string>
  if (value.day.length > 2 || value.month.length > 2 || ![2, 4].includes(value.year.length)) return null
  const year = Number(value.year.length === 2 ? `20${value.year}` : value.year)
  const month = Number(value.month)
  const day = Number(value.day)
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
