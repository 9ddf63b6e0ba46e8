// Search on a real data folder, through the API: what folds together, prefixes while
// typing, typos, filters, changes reaching the index, the saved index across restarts
// (and a damaged one rebuilt), its journal and compaction, and the scan that answers
// while the index loads.
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Snippet, SearchResults } from '../../../shared/search/results'
import { articlePlainText } from '../../../shared/domain/article'
import { type Dossier, type OpenDossierOptions } from '../dossier'
import { useTempDossiers } from '../testing/tempDossiers'
import { dataLayout } from '../schema'
import { journalFileOf } from './indexStore'

const folder = useTempDossiers('dossier-search-', () => ({ sampleArticle: null, search: { saveDelayMs: 20 } }))
const open = folder.open
const close = folder.close

/** Waits until the index answers (not the scan). */
async function indexReady(dossier: Dossier): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt++) {
    if (!(await dossier.handlers.search({ query: 'x' })).indexing) return
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error('the search index never became ready')
}

async function addArticle(dossier: Dossier, title: string, text: string) {
  const outcome = await dossier.handlers.importPaste({ text })
  if (!outcome.ok) throw new Error(outcome.reason)
  await dossier.handlers.updateArticleMeta({ articleId: outcome.article.id, changes: { title } })
  const { body } = await dossier.handlers.openArticle({ articleId: outcome.article.id })
  return { id: outcome.article.id, text: articlePlainText(body.blocks) }
}

async function highlight(dossier: Dossier, article: { id: string; text: string }, quote: string) {
  const start = article.text.indexOf(quote)
  if (start < 0) throw new Error(`« ${quote} » is not in the article`)
  return dossier.handlers.createNote({
    articleId: article.id,
    range: { start, end: start + quote.length },
    expectedQuote: quote
  })
}

const search = (dossier: Dossier, query: string) => dossier.handlers.search({ query })
const articleTitles = (results: SearchResults) => results.articles.map((hit) => hit.title)
const noteQuotes = (results: SearchResults) => results.notes.map((hit) => hit.quote.text)
const marked = (snippet: Snippet | null) => snippet?.marks.map((mark) => snippet.text.slice(mark.start, mark.end)) ?? []
/** What identifies the hits, whatever their order or scores. */
const hitIds = (results: SearchResults) => ({
  articles: results.articles.map((hit) => hit.articleId).sort(),
  notes: results.notes.map((hit) => hit.noteId).sort()
})

const ACCENTED =
  'La sécurité de l’Élysée inquiète. Un œil sur le cœur de l’armée : « tout est prêt\u00a0», dit le ministre.'
const PLAIN = 'La securite de l\'Elysee inquiete. Un oeil sur le coeur de l\'armee : "tout est pret", dit le ministre.'

describe('folding', () => {
  it.each([
    ['securite', 'sécurité'],
    ['Elysee', 'Élysée'],
    ['oeil', 'œil'],
    ['coeur', 'cœur'],
    ["l'armee", 'l’armée'],
    ['armee', 'armée'],
    ['tout est pret', '«\u00a0tout est prêt\u00a0»']
  ])('%j and %j find each other’s text', async (plain, accented) => {
    const dossier = await open()
    await addArticle(dossier, 'Texte accentué', ACCENTED)
    await addArticle(dossier, 'Texte sans accents', PLAIN)
    await indexReady(dossier)
    for (const query of [plain, accented]) {
      const results = await search(dossier, `${query} `)
      expect(articleTitles(results).sort()).toEqual(['Texte accentué', 'Texte sans accents'])
    }
  })
})

describe('matching', () => {
  it('matches the word being typed as a prefix, and only that word', async () => {
    const dossier = await open()
    await addArticle(dossier, 'Défense', 'La sécurité intérieure et la défense nationale.')
    await indexReady(dossier)
    expect(articleTitles(await search(dossier, 'sécu'))).toEqual(['Défense'])
    expect(articleTitles(await search(dossier, 'secu'))).toEqual(['Défense'])
    expect(articleTitles(await search(dossier, 'défense nat'))).toEqual(['Défense'])
    // Finished words are whole words.
    expect(articleTitles(await search(dossier, 'secu '))).toEqual([])
    expect(articleTitles(await search(dossier, 'sécu nationale'))).toEqual([])
  })

  it('forgives one typo in a long word, none in a short one, and wants every word', async () => {
    const dossier = await open()
    await addArticle(dossier, 'Mer', 'La sécurité en mer Rouge reste fragile.')
    await indexReady(dossier)
    expect(articleTitles(await search(dossier, 'securte '))).toEqual(['Mer'])
    expect(articleTitles(await search(dossier, 'fragle rouge'))).toEqual(['Mer'])
    expect(articleTitles(await search(dossier, 'mir '))).toEqual([])
    expect(articleTitles(await search(dossier, 'mer rouge'))).toEqual(['Mer'])
    expect(articleTitles(await search(dossier, 'mer bleue'))).toEqual([])
  })

  it('marks the matched words of the text as written and says where the first one is', async () => {
    const dossier = await open()
    const article = await addArticle(
      dossier,
      'Rapport annuel',
      `${'Introduction sans rapport. '.repeat(20)}\n\nEnsuite, l’armée renforce la sécurité de l’Élysée.`
    )
    await indexReady(dossier)
    const [hit] = (await search(dossier, 'securite armee ')).articles
    expect(hit).toMatchObject({ articleId: article.id, title: 'Rapport annuel' })
    expect(article.text.slice(hit!.offset!)).toMatch(/^armée renforce/)
    expect(marked(hit!.snippet)).toEqual(['armée', 'sécurité'])
    // A match in the title alone has no excerpt and nowhere to scroll to.
    expect((await search(dossier, 'annuel ')).articles).toMatchObject([{ snippet: null, offset: null }])
  })

  it('marks the first of the many words a short prefix matches, as written', async () => {
    const dossier = await open()
    const article = await addArticle(
      dossier,
      'Revue',
      `${'Rien ici. '.repeat(30)}\n\nLa Présidence prévoit une première pression, prête à prendre, présenter, prévenir, préserver et presser.`
    )
    await indexReady(dossier)
    const [hit] = (await search(dossier, 'pre')).articles
    expect(hit).toMatchObject({ articleId: article.id })
    expect(article.text.slice(hit!.offset!)).toMatch(/^Présidence prévoit/)
    expect(marked(hit!.snippet).slice(0, 3)).toEqual(['Présidence', 'prévoit', 'première'])
  })

  it('finds notes by their quote, their text and their tags, with each snippet marked', async () => {
    const dossier = await open()
    const article = await addArticle(dossier, 'Maroc', 'Le chef d’état-major a démarré sa visite au Maroc mardi.')
    const note = await highlight(dossier, article, 'démarré sa visite au Maroc')
    const tag = await dossier.handlers.createTag({ path: 'Acteurs/Israël' })
    await dossier.handlers.setNoteTags({ articleId: article.id, noteId: note.id, tagIds: [tag.id] })
    await dossier.handlers.updateNote({
      articleId: article.id,
      noteId: note.id,
      changes: { text: 'Première visite officielle.' }
    })
    await indexReady(dossier)

    const byQuote = await search(dossier, 'demarre ')
    expect(byQuote.notes).toHaveLength(1)
    expect(marked(byQuote.notes[0]!.quote)).toEqual(['démarré'])
    expect(byQuote.notes[0]).toMatchObject({ articleTitle: 'Maroc', text: null, tags: [{ path: 'Acteurs/Israël' }] })
    const byText = await search(dossier, 'premiere officielle')
    expect(marked(byText.notes[0]!.text)).toEqual(['Première', 'officielle'])
    expect(byText.notes[0]!.quote).toEqual({ text: 'démarré sa visite au Maroc', marks: [] })
    expect(noteQuotes(await search(dossier, 'israel '))).toEqual(['démarré sa visite au Maroc'])
  })
})

describe('filters', () => {
  async function tagged() {
    const dossier = await open()
    const maroc = await addArticle(
      dossier,
      'Visite au Maroc',
      'Le ministre israélien arrive à Rabat. La sécurité est renforcée.'
    )
    const gaza = await addArticle(dossier, 'Gaza', 'À Gaza, la sécurité reste le sujet. Le ministre marocain répond.')
    const israel = await dossier.handlers.createTag({ path: 'Acteurs/Israël' })
    const morocco = await dossier.handlers.createTag({ path: 'Acteurs/Maroc' })
    const inner = await dossier.handlers.createTag({ path: 'Thèmes/Sécurité intérieure' })
    const n1 = await highlight(dossier, maroc, 'Le ministre israélien arrive à Rabat')
    const n2 = await highlight(dossier, maroc, 'La sécurité est renforcée')
    const n3 = await highlight(dossier, gaza, 'Le ministre marocain répond')
    await dossier.handlers.setNoteTags({ articleId: maroc.id, noteId: n1.id, tagIds: [israel.id] })
    await dossier.handlers.setNoteTags({ articleId: maroc.id, noteId: n2.id, tagIds: [inner.id] })
    await dossier.handlers.setNoteTags({ articleId: gaza.id, noteId: n3.id, tagIds: [morocco.id] })
    return { dossier, maroc, gaza, tags: { israel, morocco, inner } }
  }

  it('tag: keeps notes under that tag, accents aside, a parent including its children, quoted paths too', async () => {
    const { dossier } = await tagged()
    await indexReady(dossier)
    const ministre = await search(dossier, 'tag:acteurs/israel ministre')
    expect(ministre.articles).toEqual([])
    expect(noteQuotes(ministre)).toEqual(['Le ministre israélien arrive à Rabat'])
    expect(noteQuotes(await search(dossier, 'ministre tag:Acteurs')).sort()).toEqual([
      'Le ministre israélien arrive à Rabat',
      'Le ministre marocain répond'
    ])
    expect(noteQuotes(await search(dossier, 'tag:"thèmes/sécurité intérieure" securite'))).toEqual([
      'La sécurité est renforcée'
    ])
    expect(noteQuotes(await search(dossier, 'ministre tag:Inconnu'))).toEqual([])
  })

  it('article: keeps articles whose title has the word, and their notes', async () => {
    const { dossier } = await tagged()
    await indexReady(dossier)
    const results = await search(dossier, 'securite article:maroc')
    expect(articleTitles(results)).toEqual(['Visite au Maroc'])
    expect(noteQuotes(results)).toEqual(['La sécurité est renforcée'])
  })

  it('filters alone list the notes they keep, newest first', async () => {
    const { dossier } = await tagged()
    await indexReady(dossier)
    expect(noteQuotes(await search(dossier, 'tag:Acteurs'))).toEqual([
      'Le ministre marocain répond',
      'Le ministre israélien arrive à Rabat'
    ])
    const byArticle = await search(dossier, 'article:gaza')
    expect(articleTitles(byArticle)).toEqual(['Gaza'])
    expect(noteQuotes(byArticle)).toEqual(['Le ministre marocain répond'])
    expect(await search(dossier, '  ')).toMatchObject({ articles: [], notes: [] })
  })
})

describe('changes reach the index', () => {
  it('follows imports, edits, trash, note deletion and tag renames', async () => {
    const dossier = await open()
    await indexReady(dossier)
    const article = await addArticle(dossier, 'Économie', 'La réforme des retraites divise.')
    expect(articleTitles(await search(dossier, 'retraites'))).toEqual(['Économie'])

    await dossier.handlers.updateArticleMeta({ articleId: article.id, changes: { title: 'Budget' } })
    expect(articleTitles(await search(dossier, 'budget'))).toEqual(['Budget'])
    expect(articleTitles(await search(dossier, 'economie'))).toEqual([])

    const note = await highlight(dossier, article, 'La réforme des retraites')
    await dossier.handlers.updateArticleBody({
      articleId: article.id,
      blocks: [{ type: 'paragraph', text: 'La réforme des retraites rassemble les syndicats.' }]
    })
    expect(articleTitles(await search(dossier, 'syndicats'))).toEqual(['Budget'])
    expect(articleTitles(await search(dossier, 'divise'))).toEqual([])

    const tag = await dossier.handlers.createTag({ path: 'Thèmes/Social' })
    await dossier.handlers.setNoteTags({ articleId: article.id, noteId: note.id, tagIds: [tag.id] })
    expect(noteQuotes(await search(dossier, 'social'))).toEqual(['La réforme des retraites'])
    await dossier.handlers.renameTag({ tagId: tag.id, path: 'Thèmes/Travail' })
    expect(noteQuotes(await search(dossier, 'social'))).toEqual([])
    expect(noteQuotes(await search(dossier, 'travail'))).toEqual(['La réforme des retraites'])
    expect(noteQuotes(await search(dossier, 'tag:themes/travail'))).toEqual(['La réforme des retraites'])

    await dossier.handlers.trashArticle({ articleId: article.id })
    expect(await search(dossier, 'retraites')).toMatchObject({ articles: [], notes: [] })
    await dossier.handlers.restoreArticle({ articleId: article.id })
    expect(noteQuotes(await search(dossier, 'retraites'))).toEqual(['La réforme des retraites'])

    await dossier.handlers.deleteNote({ articleId: article.id, noteId: note.id })
    expect(noteQuotes(await search(dossier, 'retraites'))).toEqual([])
    expect(articleTitles(await search(dossier, 'retraites'))).toEqual(['Budget'])

    await dossier.handlers.trashArticle({ articleId: article.id })
    await dossier.handlers.emptyTrash({})
    await dossier.handlers.restoreArticle({ articleId: article.id }).catch(() => undefined)
    expect(await search(dossier, 'retraites')).toMatchObject({ articles: [], notes: [] })
  })

  it('follows a comment, a re-attached note, tags set on many notes at once and their undo', async () => {
    const dossier = await open()
    await indexReady(dossier)
    const article = await addArticle(dossier, 'Sahel', 'Le Sahel reste instable. Les élections sont reportées.')
    const note = await highlight(dossier, article, 'Le Sahel reste instable')
    await dossier.handlers.updateNote({ articleId: article.id, noteId: note.id, changes: { text: 'Junte au pouvoir' } })
    expect(noteQuotes(await search(dossier, 'junte'))).toEqual(['Le Sahel reste instable'])

    const start = article.text.indexOf('Les élections')
    await dossier.handlers.reattachNote({
      articleId: article.id,
      noteId: note.id,
      range: { start, end: start + 'Les élections sont reportées'.length },
      expectedQuote: 'Les élections sont reportées'
    })
    expect(noteQuotes(await search(dossier, 'instable'))).toEqual([])
    expect(noteQuotes(await search(dossier, 'reportees'))).toEqual(['Les élections sont reportées'])

    const tag = await dossier.handlers.createTag({ path: 'Scrutins' })
    const { before } = await dossier.handlers.bulkUpdateNotes({
      notes: [{ articleId: article.id, noteId: note.id }],
      addTagIds: [tag.id]
    })
    expect(noteQuotes(await search(dossier, 'tag:scrutins'))).toEqual(['Les élections sont reportées'])
    await dossier.handlers.restoreNoteFields({ fields: before })
    expect(noteQuotes(await search(dossier, 'tag:scrutins'))).toEqual([])
  })

  it('follows merges and their undo, and tag deletions and their undo', async () => {
    const dossier = await open()
    const article = await addArticle(dossier, 'Diplomatie', 'Rabat et Jérusalem signent un accord.')
    const note = await highlight(dossier, article, 'signent un accord')
    const from = await dossier.handlers.createTag({ path: 'Accords' })
    const into = await dossier.handlers.createTag({ path: 'Traités' })
    await dossier.handlers.setNoteTags({ articleId: article.id, noteId: note.id, tagIds: [from.id] })
    await indexReady(dossier)
    const { changes } = await dossier.handlers.mergeTags({ fromId: from.id, intoId: into.id })
    expect(noteQuotes(await search(dossier, 'tag:traites'))).toEqual(['signent un accord'])
    expect(noteQuotes(await search(dossier, 'tag:accords'))).toEqual([])
    await dossier.handlers.undoMergeTags({ changes })
    expect(noteQuotes(await search(dossier, 'tag:accords'))).toEqual(['signent un accord'])
    const { tagged } = await dossier.handlers.deleteTag({ tagId: from.id })
    expect(noteQuotes(await search(dossier, 'tag:accords'))).toEqual([])
    await dossier.handlers.restoreTag({ tag: from, tagged })
    expect(noteQuotes(await search(dossier, 'tag:accords'))).toEqual(['signent un accord'])
  })
})

describe('the saved index', () => {
  const QUERIES = ['securite', 'armee ', 'tag:acteurs', 'ministre tag:Acteurs/Israël', 'élys', 'article:maroc']

  /** A library closed with everything in the base (closing compacts whatever the journal holds). */
  async function library() {
    const dossier = await open({ search: { saveDelayMs: 20, compaction: { atCloseAfterArticles: 0 } } })
    const maroc = await addArticle(dossier, 'Visite au Maroc', `${ACCENTED}\n\nLe ministre arrive à Rabat.`)
    await addArticle(dossier, 'Autre', PLAIN)
    const tag = await dossier.handlers.createTag({ path: 'Acteurs/Israël' })
    const note = await highlight(dossier, maroc, 'Le ministre arrive à Rabat')
    await dossier.handlers.setNoteTags({ articleId: maroc.id, noteId: note.id, tagIds: [tag.id] })
    await indexReady(dossier)
    const answers = await Promise.all(QUERIES.map((query) => search(dossier, query)))
    await close(dossier)
    return { maroc, answers }
  }

  it('is saved on close and loaded at the next start, giving the same answers', async () => {
    const { maroc, answers } = await library()
    const file = dataLayout.searchIndex(folder.dataDir)
    expect(fs.existsSync(file)).toBe(true)
    expect(journalLines()).toEqual([])
    // Text changed behind Dossier's back is not noticed: proof that the index came from the file, not a rebuild.
    const bodyFile = dataLayout.body(folder.dataDir, maroc.id)
    fs.writeFileSync(bodyFile, fs.readFileSync(bodyFile, 'utf8').replace(/sécurité/g, 'tranquillité'))
    const savedAt = fs.statSync(file).mtimeMs

    const reopened = await open()
    await indexReady(reopened)
    const again = await Promise.all(QUERIES.map((query) => search(reopened, query)))
    expect(again.map(hitIds)).toEqual(answers.map(hitIds))
    expect(articleTitles(await search(reopened, 'tranquillite'))).toEqual([])
    await close(reopened)
    // Nothing changed, so nothing was written.
    expect(fs.statSync(file).mtimeMs).toBe(savedAt)
    expect(journalSize()).toBe(0)
  })

  it('saves changes as they come, in its journal, without waiting for close', async () => {
    const dossier = await open()
    await indexReady(dossier)
    const article = await addArticle(dossier, 'Nouveau', 'Un texte neuf.')
    await until(() => journalLines().some((line) => line.includes(article.id)), 'the journal names the article')
    expect(journalLines()).toContain(`{"articles":["${article.id}"]}`)
  })

  it('re-indexes what changed while it was closed', async () => {
    const { maroc } = await library()
    // Another note added to the notes file and a tag renamed, by hand.
    const notesFile = dataLayout.notes(folder.dataDir, maroc.id)
    const stored = JSON.parse(fs.readFileSync(notesFile, 'utf8'))
    stored.notes.push({ ...stored.notes[0], id: 'hand-made-note', text: 'Ajoutée à la main.', tagIds: [] })
    fs.writeFileSync(notesFile, JSON.stringify(stored))
    const libraryFile = dataLayout.library(folder.dataDir)
    fs.writeFileSync(
      libraryFile,
      fs.readFileSync(libraryFile, 'utf8').replace('Acteurs/Israël', 'Protagonistes/Israël')
    )

    const reopened = await open()
    await indexReady(reopened)
    expect((await search(reopened, 'ajoutee main')).notes.map((hit) => hit.noteId)).toEqual(['hand-made-note'])
    expect(noteQuotes(await search(reopened, 'tag:protagonistes'))).toEqual(['Le ministre arrive à Rabat'])
    expect(noteQuotes(await search(reopened, 'tag:acteurs'))).toEqual([])
  })

  it.each([
    ['damaged', (text: string) => text.slice(0, text.length / 2)],
    ['not JSON at all', () => 'garbage'],
    ['from another index version', (text: string) => text.replace('"schemaVersion":1', '"schemaVersion":99')]
  ])('is rebuilt, without failing start-up, when %s', async (_case, damage) => {
    const { answers } = await library()
    const file = dataLayout.searchIndex(folder.dataDir)
    fs.writeFileSync(file, damage(fs.readFileSync(file, 'utf8')))

    const reopened = await open()
    expect(await reopened.handlers.listArticles({})).toHaveLength(2)
    await indexReady(reopened)
    const again = await Promise.all(QUERIES.map((query) => search(reopened, query)))
    expect(again.map(hitIds)).toEqual(answers.map(hitIds))
    await close(reopened)
    expect(fs.readFileSync(file, 'utf8').split('\n')[0]).toContain('"schemaVersion":1')
    expect(await (await open()).handlers.listNotices({})).toEqual([])
  })
})

const baseFile = () => dataLayout.searchIndex(folder.dataDir)
const journalFile = () => journalFileOf(baseFile())
const journalSize = () => (fs.existsSync(journalFile()) ? fs.statSync(journalFile()).size : 0)
const journalLines = () =>
  fs.existsSync(journalFile()) ? fs.readFileSync(journalFile(), 'utf8').split('\n').filter(Boolean) : []
/** The articles the journal names (reading every line, so a line that is not JSON fails the test). */
const journaled = () => new Set(journalLines().flatMap((line) => (JSON.parse(line) as { articles: string[] }).articles))
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt++) {
    if (condition()) return
    await pause(10)
  }
  throw new Error(`never happened: ${what}`)
}

/** The base's record of one article: [id, signature, notes stamp, notes]. */
function savedArticle(articleId: string): unknown {
  for (const line of fs.readFileSync(baseFile(), 'utf8').split('\n').filter(Boolean).slice(1)) {
    const [kind, articles] = JSON.parse(line) as [string, [string, ...unknown[]][]]
    if (kind === 'articles') return articles.find(([id]) => id === articleId)
  }
  return undefined
}

const SAVED_QUERIES = [
  'securite',
  'armee ',
  'ministre',
  'rabat',
  'officielle',
  'zorglub',
  'quasimodo',
  'budget',
  'tag:acteurs',
  'tag:protagonistes',
  'article:maroc',
  'élys'
]
const answersTo = (dossier: Dossier) => Promise.all(SAVED_QUERIES.map((query) => search(dossier, query)))
const answerTo = (answers: SearchResults[], query: string) => answers[SAVED_QUERIES.indexOf(query)]!

/**
 * A library whose base holds everything and whose journal is empty, reopened with `options`
 * for search: nothing is pending when it returns.
 */
async function savedLibrary(options: OpenDossierOptions['search'] = {}) {
  const first = await open({ search: { saveDelayMs: 20, compaction: { atCloseAfterArticles: 0 } } })
  const maroc = await addArticle(
    first,
    'Visite au Maroc',
    `${ACCENTED}\n\nLe ministre arrive à Rabat. Première visite officielle.`
  )
  const autre = await addArticle(first, 'Autre', PLAIN)
  const tag = await first.handlers.createTag({ path: 'Acteurs/Israël' })
  const note = await highlight(first, maroc, 'Le ministre arrive à Rabat')
  await first.handlers.setNoteTags({ articleId: maroc.id, noteId: note.id, tagIds: [tag.id] })
  await first.handlers.updateNote({ articleId: maroc.id, noteId: note.id, changes: { text: 'Première visite.' } })
  await indexReady(first)
  await close(first)
  expect(fs.existsSync(baseFile())).toBe(true)
  expect(journalLines()).toEqual([])
  const dossier = await open({ search: { saveDelayMs: 20, ...options } })
  await indexReady(dossier)
  return { dossier, maroc, autre, tag, note }
}

/** Answers from an index built from scratch on the library as it is now (the saved one is deleted). */
async function freshAnswers() {
  fs.rmSync(baseFile(), { force: true })
  fs.rmSync(journalFile(), { force: true })
  const dossier = await open()
  await indexReady(dossier)
  const answers = await answersTo(dossier)
  await close(dossier)
  return answers.map(hitIds)
}

/** Changes to a note, a new note, a title and a tag path, none of which reach the base. */
async function change({ dossier, maroc, autre, tag, note }: Awaited<ReturnType<typeof savedLibrary>>) {
  await dossier.handlers.updateNote({ articleId: maroc.id, noteId: note.id, changes: { text: 'Zorglub en visite.' } })
  await highlight(dossier, maroc, 'Première visite officielle')
  await dossier.handlers.updateArticleMeta({ articleId: autre.id, changes: { title: 'Budget' } })
  await dossier.handlers.renameTag({ tagId: tag.id, path: 'Protagonistes/Israël' })
  expect(noteQuotes(await search(dossier, 'zorglub'))).toEqual(['Le ministre arrive à Rabat'])
}

describe('the journal', () => {
  it('takes one line of a few bytes for one note change, and the base is left alone', async () => {
    const { dossier, maroc, note } = await savedLibrary()
    const base = fs.statSync(baseFile())
    await dossier.handlers.updateNote({ articleId: maroc.id, noteId: note.id, changes: { text: 'Zorglub en visite.' } })
    expect(noteQuotes(await search(dossier, 'zorglub'))).toEqual(['Le ministre arrive à Rabat'])
    await until(() => journalSize() > 0, 'the journal grows')
    // Well past the save delay: no rewrite of the base follows.
    await pause(200)
    expect(fs.statSync(baseFile())).toMatchObject({ size: base.size, mtimeMs: base.mtimeMs })
    expect(journalLines()).toEqual([`{"articles":["${maroc.id}"]}`])
    expect(journalSize()).toBe(54)
    expect(journalSize()).toBeLessThan(4096)
  })

  it('is applied at the next start: the same hits as a fresh build, the base never rewritten', async () => {
    const library = await savedLibrary()
    const base = fs.statSync(baseFile())
    await change(library)
    await close(library.dossier)
    expect(fs.statSync(baseFile()).mtimeMs).toBe(base.mtimeMs)
    // A line per batch of changes (calls in quick succession may share one).
    expect(journaled()).toEqual(new Set([library.maroc.id, library.autre.id]))

    const reopened = await open()
    await indexReady(reopened)
    const answers = await answersTo(reopened)
    expect(noteQuotes(answerTo(answers, 'zorglub'))).toEqual(['Le ministre arrive à Rabat'])
    expect(noteQuotes(answerTo(answers, 'tag:protagonistes'))).toEqual(['Le ministre arrive à Rabat'])
    expect(noteQuotes(answerTo(answers, 'tag:acteurs'))).toEqual([])
    expect(articleTitles(answerTo(answers, 'budget'))).toEqual(['Budget'])
    await close(reopened)
    expect(answers.map(hitIds)).toEqual(await freshAnswers())
  })

  it('leaves out a last line cut short by a crash, and appends after it no more', async () => {
    const library = await savedLibrary()
    await change(library)
    await close(library.dossier)
    fs.appendFileSync(journalFile(), `{"articles":["${library.autre.id.slice(0, 9)}`)

    const reopened = await open()
    await indexReady(reopened)
    await reopened.handlers.updateArticleMeta({ articleId: library.autre.id, changes: { title: 'Quasimodo' } })
    const answers = await answersTo(reopened)
    expect(articleTitles(answerTo(answers, 'quasimodo'))).toEqual(['Quasimodo'])
    expect(noteQuotes(answerTo(answers, 'zorglub'))).toEqual(['Le ministre arrive à Rabat'])
    await until(() => journalLines().at(-1) === `{"articles":["${library.autre.id}"]}`, 'a line after the cut one')
    expect(journaled()).toEqual(new Set([library.maroc.id, library.autre.id]))
    await close(reopened)
    expect(answers.map(hitIds)).toEqual(await freshAnswers())
  })

  it('may name articles deleted since, or never there', async () => {
    const library = await savedLibrary()
    const { dossier, autre } = library
    await change(library)
    await dossier.handlers.trashArticle({ articleId: autre.id })
    await dossier.handlers.emptyTrash({})
    expect(articleTitles(await search(dossier, 'budget'))).toEqual([])
    await close(dossier)
    expect(journalLines().at(-1)).toBe(`{"articles":["${autre.id}"]}`)
    fs.appendFileSync(journalFile(), '{"articles":["no-such-article"]}\n')

    const reopened = await open()
    await indexReady(reopened)
    const answers = await answersTo(reopened)
    expect(articleTitles(answerTo(answers, 'budget'))).toEqual([])
    expect(await reopened.handlers.listNotices({})).toEqual([])
    await close(reopened)
    expect(answers.map(hitIds)).toEqual(await freshAnswers())
  })
})

describe('compaction', () => {
  it('rewrites the base and empties the journal once the journal names enough articles', async () => {
    const { dossier, maroc, autre, note } = await savedLibrary({ compaction: { afterArticles: 2 } })
    const base = fs.statSync(baseFile())
    await dossier.handlers.updateNote({ articleId: maroc.id, noteId: note.id, changes: { text: 'Zorglub en visite.' } })
    await until(() => journalLines().length === 1, 'a line')
    await pause(200)
    expect(fs.statSync(baseFile()).mtimeMs).toBe(base.mtimeMs)

    await dossier.handlers.updateArticleMeta({ articleId: autre.id, changes: { title: 'Budget' } })
    await until(() => fs.statSync(baseFile()).mtimeMs !== base.mtimeMs && journalSize() === 0, 'a compaction')
    expect(journalLines()).toEqual([])
    expect(savedArticle(autre.id)).toEqual([autre.id, expect.any(Number), 'none', []])
    await close(dossier)

    // A crash between writing the new base and emptying the journal leaves both: the lines apply again, harmlessly.
    fs.writeFileSync(journalFile(), `{"articles":["${maroc.id}"]}\n{"articles":["${autre.id}"]}\n`)
    const reopened = await open()
    await indexReady(reopened)
    const answers = await answersTo(reopened)
    expect(noteQuotes(answerTo(answers, 'zorglub'))).toEqual(['Le ministre arrive à Rabat'])
    expect(articleTitles(answerTo(answers, 'budget'))).toEqual(['Budget'])
    await close(reopened)
    expect(answers.map(hitIds)).toEqual(await freshAnswers())
  })

  it('marks what changed while it was encoding, so that the next start re-indexes it whole', async () => {
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    let encoding = false
    const beforeEncoding = () => {
      encoding = true
      return held
    }
    const library = await savedLibrary({ compaction: { afterArticles: 2 }, beforeEncoding })
    const { dossier, maroc, autre, tag, note } = library
    const base = fs.statSync(baseFile())
    await dossier.handlers.updateArticleMeta({ articleId: maroc.id, changes: { title: 'Visite officielle au Maroc' } })
    await dossier.handlers.updateArticleMeta({ articleId: autre.id, changes: { title: 'Budget' } })
    await until(() => encoding, 'a compaction takes the index apart')
    // The note loses a word and gets it back; a search meanwhile drops the postings of
    // its first document from the very maps being saved.
    await dossier.handlers.updateNote({ articleId: maroc.id, noteId: note.id, changes: { text: 'Zorglub.' } })
    expect(noteQuotes(await search(dossier, 'premiere '))).toEqual([])
    await dossier.handlers.updateNote({ articleId: maroc.id, noteId: note.id, changes: { text: 'Première visite.' } })
    expect(noteQuotes(await search(dossier, 'premiere '))).toEqual(['Le ministre arrive à Rabat'])
    release()
    await until(() => fs.statSync(baseFile()).mtimeMs !== base.mtimeMs, 'the compaction')
    expect(savedArticle(maroc.id)).toEqual([maroc.id, -1, '', [[note.id, [tag.id], note.createdAt, -1]]])
    expect(savedArticle(autre.id)).toEqual([autre.id, expect.any(Number), 'none', []])
    await close(dossier)

    const reopened = await open()
    await indexReady(reopened)
    expect(noteQuotes(await search(reopened, 'premiere '))).toEqual(['Le ministre arrive à Rabat'])
    const answers = await answersTo(reopened)
    await close(reopened)
    expect(answers.map(hitIds)).toEqual(await freshAnswers())
  })
})

describe('while the index loads', () => {
  it('answers from a scan, flagged, with the same hits and marks as the index', async () => {
    {
      const dossier = await open()
      const maroc = await addArticle(dossier, 'Visite au Maroc', `${ACCENTED}\n\nLe ministre arrive à Rabat.`)
      await addArticle(dossier, 'Autre', PLAIN)
      const tag = await dossier.handlers.createTag({ path: 'Acteurs/Israël' })
      const note = await highlight(dossier, maroc, 'Le ministre arrive à Rabat')
      await dossier.handlers.setNoteTags({ articleId: maroc.id, noteId: note.id, tagIds: [tag.id] })
      await dossier.handlers.updateNote({
        articleId: maroc.id,
        noteId: note.id,
        changes: { text: 'Arrivée remarquée.' }
      })
      await close(dossier)
    }

    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    fs.rmSync(dataLayout.searchIndex(folder.dataDir))
    const dossier = await open({ search: { saveDelayMs: 20, beforeReady: () => held } })
    const queries = [
      'securite',
      'securte ',
      'armee ',
      'l’arm',
      'elys',
      'tag:acteurs',
      'ministre tag:acteurs/israel',
      'arrivee',
      'article:maroc',
      'ministre rabat'
    ]
    const scanned = []
    for (const query of queries) scanned.push(await search(dossier, query))
    expect(scanned.every((results) => results.indexing)).toBe(true)
    release()
    await indexReady(dossier)
    const indexed = []
    for (const query of queries) indexed.push(await search(dossier, query))
    expect(scanned.map(hitIds)).toEqual(indexed.map(hitIds))
    // Equal scores may come in another order: compare hit by hit.
    const articleMarks = (results: SearchResults) =>
      Object.fromEntries(results.articles.map((hit) => [hit.articleId, [hit.offset, marked(hit.snippet)]]))
    const noteMarks = (results: SearchResults) =>
      Object.fromEntries(results.notes.map((hit) => [hit.noteId, [marked(hit.quote), marked(hit.text)]]))
    expect(scanned.map(articleMarks)).toEqual(indexed.map(articleMarks))
    expect(scanned.map(noteMarks)).toEqual(indexed.map(noteMarks))
    expect(scanned.some((results) => results.articles.length > 0 && results.notes.length > 0)).toBe(true)
  })
})
