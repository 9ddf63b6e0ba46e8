// The wrong-shape files of issue 11 through a whole Dossier: each is set aside, the last good
// generation restored, and the user told what came back and from when.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dataLayout } from './schema'
import { firstArticle, highlightQuote, useTempDossiers } from './testing/tempDossiers'

const folder = useTempDossiers('dossier-damaged-files-')

const SAVED_AT = /restored the last good copy, saved at \d\d:\d\d:\d\d, \d+ seconds? earlier/

describe('a library.json of the wrong shape', () => {
  it.each(['null', '{}', '{"schemaVersion":2,"articles":{},"tags":[],"pinnedTagIds":[]}'])(
    '%s: the library comes back from its last generation, the sample is not added again, and the user is told',
    async (damaged) => {
      const first = await folder.open()
      const sample = await firstArticle(first)
      await first.handlers.createTag({ path: 'Acteurs/Maroc' })
      await first.handlers.createTag({ path: 'Lieux/Rabat' })
      await folder.close(first)
      fs.writeFileSync(dataLayout.library(folder.dataDir), damaged)

      const reopened = await folder.open()
      const articles = await reopened.handlers.listArticles({})
      expect(articles.map((article) => article.id)).toEqual([sample.id])
      // The generation kept is the one before the last save: the second tag was that save.
      expect((await reopened.handlers.listTags({})).map((tag) => tag.path)).toEqual(['Acteurs/Maroc'])
      const [notice] = await reopened.handlers.listNotices({})
      expect(notice!.message).toMatch(/^library\.json could not be read \(/)
      expect(notice!.message).toMatch(SAVED_AT)
      expect(notice!.message).toContain(': 1 article, 1 tag. The damaged file was kept at ')
      const quarantine = path.join(folder.dataDir, '.quarantine')
      expect(fs.readdirSync(quarantine).map((name) => fs.readFileSync(path.join(quarantine, name), 'utf8'))).toEqual([
        damaged
      ])
    }
  )
})

describe('a notes file holding null', () => {
  it('is not taken for no notes: they come back, and the next save keeps them', async () => {
    const first = await folder.open()
    const { id, text } = await firstArticle(first)
    await highlightQuote(first, id, text, 'Rabat')
    await highlightQuote(first, id, text, 'Pegasus')
    await folder.close(first)
    fs.writeFileSync(dataLayout.notes(folder.dataDir, id), 'null')

    const reopened = await folder.open()
    expect((await reopened.handlers.listNotes({ articleId: id })).map((note) => note.anchor.quote.exact)).toEqual([
      'Rabat'
    ])
    await highlightQuote(reopened, id, text, 'Kochavi')
    const [notice] = await reopened.handlers.listNotices({})
    expect(notice!.message).toContain(`${id}.json could not be read (it holds null where an object was expected)`)
    expect(notice!.message).toContain(': 1 note.')
    const stored = JSON.parse(fs.readFileSync(dataLayout.notes(folder.dataDir, id), 'utf8'))
    expect(stored.notes.map((note: { anchor: { quote: { exact: string } } }) => note.anchor.quote.exact)).toEqual([
      'Rabat',
      'Kochavi'
    ])
  })
})
