/** The library column: every article, the open one marked. */
import type { ArticleSummary } from '../../../shared/domain/article'
import { formatCount } from '../format'

export function LibraryList({
  articles,
  openArticleId,
  onOpen
}: {
  articles: readonly ArticleSummary[]
  openArticleId: string | null
  onOpen: (articleId: string) => void
}): React.JSX.Element {
  return (
    <nav className="library" aria-label="Library">
      <h2 className="panel-heading">Library</h2>
      {articles.length === 0 ? (
        <p className="empty-state">No articles yet.</p>
      ) : (
        <ul className="library__list">
          {articles.map((article) => (
            <li key={article.id}>
              <button
                type="button"
                className="library__item"
                aria-current={article.id === openArticleId ? 'true' : undefined}
                onClick={() => onOpen(article.id)}
              >
                <span className="library__title">{article.title}</span>
                <span className="library__meta">
                  {formatCount(article.wordCount, 'word', 'words')} · {formatCount(article.noteCount, 'note', 'notes')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  )
}
