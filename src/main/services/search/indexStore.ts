/**
 * The saved search index: a base (`search-index.json`, indexFile.ts) and an append-only
 * journal (`search-index.journal`, journal.ts), so that a change writes bytes in proportion
 * to the change, not to the library (issue 12): saving one note used to rewrite the whole
 * index, 55.6 MB for 1,000 articles and 50,000 notes.
 *
 * Why a journal of article ids rather than of index changes: the index is derived from the
 * library, and the service already re-indexes any article from the library (that is how a
 * stale base is patched at load). So a line only says "these articles changed since the
 * base", is tiny, is never wrong to apply (twice, or to a newer base), and needs no format
 * of its own for MiniSearch's changes.
 *
 * What is written when:
 * - after each batch of changes has reached the index, one line naming the articles it
 *   re-indexed (about 40 bytes an article), appended and fsynced off the path of any answer;
 * - the base only at a compaction, which is due when there is no usable base, when the
 *   journal names `afterArticles` articles or holds `afterBytes`, or at a clean close once it
 *   names `atCloseAfterArticles` articles. It starts `saveDelayMs` after it fell due, takes
 *   the index apart in one synchronous step (under 0.1 s for 57,000 terms), then
 *   encodes and writes it in slices while API calls and index updates go on, and finally
 *   rewrites the journal keeping only the lines recorded after that instant.
 *
 * Loading: the base, then the articles the journal names are re-indexed from the library,
 * then every article is compared with the library (metadata signature, notes file size and
 * time, tag paths) and what differs is re-indexed. That comparison also catches what changed
 * behind Dossier's back, and what changed in the instant between a store writing the
 * library and its journal line (the stores write first, the index hears of it after).
 *
 * What a crash can leave, and how loading recovers:
 * - a last journal line cut short: left out; what it named differs from the library and is
 *   caught by the comparison; the journal is rewritten without it before any new append;
 * - a base half written: only a temp file (removed here); the old base and whole journal stand;
 * - a new base with the journal not yet rewritten: the old lines are applied to the new base,
 *   re-indexing a few articles for nothing;
 * - a damaged line before the last (a damaged disk or a hand edit): every article is checked
 *   note by note against the library, and the base is rewritten;
 * - no usable base: a full rebuild in the background, as before.
 *
 * Changes while a compaction encodes: its parts are MiniSearch's own maps (miniSearchParts.ts),
 * so documents and postings added later have short ids the base leaves out, and documents
 * and postings removed later belong to documents discarded later: the base may hold such a
 * document in part. Every article re-indexed between the instant and the end of encoding is
 * therefore saved as unknown (signature -1, no notes stamp, its notes then with signature
 * -1), which makes loading re-index it whole, whatever of it the encoding saw. Any other
 * article's documents and notes are as they were at the instant.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type MiniSearch from 'minisearch'
import type { Options } from 'minisearch'
import { isProcessAlive } from '../../storage/processes'
import {
  readIndexFile,
  UnusableIndexError,
  writeIndexFile,
  type LoadedBase,
  type SavedArticle,
  type SavedNote
} from './indexFile'
import { appendToJournal, journalLine, readJournal, rewriteJournal } from './journal'
import { takeApart } from './miniSearchParts'
import { serialQueue } from '../../../shared/async/serialQueue'
import { errorMessage } from '../../../shared/errorMessage'

export type Field = 'title' | 'outlet' | 'author' | 'body' | 'quote' | 'text' | 'tags'
export type SearchDoc = { id: string } & Partial<Record<Field, string>>

export interface IndexedArticle {
  sig: number
  /** Size and modification time of the notes file when its notes were indexed. */
  stamp: string
  noteIds: string[]
}

export interface IndexedNote {
  articleId: string
  tagIds: string[]
  createdAt: string
  sig: number
}

/** The index and what the service knows of what it holds. */
export interface IndexState {
  index: MiniSearch<SearchDoc>
  articles: Map<string, IndexedArticle>
  notes: Map<string, IndexedNote>
  /** Tag paths as the indexed notes carry them, [id, path]. */
  tags: Map<string, string>
}

export interface CompactionPolicy {
  /** Articles the journal names that make a compaction due. */
  afterArticles: number
  /** Journal bytes that make a compaction due. */
  afterBytes: number
  /** Articles the journal names that make closing compact. */
  atCloseAfterArticles: number
}

/** At most about 50 articles to re-index at load (0.1–1.5 s depending on what changed in them). */
export const DEFAULT_COMPACTION: CompactionPolicy = {
  afterArticles: 50,
  afterBytes: 256 * 1024,
  atCloseAfterArticles: 10
}

export interface IndexStoreOptions {
  /** `search-index.json`; the journal sits beside it. */
  baseFile: string
  miniOptions: Options<SearchDoc>
  /** Time between a compaction falling due and its start. */
  saveDelayMs: number
  compaction: CompactionPolicy
  log: (message: string) => void
  /** The live index, taken apart when a compaction starts; null until it is ready. */
  live: () => IndexState | null
  /** Test seam: awaited by a compaction between taking the index apart and encoding it. */
  beforeEncoding?: () => Promise<void>
}

export interface LoadedIndex {
  /** Null when there was no usable base: the service rebuilds. */
  state: IndexState | null
  /** Articles the journal names: their entries in the base may be out of date. */
  journaled: ReadonlySet<string>
  /** A journal line could not be read: any article may be out of date. */
  journalDamaged: boolean
  /** Whether MiniSearch was put together directly (see miniSearchParts.ts). */
  direct: boolean
}

export interface IndexStore {
  /** Reads the base and the journal; never throws. */
  load(shouldStop: () => boolean): Promise<LoadedIndex>
  /** Said before an article's documents change, so a compaction under way does not trust what it took of them. */
  touch(articleId: string): void
  /** Said once these articles were re-indexed: one journal line, and perhaps a compaction (nothing once closed). */
  record(articleIds: Iterable<string>): void
  /** The index is ready: a compaction may now fall due. */
  ready(): void
  /** Waits for writes under way and compacts if due at close. */
  close(): Promise<void>
}

/** Saved for what changed while its base was written: matches no signature, so loading re-indexes it. */
const UNKNOWN = -1

export function journalFileOf(baseFile: string): string {
  return baseFile.replace(/\.json$/, '') + '.journal'
}

interface Entry {
  /** Order of recording; 0 for lines found at load. */
  seq: number
  ids: readonly string[]
  bytes: number
}

export function openIndexStore(options: IndexStoreOptions): IndexStore {
  const { baseFile, log, compaction: policy } = options
  const journalFile = journalFileOf(baseFile)
  let hasBase = false
  /** A damaged journal: the base must be rewritten whatever the journal's size. */
  let mustCompact = false
  let isReady = false
  let closing = false
  /** Closed: the data folder may be someone else's now, so nothing more is written. */
  let closed = false
  let entries: Entry[] = []
  let lastSeq = 0
  /** Lines up to this one were appended (or failed to be): a journal rewrite may carry them. */
  let appendedSeq = 0
  let journalExists = false
  const journalWrites = serialQueue()
  let timer: NodeJS.Timeout | null = null
  let compacting: Promise<boolean> | null = null
  /** While a compaction encodes: the articles re-indexed since it took the index apart. */
  let touched: Set<string> | null = null

  /** Journal appends and rewrites run one at a time, in call order. */
  const onJournal = (task: () => Promise<void>): Promise<void> =>
    journalWrites.run(task).catch((error: unknown) => log(`the journal could not be written (${errorMessage(error)})`))
  /** Settles once every journal write handed in so far has. */
  const journalSettled = (): Promise<void> => journalWrites.run(() => undefined)

  const namedArticles = (): Set<string> => {
    const named = new Set<string>()
    for (const entry of entries) for (const id of entry.ids) named.add(id)
    return named
  }

  const due = (atClose: boolean): boolean => {
    if (!hasBase || mustCompact) return true
    const bytes = entries.reduce((sum, entry) => sum + entry.bytes, 0)
    const named = namedArticles().size
    return bytes >= policy.afterBytes || named >= (atClose ? policy.atCloseAfterArticles : policy.afterArticles)
  }

  const schedule = (): void => {
    if (closing || !isReady || timer || compacting || !due(false)) return
    timer = setTimeout(() => {
      timer = null
      compacting = compact().finally(() => (compacting = null))
      // After a failure, only the next change tries again: a full disk is not hammered.
      void compacting.then((done) => done && schedule())
    }, options.saveDelayMs)
    timer.unref()
  }

  const compact = async (): Promise<boolean> => {
    const state = options.live()
    if (!state) return false
    const started = performance.now()
    // One instant: everything below is copied (or, for terms, referenced) synchronously.
    const covered = lastSeq
    const parts = takeApart(state.index)
    const captured = [...state.articles].map(
      ([id, article]) => [id, article.sig, article.stamp, article.noteIds] as const
    )
    const tags = [...state.tags]
    const tookApart = performance.now() - started
    const meanwhile = new Set<string>()
    touched = meanwhile
    try {
      await options.beforeEncoding?.()
      await writeIndexFile(baseFile, {
        tags,
        parts,
        articles: () => {
          touched = null
          // The notes of an article not re-indexed since the instant are as they were then.
          return captured.map(([articleId, sig, stamp, noteIds]): SavedArticle => {
            const unknown = meanwhile.has(articleId) || noteIds.some((noteId) => !state.notes.has(noteId))
            const saved = noteIds.map((noteId): SavedNote => {
              const note = state.notes.get(noteId)
              return [noteId, note?.tagIds ?? [], note?.createdAt ?? '', unknown || !note ? UNKNOWN : note.sig]
            })
            return [articleId, unknown ? UNKNOWN : sig, unknown ? '' : stamp, saved]
          })
        }
      })
    } catch (error) {
      log(`it could not be saved (${errorMessage(error)}); the journal keeps the changes`)
      return false
    } finally {
      touched = null
    }
    hasBase = true
    mustCompact = false
    await onJournal(async () => {
      const kept = entries.filter((entry) => entry.seq > covered)
      await rewriteJournal(
        journalFile,
        kept.filter((entry) => entry.seq <= appendedSeq).map((entry) => entry.ids)
      )
      journalExists = true
      entries = kept
    })
    if (process.env.DOSSIER_SEARCH_LOG) {
      console.log(
        `Search index base written in ${Math.round(performance.now() - started)} ms` +
          ` (taken apart in ${Math.round(tookApart)} ms,` +
          ` ${meanwhile.size} articles changed meanwhile)`
      )
    }
    return true
  }

  return {
    async load(shouldStop) {
      const none: LoadedIndex = { state: null, journaled: new Set(), journalDamaged: false, direct: false }
      try {
        await removeStaleTempFiles(baseFile, journalFile)
      } catch {
        // Leftovers cost disk space only.
      }
      const journal = await readJournal(journalFile)
      journalExists = journal.exists
      entries = journal.entries.map((ids) => ({ seq: 0, ids, bytes: Buffer.byteLength(journalLine(ids)) }))
      if (journal.torn || journal.damaged) {
        log(`its journal was ${journal.damaged ? 'damaged' : 'cut short'}; the library is checked instead`)
        mustCompact = journal.damaged
        // New lines must not follow a cut one.
        void onJournal(async () => {
          await rewriteJournal(journalFile, journal.entries)
          journalExists = true
        })
      }
      let base: LoadedBase<SearchDoc> | null = null
      try {
        base = await readIndexFile(baseFile, options.miniOptions, shouldStop)
      } catch (error) {
        const reason = error instanceof UnusableIndexError ? error.message : errorMessage(error)
        log(`the saved index was not used (${reason}); rebuilding it`)
      }
      hasBase = base !== null
      if (!base) return none
      const articles = new Map<string, IndexedArticle>()
      const notes = new Map<string, IndexedNote>()
      for (const [articleId, sig, stamp, savedNotes] of base.articles) {
        articles.set(articleId, { sig, stamp, noteIds: savedNotes.map(([noteId]) => noteId) })
        for (const [noteId, tagIds, createdAt, noteSig] of savedNotes) {
          notes.set(noteId, { articleId, tagIds, createdAt, sig: noteSig })
        }
      }
      return {
        state: { index: base.index, articles, notes, tags: new Map(base.tags) },
        journaled: namedArticles(),
        journalDamaged: journal.damaged,
        direct: base.direct
      }
    },

    touch(articleId) {
      touched?.add(articleId)
    },

    record(articleIds) {
      const ids = [...new Set(articleIds)]
      if (ids.length === 0 || closed) return
      const line = journalLine(ids)
      const entry: Entry = { seq: ++lastSeq, ids, bytes: Buffer.byteLength(line) }
      entries.push(entry)
      void onJournal(async () => {
        try {
          await appendToJournal(journalFile, line, !journalExists)
          journalExists = true
        } finally {
          appendedSeq = Math.max(appendedSeq, entry.seq)
        }
      })
      schedule()
    },

    ready() {
      isReady = true
      schedule()
    },

    async close() {
      closing = true
      if (timer) clearTimeout(timer)
      timer = null
      await compacting
      await journalSettled()
      if (isReady && due(true)) await compact()
      await journalSettled()
      closed = true
    }
  }
}

/** Removes temp files a crashed writer left beside the base or the journal (`.<name>.<pid>.<random>.tmp`). */
async function removeStaleTempFiles(...files: string[]): Promise<void> {
  const dir = path.dirname(files[0]!)
  const names = new Set(files.map((file) => path.basename(file)))
  for (const entry of await fs.readdir(dir)) {
    const match = /^\.(.+)\.(\d+)\.[0-9a-f]+\.tmp$/.exec(entry)
    if (!match || !names.has(match[1]!)) continue
    const pid = Number(match[2])
    if (pid === process.pid || isProcessAlive(pid)) continue
    await fs.rm(path.join(dir, entry), { force: true })
  }
}
