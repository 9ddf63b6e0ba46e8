// The change events of the stores, on a real folder: each operation tells exactly what it
// wrote, once it is on disk; a failed write tells nothing; a listener that throws fails no
// write and keeps no other listener from hearing.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Note } from '../../shared/domain/note'
import { ArticleStore } from './articleStore'
import { ChangeEvents, tagListDifference, type StoreChange } from './changeEvents'
import { JsonDocument, type JsonDocumentOptions } from './jsonDocument'
import { NoteStore } from './noteStore'
import { dataLayout, emptyLibrary } from './schema'
import { TagStore } from './tagStore'

const TEXT = 'Le ministre arrive à Rabat. La sécurité est renforcée.'
const QUOTE = 'La sécurité est renforcée'
const RANGE = { start: TEXT.indexOf(QUOTE), end: TEXT.indexOf(QUOTE) + QUOTE.length }

let dataDir: string
/** While true, every save fails after writing its temporary file, as on a full disk. */
let failing = false

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-change-events-'))
  failing = false
})

afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true })
})

async function openStores() {
  const told: StoreChange[] = []
  const listenerErrors: string[] = []
  const events = new ChangeEvents((message) => listenerErrors.push(message))
  events.listen((change) => told.push(change))
  const options: JsonDocumentOptions = {
    onRecovery: () => {},
    backupIntervalMs: 0,
    hooks: {
      afterTempWrite: () => {
        if (failing) throw new Error('ENOSPC: no space left on device')
      }
    }
  }
  const library = await JsonDocument.open(dataLayout.library(dataDir), emptyLibrary(), options)
  const now = () => new Date('2026-02-01T09:00:00Z')
  const articles = new ArticleStore(dataDir, library, now, events)
  const notes = new NoteStore(dataDir, options, now, undefined, events)
  const tags = new TagStore(library, events)
  /** What was told since the last call. */
  const taken = (): StoreChange[] => told.splice(0)
  return { events, articles, notes, tags, taken, listenerErrors }
}

async function addArticle(articles: ArticleStore, text = TEXT) {
  return articles.add({ blocks: [{ type: 'paragraph', text }], title: 'Rabat', sourceFile: 'rabat.txt' })
}

describe('the article store tells', () => {
  it('each article added, edited, trashed, restored and deleted', async () => {
    const { articles, taken } = await openStores()
    const { id } = await addArticle(articles)
    expect(taken()).toEqual([{ kind: 'article-added', articleId: id }])

    await articles.updateMeta(id, { title: 'Rabat et Madrid', outlet: null, author: 'Nadia Benali' })
    expect(taken()).toEqual([{ kind: 'article-meta-changed', articleId: id, fields: ['title', 'author'] }])
    await articles.updateMeta(id, { title: 'Rabat et Madrid' })
    expect(taken()).toEqual([])

    await articles.replaceBody(id, [{ type: 'paragraph', text: `Mise à jour. ${TEXT}` }])
    expect(taken()).toEqual([{ kind: 'article-body-changed', articleId: id }])

    await articles.setTrashed(id, true)
    await articles.setTrashed(id, false)
    await articles.setTrashed(id, true)
    expect(taken()).toEqual([
      { kind: 'article-trashed', articleId: id },
      { kind: 'article-restored', articleId: id },
      { kind: 'article-trashed', articleId: id }
    ])
    await articles.deleteTrashed()
    expect(taken()).toEqual([{ kind: 'articles-deleted', articleIds: [id] }])
    // Nothing in the trash: nothing written, nothing told.
    await articles.deleteTrashed()
    expect(taken()).toEqual([])
  })

  it('nothing when the library cannot be written', async () => {
    const { articles, taken } = await openStores()
    const { id } = await addArticle(articles)
    taken()
    failing = true
    await expect(articles.updateMeta(id, { title: 'Autre' })).rejects.toThrow('ENOSPC')
    await expect(articles.setTrashed(id, true)).rejects.toThrow('ENOSPC')
    await expect(addArticle(articles)).rejects.toThrow('ENOSPC')
    expect(taken()).toEqual([])
  })
})

describe('the note store tells', () => {
  it('each note created, changed (naming what changed) and deleted', async () => {
    const { notes, taken } = await openStores()
    const note = await notes.create('a1', TEXT, RANGE, QUOTE)
    expect(taken()).toEqual([{ kind: 'note-created', articleId: 'a1', noteId: note.id }])

    await notes.update('a1', note.id, { text: 'À suivre' })
    await notes.setTags('a1', note.id, ['t1', 't2'])
    await notes.setColor('a1', note.id, '#2563eb')
    await notes.reattach('a1', note.id, TEXT, { start: 0, end: 11 }, 'Le ministre')
    expect(taken()).toEqual([
      { kind: 'note-changed', articleId: 'a1', noteId: note.id, fields: ['text'] },
      { kind: 'note-changed', articleId: 'a1', noteId: note.id, fields: ['tags'] },
      { kind: 'note-changed', articleId: 'a1', noteId: note.id, fields: ['color'] },
      { kind: 'note-changed', articleId: 'a1', noteId: note.id, fields: ['anchor'] }
    ])

    // The same value again is saved (its date moves) but changes nothing anyone reads.
    await notes.update('a1', note.id, { text: 'À suivre' })
    expect(taken()).toEqual([])

    await notes.delete('a1', note.id)
    expect(taken()).toEqual([{ kind: 'note-deleted', articleId: 'a1', noteId: note.id }])
    await notes.restore({ ...note, articleId: 'a1' })
    expect(taken()).toEqual([{ kind: 'note-created', articleId: 'a1', noteId: note.id }])
  })

  it('one event per note a bulk change or an edit of the text moved', async () => {
    const { notes, taken } = await openStores()
    const first = await notes.create('a1', TEXT, { start: 0, end: 11 }, 'Le ministre')
    const second = await notes.create('a1', TEXT, RANGE, QUOTE)
    taken()
    await notes.changeMany(
      'a1',
      new Map([
        [first.id, (note) => void (note.tagIds = ['t1'])],
        [second.id, (note) => void ((note as Note).color = '#dc2626')]
      ])
    )
    expect(taken()).toEqual([
      { kind: 'note-changed', articleId: 'a1', noteId: first.id, fields: ['tags'] },
      { kind: 'note-changed', articleId: 'a1', noteId: second.id, fields: ['color'] }
    ])
    // Words added at the end: the second note's context after it changes; the first is too far to notice.
    await notes.carryThroughEdit('a1', TEXT, `${TEXT} Les patrouilles reprennent.`)
    expect(taken()).toEqual([{ kind: 'note-changed', articleId: 'a1', noteId: second.id, fields: ['anchor'] }])
  })

  it('nothing when the notes file cannot be written', async () => {
    const { notes, taken } = await openStores()
    const note = await notes.create('a1', TEXT, RANGE, QUOTE)
    taken()
    failing = true
    await expect(notes.update('a1', note.id, { text: 'Perdu' })).rejects.toThrow('ENOSPC')
    await expect(notes.delete('a1', note.id)).rejects.toThrow('ENOSPC')
    await expect(notes.create('a1', TEXT, RANGE, QUOTE)).rejects.toThrow('ENOSPC')
    expect(taken()).toEqual([])
  })
})

describe('the tag store tells', () => {
  it('what each write to the tag list changed, and why', async () => {
    const { tags, taken } = await openStores()
    const parent = await tags.create('Acteurs', '#d97706')
    const child = await tags.create('Acteurs/Maroc', '#2563eb')
    expect(taken()).toEqual([
      { kind: 'tags-changed', cause: 'create', created: [parent.id], renamed: [], deleted: [], restyled: [] },
      { kind: 'tags-changed', cause: 'create', created: [child.id], renamed: [], deleted: [], restyled: [] }
    ])
    // Creating a tag that exists writes nothing.
    await tags.create('acteurs', null)
    expect(taken()).toEqual([])

    // A parent renamed takes its children with it.
    await tags.rename(parent.id, 'Pays')
    expect(taken()).toEqual([
      { kind: 'tags-changed', cause: 'rename', created: [], renamed: [parent.id, child.id], deleted: [], restyled: [] }
    ])
    await tags.recolor(child.id, '#059669')
    await tags.describe(child.id, 'Le royaume')
    expect(taken()).toEqual([
      { kind: 'tags-changed', cause: 'recolor', created: [], renamed: [], deleted: [], restyled: [child.id] },
      { kind: 'tags-changed', cause: 'describe', created: [], renamed: [], deleted: [], restyled: [child.id] }
    ])

    await tags.setPinned([child.id])
    expect(taken()).toEqual([{ kind: 'pinned-tags-changed', tagIds: [child.id] }])

    await tags.replaceAll(tags.planDelete(child.id).tags, 'delete-tag')
    expect(taken()).toEqual([
      { kind: 'tags-changed', cause: 'delete-tag', created: [], renamed: [], deleted: [child.id], restyled: [] }
    ])
  })

  it('nothing when the library cannot be written', async () => {
    const { tags, taken } = await openStores()
    const tag = await tags.create('Acteurs', null)
    taken()
    failing = true
    await expect(tags.rename(tag.id, 'Pays')).rejects.toThrow('ENOSPC')
    await expect(tags.create('Médias', null)).rejects.toThrow('ENOSPC')
    expect(taken()).toEqual([])
  })
})

describe('a listener that throws', () => {
  it('fails no write, is reported, and the other listeners still hear', async () => {
    const { events, notes, taken, listenerErrors } = await openStores()
    events.listen(() => {
      throw new Error('index gone')
    })
    const heardAfter: string[] = []
    events.listen((change) => heardAfter.push(change.kind))
    const note = await notes.create('a1', TEXT, RANGE, QUOTE)
    expect(note.anchor.quote.exact).toBe(QUOTE)
    expect(await notes.count('a1')).toBe(1)
    expect(taken()).toEqual([{ kind: 'note-created', articleId: 'a1', noteId: note.id }])
    expect(heardAfter).toEqual(['note-created'])
    expect(listenerErrors).toEqual(['A listener failed on note-created (index gone); the change is saved.'])
  })

  it('stops hearing once it stops listening', () => {
    const events = new ChangeEvents()
    const heard: string[] = []
    const stop = events.listen((change) => heard.push(change.kind))
    events.emit({ kind: 'article-trashed', articleId: 'a1' })
    stop()
    events.emit({ kind: 'article-restored', articleId: 'a1' })
    expect(heard).toEqual(['article-trashed'])
  })
})

describe('tagListDifference', () => {
  const tagArbitrary = fc.record({
    id: fc.constantFrom('t1', 't2', 't3', 't4', 't5'),
    path: fc.constantFrom('Acteurs', 'Acteurs/Maroc', 'Lieux', 'Thèmes'),
    color: fc.constantFrom(null, '#2563eb', '#dc2626'),
    description: fc.constantFrom('', 'Le royaume')
  })
  const tagList = fc.uniqueArray(tagArbitrary, { selector: (tag) => tag.id, maxLength: 5 })

  it('tells apart tags added, renamed, removed and restyled', () => {
    const before = [
      { id: 'kept', path: 'Acteurs', color: null, description: '' },
      { id: 'moved', path: 'Acteurs/Maroc', color: '#2563eb', description: '' },
      { id: 'gone', path: 'Lieux', color: null, description: '' }
    ]
    const after = [
      before[0]!,
      { id: 'moved', path: 'Pays/Maroc', color: '#dc2626', description: '' },
      { id: 'new', path: 'Thèmes', color: null, description: '' }
    ]
    expect(tagListDifference(before, after)).toEqual({
      created: ['new'],
      renamed: ['moved'],
      deleted: ['gone'],
      restyled: ['moved']
    })
  })

  it('names every id of either list at most once per kind, and nothing for a list compared with itself', () => {
    fc.assert(
      fc.property(tagList, tagList, (before, after) => {
        const { created, renamed, deleted, restyled } = tagListDifference(before, after)
        const beforeIds = new Set<string>(before.map((tag) => tag.id))
        const afterIds = new Set<string>(after.map((tag) => tag.id))
        expect(new Set(created)).toEqual(new Set([...afterIds].filter((id) => !beforeIds.has(id))))
        expect(new Set(deleted)).toEqual(new Set([...beforeIds].filter((id) => !afterIds.has(id))))
        const pathOf = new Map(before.map((tag) => [tag.id, tag.path]))
        expect(new Set(renamed)).toEqual(
          new Set(after.filter((tag) => beforeIds.has(tag.id) && pathOf.get(tag.id) !== tag.path).map((tag) => tag.id))
        )
        for (const id of restyled) expect(beforeIds.has(id) && afterIds.has(id)).toBe(true)
        expect(tagListDifference(after, after)).toEqual({ created: [], renamed: [], deleted: [], restyled: [] })
      })
    )
  })
})
