// Search over a library where one article's text and another's notes file cannot be read:
// neither the index build nor a search fails; what cannot be read is left out and the rest
// answers, from the scan while the index loads and from the index once it is in.
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { articlePlainText } from '../../../shared/domain/article'
import type { SearchResults } from '../../../shared/search/results'
import type { Dossier } from '../dossier'
import { dataLayout } from '../schema'
import { useTempDossiers } from '../testing/tempDossiers'

const folder = useTempDossiers('dossier-search-damaged-', () => ({ sampleArticle: null, search: { saveDelayMs: 20 } }))

async function addArticle(dossier: Dossier, title: string, text: string) {
  const outcome = await dossier.handlers.importPaste({ text })
  if (!outcome.ok) throw new Error(outcome.reason)
  const articleId = outcome.article.id
  await dossier.handlers.updateArticleMeta({ articleId, changes: { title } })
  const { body } = await dossier.handlers.openArticle({ articleId })
  const plain = articlePlainText(body.blocks)
  const start = plain.indexOf('accord')
  await dossier.handlers.createNote({ articleId, range: { start, end: start + 6 }, expectedQuote: 'accord' })
  return articleId
}

/** Three articles whose text and note all hold « accord »; then Madrid's text and Alger's notes file are damaged. */
async function damagedLibrary(): Promise<{ rabat: string; madrid: string; alger: string }> {
  const first = await folder.open()
  const rabat = await addArticle(first, 'Rabat', 'Rabat signe un accord de pêche.')
  const madrid = await addArticle(first, 'Madrid', 'Madrid salue un accord historique.')
  const alger = await addArticle(first, 'Alger', 'Alger rejette tout accord.')
  await folder.close(first)
  fs.writeFileSync(dataLayout.body(folder.dataDir, madrid), '{"schemaVersion": 2, "blocks": [')
  // A folder where the notes file should be: it cannot be read, and no backup replaces it.
  fs.rmSync(dataLayout.notes(folder.dataDir, alger))
  fs.mkdirSync(dataLayout.notes(folder.dataDir, alger))
  // No saved index: the next start builds it from the damaged library.
  fs.rmSync(dataLayout.searchIndex(folder.dataDir), { force: true })
  return { rabat, madrid, alger }
}

/** Titles of the articles found, and the titles of the articles of the notes found. */
const found = (results: SearchResults) => ({
  articles: results.articles.map((hit) => hit.title).sort(),
  notes: results.notes.map((hit) => hit.articleTitle).sort()
})

describe('a library with an unreadable text and an unreadable notes file', () => {
  it('is searched from the scan while the index loads, without them', async () => {
    await damagedLibrary()
    let letReady: () => void = () => {}
    const held = new Promise<void>((resolve) => (letReady = resolve))
    const dossier = await folder.open({ search: { saveDelayMs: 20, beforeReady: () => held } })
    const results = await dossier.handlers.search({ query: 'accord' })
    expect(results.indexing).toBe(true)
    expect(found(results)).toEqual({ articles: ['Alger', 'Rabat'], notes: ['Madrid', 'Rabat'] })
    letReady()
  })

  it('builds the index without them, and every search answers from the rest', async () => {
    await damagedLibrary()
    const dossier = await folder.open()
    let results = await dossier.handlers.search({ query: 'accord' })
    for (let attempt = 0; results.indexing && attempt < 500; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 10))
      results = await dossier.handlers.search({ query: 'accord' })
    }
    expect(results.indexing).toBe(false)
    expect(found(results)).toEqual({ articles: ['Alger', 'Rabat'], notes: ['Madrid', 'Rabat'] })
    // Its title is still found: only its text could not be read.
    expect(found(await dossier.handlers.search({ query: 'madrid' }))).toEqual({ articles: ['Madrid'], notes: [] })
    expect(found(await dossier.handlers.search({ query: 'historique' }))).toEqual({ articles: [], notes: [] })
    // A filter alone lists the notes that could be read.
    expect(found(await dossier.handlers.search({ query: 'article:alger' }))).toEqual({
      articles: ['Alger'],
      notes: []
    })
  })
})
