/**
 * Finding passages in test texts, for the anchoring tests: by their words, with a loud
 * failure when a test names words the text does not hold, so a typo cannot test nothing.
 */
import type { TextRange } from '../selectors'

/** Range of the `occurrence`-th (1-based) appearance of `quote`. */
export function rangeOf(text: string, quote: string, occurrence = 1): TextRange {
  let start = -1
  for (let seen = 0; seen < occurrence; seen += 1) {
    start = text.indexOf(quote, start + 1)
    if (start === -1) throw new Error(`"${quote}" occurs fewer than ${occurrence} times`)
  }
  return { start, end: start + quote.length }
}

/** `text` with `range` replaced by `inserted`. */
export function splice(text: string, range: TextRange, inserted: string): string {
  return text.slice(0, range.start) + inserted + text.slice(range.end)
}

/**
 * Pieces of random test text: words repeated on purpose (so quotes occur more than once),
 * NFC and NFD accents, both apostrophes, and runs of one letter where edits can slide.
 */
export const REPEATING_FRENCH_PIECES = [
  'Pegasus',
  ' Pegasus',
  ' Israël',
  ' Israe\u0308l',
  ' le',
  " l'armée",
  ' l’armée',
  ' Rabat',
  ', ',
  '. ',
  ' « sécurité »',
  ' aaaa',
  ' é',
  ' e\u0301',
  '\n\n'
]
