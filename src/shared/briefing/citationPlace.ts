/**
 * Where in its source a quote is, as citations print it: « p. 12 » for a PDF (what a reader
 * of the PDF can find), else the paragraph, « § 4 ». Shared by the exporters (labels.ts)
 * and the composer's list of notes, so both say the same place for the same note.
 */
import type { BriefingItem } from './document'

/** No-break space after the sign, so « § » or « p. » never ends a line alone. */
const NBSP = '\u00a0'

/** The signs a language puts before a place: « § » or « ¶ » for paragraphs, « p. » for pages. */
export interface PlaceSigns {
  /** Sign placed before cited paragraph numbers. */
  paragraphSign: string
  /** Abbreviation placed before cited page numbers of a PDF source. */
  pageAbbreviation: string
}

/** "§ 4", "§ 1, 4" (NBSP after the sign so it never ends a line alone); empty when nothing is known. */
export function paragraphReference(paragraphs: Iterable<number | null>, signs: PlaceSigns): string {
  return numbered(signs.paragraphSign, paragraphs)
}

/** "p. 12", "p. 3, 12" (NBSP after the abbreviation); empty when no page is known. */
export function pageReference(pages: Iterable<number | null>, signs: PlaceSigns): string {
  return numbered(signs.pageAbbreviation, pages)
}

/**
 * Where in its source a quote is: the page for a PDF (what a reader of the PDF can find),
 * else the paragraph number.
 */
export function placeReference(item: Pick<BriefingItem, 'paragraph' | 'page'>, signs: PlaceSigns): string {
  return item.page !== null ? pageReference([item.page], signs) : paragraphReference([item.paragraph], signs)
}

/** The distinct known numbers in ascending order after the sign, or '' when none is known. */
function numbered(sign: string, values: Iterable<number | null>): string {
  const numbers = [...new Set([...values].filter((n): n is number => n !== null))].sort((a, b) => a - b)
  return numbers.length === 0 ? '' : `${sign}${NBSP}${numbers.join(', ')}`
}
