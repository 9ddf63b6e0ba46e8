// Briefings on a real data folder: stored in their own file, surviving a restart, composed
// over the library (trash and deleted articles included) and exported in every format.
import fs from 'node:fs'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { dispatchApiCall } from '../../../shared/api/dispatch'
import type { BriefingItem } from '../../../shared/briefing/document'
import type { Briefing, ComposedBriefing } from '../../../shared/briefing/spec'
import { articlePlainText } from '../../../shared/domain/article'
import { type Dossier } from '../dossier'
import { useTempDossiers } from '../testing/tempDossiers'
import { JsonDocument } from '../jsonDocument'
import { dataLayout } from '../schema'
import { paragraphAt, PDF_NEEDS_DESKTOP } from './handlers'

const TITLE = 'Maroc/Israël : la coopération militaire'
const SAFE_TITLE = 'Maroc-Israël - la coopération militaire'

let clock: number
const folder = useTempDossiers('dossier-briefings-', () => ({
  // Each reading of the clock is a minute later, so « most recent first » is well defined.
  now: () => new Date(Date.UTC(2024, 2, 4, 9, clock++))
}))
const open = folder.open
const close = folder.close
beforeEach(() => {
  clock = 0
})

async function article(dossier: Dossier, index = 0) {
  const summary = (await dossier.handlers.listArticles({}))[index]!
  const { body } = await dossier.handlers.openArticle({ articleId: summary.id })
  return { id: summary.id, title: summary.title, blocks: body.blocks, text: articlePlainText(body.blocks) }
}

async function highlight(dossier: Dossier, articleId: string, quote: string, occurrence = 0) {
  const text = articlePlainText((await dossier.handlers.openArticle({ articleId })).body.blocks)
  let start = -1
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1)
  return dossier.handlers.createNote({ articleId, range: { start, end: start + quote.length }, expectedQuote: quote })
}

async function pasteArticle(dossier: Dossier, text: string) {
  const outcome = await dossier.handlers.importPaste({ text })
  if (!outcome.ok) throw new Error(outcome.reason)
  return outcome.article.id
}

/** 1-based index of the block holding the first occurrence of the quote. */
function blockOf(blocks: { text: string }[], quote: string): number {
  return blocks.findIndex((block) => block.text.includes(quote)) + 1
}

function items(composed: ComposedBriefing): BriefingItem[] {
  return composed.document.sections.flatMap((section) => section.items)
}

describe('storing briefings', () => {
  it('keeps them in briefings.json, which neither a library change nor a note save rewrites', async () => {
    const dossier = await open()
    const { id } = await article(dossier)
    const libraryBefore = fs.readFileSync(dataLayout.library(folder.dataDir), 'utf8')
    await dossier.handlers.createBriefing({ title: TITLE })
    expect(fs.readFileSync(dataLayout.library(folder.dataDir), 'utf8')).toBe(libraryBefore)
    const stored = JSON.parse(fs.readFileSync(dataLayout.briefings(folder.dataDir), 'utf8'))
    expect(stored).toMatchObject({ schemaVersion: 2, briefings: [{ frontMatter: { title: TITLE } }] })

    const briefingsBefore = fs.statSync(dataLayout.briefings(folder.dataDir)).mtimeMs
    await highlight(dossier, id, 'Pegasus')
    await dossier.handlers.createTag({ path: 'Acteurs/Maroc' })
    expect(fs.statSync(dataLayout.briefings(folder.dataDir)).mtimeMs).toBe(briefingsBefore)
  })

  it('does not create the file until there is a briefing', async () => {
    await open()
    expect(fs.existsSync(dataLayout.briefings(folder.dataDir))).toBe(false)
  })

  it('creates, renames, duplicates, deletes and restores, and all of it survives reopening the folder', async () => {
    const dossier = await open()
    const created = await dossier.handlers.createBriefing({ title: '  Revue de presse  ' })
    expect(created).toMatchObject({
      frontMatter: { title: 'Revue de presse', subtitle: '', date: '2024-03-04' },
      grouping: 'tag-top',
      order: 'document',
      quoteLimit: null,
      language: 'fr',
      includedNoteIds: [],
      excludedNoteIds: []
    })
    const untitled = await dossier.handlers.createBriefing({})
    expect(untitled.frontMatter.title).toBe('Dossier sans titre')

    const renamed = await dossier.handlers.updateBriefing({
      briefingId: created.id,
      changes: {
        frontMatter: { title: TITLE, author: 'Cellule Afrique du Nord' },
        filter: { text: 'armée' },
        grouping: 'article',
        quoteLimit: 280,
        sections: { all: { intro: 'Introduction' } }
      }
    })
    expect(renamed).toMatchObject({
      frontMatter: { title: TITLE, author: 'Cellule Afrique du Nord', subtitle: '' },
      filter: { text: 'armée', tagMode: 'any', tagIds: [] },
      grouping: 'article',
      quoteLimit: 280
    })
    expect(renamed.updatedAt > created.updatedAt).toBe(true)
    const unlimited = await dossier.handlers.updateBriefing({ briefingId: created.id, changes: { quoteLimit: null } })
    expect(unlimited.quoteLimit).toBeNull()

    const copy = await dossier.handlers.duplicateBriefing({ briefingId: created.id })
    expect(copy.id).not.toBe(created.id)
    expect(copy).toMatchObject({ frontMatter: { title: `${TITLE} (copie)` }, filter: { text: 'armée' } })

    const { briefing: deleted } = await dossier.handlers.deleteBriefing({ briefingId: untitled.id })
    expect(deleted).toEqual(untitled)
    await close(dossier)

    const reopened = await open()
    const list = await reopened.handlers.listBriefings({})
    expect(list.map((summary) => summary.title)).toEqual([`${TITLE} (copie)`, TITLE])
    expect(await reopened.handlers.getBriefing({ briefingId: created.id })).toEqual(unlimited)
    await expect(dispatchApiCall(reopened.handlers, 'getBriefing', { briefingId: untitled.id })).resolves.toEqual({
      ok: false,
      error: {
        code: 'not-found',
        message: 'That briefing no longer exists.',
        why: { code: 'briefing.gone', params: {} }
      }
    })

    // Undo goes through the contract, as the renderer sends it back.
    expect(await dispatchApiCall(reopened.handlers, 'restoreBriefing', { briefing: deleted })).toEqual({
      ok: true,
      value: deleted
    })
    await expect(dispatchApiCall(reopened.handlers, 'restoreBriefing', { briefing: deleted })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-input' }
    })
    await close(reopened)
    const again = await open()
    expect((await again.handlers.listBriefings({})).map((summary) => summary.id)).toContain(untitled.id)
  })

  it('refuses a briefing record that is not one, and changes to a briefing that is gone', async () => {
    const dossier = await open()
    const briefing = await dossier.handlers.createBriefing({ title: 'x' })
    const broken = { ...briefing, snapshots: { n1: { articleId: 'a1' } } }
    await expect(dispatchApiCall(dossier.handlers, 'restoreBriefing', { briefing: broken })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-input' }
    })
    await dossier.handlers.deleteBriefing({ briefingId: briefing.id })
    await expect(
      dispatchApiCall(dossier.handlers, 'updateBriefing', { briefingId: briefing.id, changes: { grouping: 'none' } })
    ).resolves.toMatchObject({ ok: false, error: { code: 'not-found' } })
  })
})

describe('composing', () => {
  it('cites the notes the filter selects, with paragraph numbers from the article blocks, and counts them in the list', async () => {
    const dossier = await open()
    const sample = await article(dossier)
    const tag = await dossier.handlers.createTag({ path: 'Lieux/Rabat' })
    const rabat = await highlight(dossier, sample.id, 'Rabat')
    const pegasus = await highlight(dossier, sample.id, 'Pegasus', 1)
    await highlight(dossier, sample.id, 'Globes')
    await dossier.handlers.setNoteTags({ articleId: sample.id, noteId: pegasus.id, tagIds: [tag.id] })
    await dossier.handlers.setNoteTags({ articleId: sample.id, noteId: rabat.id, tagIds: [tag.id] })

    const briefing = await dossier.handlers.createBriefing({ title: TITLE, filter: { tagIds: [tag.id] } })
    const composed = await dossier.handlers.composeBriefing({ briefingId: briefing.id })
    expect(composed.document.sections.map((section) => section.heading)).toEqual(['Lieux'])
    expect(items(composed).map((item) => [item.noteId, item.quote, item.sourceNumber])).toEqual([
      [rabat.id, 'Rabat', 1],
      [pegasus.id, 'Pegasus', 1]
    ])
    const secondPegasus = sample.text.indexOf('Pegasus', sample.text.indexOf('Pegasus') + 1)
    const blockStarts = sample.blocks.map((_, i) => articlePlainText(sample.blocks.slice(0, i)).length + (i ? 2 : 0))
    const pegasusBlock = blockStarts.filter((start) => start <= secondPegasus).length
    expect(items(composed).map((item) => item.paragraph)).toEqual([blockOf(sample.blocks, 'Rabat'), pegasusBlock])
    expect(sample.blocks.length).toBeGreaterThan(1)
    expect(composed.document.sources).toEqual([
      expect.objectContaining({ number: 1, articleId: sample.id, title: sample.title, language: 'fr' })
    ])
    expect(composed.candidates.map((candidate) => candidate.noteId)).toEqual([rabat.id, pegasus.id])

    expect(await dossier.handlers.listBriefings({})).toEqual([
      { id: briefing.id, title: TITLE, updatedAt: briefing.updatedAt, noteCount: 2 }
    ])
  })

  it('makes a briefing from a selection of notes hold exactly that selection', async () => {
    const dossier = await open()
    const sample = await article(dossier)
    const rabat = await highlight(dossier, sample.id, 'Rabat')
    await highlight(dossier, sample.id, 'Pegasus')
    const briefing = await dossier.handlers.createBriefing({ includedNoteIds: [rabat.id, rabat.id] })
    expect(briefing.includedNoteIds).toEqual([rabat.id])
    // Creating it recorded the snapshot at once, before any export.
    expect(Object.keys(briefing.snapshots)).toEqual([rabat.id])
    expect(items(await dossier.handlers.composeBriefing({ briefingId: briefing.id })).map((i) => i.noteId)).toEqual([
      rabat.id
    ])
  })

  it('opens only the notes files of the articles a filter names', async () => {
    const first = await open()
    const sample = await article(first)
    const other = await pasteArticle(first, 'Accords d’Abraham\n\nDeux ans après, Rabat et Jérusalem coopèrent.')
    await highlight(first, sample.id, 'Rabat')
    await highlight(first, other, 'Jérusalem')
    await close(first)

    const dossier = await open()
    const openSpy = vi.spyOn(JsonDocument, 'open')
    const briefing = await dossier.handlers.createBriefing({ filter: { articleIds: [other] } })
    const composed = await dossier.handlers.composeBriefing({ briefingId: briefing.id })
    expect(items(composed).map((item) => item.quote)).toEqual(['Jérusalem'])
    const openedFiles = openSpy.mock.calls.map(([file]) => file)
    expect(openedFiles).toContain(dataLayout.notes(folder.dataDir, other))
    expect(openedFiles).not.toContain(dataLayout.notes(folder.dataDir, sample.id))
  })

  it('cites a trashed article normally, and the notes of one emptied from the trash from the snapshots', async () => {
    const dossier = await open()
    const sample = await article(dossier)
    const other = await pasteArticle(dossier, 'Accords d’Abraham\n\nDeux ans après, Rabat et Jérusalem coopèrent.')
    const tag = await dossier.handlers.createTag({ path: 'Acteurs/Maroc' })
    const kept = await highlight(dossier, sample.id, 'Rabat')
    const doomed = await highlight(dossier, other, 'Rabat')
    for (const note of [kept, doomed])
      await dossier.handlers.setNoteTags({ articleId: note.articleId, noteId: note.id, tagIds: [tag.id] })
    const briefing = await dossier.handlers.createBriefing({ title: TITLE, filter: { tagIds: [tag.id] } })
    const before = await dossier.handlers.composeBriefing({ briefingId: briefing.id })
    expect(items(before).map((item) => item.noteId)).toEqual([kept.id, doomed.id])

    await dossier.handlers.trashArticle({ articleId: other })
    const trashed = await dossier.handlers.composeBriefing({ briefingId: briefing.id })
    expect(trashed.document.sections).toEqual(before.document.sections)
    expect(trashed.document.sources).toEqual(before.document.sources)

    // Changed after the last composition: emptying the trash snapshots it first, so the briefing has the last word.
    await dossier.handlers.updateNote({ articleId: other, noteId: doomed.id, changes: { text: 'Dernière version' } })
    const late = await highlight(dossier, other, 'Jérusalem')
    await dossier.handlers.setNoteTags({ articleId: other, noteId: late.id, tagIds: [tag.id] })
    await dossier.handlers.emptyTrash({})
    expect(fs.existsSync(dataLayout.notes(folder.dataDir, other))).toBe(false)
    await close(dossier)

    const reopened = await open()
    const after = await reopened.handlers.composeBriefing({ briefingId: briefing.id })
    expect(items(after).map((item) => [item.noteId, item.noteText, item.paragraph, item.sourceNumber])).toEqual([
      [kept.id, '', blockOf(sample.blocks, 'Rabat'), 1],
      [doomed.id, 'Dernière version', 2, 2],
      [late.id, '', 2, 2]
    ])
    expect(after.document.sources[1]).toMatchObject({ number: 2, articleId: other, title: 'Accords d’Abraham' })
    expect(after.candidates.filter((candidate) => candidate.fromSnapshot).map((c) => c.noteId)).toEqual([
      doomed.id,
      late.id
    ])
    const exported = await reopened.handlers.exportBriefing({
      briefingId: briefing.id,
      format: 'markdown',
      paper: 'a4'
    })
    expect(Buffer.from(exported.dataBase64, 'base64').toString('utf8')).toContain('Accords d’Abraham')
    expect(exported.noteCount).toBe(3)
  })
})

describe('notes that need review', () => {
  it('leaves them out until the briefing asks, then marks them; the choice is stored and old briefings read as no', async () => {
    const dossier = await open()
    const sample = await article(dossier)
    const tag = await dossier.handlers.createTag({ path: 'Thèmes/Armement' })
    const intact = await highlight(dossier, sample.id, 'système de défense aérienne et antimissile Barak')
    const changed = await highlight(dossier, sample.id, 'a démarré lundi sa visite au Maroc')
    const deleted = await highlight(dossier, sample.id, "Ni le pays, ni l'entreprise, ne l'ont confirmé publiquement.")
    for (const note of [intact, changed, deleted])
      await dossier.handlers.setNoteTags({ articleId: sample.id, noteId: note.id, tagIds: [tag.id] })
    const blocks = sample.blocks.map((block) => ({
      ...block,
      text: block.text
        .replace('démarré lundi', 'démarré mardi')
        .replace("Ni le pays, ni l'entreprise, ne l'ont confirmé publiquement. ", ''),
      runs: undefined
    }))
    await dossier.handlers.updateArticleBody({ articleId: sample.id, blocks })

    const briefing = await dossier.handlers.createBriefing({ title: TITLE, filter: { tagIds: [tag.id] } })
    expect(briefing.includeNotesNeedingReview).toBe(false)
    const composed = await dossier.handlers.composeBriefing({ briefingId: briefing.id })
    expect(items(composed).map((item) => item.noteId)).toEqual([intact.id])
    expect(composed.candidates.map((candidate) => [candidate.noteId, candidate.review])).toEqual([
      [changed.id, 'moved'],
      [intact.id, null],
      [deleted.id, 'orphaned']
    ])
    const markdown = async () =>
      Buffer.from(
        (await dossier.handlers.exportBriefing({ briefingId: briefing.id, format: 'markdown', paper: 'a4' }))
          .dataBase64,
        'base64'
      ).toString('utf8')
    expect(await markdown()).not.toContain('⚠')
    expect((await dossier.handlers.listBriefings({}))[0]!.noteCount).toBe(1)

    const asked = await dossier.handlers.updateBriefing({
      briefingId: briefing.id,
      changes: { includeNotesNeedingReview: true }
    })
    expect(asked.includeNotesNeedingReview).toBe(true)
    const all = items(await dossier.handlers.composeBriefing({ briefingId: briefing.id }))
    expect(all.map((item) => [item.quote, item.review])).toEqual([
      ['a démarré mardi sa visite au Maroc', 'moved'],
      ['système de défense aérienne et antimissile Barak', null],
      ["Ni le pays, ni l'entreprise, ne l'ont confirmé publiquement.", 'orphaned']
    ])
    const text = await markdown()
    expect(text).toContain('**⚠ Passage modifié depuis qu’il a été surligné**\n\n> a démarré mardi sa visite au Maroc')
    expect(text).toContain("**⚠ Passage qui ne figure plus dans l’article**\n\n> Ni le pays, ni l'entreprise")
    const stored = JSON.parse(fs.readFileSync(dataLayout.briefings(folder.dataDir), 'utf8'))
    expect(stored.briefings[0].includeNotesNeedingReview).toBe(true)

    // A briefing written before the choice existed opens as not asking.
    await close(dossier)
    delete stored.briefings[0].includeNotesNeedingReview
    fs.writeFileSync(dataLayout.briefings(folder.dataDir), JSON.stringify(stored))
    const reopened = await open()
    expect((await reopened.handlers.getBriefing({ briefingId: briefing.id })).includeNotesNeedingReview).toBe(false)
    expect(items(await reopened.handlers.composeBriefing({ briefingId: briefing.id })).map((i) => i.noteId)).toEqual([
      intact.id
    ])
  })
})

describe('exporting', () => {
  async function briefingWithNotes(dossier: Dossier): Promise<Briefing> {
    const sample = await article(dossier)
    await highlight(dossier, sample.id, 'Rabat')
    await highlight(dossier, sample.id, 'Pegasus')
    const created = await dossier.handlers.createBriefing({ title: TITLE, filter: { articleIds: [sample.id] } })
    return dossier.handlers.updateBriefing({ briefingId: created.id, changes: { grouping: 'article' } })
  }

  it.each([
    ['markdown', 'md', 'text/markdown; charset=utf-8'],
    ['html', 'html', 'text/html; charset=utf-8'],
    ['docx', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['jsonld', 'jsonld', 'application/ld+json']
  ] as const)('exports %s with a file name safe on every platform', async (format, extension, mimeType) => {
    const dossier = await open()
    const briefing = await briefingWithNotes(dossier)
    const file = await dossier.handlers.exportBriefing({ briefingId: briefing.id, format, paper: 'letter' })
    expect(file).toMatchObject({ fileName: `${SAFE_TITLE} - 2024-03-04.${extension}`, mimeType, noteCount: 2 })
    const bytes = Buffer.from(file.dataBase64, 'base64')
    expect(bytes.length).toBeGreaterThan(100)
    if (format === 'docx') expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')
    else expect(bytes.toString('utf8')).toContain('Pegasus')
    if (format === 'jsonld') expect(() => JSON.parse(bytes.toString('utf8'))).not.toThrow()
  })

  it('names the file after the briefing date the analyst set', async () => {
    const dossier = await open()
    const briefing = await briefingWithNotes(dossier)
    await dossier.handlers.updateBriefing({ briefingId: briefing.id, changes: { frontMatter: { date: '2023-12-31' } } })
    const file = await dossier.handlers.exportBriefing({ briefingId: briefing.id, format: 'html', paper: 'a4' })
    expect(file.fileName).toBe(`${SAFE_TITLE} - 2023-12-31.html`)
  })

  it('says PDF needs the desktop app when there is no printer to hand', async () => {
    const dossier = await open()
    const briefing = await briefingWithNotes(dossier)
    await expect(
      dispatchApiCall(dossier.handlers, 'exportBriefing', { briefingId: briefing.id, format: 'pdf', paper: 'a4' })
    ).resolves.toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: PDF_NEEDS_DESKTOP,
        why: { code: 'briefing.pdfNeedsDesktop', params: {} }
      }
    })
  })

  it('prints the HTML to PDF on the paper asked for when the desktop app supplies a printer', async () => {
    const printToPdf = vi.fn(async (html: string) => new TextEncoder().encode(`%PDF-1.7 ${html.length}`))
    const dossier = await open({ printToPdf })
    const briefing = await briefingWithNotes(dossier)
    const file = await dossier.handlers.exportBriefing({ briefingId: briefing.id, format: 'pdf', paper: 'letter' })
    expect(file).toMatchObject({
      fileName: `${SAFE_TITLE} - 2024-03-04.pdf`,
      mimeType: 'application/pdf',
      noteCount: 2
    })
    expect(Buffer.from(file.dataBase64, 'base64').toString('latin1')).toMatch(/^%PDF-1\.7 \d+$/)
    expect(printToPdf).toHaveBeenCalledTimes(1)
    const [html, paper] = printToPdf.mock.calls[0]! as unknown as [string, string]
    expect(paper).toBe('letter')
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('Pegasus')
  })

  it('exports a briefing with no note as an empty-state document in every format', async () => {
    const dossier = await open()
    const briefing = await dossier.handlers.createBriefing({ title: '' })
    for (const format of ['markdown', 'html', 'docx', 'jsonld'] as const) {
      const file = await dossier.handlers.exportBriefing({ briefingId: briefing.id, format, paper: 'a4' })
      expect(file.noteCount).toBe(0)
      expect(file.fileName).toMatch(/^Dossier sans titre - 2024-03-04\./)
      expect(Buffer.from(file.dataBase64, 'base64').length).toBeGreaterThan(0)
    }
    const { html } = await dossier.handlers.previewBriefing({ briefingId: briefing.id, paper: 'a4' })
    expect(html).toContain('class="empty"')
  })

  it('previews the briefing as the HTML export shows it', async () => {
    const dossier = await open()
    const briefing = await briefingWithNotes(dossier)
    const { html } = await dossier.handlers.previewBriefing({ briefingId: briefing.id, paper: 'a4' })
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('Rabat')
    expect(html).toContain('Maroc/Israël')
  })
})

describe('paragraphAt', () => {
  // Blocks « abc », « de », « fghi » joined by blank lines: starts 0, 5, 9.
  const table = { starts: [0, 5, 9], ends: [3, 7, 13] }

  it('finds the 1-based block holding an offset, the blank line between belonging to the next block', () => {
    expect([0, 2, 3, 4, 5, 6, 7, 9, 12, 20].map((offset) => paragraphAt(table, offset))).toEqual([
      1, 1, 2, 2, 2, 2, 3, 3, 3, 3
    ])
    expect(paragraphAt(null, 0)).toBeNull()
    expect(paragraphAt({ starts: [], ends: [] }, 0)).toBeNull()
  })
})
