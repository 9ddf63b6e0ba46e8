/**
 * An article's metadata as a CSL-JSON item: the one shape citation styles (citeproc) and the
 * bibliography exports (CSL-JSON, BibTeX, RIS through citation-js) read. Dossier keeps an
 * author as one line of text, as the source printed it, so this is where names are split
 * into family and given parts; everything else maps field to field.
 *
 * Pure and shared: the main process exports with it and a briefing cites with it.
 */
import type { ArticleItemType, ArticleMeta } from '../domain/article'
import { authorNames, type CslName } from './authorNames'

export type { CslName } from './authorNames'

/** A CSL date: year, then month and day when known. */
export interface CslDate {
  'date-parts': number[][]
}

export interface CslItem {
  id: string
  type: ArticleItemType
  title: string
  author?: CslName[]
  'container-title'?: string
  publisher?: string
  'publisher-place'?: string
  URL?: string
  issued?: CslDate
  accessed?: CslDate
  page?: string
  language?: string
}

/**
 * What a citation needs to know about a source. It is an article's metadata under neutral
 * names, so a briefing's copy of a deleted article (which has `url`, not `sourceUrl`) fits too.
 */
export interface CitationSource {
  id: string
  title: string
  author: string | null
  /** The newspaper, journal or site: the container title, or the publisher of a report. */
  outlet: string | null
  publishedAt: string | null
  url: string | null
  language: string | null
  itemType?: ArticleItemType
  accessedAt?: string | null
  pages?: string | null
  publisher?: string | null
  place?: string | null
  /** A `.pdf` file name makes an untyped source a report. */
  sourceFile?: string | null
  /** Stands in for the accessed date of a source with an address. */
  importedAt?: string
}

export function citationSource(meta: ArticleMeta): CitationSource {
  return {
    id: meta.id,
    title: meta.title,
    author: meta.author,
    outlet: meta.outlet,
    publishedAt: meta.publishedAt,
    url: meta.sourceUrl,
    language: meta.language,
    itemType: meta.itemType,
    accessedAt: meta.accessedAt,
    pages: meta.pages,
    publisher: meta.publisher,
    place: meta.place,
    sourceFile: meta.sourceFile,
    importedAt: meta.importedAt
  }
}

/**
 * The type a source is cited as when the analyst has not said: a PDF is most often a report,
 * a text with an outlet a newspaper article, one with only an address a web page.
 */
export function effectiveItemType(
  source: Pick<CitationSource, 'itemType' | 'sourceFile' | 'outlet' | 'url'>
): ArticleItemType {
  if (source.itemType) return source.itemType
  if (/\.pdf$/i.test(source.sourceFile ?? '')) return 'report'
  if (present(source.outlet)) return 'article-newspaper'
  if (present(source.url)) return 'webpage'
  return 'document'
}

/** Types whose outlet is who issued them rather than a periodical or site containing them. */
const PUBLISHED_ALONE: ReadonlySet<ArticleItemType> = new Set(['report', 'book', 'document'])

export function cslItem(source: CitationSource): CslItem {
  const type = effectiveItemType(source)
  const item: CslItem = { id: source.id, type, title: source.title.trim() }
  const authors = source.author ? authorNames(source.author) : []
  if (authors.length > 0) item.author = authors

  const outlet = text(source.outlet)
  const publisher = text(source.publisher)
  if (PUBLISHED_ALONE.has(type)) {
    if (publisher ?? outlet) item.publisher = publisher ?? outlet
    if (publisher && outlet && publisher !== outlet) item['container-title'] = outlet
  } else {
    if (outlet) item['container-title'] = outlet
    if (publisher) item.publisher = publisher
  }
  const place = text(source.place)
  if (place) item['publisher-place'] = place

  const url = text(source.url)
  if (url) item.URL = url
  const issued = cslDate(source.publishedAt)
  if (issued) item.issued = issued
  // The day it was imported is the day the analyst read the page, unless they say otherwise.
  const accessed = cslDate(source.accessedAt ?? (url ? source.importedAt : null))
  if (accessed) item.accessed = accessed
  const pages = text(source.pages)
  if (pages) item.page = pages
  const language = text(source.language)
  if (language) item.language = language
  return item
}

/**
 * The calendar date as written (a time and its offset are dropped, not converted, so an
 * article dated the 19th in Paris stays the 19th); a year or a year and month alone are kept.
 */
export function cslDate(value: string | null | undefined): CslDate | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value?.trim() ?? '')
  if (!match) return undefined
  const parts = [Number(match[1])]
  if (match[2]) parts.push(Number(match[2]))
  if (match[2] && match[3]) parts.push(Number(match[3]))
  return { 'date-parts': [parts] }
}

function text(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed ? trimmed : undefined
}

function present(value: string | null | undefined): boolean {
  return text(value) !== undefined
}
