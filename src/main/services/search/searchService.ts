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
 * Every change reaches the index as an event of the stores (changeEvents.ts), heard once the
 * write is on disk: the mapping from events to what must be re-indexed is indexChanges.ts's,
 * and nowhere else. Re-indexing reads the stores' current state, so it
 * is idempotent and the order of calls does not matter; `search` waits for pending updates
 * before answering, except while a long article is being indexed in slices (slicedAdd.ts,
 * 0.5–2 s for 3 MB): it then answers at once from the index as it stands and names that
 * article in `articlesBeingIndexed`, so no answer waits for a long text (issue 12).
 *
 * The parts: liveIndex.ts holds the index and its bookkeeping, libraryReader.ts reads the
 * library, indexSync.ts keeps the index in step, queryAnswering.ts answers, indexStore.ts
 * saves; this file wires them, loads the index at start-up and orders the work.
 */
import type { ApiInput } from '../../../shared/api/contract'
import { serialQueue } from '../../../shared/async/serialQueue'
import { errorMessage } from '../../../shared/errorMessage'
import type { SearchResults } from '../../../shared/search/results'
import type { ArticleStore } from '../articleStore'
import type { ChangeEvents, StoreChange } from '../changeEvents'
import type { NoteStore } from '../noteStore'
import { dataLayout } from '../schema'
import type { TagStore } from '../tagStore'
import { yieldToEventLoop } from './indexFile'
import { DEFAULT_COMPACTION, openIndexStore, type CompactionPolicy } from './indexStore'
import { noteChange, type PendingChanges } from './indexChanges'
import { IndexSync } from './indexSync'
import { LibraryReader } from './libraryReader'
import { LiveIndex, MINI_OPTIONS } from './liveIndex'
import { hitsFor, indexSearch, scanSearch } from './queryAnswering'
import { SLICE_CHARS } from './slicedAdd'
import { parseQuery } from './terms'

const DEFAULT_LIMIT = 20

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
  /** What the stores say they changed; the index follows it from `start` to `close`. */
  events: ChangeEvents
  log?: (message: string) => void
}

export interface SearchService {
  search(input: ApiInput<'search'>): Promise<SearchResults>
  /** Loads or rebuilds the index in the background. */
  start(): void
  /** Waits for background work, saves what is due, and stops. */
  close(): Promise<void>
}

export function createSearchService(deps: SearchServiceDependencies): SearchService {
  const log = deps.log ?? ((message: string) => console.warn(`Search index: ${message}`))
  const live = new LiveIndex()
  const library = new LibraryReader(deps.articles, deps.notes, deps.tags, deps.dataDir)
  const store = openIndexStore({
    baseFile: dataLayout.searchIndex(deps.dataDir),
    miniOptions: MINI_OPTIONS,
    saveDelayMs: deps.saveDelayMs ?? 2000,
    compaction: { ...DEFAULT_COMPACTION, ...deps.compaction },
    log,
    // Not while an article is in the index only in part: a compaction then waits for the next change.
    live: () => live.snapshot(),
    beforeEncoding: deps.beforeEncoding
  })
  const waits = new SearchWaits()
  const sync = new IndexSync(
    live,
    library,
    store,
    {
      sliceChars: deps.sliceChars ?? SLICE_CHARS,
      postBatch: deps.postBatch,
      betweenSlices: deps.betweenSlices,
      onLongArticle: () => waits.release()
    },
    log
  )

  /** Index work runs one task at a time, in call order; a failure is logged and the next task runs. */
  const work = serialQueue()
  const enqueue = (task: () => Promise<void>): Promise<void> =>
    work.run(task).catch((error: unknown) => log(`an update failed: ${errorMessage(error)}`))
  /** Settles once every task queued so far has. */
  const workDone = (): Promise<void> => work.run(() => undefined)

  const startUp = async (): Promise<void> => {
    // Off the start-up path: openDossier has returned and the first calls are being answered.
    await yieldToEventLoop()
    const started = performance.now()
    const loaded = await store.load(() => live.closing)
    if (live.closing) return
    if (loaded.state) live.adopt(loaded.state)
    const loadedAt = performance.now()
    const changed = await sync.reconcile(loaded.journalDamaged ? 'all' : loaded.journaled)
    if (live.closing) return
    // What the journal does not name yet, so the next start need not look again (without a base, all of it is due anyway).
    if (loaded.state) store.record([...changed].filter((articleId) => !loaded.journaled.has(articleId)))
    await deps.beforeReady?.()
    live.ready = true
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
          ` (${how}, ${live.index.documentCount} documents; reading ${Math.round(loadedAt - started)} ms` +
          `${loaded.state && !loaded.direct ? ', through MiniSearch.loadJS' : ''})`
      )
    }
  }

  // Changes gather here between two passes; one pass is queued at a time.
  const pending: PendingChanges = { docs: new Set(), notes: new Set(), tags: false, removed: false }
  let applyQueued = false
  const applyPending = async (): Promise<void> => {
    applyQueued = false
    await sync.apply(pending)
  }

  /** Heard synchronously from a store: only notes what to re-index and queues one pass; never waits. */
  const follow = (change: StoreChange): void => {
    if (!noteChange(change, pending)) return
    if (!applyQueued) {
      applyQueued = true
      void enqueue(applyPending)
    }
  }
  // From now: a change made before `start` (a crash's tag change completed) is found by the comparison at start-up.
  const stopFollowing = deps.events.listen(follow)

  const search = async ({ query, limit = DEFAULT_LIMIT }: ApiInput<'search'>): Promise<SearchResults> => {
    const parsed = parseQuery(query)
    const indexing = !live.ready
    if (!indexing) await waits.settled(live, workDone)
    // The scan reads every article whole, so only the index can leave one out.
    const articlesBeingIndexed = indexing
      ? []
      : [...live.beingIndexed].map(([articleId, title]) => ({ articleId, title }))
    const empty = parsed.terms.length === 0 && parsed.tagPaths.length === 0 && parsed.articleWords.length === 0
    const candidates = empty
      ? []
      : live.ready
        ? indexSearch(live, library, parsed, limit)
        : await scanSearch(library, parsed, limit, () => live.maybeYield())
    const hits = await hitsFor(library, candidates)
    return { query, ...hits, indexing, articlesBeingIndexed }
  }

  return {
    search,
    start() {
      void enqueue(startUp)
    },
    async close() {
      stopFollowing()
      live.closing = true
      await workDone()
      await store.close()
    }
  }
}

/** Searches waiting for index work to settle, let through early when a long article starts being indexed. */
class SearchWaits {
  private readonly waiting = new Set<() => void>()

  /**
   * Resolves once the index work queued so far is done, or as soon as an article is being
   * indexed in slices: a search then answers from the index as it stands rather than wait
   * the seconds a 3 MB text takes, and names what it left out.
   */
  settled(live: LiveIndex, workDone: () => Promise<void>): Promise<void> {
    if (live.beingIndexed.size > 0) return Promise.resolve()
    return new Promise((resolve) => {
      const done = (): void => {
        this.waiting.delete(done)
        resolve()
      }
      this.waiting.add(done)
      void workDone().then(done)
    })
  }

  release(): void {
    for (const done of [...this.waiting]) done()
  }
}
