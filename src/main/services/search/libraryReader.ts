/**
 * What the search service reads from the library: article metadata (live and trashed),
 * texts, notes files' stamps and tag paths. Kept apart from the index so that both the
 * parts keeping the index in step and the scan that answers while it loads read the
 * library the same way, and so that article texts kept for snippets have one cache.
 */
import fs from 'node:fs/promises'
import { articlePlainText, type ArticleMeta } from '../../../shared/domain/article'
import { isArticleNote, type AnyNote, type Note } from '../../../shared/domain/note'
import type { Tag } from '../../../shared/tags/tags'
import type { ArticleStore } from '../articleStore'
import type { NoteStore } from '../noteStore'
import { takeBodyTerms } from '../preparedBody'
import { dataLayout } from '../schema'
import type { TagStore } from '../tagStore'
import { firstByPattern, firstMatch, firstMatchIn, foldText, type FoldedText } from './snippet'
import { withCountedTerms } from './slicedAdd'
import type { FoundWord } from './terms'

/** Article texts kept for snippets: 15 to 30 MB for 50 kB articles (reading one again costs about a millisecond). */
const BODY_CACHE_SIZE = 300
/** From this many terms (a prefix's expansions), the first match is looked for word by word. */
const MANY_TERMS = 8

interface CachedBody {
  version: string
  text: string
  folded: FoldedText | null
}

export class LibraryReader {
  /** Bodies kept for snippets: results while typing show the same articles again and again. */
  private readonly bodies = new Map<string, CachedBody>()

  constructor(
    readonly articles: ArticleStore,
    readonly notes: NoteStore,
    readonly tags: TagStore,
    private readonly dataDir: string
  ) {}

  allMetas(): ArticleMeta[] {
    return [...this.articles.list(), ...this.articles.listTrash()]
  }

  metaOf(articleId: string): ArticleMeta | undefined {
    return this.allMetas().find((meta) => meta.id === articleId)
  }

  tagMap(): Map<string, Tag> {
    return new Map(this.tags.list().map((tag) => [tag.id, tag]))
  }

  /** Not kept by the article store: indexing reads every body once and must not leave them all in memory. */
  async bodyText(meta: ArticleMeta): Promise<string> {
    return articlePlainText((await this.articles.getBody(meta.id, { keep: false })).blocks)
  }

  /** Its blocks' texts, for indexing in slices: nothing the size of the whole text is made at once. */
  async bodyParts(meta: ArticleMeta): Promise<string[]> {
    const { blocks } = await this.articles.getBody(meta.id, { keep: false })
    // A body just imported comes with its terms counted by the import worker (preparedBody.ts).
    return withCountedTerms(
      blocks.map((block) => block.text),
      takeBodyTerms(blocks)
    )
  }

  /** Size and time of an article's notes file, 'none' without one: whether its notes changed since indexed. */
  async notesStamp(articleId: string): Promise<string> {
    try {
      const stat = await fs.stat(dataLayout.notes(this.dataDir, articleId))
      return `${stat.size}:${stat.mtimeMs}`
    } catch {
      return 'none'
    }
  }

  /**
   * Where the first of `terms` is in an article: found by expression, and only failing that
   * in its folded copy, which costs most.
   */
  async firstInBody(meta: ArticleMeta, terms: ReadonlySet<string>): Promise<{ text: string; first: FoundWord | null }> {
    const body = await this.cachedBody(meta)
    // A prefix matches many terms in one article: one pass word by word beats an expression per term.
    if (terms.size >= MANY_TERMS) return { text: body.text, first: firstMatch(body.text, terms) }
    const found = firstByPattern(body.text, terms)
    if (found) return { text: body.text, first: found }
    body.folded ??= foldText(body.text)
    return { text: body.text, first: firstMatchIn(body.folded, terms) }
  }

  private async cachedBody(meta: ArticleMeta): Promise<CachedBody> {
    const version = meta.editedAt ?? meta.importedAt
    const cached = this.bodies.get(meta.id)
    this.bodies.delete(meta.id)
    const body = cached?.version === version ? cached : { version, text: await this.bodyText(meta), folded: null }
    this.bodies.set(meta.id, body)
    if (this.bodies.size > BODY_CACHE_SIZE) this.bodies.delete(this.bodies.keys().next().value!)
    return body
  }
}

/** Every note of an article, both kinds: notes on the whole article are searched like the others. */
export async function allNotesOf(library: LibraryReader, articleId: string): Promise<AnyNote[]> {
  return [...(await library.notes.list(articleId)), ...(await library.notes.articleNotes.list(articleId))]
}

/** The passage a note quotes; a note on the whole article quotes nothing. */
export function quoteOf(note: AnyNote): string {
  return isArticleNote(note) ? '' : note.anchor.quote.exact
}

/** The paths of a note's tags that still exist. */
export function tagPathsOf(note: Pick<Note, 'tagIds'>, byId: ReadonlyMap<string, Tag>): string[] {
  return note.tagIds.flatMap((id) => {
    const tag = byId.get(id)
    return tag ? [tag.path] : []
  })
}
