/**
 * Every document judged on load against the schema of its place in the data layout: valid
 * JSON of the wrong shape is damage, quarantined, the newest good generation restored and
 * the load's `recovery` saying so; older and richer files load as they are.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RecoveryEvent } from '../storage/durableJsonFile'
import { JsonDocument } from './jsonDocument'
import { dataLayout, emptyLibrary, emptyNotes, SCHEMA_VERSION, type LibraryFile, type NotesFile } from './schema'

const ARTICLE_ID = '6f1c2a4e-0b7d-4f3e-9a51-2d8c7e6b5a40'
const at = '2026-01-05T10:00:00.000Z'

let dataDir = ''
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-validation-'))
  fs.mkdirSync(path.join(dataDir, 'notes'))
})
afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true })
})

const libraryFile = () => dataLayout.library(dataDir)
const notesFile = () => dataLayout.notes(dataDir, ARTICLE_ID)

function article(n: number) {
  return {
    id: `article-${n}`,
    title: `Article ${n}`,
    outlet: null,
    author: null,
    publishedAt: null,
    sourceUrl: null,
    language: 'fr',
    importedAt: at,
    sourceFile: null,
    wordCount: 10,
    charCount: 60
  }
}

function note(id: string, text: string) {
  return {
    id,
    articleId: ARTICLE_ID,
    anchor: {
      quote: { type: 'TextQuoteSelector' as const, exact: 'Rabat', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector' as const, start: 0, end: 5 }
    },
    text,
    tagIds: [],
    color: null,
    createdAt: at,
    updatedAt: at
  }
}

async function openLibrary(events: RecoveryEvent[] = []): Promise<JsonDocument<LibraryFile>> {
  return JsonDocument.open(libraryFile(), emptyLibrary(), { onRecovery: (event) => events.push(event) })
}

async function openNotes(events: RecoveryEvent[] = []): Promise<JsonDocument<NotesFile>> {
  return JsonDocument.open(notesFile(), emptyNotes(ARTICLE_ID), { onRecovery: (event) => events.push(event) })
}

/** A library saved twice: 1 article and 1 tag, then 3 articles and 9 tags (the newest generation holds the first). */
async function librarySavedTwice(): Promise<void> {
  const library = await openLibrary()
  await library.update((file) => {
    file.articles.push(article(1))
    file.tags.push({ id: 'tag-0', path: 'Acteurs', color: null, description: '' })
  })
  await library.update((file) => {
    file.articles.push(article(2), article(3))
    for (let n = 1; n < 9; n++) file.tags.push({ id: `tag-${n}`, path: `Acteurs/${n}`, color: null, description: '' })
  })
}

function quarantined(folder: string): string[] {
  const dir = path.join(folder, '.quarantine')
  return fs.existsSync(dir) ? fs.readdirSync(dir).map((name) => fs.readFileSync(path.join(dir, name), 'utf8')) : []
}

describe('a library of the wrong shape', () => {
  it.each([
    ['null', 'it holds null where an object was expected'],
    ['{}', 'articles: expected array, received undefined'],
    ['{"schemaVersion":2,"articles":{},"tags":[]}', 'articles: expected array, received object']
  ])('%s is quarantined, the last good generation restored and the load says so', async (damaged, reason) => {
    await librarySavedTwice()
    const generation = fs.readdirSync(path.join(dataDir, '.backups'))
    fs.writeFileSync(libraryFile(), damaged)

    const events: RecoveryEvent[] = []
    const library = await openLibrary(events)

    expect(library.data.articles.map((entry) => entry.id)).toEqual(['article-1'])
    expect(library.data.tags.map((tag) => tag.id)).toEqual(['tag-0'])
    expect(library.existed).toBe(true)
    expect(quarantined(dataDir)).toEqual([damaged])
    expect(events).toEqual([
      {
        file: libraryFile(),
        quarantinedTo: expect.stringContaining(path.join(dataDir, '.quarantine', 'library.')),
        restoredFrom: path.join(dataDir, '.backups', generation[0]!),
        restoredSavedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        restoredContents: '1 article, 1 tag',
        detectedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        reason
      }
    ])
    expect(library.recovery).toEqual(events[0])
    // The restored copy is on disk: the next start needs no recovery.
    const reopened = await openLibrary()
    expect(reopened.recovery).toBeNull()
    expect(reopened.data.articles).toHaveLength(1)
  })

  it('with no usable generation starts empty but is not taken for a first run', async () => {
    fs.writeFileSync(libraryFile(), 'null')
    const library = await openLibrary()
    expect(library.data).toEqual(emptyLibrary())
    expect(library.existed).toBe(true)
    expect(library.recovery).toMatchObject({ restoredFrom: null, reason: 'it holds null where an object was expected' })
  })

  it('a first run has no recovery and did not exist', async () => {
    const library = await openLibrary()
    expect(library.existed).toBe(false)
    expect(library.recovery).toBeNull()
  })
})

describe('a notes file of the wrong shape', () => {
  it('null is quarantined and its notes come back from the last generation, not hidden then overwritten', async () => {
    const notes = await openNotes()
    await notes.update((file) => {
      file.notes.push(note('n1', 'première'))
    })
    await notes.update((file) => {
      file.notes.push(note('n2', 'seconde'))
    })
    fs.writeFileSync(notesFile(), 'null')

    const reopened = await openNotes()
    expect(reopened.data.notes.map((entry) => entry.text)).toEqual(['première'])
    expect(reopened.recovery).toMatchObject({ restoredContents: '1 note' })
    await reopened.update((file) => {
      file.notes.push(note('n3', 'après'))
    })
    expect(quarantined(path.join(dataDir, 'notes'))).toEqual(['null'])
  })

  it('the notes of another article are damage', async () => {
    fs.writeFileSync(notesFile(), JSON.stringify({ schemaVersion: SCHEMA_VERSION, articleId: 'other', notes: [] }))
    const reopened = await openNotes()
    expect(reopened.data).toEqual(emptyNotes(ARTICLE_ID))
    expect(reopened.recovery).toMatchObject({ reason: `articleId: names another article than ${ARTICLE_ID}` })
  })
})

describe('files the app can use load as they are', () => {
  it('an older schema is migrated, not called damaged', async () => {
    const v1 = { ...note('n1', 'ancienne'), anchorStatus: { state: 'moved', quote: 'Rabat, Maroc', checkedAt: at } }
    fs.writeFileSync(notesFile(), JSON.stringify({ schemaVersion: 1, articleId: ARTICLE_ID, notes: [v1] }))
    const notes = await openNotes()
    expect(notes.recovery).toBeNull()
    expect(notes.data.schemaVersion).toBe(SCHEMA_VERSION)
    expect(notes.data.notes[0]).toMatchObject({ anchorStatus: { state: 'moved', checkedAt: at } })
  })

  it('fields added by a later version are kept, and written back with the next save', async () => {
    const stored = {
      schemaVersion: SCHEMA_VERSION,
      articles: [{ ...article(1), rating: 5 }],
      tags: [],
      pinnedTagIds: [],
      theme: 'dark'
    }
    fs.writeFileSync(libraryFile(), JSON.stringify(stored))
    const library = await openLibrary()
    await library.update((file) => {
      file.articles.push(article(2))
    })
    const onDisk = JSON.parse(fs.readFileSync(libraryFile(), 'utf8'))
    expect(onDisk.theme).toBe('dark')
    expect(onDisk.articles[0].rating).toBe(5)
    expect(library.recovery).toBeNull()
  })

  it('a file from a newer Dossier is refused and left untouched, with nothing quarantined', async () => {
    const newer = JSON.stringify({ schemaVersion: 99, articles: 'a shape this version does not know' })
    fs.writeFileSync(libraryFile(), newer)
    await expect(openLibrary()).rejects.toThrow(/newer version of Dossier \(schema 99/)
    expect(fs.readFileSync(libraryFile(), 'utf8')).toBe(newer)
    expect(quarantined(dataDir)).toEqual([])
  })
})
