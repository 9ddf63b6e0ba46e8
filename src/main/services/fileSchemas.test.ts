// Each stored file judged on load: the wrong shape named in words, an older or richer file accepted.
import { describe, expect, it } from 'vitest'
import { fileSchemaFor, judgeStoredFile } from './fileSchemas'
import { NewerSchemaError, SCHEMA_VERSION } from './schema'

const LIBRARY = '/data/library.json'
const BRIEFINGS = '/data/briefings.json'
const NOTES = '/data/notes/a1.json'
const BODY = '/data/articles/a1.json'

const at = '2026-01-05T10:00:00.000Z'
const anchor = {
  quote: { type: 'TextQuoteSelector', exact: 'Rabat', prefix: '', suffix: ' et Madrid' },
  position: { type: 'TextPositionSelector', start: 0, end: 5 }
}
const note = { id: 'n1', articleId: 'a1', anchor, text: '', tagIds: [], color: null, createdAt: at, updatedAt: at }
const article = {
  id: 'a1',
  title: 'Rabat et Madrid',
  outlet: null,
  author: null,
  publishedAt: null,
  sourceUrl: null,
  language: 'fr',
  importedAt: at,
  sourceFile: 'rabat.txt',
  wordCount: 3,
  charCount: 15
}
const tag = { id: 't1', path: 'Acteurs/Maroc', color: null, description: '' }

describe('wrong shapes are damage, said in words', () => {
  it.each([
    [LIBRARY, null, 'it holds null where an object was expected'],
    [LIBRARY, [], 'it holds a list where an object was expected'],
    [LIBRARY, 'library', 'it holds a string where an object was expected'],
    [LIBRARY, {}, 'articles: expected array, received undefined'],
    [LIBRARY, { schemaVersion: 2, articles: {} }, 'articles: expected array, received object'],
    [LIBRARY, { schemaVersion: 2, articles: [{ id: 'a1' }] }, 'articles.0.title: expected string, received undefined'],
    [
      LIBRARY,
      { schemaVersion: 2, articles: [], tags: [{ id: 't1' }] },
      'tags.0.path: expected string, received undefined'
    ],
    [NOTES, null, 'it holds null where an object was expected'],
    [NOTES, { schemaVersion: 2, articleId: 'a1', notes: null }, 'notes: expected array, received null'],
    [NOTES, { schemaVersion: 2, articleId: 'b2', notes: [] }, 'articleId: names another article than a1'],
    [
      NOTES,
      { schemaVersion: 2, articleId: 'a1', notes: [{ ...note, anchor: {} }] },
      'notes.0.anchor.quote: expected object, received undefined'
    ],
    [BRIEFINGS, { schemaVersion: 2, briefings: [{}] }, 'briefings.0.id: expected string, received undefined'],
    [
      BODY,
      { schemaVersion: 2, articleId: 'a1', blocks: [{ type: 'table', text: '' }] },
      expect.stringMatching(/^blocks\.0\.type: /)
    ]
  ])('%s holding %j: %s', (file, parsed, reason) => {
    expect(judgeStoredFile(file, parsed, { schemaVersion: SCHEMA_VERSION })).toEqual({ ok: false, reason })
  })
})

describe('what the app can use is accepted', () => {
  it('fills in what older libraries lacked (tags, pins, descriptions, colours) and keeps unknown fields', () => {
    const stored = { schemaVersion: 1, articles: [{ ...article, noteCount: 2, futureField: 'kept' }], theme: 'dark' }
    expect(judgeStoredFile(LIBRARY, stored, { schemaVersion: SCHEMA_VERSION })).toEqual({
      ok: true,
      value: {
        schemaVersion: SCHEMA_VERSION,
        articles: [{ ...article, noteCount: 2, futureField: 'kept' }],
        tags: [],
        pinnedTagIds: [],
        theme: 'dark'
      }
    })
    const oldTag = { id: 't1', path: 'Acteurs' }
    const judged = judgeStoredFile(LIBRARY, { schemaVersion: 2, articles: [], tags: [oldTag] }, {})
    expect(judged).toEqual({
      ok: true,
      value: { schemaVersion: 2, articles: [], tags: [{ ...oldTag, color: null, description: '' }], pinnedTagIds: [] }
    })
  })

  it('migrates a schema 1 notes file before judging it', () => {
    const moved = { ...note, anchorStatus: { state: 'moved', quote: 'Rabat, Maroc', checkedAt: at } }
    const judged = judgeStoredFile(NOTES, { schemaVersion: 1, articleId: 'a1', notes: [moved] }, {})
    expect(judged).toMatchObject({
      ok: true,
      value: {
        schemaVersion: 2,
        notes: [{ id: 'n1', anchorStatus: { state: 'moved', checkedAt: at }, highlighted: anchor }]
      }
    })
  })

  it('accepts a library of 1,000 articles and tags', () => {
    const articles = Array.from({ length: 1000 }, (_, i) => ({ ...article, id: `a${i}` }))
    const tags = Array.from({ length: 200 }, (_, i) => ({ ...tag, id: `t${i}` }))
    const judged = judgeStoredFile(LIBRARY, { schemaVersion: 2, articles, tags, pinnedTagIds: ['t1'] }, {})
    expect(judged.ok && fileSchemaFor(LIBRARY)!.describe(judged.value)).toBe('1000 articles, 200 tags')
  })

  it('refuses a file from a newer Dossier by throwing, not as damage', () => {
    expect(() => judgeStoredFile(NOTES, { schemaVersion: 99, articleId: 'a1', notes: [] }, {})).toThrow(
      NewerSchemaError
    )
  })

  it('merges a file outside the data layout over its defaults', () => {
    expect(judgeStoredFile('/data/other.json', { schemaVersion: 2, b: 2 }, { schemaVersion: 2, a: 1 })).toEqual({
      ok: true,
      value: { schemaVersion: 2, a: 1, b: 2 }
    })
  })
})

describe('what a restored file holds, in words', () => {
  it.each([
    [LIBRARY, { articles: [article, article, article], tags: Array(9).fill(tag) }, '3 articles, 9 tags'],
    [LIBRARY, { articles: [article], tags: [tag] }, '1 article, 1 tag'],
    [NOTES, { notes: Array(8).fill(note) }, '8 notes'],
    [BRIEFINGS, { briefings: [] }, '0 briefings'],
    [BODY, { blocks: [{ type: 'paragraph', text: 'x' }] }, '1 paragraph']
  ])('%s', (file, value, words) => {
    expect(fileSchemaFor(file)!.describe(value)).toBe(words)
  })
})
