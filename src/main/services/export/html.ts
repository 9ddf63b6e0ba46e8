/**
 * HTML export, and the page behind the live preview and PDF printing: one self-contained
 * file that opens anywhere, years later, without the app or a network. It carries no script
 * and loads nothing (its Content-Security-Policy forbids every fetch, so even a mistake here
 * could not make it phone home), and its print stylesheet is the PDF layout: paper size,
 * page numbers, classification on every page, and no heading or quote split from what follows.
 *
 * Every user string goes through `escapeHtml`; the only markup derived from user text is
 * `<strong>`/`<em>` for note emphasis, and only `http(s)` addresses become links.
 *
 * A note included though it needs review carries its warning in words above its quote (the
 * preview shows the same), and an item cited from a deleted note's copy says so in its caption.
 */
import {
  countItems,
  type BriefingDocument,
  type BriefingItem,
  type BriefingSource
} from '../../../shared/briefing/document'
import { HEX_COLOR_PATTERN } from '../../../shared/api/contract'
import { paragraphsOf, splitEmphasis } from './emphasis'
import type { BriefingExporter, ExportOptions } from './exporter'
import type { StyledRun } from '../../../shared/briefing/styledCitations'
import {
  citationRuns,
  citedPlaces,
  formatDate,
  keyPointLines,
  labelsFor,
  languageTag,
  printedTags,
  reviewLabel,
  snapshotLabel,
  sourceIndex,
  sourceParts,
  styledSourceEntry,
  webAddress,
  type BriefingLabels
} from './labels'

const HTML_SPECIALS: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_SPECIALS[c] ?? c)
}

/**
 * A CSS string literal for `content:`; every character outside letters, digits and spaces is
 * written as a hex escape, so user text cannot close the string, the rule or the <style> element.
 */
function cssString(text: string): string {
  const escaped = [...text.replace(/\s+/g, ' ')]
    .map((c) => (/[\p{L}\p{N} ]/u.test(c) ? c : `\\${c.codePointAt(0)?.toString(16) ?? ''} `))
    .join('')
  return `"${escaped}"`
}

/** Only a plain six-digit hex colour reaches the style attribute; anything else means no colour. */
function safeColor(color: string | null): string | null {
  return color && HEX_COLOR_PATTERN.test(color) ? color.toLowerCase() : null
}

/** User text as paragraphs; single newlines become <br>. `inline` renders (and escapes) one line. */
function paragraphs(text: string, inline: (line: string) => string, className?: string): string {
  const attribute = className ? ` class="${className}"` : ''
  return paragraphsOf(text)
    .map((lines) => `<p${attribute}>${lines.map(inline).join('<br>\n')}</p>`)
    .join('\n')
}

function plain(line: string): string {
  return escapeHtml(line)
}

function emphasised(line: string): string {
  return splitEmphasis(line)
    .map((run) => {
      const text = escapeHtml(run.text)
      return run.kind === 'strong' ? `<strong>${text}</strong>` : run.kind === 'em' ? `<em>${text}</em>` : text
    })
    .join('')
}

/** A CSL style's runs: escaped, italics as <i>, line breaks folded into spaces. */
function styledRuns(runs: readonly StyledRun[]): string {
  return runs
    .map((run) => {
      const text = escapeHtml(run.text.replace(/\s*\n\s*/g, ' '))
      return run.italic ? `<i>${text}</i>` : text
    })
    .join('')
}

function oneLine(text: string): string {
  return escapeHtml(text.replace(/\s*\n\s*/g, ' ').trim())
}

const PAPER = {
  a4: { size: 'A4', margin: '20mm 19mm 22mm' },
  letter: { size: 'letter', margin: '0.8in 0.8in 0.9in' }
} as const

const SERIF =
  '"Source Serif 4", "Source Serif Pro", Charter, "Bitstream Charter", "Sitka Text", Cambria, "Iowan Old Style", ' +
  '"Palatino Linotype", Palatino, "Book Antiqua", Georgia, "Liberation Serif", "DejaVu Serif", serif'
const SANS =
  'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Liberation Sans", "DejaVu Sans", Arial, sans-serif'

function stylesheet(paper: 'a4' | 'letter', classification: string): string {
  const page = PAPER[paper]
  const header = classification
    ? `@top-center { content: ${cssString(classification.toUpperCase())}; font: 600 7.5pt ${SANS}; letter-spacing: 0.08em; color: #8a1c1c; }`
    : ''
  return `
:root { color-scheme: light; --ink: #1c2128; --muted: #5c6673; --rule: #d8dce2; --accent: #24395c; --paper: #fff; }
* { box-sizing: border-box; }
html { font-size: 17px; -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: #eceae5; color: var(--ink);
  font-family: ${SERIF}; line-height: 1.55; font-kerning: normal;
  font-variant-numeric: oldstyle-nums proportional-nums; text-rendering: optimizeLegibility;
  hyphens: auto; overflow-wrap: break-word;
}
.sheet {
  /* Side margins shrink with a narrow window (a phone, or the app's preview beside the composer). */
  max-width: 42rem; margin: 2.5rem auto; padding: 3rem min(3.5rem, 7%) 2.5rem; background: var(--paper);
  box-shadow: 0 1px 2px rgb(0 0 0 / 8%), 0 8px 24px rgb(0 0 0 / 6%);
}
.classification {
  margin: 0 0 1.75rem; padding: 0.3rem 0; border-top: 2px solid #8a1c1c; border-bottom: 1px solid #8a1c1c;
  font: 600 0.7rem/1.4 ${SANS}; letter-spacing: 0.12em; text-transform: uppercase; text-align: center; color: #8a1c1c;
}
header.front { margin-bottom: 2rem; padding-bottom: 1.25rem; border-bottom: 1px solid var(--rule); }
h1, h2, h3, h4, h5, h6 { font-family: ${SANS}; color: var(--accent); line-height: 1.25; hyphens: manual; }
h1 { margin: 0 0 0.4rem; font-size: 1.9rem; font-weight: 700; letter-spacing: -0.015em; }
.subtitle { margin: 0 0 1rem; font-size: 1.15rem; font-style: italic; color: var(--muted); }
.meta { display: flex; flex-wrap: wrap; gap: 0.25rem 1.75rem; margin: 0; font: 0.78rem/1.5 ${SANS}; color: var(--muted); }
.meta div { display: flex; gap: 0.35rem; }
.meta dt { font-weight: 600; color: var(--ink); }
.meta dd { margin: 0; }
h2 { margin: 2.25rem 0 0.75rem; font-size: 1.2rem; font-weight: 650; padding-bottom: 0.3rem; border-bottom: 1px solid var(--rule); }
h3 { margin: 1.75rem 0 0.6rem; font-size: 1.05rem; font-weight: 650; }
h4, h5, h6 { margin: 1.5rem 0 0.5rem; font-size: 0.95rem; font-weight: 650; }
.key-points { margin: 0 0 2rem; padding: 1rem 1.25rem 1rem 1.25rem; background: #f3f5f8; border-left: 3px solid var(--accent); }
.key-points h2 { margin: 0 0 0.5rem; padding: 0; border: 0; font-size: 0.8rem; letter-spacing: 0.08em; text-transform: uppercase; }
.key-points ul { margin: 0; padding-left: 1.1rem; }
.key-points li + li { margin-top: 0.3rem; }
.intro { color: var(--muted); font-style: italic; }
.item { margin: 0 0 1.75rem; }
.article-note p { margin: 0 0 0.6rem; }
.quote { margin: 0 0 0.6rem; }
blockquote {
  margin: 0; padding: 0.15rem 0 0.15rem 1.1rem; border-left: 3px solid var(--item, var(--rule));
  font-size: 1.02rem; color: #262c35;
}
blockquote p { margin: 0 0 0.5rem; }
blockquote p:last-child { margin-bottom: 0; }
figcaption { margin-top: 0.4rem; padding-left: 1.1rem; font: 0.74rem/1.45 ${SANS}; color: var(--muted); }
cite { font-style: normal; }
.review {
  margin: 0 0 0.4rem; padding: 0.2rem 0.55rem; border-radius: 3px; display: inline-block;
  font: 600 0.72rem/1.45 ${SANS}; color: #7a4b00; background: #fdf3dc;
}
.review--orphaned { color: #8a1c1c; background: #fbe9e9; }
.item--orphaned blockquote { border-left-style: dashed; color: var(--muted); }
.snapshot { font-style: italic; }
.ref { color: var(--accent); font-weight: 600; text-decoration: none; }
.comment {
  margin: 0.6rem 0 0 1.1rem; padding: 0.45rem 0.8rem; border-left: 2px solid var(--rule); background: #f7f8fa;
}
.comment__label { margin: 0 0 0.2rem; font: 600 0.72rem/1.4 ${SANS}; letter-spacing: 0.04em; color: var(--muted); }
.comment p { margin: 0 0 0.5rem; }
.comment p:last-child { margin-bottom: 0; }
.tags { display: flex; flex-wrap: wrap; gap: 0.3rem; margin: 0.5rem 0 0; padding: 0; list-style: none; }
.tag {
  display: inline-flex; align-items: center; gap: 0.3rem; padding: 0.05rem 0.5rem; border: 1px solid var(--rule);
  border-radius: 999px; font: 500 0.68rem/1.5 ${SANS}; color: var(--muted); background: #fafbfc;
}
.tag[style] { border-color: var(--tag); }
.tag[style]::before { content: ""; width: 0.5rem; height: 0.5rem; border-radius: 50%; background: var(--tag); }
.empty { margin: 3rem 0; padding: 2rem; text-align: center; font-style: italic; color: var(--muted); border: 1px dashed var(--rule); }
.sources ol { padding-left: 1.6rem; font-size: 0.88rem; }
.sources li { margin-bottom: 0.45rem; padding-left: 0.2rem; }
.sources a { color: var(--accent); overflow-wrap: anywhere; }
.cited { color: var(--muted); white-space: nowrap; }
footer { margin-top: 2.5rem; padding-top: 0.75rem; border-top: 1px solid var(--rule); font: 0.7rem ${SANS}; color: var(--muted); }
h1, h2, h3, h4, h5, h6 { break-after: avoid; break-inside: avoid; }
/* Whole items stay together when they fit on a page. No break-after: avoid below a heading: it
   would propagate to the end of the section and make the break before the next heading a
   violation too, which leaves Chromium nowhere good to break and orphans that heading. */
.item, .quote, .key-points li, .sources li { break-inside: avoid; }
p { orphans: 3; widows: 3; }
@page {
  size: ${page.size};
  margin: ${page.margin};
  ${header}
  @bottom-center { content: counter(page) " / " counter(pages); font: 8pt ${SANS}; color: #5c6673; }
}
@media print {
  html { font-size: 10.5pt; }
  body { background: none; }
  .sheet { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  .classification { display: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  footer { break-before: avoid; margin-top: 1.5rem; }
}`
}

function frontMatter(document: BriefingDocument, labels: BriefingLabels): string {
  const { title, subtitle, author, date } = document.frontMatter
  const meta = [
    author.trim() ? [labels.author, oneLine(author)] : null,
    date.trim() ? [labels.date, oneLine(formatDate(date, document.language))] : null
  ]
    .filter((entry): entry is string[] => entry !== null)
    .map(([term, value]) => `<div><dt>${escapeHtml(labels.colon(term ?? ''))}</dt><dd>${value}</dd></div>`)
  return [
    '<header class="front">',
    `<h1>${oneLine(title.trim() || labels.untitled)}</h1>`,
    subtitle.trim() ? `<p class="subtitle">${oneLine(subtitle)}</p>` : '',
    meta.length > 0 ? `<dl class="meta">${meta.join('')}</dl>` : '',
    '</header>'
  ]
    .filter(Boolean)
    .join('\n')
}

function keyPoints(document: BriefingDocument, labels: BriefingLabels): string {
  const points = keyPointLines(document.frontMatter.keyPoints)
  if (points.length === 0) return ''
  const list = points.map((point) => `<li>${escapeHtml(point)}</li>`).join('\n')
  return `<section class="key-points">\n<h2>${escapeHtml(labels.keyPoints)}</h2>\n<ul>\n${list}\n</ul>\n</section>`
}

function item(
  entry: BriefingItem,
  source: BriefingSource | undefined,
  document: BriefingDocument,
  labels: BriefingLabels
): string {
  const color = safeColor(entry.color)
  const citation = styledRuns(citationRuns(entry, source, document, labels))
  const ref = `<a class="ref" href="#source-${entry.sourceNumber}">[${entry.sourceNumber}]</a>`
  const tags = printedTags(entry, document).map((tag) => {
    const tagColor = safeColor(tag.color)
    return `<li class="tag"${tagColor ? ` style="--tag: ${tagColor}"` : ''}>${escapeHtml(tag.path)}</li>`
  })
  const tagList =
    tags.length > 0 ? `<ul class="tags" aria-label="${escapeHtml(labels.tags)}">${tags.join('')}</ul>` : ''
  // A note on the whole article introduces its source: its text as it is, no quote, no citation.
  if (entry.kind === 'article') {
    const text = entry.noteText.trim() ? paragraphs(entry.noteText, emphasised) : ''
    return ['<div class="item article-note">', text, tagList, '</div>'].filter(Boolean).join('\n')
  }
  const review = reviewLabel(entry, labels)
  const snapshot = snapshotLabel(entry, labels, document.language)
  const classes = ['item', ...(entry.review ? [`item--${entry.review}`] : []), ...(snapshot ? ['item--snapshot'] : [])]
  return [
    `<article class="${classes.join(' ')}"${color ? ` style="--item: ${color}"` : ''}>`,
    '<figure class="quote">',
    review ? `<p class="review review--${entry.review}">${escapeHtml(review)}</p>` : '',
    `<blockquote>\n${paragraphs(entry.quote, plain)}\n</blockquote>`,
    `<figcaption><cite>${ref}${citation ? ` ${citation}` : ''}</cite>` +
      `${snapshot ? ` <span class="snapshot">${escapeHtml(snapshot)}</span>` : ''}</figcaption>`,
    '</figure>',
    entry.noteText.trim()
      ? `<div class="comment">\n<p class="comment__label">${escapeHtml(labels.colon(labels.comment))}</p>\n` +
        `<div class="note">\n${paragraphs(entry.noteText, emphasised)}\n</div>\n</div>`
      : '',
    tagList,
    '</article>'
  ]
    .filter(Boolean)
    .join('\n')
}

function sourcesList(document: BriefingDocument, labels: BriefingLabels): string {
  if (document.sources.length === 0) return ''
  const entries = [...document.sources]
    .sort((a, b) => a.number - b.number)
    .map((source) => {
      const cited = citedPlaces(document, source.number, labels)
      const citedSpan = cited ? `<span class="cited">${escapeHtml(cited)}</span>` : ''
      const styled = styledSourceEntry(document, source.number)
      // A CSL style writes the whole entry, address included; the places cited follow it.
      if (styled) {
        return `<li id="source-${source.number}" value="${source.number}">${styledRuns(styled)}${citedSpan ? ` (${citedSpan})` : ''}</li>`
      }
      const parts = sourceParts(source, labels, document.language).map(escapeHtml)
      const href = webAddress(source.url)
      if (href) parts.push(`<a href="${escapeHtml(href)}" rel="noreferrer">${escapeHtml(href)}</a>`)
      else if (source.url?.trim()) parts.push(escapeHtml(source.url.trim()))
      if (citedSpan) parts.push(citedSpan)
      return `<li id="source-${source.number}" value="${source.number}">${parts.join(', ')}</li>`
    })
  return `<section class="sources">\n<h2>${escapeHtml(labels.sources)}</h2>\n<ol>\n${entries.join('\n')}\n</ol>\n</section>`
}

/**
 * The briefing as one HTML document, for the HTML export, the live preview and printing to
 * PDF (the print stylesheet follows `options.paper`, A4 by default).
 */
export function renderBriefingHtml(document: BriefingDocument, options: ExportOptions = {}): string {
  const labels = labelsFor(document.language)
  const sources = sourceIndex(document)
  const total = countItems(document)
  const classification = document.frontMatter.classification.replace(/\s+/g, ' ').trim()
  const title = document.frontMatter.title.replace(/\s+/g, ' ').trim() || labels.untitled

  const body: string[] = []
  if (total === 0) {
    body.push(`<p class="empty">${escapeHtml(labels.empty)}</p>`)
  }
  for (const section of document.sections) {
    const parts: string[] = []
    if (section.heading.trim()) {
      const level = Math.min(Math.max(section.level + 1, 2), 6)
      parts.push(`<h${level}>${oneLine(section.heading)}</h${level}>`)
    }
    if (section.intro.trim()) parts.push(paragraphs(section.intro, plain, 'intro'))
    for (const entry of section.items) {
      parts.push(item(entry, sources.get(entry.sourceNumber), document, labels))
    }
    if (parts.length > 0) body.push(`<section class="group">\n${parts.join('\n')}\n</section>`)
  }

  const generated = formatDate(document.generatedAt, document.language)
  return `<!doctype html>
<html lang="${escapeHtml(languageTag(document))}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Dossier">
<title>${escapeHtml(title)}</title>
<style>${stylesheet(options.paper ?? 'a4', classification)}
</style>
</head>
<body>
<div class="sheet">
${classification ? `<p class="classification">${escapeHtml(classification)}</p>\n` : ''}${frontMatter(document, labels)}
${keyPoints(document, labels)}
<main>
${body.join('\n')}
</main>
${sourcesList(document, labels)}
${generated ? `<footer>${escapeHtml(`${labels.generatedOn} ${generated}`)}</footer>` : ''}
</div>
</body>
</html>
`
}

export const htmlExporter: BriefingExporter = {
  format: 'html',
  extension: 'html',
  mimeType: 'text/html; charset=utf-8',
  async export(document, options) {
    return new TextEncoder().encode(renderBriefingHtml(document, options))
  }
}
