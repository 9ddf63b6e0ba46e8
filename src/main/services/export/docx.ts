/**
 * Briefings as Word documents. Analysts hand briefings on to people who edit them in Word, so
 * this writes real Word structure rather than formatted text: built-in Title and Heading styles
 * (the navigation pane and a table of contents work), a Quote paragraph style for quotes, Word
 * lists for the key points and the sources, page numbers as fields in the footer, the
 * classification in every page header, and the document language, so spelling and hyphenation
 * follow French.
 *
 * A note included though it needs review gets a warning paragraph (style "Review Mark") kept
 * with its quote, and an item cited from a deleted note's copy says so after its citation.
 *
 * All user and article text enters the document through `clean()`: the docx library escapes
 * markup but lets through characters that XML 1.0 forbids, and one of them makes Word refuse
 * the whole file.
 */
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  InternalHyperlink,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IRunOptions,
  type ParagraphChild
} from 'docx'
import {
  countItems,
  type BriefingDocument,
  type BriefingItem,
  type BriefingSection,
  type BriefingSource
} from '../../../shared/briefing/document'
import { documentStyles, QUOTE_STYLE, SOURCES_NUMBERING } from './docxStyles'
import { splitEmphasis, paragraphsOf } from './emphasis'
import type { BriefingExporter, ExportOptions } from './exporter'
import {
  formatDate,
  keyPointLines,
  labelsFor,
  languageTag,
  placeReference,
  reviewLabel,
  snapshotLabel,
  sourceIndex,
  sourceParts,
  webAddress,
  type BriefingLabels
} from './labels'

/** The footer's words around Word's PAGE and NUMPAGES fields. */
const PAGE_OF = {
  fr: (current: string, total: string) => ['Page ', current, ' sur ', total],
  en: (current: string, total: string) => ['Page ', current, ' of ', total]
}

/** Word wants a language with a region to pick its dictionary; these are the usual ones. */
const DEFAULT_REGIONS: Record<string, string> = {
  fr: 'fr-FR',
  en: 'en-US',
  de: 'de-DE',
  es: 'es-ES',
  it: 'it-IT',
  pt: 'pt-PT',
  nl: 'nl-NL'
}

/** Twips (1/1440 inch). A4 is Word's own default size; Letter for North American printers. */
const PAPER = {
  a4: { width: 11906, height: 16838, margin: 1417 },
  letter: { width: 12240, height: 15840, margin: 1440 }
} as const

const PROGRESS_EVERY = 50
const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6
] as const

/**
 * Drops what XML 1.0 cannot carry (C0 controls other than tab and line breaks, lone surrogates,
 * U+FFFE/U+FFFF). The docx library escapes `<` and `&` but not these, and Word reports a
 * file holding one of them as corrupt.
 */
export function clean(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
}

/** `fr` → `fr-FR`: Word picks its dictionary from a language with a region. */
export function wordLanguage(language: string): string {
  const parts = language.trim().replace(/_/g, '-').split('-')
  const base = (parts[0] ?? '').toLowerCase()
  if (!/^[a-z]{2,3}$/.test(base)) return 'fr-FR'
  const region = parts.find((part, i) => i > 0 && /^([a-z]{2}|\d{3})$/i.test(part))
  if (region) return `${base}-${region.toUpperCase()}`
  return DEFAULT_REGIONS[base] ?? base
}

/**
 * Runs for lines of text, a Word line break (`w:br`) between them: a newline inside `w:t`
 * shows as a space.
 */
function lineRuns(lines: string[], options: Omit<IRunOptions, 'text' | 'children' | 'break'> = {}): TextRun[] {
  return lines.map((line, i) => new TextRun({ ...options, text: clean(line), ...(i > 0 ? { break: 1 } : {}) }))
}

function runs(text: string, options: Omit<IRunOptions, 'text' | 'children' | 'break'> = {}): TextRun[] {
  return lineRuns(text.replace(/\r\n?/g, '\n').split('\n'), options)
}

/** One line of note text, its `**strong**` and `*em*` as bold and italic runs; the rest literal. */
function emphasisRuns(line: string, lineBreak: boolean): TextRun[] {
  return splitEmphasis(line).map(
    (run, i) =>
      new TextRun({
        text: clean(run.text),
        bold: run.kind === 'strong' || undefined,
        italics: run.kind === 'em' || undefined,
        ...(lineBreak && i === 0 ? { break: 1 } : {})
      })
  )
}

/** User text as Word paragraphs: a blank line starts a paragraph, a newline breaks the line. */
function textParagraphs(text: string, style?: string): Paragraph[] {
  return paragraphsOf(text).map(
    (lines) =>
      new Paragraph({
        ...(style ? { style } : {}),
        children: lines.flatMap((line, i) => emphasisRuns(line, i > 0))
      })
  )
}

function bookmarkId(number: number): string {
  return `source_${number}`
}

/** The hex colour Word wants (no `#`), or null when the stored colour is not a plain RGB one. */
function wordColor(color: string | null): string | null {
  const match = color ? /^#?([0-9a-f]{6})$/i.exec(color.trim()) : null
  return match?.[1]?.toUpperCase() ?? null
}

interface Context {
  language: string
  labels: BriefingLabels
  sources: Map<number, BriefingSource>
  /**
   * Each source's citation parts, built once: formatting its date costs a fresh
   * Intl.DateTimeFormat, which was half the time of a 1,000-note export when done per item.
   */
  sourceParts: Map<number, string[]>
}

/** What `citationText` from labels.ts prints, with the source's part looked up once per source. */
function citation(item: BriefingItem, context: Context): string {
  const parts = [...(context.sourceParts.get(item.sourceNumber) ?? [])]
  const place = placeReference(item, context.labels)
  if (place) parts.push(place)
  return parts.join(', ')
}

function heading(text: string, level: number): Paragraph {
  const index = Math.min(Math.max(Math.round(level), 1), HEADINGS.length) - 1
  return new Paragraph({ heading: HEADINGS[index], keepNext: true, children: runs(text) })
}

function itemParagraphs(item: BriefingItem, context: Context): Paragraph[] {
  const { labels } = context
  const source = context.sources.get(item.sourceNumber)
  const color = wordColor(item.color)
  // Spelling follows the article's language, which is not always the briefing's.
  const quoteLanguage = source?.language?.trim() ? { language: { value: wordLanguage(source.language) } } : {}
  // A quote that spans paragraphs stays one Quote paragraph, each of its paragraphs on a new line.
  const quoteLines = paragraphsOf(item.quote).flat()
  const review = reviewLabel(item, labels)
  const paragraphs = [
    ...(review
      ? [
          new Paragraph({
            style: item.review === 'orphaned' ? 'ReviewMarkOrphaned' : 'ReviewMark',
            keepNext: true,
            children: runs(review)
          })
        ]
      : []),
    new Paragraph({
      style: QUOTE_STYLE,
      // Quote and citation belong together on the page.
      keepNext: true,
      // The warning sits just above its quote.
      ...(review ? { spacing: { before: 60 } } : {}),
      ...(color ? { border: { left: { style: BorderStyle.SINGLE, size: 18, color, space: 8 } } } : {}),
      children: lineRuns(quoteLines.length ? quoteLines : [item.quote.trim()], quoteLanguage)
    })
  ]

  const number = `[${item.sourceNumber}]`
  const citationLine = citation(item, context)
  const snapshot = snapshotLabel(item, labels, context.language)
  paragraphs.push(
    new Paragraph({
      style: 'QuoteSource',
      children: [
        source
          ? new InternalHyperlink({ anchor: bookmarkId(item.sourceNumber), children: runs(number) })
          : new TextRun(number),
        ...(citationLine ? runs(` ${citationLine}`) : []),
        ...(snapshot ? runs(` ${snapshot}`, { italics: true }) : [])
      ]
    })
  )

  paragraphs.push(...textParagraphs(item.noteText))

  const tags = item.tags.map((tag) => tag.path.trim()).filter((path) => path !== '')
  if (tags.length) {
    paragraphs.push(new Paragraph({ style: 'Tags', children: runs(`${labels.colon(labels.tags)} ${tags.join(', ')}`) }))
  }
  return paragraphs
}

function sectionParagraphs(section: BriefingSection): Paragraph[] {
  const paragraphs: Paragraph[] = []
  if (section.heading.trim()) paragraphs.push(heading(section.heading.trim(), section.level))
  paragraphs.push(...textParagraphs(section.intro, 'Intro'))
  return paragraphs
}

/**
 * Which sections to print: those with items, and the parents of those, since a sub-tag's
 * heading (level 2) needs its parent's (level 1) above it for the outline to make sense even
 * when no note carries the parent tag itself. A heading with nothing under it is left out.
 */
function sectionsWithContent(sections: BriefingSection[]): boolean[] {
  const printed = sections.map(() => false)
  const ancestors: number[] = []
  for (const [index, section] of sections.entries()) {
    while (ancestors.length && sections[ancestors[ancestors.length - 1]!]!.level >= section.level) ancestors.pop()
    if (section.items.length) {
      for (const ancestor of ancestors) printed[ancestor] = true
      printed[index] = true
    }
    ancestors.push(index)
  }
  return printed
}

function frontMatterParagraphs(document: BriefingDocument, labels: BriefingLabels): Paragraph[] {
  const { title, subtitle, author, date, classification } = document.frontMatter
  const paragraphs = [new Paragraph({ heading: HeadingLevel.TITLE, children: runs(title.trim() || labels.untitled) })]
  if (subtitle.trim()) paragraphs.push(new Paragraph({ style: 'Subtitle', children: runs(subtitle.trim()) }))
  if (author.trim()) {
    paragraphs.push(
      new Paragraph({ style: 'Byline', children: runs(`${labels.colon(labels.author)} ${author.trim()}`) })
    )
  }
  if (date.trim()) {
    const formatted = formatDate(date, document.language)
    paragraphs.push(new Paragraph({ style: 'Byline', children: runs(`${labels.colon(labels.date)} ${formatted}`) }))
  }
  if (classification.trim()) {
    paragraphs.push(new Paragraph({ style: 'Classification', children: runs(classification.trim()) }))
  }
  return paragraphs
}

function keyPointParagraphs(keyPoints: string, labels: BriefingLabels): Paragraph[] {
  const points = keyPointLines(keyPoints)
  if (!points.length) return []
  return [
    heading(labels.keyPoints, 1),
    ...points.map((point) => new Paragraph({ bullet: { level: 0 }, children: emphasisRuns(point, false) }))
  ]
}

function sourceParagraphs(sources: BriefingSource[], context: Context): Paragraph[] {
  if (!sources.length) return []
  // Word numbers the list itself; that only matches the citations if the numbers run 1, 2, 3…
  const numbered = sources.every((source, i) => source.number === i + 1)
  return [
    heading(context.labels.sources, 1),
    ...sources.map((source) => {
      const parts = context.sourceParts.get(source.number) ?? []
      const text = (numbered ? '' : `[${source.number}] `) + parts.join(', ')
      const children: ParagraphChild[] = [new Bookmark({ id: bookmarkId(source.number), children: runs(text) })]
      const url = source.url?.trim()
      if (url) {
        const link = webAddress(url)
        children.push(new TextRun(parts.length ? ', ' : ''))
        // Only http(s) becomes a link; anything else is shown, never made clickable.
        children.push(
          link
            ? new ExternalHyperlink({
                link: clean(link),
                children: [new TextRun({ text: clean(url), style: 'Hyperlink' })]
              })
            : new TextRun(clean(url))
        )
      }
      return new Paragraph({
        style: 'SourceEntry',
        ...(numbered ? { numbering: { reference: 'sources', level: 0 } } : {}),
        children
      })
    })
  ]
}

async function exportDocx(document: BriefingDocument, options: ExportOptions = {}): Promise<Uint8Array> {
  const labels = labelsFor(document.language)
  const language = languageTag(document)
  const sources = [...document.sources].sort((a, b) => a.number - b.number)
  const context: Context = {
    language,
    labels,
    sources: sourceIndex(document),
    sourceParts: new Map(sources.map((source) => [source.number, sourceParts(source, labels, language)]))
  }
  const total = countItems(document)
  let done = 0
  options.onProgress?.(0, total)

  const body: Paragraph[] = [
    ...frontMatterParagraphs(document, labels),
    ...keyPointParagraphs(document.frontMatter.keyPoints, labels)
  ]
  if (total === 0) body.push(new Paragraph({ style: 'Intro', children: runs(labels.empty) }))
  const printed = sectionsWithContent(document.sections)
  for (const [index, section] of document.sections.entries()) {
    if (!printed[index]) continue
    body.push(...sectionParagraphs(section))
    for (const item of section.items) {
      body.push(...itemParagraphs(item, context))
      done += 1
      if (done % PROGRESS_EVERY === 0 && done < total) options.onProgress?.(done, total)
    }
  }
  body.push(...sourceParagraphs(sources, context))

  const paper = PAPER[options.paper ?? 'a4']
  const { title, subtitle, author, classification } = document.frontMatter
  const wordDocument = new Document({
    title: clean(title.trim() || labels.untitled),
    description: clean(subtitle.trim()),
    creator: clean(author.trim() || 'Dossier'),
    lastModifiedBy: 'Dossier',
    styles: documentStyles(wordLanguage(language)),
    numbering: SOURCES_NUMBERING,
    sections: [
      {
        properties: {
          page: {
            size: { width: paper.width, height: paper.height },
            margin: { top: paper.margin, right: paper.margin, bottom: paper.margin, left: paper.margin }
          }
        },
        ...(classification.trim()
          ? {
              headers: {
                default: new Header({
                  children: [
                    new Paragraph({
                      alignment: AlignmentType.CENTER,
                      children: runs(classification.trim(), { bold: true, allCaps: true, size: 16, color: 'C00000' })
                    })
                  ]
                })
              }
            }
          : {}),
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    size: 18,
                    color: '595959',
                    children: PAGE_OF[labels.language](PageNumber.CURRENT, PageNumber.TOTAL_PAGES)
                  })
                ]
              })
            ]
          })
        },
        children: body
      }
    ]
  })
  const bytes = await Packer.pack(wordDocument, 'uint8array')
  options.onProgress?.(total, total)
  return bytes
}

export const docxExporter: BriefingExporter = {
  format: 'docx',
  extension: 'docx',
  mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  export: exportDocx
}
