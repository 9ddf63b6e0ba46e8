/**
 * How text becomes search terms, for the index, the scan that stands in for it while it
 * loads, and the snippets: one tokenizer so the three can never disagree on what a word is.
 *
 * Words are cut from the original text (so every match has offsets the interface can mark)
 * and only then folded with `foldForSearch`. An elided word counts as itself and as what
 * follows each apostrophe: « l’armée » is indexed as `l'armee` and `armee`, so both
 * `l'armee` and `armee` find it.
 */
import { foldForSearch } from '../../../shared/text/fold'

const APOSTROPHES = "'’‘ʼ´`"
/** Letters, digits and combining marks, joined by apostrophes: « l’armée », « aujourd’hui », « 2024 ». */
const WORD = new RegExp(`[\\p{L}\\p{N}\\p{M}]+(?:[${APOSTROPHES}][\\p{L}\\p{N}\\p{M}]+)*`, 'gu')
/** The same, plus a trailing apostrophe: what someone typing « l’ » has so far. */
const QUERY_WORD = new RegExp(`[\\p{L}\\p{N}\\p{M}]+(?:[${APOSTROPHES}][\\p{L}\\p{N}\\p{M}]+)*[${APOSTROPHES}]?`, 'gu')

const foldCache = new Map<string, string>()
const FOLD_CACHE_LIMIT = 200_000

/** `foldForSearch` of one word, remembered: a library's vocabulary is small next to its word count. */
export function foldWord(word: string): string {
  let folded = foldCache.get(word)
  if (folded === undefined) {
    folded = foldForSearch(word)
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear()
    foldCache.set(word, folded)
  }
  return folded
}

/** The words of a text as written, in order (MiniSearch's tokenizer). */
export function wordsOf(text: string): string[] {
  return text.match(WORD) ?? []
}

/** A folded term and where it sits inside its word (the part after an elision starts later). */
export interface TermForm {
  term: string
  /** Offset of the form's first character in the folded word. */
  at: number
}

/** The folded word, then what follows each of its apostrophes: `l'armee` → `l'armee`, `armee`. */
export function formsOfFolded(folded: string): TermForm[] {
  const forms: TermForm[] = [{ term: folded, at: 0 }]
  for (let index = folded.indexOf("'"); index >= 0; index = folded.indexOf("'", index + 1)) {
    if (index + 1 < folded.length) forms.push({ term: folded.slice(index + 1), at: index + 1 })
  }
  return forms
}

/**
 * French function words, folded: in every document, so indexing them only makes every
 * posting list huge and every query slow, and a query never needs them to tell documents
 * apart. Words that carry meaning on their own (« pas », « plus », « est ») are not here.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a au aux avec c ce ces cet cette chez d dans de des du elle elles en entre et il ils j je l la le les leur ' +
    'leurs lui m me n ne nous on ou par pour qu que qui s sa se ses son sous sur t te un une vers vous y'
  ).split(' ')
)

/** Index terms of one word (MiniSearch's processTerm): never empty strings, never stop words. */
export function termsOfWord(word: string): string[] {
  const folded = foldWord(word)
  if (folded === '') return []
  if (!folded.includes("'")) return STOP_WORDS.has(folded) ? [] : [folded]
  return formsOfFolded(folded)
    .map((form) => form.term)
    .filter((term) => !STOP_WORDS.has(term))
}

/** Every distinct index term of a text. */
export function termSet(text: string): Set<string> {
  const terms = new Set<string>()
  for (const word of wordsOf(text)) for (const term of termsOfWord(word)) terms.add(term)
  return terms
}

/** A word found in a text, with its offsets in the original (unfolded) text. */
export interface FoundWord {
  start: number
  end: number
}

/**
 * Words of `text` from `from` on whose folded form (or the part after an elision) passes
 * `matches`, as original offsets; stops after `max`. The span of an elided word found by
 * its second part covers that part only, so « l’armée » found by `armee` marks « armée ».
 */
export function findWords(
  text: string,
  matches: (term: string) => boolean,
  options: { from?: number; to?: number; max?: number } = {}
): FoundWord[] {
  const found: FoundWord[] = []
  const to = options.to ?? text.length
  const max = options.max ?? Infinity
  const pattern = new RegExp(WORD.source, 'gu')
  pattern.lastIndex = options.from ?? 0
  for (let match = pattern.exec(text); match && match.index < to; match = pattern.exec(text)) {
    const word = match[0]
    const folded = foldWord(word)
    if (folded === '') continue
    const forms = folded.includes("'") ? formsOfFolded(folded) : [{ term: folded, at: 0 }]
    const hit = forms.find((form) => matches(form.term))
    if (!hit) continue
    const start = match.index + (hit.at === 0 ? 0 : originalOffsetAfterApostrophe(word, folded, hit.at))
    found.push({ start, end: match.index + word.length })
    if (found.length >= max) break
  }
  return found
}

/**
 * Where, in the original word, the folded form starting at `foldedAt` begins. Folding can
 * change lengths (œ → oe, é → e + a mark dropped), so count apostrophes instead of characters.
 */
function originalOffsetAfterApostrophe(word: string, folded: string, foldedAt: number): number {
  let apostrophes = 0
  for (let i = 0; i < foldedAt; i++) if (folded[i] === "'") apostrophes++
  for (let i = 0; i < word.length; i++) {
    if (APOSTROPHES.includes(word[i]!) && --apostrophes === 0) return i + 1
  }
  return 0
}

// ---------------------------------------------------------------------------------------
// Queries

export interface ParsedQuery {
  /** Folded words, every one of which must match (stop words left out: they are not indexed). */
  terms: string[]
  /** The last word is still being typed: it matches as a prefix. */
  lastIsPrefix: boolean
  /** `tag:` filters: a note must carry a tag at or under each path. */
  tagPaths: string[]
  /** `article:` filters: the article's title must contain each, folded. */
  articleWords: string[]
}

const FILTER = /(?<!\S)(tag|article):(?:"([^"]*)"?|(\S*))/giu

/** Splits what was typed into words and `tag:`/`article:` filters (`tag:"Path with spaces"`). */
export function parseQuery(query: string): ParsedQuery {
  const tagPaths: string[] = []
  const articleWords: string[] = []
  // Filters are blanked out rather than removed, so offsets still say where the query ends.
  const rest = query.replace(FILTER, (whole: string, key: string, quoted?: string, bare?: string) => {
    const value = (quoted ?? bare ?? '').trim()
    if (value !== '') {
      if (key.toLowerCase() === 'tag') tagPaths.push(value)
      else articleWords.push(...foldForSearch(value).split(' ').filter(Boolean))
    }
    return ' '.repeat(whole.length)
  })
  const words = [...rest.matchAll(QUERY_WORD)]
  const last = words.at(-1)
  const lastIsPrefix = last !== undefined && last.index + last[0].length === query.length
  const terms: string[] = []
  let lastWordDropped = false
  words.forEach((match, index) => {
    let folded = foldWord(match[0])
    const typing = lastIsPrefix && index === words.length - 1
    // A trailing apostrophe only means something while it is being typed (« l’ » before « armée »).
    if (!typing) folded = folded.replace(/'+$/, '')
    // A stop word being typed may be the start of another word (« des » → « désert »).
    const kept = typing
      ? folded.length >= MIN_PREFIX_LENGTH || !(STOP_WORDS.has(folded) || folded.endsWith("'"))
      : !STOP_WORDS.has(folded)
    if (folded !== '' && kept) terms.push(folded)
    else if (typing) lastWordDropped = true
  })
  return { terms, lastIsPrefix: lastIsPrefix && !lastWordDropped && terms.length > 0, tagPaths, articleWords }
}

/**
 * Below this the word being typed is matched whole: two letters expand to a good part of
 * the vocabulary (« de » → every word in dé-), which costs the slowest queries most and
 * finds nothing anyone wants yet.
 */
export const MIN_PREFIX_LENGTH = 3
/**
 * Only long words get one typo: a short word within one edit of hundreds of others finds
 * noise, and the issue measured such terms (`vre`) blowing up the slowest queries.
 */
export const MIN_FUZZY_LENGTH = 5

export function isPrefixTerm(parsed: ParsedQuery, index: number): boolean {
  return parsed.lastIsPrefix && index === parsed.terms.length - 1 && parsed.terms[index]!.length >= MIN_PREFIX_LENGTH
}

export function isFuzzyTerm(term: string): boolean {
  return [...term].length >= MIN_FUZZY_LENGTH
}

/** How a document term matched a query term, by the rules the index applies; null when it did not. */
export function matchKind(
  queryTerm: string,
  docTerm: string,
  prefix: boolean,
  fuzzy: boolean
): 'exact' | 'prefix' | 'fuzzy' | null {
  if (docTerm === queryTerm) return 'exact'
  if (prefix && docTerm.startsWith(queryTerm)) return 'prefix'
  if (fuzzy && withinOneEdit(queryTerm, docTerm)) return 'fuzzy'
  return null
}

/** Levenshtein distance ≤ 1 (one insertion, deletion or substitution), as MiniSearch's fuzzy 1. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true
  const lengthDifference = a.length - b.length
  if (lengthDifference > 1 || lengthDifference < -1) return false
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  let i = 0
  while (i < short.length && short[i] === long[i]) i++
  if (short.length === long.length) return short.slice(i + 1) === long.slice(i + 1)
  return short.slice(i) === long.slice(i + 1)
}
