/**
 * The numbered list of sources that ends a Word briefing, and what every citation needs to
 * point into it: each source's parts built once, and the bookmark a citation's « [n] »
 * links to.
 */
import { Bookmark, ExternalHyperlink, Paragraph, TextRun, type ParagraphChild } from 'docx'
import type { BriefingSource } from '../../../shared/briefing/document'
import type { StyledCitations } from '../../../shared/briefing/styledCitations'
import { heading, runs, clean, styledTextRuns } from './docxRuns'
import { webAddress, type BriefingLabels } from './labels'

/** What the parts of a Word export share about the document's sources. */
export interface DocxContext {
  language: string
  labels: BriefingLabels
  sources: Map<number, BriefingSource>
  /**
   * Each source's citation parts, built once: formatting its date costs a fresh
   * Intl.DateTimeFormat, which was half the time of a 1,000-note export when done per item.
   */
  sourceParts: Map<number, string[]>
  /** The briefing's CSL style's citations and entries, when it has one. */
  styled: StyledCitations | undefined
  /** Whether items list their tags. */
  showTags: boolean
}

/** The bookmark on a source's entry, which citations link to. */
export function sourceBookmarkId(number: number): string {
  return `source_${number}`
}

export function sourceParagraphs(sources: BriefingSource[], context: DocxContext): Paragraph[] {
  if (!sources.length) return []
  // Word numbers the list itself; that only matches the citations if the numbers run 1, 2, 3…
  const numbered = sources.every((source, i) => source.number === i + 1)
  return [
    heading(context.labels.sources, 1),
    ...sources.map((source) => {
      const styled = context.styled?.sources[source.number]
      if (styled) {
        // A CSL style writes the whole entry, its address included.
        const prefix = numbered ? [] : runs(`[${source.number}] `)
        return new Paragraph({
          style: 'SourceEntry',
          ...(numbered ? { numbering: { reference: 'sources', level: 0 } } : {}),
          children: [
            new Bookmark({ id: sourceBookmarkId(source.number), children: [...prefix, ...styledTextRuns(styled)] })
          ]
        })
      }
      const parts = context.sourceParts.get(source.number) ?? []
      const text = (numbered ? '' : `[${source.number}] `) + parts.join(', ')
      const children: ParagraphChild[] = [new Bookmark({ id: sourceBookmarkId(source.number), children: runs(text) })]
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
