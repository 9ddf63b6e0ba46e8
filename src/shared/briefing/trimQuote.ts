/**
 * Shortens a long quote to its start and end around « […] », the mark French editors use
 * for an omission. Apart from composing because it is about typography, not about which
 * notes a briefing cites: the composer applies it to every item's quote.
 */

/**
 * Spaces a line may break at. The no-break spaces French puts inside « » and before
 * : ; ! ? are left out, so a cut never separates a guillemet or a colon from its word.
 */
const BREAKABLE_SPACE = /[ \t\n\r\f\v\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]/u

/**
 * Trims a quote longer than `limit` characters to its start and end, cut at word
 * boundaries around « […] ». Characters are counted as a reader sees them (grapheme
 * clusters), so an accented letter, an emoji or a flag counts once and is never split.
 */
export function trimQuote(quote: string, limit: number | null): string {
  if (limit === null) return quote
  const chars = graphemes(quote)
  if (chars.length <= limit) return quote
  const budget = Math.max(2, limit - 5) // what « […] » with its two spaces takes
  const headLength = Math.ceil(budget / 2)
  const tailStart = chars.length - (budget - headLength)

  let head = chars.slice(0, headLength).join('')
  if (!BREAKABLE_SPACE.test(chars[headLength] ?? ' ')) {
    const lastSpace = lastIndexOfPattern(head, BREAKABLE_SPACE)
    if (lastSpace > 0) head = head.slice(0, lastSpace)
  }
  let tail = chars.slice(tailStart).join('')
  if (!BREAKABLE_SPACE.test(chars[tailStart - 1] ?? ' ')) {
    const firstSpace = tail.search(BREAKABLE_SPACE)
    if (firstSpace >= 0 && firstSpace < tail.length - 1) tail = tail.slice(firstSpace + 1)
  }
  return `${head.replace(/\s+$/u, '')} […] ${tail.replace(/^\s+/u, '')}`
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), ({ segment }) => segment)
}

function lastIndexOfPattern(text: string, pattern: RegExp): number {
  for (let index = text.length - 1; index >= 0; index--) if (pattern.test(text[index]!)) return index
  return -1
}
