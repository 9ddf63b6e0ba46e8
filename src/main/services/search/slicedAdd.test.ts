// Adding a document in slices: where slices are cut, that they yield, and that the index
// ends exactly as MiniSearch's own `add` leaves it, whatever the text and slice sizes.
import fc from 'fast-check'
import MiniSearch, { type Options } from 'minisearch'
import { describe, expect, it } from 'vitest'
import type { Field, SearchDoc } from './indexStore'
import {
  addsCountedDirectly,
  countDocument,
  countTerms,
  countTermsAtOnce,
  postCounted,
  withCountedTerms
} from './slicedAdd'
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

describe("countTerms over an article's blocks", () => {
  it('counts short blocks together and cuts long ones, pausing only when a slice is full', async () => {
    const counter = pauseCounter()
    // 8 characters a slice: « Rabat » and « Alger » (5 + 5) fill one; the third block is cut after
    // « arrive » (the first word end from its 8th character on); « à Tunis » and « Rabat » make the last.
    const counted = await countTerms(['Rabat', 'Alger', 'l’armée arrive à Tunis', 'Rabat'], counter.pause, 8)
    expect(counter.pauses).toBe(2)
    expect(Object.fromEntries(counted.terms)).toEqual({
      rabat: 2,
      alger: 1,
      "l'armee": 1,
      armee: 1,
      arrive: 1,
      tunis: 1
    })
    // Distinct words as written: « Rabat », « Alger », « l’armée », « arrive », « à », « Tunis ».
    expect(counted.length).toBe(6)
  })

  it('indexes a 3 MB body in many slices, with the postings of one pass over the joined text', async () => {
    const block = 'Le ministre de la Défense a déclaré que la coopération militaire « progresse » avec Rabat. '.repeat(
      20
    )
    const blocks = Array.from({ length: 1600 }, (_, i) => `${block}Paragraphe ${i + 1}.`)
    const counter = pauseCounter()
    const sliced = await countTerms(blocks, counter.pause)
    const once = await countTerms(blocks.join('\n\n'), async () => {}, Number.MAX_SAFE_INTEGER)
    expect(blocks.join('\n\n').length).toBe(2_939_691)
    // 2,936,493 characters of blocks (the separators are not counted) in slices of 16,384, each
    // ending at the next word end: 180 slices, 179 pauses.
    expect(counter.pauses).toBe(179)
    expect(sliced.terms.get('rabat')).toBe(32_000)
    expect(sliced.terms.get('paragraphe')).toBe(1600)
    // Terms: 7 words of the sentence that are not stop words, « paragraphe » and 1,600 numbers;
    // words as written: the sentence's 13, « Paragraphe » and the numbers.
    expect(sliced.terms.size).toBe(1608)
    expect(sliced.length).toBe(1614)
    expect(sliced).toEqual(once)
  })

  const piece = fc.constantFrom(
    'sécurité',
    'l’armée',
    "aujourd'hui",
    'de',
    'Rabat',
    '2024',
    'œuvre',
    'naïf',
    ' ',
    ', ',
    '. ',
    '« ',
    '-',
    '’'
  )
  const blockText = fc.array(piece, { maxLength: 20 }).map((pieces) => pieces.join(''))

  it('gives the terms and length of the joined blocks, whatever the blocks and the slice size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(blockText, { maxLength: 12 }),
        fc.integer({ min: 1, max: 60 }),
        async (blocks, size) => {
          const sliced = await countTerms(blocks, async () => {}, size)
          const once = await countTerms(blocks.join('\n\n'), async () => {}, Number.MAX_SAFE_INTEGER)
          expect(sliced.length).toBe(once.length)
          expect(Object.fromEntries(sliced.terms)).toEqual(Object.fromEntries(once.terms))
        }
      ),
      { numRuns: 300 }
    )
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

  it('leaves the index exactly as add does when the body comes counted beforehand, as the import worker counts it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ title: text, blocks: fc.array(text, { maxLength: 5 }) }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 40 }),
        async (docs, sliceChars) => {
          const added = new MiniSearch(OPTIONS)
          const counted = new MiniSearch(OPTIONS)
          for (const [i, { title, blocks }] of docs.entries()) {
            const doc: SearchDoc = { id: `a:${i}`, title, body: blocks.join('\n\n') }
            added.add(doc)
            // What the worker hands over, then the parts indexing is given, marked with it.
            const parts = withCountedTerms([...blocks], await countTermsAtOnce(blocks))
            const fields = await countDocument(doc, ARTICLE_FIELDS, async () => {}, sliceChars, { body: parts })
            await postCounted(counted, doc, fields, async () => {})
          }
          expect(contents(counted)).toEqual(contents(added))
        }
      ),
      { numRuns: 150 }
    )
  })

  it('takes a body counted beforehand as it is, without a pause for it', async () => {
    const counter = pauseCounter()
    const blocks = ['Rabat et Alger', 'l’armée à Tunis']
    const parts = withCountedTerms([...blocks], { terms: new Map([['rabat', 7]]), length: 1 })
    const fields = await countDocument({ id: 'a:1', title: 'Rabat' }, ARTICLE_FIELDS, counter.pause, 4, {
      body: parts
    })
    // The count given is used as given (here a made-up one), the title is counted as usual.
    expect(fields.get('body')).toEqual({ terms: new Map([['rabat', 7]]), length: 1 })
    expect(fields.get('title')).toEqual({ terms: new Map([['rabat', 1]]), length: 1 })
    expect(counter.pauses).toBe(0)
    // Unmarked parts with the same texts are counted: the mark belongs to the array, not the texts.
    const recounted = await countDocument({ id: 'a:1' }, ARTICLE_FIELDS, counter.pause, 4, { body: [...blocks] })
    expect(Object.fromEntries(recounted.get('body')!.terms)).toEqual({
      rabat: 1,
      alger: 1,
      "l'armee": 1,
      armee: 1,
      tunis: 1
    })
    expect(counter.pauses).toBeGreaterThan(0)
  })

  it('refuses a document already in the index, as add does', async () => {
    const index = new MiniSearch(OPTIONS)
    const doc: SearchDoc = { id: 'a:1', body: 'texte' }
    index.add(doc)
    const counted = await countDocument(doc, ARTICLE_FIELDS, async () => {})
    await expect(postCounted(index, doc, counted, async () => {})).rejects.toThrow('duplicate ID a:1')
  })
})
