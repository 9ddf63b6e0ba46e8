/**
 * The words and typographic conventions exporters add around the user's text: one table per
 * language so every format says the same thing ("Points clés", « Titre », 4 mars 2024), and
 * the citation and source lines built once so an item's "[1] …" reads identically in
 * Markdown, HTML and print. Everything here returns raw text; each exporter escapes it.
 */
import {
  pageReference,
  paragraphReference,
  placeReference,
  type PlaceSigns
} from '../../../shared/briefing/citationPlace'
import type { BriefingDocument, BriefingItem, BriefingSource } from '../../../shared/briefing/document'
import type { BriefingLanguage } from '../../../shared/briefing/spec'
import { plainText, type StyledRun } from '../../../shared/briefing/styledCitations'
import { isWebLink } from '../../../shared/links/isWebLink'

/** The place rule (« p. 12 » for a PDF, else « § 4 ») lives in src/shared: the composer prints it too. */
export { pageReference, paragraphReference, placeReference }

const NBSP = '\u00a0'

export interface BriefingLabels extends PlaceSigns {
  /** The language the labels are in ('fr' or 'en'); also the fallback locale for dates. */
  language: BriefingLanguage
  untitled: string
  keyPoints: string
  sources: string
  author: string
  date: string
  classification: string
  tags: string
  /** Heads the analyst's comment, set apart under the quote it is about. */
  comment: string
  empty: string
  generatedOn: string
  /** The warning above the quote of a note included though it needs review. */
  review: { moved: string; orphaned: string }
  /** After the citation of an item cited from the briefing's copy: the date is already formatted. */
  snapshot(date: string, deleted: 'article' | 'note'): string
  /** Appends the language's colon to a label ("Auteur :", "Author:"). */
  colon(label: string): string
  /** Wraps a title in the language's quotation marks. */
  quoted(title: string): string
}

const FRENCH: BriefingLabels = {
  language: 'fr',
  untitled: 'Dossier sans titre',
  keyPoints: 'Points clés',
  sources: 'Sources',
  author: 'Auteur',
  date: 'Date',
  classification: 'Classification',
  tags: 'Étiquettes',
  comment: 'Commentaire',
  empty: 'Ce dossier ne contient aucune note.',
  generatedOn: 'Généré le',
  paragraphSign: '§',
  pageAbbreviation: 'p.',
  review: {
    moved: '⚠ Passage modifié depuis qu’il a été surligné',
    orphaned: '⚠ Passage qui ne figure plus dans l’article'
  },
  snapshot: (date, deleted) => `(état au ${date}, ${deleted === 'article' ? 'article supprimé' : 'note supprimée'})`,
  // French sets a non-breaking space before the colon and inside guillemets.
  colon: (label) => `${label}${NBSP}:`,
  quoted: (title) => `«${NBSP}${title}${NBSP}»`
}

const ENGLISH: BriefingLabels = {
  language: 'en',
  untitled: 'Untitled briefing',
  keyPoints: 'Key points',
  sources: 'Sources',
  author: 'Author',
  date: 'Date',
  classification: 'Classification',
  tags: 'Tags',
  comment: 'Comment',
  empty: 'This briefing has no notes.',
  generatedOn: 'Generated on',
  paragraphSign: '¶',
  pageAbbreviation: 'p.',
  review: {
    moved: '⚠ Passage changed since highlighted',
    orphaned: '⚠ Passage no longer in the article'
  },
  snapshot: (date, deleted) => `(as of ${date}, ${deleted} deleted)`,
  colon: (label) => `${label}:`,
  quoted: (title) => `“${title}”`
}

/** French for any 'fr…' tag, English otherwise: the two languages the app writes briefings in. */
export function labelsFor(language: string): BriefingLabels {
  return language.trim().toLowerCase().startsWith('fr') ? FRENCH : ENGLISH
}

/** The `lang` value to declare: the document's own tag when well formed, else the labels' language. */
export function languageTag(document: BriefingDocument): string {
  const tag = document.language.trim()
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag) ? tag : labelsFor(tag).language
}

/**
 * "2024-03-04" → "4 mars 2024" / "March 4, 2024". Only the calendar date is read (a full
 * date-time keeps its own day, whatever the machine's time zone); anything unparseable is
 * printed as written rather than dropped, since it is still the user's information.
 */
export function formatDate(value: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim())
  if (!match) return value.trim()
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  if (Number.isNaN(date.getTime())) return value.trim()
  return dateFormatFor(language).format(date)
}

/** Building a formatter costs far more than using one; a 1,000-note export formats thousands of dates. */
const dateFormats = new Map<string, Intl.DateTimeFormat>()

function dateFormatFor(language: string): Intl.DateTimeFormat {
  let format = dateFormats.get(language)
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
    try {
      format = new Intl.DateTimeFormat(language, options)
    } catch {
      // An unknown locale tag throws; the labels' language is always supported.
      format = new Intl.DateTimeFormat(labelsFor(language).language, options)
    }
    dateFormats.set(language, format)
  }
  return format
}

/** Outlet, « Title », author, date: the known parts of a source, in citation order. */
export function sourceParts(source: BriefingSource, labels: BriefingLabels, language: string): string[] {
  const parts = [
    source.outlet?.trim() ?? '',
    source.title.trim() ? labels.quoted(source.title.trim()) : '',
    source.author?.trim() ?? '',
    source.publishedAt ? formatDate(source.publishedAt, language) : ''
  ]
  return parts.filter((part) => part !== '')
}

/**
 * The citation printed under a quote, without its "[n]": "Le Desk, « Titre », Rédaction,
 * 18 juillet 2022, § 1", or "…, p. 12" for a PDF source.
 */
export function citationText(
  item: BriefingItem,
  source: BriefingSource | undefined,
  labels: BriefingLabels,
  language: string
): string {
  const parts = source ? sourceParts(source, labels, language) : []
  const place = placeReference(item, labels)
  if (place) parts.push(place)
  return parts.join(', ')
}

/**
 * The citation under a quote as runs of text: the briefing's CSL style's when it has one,
 * else Dossier's own form (`citationText`) as one plain run. Empty when nothing is known.
 */
export function citationRuns(
  item: BriefingItem,
  source: BriefingSource | undefined,
  document: BriefingDocument,
  labels: BriefingLabels
): StyledRun[] {
  const styled = document.styled?.items[item.noteId]
  if (styled) return styled
  const text = citationText(item, source, labels, document.language)
  return text ? [{ text }] : []
}

/** `citationRuns` as plain text, for formats that cannot set italics. */
export function citationLine(
  item: BriefingItem,
  source: BriefingSource | undefined,
  document: BriefingDocument,
  labels: BriefingLabels
): string {
  return plainText(citationRuns(item, source, document, labels))
}

/** The sources-list entry the briefing's CSL style wrote for a source, or null in Dossier's own form. */
export function styledSourceEntry(document: BriefingDocument, sourceNumber: number): StyledRun[] | null {
  return document.styled?.sources[sourceNumber] ?? null
}

/** The tags to print with an item: none unless the briefing shows tags. */
export function printedTags(item: BriefingItem, document: BriefingDocument): BriefingItem['tags'] {
  return document.showTags ? item.tags.filter((tag) => tag.path.trim() !== '') : []
}

/** The warning to print above an item's quote, or '' for a note cited as highlighted. */
export function reviewLabel(item: BriefingItem, labels: BriefingLabels): string {
  return item.review ? labels.review[item.review] : ''
}

/** "(as of March 4, 2024, article deleted)" for an item cited from a snapshot, else ''. */
export function snapshotLabel(item: BriefingItem, labels: BriefingLabels, language: string): string {
  return item.snapshot ? labels.snapshot(formatDate(item.snapshot.asOf, language), item.snapshot.deleted) : ''
}

/**
 * Every place the briefing cites from one source, for the sources list: its pages for a
 * PDF ("p. 3, 12"), else its paragraphs ("§ 1, 4").
 */
export function citedPlaces(document: BriefingDocument, sourceNumber: number, labels: BriefingLabels): string {
  const items = document.sections.flatMap((section) =>
    section.items.filter((item) => item.sourceNumber === sourceNumber)
  )
  const pages = pageReference(
    items.map((item) => item.page),
    labels
  )
  return (
    pages ||
    paragraphReference(
      items.map((item) => item.paragraph),
      labels
    )
  )
}

/** The source an item cites, looked up once per export. */
export function sourceIndex(document: BriefingDocument): Map<number, BriefingSource> {
  return new Map(document.sources.map((source) => [source.number, source]))
}

/** The address to link to, or null: only http(s) becomes a link, so no export can carry javascript: or file:. */
export function webAddress(url: string | null): string | null {
  const address = url?.trim()
  return isWebLink(address) ? new URL(address).href : null
}

/** The user's lines with the bullet they may have typed removed, since every exporter adds its own. */
export function keyPointLines(keyPoints: string): string[] {
  return keyPoints
    .split(/\r\n?|\n/)
    .map((line) => line.trim().replace(/^[-*•]\s+/, ''))
    .filter((line) => line !== '')
}
