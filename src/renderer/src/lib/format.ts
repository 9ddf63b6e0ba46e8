/** Display formatting shared by the panels, in the interface's locale (lib/i18n.ts). */
import { interfaceLocale } from './i18n'

const dateTime = (): Intl.DateTimeFormat =>
  new Intl.DateTimeFormat(interfaceLocale(), { dateStyle: 'long', timeStyle: 'short' })
const number = (): Intl.NumberFormat => new Intl.NumberFormat(interfaceLocale())

export function formatDateTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dateTime().format(date)
}

export function formatCount(count: number, singular: string, plural: string): string {
  return `${number().format(count)} ${count === 1 ? singular : plural}`
}

const LANGUAGE_NAMES: Record<string, string> = {
  fr: 'Français',
  en: 'English',
  de: 'Deutsch',
  es: 'Español',
  it: 'Italiano',
  ar: 'العربية',
  he: 'עברית',
  pt: 'Português'
}

export function languageName(code: string | null): string | null {
  if (!code) return null
  return LANGUAGE_NAMES[code] ?? code
}

const dateOnly = (): Intl.DateTimeFormat => new Intl.DateTimeFormat(interfaceLocale(), { dateStyle: 'long' })

/** A publication date in the interface's locale, whether stored as a date or a date-time. */
export function formatDate(iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00` : iso)
  return Number.isNaN(date.getTime()) ? iso : dateOnly().format(date)
}

/** Cut at `length` characters with an ellipsis, for titles and quotes in narrow places. */
export function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`
}
