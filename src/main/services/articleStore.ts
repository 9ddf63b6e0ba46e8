/**
 * Article metadata (in the library file) and article bodies (one write-once file each).
 * A body is written before its library entry, so a crash can at worst leave an unused
 * body file, never a library entry without its text.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import {
  articlePlainText,
  countWords,
  type ArticleBlock,
  type ArticleBody,
  type ArticleMeta,
  type ArticleMetaChanges,
  type ArticleProvenance
} from '../../shared/domain/article'
import { ServiceError } from '../../shared/api/dispatch'
import { writeFileDurably } from '../storage/durableJsonFile'
import type { JsonDocument } from './jsonDocument'
import { dataLayout, migrate, SCHEMA_VERSION, type BodyFile, type LibraryFile } from './schema'

/** An article to add: its blocks, a title, where it came from, and whatever else the source told. */
export type NewArticle = { blocks: ArticleBlock[] } & Pick<ArticleProvenance, 'title' | 'sourceFile'> &
  Partial<ArticleProvenance>

export class ArticleStore {
  private readonly bodyCache = new Map<string, ArticleBody>()

  constructor(
    private readonly dataDir: string,
    private readonly library: JsonDocument<LibraryFile>,
    private readonly now: () => Date
  ) {}

  /** Articles in the library, not in the trash. */
  list(): ArticleMeta[] {
    return this.library.data.articles.filter((article) => !article.trashedAt)
  }

  listTrash(): ArticleMeta[] {
    return this.library.data.articles.filter((article) => article.trashedAt)
  }

  getMeta(articleId: string): ArticleMeta {
    const meta = this.library.data.articles.find((article) => article.id === articleId)
    if (!meta) throw new ServiceError('not-found', `No article with id ${articleId}.`)
    return meta
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
      throw new ServiceError('storage-failed', `The text of this article is missing (${file}): ${describe(error)}`)
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(raw)
    } catch (error) {
      throw new ServiceError('storage-failed', `The text of this article is damaged (${file}): ${describe(error)}`)
    }
    const stored = migrate<BodyFile>(file, parsed, { schemaVersion: SCHEMA_VERSION, articleId, blocks: [] })
    const body: ArticleBody = { articleId, blocks: stored.blocks }
    if (keep) this.bodyCache.set(articleId, body)
    return body
  }

  async getPlainText(articleId: string): Promise<string> {
    return articlePlainText((await this.getBody(articleId)).blocks)
  }

  async updateMeta(articleId: string, changes: ArticleMetaChanges): Promise<ArticleMeta> {
    this.getMeta(articleId)
    return this.library.update((library) => {
      const meta = library.articles.find((article) => article.id === articleId)!
      Object.assign(meta, withoutUndefined(changes))
      return { ...meta }
    })
  }

  async setTrashed(articleId: string, trashed: boolean): Promise<void> {
    this.getMeta(articleId)
    const at = this.now().toISOString()
    await this.library.update((library) => {
      const meta = library.articles.find((article) => article.id === articleId)!
      if (trashed) meta.trashedAt = at
      else delete meta.trashedAt
    })
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
      await fs.rm(dataLayout.body(this.dataDir, id), { force: true })
    }
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
    return this.library.update((library) => {
      const meta = library.articles.find((article) => article.id === articleId)!
      meta.wordCount = countWords(text)
      meta.charCount = text.length
      meta.editedAt = editedAt
      return { ...meta }
    })
  }

  async add(article: NewArticle): Promise<ArticleMeta> {
    const id = randomUUID()
    const text = articlePlainText(article.blocks)
    const body: BodyFile = { schemaVersion: SCHEMA_VERSION, articleId: id, blocks: article.blocks }
    const file = dataLayout.body(this.dataDir, id)
    await fs.mkdir(path.dirname(file), { recursive: true })
    await writeFileDurably(file, `${JSON.stringify(body)}\n`)
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
      wordCount: countWords(text),
      charCount: text.length
    }
    await this.library.update((library) => {
      library.articles.push(meta)
    })
    this.bodyCache.set(id, { articleId: id, blocks: article.blocks })
    return meta
  }
}

function withoutUndefined<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
