/**
 * A title for a document that does not state one in its metadata, taken from its own
 * structure: the way a reader would name it at a glance. Never a marker (« §1 », « II. »,
 * « *** », a lone number): those number or separate parts, they do not name the text.
 * The text itself is never changed to suit the title: every block stays as the source had it.
 */
import type { ArticleBlock } from '../../../shared/domain/article'
import { titleFromText } from '../../../shared/import/readingParagraphs'

/**
 * The longest title made from a sentence, cut at a word boundary with an ellipsis: about a
 * long headline (French news headlines rarely pass 90 characters), and what a library row
 * shows on two lines; the whole sentence stays in the text.
 */
export const MAX_TITLE_CHARS = 90

/**
 * Markers at the start of a line: a section sign with its number (« §1 », « § 12. »), a number
 * or Roman numeral closed by a full stop or parenthesis (« 2. », « IV) »), bullets, dashes and
 * asterisks. A bare number is left alone: « 1984 : l’année… » is a title.
 */
const LEADING_MARKERS = /^(?:\s*(?:§+\s*\d*[.)]?|\d{1,3}[.)]|[IVXLCDM]{1,6}[.)]|[*#•·◆■–—-]+)(?=\s|$))+\s*/u

/** The text without the markers it starts with. */
export function withoutLeadingMarkers(text: string): string {
  return text.replace(LEADING_MARKERS, '')
}

/** A line that is only markers, numbers and punctuation: no word to name anything by. */
export function isMarker(text: string): boolean {
  return !/\p{L}/u.test(withoutLeadingMarkers(text))
}

/** The title for text that has none: its first sentence (after any marker), cut at a word boundary. */
export function titleFromFirstSentence(text: string): string {
  return titleFromText(withoutLeadingMarkers(text.trimStart()), MAX_TITLE_CHARS)
}

/**
 * The first level-1 heading, else the first heading, else the opening sentence of the
 * first block (a block boundary ends a sentence even when no full stop does); markers are
 * passed over.
 */
export function titleFromBlocks(blocks: readonly ArticleBlock[]): string {
  const headings = blocks.filter((block) => block.type === 'heading' && !isMarker(block.text))
  const chosen = headings.find((heading) => heading.type === 'heading' && heading.level === 1) ?? headings[0]
  if (chosen) return withoutLeadingMarkers(chosen.text).trim()
  const first = blocks.find((block) => !isMarker(block.text))
  return titleFromFirstSentence(first?.text ?? '')
}
