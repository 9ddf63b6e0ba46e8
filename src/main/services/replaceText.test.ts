// Replacing an article's text with a newer version from a file: the file goes through the
// importer, the notes are looked for in the new text by quote and context, the title and
// details stay, the old body is kept aside; a file that cannot be imported changes nothing.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatchApiCall } from '../../shared/api/dispatch'
import { articlePlainText } from '../../shared/domain/article'
import { highlightedQuote } from '../../shared/notes/anchorState'
import { firstArticle, highlightQuote, useTempDossiers } from './testing/tempDossiers'
import { dataLayout } from './schema'

const folder = useTempDossiers('dossier-replace-', () => ({ search: { saveDelayMs: 20 } }))

const LONG_QUOTE =
  "système de défense aérienne et antimissile Barak dans le cadre d'un accord de 500 millions de dollars"
const MOVED_FIRST = "« Tout n'est pas une question de sécurité »"
const REMOVED = "Ni le pays, ni l'entreprise, ne l'ont confirmé publiquement."

/** A .txt file as the analyst would pick it. */
function textFile(name: string, text: string) {
  return { name, bytes: new TextEncoder().encode(text) }
}

/** The outlet's newer version: the second half of the paragraphs first, one sentence withdrawn. */
function reorderedVersion(paragraphs: readonly string[]): string {
  const half = Math.ceil(paragraphs.length / 2)
  return [...paragraphs.slice(half), ...paragraphs.slice(0, half)]
    .map((paragraph) => paragraph.replace(`${REMOVED} `, ''))
    .join('\n\n')
}

/** Every file that says what the article is, byte for byte. */
function storedFiles(articleId: string): Record<string, string> {
  const files = [
    dataLayout.body(folder.dataDir, articleId),
    path.join(folder.dataDir, 'notes', `${articleId}.json`),
    dataLayout.library(folder.dataDir)
  ]
  return Object.fromEntries(files.map((file) => [file, fs.readFileSync(file, 'base64')]))
}

describe('replacing an article’s text from a file', () => {
  it('keeps the notes it finds at their new places, orphans the withdrawn one, and keeps the title', async () => {
    const dossier = await folder.open()
    const { id, blocks, text } = await firstArticle(dossier)
    await dossier.handlers.updateArticleMeta({
      articleId: id,
      changes: { title: 'Kochavi au Maroc', outlet: 'Reuters' }
    })
    const long = await highlightQuote(dossier, id, text, LONG_QUOTE)
    const first = await highlightQuote(dossier, id, text, MOVED_FIRST)
    const removed = await highlightQuote(dossier, id, text, REMOVED)
    expect(blocks.map((block) => block.text.length)).toEqual([531, 595, 355, 106, 626, 530, 612])

    const newVersion = reorderedVersion(blocks.map((block) => block.text))
    const result = await dossier.handlers.replaceArticleText({
      articleId: id,
      ...textFile('kochavi-corrige.txt', newVersion)
    })

    const newText = articlePlainText(result.body.blocks)
    // A French file is imported with no-break spaces inside « » and before the colon (the sample has no ; ! ?).
    expect(newText).toBe(newVersion.replace(/« /g, '«\u00a0').replace(/ »/g, '\u00a0»').replace(/ :/g, '\u00a0:'))
    expect(result.body.blocks.map((block) => block.type)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'aside'
    ])
    const byId = new Map(result.notes.map((note) => [note.id, note]))
    expect(result.notes).toHaveLength(3)

    const longNote = byId.get(long.id)!
    expect(long.anchor.position).toMatchObject({ start: 1026, end: 1127 })
    expect(longNote.anchorStatus).toBeUndefined()
    expect(longNote.anchor.position).toEqual({ type: 'TextPositionSelector', start: 2800, end: 2901 })
    expect(newText.slice(2800, 2901)).toBe(LONG_QUOTE)
    expect(longNote.highlighted).toEqual(long.anchor)

    const firstNote = byId.get(first.id)!
    expect(first.anchor.position).toMatchObject({ start: 2223, end: 2266 })
    expect(firstNote.anchorStatus).toBeUndefined()
    expect(firstNote.anchor.position).toEqual({ type: 'TextPositionSelector', start: 628, end: 671 })
    // The same words, now with French no-break spaces inside the guillemets: still anchored.
    expect(newText.slice(628, 671)).toBe("«\u00a0Tout n'est pas une question de sécurité\u00a0»")

    const removedNote = byId.get(removed.id)!
    expect(removedNote.anchorStatus).toMatchObject({ state: 'orphaned' })
    expect(highlightedQuote(removedNote)).toBe(REMOVED)

    // Only the text changed: the title and details the analyst corrected stay.
    expect(result.meta).toMatchObject({
      title: 'Kochavi au Maroc',
      outlet: 'Reuters',
      sourceFile: 'sample-article.txt',
      charCount: newText.length
    })
    expect(result.meta.editedAt).toBeDefined()

    // On disk: the new body, the old one kept aside, the notes as returned; and the same after a restart.
    const bodyFile = dataLayout.body(folder.dataDir, id)
    expect(JSON.parse(fs.readFileSync(bodyFile, 'utf8')).blocks).toEqual(result.body.blocks)
    const before = path.join(path.dirname(bodyFile), '.backups', `${id}.before-edit.json`)
    expect(JSON.parse(fs.readFileSync(before, 'utf8')).blocks).toEqual(blocks)
    await folder.close(dossier)
    const again = await folder.open()
    expect(await again.handlers.listNotes({ articleId: id })).toEqual(result.notes)
    expect((await again.handlers.listArticles({}))[0]!.title).toBe('Kochavi au Maroc')
  })

  it('puts the new text in the search index', async () => {
    const dossier = await folder.open()
    const { id, blocks } = await firstArticle(dossier)
    for (let attempt = 0; (await dossier.handlers.search({ query: 'x' })).indexing; attempt++) {
      if (attempt > 500) throw new Error('the search index never became ready')
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    const corrected = `Rectificatif du 19 juillet. ${blocks.map((block) => block.text).join('\n\n')}`
    await dossier.handlers.replaceArticleText({ articleId: id, ...textFile('rectificatif.txt', corrected) })
    const results = await dossier.handlers.search({ query: 'rectificatif' })
    expect(results.articles.map((hit) => hit.articleId)).toEqual([id])
  })

  it.each([
    [
      textFile('rapport.pdf', '%PDF-1.7'),
      '“\u2068rapport.pdf\u2069” could not replace the text: the file is damaged or not a PDF',
      { code: 'import.pdfDamaged', params: {} }
    ],
    [
      textFile('rapport.odt', 'PK'),
      '“\u2068rapport.odt\u2069” could not replace the text: unsupported file type .odt (Dossier imports .txt, .md, .html, .docx, .pdf)',
      {
        code: 'import.unsupportedType',
        params: { extension: '.odt', supported: ['.txt', '.md', '.html', '.docx', '.pdf'] }
      }
    ],
    [
      textFile('vide.txt', ''),
      '“\u2068vide.txt\u2069” could not replace the text: the file is empty',
      { code: 'import.empty', params: {} }
    ],
    [
      textFile('blanc.txt', ' \n\n \t'),
      '“\u2068blanc.txt\u2069” could not replace the text: the file is empty',
      { code: 'import.empty', params: {} }
    ]
  ])('refuses %j with one clear message and changes nothing on disk', async (file, message, reason) => {
    const dossier = await folder.open()
    const { id, text } = await firstArticle(dossier)
    await highlightQuote(dossier, id, text, LONG_QUOTE)
    const before = storedFiles(id)

    const result = await dispatchApiCall(dossier.handlers, 'replaceArticleText', { articleId: id, ...file })

    const why = { code: 'import.couldNotReplace', params: { fileName: file.name, reason } }
    expect(result).toEqual({ ok: false, error: { code: 'invalid-input', message, why } })
    expect(storedFiles(id)).toEqual(before)
    const backup = path.join(path.dirname(dataLayout.body(folder.dataDir, id)), '.backups', `${id}.before-edit.json`)
    expect(fs.existsSync(backup)).toBe(false)
    expect((await dossier.handlers.openArticle({ articleId: id })).body.blocks.map((block) => block.text)).toEqual(
      text.split('\n\n')
    )
  })

  it('refuses an article that does not exist before reading the file', async () => {
    const dossier = await folder.open()
    const result = await dispatchApiCall(dossier.handlers, 'replaceArticleText', {
      articleId: 'missing',
      ...textFile('rapport.pdf', '%PDF-1.7')
    })
    expect(result).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No article with id missing.', why: { code: 'article.gone', params: {} } }
    })
  })
})
