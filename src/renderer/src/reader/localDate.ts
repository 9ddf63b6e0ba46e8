/**
 * Dates typed and shown the way the interface's locale writes them (« 19/07/2022 » in
 * French, « 07/19/2022 » in American English) and stored as ISO. The browser's own date
 * field follows the system's locale, not Dossier's, and cannot hold a year alone, which is
 * all many reports say; so article details use a text field and these two functions.
 */
export type DatePart = 'day' | 'month' | 'year'

/** The order of day, month and year in `locale`'s numeric dates, and the sign between them. */
export function dateOrder(locale: string): { order: DatePart[]; separator: string } {
  const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    new Date(2001, 10, 22)
  )
  const order = parts
    .map((part) => part.type)
    .filter((type): type is DatePart => type === 'day' || type === 'month' || type === 'year')
  const separator = parts.find((part) => part.type === 'literal')?.value ?? '/'
  return { order: order.length === 3 ? order : ['year', 'month', 'day'], separator }
}

/** « 2022-07-19 » → « 19/07/2022 »; « 2022-07 » → « 07/2022 »; « 2022 » stays. Not a date: as it is. */
export function formatLocalDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return ''
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso)
  if (!match) return iso
  const [, year = '', month, day] = match
  const values: Record<DatePart, string | undefined> = { year, month, day }
  const { order, separator } = dateOrder(locale)
  return order
    .filter((part) => values[part] !== undefined)
    .map((part) => values[part])
    .join(separator)
}

/**
 * What the analyst typed, as ISO: '' for nothing, undefined when it is not a date. A full
 * date is read in the locale's order (or as ISO when it starts with a four-digit year); two
 * numbers are a month and a year; one four-digit number is a year.
 */
export function parseLocalDate(text: string, locale: string): string | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return ''
  const numbers = trimmed.split(/[^\d]+/).filter((group) => group.length > 0)
  if (numbers.length === 0 || numbers.length > 3 || /[^\d\s./\-–]/.test(trimmed)) return undefined
  if (numbers.length === 1) return /^\d{4}$/.test(numbers[0] ?? '') ? numbers[0] : undefined
  const { order } = dateOrder(locale)
  const startsWithYear = (numbers[0] ?? '').length === 4
  const wanted: DatePart[] =
    numbers.length === 3
      ? startsWithYear
        ? ['year', 'month', 'day']
        : order
      : startsWithYear
        ? ['year', 'month']
        : order.filter((part) => part !== 'day')
  const value = (part: DatePart): number => Number(numbers[wanted.indexOf(part)])
  const year = value('year')
  const month = value('month')
  if (String(numbers[wanted.indexOf('year')]).length !== 4 || month < 1 || month > 12) return undefined
  const pad = (number: number): string => String(number).padStart(2, '0')
  if (numbers.length === 2) return `${year}-${pad(month)}`
  const day = value('day')
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined
  return `${year}-${pad(month)}-${pad(day)}`
}

/** The pattern to show in an empty field, with the locale's letters for day, month and year; a month's without the day. */
export function datePlaceholder(locale: string, letters: Record<DatePart, string>, withDay = true): string {
  const { order, separator } = dateOrder(locale)
  return order
    .filter((part) => withDay || part !== 'day')
    .map((part) => letters[part])
    .join(separator)
}
