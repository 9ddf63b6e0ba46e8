/**
 * One search box over the whole library: article titles, outlets, authors and text, note
 * quotes, note text and tag paths, with `tag:` and `article:` filters.
 *
 * Why MiniSearch: it is small (no dependencies, a few thousand lines we can read), kept
 * up, does prefix and fuzzy matching per term (what a box searched while typing needs),
 * takes our own tokenizer and term folding, supports removing and replacing documents
 * one at a time, and serialises its index to plain JSON, so a big library does not have
 * to be re-indexed at every start. Lunr cannot change an index once built, and native
 * engines need a build per platform; neither buys anything at 50,000 documents. French
 * function words are not indexed and prefixes start at three letters (see terms.ts): both
 * keep the slowest queries of a 50,000-note library under 50 ms (bench/README.md, 6).
 * DOSSIER_SEARCH_LOG=1 prints when the index is ready, for benchmarks.
 *
 * Start-up never waits for the index: it is loaded (or rebuilt) in the background, in
 * slices that let API calls through, and until it is ready `search` answers from a scan
 * of every document with the same tokenizer and matching rules, flagged `indexing: true`.
 * A saved index is compared with the library article by article (metadata signature,
 * notes file size and time, tag paths): what differs is re-indexed, so a saved index that
 * missed the last seconds before a crash costs a few articles, a missing, damaged or
 * outdated one a full rebuild. Saving is indexStore.ts's: a base rewritten rarely and a
 * journal line per change, naming the articles to re-index at the next load.
 *
 * Every change reaches the index through `afterCall`, which `dossier.ts` calls after each
 * successful API call: the mapping from API methods to what must be re-indexed is
 * indexChanges.ts's, and nowhere else. Re-indexing reads the stores' current state, so it
 * is idempotent and the order of calls does not matter; `search` waits for pending updates
 * before answering, except while a long article is being indexed in slices (slicedAdd.ts,
 * 0.5–2 s for 3 MB): it then answers at once from the index as it stands and names that
 * article in `articlesBeingIndexed`, so no answer waits for a long text (issue 12).
 */
import fs from 'node:fs/promises'
import MiniSearch, { type Options, type SearchResult } from 'minisearch'
import type { ApiInput } from '../../../shared/api/contract'
import type { ApiMethod } from '../../../shared/api/methods'
import { articlePlainText, type ArticleMeta } from '../../../shared/domain/article'
import type { Note } from '../../../shared/domain/note'
import type { ArticleHit, NoteHit, SearchResults } from '../../../shared/search/results'
import { tagIdsUnder, type Tag } from '../../../shared/tags/tags'
import { foldForSearch } from '../../../shared/text/fold'
import type { ArticleStore } from '../articleStore'
import type { NoteStore } from '../noteStore'
import { dataLayout } from '../schema'
import type { TagStore } from '../tagStore'
import { yieldToEventLoop } from './indexFile'
import {
  DEFAULT_COMPACTION,
  openIndexStore,
  type CompactionPolicy,
  type Field,
  type IndexedArticle,
  type IndexedNote,
  type SearchDoc
} from './indexStore'
import { articleSig, noteChanges, noteSig, type PendingChanges } from './indexChanges'
import { countDocument, postCounted, SLICE_CHARS } from './slicedAdd'
import { firstByPattern, firstMatch, firstMatchIn, foldText, snippetAround, type FoldedText } from './snippet'
import {
  isFuzzyTerm,
  isPrefixTerm,
  matchKind,
  MIN_PREFIX_LENGTH,
  parseQuery,
  termSet,
  termsOfWord,
  wordsOf,
  type ParsedQuery
} from './terms'

const ARTICLE_FIELDS: Field[] = ['title', 'outlet', 'author', 'body']
const NOTE_FIELDS: Field[] = ['quote', 'text', 'tags']
/** A word in a title says more about an article than the same word somewhere in its text. */
const BOOST: Record<Field, number> = { title: 4, outlet: 1.5, author: 2, body: 1, quote: 2, text: 2, tags: 3 }
/** MiniSearch's own weights for prefix and fuzzy matches, reused by the scan so both rank alike. */
const WEIGHT = { exact: 1, prefix: 0.375, fuzzy: 0.45 }
const DEFAULT_LIMIT = 20
/** Article texts kept for snippets: 15 to 30 MB for 50 kB articles (reading one again costs about a millisecond). */
const BODY_CACHE_SIZE = 300
const NOTHING: ReadonlySet<string> = new Set()
/** Longest stretch of work before the event loop gets a turn. */
const SLICE_MS = 8
/** Notes files whose size and time are asked for together when the index is compared with the library. */
const STATS_AT_ONCE = 64

const MINI_OPTIONS: Options<SearchDoc> = {
  idField: 'id',
  fields: [...ARTICLE_FIELDS, ...NOTE_FIELDS],
  storeFields: [],
  tokenize: wordsOf,
  processTerm: termsOfWord
}

export interface SearchServiceOptions {
  /** Time between the saved index's base falling due for a rewrite and the rewrite. */
  saveDelayMs?: number
  /** When the base is rewritten (see indexStore.ts); tests lower it. */
  compaction?: Partial<CompactionPolicy>
  /** Test seam: awaited just before the index is declared ready, to hold the scan fallback in place. */
  beforeReady?: () => Promise<void>
  /** Test seam: awaited by a compaction between taking the index apart and encoding it. */
  beforeEncoding?: () => Promise<void>
  /** Test seam: awaited between two slices of an article being indexed (slicedAdd.ts). */
  betweenSlices?: () => Promise<void>
  /** Text counted per slice, and terms posted per batch (slicedAdd.ts); tests lower them to slice short texts. */
  sliceChars?: number
  postBatch?: number
}

export interface SearchServiceDependencies extends SearchServiceOptions {
  dataDir: string
  articles: ArticleStore
  notes: NoteStore
  tags: TagStore
  log?: (message: string) => void
}

export interface SearchService {
  search(input: ApiInput<'search'>): Promise<SearchResults>
  /** Tells the index about a successful API call; never throws and never waits. */
  afterCall(method: ApiMethod, input: unknown, output: unknown): void
  /** Loads or rebuilds the index in the background. */
  start(): void
  /** Waits for background work, saves what is due, and stops. */
  close(): Promise<void>
}

/** Document terms that matched, per field: what the snippets mark. */
type Matched = Map<Field, Set<string>>

interface Candidate {
  kind: 'article' | 'note'
  articleId: string
  noteId?: string
  matched: Matched
  score: number
}

export function createSearchService(deps: SearchServiceDependencies): SearchService {
  const { articles, notes, tags } = deps
  const log = deps.log ?? ((message: string) => console.warn(`Search index: ${message}`))

  let index = new MiniSearch<SearchDoc>(MINI_OPTIONS)
  let indexedArticles = new Map<string, IndexedArticle>()
  let indexedNotes = new Map<string, IndexedNote>()
  /** Tag paths as the indexed notes carry them, to find the notes a rename or merge changes. */
  let indexedTags = new Map<string, string>()
  let ready = false
  let closing = false
  const store = openIndexStore({
    baseFile: dataLayout.searchIndex(deps.dataDir),
    miniOptions: MINI_OPTIONS,
    saveDelayMs: deps.saveDelayMs ?? 2000,
    compaction: { ...DEFAULT_COMPACTION, ...deps.compaction },
    log,
    // Not while an article is in the index only in part: a compaction then waits for the next change.
    live: () =>
      ready && hiddenDocs.size === 0
        ? { index, articles: indexedArticles, notes: indexedNotes, tags: indexedTags }
        : null,
    beforeEncoding: deps.beforeEncoding
  })

  /** Index work runs one task at a time, in call order. */
  let queue: Promise<void> = Promise.resolve()
  const enqueue = (task: () => Promise<void>): Promise<void> => {
    queue = queue.then(task).catch((error: unknown) => log(`an update failed: ${describe(error)}`))
    return queue
  }

  let sliceStarted = performance.now()
  const maybeYield = async (): Promise<void> => {
    if (performance.now() - sliceStarted < SLICE_MS) return
    await yieldToEventLoop()
    sliceStarted = performance.now()
  }
  const sliceChars = deps.sliceChars ?? SLICE_CHARS
  const betweenSlices = async (): Promise<void> => {
    await deps.betweenSlices?.()
    await maybeYield()
  }

  /** Articles whose text is being indexed in slices, id → title: searches answer without them, saying so. */
  const beingIndexed = new Map<string, string>()
  /** Documents in the index only in part while their terms are posted: never returned by a search. */
  const hiddenDocs = new Set<string>()
  /** Searches waiting for index work to settle. */
  const searchWaiters = new Set<() => void>()
  /**
   * Resolves once the index work queued so far is done, or as soon as an article is being
   * indexed in slices: a search then answers from the index as it stands rather than wait
   * the seconds a 3 MB text takes, and names what it left out.
   */
  const indexSettled = (): Promise<void> => {
    if (beingIndexed.size > 0) return Promise.resolve()
    return new Promise((resolve) => {
      const done = () => {
        searchWaiters.delete(done)
        resolve()
      }
      searchWaiters.add(done)
      void queue.then(done)
    })
  }
  const letSearchesThrough = (): void => {
    for (const done of [...searchWaiters]) done()
  }

  // -------------------------------------------------------------------------------------
  // Reading the library

  const allMetas = (): ArticleMeta[] => [...articles.list(), ...articles.listTrash()]
  const metaOf = (articleId: string): ArticleMeta | undefined => allMetas().find((meta) => meta.id === articleId)
  const tagMap = (): Map<string, Tag> => new Map(tags.list().map((tag) => [tag.id, tag]))

  /** Not kept by the article store: indexing reads every body once and must not leave them all in memory. */
  const bodyText = async (meta: ArticleMeta): Promise<string> =>
    articlePlainText((await articles.getBody(meta.id, { keep: false })).blocks)

  /**
   * Bodies kept for snippets, from a cache (results while typing show the same articles
   * again and again), each with its folded copy once one was needed.
   */
  const bodies = new Map<string, { version: string; text: string; folded: FoldedText | null }>()
  const cachedBody = async (meta: ArticleMeta) => {
    const version = meta.editedAt ?? meta.importedAt
    const cached = bodies.get(meta.id)
    bodies.delete(meta.id)
    const body = cached?.version === version ? cached : { version, text: await bodyText(meta), folded: null }
    bodies.set(meta.id, body)
    if (bodies.size > BODY_CACHE_SIZE) bodies.delete(bodies.keys().next().value!)
    return body
  }
  /**
   * Where the first of `terms` is in an article: found by expression, and only failing that
   * in its folded copy, which costs most.
   */
  const firstInBody = async (meta: ArticleMeta, terms: ReadonlySet<string>) => {
    const body = await cachedBody(meta)
    const found = firstByPattern(body.text, terms)
    if (found) return { text: body.text, first: found }
    body.folded ??= foldText(body.text)
    return { text: body.text, first: firstMatchIn(body.folded, terms) }
  }

  const notesStamp = async (articleId: string): Promise<string> => {
    try {
      const stat = await fs.stat(dataLayout.notes(deps.dataDir, articleId))
      return `${stat.size}:${stat.mtimeMs}`
    } catch {
      return 'none'
    }
  }

  const tagPathsOf = (note: Pick<Note, 'tagIds'>, byId: Map<string, Tag>): string[] =>
    note.tagIds.flatMap((id) => {
      const tag = byId.get(id)
      return tag ? [tag.path] : []
    })

  // -------------------------------------------------------------------------------------
  // Keeping the index in step

  /**
   * Indexes an article's own document in slices (slicedAdd.ts), so that a long text never
   * holds the serving thread for long. The old document stays findable while the new one is
   * counted; the new one is hidden while its terms are posted. Not saved until whole: a crash
   * meanwhile leaves the saved index without it, and the next start re-indexes it.
   */
  const indexArticleDoc = async (articleId: string, doc: SearchDoc): Promise<void> => {
    const long = (doc.body?.length ?? 0) > sliceChars
    if (long) {
      beingIndexed.set(articleId, doc.title ?? '')
      letSearchesThrough()
    }
    try {
      const counted = await countDocument(doc, ARTICLE_FIELDS, betweenSlices, sliceChars)
      store.touch(articleId)
      if (index.has(doc.id)) index.discard(doc.id)
      hiddenDocs.add(doc.id)
      try {
        await postCounted(index, doc, counted, betweenSlices, deps.postBatch)
      } catch (error) {
        // Out again rather than left in part; the article's signature is not updated, so it is tried again.
        if (index.has(doc.id)) index.discard(doc.id)
        throw error
      } finally {
        hiddenDocs.delete(doc.id)
      }
    } finally {
      beingIndexed.delete(articleId)
    }
  }

  const upsert = (articleId: string, doc: SearchDoc): void => {
    store.touch(articleId)
    if (index.has(doc.id)) index.replace(doc)
    else index.add(doc)
  }
  const discard = (articleId: string, docId: string): void => {
    store.touch(articleId)
    if (index.has(docId)) index.discard(docId)
  }

  /** Takes an article and its notes out of the index; false when it was not in it. */
  const removeArticle = (articleId: string): boolean => {
    const state = indexedArticles.get(articleId)
    if (!state) return false
    discard(articleId, `a:${articleId}`)
    for (const noteId of state.noteIds) {
      discard(articleId, `n:${noteId}`)
      indexedNotes.delete(noteId)
    }
    indexedArticles.delete(articleId)
    return true
  }

  /**
   * Brings one article's document and/or its notes' documents in line with the stores;
   * true when anything of it that the saved index holds changed.
   */
  const syncArticle = async (articleId: string, doc: boolean, withNotes: boolean, stamp?: string): Promise<boolean> => {
    const meta = metaOf(articleId)
    if (!meta) return removeArticle(articleId)
    let changed = false
    let state = indexedArticles.get(articleId)
    if (!state) {
      state = { sig: Number.NaN, stamp: '', noteIds: [] }
      indexedArticles.set(articleId, state)
      doc = withNotes = true
      changed = true
    }
    if (doc) {
      const sig = articleSig(meta)
      if (sig !== state.sig) {
        let body = ''
        try {
          body = await bodyText(meta)
        } catch (error) {
          // Its title and notes stay findable; the article store reports the missing text when it is opened.
          log(`the text of ${articleId} could not be read (${describe(error)})`)
        }
        await indexArticleDoc(articleId, {
          id: `a:${articleId}`,
          title: meta.title,
          outlet: meta.outlet ?? undefined,
          author: meta.author ?? undefined,
          body
        })
        state.sig = sig
        changed = true
      }
    }
    if (withNotes) {
      // Stamp first: a write landing after it makes the stamp look old, which only costs a re-check later.
      const fileStamp = stamp ?? (await notesStamp(articleId))
      let list: Note[]
      try {
        list = await notes.list(articleId)
      } catch (error) {
        log(`the notes of ${articleId} could not be read (${describe(error)})`)
        return changed
      }
      const byId = tagMap()
      const present = new Set<string>()
      for (const note of list) {
        present.add(note.id)
        const paths = tagPathsOf(note, byId)
        const sig = noteSig(note, paths)
        if (indexedNotes.get(note.id)?.sig === sig) continue
        upsert(articleId, {
          id: `n:${note.id}`,
          quote: note.anchor.quote.exact,
          text: note.text,
          tags: paths.join('\n')
        })
        indexedNotes.set(note.id, { articleId, tagIds: [...note.tagIds], createdAt: note.createdAt, sig })
        changed = true
      }
      for (const noteId of state.noteIds) {
        if (present.has(noteId)) continue
        discard(articleId, `n:${noteId}`)
        indexedNotes.delete(noteId)
        changed = true
      }
      state.noteIds = [...present]
      if (state.stamp !== fileStamp) changed = true
      state.stamp = fileStamp
    }
    return changed
  }

  /** Articles holding a note that carries a tag whose path changed, appeared or went since it was indexed. */
  const articlesWithChangedTags = (): Set<string> => {
    const current = new Map(tags.list().map((tag) => [tag.id, tag.path]))
    const changed = new Set<string>()
    for (const [id, path] of current) if (indexedTags.get(id) !== path) changed.add(id)
    for (const id of indexedTags.keys()) if (!current.has(id)) changed.add(id)
    const affected = new Set<string>()
    if (changed.size === 0) return affected
    for (const note of indexedNotes.values()) {
      if (note.tagIds.some((id) => changed.has(id))) affected.add(note.articleId)
    }
    return affected
  }

  const rememberTags = (): void => {
    indexedTags = new Map(tags.list().map((tag) => [tag.id, tag.path]))
  }

  /**
   * Compares the index with the library article by article and re-indexes what differs,
   * and, whatever their stamps say, the `recheck` articles (all of them for 'all');
   * returns the articles whose entries changed.
   */
  const reconcile = async (recheck: ReadonlySet<string> | 'all'): Promise<Set<string>> => {
    const changed = new Set<string>()
    const metas = allMetas()
    const present = new Set(metas.map((meta) => meta.id))
    for (const articleId of [...indexedArticles.keys()]) {
      if (!present.has(articleId) && removeArticle(articleId)) changed.add(articleId)
    }
    const retagged = articlesWithChangedTags()
    for (let i = 0; i < metas.length; i += STATS_AT_ONCE) {
      const batch = metas.slice(i, i + STATS_AT_ONCE)
      const stamps = await Promise.all(batch.map((meta) => notesStamp(meta.id)))
      for (const [j, meta] of batch.entries()) {
        if (closing) return changed
        const state = indexedArticles.get(meta.id)
        const stamp = stamps[j]!
        const forced = recheck === 'all' || recheck.has(meta.id)
        const doc = forced || state?.sig !== articleSig(meta)
        const withNotes = forced || state?.stamp !== stamp || retagged.has(meta.id)
        if ((doc || withNotes) && (await syncArticle(meta.id, doc, withNotes, stamp))) changed.add(meta.id)
        await maybeYield()
      }
    }
    rememberTags()
    return changed
  }

  const startUp = async (): Promise<void> => {
    // Off the start-up path: openDossier has returned and the first calls are being answered.
    await yieldToEventLoop()
    const started = performance.now()
    const loaded = await store.load(() => closing)
    if (closing) return
    if (loaded.state) {
      ;({ index, articles: indexedArticles, notes: indexedNotes, tags: indexedTags } = loaded.state)
    }
    const loadedAt = performance.now()
    const changed = await reconcile(loaded.journalDamaged ? 'all' : loaded.journaled)
    if (closing) return
    // What the journal does not name yet, so the next start need not look again (without a base, all of it is due anyway).
    if (loaded.state) store.record([...changed].filter((articleId) => !loaded.journaled.has(articleId)))
    await deps.beforeReady?.()
    ready = true
    store.ready()
    // For benchmarks: how long the index took to be ready, as the host saw it.
    if (process.env.DOSSIER_SEARCH_LOG) {
      const how = !loaded.state
        ? 'built'
        : changed.size === 0
          ? 'loaded'
          : `loaded, ${changed.size} articles re-indexed`
      console.log(
        `Search index ready in ${Math.round(performance.now() - started)} ms` +
          ` (${how}, ${index.documentCount} documents; reading ${Math.round(loadedAt - started)} ms` +
          `${loaded.state && !loaded.direct ? ', through MiniSearch.loadJS' : ''})`
      )
    }
  }

  // -------------------------------------------------------------------------------------
  // Changes

  const pending: PendingChanges = { docs: new Set(), notes: new Set(), tags: false, removed: false }
  let flushQueued = false

  const flush = async (): Promise<void> => {
    flushQueued = false
    const docs = new Set(pending.docs)
    const withNotes = new Set(pending.notes)
    const { tags: tagsChanged, removed } = pending
    pending.docs.clear()
    pending.notes.clear()
    pending.tags = pending.removed = false
    const changed = new Set<string>()
    try {
      if (removed) {
        const present = new Set(allMetas().map((meta) => meta.id))
        for (const articleId of [...indexedArticles.keys()]) {
          if (!present.has(articleId) && removeArticle(articleId)) changed.add(articleId)
        }
      }
      if (tagsChanged) for (const articleId of articlesWithChangedTags()) withNotes.add(articleId)
      for (const articleId of new Set([...docs, ...withNotes])) {
        if (await syncArticle(articleId, docs.has(articleId), withNotes.has(articleId))) changed.add(articleId)
        await maybeYield()
      }
      if (tagsChanged) rememberTags()
    } finally {
      // Once re-indexed: a base taken apart before this line is recorded holds these changes (indexStore.ts).
      store.record(changed)
    }
  }

  const afterCall = (method: ApiMethod, input: unknown, output: unknown): void => {
    try {
      if (!noteChanges(method, input, output, pending)) return
      if (!flushQueued) {
        flushQueued = true
        void enqueue(flush)
      }
    } catch (error) {
      log(`${method} could not be followed (${describe(error)})`)
    }
  }

  // -------------------------------------------------------------------------------------
  // Searching

  /** Whether a document passes the query's filters, judged on the live library. */
  const filtersFor = (parsed: ParsedQuery) => {
    const live = new Map(articles.list().map((meta) => [meta.id, meta]))
    const tagSets = parsed.tagPaths.map((tagPath) => tagIdsUnder(tags.list(), tagPath))
    const titleOk = new Map<string, boolean>()
    const articlePasses = (articleId: string): boolean => {
      const meta = live.get(articleId)
      if (!meta) return false
      if (parsed.articleWords.length === 0) return true
      let ok = titleOk.get(articleId)
      if (ok === undefined) {
        const title = foldForSearch(meta.title)
        ok = parsed.articleWords.every((word) => title.includes(word))
        titleOk.set(articleId, ok)
      }
      return ok
    }
    return {
      live,
      articlesWanted: tagSets.length === 0,
      articlePasses,
      notePasses: (articleId: string, tagIds: readonly string[]) =>
        articlePasses(articleId) && tagSets.every((ids) => tagIds.some((id) => ids.has(id)))
    }
  }

  const indexSearch = (parsed: ParsedQuery, limit: number): Candidate[] => {
    const filters = filtersFor(parsed)
    if (parsed.terms.length === 0) {
      const found: Candidate[] = []
      for (const [noteId, note] of indexedNotes) {
        if (filters.notePasses(note.articleId, note.tagIds)) {
          found.push({ kind: 'note', articleId: note.articleId, noteId, matched: new Map(), score: 0 })
        }
      }
      const createdAt = (candidate: Candidate) => indexedNotes.get(candidate.noteId!)!.createdAt
      found.sort((a, b) => compareStrings(createdAt(b), createdAt(a)))
      return [...filterOnlyArticles(parsed, filters, limit), ...found.slice(0, limit)]
    }
    const results = index.search(parsed.terms.join(' '), {
      tokenize: (query) => query.split(' '),
      processTerm: (term) => term,
      fields: filters.articlesWanted ? [...ARTICLE_FIELDS, ...NOTE_FIELDS] : NOTE_FIELDS,
      boost: BOOST,
      combineWith: 'AND',
      boostDocument: hiddenDocs.size > 0 ? (id) => (hiddenDocs.has(id as string) ? 0 : 1) : undefined,
      prefix: (term, position, terms) =>
        parsed.lastIsPrefix && position === terms.length - 1 && term.length >= MIN_PREFIX_LENGTH,
      fuzzy: (term) => (isFuzzyTerm(term) ? 1 : false)
    })
    // Filters are applied to the ranked list, not inside the search: only the top of it is ever looked at.
    const found: Candidate[] = []
    let articleCount = 0
    let noteCount = 0
    for (const result of results) {
      const id = result.id as string
      const rest = id.slice(2)
      if (id.startsWith('a:')) {
        if (articleCount < limit && filters.articlesWanted && filters.articlePasses(rest)) {
          articleCount++
          found.push({ kind: 'article', articleId: rest, ...scored(result) })
        }
      } else if (noteCount < limit) {
        const note = indexedNotes.get(rest)
        if (note && filters.notePasses(note.articleId, note.tagIds)) {
          noteCount++
          found.push({ kind: 'note', articleId: note.articleId, noteId: rest, ...scored(result) })
        }
      }
      if (noteCount >= limit && (articleCount >= limit || !filters.articlesWanted)) break
    }
    return found
  }

  const filterOnlyArticles = (
    parsed: ParsedQuery,
    filters: ReturnType<typeof filtersFor>,
    limit: number
  ): Candidate[] => {
    if (!filters.articlesWanted || parsed.articleWords.length === 0) return []
    return [...filters.live.keys()]
      .filter((articleId) => filters.articlePasses(articleId))
      .slice(0, limit)
      .map((articleId) => ({ kind: 'article' as const, articleId, matched: new Map(), score: 0 }))
  }

  /** The same rules as the index, applied to every document in turn: what answers while the index loads. */
  const scanSearch = async (parsed: ParsedQuery, limit: number): Promise<Candidate[]> => {
    const filters = filtersFor(parsed)
    const articleHits: Candidate[] = []
    const noteHits: (Candidate & { createdAt: string })[] = []
    const byId = tagMap()
    for (const meta of filters.live.values()) {
      if (!filters.articlePasses(meta.id)) continue
      if (filters.articlesWanted && parsed.terms.length > 0) {
        let body = ''
        try {
          body = await bodyText(meta)
        } catch {
          // Searched without its text, as the index does.
        }
        const found = matchDocument(parsed, [
          ['title', meta.title],
          ['outlet', meta.outlet ?? ''],
          ['author', meta.author ?? ''],
          ['body', body]
        ])
        if (found) articleHits.push({ kind: 'article', articleId: meta.id, ...found })
      }
      let list: Note[] = []
      try {
        list = await notes.list(meta.id)
      } catch {
        // Unreadable notes are left out here as they are from the index.
      }
      for (const note of list) {
        if (!filters.notePasses(meta.id, note.tagIds)) continue
        const base = { kind: 'note' as const, articleId: meta.id, noteId: note.id, createdAt: note.createdAt }
        if (parsed.terms.length === 0) {
          noteHits.push({ ...base, matched: new Map(), score: 0 })
          continue
        }
        const found = matchDocument(parsed, [
          ['quote', note.anchor.quote.exact],
          ['text', note.text],
          ['tags', tagPathsOf(note, byId).join('\n')]
        ])
        if (found) noteHits.push({ ...base, ...found })
      }
      await maybeYield()
    }
    if (parsed.terms.length === 0) {
      noteHits.sort((a, b) => compareStrings(b.createdAt, a.createdAt))
      return [...filterOnlyArticles(parsed, filters, limit), ...noteHits.slice(0, limit)]
    }
    // Stable sorts: equal scores keep library order.
    articleHits.sort((a, b) => b.score - a.score)
    noteHits.sort((a, b) => b.score - a.score)
    return [...articleHits.slice(0, limit), ...noteHits.slice(0, limit)]
  }

  const articleHit = async (meta: ArticleMeta, candidate: Candidate): Promise<ArticleHit> => {
    const terms = candidate.matched.get('body')
    let snippet: ArticleHit['snippet'] = null
    let offset: number | null = null
    if (terms && terms.size > 0) {
      try {
        const { text, first } = await firstInBody(meta, terms)
        if (first) {
          snippet = snippetAround(text, terms, first)
          offset = first.start
        }
      } catch {
        // The hit stands without its excerpt.
      }
    }
    return { articleId: meta.id, title: meta.title, outlet: meta.outlet, snippet, offset, score: candidate.score }
  }

  const noteHit = (meta: ArticleMeta, note: Note, candidate: Candidate, byId: Map<string, Tag>): NoteHit => {
    const inText = candidate.matched.get('text') ?? NOTHING
    const textFirst = firstMatch(note.text, inText)
    return {
      noteId: note.id,
      articleId: meta.id,
      articleTitle: meta.title,
      quote: snippetAround(note.anchor.quote.exact, candidate.matched.get('quote') ?? NOTHING),
      text: textFirst ? snippetAround(note.text, inText, textFirst) : null,
      tags: note.tagIds.flatMap((id) => {
        const tag = byId.get(id)
        return tag ? [{ path: tag.path, color: tag.color }] : []
      }),
      score: candidate.score
    }
  }

  const search = async ({ query, limit = DEFAULT_LIMIT }: ApiInput<'search'>): Promise<SearchResults> => {
    const parsed = parseQuery(query)
    const indexing = !ready
    if (!indexing) await indexSettled()
    // The scan reads every article whole, so only the index can leave one out.
    const articlesBeingIndexed = indexing ? [] : [...beingIndexed].map(([articleId, title]) => ({ articleId, title }))
    const empty = parsed.terms.length === 0 && parsed.tagPaths.length === 0 && parsed.articleWords.length === 0
    const candidates = empty ? [] : ready ? indexSearch(parsed, limit) : await scanSearch(parsed, limit)
    const byId = tagMap()
    const metas = new Map(allMetas().map((meta) => [meta.id, meta]))
    // In parallel: reading bodies and notes files overlaps, and the order is kept by position.
    const hits = await Promise.all(
      candidates.map(async (candidate): Promise<ArticleHit | NoteHit | null> => {
        const meta = metas.get(candidate.articleId)
        if (!meta) return null
        if (candidate.kind === 'article') return articleHit(meta, candidate)
        const note = await notes.find(candidate.articleId, candidate.noteId!).catch(() => undefined)
        return note ? noteHit(meta, note, candidate, byId) : null
      })
    )
    return {
      query,
      articles: hits.filter((hit): hit is ArticleHit => hit !== null && 'title' in hit),
      notes: hits.filter((hit): hit is NoteHit => hit !== null && 'noteId' in hit),
      indexing,
      articlesBeingIndexed
    }
  }

  return {
    search,
    afterCall,
    start() {
      void enqueue(startUp)
    },
    async close() {
      closing = true
      await queue
      await store.close()
    }
  }
}

/** Scores one document's fields against every query word; null unless every word matched somewhere. */
function matchDocument(parsed: ParsedQuery, fields: [Field, string][]): { matched: Matched; score: number } | null {
  const termSets = fields.map(([field, text]) => [field, termSet(text)] as const)
  const matched: Matched = new Map()
  let score = 0
  for (let i = 0; i < parsed.terms.length; i++) {
    const queryTerm = parsed.terms[i]!
    const prefix = isPrefixTerm(parsed, i)
    const fuzzy = isFuzzyTerm(queryTerm)
    let found = false
    for (const [field, terms] of termSets) {
      const add = (docTerm: string, kind: keyof typeof WEIGHT) => {
        found = true
        score += BOOST[field] * WEIGHT[kind]
        let set = matched.get(field)
        if (!set) matched.set(field, (set = new Set()))
        set.add(docTerm)
      }
      if (!prefix && !fuzzy) {
        if (terms.has(queryTerm)) add(queryTerm, 'exact')
        continue
      }
      for (const docTerm of terms) {
        const kind = matchKind(queryTerm, docTerm, prefix, fuzzy)
        if (kind) add(docTerm, kind)
      }
    }
    if (!found) return null
  }
  return { matched, score }
}

function scored(result: SearchResult): { matched: Matched; score: number } {
  const matched: Matched = new Map()
  for (const [term, fields] of Object.entries(result.match)) {
    for (const field of fields as Field[]) {
      let set = matched.get(field)
      if (!set) matched.set(field, (set = new Set()))
      set.add(term)
    }
  }
  return { matched, score: result.score }
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
