/**
 * The search index in memory and what the service knows of it, in one object with named
 * fields: the MiniSearch index, the bookkeeping that tells whether an entry is current,
 * and the flags the other parts read (ready, closing, what is being indexed in slices).
 * The parts that load, change and query the index all hold this one object, instead of
 * sharing a dozen variables of one closure.
 */
import MiniSearch, { type Options } from 'minisearch'
import type { Field, IndexedArticle, IndexedNote, IndexState, SearchDoc } from './indexStore'
import { yieldToEventLoop } from './indexFile'
import { termsOfWord, wordsOf } from './terms'

export const ARTICLE_FIELDS: Field[] = ['title', 'outlet', 'author', 'body']
export const NOTE_FIELDS: Field[] = ['quote', 'text', 'tags']
/** A word in a title says more about an article than the same word somewhere in its text. */
export const BOOST: Record<Field, number> = { title: 4, outlet: 1.5, author: 2, body: 1, quote: 2, text: 2, tags: 3 }

export const MINI_OPTIONS: Options<SearchDoc> = {
  idField: 'id',
  fields: [...ARTICLE_FIELDS, ...NOTE_FIELDS],
  storeFields: [],
  tokenize: wordsOf,
  processTerm: termsOfWord
}

/** Longest stretch of work before the event loop gets a turn. */
const SLICE_MS = 8

export class LiveIndex {
  index = new MiniSearch<SearchDoc>(MINI_OPTIONS)
  articles = new Map<string, IndexedArticle>()
  notes = new Map<string, IndexedNote>()
  /** Tag paths as the indexed notes carry them, to find the notes a rename or merge changes. */
  tags = new Map<string, string>()
  /** Until true, searches scan the library instead of asking the index. */
  ready = false
  /** Set by `close`: long loops stop at their next step. */
  closing = false
  /** Articles whose text is being indexed in slices, id → title: searches answer without them, saying so. */
  readonly beingIndexed = new Map<string, string>()
  /** Documents in the index only in part while their terms are posted: never returned by a search. */
  readonly hiddenDocs = new Set<string>()
  private sliceStarted = performance.now()

  /** Takes over an index read from disk. */
  adopt(loaded: IndexState): void {
    this.index = loaded.index
    this.articles = loaded.articles
    this.notes = loaded.notes
    this.tags = loaded.tags
  }

  /** What a compaction may take apart: nothing until ready, nor while an article is in the index only in part. */
  snapshot(): IndexState | null {
    if (!this.ready || this.hiddenDocs.size > 0) return null
    return { index: this.index, articles: this.articles, notes: this.notes, tags: this.tags }
  }

  /** Gives the event loop a turn once the current stretch of work has run SLICE_MS. */
  async maybeYield(): Promise<void> {
    if (performance.now() - this.sliceStarted < SLICE_MS) return
    await yieldToEventLoop()
    this.sliceStarted = performance.now()
  }
}
