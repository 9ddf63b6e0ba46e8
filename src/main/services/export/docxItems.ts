/**
 * The body of a Word briefing: section headings and intros, and each cited note as its
 * quote (Word's Quote style, in the article's language), its citation linked to the sources
 * list, the analyst's note and its tags. A note included though it needs review gets a
 * warning paragraph (style "Review Mark") kept with its quote, and an item cited from a
 * deleted note's copy says so after its citation. A note on the whole article is its text in
 * body paragraphs (Normal style), then its tags: it introduces its source, with no quote and no
 * citation.
 */
import { BorderStyle, InternalHyperlink, Paragraph, TextRun } from 'docx'
import type { BriefingItem, BriefingSection } from '../../../shared/briefing/document'
import { lineRuns, runs, styledTextRuns, textParagraphs, heading, wordColor, wordLanguage } from './docxRuns'
import { sourceBookmarkId, type DocxContext } from './docxSources'
import { QUOTE_STYLE } from './docxStyles'
import { paragraphsOf } from './emphasis'
import { placeReference, reviewLabel, snapshotLabel } from './labels'

/** The CSL style's citation when the briefing has one, else what `citationText` from labels.ts prints. */
function citation(item: BriefingItem, context: DocxContext): TextRun[] {
  const styled = context.styled?.items[item.noteId]
  if (styled) return styled.length ? [new TextRun(' '), ...styledTextRuns(styled)] : []
  const line = ownCitation(item, context)
  return line ? runs(` ${line}`) : []
}

/** Dossier's own citation, with the source's part looked up once per source. */
function ownCitation(item: BriefingItem, context: DocxContext): string {
  const parts = [...(context.sourceParts.get(item.sourceNumber) ?? [])]
  const place = placeReference(item, context.labels)
  if (place) parts.push(place)
  return parts.join(', ')
}

export function itemParagraphs(item: BriefingItem, context: DocxContext): Paragraph[] {
  const { labels } = context
  if (item.kind === 'article') return [...textParagraphs(item.noteText), ...tagParagraphs(item, context)]
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
  const snapshot = snapshotLabel(item, labels, context.language)
  paragraphs.push(
    new Paragraph({
      style: 'QuoteSource',
      children: [
        source
          ? new InternalHyperlink({ anchor: sourceBookmarkId(item.sourceNumber), children: runs(number) })
          : new TextRun(number),
        ...citation(item, context),
        ...(snapshot ? runs(` ${snapshot}`, { italics: true }) : [])
      ]
    })
  )

  // The comment is set apart under its quote: indented, headed by its label, kept with the quote.
  const comment = textParagraphs(item.noteText, 'Comment')
  if (comment.length) {
    paragraphs.push(
      new Paragraph({ style: 'CommentLabel', keepNext: true, children: runs(labels.colon(labels.comment)) }),
      ...comment
    )
  }

  paragraphs.push(...tagParagraphs(item, context))
  return paragraphs
}

function tagParagraphs(item: BriefingItem, { labels, showTags }: DocxContext): Paragraph[] {
  const tags = showTags ? item.tags.map((tag) => tag.path.trim()).filter((path) => path !== '') : []
  if (!tags.length) return []
  return [new Paragraph({ style: 'Tags', children: runs(`${labels.colon(labels.tags)} ${tags.join(', ')}`) })]
}

export function sectionParagraphs(section: BriefingSection): Paragraph[] {
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
export function sectionsWithContent(sections: BriefingSection[]): boolean[] {
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
