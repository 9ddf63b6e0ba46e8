/**
 * Keeps the index in step with the library: re-indexes an article's document and its
 * notes' documents from the stores' current state, takes out what left the library,
 * follows tag renames and merges, and compares a loaded index with the library article
 * by article. Re-indexing reads the stores, so it is idempotent: naming an article that
 * did not change costs a comparison. Every method says which articles' entries changed,
 * so that the saved index's journal can name them (indexStore.ts).
 */
import { BLOCK_SEPARATOR } from '../../../shared/domain/article'
import type { AnyNote } from '../../../shared/domain/note'
import { errorMessage } from '../../../shared/errorMessage'
import type { IndexStore, SearchDoc } from './indexStore'
import { articleSig, noteSig, type PendingChanges } from './indexChanges'
import { ARTICLE_FIELDS, type LiveIndex } from './liveIndex'
import { allNotesOf, quoteOf, tagPathsOf, type LibraryReader } from './libraryReader'
import { addsCountedDirectly, countDocument, postCounted } from './slicedAdd'

/** Notes files whose size and time are asked for together when the index is compared with the library. */
const STATS_AT_ONCE = 64

export interface SlicingOptions {
  /** Text counted per slice (slicedAdd.ts). */
  sliceChars: number
  /** Terms posted per batch (slicedAdd.ts). */
  postBatch?: number
  /** Test seam: awaited between two slices of an article being indexed. */
  betweenSlices?: () => Promise<void>
  /** Said when an article starts being indexed in slices: searches waiting for the index may answer now. */
  onLongArticle: () => void
}

export class IndexSync {
  constructor(
    private readonly live: LiveIndex,
    private readonly library: LibraryReader,
    private readonly store: IndexStore,
    private readonly slicing: SlicingOptions,
    private readonly log: (message: string) => void
  ) {}

  /**
   * Compares the index with the library article by article and re-indexes what differs,
   * and, whatever their stamps say, the `recheck` articles (all of them for 'all');
   * returns the articles whose entries changed.
   */
  async reconcile(recheck: ReadonlySet<string> | 'all'): Promise<Set<string>> {
    const changed = this.removeDeparted()
    const metas = this.library.allMetas()
    const retagged = this.articlesWithChangedTags()
    for (let i = 0; i < metas.length; i += STATS_AT_ONCE) {
      const batch = metas.slice(i, i + STATS_AT_ONCE)
      const stamps = await Promise.all(batch.map((meta) => this.library.notesStamp(meta.id)))
      for (const [j, meta] of batch.entries()) {
        if (this.live.closing) return changed
        const state = this.live.articles.get(meta.id)
        const stamp = stamps[j]!
        const forced = recheck === 'all' || recheck.has(meta.id)
        const doc = forced || state?.sig !== articleSig(meta)
        const withNotes = forced || state?.stamp !== stamp || retagged.has(meta.id)
        if ((doc || withNotes) && (await this.syncArticle(meta.id, doc, withNotes, stamp))) changed.add(meta.id)
        await this.live.maybeYield()
      }
    }
    this.rememberTags()
    return changed
  }

  /** Applies changes gathered from store events (indexChanges.ts), emptying `pending`; returns the articles changed. */
  async apply(pending: PendingChanges): Promise<Set<string>> {
    const docs = new Set(pending.docs)
    const withNotes = new Set(pending.notes)
    const { tags: tagsChanged, removed } = pending
    pending.docs.clear()
    pending.notes.clear()
    pending.tags = pending.removed = false
    const changed = new Set<string>()
    try {
      if (removed) for (const articleId of this.removeDeparted()) changed.add(articleId)
      if (tagsChanged) for (const articleId of this.articlesWithChangedTags()) withNotes.add(articleId)
      for (const articleId of new Set([...docs, ...withNotes])) {
        if (await this.syncArticle(articleId, docs.has(articleId), withNotes.has(articleId))) changed.add(articleId)
        await this.live.maybeYield()
      }
      if (tagsChanged) this.rememberTags()
    } finally {
      // Once re-indexed: a base taken apart before this line is recorded holds these changes (indexStore.ts).
      this.store.record(changed)
    }
    return changed
  }

  /** Takes out every article that left the library for good; returns them. */
  private removeDeparted(): Set<string> {
    const removed = new Set<string>()
    const present = new Set(this.library.allMetas().map((meta) => meta.id))
    for (const articleId of [...this.live.articles.keys()]) {
      if (!present.has(articleId) && this.removeArticle(articleId)) removed.add(articleId)
    }
    return removed
  }

  /** Takes an article and its notes out of the index; false when it was not in it. */
  private removeArticle(articleId: string): boolean {
    const state = this.live.articles.get(articleId)
    if (!state) return false
    this.discard(articleId, `a:${articleId}`)
    for (const noteId of state.noteIds) {
      this.discard(articleId, `n:${noteId}`)
      this.live.notes.delete(noteId)
    }
    this.live.articles.delete(articleId)
    return true
  }

  /**
   * Brings one article's document and/or its notes' documents in line with the stores;
   * true when anything of it that the saved index holds changed.
   */
  private async syncArticle(articleId: string, doc: boolean, withNotes: boolean, stamp?: string): Promise<boolean> {
    const meta = this.library.metaOf(articleId)
    if (!meta) return this.removeArticle(articleId)
    let changed = false
    let state = this.live.articles.get(articleId)
    if (!state) {
      state = { sig: Number.NaN, stamp: '', noteIds: [] }
      this.live.articles.set(articleId, state)
      doc = withNotes = true
      changed = true
    }
    if (doc) {
      const sig = articleSig(meta)
      if (sig !== state.sig) {
        let bodyParts: string[] = []
        try {
          bodyParts = await this.library.bodyParts(meta)
        } catch (error) {
          // Its title and notes stay findable; the article store reports the missing text when it is opened.
          this.log(`the text of ${articleId} could not be read (${errorMessage(error)})`)
        }
        await this.indexArticleDoc(
          articleId,
          {
            id: `a:${articleId}`,
            title: meta.title,
            outlet: meta.outlet ?? undefined,
            author: meta.author ?? undefined
          },
          bodyParts
        )
        state.sig = sig
        changed = true
      }
    }
    if (withNotes) {
      // Stamp first: a write landing after it makes the stamp look old, which only costs a re-check later.
      const fileStamp = stamp ?? (await this.library.notesStamp(articleId))
      let list: AnyNote[]
      try {
        list = await allNotesOf(this.library, articleId)
      } catch (error) {
        this.log(`the notes of ${articleId} could not be read (${errorMessage(error)})`)
        return changed
      }
      if (this.syncNotes(articleId, state, list)) changed = true
      if (state.stamp !== fileStamp) changed = true
      state.stamp = fileStamp
    }
    return changed
  }

  /** Re-indexes the notes whose signature changed and takes out those gone; true when any was. */
  private syncNotes(articleId: string, state: { noteIds: string[] }, list: readonly AnyNote[]): boolean {
    let changed = false
    const byId = this.library.tagMap()
    const present = new Set<string>()
    for (const note of list) {
      present.add(note.id)
      const paths = tagPathsOf(note, byId)
      const sig = noteSig(note, paths)
      if (this.live.notes.get(note.id)?.sig === sig) continue
      this.upsert(articleId, {
        id: `n:${note.id}`,
        quote: quoteOf(note),
        text: note.text,
        tags: paths.join('\n')
      })
      this.live.notes.set(note.id, { articleId, tagIds: [...note.tagIds], createdAt: note.createdAt, sig })
      changed = true
    }
    for (const noteId of state.noteIds) {
      if (present.has(noteId)) continue
      this.discard(articleId, `n:${noteId}`)
      this.live.notes.delete(noteId)
      changed = true
    }
    state.noteIds = [...present]
    return changed
  }

  /**
   * Indexes an article's own document in slices (slicedAdd.ts), so that a long text never
   * holds the serving thread for long. The old document stays findable while the new one is
   * counted; the new one is hidden while its terms are posted. Not saved until whole: a crash
   * meanwhile leaves the saved index without it, and the next start re-indexes it. The body
   * comes as its blocks' texts: joined, a 23 MB text was one copy holding the thread at once.
   */
  private async indexArticleDoc(articleId: string, doc: SearchDoc, bodyParts: readonly string[]): Promise<void> {
    const { live, store, slicing } = this
    const betweenSlices = async (): Promise<void> => {
      await slicing.betweenSlices?.()
      await live.maybeYield()
    }
    const bodyChars = bodyParts.reduce((sum, part) => sum + part.length, 0)
    if (bodyChars > slicing.sliceChars) {
      live.beingIndexed.set(articleId, doc.title ?? '')
      slicing.onLongArticle()
    }
    try {
      const counted = await countDocument(doc, ARTICLE_FIELDS, betweenSlices, slicing.sliceChars, { body: bodyParts })
      store.touch(articleId)
      if (live.index.has(doc.id)) live.index.discard(doc.id)
      live.hiddenDocs.add(doc.id)
      // Only a MiniSearch that takes counted terms leaves the body unjoined (slicedAdd.ts).
      const whole = addsCountedDirectly(live.index) ? doc : { ...doc, body: bodyParts.join(BLOCK_SEPARATOR) }
      try {
        await postCounted(live.index, whole, counted, betweenSlices, slicing.postBatch)
      } catch (error) {
        // Out again rather than left in part; the article's signature is not updated, so it is tried again.
        if (live.index.has(doc.id)) live.index.discard(doc.id)
        throw error
      } finally {
        live.hiddenDocs.delete(doc.id)
      }
    } finally {
      live.beingIndexed.delete(articleId)
    }
  }

  private upsert(articleId: string, doc: SearchDoc): void {
    this.store.touch(articleId)
    if (this.live.index.has(doc.id)) this.live.index.replace(doc)
    else this.live.index.add(doc)
  }

  private discard(articleId: string, docId: string): void {
    this.store.touch(articleId)
    if (this.live.index.has(docId)) this.live.index.discard(docId)
  }

  /** Articles holding a note that carries a tag whose path changed, appeared or went since it was indexed. */
  private articlesWithChangedTags(): Set<string> {
    const current = new Map(this.library.tags.list().map((tag) => [tag.id, tag.path]))
    const changed = new Set<string>()
    for (const [id, path] of current) if (this.live.tags.get(id) !== path) changed.add(id)
    for (const id of this.live.tags.keys()) if (!current.has(id)) changed.add(id)
    const affected = new Set<string>()
    if (changed.size === 0) return affected
    for (const note of this.live.notes.values()) {
      if (note.tagIds.some((id) => changed.has(id))) affected.add(note.articleId)
    }
    return affected
  }

  private rememberTags(): void {
    this.live.tags = new Map(this.library.tags.list().map((tag) => [tag.id, tag.path]))
  }
}
