// The query ranking that stands in for MiniSearch.search: the same documents, scores and
// matched terms as MiniSearch on any small library, exact words before their expansions,
// hidden and discarded documents never returned, and the heap's order.
import fc from 'fast-check'
import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'
import type { Field, SearchDoc } from './indexStore'
import { BOOST, MINI_OPTIONS } from './liveIndex'
import { fuzzyWeight, prefixWeight, rankDocuments, ScoreHeap, type QueryWord, type RankedQuery } from './rankedQuery'
import { isFuzzyTerm } from './terms'

const ALL_FIELDS: Field[] = ['title', 'outlet', 'author', 'body', 'quote', 'text', 'tags']

function indexOf(docs: SearchDoc[], discarded: string[] = []): MiniSearch<SearchDoc> {
  const mini = new MiniSearch<SearchDoc>(MINI_OPTIONS)
  mini.addAll(docs)
  for (const id of discarded) mini.discard(id)
  return mini
}

function query(words: QueryWord[], hidden: string[] = []): RankedQuery {
  return { words, fields: ALL_FIELDS, boost: BOOST, hidden: new Set(hidden) }
}

const word = (term: string, prefix = false): QueryWord => ({ term, prefix, fuzzy: isFuzzyTerm(term) })

const ids = (ranked: Iterable<{ id: string }>) => [...ranked].map((document) => document.id)

describe('rankDocuments', () => {
  const library = [
    { id: 'a:present', title: 'Présent', body: 'Le présent rapport' },
    { id: 'n:pre', text: 'Un pré vert' },
    { id: 'n:pression', text: 'La pression monte, pression et presse' },
    { id: 'a:other', title: 'Autre', body: 'Rien à voir' }
  ]

  it('puts the word typed whole before the words it starts, and leaves out what does not start with it', () => {
    expect(ids(rankDocuments(indexOf(library), query([word('pre', true)])))).toEqual([
      'n:pre',
      'a:present',
      'n:pression'
    ])
    expect(ids(rankDocuments(indexOf(library), query([word('pre')])))).toEqual(['n:pre'])
  })

  it('wants every word, forgives one typo in a long one, and says which terms matched in which field', () => {
    const ranked = [...rankDocuments(indexOf(library), query([word('presion'), word('mon', true)]))]
    expect(ranked.map((document) => document.id)).toEqual(['n:pression'])
    expect(ranked[0]!.matched()).toEqual(new Map([['text', new Set(['pression', 'monte'])]]))
    expect(ids(rankDocuments(indexOf(library), query([word('present'), word('pre', true)])))).toEqual(['a:present'])
    expect(ids(rankDocuments(indexOf(library), query([word('rien'), word('vert')])))).toEqual([])
  })

  it('never returns hidden or discarded documents', () => {
    const mini = indexOf(library, ['n:pre'])
    expect(ids(rankDocuments(mini, query([word('pre', true)], ['a:present'])))).toEqual(['n:pression'])
  })

  it('answers nothing to no words', () => {
    expect(ids(rankDocuments(indexOf(library), query([])))).toEqual([])
  })

  it('weighs expansions as MiniSearch does', () => {
    expect(prefixWeight('pre', 'pre')).toBe(0.375)
    expect(prefixWeight('pre', 'presse')).toBeCloseTo((0.375 * 6) / 6.9, 12)
    expect(fuzzyWeight('presion', 1)).toBeCloseTo((0.45 * 7) / 8, 12)
  })

  it('gives MiniSearch’s documents, scores and matched terms on any small library', () => {
    const vocabulary = [
      'pre',
      'pré',
      'presse',
      'pression',
      'present',
      'prets',
      'tra',
      'travail',
      'trace',
      'mer',
      'merci'
    ]
    const text = fc.array(fc.constantFrom(...vocabulary), { maxLength: 8 }).map((words) => words.join(' '))
    const doc = fc.record({ field: fc.constantFrom(...ALL_FIELDS), text, title: text })
    fc.assert(
      fc.property(
        fc.array(doc, { minLength: 1, maxLength: 12 }),
        fc.array(fc.constantFrom('pre', 'pres', 'tra', 'travai', 'present', 'merci', 'mer', 'presion'), {
          minLength: 1,
          maxLength: 3
        }),
        fc.boolean(),
        fc.nat(),
        (docs, terms, lastIsPrefix, removeSeed) => {
          const searchDocs: SearchDoc[] = docs.map((d, i) => ({
            id: `${i % 2 ? 'n' : 'a'}:${i}`,
            [d.field]: d.text,
            title: d.title
          }))
          const mini = indexOf(searchDocs)
          // Removed whole: a discarded document's stale postings change MiniSearch's own scores from one search to the next.
          if (docs.length > 1) mini.remove(searchDocs[removeSeed % docs.length]!)
          const words = terms.map((term, i) => word(term, lastIsPrefix && i === terms.length - 1))
          const ours = [...rankDocuments(mini, query(words))]
          const theirs = mini.search(terms.join(' '), {
            tokenize: (q) => q.split(' '),
            processTerm: (term) => term,
            boost: BOOST,
            combineWith: 'AND',
            prefix: (_term, i) => words[i]!.prefix,
            fuzzy: (_term, i) => (words[i]!.fuzzy ? 1 : false)
          })
          expect(ours.map((d) => d.id).sort()).toEqual(theirs.map((r) => r.id as string).sort())
          for (const result of theirs) {
            const mine = ours.find((d) => d.id === result.id)!
            expect(mine.score).toBeCloseTo(result.score, 9)
            const matched = Object.entries(result.match).flatMap(([term, fields]) => fields.map((f) => `${f}:${term}`))
            const mineMatched = [...mine.matched()].flatMap(([field, set]) =>
              [...set].map((term) => `${field}:${term}`)
            )
            expect(mineMatched.sort()).toEqual(matched.sort())
          }
          for (let i = 1; i < ours.length; i++) expect(ours[i - 1]!.score).toBeGreaterThanOrEqual(ours[i]!.score)
        }
      ),
      { numRuns: 300 }
    )
  })
})

describe('ScoreHeap', () => {
  it('gives the best score first, equal scores lowest id first, then -1', () => {
    const scores = [1, 3, 3, 2, 0.5, 3]
    const heap = new ScoreHeap(scores, [4, 0, 5, 2, 1, 3])
    expect([heap.pop(), heap.pop(), heap.pop(), heap.pop(), heap.pop(), heap.pop(), heap.pop()]).toEqual([
      1, 2, 5, 3, 0, 4, -1
    ])
  })
})
