// Duplicate imports by content hash (issue 14): what counts as the same text, and how the
// import answers when the library already has it.
import { describe, expect, it } from 'vitest'
import { useTempDossiers } from '../testing/tempDossiers'
import { contentHashOf, normaliseForHash } from './contentHash'

describe('normaliseForHash', () => {
  it.each([
    ['line wrapping and indentation', 'Le ministre\n   a déclaré', 'Le ministre a déclaré'],
    ['no-break and narrow no-break spaces', 'Il a dit\u00a0: «\u202fnon\u202f»', 'Il a dit : « non »'],
    ['decomposed accents', 'De\u0301fense', 'Défense'],
    ['white space at both ends', '\n\t Texte \n', 'Texte']
  ])('%s', (_, text, expected) => {
    expect(normaliseForHash(text)).toBe(expected)
  })

  it('keeps case, punctuation and words: a corrected text is another text', () => {
    expect(contentHashOf('Le ministre a déclaré.')).not.toBe(contentHashOf('le ministre a déclaré.'))
    expect(contentHashOf('Le ministre a déclaré.')).not.toBe(contentHashOf('Le ministre a déclaré !'))
  })

  it('is SHA-256 in hexadecimal', () => {
    expect(contentHashOf('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })
})

const folder = useTempDossiers('dossier-duplicates-', () => ({ sampleArticle: null }))
const TEXT = 'Rabat et Jérusalem\n\nLe ministre a déclaré que la coopération progresse.\n\nUn second paragraphe.'
const bytesOf = (text: string) => new TextEncoder().encode(text)

describe('importing a file whose text is already in the library', () => {
  it('names the article that has it, stores nothing, and imports a copy when asked', async () => {
    const dossier = await folder.open()
    const first = await dossier.handlers.importFile({ name: 'rabat.txt', bytes: bytesOf(TEXT) })
    if (!first.ok) throw new Error(first.reason)

    // The same words saved another way (Windows line ends, no-break spaces): the same text.
    const again = TEXT.replace(/\n/g, '\r\n').replace('a déclaré', 'a\u00a0déclaré')
    const duplicate = await dossier.handlers.importFile({ name: 'rabat (1).txt', bytes: bytesOf(again) })
    expect(duplicate).toEqual({
      ok: false,
      fileName: 'rabat (1).txt',
      reason: 'its text is already in the library, as “Rabat et Jérusalem”',
      duplicateOf: { articleId: first.article.id, title: 'Rabat et Jérusalem' }
    })
    expect((await dossier.handlers.listArticles({})).map((article) => article.id)).toEqual([first.article.id])

    const copy = await dossier.handlers.importFile({
      name: 'rabat (1).txt',
      bytes: bytesOf(again),
      allowDuplicate: true
    })
    expect(copy.ok).toBe(true)
    expect((await dossier.handlers.listArticles({})).length).toBe(2)
  })

  it('keeps the hash with the article in library.json, so a later session finds it without reading bodies', async () => {
    const first = await folder.open()
    const imported = await first.handlers.importFile({ name: 'rabat.txt', bytes: bytesOf(TEXT) })
    if (!imported.ok) throw new Error(imported.reason)
    await folder.close(first)

    const reopened = await folder.open()
    const duplicate = await reopened.handlers.importFile({ name: 'autre.txt', bytes: bytesOf(TEXT) })
    expect(duplicate).toMatchObject({ ok: false, duplicateOf: { articleId: imported.article.id } })
  })

  it('imports a text that differs by one word, and one whose earlier copy is in the trash', async () => {
    const dossier = await folder.open()
    const first = await dossier.handlers.importFile({ name: 'rabat.txt', bytes: bytesOf(TEXT) })
    if (!first.ok) throw new Error(first.reason)
    const corrected = TEXT.replace('progresse', 'avance')
    expect((await dossier.handlers.importFile({ name: 'v2.txt', bytes: bytesOf(corrected) })).ok).toBe(true)
    await dossier.handlers.trashArticle({ articleId: first.article.id })
    expect((await dossier.handlers.importFile({ name: 'rabat.txt', bytes: bytesOf(TEXT) })).ok).toBe(true)
  })
})
