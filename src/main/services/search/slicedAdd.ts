/**
 * Adds a document to the search index without holding the thread that serves the API for
 * as long as the document is big.
 *
 * Why: MiniSearch's `add` cuts, folds and posts every word of a document in one synchronous
 * call. For a 3 MB article (about 294,000 words) that held the serving thread for 0.9–1.5 s
 * of CPU once its import had answered, and every call made meanwhile waited as long (issue 12,
 * bench/README.md, 7).
 * Here each field's words are counted slice by slice (`SLICE_CHARS` of text at a time, cut
 * between two words), then the counted terms are posted `POST_BATCH` at a time, with a turn
 * for the event loop between slices and batches whenever `pause` says so. Posting costs the
 * number of distinct terms (25,806 for the 3 MB page of bench/importStaysResponsive.mjs),
 * not of words, and leaves the index exactly as `add` would have (a property test says so).
 * While the terms are posted the document is in the index in part: the service hides it
 * from searches and compactions until it is whole (searchService.ts).
 *
 * The price is calling MiniSearch methods it declares private (`addDocumentId`,
 * `addFieldLength`) and posting into its term map, as miniSearchParts.ts does: package.json
 * pins MiniSearch to 7.2.0, `internalsOf` checks that they are there, and without them the
 * document goes through the public `add`, blocking but never wrong.
 */
import type MiniSearch from 'minisearch'
import type { Field, SearchDoc } from './indexStore'
import type { TermData } from './miniSearchParts'
import { termsOfWord, wordsOf } from './terms'

/**
 * Text counted between two chances to yield: small enough that one slice never holds a call
 * up by much (a 3 MB article is 165 slices), and few enough pauses that they cost nothing to speak of.
 */
export const SLICE_CHARS = 16 * 1024

/** What splits two words: not a letter, digit, mark or apostrophe (see WORD in terms.ts). */
const BETWEEN_WORDS = /[^\p{L}\p{N}\p{M}'’‘ʼ´`]/gu

/** One field's words, counted: what `add` would post for it. */
export interface CountedField {
  /** Index term → occurrences. */
  terms: Map<string, number>
  /** Distinct words as written: MiniSearch's field length. */
  length: number
}

/** MiniSearch 7.2's private members this module uses. */
interface AddInternals {
  _index: { get(term: string): TermData | undefined; set(term: string, data: TermData): unknown }
  _fieldIds: Record<string, number>
  _documentCount: number
  _idToShortId: Map<string, number>
  addDocumentId(id: string): number
  addFieldLength(shortId: number, fieldId: number, count: number, length: number): void
}

function internalsOf(mini: object): AddInternals | null {
  const inner = mini as unknown as Partial<Record<keyof AddInternals, unknown>>
  const index = inner._index as Partial<AddInternals['_index']> | undefined
  const ok =
    typeof index?.get === 'function' &&
    typeof index.set === 'function' &&
    typeof inner._fieldIds === 'object' &&
    inner._fieldIds !== null &&
    typeof inner._documentCount === 'number' &&
    inner._idToShortId instanceof Map &&
    typeof inner.addDocumentId === 'function' &&
    typeof inner.addFieldLength === 'function'
  return ok ? (inner as AddInternals) : null
}

/** Whether this MiniSearch takes counted documents directly (false: they go through `add`). */
export function addsCountedDirectly(mini: object): boolean {
  return internalsOf(mini) !== null
}

/**
 * Counts a text's index terms `sliceChars` at a time (cut between words), awaiting `pause`
 * after each slice but the last; `pause` decides whether to yield. The text may come as its
 * parts (an article's blocks) when they are separated by what is never part of a word: the
 * terms and length are those of the parts joined, and joining them, one copy of the whole
 * text in one go, is never needed. Short parts are counted together, up to `sliceChars`.
 */
export async function countTerms(
  text: string | readonly string[],
  pause: () => Promise<void>,
  sliceChars: number = SLICE_CHARS
): Promise<CountedField> {
  const parts = typeof text === 'string' ? [text] : text
  const terms = new Map<string, number>()
  const words = new Set<string>()
  /** Characters counted since the last pause. */
  let counted = 0
  for (const [index, part] of parts.entries()) {
    let start = 0
    while (start < part.length) {
      const end = sliceEnd(part, start, sliceChars - counted)
      for (const word of wordsOf(start === 0 && end === part.length ? part : part.slice(start, end))) {
        words.add(word)
        for (const term of termsOfWord(word)) terms.set(term, (terms.get(term) ?? 0) + 1)
      }
      counted += end - start
      start = end
      const more = start < part.length || index < parts.length - 1
      // A slice cut short of its part's end is full; a part that ends may leave room for the next.
      if (more && (start < part.length || counted >= sliceChars)) {
        await pause()
        counted = 0
      }
    }
  }
  return { terms, length: words.size }
}

/** Where the slice starting at `start` ends: at the first character between words from `start + sliceChars` on. */
function sliceEnd(text: string, start: number, sliceChars: number): number {
  if (start + sliceChars >= text.length) return text.length
  BETWEEN_WORDS.lastIndex = start + Math.max(1, sliceChars)
  const found = BETWEEN_WORDS.exec(text)
  return found ? found.index + found[0].length : text.length
}

/**
 * Parts whose terms were counted before indexing got them (by the import worker, which has
 * the text already): `countDocument` takes that count instead of counting again on the
 * serving thread. Keyed by the array itself, so a body edited since is never taken for it.
 */
const countedBeforehand = new WeakMap<readonly string[], CountedField>()

/** `parts`, with their terms as already counted when there is such a count (`countTermsAtOnce` of the same texts). */
export function withCountedTerms(parts: string[], counted: CountedField | undefined): string[] {
  if (counted) countedBeforehand.set(parts, counted)
  return parts
}

/** The whole count without a pause: for a thread that serves no calls (the import worker). */
export function countTermsAtOnce(parts: readonly string[]): Promise<CountedField> {
  return countTerms(parts, async () => {}, Number.POSITIVE_INFINITY)
}

/**
 * Counts every field of `doc` in slices; what `postCounted` then adds at once. A field found
 * in `parts` is counted from its parts (an article's blocks) instead of `doc`'s text, or
 * taken as counted when `withCountedTerms` says the parts were counted already.
 */
export async function countDocument(
  doc: SearchDoc,
  fields: readonly Field[],
  pause: () => Promise<void>,
  sliceChars: number = SLICE_CHARS,
  parts?: Partial<Record<Field, readonly string[]>>
): Promise<Map<Field, CountedField>> {
  const counted = new Map<Field, CountedField>()
  for (const field of fields) {
    const text = parts?.[field] ?? doc[field]
    if (text == null) continue
    const already = typeof text === 'string' ? undefined : countedBeforehand.get(text)
    counted.set(field, already ?? (await countTerms(text, pause, sliceChars)))
  }
  return counted
}

/** Terms posted between two chances to yield: a few milliseconds of work even on a busy machine. */
export const POST_BATCH = 2000

/**
 * Adds `doc`, whose fields `counted` holds (from `countDocument`); the index ends as
 * `index.add(doc)` leaves it. The document is registered first and its terms are posted
 * `batch` at a time, awaiting `pause` between batches: until this resolves the document is
 * in the index only in part, so the caller keeps searches from returning it (MiniSearch's
 * `boostDocument` at 0) and compactions from saving it. The document must not be in the index.
 */
export async function postCounted(
  index: MiniSearch<SearchDoc>,
  doc: SearchDoc,
  counted: Map<Field, CountedField>,
  pause: () => Promise<void>,
  batch: number = POST_BATCH
): Promise<void> {
  const inner = internalsOf(index)
  if (!inner) {
    index.add(doc)
    return
  }
  if (inner._idToShortId.has(doc.id)) throw new Error(`MiniSearch: duplicate ID ${doc.id}`)
  const shortId = inner.addDocumentId(doc.id)
  const postings: [fieldId: number, terms: Map<string, number>][] = []
  for (const [field, { terms, length }] of counted) {
    const fieldId = inner._fieldIds[field]!
    // As `add` does: the average field length counts this document in.
    inner.addFieldLength(shortId, fieldId, inner._documentCount - 1, length)
    postings.push([fieldId, terms])
  }
  let posted = 0
  for (const [fieldId, terms] of postings) {
    for (const [term, occurrences] of terms) {
      if (posted > 0 && posted % batch === 0) await pause()
      let data = inner._index.get(term)
      if (!data) inner._index.set(term, (data = new Map()))
      let fieldPostings = data.get(fieldId)
      if (!fieldPostings) data.set(fieldId, (fieldPostings = new Map()))
      fieldPostings.set(shortId, (fieldPostings.get(shortId) ?? 0) + occurrences)
      posted++
    }
  }
}
