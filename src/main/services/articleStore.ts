/**
 * Article metadata (in the library file) and article bodies (one write-once file each).
 * A body is written before its library entry, so a crash can at worst leave an unused
 * body file, never a library entry without its text. The library entry also keeps the
 * article's note count, so that the library lists without reading any notes file.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import {
  articlePlainText,
  articleStartEnd,
  countWords,
  type ArticleBlock,
  type ArticleBlocksPart,
  type ArticleBody,
  type ArticleMeta,
  type ArticleMetaChanges,
  type ArticleProvenance
} from '../../shared/domain/article'
import { ServiceError } from '../../shared/api/dispatch'
import { hostMessage } from '../../shared/domain/hostMessages'
import { writeFileDurably } from '../storage/durableJsonFile'
import type { JsonDocument } from './jsonDocument'
import { ChangeEvents } from './changeEvents'
import { prepareBody, rememberBodyTerms, type PreparedBody } from './preparedBody'
import { judgeStoredFile } from './fileSchemas'
import { dataLayout, SCHEMA_VERSION, type BodyFile, type LibraryArticle, type LibraryFile } from './schema'
import { errorMessage } from '../../shared/errorMessage'

/**
 * An article to add: its blocks, a title, where it came from, and whatever else the source
 * told; `prepared` when the import worker has already counted and serialised the blocks.
 */
export type NewArticle = { blocks: ArticleBlock[]; prepared?: PreparedBody } & Pick<
  ArticleProvenance,
  'title' | 'sourceFile'
> &
  Partial<ArticleProvenance>

/** Thrown inside a library update to drop it: the counts it would write are already there. */
const NOTHING_TO_SAVE = Symbol('nothing to save')

export class ArticleStore {
  private readonly bodyCache = new Map<string, ArticleBody>()
  /** Each body object's revision (see `revisionOf`). */
  private readonly revisions = new WeakMap<ArticleBody, string>()
  private revisionCount = 0
  private readonly launch = randomUUID().slice(0, 8)
  /** Note counts recorded and not yet in the library file, by article. */
  private readonly unsavedCounts = new Map<string, number>()
  /** The count save waiting for its turn: counts recorded meanwhile join it rather than make another. */
  private queuedCountSave: { started: boolean; done: Promise<void> } | null = null

  constructor(
    private readonly dataDir: string,
    private readonly library: JsonDocument<LibraryFile>,
    private readonly now: () => Date,
    /** Told each article added, edited, trashed, restored or deleted once it is on disk (changeEvents.ts). */
    private readonly events: ChangeEvents = new ChangeEvents()
  ) {}

  /**
   * Articles in the library, not in the trash. The entries as stored, not copies (search
   * and briefings look through them often); they also carry the `noteCount` cache, which
   * is read through `storedNoteCount()` and never sent as metadata.
   */
  list(): ArticleMeta[] {
    return this.library.data.articles.filter((article) => !article.trashedAt)
  }

  listTrash(): ArticleMeta[] {
    return this.library.data.articles.filter((article) => article.trashedAt)
  }

  getMeta(articleId: string): ArticleMeta {
    const meta = this.find(articleId)
    if (!meta) throw new ServiceError('not-found', `No article with id ${articleId}.`, hostMessage('article.gone'))
    return withoutNoteCount(meta)
  }

  private find(articleId: string): LibraryArticle | undefined {
    return this.library.data.articles.find((article) => article.id === articleId)
  }

  /** The note count kept in the library; undefined for an article from before counts were kept (or a count that is not one). */
  storedNoteCount(articleId: string): number | undefined {
    const count = this.find(articleId)?.noteCount
    return typeof count === 'number' && Number.isSafeInteger(count) && count >= 0 ? count : undefined
  }

  /**
   * Takes note of an article's note count as its notes file has it (just read, or just
   * saved). Writes nothing: true when it differs from what the library holds or is about
   * to, so that `saveNoteCounts()` has something to write.
   */
  recordNoteCount(articleId: string, count: number): boolean {
    const meta = this.find(articleId)
    if (!meta) return false
    const known = this.unsavedCounts.has(articleId) ? this.unsavedCounts.get(articleId) : meta.noteCount
    if (known === count) return false
    this.unsavedCounts.set(articleId, count)
    return true
  }

  /**
   * Writes the recorded counts to the library in one save; resolves once they are on disk.
   * Coalesced: while a save waits for its turn, every count recorded joins it, so a burst
   * of note changes (or the repair of many counts) is one write of the library, not one
   * each. Never rejects: a failed save keeps its counts for the next one (or `close`), and
   * until then the notes files in memory still give the right counts.
   */
  saveNoteCounts(): Promise<void> {
    if (this.queuedCountSave && !this.queuedCountSave.started) return this.queuedCountSave.done
    if (this.unsavedCounts.size === 0) return Promise.resolve()
    let taken = new Map<string, number>()
    const save: { started: boolean; done: Promise<void> } = { started: false, done: Promise.resolve() }
    save.done = this.library
      .update((library) => {
        save.started = true
        taken = new Map(this.unsavedCounts)
        const byId = new Map(library.articles.map((article) => [article.id, article]))
        let changed = false
        for (const [articleId, count] of taken) {
          const meta = byId.get(articleId)
          if (meta && meta.noteCount !== count) {
            meta.noteCount = count
            changed = true
          }
        }
        if (!changed) throw NOTHING_TO_SAVE
      })
      .then(
        () => this.forgetSaved(taken),
        (error: unknown) => {
          if (error === NOTHING_TO_SAVE) this.forgetSaved(taken)
        }
      )
    this.queuedCountSave = save
    return save.done
  }

  /** Counts recorded again since the save took them stay unsaved. */
  private forgetSaved(saved: ReadonlyMap<string, number>): void {
    for (const [articleId, count] of saved) {
      if (this.unsavedCounts.get(articleId) === count) this.unsavedCounts.delete(articleId)
    }
  }

  /** `keep: false` reads without caching: search indexing reads every body once and must not hold them all. */
  async getBody(articleId: string, { keep = true }: { keep?: boolean } = {}): Promise<ArticleBody> {
    this.getMeta(articleId)
    const cached = this.bodyCache.get(articleId)
    if (cached) return cached
    const file = dataLayout.body(this.dataDir, articleId)
    let raw: string
    try {
      raw = await fs.readFile(file, 'utf8')
    } catch (error) {
      const detail = errorMessage(error)
      throw new ServiceError(
        'storage-failed',
        `The text of this article is missing (${file}): ${detail}`,
        hostMessage('article.textMissing', { file, reason: hostMessage('detail', { detail }) })
      )
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(raw)
    } catch (error) {
      const detail = errorMessage(error)
      throw new ServiceError(
        'storage-failed',
        `The text of this article is damaged (${file}): ${detail}`,
        hostMessage('article.textDamaged', { file, reason: hostMessage('detail', { detail }) })
      )
    }
    // Judged against its schema (fileSchemas.ts): a body of the wrong shape is damaged, not an empty text.
    const judged = judgeStoredFile<BodyFile>(file, parsed, { schemaVersion: SCHEMA_VERSION, articleId, blocks: [] })
    if (!judged.ok) {
      throw new ServiceError(
        'storage-failed',
        `The text of this article is damaged (${file}): ${judged.reason}`,
        hostMessage('article.textDamaged', { file, reason: hostMessage('detail', { detail: judged.reason }) })
      )
    }
    const stored = judged.value
    const body: ArticleBody = { articleId, blocks: stored.blocks }
    if (keep) this.bodyCache.set(articleId, body)
    return body
  }

  /**
   * The start of an article's text (articleStartEnd), how many blocks it has in all, and its
   * revision: what the reading pane shows first, before asking for the rest with `getBlocksFrom`.
   */
  async getStart(articleId: string): Promise<{ body: ArticleBody; totalBlocks: number; revision: string }> {
    const body = await this.getBody(articleId)
    const end = articleStartEnd(body.blocks)
    const start = end === body.blocks.length ? body : { articleId, blocks: body.blocks.slice(0, end) }
    return { body: start, totalBlocks: body.blocks.length, revision: this.revisionOf(body) }
  }

  /** The blocks from `from` on, if the text is still at `revision`; null blocks when it changed since. */
  async getBlocksFrom(articleId: string, from: number, revision: string): Promise<ArticleBlocksPart> {
    const body = await this.getBody(articleId)
    const current = this.revisionOf(body)
    return { revision: current, blocks: current === revision ? body.blocks.slice(from) : null }
  }

  /**
   * A body's revision is the identity of the object this store holds for it: it is cached
   * when read and replaced, never changed in place, whenever the text is added or edited. The
   * launch's own prefix keeps a revision from an earlier run of the host from matching.
   */
  private revisionOf(body: ArticleBody): string {
    let revision = this.revisions.get(body)
    if (revision === undefined) {
      revision = `${this.launch}-${++this.revisionCount}`
      this.revisions.set(body, revision)
    }
    return revision
  }

  async getPlainText(articleId: string): Promise<string> {
    return articlePlainText((await this.getBody(articleId)).blocks)
  }

  async updateMeta(articleId: string, changes: ArticleMetaChanges): Promise<ArticleMeta> {
    this.getMeta(articleId)
    const fields: (keyof ArticleMetaChanges)[] = []
    const updated = await this.library.update((library) => {
      const meta = library.articles.find((article) => article.id === articleId)!
      const given = withoutUndefined(changes)
      for (const [field, value] of Object.entries(given) as [keyof ArticleMetaChanges, unknown][]) {
        if (meta[field] !== value) fields.push(field)
      }
      Object.assign(meta, given)
      return withoutNoteCount(meta)
    })
    if (fields.length > 0) this.events.emit({ kind: 'article-meta-changed', articleId, fields })
    return updated
  }

  async setTrashed(articleId: string, trashed: boolean): Promise<void> {
    this.getMeta(articleId)
    const at = this.now().toISOString()
    await this.library.update((library) => {
      const meta = library.articles.find((article) => article.id === articleId)!
      if (trashed) meta.trashedAt = at
      else delete meta.trashedAt
    })
    this.events.emit({ kind: trashed ? 'article-trashed' : 'article-restored', articleId })
  }

  /**
   * Removes trashed articles for good: first from the library (so a crash midway leaves
   * at worst unreferenced files), then their bodies.
   */
  async deleteTrashed(): Promise<string[]> {
    const ids = this.listTrash().map((article) => article.id)
    if (ids.length === 0) return []
    await this.library.update((library) => {
      library.articles = library.articles.filter((article) => !ids.includes(article.id))
    })
    for (const id of ids) {
      this.bodyCache.delete(id)
      this.unsavedCounts.delete(id)
      await fs.rm(dataLayout.body(this.dataDir, id), { force: true })
    }
    this.events.emit({ kind: 'articles-deleted', articleIds: ids })
    return ids
  }

  /**
   * Replaces an article's text after the user edited it in the reading pane, or replaced it
   * with a newer version from a file. The body before is kept beside the backups, so a
   * regretted change can be recovered.
   */
  async replaceBody(articleId: string, blocks: ArticleBlock[]): Promise<ArticleMeta> {
    this.getMeta(articleId)
    const file = dataLayout.body(this.dataDir, articleId)
    const backups = path.join(path.dirname(file), '.backups')
    await fs.mkdir(backups, { recursive: true })
    await fs.copyFile(file, path.join(backups, `${articleId}.before-edit.json`)).catch(() => undefined)
    const body: BodyFile = { schemaVersion: SCHEMA_VERSION, articleId, blocks }
    await writeFileDurably(file, `${JSON.stringify(body)}\n`)
    this.bodyCache.set(articleId, { articleId, blocks })
    const text = articlePlainText(blocks)
    const editedAt = this.now().toISOString()
    const updated = await this.library.update((library) => {
      const meta = library.articles.find((article) => article.id === articleId)!
      meta.wordCount = countWords(text)
      meta.charCount = text.length
      meta.editedAt = editedAt
      return withoutNoteCount(meta)
    })
    this.events.emit({ kind: 'article-body-changed', articleId })
    return updated
  }

  async add(article: NewArticle): Promise<ArticleMeta> {
    // Nothing here is proportional to the text when the worker prepared it: this runs on the serving thread.
    const prepared = article.prepared ?? prepareBody(article.blocks)
    const id = prepared.articleId
    const file = dataLayout.body(this.dataDir, id)
    await fs.mkdir(path.dirname(file), { recursive: true })
    await writeFileDurably(file, prepared.bodyFile)
    const meta: ArticleMeta = {
      id,
      title: article.title,
      outlet: article.outlet ?? null,
      author: article.author ?? null,
      publishedAt: article.publishedAt ?? null,
      sourceUrl: article.sourceUrl ?? null,
      language: article.language ?? null,
      importedAt: this.now().toISOString(),
      sourceFile: article.sourceFile,
      wordCount: prepared.wordCount,
      charCount: prepared.charCount
    }
    await this.library.update((library) => {
      library.articles.push({ ...meta, noteCount: 0 })
    })
    // The search index takes the worker's count of these blocks rather than counting them here.
    rememberBodyTerms(article.blocks, prepared.bodyTerms)
    this.bodyCache.set(id, { articleId: id, blocks: article.blocks })
    this.events.emit({ kind: 'article-added', articleId: id })
    return meta
  }
}

/** Metadata as the API gives it: the count goes out as `ArticleSummary.noteCount`, from the notes when they are in memory. */
function withoutNoteCount(article: LibraryArticle): ArticleMeta {
  const meta: LibraryArticle = { ...article }
  delete meta.noteCount
  return meta
}

function withoutUndefined<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>
}
