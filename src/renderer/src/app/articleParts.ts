/**
 * Opening an article in two parts, so a 3 MB article shows its first lines at once: its
 * start (details and first screens of blocks) answers in a few milliseconds whatever the
 * article's length, and the rest is asked for as soon as the start is in. The whole body
 * is the start's block objects followed by the rest's, which lets the reading pane see that
 * it only has to add blocks (ArticleContentPlugin). An edit between the two parts (another
 * window) is caught by the revision: the article is then read whole again.
 */
import type { ApiClient } from '../../../shared/api/contract'
import type { ArticleStart, OpenedArticle } from '../../../shared/domain/article'
import type { Note } from '../../../shared/domain/note'
import { ok, type Result } from '../../../shared/result'

export interface ArticleParts {
  articleId: string
  /** The start, in: what the pane shows first. */
  start: Result<ArticleStart>
  /** The whole article, on its way (already in when the start is all of it). */
  whole: Promise<Result<OpenedArticle>>
  notes: Promise<Result<Note[]>>
}

/** True when the start holds every block: nothing else to wait for. */
export function isWhole(start: ArticleStart): boolean {
  return start.body.blocks.length >= start.totalBlocks
}

/** Asks for an article's start and its notes; resolves once the start is in, with the rest already asked for. */
export async function openInParts(api: ApiClient, articleId: string): Promise<ArticleParts> {
  const notes = api.listNotes({ articleId })
  const start = await api.openArticleStart({ articleId })
  return { articleId, start, whole: start.ok ? readWhole(api, start.value) : Promise.resolve(start), notes }
}

/** The whole article: the start followed by the rest of the same revision, or read whole if it changed meanwhile. */
export async function readWhole(api: ApiClient, start: ArticleStart): Promise<Result<OpenedArticle>> {
  const { meta, body, totalBlocks, revision } = start
  if (isWhole(start)) return ok({ meta, body })
  const articleId = meta.id
  const rest = await api.readArticleBlocks({ articleId, from: body.blocks.length, revision })
  if (!rest.ok) return rest
  const { blocks } = rest.value
  if (blocks === null || body.blocks.length + blocks.length !== totalBlocks) return api.openArticle({ articleId })
  return ok({ meta, body: { articleId, blocks: [...body.blocks, ...blocks] } })
}
