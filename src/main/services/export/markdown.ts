/**
 * Markdown export: a briefing as plain CommonMark, for people who keep notes in text files,
 * paste into wikis or diff briefings in git. Only CommonMark constructs are emitted so any
 * renderer shows the same structure.
 *
 * Citations are plain `[1]` references to the numbered "Sources" list, not footnotes
 * (`[^1]`): footnotes are an extension that CommonMark renderers print literally, and a
 * CommonMark parser would even read a `[^1]: …` definition line as a link reference. `[1]`
 * stays literal text everywhere because the document defines no link references (user text
 * cannot add one: its brackets are escaped).
 *
 * User text is escaped so that it renders as exactly the characters written: no heading,
 * list, quote, link, raw HTML or code can come out of a note. The one exception is note
 * text's `**strong**` and `*em*`, which are kept as written.
 *
 * A note included though it needs review gets its warning in bold just above its quote; an
 * item cited from the briefing's copy of a deleted note says so after its citation.
 */
import {
  countItems,
  type BriefingDocument,
  type BriefingItem,
  type BriefingSource
} from '../../../shared/briefing/document'
import type { StyledRun } from '../../../shared/briefing/styledCitations'
import { paragraphsOf, splitEmphasis } from './emphasis'
import type { BriefingExporter } from './exporter'
import {
  citationRuns,
  citedPlaces,
  formatDate,
  keyPointLines,
  labelsFor,
  printedTags,
  reviewLabel,
  snapshotLabel,
  sourceIndex,
  sourceParts,
  styledSourceEntry,
  webAddress,
  type BriefingLabels
} from './labels'

/** Characters that can start inline structure (emphasis, code, links, raw HTML, GFM tables and strikethrough). */
const INLINE_SPECIALS = /[\\`*_[\]<>#|~]/g
/** `&amp;` would be decoded; a lone `&` is already literal. */
const ENTITY_LIKE = /&(?=#?[A-Za-z0-9]+;)/g

function escapeCharacters(text: string): string {
  return text.replace(INLINE_SPECIALS, '\\$&').replace(ENTITY_LIKE, '\\&')
}

/** Markers that only mean something at the start of a line: list items, setext underlines, ordered lists. */
function escapeLineStart(line: string): string {
  return line.replace(/^[-+=]/, '\\$&').replace(/^(\d{1,9})([.)])/, '$1\\$2')
}

/** Indentation would turn a line into a code block, and Markdown cannot show it anyway. */
function unindent(line: string): string {
  return line.replace(/^[ \t]+/, '').replace(/[ \t]+$/, '')
}

/**
 * Escapes user text so that CommonMark (and GFM) renders exactly these characters, wherever
 * it is placed in a line. Line breaks are kept; each line is escaped as if it started a block.
 */
export function escapeMarkdownInline(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => escapeLineStart(escapeCharacters(unindent(line))))
    .join('\n')
}

/** One line on one line: headings and list items cannot hold a newline. */
function singleLine(text: string): string {
  return escapeMarkdownInline(text.replace(/\s*\n\s*/g, ' ').trim())
}

/** One line of note text: emphasis kept as the writer typed it, everything else escaped. */
function noteLine(line: string): string {
  const markdown = splitEmphasis(unindent(line))
    .map((run) => {
      const text = escapeCharacters(run.text)
      return run.kind === 'strong' ? `**${text}**` : run.kind === 'em' ? `*${text}*` : text
    })
    .join('')
  return escapeLineStart(markdown)
}

/** Paragraphs separated by a blank line; a single newline becomes a hard break (`\` at line end). */
function blocks(text: string, renderLine: (line: string) => string): string[] {
  return paragraphsOf(text).map((lines) => lines.map(renderLine).join('\\\n'))
}

/** A CSL style's runs on one line, italics as `*…*`. */
function styledLine(runs: readonly StyledRun[]): string {
  const line = runs
    .map((run) => {
      const text = escapeCharacters(run.text.replace(/[ \t\r\n]+/g, ' '))
      if (!run.italic || text.trim() === '') return text
      // Emphasis only opens and closes against a word: the spaces around it stay outside.
      const [, before, words, after] = /^(\s*)(.*?)(\s*)$/s.exec(text) ?? ['', '', text, '']
      return `${before}*${words}*${after}`
    })
    .join('')
  return escapeLineStart(line.trim())
}

/**
 * The analyst's comment, set apart under its quote: CommonMark indents nothing outside a
 * container, and a second blockquote right after the quote would merge into it, so the
 * comment is one list item, headed by its label, its further paragraphs indented with it. Its
 * marker is `*`, so it never continues a list of key points (`-`) above it.
 */
function commentItem(label: string, paragraphs: string[]): string {
  return paragraphs
    .map((paragraph, index) => {
      const lines = paragraph
        .split('\n')
        .map((line, lineIndex) => (index === 0 && lineIndex === 0 ? line : `  ${line}`))
      return index === 0 ? `* ${label} ${lines.join('\n')}` : lines.join('\n')
    })
    .join('\n\n')
}

function plainLine(line: string): string {
  return escapeMarkdownInline(line)
}

function blockquote(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n')
}

function heading(level: number, text: string): string {
  return `${'#'.repeat(Math.min(Math.max(level, 1), 6))} ${singleLine(text)}`
}

function frontMatter(document: BriefingDocument, labels: BriefingLabels): string[] {
  const { title, subtitle, author, date, classification } = document.frontMatter
  const out = [heading(1, title.trim() || labels.untitled)]
  if (subtitle.trim()) out.push(`*${singleLine(subtitle)}*`)
  const meta: string[] = []
  if (author.trim()) meta.push(`**${labels.colon(labels.author)}** ${singleLine(author)}`)
  if (date.trim()) meta.push(`**${labels.colon(labels.date)}** ${singleLine(formatDate(date, document.language))}`)
  if (classification.trim()) {
    meta.push(`**${labels.colon(labels.classification)}** ${singleLine(classification)}`)
  }
  if (meta.length > 0) out.push(meta.join('\\\n'))
  const points = keyPointLines(document.frontMatter.keyPoints)
  if (points.length > 0) {
    out.push(heading(2, labels.keyPoints), points.map((point) => `- ${singleLine(point)}`).join('\n'))
  }
  return out
}

/**
 * The review warning if any, the quote as a blockquote ending with its citation, then the note
 * and the tags. A note on the whole article is its text as plain paragraphs (then its tags):
 * it introduces its source, so it has no quote marks and no citation.
 */
function item(
  entry: BriefingItem,
  source: BriefingSource | undefined,
  document: BriefingDocument,
  labels: BriefingLabels
): string[] {
  if (entry.kind === 'article') return [...blocks(entry.noteText, noteLine), ...tagLine(entry, document, labels)]
  const citation = [
    styledLine(citationRuns(entry, source, document, labels)),
    singleLine(snapshotLabel(entry, labels, document.language))
  ]
    .filter(Boolean)
    .join(' ')
  const quote = [...blocks(entry.quote, plainLine), `— [${entry.sourceNumber}]${citation ? ` ${citation}` : ''}`]
  const review = reviewLabel(entry, labels)
  const out = review ? [`**${singleLine(review)}**`] : []
  out.push(blockquote(quote.join('\n\n')))
  const comment = blocks(entry.noteText, noteLine)
  if (comment.length > 0) out.push(commentItem(`**${escapeCharacters(labels.colon(labels.comment))}**`, comment))
  out.push(...tagLine(entry, document, labels))
  return out
}

function tagLine(entry: BriefingItem, document: BriefingDocument, labels: BriefingLabels): string[] {
  const tags = printedTags(entry, document)
  return tags.length > 0 ? [`*${labels.colon(labels.tags)}* ${tags.map((tag) => singleLine(tag.path)).join(', ')}`] : []
}

function sourcesList(document: BriefingDocument, labels: BriefingLabels): string[] {
  if (document.sources.length === 0) return []
  const lines = [...document.sources]
    .sort((a, b) => a.number - b.number)
    .map((source) => {
      const styled = styledSourceEntry(document, source.number)
      if (styled) {
        const cited = citedPlaces(document, source.number, labels)
        return `${source.number}. ${styledLine(styled)}${cited ? ` (${singleLine(cited)})` : ''}`
      }
      const parts = sourceParts(source, labels, document.language).map(singleLine)
      const href = webAddress(source.url)
      if (href) parts.push(`<${href}>`)
      else if (source.url?.trim()) parts.push(singleLine(source.url))
      const cited = citedPlaces(document, source.number, labels)
      if (cited) parts.push(singleLine(cited))
      return `${source.number}. ${parts.join(', ')}`
    })
  return [heading(2, labels.sources), lines.join('\n')]
}

/** The whole briefing as Markdown text; exported for the preview and tests. */
export function renderBriefingMarkdown(document: BriefingDocument): string {
  const labels = labelsFor(document.language)
  const sources = sourceIndex(document)
  const total = countItems(document)
  const out = frontMatter(document, labels)
  if (total === 0) {
    out.push(escapeMarkdownInline(labels.empty))
  }
  for (const section of document.sections) {
    if (section.heading.trim()) out.push(heading(section.level + 1, section.heading))
    out.push(...blocks(section.intro, plainLine))
    for (const entry of section.items) {
      out.push(...item(entry, sources.get(entry.sourceNumber), document, labels))
    }
  }
  out.push(...sourcesList(document, labels))
  return `${out.join('\n\n')}\n`
}

export const markdownExporter: BriefingExporter = {
  format: 'markdown',
  extension: 'md',
  mimeType: 'text/markdown; charset=utf-8',
  async export(document) {
    return new TextEncoder().encode(renderBriefingMarkdown(document))
  }
}
