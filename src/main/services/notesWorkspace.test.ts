// The notes workspace on a real data folder: every note of the library filtered, sorted
// and paged, and tags and colours changed on many notes at once and put back.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatchApiCall } from '../../shared/api/dispatch'
import { articlePlainText } from '../../shared/domain/article'
import { isArticleNote, type AnyNote } from '../../shared/domain/note'
import { emptyNotesQuery, type NotesQuery } from '../../shared/notes/workspace'
import { openDossier, type Dossier } from './dossier'
import { dataLayout } from './schema'

let dataDir: string
let dossier: Dossier
let clock = Date.UTC(2025, 2, 1, 9)

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-workspace-'))
  dossier = await openDossier({
    dataDir,
    mode: 'test',
    sampleArticle: null,
    backupIntervalMs: 0,
    now: () => new Date(clock)
  })
})

afterEach(async () => {
  await dossier.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

const ALL: NotesQuery = { ...emptyNotesQuery(), sort: 'article' }

async function addArticle(title: string, text: string) {
  const outcome = await dossier.handlers.importPaste({ text })
  if (!outcome.ok) throw new Error(outcome.reason)
  await dossier.handlers.updateArticleMeta({ articleId: outcome.article.id, changes: { title } })
  const { body } = await dossier.handlers.openArticle({ articleId: outcome.article.id })
  return { id: outcome.article.id, text: articlePlainText(body.blocks) }
}

/** A note made on the given day (UTC), so dates and date order are known. */
async function highlight(article: { id: string; text: string }, quote: string, day: string) {
  clock = Date.parse(`${day}T10:00:00Z`)
  const start = article.text.indexOf(quote)
  return dossier.handlers.createNote({
    articleId: article.id,
    range: { start, end: start + quote.length },
    expectedQuote: quote
  })
}

async function library() {
  const maroc = await addArticle(
    'Visite au Maroc',
    'Le ministre arrive à Rabat. La sécurité est renforcée. Un accord est signé.'
  )
  const gaza = await addArticle('Gaza', 'À Gaza, la trêve tient. Les négociations reprennent au Caire.')
  const trashed = await addArticle('Corbeille', 'Un article jeté avec sa note.')
  const israel = await dossier.handlers.createTag({ path: 'Acteurs/Israël', color: '#2563eb' })
  const morocco = await dossier.handlers.createTag({ path: 'Acteurs/Maroc', color: '#059669' })
  const security = await dossier.handlers.createTag({ path: 'Thèmes/Sécurité', color: '#dc2626' })
  const n = {
    ministre: await highlight(maroc, 'Le ministre arrive à Rabat', '2025-03-03'),
    securite: await highlight(maroc, 'La sécurité est renforcée', '2025-03-01'),
    accord: await highlight(maroc, 'Un accord est signé', '2025-03-05'),
    treve: await highlight(gaza, 'la trêve tient', '2025-03-02'),
    caire: await highlight(gaza, 'Les négociations reprennent au Caire', '2025-03-04'),
    jete: await highlight(trashed, 'Un article jeté', '2025-03-06')
  }
  await dossier.handlers.setNoteTags({ articleId: maroc.id, noteId: n.ministre.id, tagIds: [israel.id, security.id] })
  await dossier.handlers.setNoteTags({ articleId: maroc.id, noteId: n.securite.id, tagIds: [security.id] })
  await dossier.handlers.setNoteTags({ articleId: gaza.id, noteId: n.caire.id, tagIds: [morocco.id] })
  await dossier.handlers.setNoteColor({ articleId: gaza.id, noteId: n.treve.id, color: '#7c3aed' })
  await dossier.handlers.updateNote({
    articleId: gaza.id,
    noteId: n.treve.id,
    changes: { text: 'Fragile, selon l’Élysée.' }
  })
  await dossier.handlers.trashArticle({ articleId: trashed.id })
  return { maroc, gaza, tags: { israel, morocco, security }, n }
}

const quotes = async (query: Partial<NotesQuery>) =>
  (await dossier.handlers.queryNotes({ ...ALL, ...query })).notes.map((note) => note.anchor.quote.exact)

describe('queryNotes', () => {
  it('lists every note of the library but the trash, in library order, with its article, state and colour', async () => {
    const { tags } = await library()
    const page = await dossier.handlers.queryNotes(ALL)
    expect(page.total).toBe(5)
    expect(page.notes.map((note) => note.anchor.quote.exact)).toEqual([
      'Le ministre arrive à Rabat',
      'La sécurité est renforcée',
      'Un accord est signé',
      'la trêve tient',
      'Les négociations reprennent au Caire'
    ])
    expect(page.notes[0]).toMatchObject({
      articleTitle: 'Visite au Maroc',
      state: 'anchored',
      effectiveColor: '#2563eb'
    })
    expect(page.notes[3]).toMatchObject({ articleTitle: 'Gaza', effectiveColor: '#7c3aed' })
    expect(page.notes[2]!.effectiveColor).toBeNull()
    expect(page.notes[0]!.tagIds).toEqual([tags.israel.id, tags.security.id])
  })

  it('filters by tags (a parent with its children; any or all), untagged, article, colour, state, dates and words', async () => {
    const { maroc, gaza, tags } = await library()
    const acteurs = await dossier.handlers.createTag({ path: 'Acteurs' })
    expect(await quotes({ tagIds: [acteurs.id] })).toEqual([
      'Le ministre arrive à Rabat',
      'Les négociations reprennent au Caire'
    ])
    expect(await quotes({ tagIds: [tags.israel.id, tags.security.id], tagMode: 'all' })).toEqual([
      'Le ministre arrive à Rabat'
    ])
    expect(await quotes({ tagIds: [tags.israel.id, tags.security.id], tagMode: 'any' })).toEqual([
      'Le ministre arrive à Rabat',
      'La sécurité est renforcée'
    ])
    expect(await quotes({ untagged: true })).toEqual(['Un accord est signé', 'la trêve tient'])
    expect(await quotes({ untagged: true, tagIds: [tags.morocco.id] })).toEqual([
      'Un accord est signé',
      'la trêve tient',
      'Les négociations reprennent au Caire'
    ])
    expect(await quotes({ articleIds: [gaza.id] })).toEqual(['la trêve tient', 'Les négociations reprennent au Caire'])
    // The first tag's colour wins over the note's own.
    expect(await quotes({ colors: ['#DC2626'] })).toEqual(['La sécurité est renforcée'])
    expect(await quotes({ colors: ['#7c3aed', '#2563eb'] })).toEqual(['Le ministre arrive à Rabat', 'la trêve tient'])
    expect(await quotes({ from: '2025-03-02', to: '2025-03-04' })).toEqual([
      'Le ministre arrive à Rabat',
      'la trêve tient',
      'Les négociations reprennent au Caire'
    ])
    expect(await quotes({ text: 'ELYSEE fragile' })).toEqual(['la trêve tient'])
    expect(await quotes({ text: 'securite' })).toEqual(['Le ministre arrive à Rabat', 'La sécurité est renforcée'])

    await dossier.handlers.updateArticleBody({
      articleId: maroc.id,
      blocks: [{ type: 'paragraph', text: 'Le ministre arrive à Rabat. Un accord est signé.' }]
    })
    expect(await quotes({ states: ['orphaned'] })).toEqual(['La sécurité est renforcée'])
    expect(await quotes({ states: ['anchored'], articleIds: [maroc.id] })).toEqual([
      'Le ministre arrive à Rabat',
      'Un accord est signé'
    ])
  })

  it('sorts by date either way, by article, and by first tag with untagged notes last, and pages', async () => {
    await library()
    expect(await quotes({ sort: 'date-desc' })).toEqual([
      'Un accord est signé',
      'Les négociations reprennent au Caire',
      'Le ministre arrive à Rabat',
      'la trêve tient',
      'La sécurité est renforcée'
    ])
    expect((await quotes({ sort: 'date-asc' }))[0]).toBe('La sécurité est renforcée')
    expect(await quotes({ sort: 'tag' })).toEqual([
      'Le ministre arrive à Rabat',
      'Les négociations reprennent au Caire',
      'La sécurité est renforcée',
      'Un accord est signé',
      'la trêve tient'
    ])
    const page = await dossier.handlers.queryNotes({ ...ALL, sort: 'date-desc', offset: 2, limit: 2 })
    expect(page.total).toBe(5)
    expect(page.notes.map((note) => note.anchor.quote.exact)).toEqual(['Le ministre arrive à Rabat', 'la trêve tient'])
  })

  it('answers from the notes already in memory instead of reading every file again', async () => {
    const { gaza } = await library()
    expect(await quotes({ articleIds: [gaza.id] })).toHaveLength(2)
    // A notes file changed behind Dossier's back is not read again: the store keeps what it read.
    fs.writeFileSync(
      dataLayout.notes(dataDir, gaza.id),
      JSON.stringify({ schemaVersion: 1, articleId: gaza.id, notes: [] })
    )
    expect(await quotes({ articleIds: [gaza.id] })).toHaveLength(2)
  })
})

describe('bulkUpdateNotes and restoreNoteFields', () => {
  it('adds and removes tags and sets the colour of notes across articles, and puts them back exactly', async () => {
    const { maroc, gaza, tags, n } = await library()
    const refs = [
      { articleId: maroc.id, noteId: n.ministre.id },
      { articleId: maroc.id, noteId: n.accord.id },
      { articleId: gaza.id, noteId: n.caire.id }
    ]
    const untouchedBefore = fs.readFileSync(dataLayout.notes(dataDir, gaza.id), 'utf8')
    const { notes, before } = await dossier.handlers.bulkUpdateNotes({
      notes: refs,
      addTagIds: [tags.morocco.id],
      removeTagIds: [tags.israel.id],
      color: '#0891b2'
    })
    expect(notes.map((note) => [note.id, note.tagIds, colorOf(note)])).toEqual([
      [n.ministre.id, [tags.security.id, tags.morocco.id], '#0891b2'],
      [n.accord.id, [tags.morocco.id], '#0891b2'],
      [n.caire.id, [tags.morocco.id], '#0891b2']
    ])
    expect(before).toEqual([
      { articleId: maroc.id, noteId: n.ministre.id, tagIds: [tags.israel.id, tags.security.id], color: null },
      { articleId: maroc.id, noteId: n.accord.id, tagIds: [], color: null },
      { articleId: gaza.id, noteId: n.caire.id, tagIds: [tags.morocco.id], color: null }
    ])
    expect(fs.readFileSync(dataLayout.notes(dataDir, gaza.id), 'utf8')).not.toBe(untouchedBefore)
    expect(await quotes({ tagIds: [tags.morocco.id] })).toEqual([
      'Le ministre arrive à Rabat',
      'Un accord est signé',
      'Les négociations reprennent au Caire'
    ])
    // The index follows bulk changes too.
    expect((await dossier.handlers.search({ query: 'tag:acteurs/maroc accord' })).notes).toHaveLength(1)

    const restored = await dossier.handlers.restoreNoteFields({ fields: before })
    expect(restored.map((note) => [note.id, note.tagIds, colorOf(note)]).sort()).toEqual(
      before.map((fields) => [fields.noteId, fields.tagIds, fields.color]).sort()
    )
    const reopened = await dossier.handlers.listNotes({ articleId: maroc.id })
    expect(reopened.find((note) => note.id === n.ministre.id)).toMatchObject({
      tagIds: [tags.israel.id, tags.security.id],
      color: null
    })
  })

  it('refuses unknown tags and missing notes, changing nothing', async () => {
    const { maroc, tags, n } = await library()
    const before = fs.readFileSync(dataLayout.notes(dataDir, maroc.id), 'utf8')
    await expect(
      dispatchApiCall(dossier.handlers, 'bulkUpdateNotes', {
        notes: [{ articleId: maroc.id, noteId: n.accord.id }],
        addTagIds: ['no-such-tag']
      })
    ).resolves.toMatchObject({ ok: false, error: { code: 'not-found' } })
    await expect(
      dispatchApiCall(dossier.handlers, 'bulkUpdateNotes', {
        notes: [
          { articleId: maroc.id, noteId: n.accord.id },
          { articleId: maroc.id, noteId: 'gone' }
        ],
        addTagIds: [tags.israel.id]
      })
    ).resolves.toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(fs.readFileSync(dataLayout.notes(dataDir, maroc.id), 'utf8')).toBe(before)
  })

  it('puts back what it can: tags deleted since and notes gone are left out', async () => {
    const { maroc, tags, n } = await library()
    const { before } = await dossier.handlers.bulkUpdateNotes({
      notes: [
        { articleId: maroc.id, noteId: n.ministre.id },
        { articleId: maroc.id, noteId: n.accord.id }
      ],
      removeTagIds: [tags.israel.id, tags.security.id]
    })
    await dossier.handlers.deleteTag({ tagId: tags.israel.id })
    await dossier.handlers.deleteNote({ articleId: maroc.id, noteId: n.accord.id })
    const restored = await dossier.handlers.restoreNoteFields({
      fields: [...before, { articleId: 'gone-article', noteId: 'gone-note', tagIds: [], color: null }]
    })
    expect(restored.map((note) => [note.id, note.tagIds])).toEqual([[n.ministre.id, [tags.security.id]]])
  })
})

/** A note's own colour; a note on the whole article has none. */
function colorOf(note: AnyNote): string | null {
  return isArticleNote(note) ? null : note.color
}
