/**
 * The few lines shown under a search result: about 160 characters of the original text
 * around the first match, with every matched word given as offsets into that excerpt.
 * Matching runs on the original text word by word (each word folded on its own), so the
 * offsets point at the characters as written, whatever folding did to the lengths.
 */
import type { Snippet } from '../../../shared/search/results'
import { foldForSearch } from '../../../shared/text/fold'
import { findWords, type FoundWord } from './terms'

export const SNIPPET_LENGTH = 160
/** How much text comes before the first match, so it is read in context. */
const LEAD = 50
const ELLIPSIS = '…'

/** The first word of `text` that folds to one of `terms`, or null; for short texts such as notes. */
export function firstMatch(text: string, terms: ReadonlySet<string>): FoundWord | null {
  if (terms.size === 0) return null
  return findWords(text, (term) => terms.has(term), { max: 1 })[0] ?? null
}

/**
 * A snippet around `first` (the first match, when known) or, with no match, the start of
 * the text with nothing marked.
 */
export function snippetAround(
  text: string,
  terms: ReadonlySet<string>,
  first: FoundWord | null = firstMatch(text, terms)
): Snippet {
  const matches = (term: string) => terms.has(term)
  const anchor = first ?? { start: 0, end: 0 }
  let start = Math.max(0, anchor.start - LEAD)
  if (start > 0) {
    // Start at a word, not inside one.
    const space = text.slice(start, anchor.start).search(/\s/u)
    if (space >= 0) start += space + 1
    else start = anchor.start
  }
  let end = Math.min(text.length, Math.max(start + SNIPPET_LENGTH, anchor.end))
  if (end < text.length) {
    const cut = text.slice(anchor.end, end).search(/\s[^\s]*$/u)
    if (cut >= 0) end = anchor.end + cut
  }
  while (start < end && /\s/u.test(text[start]!)) start++
  while (end > start && /\s/u.test(text[end - 1]!)) end--
  // Never split a surrogate pair.
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start++
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++

  const found = first ? findWords(text, matches, { from: start, to: end }).filter((word) => word.end <= end) : []
  return collapseSpaces(text.slice(start, end), start, found, start > 0, end < text.length)
}

/** One space for every run of spaces and line breaks (paragraphs are joined by blank lines), marks moved along. */
function collapseSpaces(
  slice: string,
  offset: number,
  found: FoundWord[],
  cutBefore: boolean,
  cutAfter: boolean
): Snippet {
  const lead = cutBefore ? ELLIPSIS : ''
  const at = new Array<number>(slice.length + 1)
  let out = lead
  for (let i = 0; i < slice.length;) {
    if (/\s/u.test(slice[i]!)) {
      const runStart = i
      while (i < slice.length && /\s/u.test(slice[i]!)) i++
      for (let k = runStart; k < i; k++) at[k] = out.length
      out += ' '
    } else {
      at[i] = out.length
      out += slice[i]
      i++
    }
  }
  at[slice.length] = out.length
  const marks = found.map((word) => ({ start: at[word.start - offset]!, end: at[word.end - offset]! }))
  return { text: cutAfter ? out + ELLIPSIS : out, marks }
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

// ---------------------------------------------------------------------------------------
// Long texts

/**
 * An article's text folded character by character (every letter as `foldForSearch` folds
 * it, everything that is not a letter, digit or apostrophe as a space), with what it takes
 * to map a position back to the original. Finding the first match in a 50 kB article is
 * then an `indexOf`, not cutting 8,000 words and folding each.
 */
export interface FoldedText {
  text: string
  folded: string
  /** Folded positions from which `folded + delta` is the original position, ascending. */
  shiftAt: number[]
  delta: number[]
}

const charFolds = new Map<string, string>()

function foldChar(char: string): string {
  let folded = charFolds.get(char)
  if (folded === undefined) {
    if (/^[\p{L}\p{N}]+$/u.test(char)) folded = foldForSearch(char)
    else if (/^\p{M}$/u.test(char)) folded = ''
    else folded = foldForSearch(char) === "'" ? "'" : ' '
    // Lower-casing may give a letter and a mark (İ): keep what a word can hold.
    folded = folded.replace(/[^\p{L}\p{N}']/gu, '')
    if (folded === '' && !/^\p{M}$/u.test(char)) folded = ' '
    charFolds.set(char, folded)
  }
  return folded
}

export function foldText(text: string): FoldedText {
  const shiftAt: number[] = []
  const delta: number[] = []
  let shift = 0
  // One replace over everything but lower-case ASCII letters and digits, the bulk of any text.
  const folded = text.replace(/[^a-z0-9]/gu, (char: string, offset: number) => {
    const code = char.charCodeAt(0)
    const out = code === 32 ? ' ' : code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : foldChar(char)
    if (out.length !== char.length) {
      shift += char.length - out.length
      shiftAt.push(offset + char.length - shift)
      delta.push(shift)
    }
    return out
  })
  return { text, folded, shiftAt, delta }
}

function originalOffset(folded: FoldedText, at: number): number {
  let low = 0
  let high = folded.shiftAt.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (folded.shiftAt[middle]! <= at) low = middle + 1
    else high = middle
  }
  return at + (low === 0 ? 0 : folded.delta[low - 1]!)
}

const isWordUnit = (char: string | undefined) => char !== undefined && char !== ' ' && char !== "'"

/** The first word of a long text that folds to one of `terms`, found in its folded copy. */
export function firstMatchIn(folded: FoldedText, terms: ReadonlySet<string>): FoundWord | null {
  const haystack = folded.folded
  let best = Infinity
  for (const term of terms) {
    for (let at = haystack.indexOf(term); at >= 0 && at < best; at = haystack.indexOf(term, at + 1)) {
      const end = at + term.length
      // A word, or the part of a word after an apostrophe (« armée » in « l’armée »), as the index has it.
      const startsWord = !isWordUnit(haystack[at - 1]) || haystack[at - 1] === "'"
      const endsWord = !isWordUnit(haystack[end]) && !(haystack[end] === "'" && isWordUnit(haystack[end + 1]))
      if (startsWord && endsWord) {
        best = at
        break
      }
    }
  }
  if (best === Infinity) return null
  let start = originalOffset(folded, best)
  while (start > 0 && WORD_CHAR.test(folded.text[start - 1]!)) start--
  return findWords(folded.text, (term) => terms.has(term), { from: start, max: 1 })[0] ?? null
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}'’‘ʼ´`]/u
/** Lower-case letters a folded letter may have been written as (after lower-casing the text). */
const VARIANTS: Record<string, string> = {
  a: 'aàâáäãå',
  c: 'cç',
  e: 'eéèêë',
  i: 'iîïíì',
  n: 'nñ',
  o: 'oôöóòõ',
  u: 'uùûüú',
  y: 'yÿý',
  "'": "'’‘ʼ´`"
}
const LOWER_LIGATURES: Record<string, string> = { oe: 'œ', ae: 'æ' }
const patterns = new Map<string, RegExp>()

/** A folded term as an expression over lower-cased text: `coeur` accepts « cœur », `elysee` « élysée ». */
function patternFor(term: string): RegExp {
  let pattern = patterns.get(term)
  if (!pattern) {
    let source = ''
    for (let i = 0; i < term.length; i++) {
      const pair = term.slice(i, i + 2)
      const one = (char: string) =>
        VARIANTS[char] ? `[${VARIANTS[char]}]` : char.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
      if (LOWER_LIGATURES[pair]) {
        source += `(?:${one(pair[0]!)}${one(pair[1]!)}|${LOWER_LIGATURES[pair]})`
        i++
      } else source += one(term[i]!)
    }
    pattern = new RegExp(source, 'g')
    if (patterns.size > 5000) patterns.clear()
    patterns.set(term, pattern)
  }
  return pattern
}

/**
 * The first word of a long text that folds to one of `terms`, found by an expression per
 * term over the lower-cased text (each candidate then checked as a word): no copy of the
 * text is folded. Null when a term is never confirmed, as when the text writes it in a way
 * the expression does not foresee (decomposed accents, ß): the caller then uses the folded copy.
 */
export function firstByPattern(text: string, terms: ReadonlySet<string>): FoundWord | null {
  const lower = text.toLowerCase()
  // Lower-casing keeps offsets for everything but a handful of letters (İ); then this path is not taken.
  if (lower.length !== text.length) return null
  const matches = (term: string) => terms.has(term)
  let best: FoundWord | null = null
  for (const term of terms) {
    const pattern = patternFor(term)
    pattern.lastIndex = 0
    let confirmed = false
    for (let found = pattern.exec(lower); found && (!best || found.index < best.start); found = pattern.exec(lower)) {
      let start = found.index
      while (start > 0 && WORD_CHAR.test(text[start - 1]!)) start--
      const hit = findWords(text, matches, { from: start, to: start + 1, max: 1 })[0]
      if (hit) {
        best = hit
        confirmed = true
        break
      }
      pattern.lastIndex = found.index + 1
    }
    if (!confirmed && !best) return null
  }
  return best
}
