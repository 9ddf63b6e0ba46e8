// Notes on the whole article through the API on a real data folder: stored beside the passage
// notes, counted, tagged and reached by every library-wide tag operation, found by the search
// box and listed by the notes workspace.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { articlePlainText } from '../../shared/domain/article'
import { emptyNotesQuery } from '../../shared/notes/workspace'
import type { Dossier } from './dossier'
import { dataLayout } from './schema'
import { useTempDossiers } from './testing/tempDossiers'

const folder = useTempDossiers('dossier-article-notes-', () => ({ sampleArticle: null, search: { saveDelayMs: 20 } }))

const TEXT = 'Le ministre de la Défense arrive à Rabat. Un accord de coopération est signé.'

async function withArticle(): Promise<{ dossier: Dossier; articleId: string; text: string }> {
  const dossier = await folder.open()
  const outcome = await dossier.handlers.importPaste({ text: TEXT })
  if (!outcome.ok) throw new Error(outcome.reason)
  await dossier.handlers.updateArticleMeta({ articleId: outcome.article.id, changes: { title: 'Visite à Rabat' } })
  const { body } = await dossier.handlers.openArticle({ articleId: outcome.article.id })
  return { dossier, articleId: outcome.article.id, text: articlePlainText(body.blocks) }
}

function storedFile(articleId: string): { notes: unknown[]; articleNotes: { id: string; text: string }[] } {
  return JSON.parse(fs.readFileSync(dataLayout.notes(folder.dataDir, articleId), 'utf8'))
}

async function searchUntil(dossier: Dossier, query: string, wanted: number) {
  for (let attempt = 0; attempt < 500; attempt++) {
    const results = await dossier.handlers.search({ query })
    if (!results.indexing && results.notes.length === wanted) return results
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error(`the search for « ${query} » never found ${wanted} notes`)
}

describe('the store', () => {
  it('creates, edits, tags, deletes and restores a note on the whole article, in its own list of the file', async () => {
    const { dossier, articleId } = await withArticle()
    const tag = await dossier.handlers.createTag({ path: 'Fiabilité', color: null })
    const created = await dossier.handlers.createArticleNote({ articleId, text: 'Source officielle.' })
    expect(created).toMatchObject({ kind: 'article', articleId, text: 'Source officielle.', tagIds: [] })

    const edited = await dossier.handlers.updateArticleNote({
      articleId,
      noteId: created.id,
      changes: { text: 'Source officielle, peu critique.' }
    })
    expect(edited.text).toBe('Source officielle, peu critique.')
    const tagged = await dossier.handlers.setArticleNoteTags({ articleId, noteId: created.id, tagIds: [tag.id] })
    expect(tagged.tagIds).toEqual([tag.id])
    expect(storedFile(articleId)).toMatchObject({
      notes: [],
      articleNotes: [{ id: created.id, text: 'Source officielle, peu critique.' }]
    })
    // Passage notes never see it.
    expect(await dossier.handlers.listNotes({ articleId })).toEqual([])
    expect((await dossier.handlers.listArticles({}))[0]!.noteCount).toBe(1)

    await dossier.handlers.deleteArticleNote({ articleId, noteId: created.id })
    expect(await dossier.handlers.listArticleNotes({ articleId })).toEqual([])
    expect((await dossier.handlers.listArticles({}))[0]!.noteCount).toBe(0)
    await dossier.handlers.restoreArticleNote({ note: tagged })
    expect((await dossier.handlers.listArticleNotes({ articleId })).map((note) => note.text)).toEqual([
      'Source officielle, peu critique.'
    ])
    await expect(dossier.handlers.restoreArticleNote({ note: tagged })).rejects.toThrow('That note is already there.')
  })

  it('refuses a tag that does not exist', async () => {
    const { dossier, articleId } = await withArticle()
    const note = await dossier.handlers.createArticleNote({ articleId, text: 'Résumé' })
    await expect(
      dossier.handlers.setArticleNoteTags({
        articleId,
        noteId: note.id,
        tagIds: ['5f0b7a52-3d4e-4c1a-9d7e-000000000000']
      })
    ).rejects.toThrow()
    expect((await dossier.handlers.listArticleNotes({ articleId }))[0]!.tagIds).toEqual([])
  })

  it('reads a notes file from before notes on the whole article as having none, and keeps its passage notes', async () => {
    const { dossier, articleId, text } = await withArticle()
    const start = text.indexOf('Rabat')
    await dossier.handlers.createNote({ articleId, range: { start, end: start + 5 }, expectedQuote: 'Rabat' })
    await folder.close(dossier)
    const file = dataLayout.notes(folder.dataDir, articleId)
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>
    delete stored.articleNotes
    fs.writeFileSync(file, JSON.stringify(stored))

    const reopened = await folder.open()
    expect(await reopened.handlers.listArticleNotes({ articleId })).toEqual([])
    expect((await reopened.handlers.listNotes({ articleId })).map((note) => note.anchor.quote.exact)).toEqual(['Rabat'])
    await reopened.handlers.createArticleNote({ articleId, text: 'Ajoutée après.' })
    expect(storedFile(articleId).notes).toHaveLength(1)
    expect(storedFile(articleId).articleNotes.map((note) => note.text)).toEqual(['Ajoutée après.'])
  })

  it('lists them oldest first', async () => {
    let clock = Date.parse('2024-05-01T10:00:00.000Z')
    const dossier = await folder.open({ now: () => new Date((clock += 60_000)) })
    const outcome = await dossier.handlers.importPaste({ text: TEXT })
    if (!outcome.ok) throw new Error(outcome.reason)
    const articleId = outcome.article.id
    for (const text of ['Résumé', 'Évaluation', 'Fiabilité'])
      await dossier.handlers.createArticleNote({ articleId, text })
    expect((await dossier.handlers.listArticleNotes({ articleId })).map((note) => note.text)).toEqual([
      'Résumé',
      'Évaluation',
      'Fiabilité'
    ])
  })
})

describe('library-wide tag operations', () => {
  it('count them, and take a deleted tag off them and put it back on undo', async () => {
    const { dossier, articleId } = await withArticle()
    const tag = await dossier.handlers.createTag({ path: 'Évaluation/Fiable', color: '#2563eb' })
    const note = await dossier.handlers.createArticleNote({ articleId, text: 'Agence de presse officielle.' })
    await dossier.handlers.setArticleNoteTags({ articleId, noteId: note.id, tagIds: [tag.id] })
    expect(await dossier.handlers.tagUsage({})).toEqual([[tag.id]])

    const { tagged } = await dossier.handlers.deleteTag({ tagId: tag.id })
    expect(tagged).toEqual([{ articleId, noteId: note.id }])
    expect((await dossier.handlers.listArticleNotes({ articleId }))[0]!.tagIds).toEqual([])
    expect(await dossier.handlers.tagUsage({})).toEqual([])

    await dossier.handlers.restoreTag({ tag, tagged })
    expect((await dossier.handlers.listArticleNotes({ articleId }))[0]!.tagIds).toEqual([tag.id])
  })

  it('merge a tag into another on them, and undo the merge', async () => {
    const { dossier, articleId } = await withArticle()
    const from = await dossier.handlers.createTag({ path: 'Fiable', color: null })
    const into = await dossier.handlers.createTag({ path: 'Évaluation/Fiable', color: null })
    const note = await dossier.handlers.createArticleNote({ articleId, text: 'Source sûre.' })
    await dossier.handlers.setArticleNoteTags({ articleId, noteId: note.id, tagIds: [from.id] })

    const { changes } = await dossier.handlers.mergeTags({ fromId: from.id, intoId: into.id })
    expect((await dossier.handlers.listArticleNotes({ articleId }))[0]!.tagIds).toEqual([into.id])
    await dossier.handlers.undoMergeTags({ changes })
    expect((await dossier.handlers.listArticleNotes({ articleId }))[0]!.tagIds).toEqual([from.id])
  })

  it('bulk-tag them from the workspace, leaving their missing colour alone', async () => {
    const { dossier, articleId } = await withArticle()
    const tag = await dossier.handlers.createTag({ path: 'Synthèse', color: '#059669' })
    const note = await dossier.handlers.createArticleNote({ articleId, text: 'Résumé.' })
    const { notes, before } = await dossier.handlers.bulkUpdateNotes({
      notes: [{ articleId, noteId: note.id }],
      addTagIds: [tag.id],
      color: '#dc2626'
    })
    expect(notes).toEqual([expect.objectContaining({ kind: 'article', id: note.id, tagIds: [tag.id] })])
    expect(notes[0]).not.toHaveProperty('color')
    expect(before).toEqual([{ articleId, noteId: note.id, tagIds: [], color: null }])
    await dossier.handlers.restoreNoteFields({ fields: before })
    expect((await dossier.handlers.listArticleNotes({ articleId }))[0]!.tagIds).toEqual([])
  })
})

describe('start-up', () => {
  it('recreates a lost tag that only a note on the whole article still carries', async () => {
    const { dossier, articleId } = await withArticle()
    const tag = await dossier.handlers.createTag({ path: 'Fiabilité', color: null })
    const note = await dossier.handlers.createArticleNote({ articleId, text: 'Source officielle.' })
    await dossier.handlers.setArticleNoteTags({ articleId, noteId: note.id, tagIds: [tag.id] })
    await folder.close(dossier)
    // The library is lost with its backups: it is rebuilt from the article files, without its tags.
    fs.writeFileSync(dataLayout.library(folder.dataDir), '{"schemaVersion": 2, "articles": [')
    for (const name of fs.readdirSync(folder.dataDir)) {
      if (name.startsWith('.backups')) fs.rmSync(path.join(folder.dataDir, name), { recursive: true })
    }

    const reopened = await folder.open()
    expect((await reopened.handlers.listTags({})).map(({ id, path }) => ({ id, path }))).toEqual([
      { id: tag.id, path: 'Recovered/Tag 1' }
    ])
  })
})

describe('search and the workspace', () => {
  it('find a note on the whole article by a word typed without its accents, and say what it is', async () => {
    const { dossier, articleId } = await withArticle()
    const note = await dossier.handlers.createArticleNote({ articleId, text: 'Fiabilité élevée : dépêche officielle.' })
    const results = await searchUntil(dossier, 'fiabilite', 1)
    expect(results.notes).toEqual([
      expect.objectContaining({
        kind: 'article',
        noteId: note.id,
        articleId,
        articleTitle: 'Visite à Rabat',
        quote: { text: '', marks: [] }
      })
    ])
    const text = results.notes[0]!.text!
    expect(text.marks.map((mark) => text.text.slice(mark.start, mark.end))).toEqual(['Fiabilité'])
    // An edit reaches the index.
    await dossier.handlers.updateArticleNote({ articleId, noteId: note.id, changes: { text: 'Dépêche.' } })
    await searchUntil(dossier, 'fiabilite', 0)
  })

  it('list it in the workspace query, filtered by text, tag and state, before the passages in article order', async () => {
    const { dossier, articleId, text } = await withArticle()
    const tag = await dossier.handlers.createTag({ path: 'Évaluation', color: '#2563eb' })
    const start = text.indexOf('Le ministre')
    const passage = await dossier.handlers.createNote({
      articleId,
      range: { start, end: start + 11 },
      expectedQuote: 'Le ministre'
    })
    const note = await dossier.handlers.createArticleNote({ articleId, text: 'Évaluation : source fiable.' })
    await dossier.handlers.setArticleNoteTags({ articleId, noteId: note.id, tagIds: [tag.id] })

    const query = (changes: Partial<ReturnType<typeof emptyNotesQuery>>) =>
      dossier.handlers.queryNotes({ ...emptyNotesQuery(), ...changes })
    const inOrder = await query({ sort: 'article' })
    expect(inOrder.notes.map((row) => [row.id, row.kind ?? 'passage'])).toEqual([
      [note.id, 'article'],
      [passage.id, 'passage']
    ])
    expect(inOrder.notes[0]).toMatchObject({
      articleTitle: 'Visite à Rabat',
      state: 'anchored',
      color: null,
      effectiveColor: '#2563eb',
      anchor: { quote: { exact: '' }, position: { start: 0, end: 0 } }
    })
    expect((await query({ text: 'fiable' })).notes.map((row) => row.id)).toEqual([note.id])
    expect((await query({ tagIds: [tag.id] })).notes.map((row) => row.id)).toEqual([note.id])
    expect((await query({ untagged: true })).notes.map((row) => row.id)).toEqual([passage.id])
    expect((await query({ states: ['moved', 'orphaned'] })).total).toBe(0)
  })
})
