/**
 * The library column: import, filter as you type, sort, open; and the trash, from which
 * articles come back with their notes or are deleted for good.
 */
import { useMemo, useRef, useState } from 'react'
import type { ArticleSummary } from '../../../shared/domain/article'
import { IMPORTABLE_EXTENSIONS } from '../../../shared/import/limits'
import { LIBRARY_SORTS, libraryView, type LibrarySort } from '../../../shared/library/libraryView'
import { formatCount, formatDate, languageName } from '../lib/format'

export interface LibraryPanelProps {
  articles: readonly ArticleSummary[]
  trash: readonly ArticleSummary[]
  openArticleId: string | null
  busy: string | null
  onOpen: (articleId: string) => void
  onImportFiles: (files: File[]) => void
  onPaste: () => void
  onRestore: (articleId: string) => void
  onEmptyTrash: () => void
}

export function LibraryPanel(props: LibraryPanelProps): React.JSX.Element {
  const [filter, setFilter] = useState('')
  const [sort, setSort] = useState<LibrarySort>('imported')
  const [showTrash, setShowTrash] = useState(false)
  const fileInput = useRef<HTMLInputElement>(null)
  const visible = useMemo(() => libraryView(props.articles, filter, sort), [props.articles, filter, sort])

  return (
    <nav className="library" aria-label="Library">
      <div className="library__header">
        <h2 className="panel-heading">
          Library{' '}
          <span className="panel-heading__count">{formatCount(props.articles.length, 'article', 'articles')}</span>
        </h2>
        <div className="library__actions">
          <button type="button" className="button button--primary" onClick={() => fileInput.current?.click()}>
            Import files…
          </button>
          <button type="button" className="button" onClick={props.onPaste}>
            Paste…
          </button>
          <input
            ref={fileInput}
            type="file"
            multiple
            hidden
            aria-label="Files to import"
            accept={IMPORTABLE_EXTENSIONS.join(',')}
            onChange={(event) => {
              const files = [...(event.currentTarget.files ?? [])]
              event.currentTarget.value = ''
              if (files.length > 0) props.onImportFiles(files)
            }}
          />
        </div>
        {props.busy && (
          <p className="library__busy" role="status">
            {props.busy}
          </p>
        )}
        <input
          type="search"
          className="input library__filter"
          placeholder="Filter by title, outlet, author…"
          aria-label="Filter articles"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <label className="library__sort">
          Sort by
          <select className="input" value={sort} onChange={(event) => setSort(event.target.value as LibrarySort)}>
            {LIBRARY_SORTS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </div>

      {props.articles.length === 0 ? (
        <p className="empty-state">No articles yet. Import files, paste text, or drop files anywhere on this window.</p>
      ) : visible.length === 0 ? (
        <p className="empty-state">No article matches “{filter}”.</p>
      ) : (
        <ul className="library__list" aria-label="Articles">
          {visible.map((article) => (
            <li key={article.id}>
              <button
                type="button"
                className="library__item"
                aria-current={article.id === props.openArticleId ? 'true' : undefined}
                onClick={() => props.onOpen(article.id)}
              >
                <span className="library__title">{article.title}</span>
                <span className="library__meta">
                  {[
                    article.outlet,
                    article.publishedAt ? formatDate(article.publishedAt) : null,
                    languageName(article.language)
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                <span className="library__meta">
                  {formatCount(article.wordCount, 'word', 'words')} · {formatCount(article.noteCount, 'note', 'notes')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}

      <section className="trash" aria-label="Trash">
        <button
          type="button"
          className="trash__toggle"
          aria-expanded={showTrash}
          onClick={() => setShowTrash((shown) => !shown)}
        >
          Trash ({props.trash.length})
        </button>
        {showTrash && (
          <div className="trash__content">
            {props.trash.length === 0 ? (
              <p className="empty-state">The trash is empty.</p>
            ) : (
              <>
                <ul className="trash__list">
                  {props.trash.map((article) => (
                    <li key={article.id} className="trash__item">
                      <span className="trash__title">{article.title}</span>
                      <span className="library__meta">{formatCount(article.noteCount, 'note', 'notes')}</span>
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => props.onRestore(article.id)}
                      >
                        Restore
                      </button>
                    </li>
                  ))}
                </ul>
                <button type="button" className="button button--danger" onClick={props.onEmptyTrash}>
                  Empty trash…
                </button>
              </>
            )}
          </div>
        )}
      </section>
    </nav>
  )
}
