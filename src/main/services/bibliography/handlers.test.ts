// The bibliography methods over a real data folder: details saved and kept across a restart,
// a library from before them still read, and a briefing's sources exported by id.
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { dataLayout } from '../schema'
import { useTempDossiers } from '../testing/tempDossiers'

const folder = useTempDossiers('dossier-bibliography-', () => ({ sampleArticle: null }))

describe('bibliography handlers', () => {
  it('keeps the new details across a restart and exports only the articles named', async () => {
    const dossier = await folder.open()
    const ids: string[] = []
    for (const text of ['Rabat et Madrid signent un accord.', 'Le Sahel reste instable.']) {
      const outcome = await dossier.handlers.importPaste({ text })
      if (!outcome.ok) throw new Error(outcome.reason)
      ids.push(outcome.article.id)
    }
    const [first = '', second = ''] = ids
    await dossier.handlers.updateArticleMeta({
      articleId: second,
      changes: {
        title: 'Sahel : rapport',
        itemType: 'report',
        outlet: 'Ifri',
        publishedAt: '2023',
        pages: '4-9',
        place: 'Paris',
        accessedAt: '2024-05-06'
      }
    })
    await folder.close(dossier)

    const reopened = await folder.open()
    const file = await reopened.handlers.exportBibliography({ format: 'csl-json', articleIds: [second, 'gone'] })
    expect(file.fileName).toBe('dossier-sources.json')
    expect(JSON.parse(file.content)).toEqual([
      {
        id: second,
        type: 'report',
        title: 'Sahel : rapport',
        publisher: 'Ifri',
        'publisher-place': 'Paris',
        issued: { 'date-parts': [[2023]] },
        accessed: { 'date-parts': [[2024, 5, 6]] },
        page: '4-9'
      }
    ])
    const whole = await reopened.handlers.exportBibliography({ format: 'ris' })
    expect(whole).toMatchObject({ fileName: 'dossier-library.ris', count: 2 })
    expect(whole.content).toContain(`ID  - ${first}`)
    await folder.close(reopened)
  })

  it('reads a library from before the details: missing ones are empty, an unknown type is forgotten', async () => {
    const dossier = await folder.open()
    const outcome = await dossier.handlers.importPaste({ text: 'Un texte.' })
    if (!outcome.ok) throw new Error(outcome.reason)
    await folder.close(dossier)
    const library = JSON.parse(fs.readFileSync(dataLayout.library(folder.dataDir), 'utf8'))
    library.articles[0].itemType = 'hologram'
    fs.writeFileSync(dataLayout.library(folder.dataDir), JSON.stringify(library))

    const reopened = await folder.open()
    const [article] = await reopened.handlers.listArticles({})
    expect(article?.itemType).toBeUndefined()
    expect(article?.pages).toBeUndefined()
    const file = await reopened.handlers.exportBibliography({ format: 'csl-json' })
    expect(JSON.parse(file.content)[0]).toMatchObject({ type: 'document', title: 'Un texte' })
    await folder.close(reopened)
  })

  it('reads a reference file into changes, and nothing from a file that is not one', async () => {
    const dossier = await folder.open()
    const read = await dossier.handlers.readReferenceFile({
      name: 'refs.bib',
      text: '@techreport{k, title = {Rapport}, institution = {ICG}, year = {2023}, address = {Bruxelles}}'
    })
    expect(read.entries).toEqual([
      { changes: { title: 'Rapport', itemType: 'report', outlet: 'ICG', place: 'Bruxelles', publishedAt: '2023' } }
    ])
    expect(await dossier.handlers.readReferenceFile({ name: 'x.txt', text: 'rien' })).toEqual({ entries: [] })
    await folder.close(dossier)
  })
})
