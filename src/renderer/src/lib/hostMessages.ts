/**
 * The one place where a message the services composed (a notice, an import refused, a change
 * not saved) becomes words in the interface's language. The host sends a code and parameters
 * (shared/domain/hostMessages.ts); this looks the code up in the `messages` namespace and
 * fills it in: every file name, title or other string from outside isolated for bidi (a name
 * holding U+202E cannot reorder the sentence around it), counts and other numbers through
 * Intl, dates and times in the interface's locale, lists joined as the language joins them.
 * A code this interface does not know, or a notice from before codes, shows the English words
 * it came with.
 */
import type { ApiClient } from '../../../shared/api/contract'
import { API_METHODS, type ApiMethod } from '../../../shared/api/methods'
import { isHostMessage, type HostMessage, type MessageParam } from '../../../shared/domain/hostMessages'
import type { Result } from '../../../shared/result'
import { isolateBidi } from '../../../shared/text/bidi'
import { i18n, interfaceLocale } from './i18n'

/** Anything that may carry a host message: a notice, an error, or just English words. */
export interface MaybeWorded {
  message: string
  code?: string
  params?: HostMessage['params']
}

type Translate = (key: string, options?: Record<string, unknown>) => string
const translate: Translate = (key, options) => (i18n.t as unknown as Translate)(key, options)

/** The words of `said` in the interface's language; `fallback` when there is nothing to say it with. */
export function formatHostMessage(said: HostMessage | null | undefined, fallback: string): string {
  if (!said) return fallback
  const key = `messages:${said.code}`
  const values: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(said.params)) values[name] = formatParam(name, value)
  if (!i18n.exists(key, values)) return fallback
  return translate(key, values)
}

/** A notice's or an error's words: by its code when it has one, else its English message. */
export function hostMessageText(worded: MaybeWorded): string {
  const said = worded.code ? { code: worded.code, params: worded.params ?? {} } : null
  return formatHostMessage(said, worded.message)
}

/**
 * How a parameter goes into a sentence. `count` stays a number: i18next picks the plural form
 * by it, and the texts format it with `{{count, number}}`. Names ending in `Time` or `Date`
 * hold an ISO instant, said as a time or a day.
 */
function formatParam(name: string, value: MessageParam): unknown {
  if (isHostMessage(value)) return formatHostMessage(value, fallbackOf(value))
  if (typeof value === 'number')
    return name === 'count' ? value : new Intl.NumberFormat(interfaceLocale()).format(value)
  if (typeof value !== 'string') return formatList(name, value)
  if (value === '') return ''
  if (name.endsWith('Time')) return formatInstant(value, { timeStyle: 'medium' })
  if (name.endsWith('Date')) return formatInstant(value, { dateStyle: 'long' })
  return isolateBidi(value)
}

/** A nested message with an unknown code: its detail if it has one, so something readable shows. */
function fallbackOf(said: HostMessage): string {
  const detail = said.params['detail']
  return typeof detail === 'string' ? isolateBidi(detail) : ''
}

/** Each item isolated (and quoted, for titles), joined as the language joins a list: « a, b et c ». */
function formatList(name: string, items: readonly string[]): string {
  const quote = name === 'titles'
  const said = items.map((item) =>
    quote ? translate('messages:quoted', { text: isolateBidi(item) }) : isolateBidi(item)
  )
  return new Intl.ListFormat(interfaceLocale(), { style: 'long', type: 'conjunction' }).format(said)
}

function formatInstant(iso: string, style: Intl.DateTimeFormatOptions): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime())
    ? isolateBidi(iso)
    : new Intl.DateTimeFormat(interfaceLocale(), style).format(date)
}

/**
 * The same client, with every error it hands back and every import it reports refused worded
 * in the interface's language: the toasts, dialogs and import summaries that show
 * `error.message` or an outcome's `reason` then need no change of their own.
 */
export function withHostMessagesWorded(api: ApiClient): ApiClient {
  const worded: Partial<Record<ApiMethod, (input: unknown) => Promise<Result<unknown>>>> = {}
  for (const method of API_METHODS) {
    const call = api[method] as (input: unknown) => Promise<Result<unknown>>
    worded[method] = async (input) => wordResult(await call(input))
  }
  return worded as ApiClient
}

function wordResult(result: Result<unknown>): Result<unknown> {
  if (!result.ok) {
    const { why } = result.error
    return why
      ? { ok: false, error: { ...result.error, message: formatHostMessage(why, result.error.message) } }
      : result
  }
  const value = result.value as { ok?: unknown; reason?: unknown; why?: unknown } | null
  if (value && typeof value === 'object' && value.ok === false && typeof value.reason === 'string') {
    if (isHostMessage(value.why))
      return { ok: true, value: { ...value, reason: formatHostMessage(value.why, value.reason) } }
  }
  return result
}
