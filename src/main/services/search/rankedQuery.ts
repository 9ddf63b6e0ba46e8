/**
 * Ranks the index's documents for a query with MiniSearch's own scoring (BM25 per field,
 * its weights for prefix and fuzzy matches, every word required), without MiniSearch's
 * per-posting objects.
 *
 * Why: a three-letter prefix (`pre`, `tra`) expands to hundreds of index terms and tens of
 * thousands of postings. `MiniSearch.search` builds an object per matching document, merges
 * a `match` record per expansion into it, turns every one into a result and sorts them all,
 * 200–340 ms for such a prefix on 51,000 documents, when the answer only ever needs the top
 * 20 articles and 20 notes. Here scores add up in typed arrays indexed by short id, documents
 * come out of a heap best first, as many as the caller reads, and which terms matched (for
 * the snippets) is looked up for those documents only.
 *
 * Scores are MiniSearch's to rounding, so the order is the one it gave; equal scores come
 * out oldest document first. When MiniSearch's internals are not where miniSearchParts.ts
 * expects them (another version), `MiniSearch.search` answers instead: slower, never wrong.
 */
import type MiniSearch from 'minisearch'
import type { Field } from './indexStore'
import { internalsOf, type Internals, type TermData } from './miniSearchParts'

/** One query word and how it may match. */
export interface QueryWord {
  term: string
  prefix: boolean
  fuzzy: boolean
}

export interface RankedQuery {
  words: readonly QueryWord[]
  fields: readonly Field[]
  boost: Readonly<Record<Field, number>>
  /** Documents never returned (in the index only in part). */
  hidden: ReadonlySet<string>
}

/** Document terms that matched, per field: what the snippets mark. */
export type Matched = Map<Field, Set<string>>

export interface RankedDocument {
  id: string
  score: number
  /** Computed when asked, for the few documents shown. */
  matched(): Matched
}

/** MiniSearch 7.2's defaults, which the index has always been searched with. */
const PREFIX_WEIGHT = 0.375
const FUZZY_WEIGHT = 0.45
const BM25 = { k: 1.2, b: 0.7, d: 0.5 }

/** An index term a query word matched, and the weight MiniSearch gives that kind of match. */
export interface Expansion {
  term: string
  weight: number
  data: TermData
}

/** The weight of a prefix expansion, as MiniSearch computes it: lower the longer the rest. */
export function prefixWeight(queryTerm: string, docTerm: string): number {
  const distance = docTerm.length - queryTerm.length
  return (PREFIX_WEIGHT * docTerm.length) / (docTerm.length + 0.3 * distance)
}

/** The weight of a fuzzy match at `distance` edits, as MiniSearch computes it. */
export function fuzzyWeight(docTerm: string, distance: number): number {
  return (FUZZY_WEIGHT * docTerm.length) / (docTerm.length + distance)
}

/** The word itself, then its prefix expansions, then its one-edit neighbours that are not also expansions. */
function expansionsOf(inner: Internals, word: QueryWord): Expansion[] {
  const expansions: Expansion[] = []
  const exact = inner._index.get(word.term)
  if (exact) expansions.push({ term: word.term, weight: 1, data: exact })
  const asPrefix = new Set<string>()
  if (word.prefix) {
    for (const [term, data] of inner._index.atPrefix(word.term)) {
      if (term.length === word.term.length) continue
      asPrefix.add(term)
      expansions.push({ term, weight: prefixWeight(word.term, term), data })
    }
  }
  if (word.fuzzy) {
    for (const [term, [data, distance]] of inner._index.fuzzyGet(word.term, 1)) {
      if (distance === 0 || asPrefix.has(term)) continue
      expansions.push({ term, weight: fuzzyWeight(term, distance), data })
    }
  }
  return expansions
}

const LIVE = 1
const DISCARDED = 2
const HIDDEN = 3

/** BM25's inverse document frequency, as MiniSearch computes it. */
function inverseFrequency(matching: number, total: number): number {
  return Math.log(1 + (total - matching + 0.5) / (matching + 0.5))
}

/** BM25's term frequency part, normalised by the field's length, with MiniSearch's `d`. */
function saturation(termFrequency: number, fieldLength: number, average: number): number {
  return (
    BM25.d + (termFrequency * (BM25.k + 1)) / (termFrequency + BM25.k * (1 - BM25.b + (BM25.b * fieldLength) / average))
  )
}

/** The documents matching every word, best first; read only as far as needed. */
export function rankDocuments(index: MiniSearch, query: RankedQuery): Iterable<RankedDocument> {
  const inner = internalsOf(index)
  return inner ? rankDirectly(inner, query) : rankThroughMiniSearch(index, query)
}

function rankDirectly(inner: Internals, query: RankedQuery): Iterable<RankedDocument> {
  if (query.words.length === 0) return []
  const size = inner._nextId
  const fields = query.fields.map((field) => ({
    field,
    id: inner._fieldIds[field]!,
    boost: query.boost[field]
  }))
  const expansions = query.words.map((word) => expansionsOf(inner, word))
  // Words with fewer postings first: every later word only scores documents that passed the earlier ones.
  const order = query.words.map((_, i) => i).sort((a, b) => postingCount(expansions[a]!) - postingCount(expansions[b]!))
  const total = new Float64Array(size)
  /** How many words a document has matched so far, in `order`. */
  const passed = new Uint16Array(size)
  const wordScore = new Float64Array(size)
  const inWord = new Uint8Array(size)
  let survivors: number[] = []
  const { _documentIds: live, _fieldLength: fieldLengths, _documentCount: documentCount } = inner
  /** Per document, looked up once rather than once per posting: 0 not yet, then LIVE, DISCARDED or HIDDEN. */
  const state = new Uint8Array(size)
  for (const id of query.hidden) {
    const shortId = inner._idToShortId.get(id)
    if (shortId !== undefined) state[shortId] = HIDDEN
  }
  /**
   * Per field and document, its length, once looked up (0: not yet): a document is met once per
   * expansion of a prefix. Made when a field is first met by a word with several expansions.
   */
  const lengths: (Float32Array | undefined)[] = fields.map(() => undefined)
  order.forEach((wordIndex, step) => {
    const touched: number[] = []
    const wordExpansions = expansions[wordIndex]!
    const lengthsKept = wordExpansions.length > 1
    for (const { weight, data } of wordExpansions) {
      fields.forEach((field, fieldIndex) => {
        const postings = data.get(field.id)
        if (!postings) return
        const lengthOf = lengthsKept ? (lengths[fieldIndex] ??= new Float32Array(size)) : null
        let matching = postings.size
        let idf = inverseFrequency(matching, documentCount)
        const average = inner._avgFieldLength[field.id]!
        const fieldWeight = weight * field.boost
        for (const [shortId, frequency] of postings) {
          let known = state[shortId]
          if (known === 0) state[shortId] = known = live.has(shortId) ? LIVE : DISCARDED
          if (known === DISCARDED) {
            // Its postings not yet vacuumed: MiniSearch counts it out the same way.
            idf = inverseFrequency(--matching, documentCount)
            continue
          }
          if (known === HIDDEN || passed[shortId] !== step) continue
          if (!inWord[shortId]) {
            inWord[shortId] = 1
            touched.push(shortId)
          }
          let fieldLength = lengthOf ? lengthOf[shortId]! : 0
          if (fieldLength === 0) {
            fieldLength = fieldLengths.get(shortId)![field.id]!
            if (lengthOf) lengthOf[shortId] = fieldLength
          }
          wordScore[shortId] = wordScore[shortId]! + fieldWeight * idf * saturation(frequency, fieldLength, average)
        }
      })
    }
    for (const shortId of touched) {
      total[shortId] = total[shortId]! + wordScore[shortId]!
      wordScore[shortId] = 0
      inWord[shortId] = 0
      passed[shortId] = step + 1
    }
    survivors = touched
  })
  // MiniSearch multiplies by the number of distinct query words a document matched: all of them here.
  const quality = new Set(query.words.map((word) => word.term)).size
  const documentOf = (shortId: number): RankedDocument => ({
    id: inner._documentIds.get(shortId)!,
    score: total[shortId]! * quality,
    matched: () => matchedTerms(shortId, fieldLengths.get(shortId) ?? [], expansions, fields)
  })
  return {
    *[Symbol.iterator]() {
      const heap = new ScoreHeap(total, survivors)
      for (let shortId = heap.pop(); shortId !== -1; shortId = heap.pop()) yield documentOf(shortId)
    }
  }
}

function postingCount(expansions: readonly Expansion[]): number {
  let count = 0
  for (const { data } of expansions) for (const postings of data.values()) count += postings.size
  return count
}

function matchedTerms(
  shortId: number,
  fieldLengths: readonly number[],
  expansions: readonly Expansion[][],
  fields: readonly { field: Field; id: number }[]
): Matched {
  // Only the fields the document has (an article has no quote, a note no body): half the lookups.
  const ownFields = fields.filter(({ id }) => fieldLengths[id] !== undefined)
  const matched: Matched = new Map()
  for (const wordExpansions of expansions) {
    for (const { term, data } of wordExpansions) {
      for (const { field, id } of ownFields) {
        if (!data.get(id)?.has(shortId)) continue
        let set = matched.get(field)
        if (!set) matched.set(field, (set = new Set()))
        set.add(term)
      }
    }
  }
  return matched
}

/**
 * A binary max-heap of short ids by score (ties: the lower short id, the older document,
 * first): built in linear time, so only the documents read are ever put in order.
 */
export class ScoreHeap {
  private readonly ids: Int32Array
  private length: number

  constructor(
    private readonly scores: ArrayLike<number>,
    shortIds: readonly number[]
  ) {
    this.ids = Int32Array.from(shortIds)
    this.length = this.ids.length
    for (let i = (this.length >> 1) - 1; i >= 0; i--) this.siftDown(i)
  }

  /** The best remaining short id, or -1 when none is left. */
  pop(): number {
    if (this.length === 0) return -1
    const best = this.ids[0]!
    this.length--
    if (this.length > 0) {
      this.ids[0] = this.ids[this.length]!
      this.siftDown(0)
    }
    return best
  }

  private before(a: number, b: number): boolean {
    const scoreA = this.scores[a]!
    const scoreB = this.scores[b]!
    return scoreA > scoreB || (scoreA === scoreB && a < b)
  }

  private siftDown(at: number): void {
    const { ids, length } = this
    for (;;) {
      const left = 2 * at + 1
      if (left >= length) return
      const right = left + 1
      const child = right < length && this.before(ids[right]!, ids[left]!) ? right : left
      if (!this.before(ids[child]!, ids[at]!)) return
      const swap = ids[at]!
      ids[at] = ids[child]!
      ids[child] = swap
      at = child
    }
  }
}

function rankThroughMiniSearch(index: MiniSearch, query: RankedQuery): Iterable<RankedDocument> {
  const { hidden, words } = query
  const results = index.search(words.map((word) => word.term).join(' '), {
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term,
    fields: [...query.fields],
    boost: query.boost,
    combineWith: 'AND',
    boostDocument: hidden.size > 0 ? (id) => (hidden.has(id as string) ? 0 : 1) : undefined,
    prefix: (_term, position) => words[position]!.prefix,
    fuzzy: (_term, position) => (words[position]!.fuzzy ? 1 : false)
  })
  return results.map((result) => ({
    id: result.id as string,
    score: result.score,
    matched: () => {
      const matched: Matched = new Map()
      for (const [term, fields] of Object.entries(result.match)) {
        for (const field of fields as Field[]) {
          let set = matched.get(field)
          if (!set) matched.set(field, (set = new Set()))
          set.add(term)
        }
      }
      return matched
    }
  }))
}
