/** Display formatting shared by the panels, in the interface's locale (lib/i18n.ts). */
import { interfaceLocale } from './i18n'

const dateTime = (): Intl.DateTimeFormat =>
  new Intl.DateTimeFormat(interfaceLocale(), { dateStyle: 'long', timeStyle: 'short' })
const number = (): Intl.NumberFormat => new Intl.NumberFormat(interfaceLocale())

export function formatDateTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dateTime().format(date)
}

export function formatNumber(value: number): string {
  return number().format(value)
}

/**
 * "3 notes": kept for callers not yet moved to a plural key; new texts use
 * `t('ns:key', { count })` with `{{count, number}}`, which also gets French plurals right.
 */
export function formatCount(count: number, singular: string, plural: string): string {
  return `${number().format(count)} ${count === 1 ? singular : plural}`
}

/** An article's language, named in the interface's language ("French", « Français »); the code when unknown. */
export function languageName(code: string | null): string | null {
  if (!code) return null
  const locale = interfaceLocale()
  let name: string | undefined
  try {
    name = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }).of(code)
  } catch {
    // Not a well-formed language tag (a hand-edited file): show it as it is.
  }
  return name ? `${name.charAt(0).toLocaleUpperCase(locale)}${name.slice(1)}` : code
}

const dateOnly = (): Intl.DateTimeFormat => new Intl.DateTimeFormat(interfaceLocale(), { dateStyle: 'long' })

/** A publication date in the interface's locale, whether stored as a date or a date-time. */
export function formatDate(iso: string): string {
  // A year or a month alone is as precise as the source: never invent its first day.
  if (/^\d{4}$/.test(iso)) return iso
  if (/^\d{4}-\d{2}$/.test(iso)) {
    const month = new Date(`${iso}-01T12:00:00`)
    if (Number.isNaN(month.getTime())) return iso
    return new Intl.DateTimeFormat(interfaceLocale(), { year: 'numeric', month: 'long' }).format(month)
  }
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00` : iso)
  return Number.isNaN(date.getTime()) ? iso : dateOnly().format(date)
}

/** Cut at `length` characters with an ellipsis, for titles and quotes in narrow places. */
export function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`
}
