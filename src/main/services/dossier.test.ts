// The services on a real data folder: first run, notes that persist, saves that touch only
// what they must, and files that cannot be trusted left untouched.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { anchorSelectors } from '../../shared/anchoring'
import { dispatchApiCall } from '../../shared/api/dispatch'
import { articlePlainText } from '../../shared/domain/article'
import { DataDirLockedError } from '../storage/dataDirLock'
import { type Dossier } from './dossier'
import { useTempDossiers } from './testing/tempDossiers'
import { dataLayout } from './schema'

const SAMPLE = path.join(__dirname, '..', '..', '..', 'resources', 'sample-article.txt')
const PASSAGE = 'lieutenant-général Aviv Kochavi'

const folder = useTempDossiers('dossier-services-', () => ({}))
const open = folder.open
const close = folder.close

/** Highlights the first occurrence of a quote in the article, as the reader does with a selection. */
async function highlight(dossier: Dossier, articleId: string, text: string, quote: string) {
  const start = text.indexOf(quote)
  return dossier.handlers.createNote({ articleId, range: { start, end: start + quote.length }, expectedQuote: quote })
}

async function sampleArticle(dossier: Dossier) {
  const [summary] = await dossier.handlers.listArticles({})
  const opened = await dossier.handlers.openArticle({ articleId: summary!.id })
  return { id: summary!.id, text: articlePlainText(opened.body.blocks), opened }
}

describe('first run', () => {
  it('puts the sample article in the library, with its text in its own file', async () => {
    const dossier = await open()
    const articles = await dossier.handlers.listArticles({})
    expect(articles).toHaveLength(1)
    expect(articles[0]).toMatchObject({ language: 'fr', sourceFile: 'sample-article.txt', noteCount: 0 })
    expect(articles[0]!.title).toMatch(/^Le chef d'état-major/)
    const { id, text } = await sampleArticle(dossier)
    expect(text.replace(/\n\n/g, ' ')).toBe(fs.readFileSync(SAMPLE, 'utf8'))
    expect(fs.existsSync(dataLayout.body(folder.dataDir, id))).toBe(true)
    const library = JSON.parse(fs.readFileSync(dataLayout.library(folder.dataDir), 'utf8'))
    expect(library.schemaVersion).toBe(2)
    expect(JSON.stringify(library)).not.toContain('Pegasus')
  })

  it('does not add the sample again once the library exists', async () => {
    await close(await open())
    const again = await open()
    expect(await again.handlers.listArticles({})).toHaveLength(1)
  })
})

describe('notes', () => {
  it('stores a highlight with W3C selectors that resolve back to the same passage after a restart', async () => {
    const dossier = await open()
    const { id, text } = await sampleArticle(dossier)
    const start = text.indexOf(PASSAGE, text.indexOf(PASSAGE) + 1)
    const note = await dossier.handlers.createNote({
      articleId: id,
      range: { start, end: start + PASSAGE.length },
      expectedQuote: PASSAGE
    })
    expect(note.anchor.quote).toEqual({
      type: 'TextQuoteSelector',
      exact: PASSAGE,
      prefix: text.slice(start - 32, start),
      suffix: text.slice(start + PASSAGE.length, start + PASSAGE.length + 32)
    })
    expect(note.anchor.position).toEqual({ type: 'TextPositionSelector', start, end: start + PASSAGE.length })
    await close(dossier)

    const reopened = await open()
    const notes = await reopened.handlers.listNotes({ articleId: id })
    expect(notes).toEqual([note])
    expect(anchorSelectors(text, notes[0]!.anchor)).toEqual({
      state: 'anchored',
      range: { start, end: start + PASSAGE.length },
      quote: PASSAGE
    })
    expect((await reopened.handlers.listArticles({}))[0]!.noteCount).toBe(1)
  })

  it('refuses a selection that does not match the stored text, and stores nothing', async () => {
    const dossier = await open()
    const { id } = await sampleArticle(dossier)
    const wrongQuote = dispatchApiCall(dossier.handlers, 'createNote', {
      articleId: id,
      range: { start: 0, end: 6 },
      expectedQuote: 'Le chat'
    })
    await expect(wrongQuote).resolves.toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    const pastTheEnd = dispatchApiCall(dossier.handlers, 'createNote', {
      articleId: id,
      range: { start: 10, end: 1_000_000 },
      expectedQuote: 'x'
    })
    await expect(pastTheEnd).resolves.toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(await dossier.handlers.listNotes({ articleId: id })).toEqual([])
    expect(fs.existsSync(dataLayout.notes(folder.dataDir, id))).toBe(false)
  })

  it('saves a note by rewriting only that article’s notes file, and a new note’s count in the library', async () => {
    const dossier = await open()
    const { id, text } = await sampleArticle(dossier)
    const libraryBefore = JSON.parse(fs.readFileSync(dataLayout.library(folder.dataDir), 'utf8'))
    const bodyBefore = fs.readFileSync(dataLayout.body(folder.dataDir, id))
    const bodyStatBefore = fs.statSync(dataLayout.body(folder.dataDir, id)).mtimeMs
    const note = await highlight(dossier, id, text, 'Pegasus')
    // A new note changes the article's note count, kept in the library: that and nothing else changes there.
    expect(JSON.parse(fs.readFileSync(dataLayout.library(folder.dataDir), 'utf8'))).toEqual({
      ...libraryBefore,
      articles: [{ ...libraryBefore.articles[0], noteCount: 1 }]
    })
    const libraryStat = fs.statSync(dataLayout.library(folder.dataDir)).mtimeMs
    await dossier.handlers.updateNote({ articleId: id, noteId: note.id, changes: { text: 'À vérifier.' } })
    await dossier.handlers.setNoteColor({ articleId: id, noteId: note.id, color: '#ff0000' })
    expect(fs.statSync(dataLayout.library(folder.dataDir)).mtimeMs).toBe(libraryStat)
    expect(fs.statSync(dataLayout.body(folder.dataDir, id)).mtimeMs).toBe(bodyStatBefore)
    expect(fs.readFileSync(dataLayout.body(folder.dataDir, id))).toEqual(bodyBefore)
    expect(JSON.parse(fs.readFileSync(dataLayout.notes(folder.dataDir, id), 'utf8')).notes).toMatchObject([
      { text: 'À vérifier.', color: '#ff0000' }
    ])
  })

  it('deletes a note, and says so when it is already gone', async () => {
    const dossier = await open()
    const { id, text } = await sampleArticle(dossier)
    const note = await highlight(dossier, id, text, 'Rabat')
    await dossier.handlers.deleteNote({ articleId: id, noteId: note.id })
    expect(await dossier.handlers.listNotes({ articleId: id })).toEqual([])
    await expect(dispatchApiCall(dossier.handlers, 'deleteNote', { articleId: id, noteId: note.id })).resolves.toEqual({
      ok: false,
      error: { code: 'not-found', message: 'That note no longer exists.', why: { code: 'note.gone', params: {} } }
    })
  })

  it('puts a deleted note back exactly as it was, once, to undo the deletion', async () => {
    const dossier = await open()
    const { id, text } = await sampleArticle(dossier)
    const note = await highlight(dossier, id, text, 'Pegasus')
    const tag = await dossier.handlers.createTag({ path: 'Thèmes/Surveillance' })
    const tagged = await dossier.handlers.setNoteTags({ articleId: id, noteId: note.id, tagIds: [tag.id] })
    await dossier.handlers.deleteNote({ articleId: id, noteId: note.id })
    expect(await dispatchApiCall(dossier.handlers, 'restoreNote', { note: tagged })).toEqual({
      ok: true,
      value: tagged
    })
    expect(await dossier.handlers.listNotes({ articleId: id })).toEqual([tagged])
    await expect(dispatchApiCall(dossier.handlers, 'restoreNote', { note: tagged })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-input' }
    })
  })

  it('answers not-found for an article that does not exist', async () => {
    const dossier = await open()
    await expect(
      dispatchApiCall(dossier.handlers, 'openArticle', { articleId: '00000000-0000-0000-0000-000000000000' })
    ).resolves.toMatchObject({ ok: false, error: { code: 'not-found' } })
  })
})

describe('files that cannot be trusted', () => {
  it('refuses a second Dossier on the same folder', async () => {
    await open()
    await expect(open()).rejects.toBeInstanceOf(DataDirLockedError)
  })

  it('sets a damaged notes file aside, tells the user, and starts that article’s notes from the last good copy', async () => {
    const first = await open()
    const { id, text } = await sampleArticle(first)
    await highlight(first, id, text, 'Rabat')
    await highlight(first, id, text, 'Pegasus')
    await close(first)
    fs.writeFileSync(dataLayout.notes(folder.dataDir, id), '{"schemaVersion":1,"notes":[{"id":')

    const reopened = await open()
    const notes = await reopened.handlers.listNotes({ articleId: id })
    expect(notes.map((note) => note.anchor.quote.exact)).toEqual(['Rabat'])
    const notices = await reopened.handlers.listNotices({})
    expect(notices).toHaveLength(1)
    expect(notices[0]!.message).toContain(`${id}.json could not be read`)
    expect(notices[0]!.message).toContain('restored the last good copy')
    const quarantine = path.join(folder.dataDir, 'notes', '.quarantine')
    expect(fs.readdirSync(quarantine).map((file) => fs.readFileSync(path.join(quarantine, file), 'utf8'))).toEqual([
      '{"schemaVersion":1,"notes":[{"id":'
    ])
    await reopened.handlers.dismissNotice({ noticeId: notices[0]!.id })
    expect(await reopened.handlers.listNotices({})).toEqual([])
  })

  it('leaves a library written by a newer Dossier untouched and refuses to open it', async () => {
    await close(await open())
    const newer = JSON.stringify({ schemaVersion: 99, articles: [], future: true })
    fs.writeFileSync(dataLayout.library(folder.dataDir), newer)
    await expect(open()).rejects.toThrow(/newer version of Dossier \(schema 99/)
    expect(fs.readFileSync(dataLayout.library(folder.dataDir), 'utf8')).toBe(newer)
    // The refusal released the folder: a fixed Dossier could open it.
    expect(fs.existsSync(path.join(folder.dataDir, 'dossier.lock'))).toBe(false)
  })

  it('stamps a file from before schema versions with the current version', async () => {
    fs.writeFileSync(dataLayout.library(folder.dataDir), JSON.stringify({ articles: [] }))
    const dossier = await open()
    expect(await dossier.handlers.listArticles({})).toEqual([])
  })
})

describe('tags on notes', () => {
  it('creates hierarchical tags once, attaches them to notes by id, and keeps both across a restart', async () => {
    const dossier = await open()
    const { id, text } = await sampleArticle(dossier)
    const note = await highlight(dossier, id, text, 'Pegasus')
    const israel = await dossier.handlers.createTag({ path: ' Acteurs / Israël ' })
    expect(israel).toMatchObject({ path: 'Acteurs/Israël', description: '' })
    expect(israel.color).toMatch(/^#[0-9a-f]{6}$/)
    // The same name typed without accents or capitals is the same tag.
    expect(await dossier.handlers.createTag({ path: 'acteurs/israel' })).toEqual(israel)
    const arms = await dossier.handlers.createTag({ path: 'Thèmes/Armement', color: '#123456' })
    await dossier.handlers.setNoteTags({ articleId: id, noteId: note.id, tagIds: [israel.id, arms.id, israel.id] })
    await dossier.handlers.updateNote({
      articleId: id,
      noteId: note.id,
      changes: { text: 'Logiciel *espion* : vérifier.' }
    })
    await close(dossier)

    const reopened = await open()
    expect((await reopened.handlers.listTags({})).map((tag) => tag.path)).toEqual(['Acteurs/Israël', 'Thèmes/Armement'])
    const [stored] = await reopened.handlers.listNotes({ articleId: id })
    expect(stored).toMatchObject({ tagIds: [israel.id, arms.id], text: 'Logiciel *espion* : vérifier.' })
    // Tags are stored once, in the library file; the note holds ids only.
    expect(fs.readFileSync(dataLayout.notes(folder.dataDir, id), 'utf8')).not.toContain('Armement')
  })

  it('refuses a tag id that names no tag, and an unusable tag name', async () => {
    const dossier = await open()
    const { id, text } = await sampleArticle(dossier)
    const note = await highlight(dossier, id, text, 'Rabat')
    await expect(
      dispatchApiCall(dossier.handlers, 'setNoteTags', { articleId: id, noteId: note.id, tagIds: ['missing-tag'] })
    ).resolves.toMatchObject({ ok: false, error: { code: 'not-found' } })
    await expect(dispatchApiCall(dossier.handlers, 'createTag', { path: 'a/b/c/d/e/f/g' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-input' }
    })
    expect((await dossier.handlers.listNotes({ articleId: id }))[0]!.tagIds).toEqual([])
  })

  it('renames a tag with its children, recolours it, and deletes it from every note, undoably', async () => {
    const dossier = await open()
    const { id, text } = await sampleArticle(dossier)
    const note = await highlight(dossier, id, text, 'Rabat')
    const parent = await dossier.handlers.createTag({ path: 'Acteurs' })
    const child = await dossier.handlers.createTag({ path: 'Acteurs/Maroc' })
    const other = await dossier.handlers.createTag({ path: 'Lieux/Rabat' })
    await dossier.handlers.setNoteTags({ articleId: id, noteId: note.id, tagIds: [child.id, other.id] })
    const libraryBefore = fs.statSync(dataLayout.notes(folder.dataDir, id)).mtimeMs

    const renamed = await dossier.handlers.renameTag({ tagId: parent.id, path: 'Protagonistes' })
    expect(renamed.map((tag) => tag.path)).toEqual(['Protagonistes', 'Protagonistes/Maroc', 'Lieux/Rabat'])
    // A rename touches the tag list only, never a notes file.
    expect(fs.statSync(dataLayout.notes(folder.dataDir, id)).mtimeMs).toBe(libraryBefore)
    expect((await dossier.handlers.recolorTag({ tagId: child.id, color: '#112233' }))[1]!.color).toBe('#112233')
    expect(await dossier.handlers.tagUsage({})).toEqual([[child.id, other.id]])

    const { tagged } = await dossier.handlers.deleteTag({ tagId: child.id })
    expect(tagged).toEqual([{ articleId: id, noteId: note.id }])
    expect((await dossier.handlers.listNotes({ articleId: id }))[0]!.tagIds).toEqual([other.id])
    const restoredTag = { ...child, path: 'Protagonistes/Maroc', color: '#112233' }
    await dossier.handlers.restoreTag({ tag: restoredTag, tagged })
    expect((await dossier.handlers.listNotes({ articleId: id }))[0]!.tagIds).toEqual([other.id, child.id])
    expect((await dossier.handlers.listTags({})).map((tag) => tag.path)).toContain('Protagonistes/Maroc')
  })
})
