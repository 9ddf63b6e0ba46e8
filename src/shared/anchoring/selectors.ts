/**
 * A highlight must survive edits to the article it points into, so it is stored as a
 * description of the text rather than as bare offsets. The shapes follow the W3C Web
 * Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors) so stored
 * notes stay readable by, and exportable to, other annotation tools.
 */

/** The highlighted text plus the text around it, which tells repeated quotes apart. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector'
  exact: string
  prefix: string
  suffix: string
}

/** Where the highlight was when it was made: the cheapest thing to check on reload. */
export interface TextPositionSelector {
  type: 'TextPositionSelector'
  start: number
  end: number
}

export interface TextAnchorSelectors {
  quote: TextQuoteSelector
  position: TextPositionSelector
}

/** Half-open offsets into the plain text, in UTF-16 code units (what String#slice uses). */
export interface TextRange {
  start: number
  end: number
}

/**
 * - `anchored`: the quote was found verbatim, wherever it now sits.
 * - `moved`: only an approximate match was found; the quoted text itself changed.
 * - `orphaned`: nothing in the text is a trustworthy match any more.
 */
export type AnchorState = 'anchored' | 'moved' | 'orphaned'

export type AnchorResult =
  { state: 'anchored' | 'moved'; range: TextRange; quote: string } | { state: 'orphaned'; range: null; quote: null }

/** Enough context to tell repeated phrases apart, short enough to stay cheap to compare. */
export const CONTEXT_LENGTH = 32
