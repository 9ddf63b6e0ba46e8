// A long article is indexed in slices (slicedAdd.ts): calls go on meanwhile, searches answer
// without it and name it, and a crash in the middle leaves a saved index that the next start
// completes. Slices are made small here (`sliceChars`) and held open with `betweenSlices`.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type Dossier } from '../dossier'
import { dataLayout } from '../schema'
import { useTempDossiers } from '../testing/tempDossiers'
import { journalFileOf } from './indexStore'

const folder = useTempDossiers('dossier-long-article-', () => ({ sampleArticle: null, search: { saveDelayMs: 20 } }))

/** 40 paragraphs, about 4 kB: 60 slices of 64 characters; « zorglub » only in the last one. */
const LONG_TEXT = [
  ...Array.from(
    { length: 39 },
    (_, i) => `Paragraphe ${i + 1} : le ministre arrive à Rabat pour une visite officielle.`
  ),
  'Le dernier paragraphe nomme Zorglub.'
].join('\n\n')
const SLICE_CHARS = 64

/** Holds indexing at its `holdAt`-th slice boundary (and any after) until released; says when it got there. */
function sliceGate(holdAt = 1) {
  let reached = () => {}
  let release = () => {}
  const gate = {
    closed: true,
    reached: new Promise<void>((resolve) => (reached = resolve)),
    released: new Promise<void>((resolve) => (release = resolve)),
    boundaries: 0,
    async betweenSlices() {
      if (!gate.closed || ++gate.boundaries < holdAt) return
      reached()
      await gate.released
    },
    open() {
      gate.closed = false
      release()
    }
  }
  return gate
}

async function indexReady(dossier: Dossier): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt++) {
    const results = await dossier.handlers.search({ query: 'x' })
    if (!results.indexing && results.articlesBeingIndexed.length === 0) return
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error('the search index never became ready')
}

const articleIds = async (dossier: Dossier, query: string) =>
  (await dossier.handlers.search({ query })).articles.map((hit) => hit.articleId)

const copies: string[] = []
afterEach(() => {
  for (const dir of copies.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

describe('a long article being indexed', () => {
  it('yields between slices: other calls answer, and searches answer without it, naming it', async () => {
    const gate = sliceGate()
    const dossier = await folder.open({
      sampleArticle: null,
      search: { saveDelayMs: 20, sliceChars: SLICE_CHARS, betweenSlices: gate.betweenSlices }
    })
    const short = await dossier.handlers.importPaste({ text: 'Zorglub en bref.' })
    if (!short.ok) throw new Error(short.reason)
    await indexReady(dossier)

    const outcome = await dossier.handlers.importPaste({ text: LONG_TEXT })
    if (!outcome.ok) throw new Error(outcome.reason)
    await gate.reached
    // Held in the middle of the article: the rest of the API answers, and so does search.
    expect((await dossier.handlers.listArticles({})).map((meta) => meta.id).sort()).toEqual(
      [short.article.id, outcome.article.id].sort()
    )
    const during = await dossier.handlers.search({ query: 'zorglub' })
    expect(during.articles.map((hit) => hit.articleId)).toEqual([short.article.id])
    expect(during.articlesBeingIndexed).toEqual([{ articleId: outcome.article.id, title: outcome.article.title }])
    expect(during.indexing).toBe(false)

    gate.open()
    await indexReady(dossier)
    expect((await articleIds(dossier, 'zorglub')).sort()).toEqual([short.article.id, outcome.article.id].sort())
    expect(await articleIds(dossier, 'paragraphe')).toEqual([outcome.article.id])
  })

  it('is never returned while only part of its terms are in the index', async () => {
    // Boundary 1: between the body's two slices; boundary 2: after the first two terms were posted.
    const gate = sliceGate(2)
    const dossier = await folder.open({
      sampleArticle: null,
      search: { saveDelayMs: 20, sliceChars: SLICE_CHARS, postBatch: 2, betweenSlices: gate.betweenSlices }
    })
    await indexReady(dossier)
    // The title, « Paragraphe 1 : le ministre… », is posted first: « paragraphe » is in when held.
    const outcome = await dossier.handlers.importPaste({ text: LONG_TEXT.slice(0, SLICE_CHARS + 40) })
    if (!outcome.ok) throw new Error(outcome.reason)
    await gate.reached
    const during = await dossier.handlers.search({ query: 'paragraphe' })
    expect(during.articles).toEqual([])
    expect(during.articlesBeingIndexed.map((article) => article.articleId)).toEqual([outcome.article.id])
    gate.open()
    await indexReady(dossier)
    expect(await articleIds(dossier, 'paragraphe')).toEqual([outcome.article.id])
  })

  it('is never half in the saved index: a crash in the middle leaves it out, and the next start indexes it', async () => {
    const gate = sliceGate()
    const first = await folder.open({
      sampleArticle: null,
      search: {
        saveDelayMs: 20,
        sliceChars: SLICE_CHARS,
        betweenSlices: gate.betweenSlices,
        compaction: { afterArticles: 1 }
      }
    })
    const short = await first.handlers.importPaste({ text: 'Zorglub en bref.' })
    if (!short.ok) throw new Error(short.reason)
    await indexReady(first)
    const base = dataLayout.searchIndex(folder.dataDir)
    for (let attempt = 0; attempt < 500 && !fs.existsSync(base); attempt++) await pause(10)
    expect(fs.existsSync(base)).toBe(true)

    const outcome = await first.handlers.importPaste({ text: LONG_TEXT })
    if (!outcome.ok) throw new Error(outcome.reason)
    await gate.reached
    // What a crash at this instant leaves on disk (its lock names a process that is gone).
    const crashed = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-long-article-crash-'))
    copies.push(crashed)
    fs.cpSync(folder.dataDir, crashed, { recursive: true })
    fs.rmSync(path.join(crashed, 'dossier.lock'), { force: true })
    const journal = journalFileOf(dataLayout.searchIndex(crashed))
    const journaled = fs.existsSync(journal) ? fs.readFileSync(journal, 'utf8') : ''
    expect(journaled).not.toContain(outcome.article.id)
    expect(fs.readFileSync(dataLayout.searchIndex(crashed), 'utf8')).not.toContain(outcome.article.id)
    gate.open()
    await folder.close(first)

    const reopened = await folder.open({ dataDir: crashed, sampleArticle: null })
    await indexReady(reopened)
    expect((await articleIds(reopened, 'zorglub')).sort()).toEqual([short.article.id, outcome.article.id].sort())
    expect(await articleIds(reopened, 'paragraphe')).toEqual([outcome.article.id])
    await folder.close(reopened)
  })
})

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
