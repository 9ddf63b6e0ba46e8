// Issue 14: a parent tag with no record of its own (« Acteurs » of « Acteurs/Israël ») is renamed,
// recoloured and merged as a whole branch; a merge spans files, so a crash part-way through is
// completed at the next start like any other tag merge.
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { articlePlainText } from '../../shared/domain/article'
import type { Dossier } from './dossier'
import { intentsFolder } from './intentLog'
import { useTempDossiers } from './testing/tempDossiers'

let crashAfter: number | null = null

const folder = useTempDossiers('dossier-tag-branch-', () => ({
  sampleArticle: null,
  now: () => new Date('2026-01-15T14:00:00Z'),
  tagOperationHooks: {
    notesFilesWritten: (count) => {
      if (count === crashAfter) throw new Error('simulated crash')
    }
  }
}))

/** Two articles (two notes files), one note each: « Rabat » [Acteurs/Maroc], « Gaza » [Acteurs/Israël]. */
async function library(dossier: Dossier) {
  const refs: Record<string, { articleId: string; noteId: string }> = {}
  for (const quote of ['Rabat', 'Gaza']) {
    const outcome = await dossier.handlers.importPaste({ text: `${quote} attend la suite des discussions.` })
    if (!outcome.ok) throw new Error(outcome.reason)
    const { body } = await dossier.handlers.openArticle({ articleId: outcome.article.id })
    const start = articlePlainText(body.blocks).indexOf(quote)
    const note = await dossier.handlers.createNote({
      articleId: outcome.article.id,
      range: { start, end: start + quote.length },
      expectedQuote: quote
    })
    refs[quote] = { articleId: outcome.article.id, noteId: note.id }
  }
  const maroc = await dossier.handlers.createTag({ path: 'Acteurs/Maroc', color: '#2563eb' })
  const israel = await dossier.handlers.createTag({ path: 'Acteurs/Israël', color: '#059669' })
  const pays = await dossier.handlers.createTag({ path: 'Pays', color: '#dc2626' })
  await dossier.handlers.setNoteTags({ ...refs['Rabat']!, tagIds: [maroc.id] })
  await dossier.handlers.setNoteTags({ ...refs['Gaza']!, tagIds: [israel.id] })
  return { refs, ids: { maroc: maroc.id, israel: israel.id, pays: pays.id } }
}

async function notePaths(dossier: Dossier, refs: Record<string, { articleId: string; noteId: string }>) {
  const paths = new Map((await dossier.handlers.listTags({})).map((tag) => [tag.id, tag.path]))
  const result: Record<string, string[]> = {}
  for (const [quote, { articleId, noteId }] of Object.entries(refs)) {
    const note = (await dossier.handlers.listNotes({ articleId })).find((candidate) => candidate.id === noteId)!
    result[quote] = note.tagIds.map((id) => paths.get(id) ?? 'missing')
  }
  return result
}

describe('parent tag branches', () => {
  it('renames a parent with no record: every tag under it moves and notes keep their tags', async () => {
    crashAfter = null
    const dossier = await folder.open()
    const { refs } = await library(dossier)
    const tags = await dossier.handlers.renameTagBranch({ path: 'acteurs', newPath: 'Protagonistes' })
    expect(tags.map((tag) => tag.path)).toEqual(['Protagonistes/Maroc', 'Protagonistes/Israël', 'Pays'])
    expect(await notePaths(dossier, refs)).toEqual({ Rabat: ['Protagonistes/Maroc'], Gaza: ['Protagonistes/Israël'] })
  })

  it('recolours several tags in one write', async () => {
    crashAfter = null
    const dossier = await folder.open()
    const { ids } = await library(dossier)
    const tags = await dossier.handlers.recolorTags({
      colors: [
        { tagId: ids.maroc, color: '#000000' },
        { tagId: ids.israel, color: '#000000' }
      ]
    })
    expect(tags.map((tag) => tag.color)).toEqual(['#000000', '#000000', '#dc2626'])
  })

  it('merges a parent with no record into a tag, and undoes it exactly', async () => {
    crashAfter = null
    const dossier = await folder.open()
    const { refs, ids } = await library(dossier)
    const merged = await dossier.handlers.mergeTagBranch({ path: 'Acteurs', intoId: ids.pays })
    expect(merged.tags.map((tag) => tag.path)).toEqual(['Pays/Maroc', 'Pays/Israël', 'Pays'])
    expect(await notePaths(dossier, refs)).toEqual({ Rabat: ['Pays/Maroc'], Gaza: ['Pays/Israël'] })
    const undone = await dossier.handlers.undoMergeTags({ changes: merged.changes })
    expect(undone.map((tag) => tag.path)).toEqual(['Acteurs/Maroc', 'Acteurs/Israël', 'Pays'])
  })

  it('completes at the next start a branch merge that a crash cut short', async () => {
    const dossier = await folder.open()
    const { refs, ids } = await library(dossier)
    // Folding « Acteurs/Israël » into an existing « Pays/Israël » rewrites a notes file.
    const paysIsrael = await dossier.handlers.createTag({ path: 'Pays/Israël', color: null })
    await dossier.handlers.setNoteTags({ ...refs['Rabat']!, tagIds: [ids.maroc, paysIsrael.id] })
    // The crash comes after the first notes file: the next start writes the one left (1 note).
    crashAfter = 1
    await expect(dossier.handlers.mergeTagBranch({ path: 'Acteurs', intoId: ids.pays })).rejects.toThrow(
      'simulated crash'
    )
    await folder.close(dossier)
    crashAfter = null
    const reopened = await folder.open()
    expect(await notePaths(reopened, refs)).toEqual({ Rabat: ['Pays/Maroc', 'Pays/Israël'], Gaza: ['Pays/Israël'] })
    expect((await reopened.handlers.listNotices({})).map((notice) => notice.message)).toEqual([
      'A tag merge (« Acteurs » into « Pays ») interrupted by a crash was completed: 1 note.'
    ])
    expect(fs.readdirSync(intentsFolder(folder.dataDir))).toEqual([])
  })
})
