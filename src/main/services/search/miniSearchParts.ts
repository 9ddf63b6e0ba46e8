/**
 * A MiniSearch index taken apart into plain parts, and put back together from them,
 * without going through `toJSON()` and `loadJS()`.
 *
 * Why: for 51,000 documents and 4.4 million postings, `toJSON()` builds an object per term
 * and field with the document short ids as string keys, and `loadJS()` turns every one of
 * those keys back into a number: seconds either way, and `toJSON()` cannot be sliced, so a
 * save froze the app for as long. Here the parts are MiniSearch's own maps, read and set
 * directly (what `loadJS` does itself once it has converted its input), so saving encodes
 * them in slices (indexFile.ts) and loading builds nothing twice.
 *
 * The price is reading fields MiniSearch declares private. package.json pins MiniSearch to
 * 7.2.0, `internalsOf` checks that every field is where and what this module expects, and
 * when one is not (another version) both directions fall back to the public `toJSON` and
 * `loadJS`: slower, never wrong. `indexFile.test.ts` fails if the direct path is not taken, so
 * an upgrade is noticed and this module reviewed.
 */
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch'

/** A term's postings as MiniSearch holds them: field id → (document short id → occurrences). */
export type TermData = Map<number, Map<number, number>>

/** What MiniSearch keeps besides its terms, small enough to copy at one instant. */
export interface IndexTotals {
  documentCount: number
  nextId: number
  fieldIds: Record<string, number>
  averageFieldLength: number[]
}

/**
 * An index taken apart at one instant: its totals and terms then, and its own maps, which
 * later changes go on changing. Short ids are never reused, so the documents of the parts
 * are those below `nextId` still in `documentIds` when read: later changes only add
 * documents (above `nextId`) and postings for them, or discard documents and, lazily,
 * their postings (see indexStore.ts for why that is safe).
 */
export interface IndexParts extends IndexTotals {
  /** Short id → document id. */
  documentIds: ReadonlyMap<number, string>
  /** Short id → length of each field (a hole where the document has no such field). */
  fieldLength: ReadonlyMap<number, number[]>
  /** Every term then, with its postings. */
  terms: [string, TermData][]
  /** Whether the parts were read directly (false: through `toJSON`, which blocks for its whole length). */
  direct: boolean
}

/** MiniSearch 7.2's private fields this module reads and sets, and rankedQuery.ts reads. */
export interface Internals {
  _index: {
    set(term: string, data: TermData): unknown
    get(term: string): TermData | undefined
    entries(): Iterable<[string, TermData]>
    atPrefix(prefix: string): Iterable<[string, TermData]>
    fuzzyGet(term: string, maxDistance: number): Map<string, [TermData, number]>
    readonly size: number
  }
  _documentIds: Map<number, string>
  _idToShortId: Map<string, number>
  _fieldLength: Map<number, number[]>
  _avgFieldLength: number[]
  _fieldIds: Record<string, number>
  _documentCount: number
  _nextId: number
}

export function internalsOf(mini: object): Internals | null {
  const inner = mini as unknown as Partial<Record<keyof Internals, unknown>>
  const index = inner._index as Partial<Internals['_index']> | undefined
  const ok =
    typeof index?.set === 'function' &&
    typeof index.get === 'function' &&
    typeof index.entries === 'function' &&
    typeof index.atPrefix === 'function' &&
    typeof index.fuzzyGet === 'function' &&
    typeof index.size === 'number' &&
    inner._documentIds instanceof Map &&
    inner._idToShortId instanceof Map &&
    inner._fieldLength instanceof Map &&
    Array.isArray(inner._avgFieldLength) &&
    typeof inner._fieldIds === 'object' &&
    inner._fieldIds !== null &&
    typeof inner._documentCount === 'number' &&
    typeof inner._nextId === 'number'
  return ok ? (inner as Internals) : null
}

/** Whether this MiniSearch is one whose parts are read and set directly. */
export function takesApartDirectly(mini: object): boolean {
  return internalsOf(mini) !== null
}

/** Takes an index apart; synchronous, so the parts are one instant's (under 0.1 s for 57,000 terms). */
export function takeApart<T>(mini: MiniSearch<T>): IndexParts {
  const inner = internalsOf(mini)
  if (!inner) return partsFromPlain(mini.toJSON())
  return {
    documentCount: inner._documentCount,
    nextId: inner._nextId,
    fieldIds: { ...inner._fieldIds },
    averageFieldLength: [...inner._avgFieldLength],
    documentIds: inner._documentIds,
    fieldLength: inner._fieldLength,
    terms: [...inner._index.entries()],
    direct: true
  }
}

function partsFromPlain(plain: AsPlainObject): IndexParts {
  const numericMap = <V>(record: Record<string, V>) =>
    new Map(Object.entries(record).map(([key, value]): [number, V] => [Number(key), value]))
  return {
    documentCount: plain.documentCount,
    nextId: plain.nextId,
    fieldIds: plain.fieldIds,
    averageFieldLength: plain.averageFieldLength,
    documentIds: numericMap(plain.documentIds as Record<string, string>),
    fieldLength: new Map(
      Object.entries(plain.fieldLength as Record<string, (number | null)[]>).map(
        ([key, lengths]): [number, number[]] => {
          const withHoles: number[] = []
          lengths.forEach((length, fieldId) => {
            if (length !== null) withHoles[fieldId] = length
          })
          return [Number(key), withHoles]
        }
      )
    ),
    terms: plain.index.map(([term, data]): [string, TermData] => [
      term,
      new Map(
        Object.entries(data).map(([fieldId, postings]): [number, Map<number, number>] => [
          Number(fieldId),
          numericMap(postings as Record<string, number>)
        ])
      )
    ]),
    direct: false
  }
}

/** Puts an index back together: terms are added one at a time, the rest at `finish`. */
export interface IndexAssembly<T> {
  addTerm(term: string, data: TermData): void
  finish(documentIds: Map<number, string>, fieldLength: Map<number, number[]>): MiniSearch<T>
  readonly direct: boolean
}

export function assembleIndex<T>(totals: IndexTotals, options: Options<T>): IndexAssembly<T> {
  const plain: AsPlainObject = {
    documentCount: totals.documentCount,
    nextId: totals.nextId,
    documentIds: {},
    fieldIds: totals.fieldIds,
    fieldLength: {},
    averageFieldLength: totals.averageFieldLength,
    storedFields: {},
    dirtCount: 0,
    index: [],
    serializationVersion: 2
  }
  const mini = MiniSearch.loadJS<T>(plain, options)
  const inner = internalsOf(mini)
  if (!inner) {
    // Through the public format: every posting becomes a string key again, for loadJS to parse back.
    return {
      direct: false,
      addTerm(term, data) {
        const byField: Record<string, Record<string, number>> = {}
        for (const [fieldId, postings] of data) byField[fieldId] = Object.fromEntries(postings)
        plain.index.push([term, byField])
      },
      finish(documentIds, fieldLength) {
        plain.documentIds = Object.fromEntries(documentIds)
        plain.fieldLength = Object.fromEntries(fieldLength)
        return MiniSearch.loadJS<T>(plain, options)
      }
    }
  }
  return {
    direct: true,
    addTerm(term, data) {
      inner._index.set(term, data)
    },
    finish(documentIds, fieldLength) {
      inner._documentIds = documentIds
      inner._idToShortId = new Map()
      for (const [shortId, id] of documentIds) inner._idToShortId.set(id, shortId)
      inner._fieldLength = fieldLength
      return mini
    }
  }
}
