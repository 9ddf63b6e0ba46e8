// Note counts kept in library.json: right after every change that adds or removes notes,
// read without opening any notes file, put right when a notes file says otherwise, and
// computed once for a library from before they were kept.
import fs from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import { articlePlainText } from '../../shared/domain/article'
import { ArticleStore } from './articleStore'
import type { Dossier } from './dossier'
import { JsonDocument } from './jsonDocument'
import { dataLayout, emptyLibrary } from './schema'
import { highlightQuote, useTempDossiers } from './testing/tempDossiers'

// No sample article: each test makes the articles it counts.
const folder = useTempDossiers('dossier-note-counts-', () => ({ sampleArticle: null }))

const TEXTS = [
  'Rabat et Madrid signent un accord de coopération.\n\nLe texte prévoit des patrouilles communes.',
  'Le Sahel reste instable.\n\nLes élections sont reportées.',
  'Pegasus a visé des journalistes.\n\nUne enquête est ouverte à Paris.'
]

async function addArticle(dossier: Dossier, text: string) {
  const outcome = await dossier.handlers.importPaste({ text })
  if (!outcome.ok) throw new Error(outcome.reason)
  const opened = await dossier.handlers.openArticle({ articleId: outcome.article.id })
  return { id: outcome.article.id, text: articlePlainText(opened.body.blocks) }
}

/** The counts as library.json holds them, by article id (undefined where there is none). */
function storedCounts(): Record<string, number | undefined> {
  const library = JSON.parse(fs.readFileSync(dataLayout.library(folder.dataDir), 'utf8'))
  return Object.fromEntries(
    library.articles.map((article: { id: string; noteCount?: number }) => [article.id, article.noteCount])
  )
}

async function listedCounts(dossier: Dossier): Promise<Record<string, number>> {
  const listed = [...(await dossier.handlers.listArticles({})), ...(await dossier.handlers.listTrash({}))]
  return Object.fromEntries(listed.map((article) => [article.id, article.noteCount]))
}

/** Removes every count from library.json, as a library written before counts were kept. */
function forgetStoredCounts(): void {
  const file = dataLayout.library(folder.dataDir)
  const library = JSON.parse(fs.readFileSync(file, 'utf8'))
  for (const article of library.articles) delete article.noteCount
  fs.writeFileSync(file, JSON.stringify(library, null, 2))
}

/** Spies on every document opened from now on, and answers which of them were notes files. */
function watchNotesFilesOpened(): () => string[] {
  const open = vi.spyOn(JsonDocument, 'open')
  const notesDir = dataLayout.notes(folder.dataDir, 'x').replace(/x\.json$/, '')
  return () => open.mock.calls.map(([file]) => file).filter((file) => file.startsWith(notesDir))
}

/** Three articles with 2, 0 and 1 notes. */
async function threeArticles(dossier: Dossier) {
  const [a, b, c] = [
    await addArticle(dossier, TEXTS[0]!),
    await addArticle(dossier, TEXTS[1]!),
    await addArticle(dossier, TEXTS[2]!)
  ]
  await highlightQuote(dossier, a.id, a.text, 'Rabat')
  await highlightQuote(dossier, a.id, a.text, 'patrouilles communes')
  await highlightQuote(dossier, c.id, c.text, 'Pegasus')
  return { a, b, c }
}

describe('note counts in the library', () => {
  it('starts a new article at 0 and follows each note created, deleted and put back', async () => {
    const dossier = await folder.open()
    const { id, text } = await addArticle(dossier, TEXTS[0]!)
    expect(storedCounts()).toEqual({ [id]: 0 })
    const rabat = await highlightQuote(dossier, id, text, 'Rabat')
    expect(storedCounts()).toEqual({ [id]: 1 })
    await highlightQuote(dossier, id, text, 'Madrid')
    expect(storedCounts()).toEqual({ [id]: 2 })
    expect(await listedCounts(dossier)).toEqual({ [id]: 2 })
    await dossier.handlers.deleteNote({ articleId: id, noteId: rabat.id })
    expect(storedCounts()).toEqual({ [id]: 1 })
    expect(await listedCounts(dossier)).toEqual({ [id]: 1 })
    await dossier.handlers.restoreNote({ note: rabat })
    expect(storedCounts()).toEqual({ [id]: 2 })
    expect(await listedCounts(dossier)).toEqual({ [id]: 2 })
  })

  it('keeps the counts through bulk changes, edits, the trash and emptying it', async () => {
    const dossier = await folder.open()
    const { a, b, c } = await threeArticles(dossier)
    const counts = { [a.id]: 2, [b.id]: 0, [c.id]: 1 }
    expect(storedCounts()).toEqual(counts)

    const tag = await dossier.handlers.createTag({ path: 'Lieux/Rabat' })
    const other = await dossier.handlers.createTag({ path: 'Lieux/Maroc' })
    const notesOfA = await dossier.handlers.listNotes({ articleId: a.id })
    const refs = notesOfA.map((note) => ({ articleId: a.id, noteId: note.id }))
    await dossier.handlers.bulkUpdateNotes({ notes: refs, addTagIds: [tag.id], color: '#00ff00' })
    await dossier.handlers.mergeTags({ fromId: tag.id, intoId: other.id })
    await dossier.handlers.deleteTag({ tagId: other.id })
    await dossier.handlers.updateArticleBody({
      articleId: a.id,
      blocks: [{ type: 'paragraph', text: `Mise à jour. ${a.text.replace(/\n\n/g, ' ')}` }]
    })
    expect(storedCounts()).toEqual(counts)
    expect(await listedCounts(dossier)).toEqual(counts)

    await dossier.handlers.trashArticle({ articleId: a.id })
    await dossier.handlers.trashArticle({ articleId: b.id })
    expect((await dossier.handlers.listTrash({})).map((article) => article.noteCount)).toEqual([2, 0])
    await dossier.handlers.restoreArticle({ articleId: b.id })
    expect(await dossier.handlers.emptyTrash({})).toEqual({ deleted: 1 })
    expect(storedCounts()).toEqual({ [b.id]: 0, [c.id]: 1 })
    expect(await listedCounts(dossier)).toEqual({ [b.id]: 0, [c.id]: 1 })

    await folder.close(dossier)
    const reopened = await folder.open()
    expect(await listedCounts(reopened)).toEqual({ [b.id]: 0, [c.id]: 1 })
  })

  it('lists a library of many articles without opening a single notes file', async () => {
    const first = await folder.open()
    const ids: string[] = []
    for (let n = 0; n < 30; n++) {
      const { id, text } = await addArticle(first, `Article ${n}.\n\n${TEXTS[n % 3]!}`)
      for (const quote of ['Article', `${n}`].slice(0, n % 3)) await highlightQuote(first, id, text, quote)
      ids.push(id)
    }
    await first.handlers.trashArticle({ articleId: ids[29]! })
    await folder.close(first)

    const notesFilesOpened = watchNotesFilesOpened()
    const dossier = await folder.open({ backgroundStartMs: 0 })
    const listed = await dossier.handlers.listArticles({})
    const trash = await dossier.handlers.listTrash({})
    expect(listed.map((article) => article.noteCount)).toEqual(ids.slice(0, 29).map((_, n) => n % 3))
    expect(trash.map((article) => article.noteCount)).toEqual([2])
    // The background start-up work (search index, import worker) has run too, and read no notes file either.
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(notesFilesOpened()).toEqual([])
    // Opening one article's notes reads that file, and that one only.
    await dossier.handlers.listNotes({ articleId: ids[4]! })
    expect(notesFilesOpened()).toEqual([dataLayout.notes(folder.dataDir, ids[4]!)])
  })

  it('puts a wrong count right as soon as the article’s notes are read', async () => {
    const first = await folder.open()
    const { a, b, c } = await threeArticles(first)
    await folder.close(first)
    const file = dataLayout.library(folder.dataDir)
    const library = JSON.parse(fs.readFileSync(file, 'utf8'))
    library.articles[0].noteCount = 7
    fs.writeFileSync(file, JSON.stringify(library, null, 2))

    const dossier = await folder.open()
    // Until its notes are read, the stored count is all there is.
    expect(await listedCounts(dossier)).toEqual({ [a.id]: 7, [b.id]: 0, [c.id]: 1 })
    expect(await dossier.handlers.listNotes({ articleId: a.id })).toHaveLength(2)
    expect(await listedCounts(dossier)).toEqual({ [a.id]: 2, [b.id]: 0, [c.id]: 1 })
    await vi.waitFor(() => expect(storedCounts()).toEqual({ [a.id]: 2, [b.id]: 0, [c.id]: 1 }), { timeout: 5000 })
  })

  it('counts the notes of a library from before counts were kept, in the background after start-up', async () => {
    const first = await folder.open()
    const { a, b, c } = await threeArticles(first)
    await first.handlers.trashArticle({ articleId: c.id })
    await folder.close(first)
    forgetStoredCounts()
    expect(storedCounts()).toEqual({ [a.id]: undefined, [b.id]: undefined, [c.id]: undefined })

    const notesFilesOpened = watchNotesFilesOpened()
    await folder.open({ backgroundStartMs: 0 })
    // Nothing was asked: the counts come from the background work alone, in one pass.
    await vi.waitFor(() => expect(storedCounts()).toEqual({ [a.id]: 2, [b.id]: 0, [c.id]: 1 }), { timeout: 5000 })
    expect(notesFilesOpened().sort()).toEqual(
      [a.id, b.id, c.id].map((id) => dataLayout.notes(folder.dataDir, id)).sort()
    )
  })

  it('gives the right counts of an old library to a listing that comes before the background count', async () => {
    const first = await folder.open()
    const { a, b, c } = await threeArticles(first)
    await folder.close(first)
    forgetStoredCounts()

    const dossier = await folder.open({ backgroundStartMs: 60_000 })
    expect(await listedCounts(dossier)).toEqual({ [a.id]: 2, [b.id]: 0, [c.id]: 1 })
    // Counted once: what was counted is kept at the latest when the Dossier closes.
    await folder.close(dossier)
    expect(storedCounts()).toEqual({ [a.id]: 2, [b.id]: 0, [c.id]: 1 })
  })
})

describe('saving note counts (ArticleStore)', () => {
  /** An article store over a library whose writes can be held, and a count of the writes that reached disk. */
  async function heldLibrary() {
    let hold: Promise<void> | null = null
    let failNext = false
    const writes: string[] = []
    const started = { writes: 0 }
    const library = await JsonDocument.open(dataLayout.library(folder.dataDir), emptyLibrary(), {
      onRecovery: () => {},
      hooks: {
        afterTempWrite: async () => {
          started.writes++
          await hold
          if (failNext) {
            failNext = false
            throw new Error('disk full')
          }
          writes.push('library')
        }
      }
    })
    const articles = new ArticleStore(folder.dataDir, library, () => new Date('2025-03-01T10:00:00Z'))
    const ids: string[] = []
    for (const title of ['A', 'B', 'C']) {
      ids.push((await articles.add({ blocks: [{ type: 'paragraph', text: title }], title, sourceFile: null })).id)
    }
    writes.length = 0
    started.writes = 0
    let release = () => {}
    return {
      articles,
      ids,
      writes,
      started,
      holdWrites: () => (hold = new Promise<void>((resolve) => (release = resolve))),
      release: () => release(),
      failNextWrite: () => (failNext = true)
    }
  }

  it('joins the counts recorded while a save waits into that save', async () => {
    const { articles, ids, writes, started, holdWrites, release } = await heldLibrary()
    const [a, b, c] = ids as [string, string, string]
    holdWrites()
    expect(articles.recordNoteCount(a, 1)).toBe(true)
    const first = articles.saveNoteCounts()
    // The first save is on its way (held at its write); the counts recorded now wait, together.
    await vi.waitFor(() => expect(started.writes).toBe(1))
    expect(articles.recordNoteCount(a, 2)).toBe(true)
    expect(articles.recordNoteCount(b, 3)).toBe(true)
    const second = articles.saveNoteCounts()
    expect(articles.recordNoteCount(c, 1)).toBe(true)
    const third = articles.saveNoteCounts()
    expect(third).toBe(second)
    release()
    await Promise.all([first, second, third])
    expect(writes).toEqual(['library', 'library'])
    expect(storedCounts()).toEqual({ [a]: 2, [b]: 3, [c]: 1 })
    // Nothing new: no write.
    expect(articles.recordNoteCount(b, 3)).toBe(false)
    await articles.saveNoteCounts()
    expect(writes).toHaveLength(2)
  })

  it('keeps the counts of a failed save for the next one, and never fails the caller', async () => {
    const { articles, ids, writes, failNextWrite } = await heldLibrary()
    const [a, b] = ids as [string, string]
    failNextWrite()
    articles.recordNoteCount(a, 4)
    await expect(articles.saveNoteCounts()).resolves.toBeUndefined()
    expect(articles.storedNoteCount(a)).toBe(0)
    articles.recordNoteCount(b, 1)
    await articles.saveNoteCounts()
    expect(writes).toEqual(['library'])
    expect(storedCounts()).toEqual({ [a]: 4, [b]: 1, [ids[2]!]: 0 })
  })
})
