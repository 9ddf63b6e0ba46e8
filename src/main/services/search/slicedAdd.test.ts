// Adding a document in slices: where slices are cut, that they yield, and that the index
// ends exactly as MiniSearch's own `add` leaves it, whatever the text and slice sizes.
import fc from 'fast-check'
import MiniSearch, { type Options } from 'minisearch'
import { describe, expect, it } from 'vitest'
import type { Field, SearchDoc } from './indexStore'
import { addsCountedDirectly, countDocument, countTerms, postCounted } from './slicedAdd'
import { termsOfWord, wordsOf } from './terms'

const FIELDS: Field[] = ['title', 'outlet', 'author', 'body', 'quote', 'text', 'tags']
const ARTICLE_FIELDS: Field[] = ['title', 'outlet', 'author', 'body']
const OPTIONS: Options<SearchDoc> = {
  idField: 'id',
  fields: FIELDS,
  storeFields: [],
  tokenize: wordsOf,
  processTerm: termsOfWord
}

/** Counts the pauses asked for; never waits. */
function pauseCounter() {
  const counter = { pauses: 0, pause: async () => void counter.pauses++ }
  return counter
}

/** Everything an index holds, in an order that does not depend on insertion. */
function contents(index: MiniSearch<SearchDoc>) {
  const plain = index.toJSON()
  return {
    ...plain,
    index: [...plain.index].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  }
}

describe('countTerms', () => {
  it('cuts slices between words and pauses between them, not after the last', async () => {
    const counter = pauseCounter()
    // Slices of at least 3 characters, each ending after the first separator from there: « alpha », « beta », « gamma ».
    const counted = await countTerms('alpha beta gamma', counter.pause, 3)
    expect(counter.pauses).toBe(2)
    expect([...counted.terms]).toEqual([
      ['alpha', 1],
      ['beta', 1],
      ['gamma', 1]
    ])
    expect(counted.length).toBe(3)
  })

  it('never cuts an elided word or an accented one, and leaves stop words out', async () => {
    const counter = pauseCounter()
    const counted = await countTerms('L’armée de l’Élysée, l’armée.', counter.pause, 1)
    // Slices: « L’armée », « de », « l’Élysée, », « l’armée. »
    expect(counter.pauses).toBe(3)
    expect(Object.fromEntries(counted.terms)).toEqual({ "l'armee": 2, armee: 2, "l'elysee": 1, elysee: 1 })
    // Distinct words as written: « L’armée », « de », « l’Élysée », « l’armée ».
    expect(counted.length).toBe(4)
  })

  it('does not pause for a text shorter than a slice', async () => {
    const counter = pauseCounter()
    await countTerms('Un texte court.', counter.pause)
    expect(counter.pauses).toBe(0)
  })
})

describe('postCounted', () => {
  it('takes MiniSearch 7.2 directly (else every add blocks again: review slicedAdd.ts)', () => {
    expect(addsCountedDirectly(new MiniSearch(OPTIONS))).toBe(true)
  })

  it('pauses between batches of terms', async () => {
    const index = new MiniSearch(OPTIONS)
    const doc: SearchDoc = { id: 'a:1', title: 'Titre', body: 'un deux trois quatre cinq six sept huit' }
    const counted = await countDocument(doc, ARTICLE_FIELDS, async () => {})
    const counter = pauseCounter()
    // 8 terms (« titre », then « deux » to « huit »: « un » is a stop word), 3 per batch.
    await postCounted(index, doc, counted, counter.pause, 3)
    expect(counter.pauses).toBe(2)
    expect(index.search('sept').map((result) => result.id)).toEqual(['a:1'])
  })

  const WORDS = [
    'sécurité',
    'Élysée',
    'l’armée',
    "aujourd'hui",
    'cœur',
    'de',
    'le',
    'ministre',
    'Rabat',
    '2024',
    'œuvre',
    'e\u0301te\u0301',
    'naïf',
    'à'
  ]
  const SEPARATORS = [' ', ', ', '. ', '\n\n', ' « ', '\u00a0» ', '’', ' — ', '-']
  const text = fc
    .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: 60 })
    .map((pieces) => pieces.flat().join(''))

  it('leaves the index exactly as add does, whatever the text and the slice and batch sizes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ title: text, body: text }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 7 }),
        async (docs, sliceChars, batch) => {
          const added = new MiniSearch(OPTIONS)
          const sliced = new MiniSearch(OPTIONS)
          // Notes in between, through `add` in both, so field averages mix both kinds of document.
          for (const [i, { title, body }] of docs.entries()) {
            const doc: SearchDoc = { id: `a:${i}`, title, body, author: i % 2 ? 'Zoé' : undefined }
            added.add(doc)
            await postCounted(
              sliced,
              doc,
              await countDocument(doc, ARTICLE_FIELDS, async () => {}, sliceChars),
              async () => {},
              batch
            )
            const note: SearchDoc = { id: `n:${i}`, quote: body.slice(0, 30), text: title }
            added.add(note)
            sliced.add(note)
          }
          expect(contents(sliced)).toEqual(contents(added))
        }
      ),
      { numRuns: 150 }
    )
  })

  it('refuses a document already in the index, as add does', async () => {
    const index = new MiniSearch(OPTIONS)
    const doc: SearchDoc = { id: 'a:1', body: 'texte' }
    index.add(doc)
    const counted = await countDocument(doc, ARTICLE_FIELDS, async () => {})
    await expect(postCounted(index, doc, counted, async () => {})).rejects.toThrow('duplicate ID a:1')
  })
})
