/**
 * Where each block of an article lies in its plain text. Every stored offset (anchors,
 * search hits, citations' paragraph and page) counts in the text `articlePlainText` makes,
 * blocks joined by BLOCK_SEPARATOR; the arithmetic that turns blocks into those offsets is
 * written here once, so the places that need it cannot drift from the join.
 */
import { BLOCK_SEPARATOR } from './article'
import type { TextSpan } from '../notes/noteOrder'

/** The start and end of each block's text in the joined text, in order; given the blocks' text lengths. */
export function blockSpans(textLengths: Iterable<number>): TextSpan[] {
  const spans: TextSpan[] = []
  let start = 0
  for (const length of textLengths) {
    spans.push({ start, end: start + length })
    start += length + BLOCK_SEPARATOR.length
  }
  return spans
}
