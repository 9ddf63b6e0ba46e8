/**
 * Which article each cited note comes from, as a briefing cites it: its citation data (from
 * the library, or from the briefing's copy once the article is deleted for good), its place
 * in import order, and the numbers of the sources list, given in the order the document
 * first cites them.
 */
import type { ArticleMeta } from '../domain/article'
import type { BriefingEntry } from './composeEntries'
import type { BriefingSource } from './document'
import { compareStrings } from './entryOrder'
import type { Briefing, SourceSnapshot } from './spec'

export interface ArticleInfo {
  /** Place in import order: what « as in the article » orders notes of different articles by. */
  rank: number
  source: SourceSnapshot
}

/** Citation data for every article, and its place in import order; deleted ones from the snapshots. */
export function articleInfo(briefing: Briefing, metas: readonly ArticleMeta[]): Map<string, ArticleInfo> {
  const sources = new Map<string, SourceSnapshot>()
  for (const meta of metas) sources.set(meta.id, sourceOf(meta))
  for (const [articleId, source] of Object.entries(briefing.sourceSnapshots)) {
    if (!sources.has(articleId)) sources.set(articleId, source)
  }
  const ordered = [...sources.entries()].sort(
    ([idA, a], [idB, b]) => compareStrings(a.importedAt, b.importedAt) || compareStrings(idA, idB)
  )
  return new Map(ordered.map(([articleId, source], rank) => [articleId, { rank, source }]))
}

function sourceOf(meta: ArticleMeta): SourceSnapshot {
  return {
    title: meta.title,
    outlet: meta.outlet,
    author: meta.author,
    publishedAt: meta.publishedAt,
    url: meta.sourceUrl,
    language: meta.language,
    importedAt: meta.importedAt
  }
}

/** Stands in for an article that is gone and of which the briefing kept no copy. */
function deletedSource(entry: BriefingEntry, title: string): SourceSnapshot {
  return {
    title,
    outlet: null,
    author: null,
    publishedAt: null,
    url: null,
    language: null,
    importedAt: entry.createdAt
  }
}

/** The sources list, numbered 1, 2, 3… in the order `entries` (as printed) first cite each article. */
export function numberSources(
  entries: Iterable<BriefingEntry>,
  articles: Map<string, ArticleInfo>,
  deletedArticleTitle: string
): { sources: BriefingSource[]; sourceNumbers: Map<string, number> } {
  const sourceNumbers = new Map<string, number>()
  const sources: BriefingSource[] = []
  for (const entry of entries) {
    if (sourceNumbers.has(entry.articleId)) continue
    const number = sources.length + 1
    sourceNumbers.set(entry.articleId, number)
    const source = articles.get(entry.articleId)?.source ?? deletedSource(entry, deletedArticleTitle)
    sources.push({
      number,
      articleId: entry.articleId,
      title: source.title,
      outlet: source.outlet,
      author: source.author,
      publishedAt: source.publishedAt,
      url: source.url,
      language: source.language
    })
  }
  return { sources, sourceNumbers }
}
