// Start-up of a data folder that is not in the state Dossier left it: read-only, with broken
// service folders, crashed writers' leftovers, a lost library, an unreadable notes file. Each
// case on a real data folder, through openDossier and its handlers, as the app calls them.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatchApiCall } from '../../../shared/api/dispatch'
import { articlePlainText } from '../../../shared/domain/article'
import { DataDirLockedError, LOCK_FILE_NAME } from '../../storage/dataDirLock'
import type { Dossier } from '../dossier'
import { dataLayout } from '../schema'
import { useTempDossiers } from '../testing/tempDossiers'
import { startupFailureMessage } from './startupFailure'
import { simulatedWriteFailure } from './writeAccess'

const folder = useTempDossiers('dossier-startup-', () => ({ backgroundStartMs: 60_000 }))
const PASSAGE = 'lieutenant-général Aviv Kochavi'
const DEAD_PID = 4_000_001

async function highlight(dossier: Dossier, articleId: string) {
  const opened = await dossier.handlers.openArticle({ articleId })
  const start = articlePlainText(opened.body.blocks).indexOf(PASSAGE)
  return dossier.handlers.createNote({
    articleId,
    range: { start, end: start + PASSAGE.length },
    expectedQuote: PASSAGE
  })
}

/** A library of the sample and a pasted article, the sample with one tagged note; closed. */
async function seededFolder() {
  const dossier = await folder.open()
  const [sample] = await dossier.handlers.listArticles({})
  const pasted = await dossier.handlers.importPaste({ text: 'Rapport annuel\n\nLe budget de la défense augmente.' })
  if (!pasted.ok) throw new Error(pasted.reason)
  const note = await highlight(dossier, sample!.id)
  const tag = await dossier.handlers.createTag({ path: 'Acteurs/Israël' })
  await dossier.handlers.setNoteTags({ articleId: sample!.id, noteId: note.id, tagIds: [tag.id] })
  await folder.close(dossier)
  return { sampleId: sample!.id, pastedId: pasted.article.id, tagId: tag.id }
}

/** Every file under the data folder with its bytes, to prove that nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {}
  for (const entry of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const full = path.join(dir, entry)
    if (fs.statSync(full).isFile()) files[entry] = fs.readFileSync(full, 'base64')
  }
  return files
}

const messages = async (dossier: Dossier) => (await dossier.handlers.listNotices({})).map((notice) => notice.message)

describe('read-only start', () => {
  it('on a full disk: reads work, every write is refused in words, a lasting notice says why, and no file changes', async () => {
    const { sampleId } = await seededFolder()
    const before = snapshot(folder.dataDir)

    const dossier = await folder.open({ writeProbe: simulatedWriteFailure('ENOSPC')! })

    expect(dossier.readOnly).toBe(
      `Dossier is read-only: the disk is full (${folder.dataDir}). Your library is shown but changes cannot be saved.`
    )
    expect((await dossier.handlers.listArticles({})).map((article) => article.noteCount).sort()).toEqual([0, 1])
    expect(await dossier.handlers.listNotes({ articleId: sampleId })).toHaveLength(1)
    const notices = await dossier.handlers.listNotices({})
    expect(notices).toEqual([
      expect.objectContaining({
        level: 'error',
        lasting: true,
        message: dossier.readOnly,
        code: 'readOnly.bannerDiskFull',
        params: { dataDir: folder.dataDir }
      })
    ])
    for (const [method, input] of [
      ['createNote', { articleId: sampleId, range: { start: 0, end: 3 }, expectedQuote: 'Le ' }],
      ['importPaste', { text: 'Un autre article' }],
      ['createTag', { path: 'Lieux' }]
    ] as const) {
      expect(await dispatchApiCall(dossier.handlers, method, input)).toEqual({
        ok: false,
        error: {
          code: 'storage-failed',
          message: 'Dossier is read-only because the disk is full: this change was not saved.',
          why: { code: 'readOnly.refusedDiskFull', params: {} }
        }
      })
    }
    expect(await dispatchApiCall(dossier.handlers, 'dismissNotice', { noticeId: notices[0]!.id })).toMatchObject({
      ok: false
    })
    expect(fs.existsSync(path.join(folder.dataDir, LOCK_FILE_NAME))).toBe(false)
    await folder.close(dossier)
    expect(snapshot(folder.dataDir)).toEqual(before)
  })

  it('in a folder that cannot be written, the banner says so', async () => {
    await seededFolder()
    const dossier = await folder.open({ writeProbe: simulatedWriteFailure('EROFS')! })
    expect(await messages(dossier)).toEqual([
      `Dossier is read-only: the data folder cannot be written (${folder.dataDir}). Your library is shown but changes cannot be saved.`
    ])
  })

  it('still refuses to run beside a live Dossier that holds the folder', async () => {
    await folder.open()
    await expect(folder.open({ writeProbe: simulatedWriteFailure('ENOSPC')! })).rejects.toBeInstanceOf(
      DataDirLockedError
    )
  })
})

describe('service folders that are not folders', () => {
  it('starts with notes/.backups and .quarantine as files: moved aside, made anew, the user told', async () => {
    const { sampleId } = await seededFolder()
    fs.rmSync(path.join(folder.dataDir, 'notes', '.backups'), { recursive: true, force: true })
    fs.writeFileSync(path.join(folder.dataDir, 'notes', '.backups'), 'junk')
    fs.rmSync(path.join(folder.dataDir, '.quarantine'), { recursive: true, force: true })
    fs.writeFileSync(path.join(folder.dataDir, '.quarantine'), 'junk')

    const dossier = await folder.open()

    expect(await dossier.handlers.listNotes({ articleId: sampleId })).toHaveLength(1)
    const told = await messages(dossier)
    expect(told).toHaveLength(2)
    expect(told[0]).toMatch(
      /^\.quarantine in the data folder was not usable \(it is a file, not a folder\); Dossier moved it to \.quarantine\.damaged-/
    )
    expect(told[1]).toMatch(/^notes\/\.backups in the data folder was not usable \(it is a file, not a folder\)/)
    expect(fs.statSync(path.join(folder.dataDir, 'notes', '.backups')).isDirectory()).toBe(true)
    const aside = fs.readdirSync(path.join(folder.dataDir, 'notes')).filter((name) => name.includes('.damaged-'))
    expect(aside.map((name) => fs.readFileSync(path.join(folder.dataDir, 'notes', name), 'utf8'))).toEqual(['junk'])
  })
})

describe('housekeeping', () => {
  it('without a restore: removes dead writers’ temp files and a crashed import’s body; an entry-less body with notes goes to the trash', async () => {
    const { sampleId, pastedId } = await seededFolder()
    const library = JSON.parse(fs.readFileSync(dataLayout.library(folder.dataDir), 'utf8'))
    // Both entries lost, as if a crash came between writing the bodies and the library.
    library.articles = []
    fs.writeFileSync(dataLayout.library(folder.dataDir), JSON.stringify(library))
    const temps = [`.library.json.${DEAD_PID}.abcdef012345.tmp`, `articles/.x.json.${DEAD_PID}.abcdef012345.tmp`]
    for (const temp of temps) fs.writeFileSync(path.join(folder.dataDir, temp), 'partial')

    const dossier = await folder.open()

    expect(fs.existsSync(dataLayout.body(folder.dataDir, pastedId))).toBe(false)
    for (const temp of temps) expect(fs.existsSync(path.join(folder.dataDir, temp))).toBe(false)
    expect(await dossier.handlers.listArticles({})).toEqual([])
    const trash = await dossier.handlers.listTrash({})
    expect(trash.map(({ id, noteCount }) => ({ id, noteCount }))).toEqual([{ id: sampleId, noteCount: 1 }])
    expect(trash[0]!.title).toMatch(/^Le chef d'état-major/)
    expect(await messages(dossier)).toEqual([
      `1 article with notes had lost its library entry; it is back, in the trash: « ${trash[0]!.title} ».`
    ])
  })

  it('an entry-less body comes back counting its notes on the whole article as well as its passage notes', async () => {
    const { sampleId } = await seededFolder()
    const withArticleNote = await folder.open()
    await withArticleNote.handlers.createArticleNote({ articleId: sampleId, text: 'Source à recouper.' })
    await folder.close(withArticleNote)
    const library = JSON.parse(fs.readFileSync(dataLayout.library(folder.dataDir), 'utf8'))
    library.articles = []
    fs.writeFileSync(dataLayout.library(folder.dataDir), JSON.stringify(library))

    const dossier = await folder.open()

    const trash = await dossier.handlers.listTrash({})
    expect(trash.map(({ id, noteCount }) => ({ id, noteCount }))).toEqual([{ id: sampleId, noteCount: 2 }])
  })

  it('after library.json is lost: relinks every body from its file and recreates the tags notes still carry, under Recovered/', async () => {
    const { sampleId, pastedId, tagId } = await seededFolder()
    fs.writeFileSync(dataLayout.library(folder.dataDir), '{"schemaVersion": 2, "articles": [')
    for (const name of fs.readdirSync(folder.dataDir)) {
      if (name.startsWith('.backups')) fs.rmSync(path.join(folder.dataDir, name), { recursive: true })
    }

    const dossier = await folder.open()

    const articles = await dossier.handlers.listArticles({})
    expect(articles.map(({ id, noteCount }) => ({ id, noteCount })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [
        { id: sampleId, noteCount: 1 },
        { id: pastedId, noteCount: 0 }
      ].sort((a, b) => a.id.localeCompare(b.id))
    )
    expect(articles.find((article) => article.id === pastedId)!.title).toBe('Rapport annuel')
    expect(await dossier.handlers.listTags({})).toEqual([
      {
        id: tagId,
        path: 'Recovered/Tag 1',
        color: null,
        description: 'Recreated at start-up: notes carried this tag, but the restored library had lost it.'
      }
    ])
    const told = await messages(dossier)
    expect(told).toContain(
      '1 tag used by 1 note had been lost with the older library; it is back as Recovered/Tag 1. Rename it under Tags….'
    )
    expect(told.find((message) => message.startsWith('2 articles missing from the library'))).toMatch(
      /came back from their saved text: « .+ », « .+ »\. Their title and details may need correcting under Article info\.$/
    )
    // The damaged library is kept, not overwritten.
    expect(fs.readdirSync(path.join(folder.dataDir, '.quarantine'))).toHaveLength(1)
  })
})

describe('one unreadable notes file', () => {
  it('costs that article its notes only, with one message naming the file and one notice', async () => {
    const { sampleId, pastedId } = await seededFolder()
    const notesFile = dataLayout.notes(folder.dataDir, sampleId)
    fs.rmSync(notesFile)
    fs.mkdirSync(notesFile)
    // No count kept in the library either, so listing must read the (unreadable) file.
    const library = JSON.parse(fs.readFileSync(dataLayout.library(folder.dataDir), 'utf8'))
    for (const article of library.articles) delete article.noteCount
    fs.writeFileSync(dataLayout.library(folder.dataDir), JSON.stringify(library))

    const dossier = await folder.open()

    const listed = await dossier.handlers.listArticles({})
    expect(listed.map((article) => article.id).sort()).toEqual([sampleId, pastedId].sort())
    const expected = `notes/${sampleId}.json (it is a folder, not a file). The rest of the library is not affected.`
    const first = await dispatchApiCall(dossier.handlers, 'listNotes', { articleId: sampleId })
    expect(first).toMatchObject({ ok: false, error: { code: 'storage-failed' } })
    expect(!first.ok && first.error.message).toMatch(/^The notes of « Le chef d'état-major.* » could not be read: /)
    expect(!first.ok && first.error.message.endsWith(expected)).toBe(true)
    await dispatchApiCall(dossier.handlers, 'listNotes', { articleId: sampleId })
    expect(await messages(dossier)).toEqual([
      `The notes of an article could not be read: ${expected} Data folder: ${folder.dataDir}.`
    ])
    expect(await dossier.handlers.listNotes({ articleId: pastedId })).toEqual([])
  })
})

describe('a start that cannot go on', () => {
  it('library.json that is a folder: one line naming the file and the reason, and the lock released', async () => {
    fs.mkdirSync(dataLayout.library(folder.dataDir), { recursive: true })
    const failed = await folder.open().catch((error: unknown) => error)
    expect(startupFailureMessage(failed)).toBe(
      `Dossier did not start: ${dataLayout.library(folder.dataDir)} could not be used (it is a folder where a file was expected, EISDIR).`
    )
    expect(fs.existsSync(path.join(folder.dataDir, LOCK_FILE_NAME))).toBe(false)
  })
})
