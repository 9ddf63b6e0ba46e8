/**
 * The library column: import, filter as you type, sort, open, export the bibliography; and
 * the trash, from which articles come back with their notes or are deleted for good.
 */
import { useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BibliographyFormat } from '../../../shared/bibliography/formats'
import type { ArticleSummary } from '../../../shared/domain/article'
import { IMPORTABLE_EXTENSIONS } from '../../../shared/import/limits'
import { LIBRARY_SORTS, libraryView, type LibrarySort } from '../../../shared/library/libraryView'
import { formatDate, languageName } from '../lib/format'
import { BibliographyFormatMenu } from '../lib/BibliographyFormatMenu'

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
  onExportBibliography: (format: BibliographyFormat) => void
}

export function LibraryPanel(props: LibraryPanelProps): React.JSX.Element {
  const { t } = useTranslation('library')
  const [filter, setFilter] = useState('')
  const [sort, setSort] = useState<LibrarySort>('imported')
  const [showTrash, setShowTrash] = useState(false)
  const fileInput = useRef<HTMLInputElement>(null)
  const visible = useMemo(() => libraryView(props.articles, filter, sort), [props.articles, filter, sort])

  return (
    <nav className="library" aria-label={t('panel.heading')}>
      <div className="library__header">
        <h2 className="panel-heading">
          {t('panel.heading')}{' '}
          <span className="panel-heading__count">{t('panel.articles', { count: props.articles.length })}</span>
        </h2>
        <div className="library__actions">
          <button type="button" className="button button--primary" onClick={() => fileInput.current?.click()}>
            {t('panel.importFiles')}
          </button>
          <button type="button" className="button" onClick={props.onPaste}>
            {t('panel.paste')}
          </button>
          <input
            ref={fileInput}
            type="file"
            multiple
            hidden
            aria-label={t('panel.filesToImport')}
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
          placeholder={t('panel.filterPlaceholder')}
          aria-label={t('panel.filterLabel')}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <label className="library__sort">
          {t('panel.sortBy')}
          <select className="input" value={sort} onChange={(event) => setSort(event.target.value as LibrarySort)}>
            {LIBRARY_SORTS.map((option) => (
              <option key={option.value} value={option.value}>
                {t(`panel.sorts.${option.value}`)}
              </option>
            ))}
          </select>
        </label>
        <BibliographyFormatMenu disabled={props.articles.length === 0} onExport={props.onExportBibliography} />
      </div>

      {props.articles.length === 0 ? (
        <p className="empty-state">{t('panel.empty')}</p>
      ) : visible.length === 0 ? (
        <p className="empty-state">{t('panel.noMatch', { filter })}</p>
      ) : (
        <ul className="library__list" aria-label={t('panel.list')}>
          {visible.map((article) => (
            <li key={article.id}>
              <button
                type="button"
                className="library__item"
                aria-current={article.id === props.openArticleId ? 'true' : undefined}
                onClick={() => props.onOpen(article.id)}
              >
                <span className="library__title" dir="auto">
                  {article.title}
                </span>
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
                  {t('panel.words', { count: article.wordCount })} · {t('panel.notes', { count: article.noteCount })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}

      <section className="trash" aria-label={t('trash.label')}>
        <button
          type="button"
          className="trash__toggle"
          aria-expanded={showTrash}
          onClick={() => setShowTrash((shown) => !shown)}
        >
          {t('trash.toggle', { count: props.trash.length })}
        </button>
        {showTrash && (
          <div className="trash__content">
            {props.trash.length === 0 ? (
              <p className="empty-state">{t('trash.empty')}</p>
            ) : (
              <>
                <ul className="trash__list">
                  {props.trash.map((article) => (
                    <li key={article.id} className="trash__item">
                      <span className="trash__title" dir="auto">
                        {article.title}
                      </span>
                      <span className="library__meta">{t('panel.notes', { count: article.noteCount })}</span>
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => props.onRestore(article.id)}
                      >
                        {t('trash.restore')}
                      </button>
                    </li>
                  ))}
                </ul>
                <button type="button" className="button button--danger" onClick={props.onEmptyTrash}>
                  {t('trash.emptyTrash')}
                </button>
              </>
            )}
          </div>
        )}
      </section>
    </nav>
  )
}
