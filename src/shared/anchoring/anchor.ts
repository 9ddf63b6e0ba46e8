/**
 * Re-attaches highlights to an article's plain text after that text has been edited,
 * re-imported or re-cleaned, in the manner of Hypothesis' anchoring
 * (https://web.hypothes.is/blog/fuzzy-anchoring/). It works on a plain string so the
 * same code runs in the renderer and in Node; mapping offsets to DOM or editor nodes is
 * the caller's business.
 *
 * This is for text that changed outside Dossier (a newer version of the article, a restored
 * copy, annotations from another tool), where nothing says which characters became which.
 * Edits made in Dossier follow the diff instead (editMapping.ts). The same words elsewhere
 * are not the same passage, so the stored position only breaks ties, and a candidate must
 * show context (the words around it) to be trusted:
 * 1. position: the stored offsets still hold the quote verbatim, with its context;
 * 2. exact quote: the quote occurs verbatim where its context also holds; repeated
 *    occurrences are told apart by that context, then by closeness to the stored offsets.
 *    Without context, only the one occurrence of a long quote is trusted; the one
 *    occurrence of a short quote is offered for the user to confirm (`moved`);
 * 3. fuzzy quote: an approximate match, looked for near the stored offsets before the
 *    whole text, and accepted only when quote and context together make it convincing.
 *
 * The resulting state says whether the user can trust the result: `anchored` means the
 * quote text is intact where its context says it is, `moved` means the quote changed or the
 * evidence is too thin, so the user confirms. Nothing here throws for text it cannot anchor
 * to: that is an `orphaned` result.
 */
import approxSearch from 'approx-string-match'
import { foldSpaceKinds } from '../text/spaceKinds'
import {
  CONTEXT_LENGTH,
  type AnchorResult,
  type TextAnchorSelectors,
  type TextQuoteSelector,
  type TextRange
} from './selectors'

/**
 * Edits usually stay local, so searching this far around the old offsets first keeps a
 * 3 MB article from being scanned for every note.
 */
const FUZZY_WINDOW_MARGIN = 2048

/** Below this length an approximate match is almost always a coincidence. */
const MIN_FUZZY_QUOTE_LENGTH = 4

/** approx-string-match's cost grows with the error budget; this caps it for long quotes. */
const MAX_FUZZY_ERRORS = 256

/**
 * The quote carries most of the evidence; context tells look-alikes apart; position only
 * breaks ties. Same weights as Hypothesis, whose tuning this inherits.
 */
const SCORE_WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const
const MAX_SCORE = SCORE_WEIGHTS.quote + SCORE_WEIGHTS.prefix + SCORE_WEIGHTS.suffix + SCORE_WEIGHTS.position

/**
 * A fuzzy candidate scoring below this is rejected rather than shown in the wrong place:
 * once the real quote is gone, approx-string-match still returns the least-bad stretch of
 * text (up to half the quote wrong), whose context is unrelated. That stays well under
 * this bar, while a reworded quote with intact context, or a lightly edited quote whose
 * context also changed, stays above it.
 */
const MIN_FUZZY_SCORE = 0.7

/** Fewer matching context characters than this is coincidence, not evidence of an edge. */
const MIN_EDGE_EVIDENCE = 8

/**
 * How many characters of stored context, both sides together, must match around a verbatim
 * quote for it to count as the same passage. « le » after « Rabat (AFP) – » was prepended
 * is still « le » at its old offsets, next to other words: a few letters can match by
 * chance (« e le » ends many French clauses), twelve hardly do.
 */
const MIN_CONTEXT_EVIDENCE = 12

/**
 * A quote this long that occurs exactly once is its own evidence: French prose does not
 * repeat forty characters by accident, and a re-import that reformatted the text around it
 * should not send the user to confirm every note.
 */
const SELF_EVIDENT_QUOTE_LENGTH = 40

const ORPHANED: AnchorResult = { state: 'orphaned', range: null, quote: null }

interface Candidate {
  range: TextRange
  score: number
}

interface FuzzyCandidate extends Candidate {
  errors: number
}

export function describeRange(text: string, range: TextRange): TextAnchorSelectors {
  const { start, end } = range
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new RangeError(`Range offsets must be integers, got [${start}, ${end})`)
  }
  if (start < 0 || end > text.length || start >= end) {
    throw new RangeError(`Range [${start}, ${end}) is empty, inverted or outside a text of length ${text.length}`)
  }
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH)
    },
    position: { type: 'TextPositionSelector', start, end }
  }
}

export function anchorSelectors(text: string, selectors: TextAnchorSelectors): AnchorResult {
  // Selectors come back from storage and from other tools, so they are not trusted to
  // match their type: a malformed one is unanchorable, not a crash.
  const stored = normaliseQuote(selectors?.quote)
  if (stored === null) return ORPHANED
  const oldRange = normaliseRange(selectors?.position)
  // A no-break space where an ordinary one stood is typesetting, not wording (spaceKinds.ts):
  // compared with space kinds folded on both sides; what is returned is the text's own words.
  const searched = foldSpaceKinds(text)
  const quote: TextQuoteSelector = {
    ...stored,
    exact: foldSpaceKinds(stored.exact),
    prefix: foldSpaceKinds(stored.prefix),
    suffix: foldSpaceKinds(stored.suffix)
  }
  const wordsAt = (range: TextRange): string => text.slice(range.start, range.end)

  if (oldRange !== null && stillHoldsQuote(searched, oldRange, quote.exact) && hasContext(searched, oldRange, quote)) {
    return { state: 'anchored', range: oldRange, quote: wordsAt(oldRange) }
  }
  const exact = findExactQuote(searched, quote, oldRange)
  if (exact.trusted !== null) return { state: 'anchored', range: exact.trusted, quote: wordsAt(exact.trusted) }
  if (exact.onlyOccurrence !== null) {
    // One occurrence and no context: the same words, but the user confirms it is the same passage.
    return { state: 'moved', range: exact.onlyOccurrence, quote: wordsAt(exact.onlyOccurrence) }
  }

  const fuzzyRange = findFuzzyQuote(searched, quote, oldRange)
  if (fuzzyRange !== null) {
    return {
      state: 'moved',
      range: fuzzyRange,
      quote: text.slice(fuzzyRange.start, fuzzyRange.end)
    }
  }
  return ORPHANED
}

/**
 * Whether the words around a verbatim quote are the ones stored with it. Stored context
 * shorter than CONTEXT_LENGTH means the quote was near an end of the text; reaching that
 * same end counts as the whole of that side matching.
 */
function hasContext(text: string, range: TextRange, quote: TextQuoteSelector): boolean {
  const { prefix, suffix } = quote
  const prefixMatch = commonSuffixLength(text, range.start, prefix)
  const suffixMatch = commonPrefixLength(text, range.end, suffix)
  if (prefixMatch + suffixMatch >= MIN_CONTEXT_EVIDENCE) return true
  const wholePrefix =
    prefixMatch === prefix.length && (prefix.length === CONTEXT_LENGTH || range.start === prefix.length)
  const wholeSuffix =
    suffixMatch === suffix.length && (suffix.length === CONTEXT_LENGTH || range.end + suffix.length === text.length)
  // A side can only vouch alone for a quote at an edge of the text, where it has little context to show.
  return (
    (wholePrefix && wholeSuffix) ||
    (wholePrefix && prefix.length < CONTEXT_LENGTH) ||
    (wholeSuffix && suffix.length < CONTEXT_LENGTH)
  )
}

function normaliseQuote(quote: TextQuoteSelector | undefined): TextQuoteSelector | null {
  if (typeof quote?.exact !== 'string' || quote.exact.length === 0) return null
  return {
    type: 'TextQuoteSelector',
    exact: quote.exact,
    prefix: typeof quote.prefix === 'string' ? quote.prefix : '',
    suffix: typeof quote.suffix === 'string' ? quote.suffix : ''
  }
}

function normaliseRange(range: TextRange | undefined): TextRange | null {
  if (!Number.isInteger(range?.start) || !Number.isInteger(range?.end)) return null
  const { start, end } = range as TextRange
  return start >= 0 && start < end ? { start, end } : null
}

function stillHoldsQuote(text: string, range: TextRange, exact: string): boolean {
  // The bound check matters because slice() clamps silently at the end of the text.
  return range.end <= text.length && text.slice(range.start, range.end) === exact
}

/**
 * Context is compared by common affix length rather than edit distance: a short quote
 * can occur hundreds of thousands of times in a long article, and this comparison costs
 * only as much as the context that actually matches.
 */
function findExactQuote(
  text: string,
  quote: TextQuoteSelector,
  oldRange: TextRange | null
): { trusted: TextRange | null; onlyOccurrence: TextRange | null } {
  const { exact, prefix, suffix } = quote
  let best: Candidate | null = null
  let first: TextRange | null = null
  let occurrences = 0
  for (let start = text.indexOf(exact); start !== -1; start = text.indexOf(exact, start + 1)) {
    const end = start + exact.length
    occurrences += 1
    first ??= { start, end }
    if (!hasContext(text, { start, end }, quote)) continue
    const prefixSimilarity = prefix.length === 0 ? 1 : commonSuffixLength(text, start, prefix) / prefix.length
    const suffixSimilarity = suffix.length === 0 ? 1 : commonPrefixLength(text, end, suffix) / suffix.length
    const score = scoreCandidate(text, start, 1, prefixSimilarity, suffixSimilarity, oldRange)
    if (best === null || score > best.score) best = { range: { start, end }, score }
  }
  if (best !== null) return { trusted: best.range, onlyOccurrence: null }
  if (occurrences !== 1 || first === null) return { trusted: null, onlyOccurrence: null }
  return exact.length >= SELF_EVIDENT_QUOTE_LENGTH
    ? { trusted: first, onlyOccurrence: null }
    : { trusted: null, onlyOccurrence: first }
}

/** How many characters just before `boundary` in `text` equal the end of `prefix`. */
function commonSuffixLength(text: string, boundary: number, prefix: string): number {
  let length = 0
  while (
    length < prefix.length &&
    length < boundary &&
    text.charCodeAt(boundary - 1 - length) === prefix.charCodeAt(prefix.length - 1 - length)
  ) {
    length += 1
  }
  return length
}

/** How many characters from `boundary` on in `text` equal the start of `suffix`. */
function commonPrefixLength(text: string, boundary: number, suffix: string): number {
  let length = 0
  while (
    length < suffix.length &&
    boundary + length < text.length &&
    text.charCodeAt(boundary + length) === suffix.charCodeAt(length)
  ) {
    length += 1
  }
  return length
}

function findFuzzyQuote(text: string, quote: TextQuoteSelector, oldRange: TextRange | null): TextRange | null {
  if (quote.exact.length < MIN_FUZZY_QUOTE_LENGTH) return null
  const maxErrors = Math.min(MAX_FUZZY_ERRORS, Math.floor(quote.exact.length / 2))

  if (oldRange !== null) {
    const windowStart = Math.max(0, oldRange.start - FUZZY_WINDOW_MARGIN)
    const windowEnd = Math.min(text.length, oldRange.end + FUZZY_WINDOW_MARGIN)
    const nearby = bestFuzzyCandidate(text, windowStart, windowEnd, quote, maxErrors, oldRange)
    if (nearby !== null) return alignEdgesWithContext(text, nearby, quote)
    if (windowStart === 0 && windowEnd === text.length) return null
  }
  const anywhere = bestFuzzyCandidate(text, 0, text.length, quote, maxErrors, oldRange)
  return anywhere === null ? null : alignEdgesWithContext(text, anywhere, quote)
}

function bestFuzzyCandidate(
  text: string,
  searchStart: number,
  searchEnd: number,
  quote: TextQuoteSelector,
  maxErrors: number,
  oldRange: TextRange | null
): FuzzyCandidate | null {
  const { exact, prefix, suffix } = quote
  const isWholeText = searchStart === 0 && searchEnd === text.length
  const matches = approxSearch(isWholeText ? text : text.slice(searchStart, searchEnd), exact, maxErrors)
  let best: FuzzyCandidate | null = null
  for (const match of matches) {
    const start = searchStart + match.start
    const end = searchStart + match.end
    if (start >= end) continue
    const quoteSimilarity = 1 - match.errors / exact.length
    const prefixSimilarity = contextSimilarity(
      reverse(text.slice(Math.max(0, start - prefix.length), start)),
      reverse(prefix)
    )
    const suffixSimilarity = contextSimilarity(text.slice(end, end + suffix.length), suffix)
    const score = scoreCandidate(text, start, quoteSimilarity, prefixSimilarity, suffixSimilarity, oldRange)
    if (best === null || score > best.score) {
      best = { range: { start, end }, score, errors: match.errors }
    }
  }
  return best !== null && best.score >= MIN_FUZZY_SCORE ? best : null
}

/**
 * approx-string-match places a match's start as early as its error count allows, so a
 * reworded opening word can drag in the ", " before it. Where the stored context clearly
 * lines up a little further in or out, trust it for where the highlight begins and ends.
 * An edge never moves by more than the match's error count: beyond that the quote
 * similarity the candidate was accepted on would no longer hold.
 */
function alignEdgesWithContext(text: string, candidate: FuzzyCandidate, quote: TextQuoteSelector): TextRange {
  const { prefix, suffix } = quote
  const slack = candidate.errors
  let { start, end } = candidate.range

  const prefixEvidence = Math.min(MIN_EDGE_EVIDENCE, prefix.length)
  if (prefixEvidence > 0) {
    let bestLength = commonSuffixLength(text, start, prefix)
    for (let offset = 1; offset <= slack && bestLength < prefix.length; offset += 1) {
      for (const shifted of [candidate.range.start - offset, candidate.range.start + offset]) {
        if (shifted < 0 || shifted >= end) continue
        const length = commonSuffixLength(text, shifted, prefix)
        if (length >= prefixEvidence && length > bestLength) {
          bestLength = length
          start = shifted
        }
      }
    }
  }

  const suffixEvidence = Math.min(MIN_EDGE_EVIDENCE, suffix.length)
  if (suffixEvidence > 0) {
    let bestLength = commonPrefixLength(text, end, suffix)
    for (let offset = 1; offset <= slack && bestLength < suffix.length; offset += 1) {
      for (const shifted of [candidate.range.end + offset, candidate.range.end - offset]) {
        if (shifted <= start || shifted > text.length) continue
        const length = commonPrefixLength(text, shifted, suffix)
        if (length >= suffixEvidence && length > bestLength) {
          bestLength = length
          end = shifted
        }
      }
    }
  }
  return { start, end }
}

/** 0..1, where 1 means the old position is unknown or the candidate sits right on it. */
function scoreCandidate(
  text: string,
  start: number,
  quoteSimilarity: number,
  prefixSimilarity: number,
  suffixSimilarity: number,
  oldRange: TextRange | null
): number {
  const positionSimilarity = oldRange === null ? 1 : 1 - Math.abs(start - oldRange.start) / Math.max(1, text.length)
  return (
    (SCORE_WEIGHTS.quote * quoteSimilarity +
      SCORE_WEIGHTS.prefix * prefixSimilarity +
      SCORE_WEIGHTS.suffix * suffixSimilarity +
      SCORE_WEIGHTS.position * Math.max(0, positionSimilarity)) /
    MAX_SCORE
  )
}

/**
 * 0..1 similarity of the stored context with the text next to a candidate, both read
 * outwards from the candidate's edge. Plain edit distance, except that the far end of
 * `actual` is free to go unmatched: an insertion or deletion near the quote shifts that
 * far end without making the context any less right. Unlike a common-affix comparison,
 * this still recognises context whose first characters changed, which matters here
 * because a fuzzy match's edges are themselves uncertain.
 */
function contextSimilarity(actual: string, expected: string): number {
  if (expected.length === 0) return 1
  if (actual.startsWith(expected)) return 1
  // distances[j]: edit distance between the expected context read so far and actual[0..j).
  let distances = Array.from({ length: actual.length + 1 }, (_, j) => j)
  let next = new Array<number>(actual.length + 1)
  for (let i = 1; i <= expected.length; i += 1) {
    next[0] = i
    const expectedChar = expected.charCodeAt(i - 1)
    for (let j = 1; j <= actual.length; j += 1) {
      const substitution = (distances[j - 1] ?? 0) + (actual.charCodeAt(j - 1) === expectedChar ? 0 : 1)
      const deletion = (distances[j] ?? 0) + 1
      const insertion = (next[j - 1] ?? 0) + 1
      next[j] = Math.min(substitution, deletion, insertion)
    }
    ;[distances, next] = [next, distances]
  }
  const bestDistance = Math.min(...distances)
  return Math.max(0, 1 - bestDistance / expected.length)
}

function reverse(value: string): string {
  let reversed = ''
  for (let i = value.length - 1; i >= 0; i -= 1) reversed += value[i]
  return reversed
}
