/**
 * What the library list shows: articles filtered by what the user types (accent- and
 * case-insensitive, over title, outlet, author and file name) and sorted as chosen.
 */
import type { ArticleSummary } from '../domain/article'
import { foldForSearch, matchesAllWords } from '../text/fold'

export type LibrarySort = 'imported' | 'published' | 'title'

export const LIBRARY_SORTS: { value: LibrarySort; label: string }[] = [
  { value: 'imported', label: 'Date imported' },
  { value: 'published', label: 'Date published' },
  { value: 'title', label: 'Title' }
]

const titleCollator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true })

function newestFirst(a: string | null | undefined, b: string | null | undefined): number {
  // Undated articles go last: an analyst sorting by date wants the dated ones first.
  if (!a && !b) return 0
  if (!a) return 1
  if (!b) return -1
  return b.localeCompare(a)
}

export function libraryView(articles: readonly ArticleSummary[], filter: string, sort: LibrarySort): ArticleSummary[] {
  const query = foldForSearch(filter)
  const visible = query
    ? articles.filter((article) =>
        matchesAllWords(
          [article.title, article.outlet, article.author, article.sourceFile].filter(Boolean).join(' '),
          query
        )
      )
    : [...articles]
  return visible.sort((a, b) => {
    if (sort === 'title') return titleCollator.compare(a.title, b.title)
    if (sort === 'published')
      return newestFirst(a.publishedAt, b.publishedAt) || newestFirst(a.importedAt, b.importedAt)
    return newestFirst(a.importedAt, b.importedAt)
  })
}
