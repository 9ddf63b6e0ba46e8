// Editing an article's text re-anchors its notes; notes can be re-attached, recoloured;
// tags merge library-wide and the merge undoes exactly; pins follow their tags. All on a
// real data folder, reopened where it matters.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatchApiCall } from '../../shared/api/dispatch'
import { articlePlainText, type ArticleBlock } from '../../shared/domain/article'
import { firstArticle, highlightQuote, useTempDossiers } from './testing/tempDossiers'
import { dataLayout } from './schema'

const folder = useTempDossiers('dossier-edits-', () => ({}))
const open = folder.open
const close = folder.close

/** The blocks with one string replaced, as the reading pane would send them after an edit. */
function edited(blocks: readonly ArticleBlock[], from: string, to: string): ArticleBlock[] {
  return blocks.map((block) =>
    block.text.includes(from) ? { ...block, text: block.text.replace(from, to), runs: undefined } : block
  )
}

describe('editing an article', () => {
  it('saves the new body and re-anchors each note: anchored, moved or orphaned, none dropped', async () => {
    const dossier = await open()
    const { id, blocks, text } = await firstArticle(dossier)
    const shifted = await highlightQuote(dossier, id, text, 'système de défense aérienne et antimissile Barak')
    const changed = await highlightQuote(dossier, id, text, 'a démarré lundi sa visite au Maroc')
    const deleted = await highlightQuote(
      dossier,
      id,
      text,
      "Ni le pays, ni l'entreprise, ne l'ont confirmé publiquement."
    )

    let next = edited(blocks, "Le chef d'état-major", "Exclusif : Le chef d'état-major")
    next = edited(next, 'démarré lundi', 'démarré mardi')
    next = edited(next, "Ni le pays, ni l'entreprise, ne l'ont confirmé publiquement. ", '')
    const result = await dossier.handlers.updateArticleBody({ articleId: id, blocks: next })

    const byId = new Map(result.notes.map((note) => [note.id, note]))
    expect(result.notes).toHaveLength(3)
    const newText = articlePlainText(next)
    const anchored = byId.get(shifted.id)!
    expect(anchored.anchorStatus).toBeUndefined()
    expect(anchored.anchor.position.start).toBe(shifted.anchor.position.start + 'Exclusif : '.length)
    expect(newText.slice(anchored.anchor.position.start, anchored.anchor.position.end)).toBe(
      'système de défense aérienne et antimissile Barak'
    )
    const moved = byId.get(changed.id)!
    expect(moved.anchorStatus).toMatchObject({ state: 'moved' })
    // The anchor covers what the passage became; what the analyst highlighted is kept beside it.
    expect(moved.anchor.quote.exact).toBe('a démarré mardi sa visite au Maroc')
    expect(moved.highlighted?.quote.exact).toBe('a démarré lundi sa visite au Maroc')
    expect(byId.get(deleted.id)!.anchorStatus).toMatchObject({ state: 'orphaned' })
    expect(result.meta.editedAt).toBeDefined()
    expect(result.meta.charCount).toBe(newText.length)

    // The body file holds the edit; the text before it is kept beside the backups.
    const bodyFile = dataLayout.body(folder.dataDir, id)
    expect(JSON.parse(fs.readFileSync(bodyFile, 'utf8')).blocks).toEqual(next)
    const before = path.join(path.dirname(bodyFile), '.backups', `${id}.before-edit.json`)
    expect(JSON.parse(fs.readFileSync(before, 'utf8')).blocks).toEqual(blocks)

    // Reopened, the states are still there.
    await close(dossier)
    const again = await open()
    const notes = await again.handlers.listNotes({ articleId: id })
    expect(notes.map((note) => note.anchorStatus?.state ?? 'anchored').sort()).toEqual([
      'anchored',
      'moved',
      'orphaned'
    ])
  })

  it('re-attaches an orphan to a new passage, and refuses a range that does not say what the user saw', async () => {
    const dossier = await open()
    const { id, blocks, text } = await firstArticle(dossier)
    const note = await highlightQuote(dossier, id, text, "Ni le pays, ni l'entreprise, ne l'ont confirmé publiquement.")
    const next = edited(blocks, "Ni le pays, ni l'entreprise, ne l'ont confirmé publiquement. ", '')
    await dossier.handlers.updateArticleBody({ articleId: id, blocks: next })
    const newText = articlePlainText(next)
    const quote = "Le Maroc a toutefois nié une allégation d'Amnesty International"
    const start = newText.indexOf(quote)

    await expect(
      dossier.handlers.reattachNote({
        articleId: id,
        noteId: note.id,
        range: { start, end: start + quote.length },
        expectedQuote: 'something else'
      })
    ).rejects.toThrow(/no longer matches/)
    const attached = await dossier.handlers.reattachNote({
      articleId: id,
      noteId: note.id,
      range: { start, end: start + quote.length },
      expectedQuote: quote
    })
    expect(attached.id).toBe(note.id)
    expect(attached.anchor.quote.exact).toBe(quote)
    expect(attached.anchorStatus).toBeUndefined()
  })

  it('refuses blocks whose formatting runs do not spell their text, before any service sees them', async () => {
    const dossier = await open()
    const { id } = await firstArticle(dossier)
    const before = fs.readFileSync(dataLayout.body(folder.dataDir, id), 'utf8')
    const result = await dispatchApiCall(dossier.handlers, 'updateArticleBody', {
      articleId: id,
      blocks: [{ type: 'paragraph', text: 'Bonjour', runs: [{ text: 'Bon' }] }]
    })
    expect(result.ok).toBe(false)
    const script = await dispatchApiCall(dossier.handlers, 'updateArticleBody', {
      articleId: id,
      blocks: [{ type: 'paragraph', text: 'x', runs: [{ text: 'x', href: 'javascript:alert(1)' }] }]
    })
    expect(script.ok).toBe(false)
    expect(fs.readFileSync(dataLayout.body(folder.dataDir, id), 'utf8')).toBe(before)
  })

  it('recolours a note and creates one with the colour picked in the popover', async () => {
    const dossier = await open()
    const { id, text } = await firstArticle(dossier)
    const start = text.indexOf('Pegasus')
    const created = await dossier.handlers.createNote({
      articleId: id,
      range: { start, end: start + 7 },
      expectedQuote: 'Pegasus',
      color: '#4ade80'
    })
    expect(created.color).toBe('#4ade80')
    const recoloured = await dossier.handlers.setNoteColor({ articleId: id, noteId: created.id, color: null })
    expect(recoloured.color).toBeNull()
    expect((await dossier.handlers.listNotes({ articleId: id }))[0]!.color).toBeNull()
  })
})

describe('merging tags', () => {
  it('moves every note and sub-tag across articles, and undoing puts back exactly what was', async () => {
    const dossier = await open()
    const first = await firstArticle(dossier)
    const imported = await dossier.handlers.importPaste({ text: 'Le Maroc et Israël renforcent leur coopération.' })
    if (!imported.ok) throw new Error(imported.reason)
    const secondId = imported.article.id
    const secondText = 'Le Maroc et Israël renforcent leur coopération.'

    const israel = await dossier.handlers.createTag({ path: 'Acteurs/Israël' })
    const israelSub = await dossier.handlers.createTag({ path: 'Acteurs/Israël/Armée' })
    const tsahal = await dossier.handlers.createTag({ path: 'Tsahal' })
    const a = await highlightQuote(dossier, first.id, first.text, 'Pegasus')
    const b = await highlightQuote(dossier, secondId, secondText, 'Israël')
    await dossier.handlers.setNoteTags({ articleId: first.id, noteId: a.id, tagIds: [israel.id, tsahal.id] })
    await dossier.handlers.setNoteTags({ articleId: secondId, noteId: b.id, tagIds: [israelSub.id] })
    await dossier.handlers.setPinnedTags({ tagIds: [israel.id, tsahal.id] })
    const tagsBefore = await dossier.handlers.listTags({})

    const merged = await dossier.handlers.mergeTags({ fromId: israel.id, intoId: tsahal.id })
    expect(merged.tags.map((tag) => tag.path).sort()).toEqual(['Tsahal', 'Tsahal/Armée'])
    expect((await dossier.handlers.listNotes({ articleId: first.id }))[0]!.tagIds).toEqual([tsahal.id])
    expect((await dossier.handlers.listNotes({ articleId: secondId }))[0]!.tagIds).toEqual([israelSub.id])
    // A merged-away tag leaves the digit keys.
    expect(await dossier.handlers.listPinnedTags({})).toEqual([tsahal.id])

    // The undo goes through the API boundary, as the renderer sends it.
    const undone = await dispatchApiCall(dossier.handlers, 'undoMergeTags', { changes: merged.changes })
    expect(undone.ok).toBe(true)
    expect(await dossier.handlers.listTags({})).toEqual(tagsBefore)
    expect((await dossier.handlers.listNotes({ articleId: first.id }))[0]!.tagIds).toEqual([israel.id, tsahal.id])
  })

  it('refuses to merge a tag into its own descendant, changing nothing', async () => {
    const dossier = await open()
    const parent = await dossier.handlers.createTag({ path: 'Acteurs' })
    const child = await dossier.handlers.createTag({ path: 'Acteurs/Maroc' })
    const before = fs.readFileSync(dataLayout.library(folder.dataDir), 'utf8')
    await expect(dossier.handlers.mergeTags({ fromId: parent.id, intoId: child.id })).rejects.toThrow(/descendant/)
    expect(fs.readFileSync(dataLayout.library(folder.dataDir), 'utf8')).toBe(before)
  })

  it('keeps pins in key order and drops the pin of a deleted tag', async () => {
    const dossier = await open()
    const one = await dossier.handlers.createTag({ path: 'Un' })
    const two = await dossier.handlers.createTag({ path: 'Deux' })
    expect(await dossier.handlers.setPinnedTags({ tagIds: [two.id, one.id] })).toEqual([two.id, one.id])
    await dossier.handlers.deleteTag({ tagId: two.id })
    expect(await dossier.handlers.listPinnedTags({})).toEqual([one.id])
    await expect(dossier.handlers.setPinnedTags({ tagIds: ['missing'] })).rejects.toThrow(/no longer exists/)
  })
})
