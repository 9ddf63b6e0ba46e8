/**
 * The other way from cslItem.ts: a CSL-JSON item read from a reference file (CSL-JSON as
 * is, BibTeX or RIS after citation-js has read them) becomes the changes it would make to an
 * article's details. The item comes from a file the analyst picked, so nothing in it is
 * trusted: every field is checked for its type and shape, and what does not fit is left out
 * rather than refused, so one odd field does not lose the rest of the reference. Only what
 * the reference says is changed; the article's other details stay.
 */
import { ARTICLE_ITEM_TYPES, type ArticleItemType, type ArticleMetaChanges } from '../domain/article'

/** CSL types Dossier has no type for, mapped to the nearest one it has. */
const NEAREST_TYPES: Record<string, ArticleItemType> = {
  'post-weblog': 'webpage',
  post: 'webpage',
  article: 'article-journal',
  'paper-conference': 'chapter',
  'entry-encyclopedia': 'chapter',
  'entry-dictionary': 'chapter',
  thesis: 'report',
  manuscript: 'document'
}

/** Language names reference managers write instead of a code. */
const LANGUAGE_NAMES: Record<string, string> = {
  french: 'fr',
  français: 'fr',
  francais: 'fr',
  english: 'en',
  anglais: 'en',
  german: 'de',
  spanish: 'es',
  italian: 'it',
  arabic: 'ar',
  portuguese: 'pt'
}

/** Limits the API puts on the same fields (schemas/articles.ts): a longer value is cut, not refused. */
const MAX_TITLE = 500
const MAX_TEXT = 300

export function referenceChanges(item: Record<string, unknown>): ArticleMetaChanges {
  const changes: ArticleMetaChanges = {}
  const title = text(item.title, MAX_TITLE)
  if (title) changes.title = title
  const type = itemType(item.type)
  if (type) changes.itemType = type
  const author = authorLine(item.author)
  if (author) changes.author = author
  // RIS readers put a web page's site (T2) in the collection title.
  const container =
    text(item['container-title'], MAX_TEXT) ??
    (type === 'webpage' ? text(item['collection-title'], MAX_TEXT) : undefined)
  const publisher = text(item.publisher, MAX_TEXT)
  // A report's or a book's outlet is who published it (cslItem.ts maps it the same way out).
  const standsAlone = type === 'report' || type === 'book' || type === 'document'
  const outlet = container ?? (standsAlone ? publisher : undefined)
  if (outlet) changes.outlet = outlet
  if (publisher && publisher !== outlet) changes.publisher = publisher
  const place = text(item['publisher-place'], MAX_TEXT)
  if (place) changes.place = place
  const issued = isoDate(item.issued, false)
  if (issued) changes.publishedAt = issued
  const accessed = isoDate(item.accessed, true)
  if (accessed) changes.accessedAt = accessed
  const url = text(item.URL, 2000)
  if (url && /^https?:\/\/\S+$/i.test(url)) changes.sourceUrl = url
  const pages = text(item.page, 50)
  if (pages) changes.pages = pages.replace(/\s*-{1,3}\s*/g, '-')
  const language = languageCode(item.language)
  if (language) changes.language = language
  return changes
}

function itemType(value: unknown): ArticleItemType | undefined {
  if (typeof value !== 'string') return undefined
  if ((ARTICLE_ITEM_TYPES as readonly string[]).includes(value)) return value as ArticleItemType
  return NEAREST_TYPES[value]
}

/**
 * Names in reading order (« Nadia Benali »), joined so that authorNames.ts splits them
 * again the same way: commas, or semicolons once a name is a single word.
 */
function authorLine(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined
  const names = value
    .map((name: unknown) => {
      if (typeof name !== 'object' || name === null) return ''
      const { literal, given, family } = name as Record<string, unknown>
      const particle = (name as Record<string, unknown>)['non-dropping-particle']
      if (typeof literal === 'string') return literal.trim()
      return [given, particle, family]
        .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
        .map((part) => part.trim())
        .join(' ')
    })
    .filter((name) => name !== '')
  if (names.length === 0) return undefined
  const separator = names.length > 1 && names.some((name) => !name.includes(' ')) ? '; ' : ', '
  return names.join(separator).slice(0, MAX_TEXT)
}

/** YYYY, YYYY-MM or YYYY-MM-DD; an accessed date is only kept whole, as the API stores it. */
function isoDate(value: unknown, wholeOnly: boolean): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const dateParts = (value as Record<string, unknown>)['date-parts']
  const first: unknown = Array.isArray(dateParts) ? dateParts[0] : undefined
  if (!Array.isArray(first)) return undefined
  const parts = first.map(Number).filter((part) => Number.isInteger(part))
  const [year, month, day] = parts
  if (year === undefined || year < 1000 || year > 9999) return undefined
  const validMonth = month !== undefined && month >= 1 && month <= 12
  const validDay = validMonth && day !== undefined && day >= 1 && day <= 31
  if (wholeOnly && !validDay) return undefined
  const pad = (number: number): string => String(number).padStart(2, '0')
  if (validDay) return `${year}-${pad(month)}-${pad(day)}`
  if (validMonth) return `${year}-${pad(month)}`
  return String(year)
}

function languageCode(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const trimmed = value.trim().toLowerCase()
  const code = /^([a-z]{2,3})(?:[-_][a-z0-9]+)*$/.exec(trimmed)?.[1]
  return code ?? LANGUAGE_NAMES[trimmed]
}

function text(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined
  const trimmed = String(value).replace(/\s+/g, ' ').trim()
  return trimmed ? trimmed.slice(0, max) : undefined
}
