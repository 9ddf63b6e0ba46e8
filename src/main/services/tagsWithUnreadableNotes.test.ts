// Tag counts and library-wide tag changes when one article's notes file cannot be read: the
// counts leave that file out and a notice names it; a delete, merge or restore, which must
// reach every note carrying the tag, is refused with a message naming the file, and changes nothing.
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Dossier } from './dossier'
import { dataLayout } from './schema'
import { firstArticle, highlightQuote, useTempDossiers } from './testing/tempDossiers'

const folder = useTempDossiers('dossier-tags-unreadable-')

/** The sample article and « Alger », one note each tagged Lieux/Maghreb; then Alger's notes file is made a folder. */
async function libraryWithUnreadableNotes() {
  const first = await folder.open()
  const sample = await firstArticle(first)
  const pasted = await first.handlers.importPaste({ text: 'Alger rejette tout accord de pêche.' })
  if (!pasted.ok) throw new Error(pasted.reason)
  const alger = pasted.article.id
  const tag = await first.handlers.createTag({ path: 'Lieux/Maghreb' })
  const other = await first.handlers.createTag({ path: 'Lieux/Afrique' })
  const sampleNote = await highlightQuote(first, sample.id, sample.text, 'Rabat')
  const algerNote = await highlightQuote(first, alger, 'Alger rejette tout accord de pêche.', 'accord')
  await first.handlers.setNoteTags({ articleId: sample.id, noteId: sampleNote.id, tagIds: [tag.id] })
  await first.handlers.setNoteTags({ articleId: alger, noteId: algerNote.id, tagIds: [tag.id] })
  await folder.close(first)
  // A folder where the notes file should be: it cannot be read, and no backup replaces it.
  fs.rmSync(dataLayout.notes(folder.dataDir, alger))
  fs.mkdirSync(dataLayout.notes(folder.dataDir, alger))
  return { sample, alger, tag, other, sampleNote }
}

/** The title is the pasted text's first sentence; nothing changed, so the rest of the library is indeed as it was. */
const refusal = (alger: string) =>
  `The notes of « Alger rejette tout accord de pêche » could not be read: notes/${alger}.json (it is a folder, not a file).` +
  ' The rest of the library is not affected.'

async function sampleNoteTags(dossier: Dossier, articleId: string, noteId: string) {
  return (await dossier.handlers.listNotes({ articleId })).find((note) => note.id === noteId)?.tagIds
}

describe('tags over a library with an unreadable notes file', () => {
  it('counts the notes of the other files, and a notice names the file left out', async () => {
    const { alger, tag } = await libraryWithUnreadableNotes()
    const dossier = await folder.open()
    expect(await dossier.handlers.tagUsage({})).toEqual([[tag.id]])
    const notices = (await dossier.handlers.listNotices({})).map((notice) => notice.message)
    expect(notices.filter((message) => message.includes(`notes/${alger}.json`))).toHaveLength(1)
  })

  it('refuses to delete a tag, naming the file, and leaves the tag and every note as they were', async () => {
    const { sample, alger, tag, sampleNote } = await libraryWithUnreadableNotes()
    const dossier = await folder.open()
    await expect(dossier.handlers.deleteTag({ tagId: tag.id })).rejects.toThrow(refusal(alger))
    expect((await dossier.handlers.listTags({})).map((listed) => listed.path)).toEqual([
      'Lieux/Maghreb',
      'Lieux/Afrique'
    ])
    expect(await sampleNoteTags(dossier, sample.id, sampleNote.id)).toEqual([tag.id])
  })

  it('refuses to merge a tag into another, and changes nothing', async () => {
    const { sample, alger, tag, other, sampleNote } = await libraryWithUnreadableNotes()
    const dossier = await folder.open()
    await expect(dossier.handlers.mergeTags({ fromId: tag.id, intoId: other.id })).rejects.toThrow(refusal(alger))
    expect((await dossier.handlers.listTags({})).map((listed) => listed.path)).toEqual([
      'Lieux/Maghreb',
      'Lieux/Afrique'
    ])
    expect(await sampleNoteTags(dossier, sample.id, sampleNote.id)).toEqual([tag.id])
  })

  it('refuses to put a deleted tag back while a note it was on cannot be read', async () => {
    const { sample, alger, tag, sampleNote } = await libraryWithUnreadableNotes()
    const dossier = await folder.open()
    const tagged = [
      { articleId: sample.id, noteId: sampleNote.id },
      { articleId: alger, noteId: 'a-note-of-alger' }
    ]
    const gone = { ...tag, path: 'Lieux/Levant', id: crypto.randomUUID() }
    await expect(dossier.handlers.restoreTag({ tag: gone, tagged })).rejects.toThrow(refusal(alger))
    expect((await dossier.handlers.listTags({})).map((listed) => listed.path)).toEqual([
      'Lieux/Maghreb',
      'Lieux/Afrique'
    ])
  })
})
