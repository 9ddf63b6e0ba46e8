/**
 * What the first screen needs, asked for as soon as the page runs: the saved interface
 * language, the library, the notices, and the first article with its notes. The requests
 * travel while the browser is still compiling the interface, which is most of the wait on a
 * large article.
 */
import type { ApiClient } from '../../../shared/api/contract'
import type { ArticleSummary } from '../../../shared/domain/article'
import type { Notice } from '../../../shared/domain/notices'
import type { Preferences } from '../../../shared/api/schemas/preferences'
import { libraryView } from '../../../shared/library/libraryView'
import type { Result } from '../../../shared/result'
import type { Tag } from '../../../shared/tags/tags'
import { openInParts, type ArticleParts } from './articleParts'

export interface StartupData {
  notices: Result<Notice[]>
  articles: Result<ArticleSummary[]>
  trash: Result<ArticleSummary[]>
  tags: Result<Tag[]>
  /** The first article: its start is in, its rest and notes on their way (articleParts.ts). */
  first: ArticleParts | null
}

/** The preferences request of this page: asked for first, awaited by renderApp.tsx before the first paint. */
let preferencesRequest: { api: ApiClient; answer: Promise<Result<Preferences>> } | null = null

/** The saved preferences (the interface language), asked for once per client. */
export function savedPreferences(api: ApiClient): Promise<Result<Preferences>> {
  if (preferencesRequest?.api !== api) preferencesRequest = { api, answer: api.getPreferences({}) }
  return preferencesRequest.answer
}

export async function loadStartup(api: ApiClient): Promise<StartupData> {
  // First, so that its answer is in when the interface is ready to draw.
  void savedPreferences(api)
  const others = Promise.all([api.listNotices({}), api.listTrash({}), api.listTags({})])
  const articles = await api.listArticles({})
  // The article shown first is the one at the top of the library as it opens: the latest import.
  // Asked for as soon as the library answers, without waiting for the other lists.
  const firstId = articles.ok ? libraryView(articles.value, '', 'imported')[0]?.id : undefined
  const first = firstId ? openInParts(api, firstId) : null
  const [notices, trash, tags] = await others
  return { notices, articles, trash, tags, first: await first }
}
