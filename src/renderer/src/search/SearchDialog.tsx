/**
 * One search box for everything (Ctrl/Cmd+K or `/`): article titles and text, quotes,
 * note text and tag names, accents and case ignored, with `tag:` and `article:` filters.
 * Results come grouped by kind with the matched words marked; Enter opens the article at
 * the passage or note.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SearchResults } from '../../../shared/search/results'
import { useApp } from '../app/AppContext'
import type { ReadingTarget } from '../app/session'
import { NothingFound, SearchIntro } from './SearchGuide'
import { SearchResultsList } from './SearchResultsList'

const SEARCH_AFTER_PAUSE_MS = 120

/** What a result opens: an article (at the matched passage) or a note. */
export type SearchTarget = ReadingTarget

export function SearchDialog({
  onOpen,
  onClose
}: {
  onOpen: (target: SearchTarget) => void
  onClose: () => void
}): React.JSX.Element {
  const { t } = useTranslation('search')
  const { api } = useApp().session
  const dialog = useRef<HTMLDialogElement>(null)
  const [query, setQuery] = useState('')
  const [results, setResults] = useState<SearchResults | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [active, setActive] = useState(0)
  const listId = useId()

  useEffect(() => dialog.current?.showModal(), [])

  useEffect(() => {
    if (query.trim() === '') {
      setResults(null)
      return
    }
    let current = true
    const timer = setTimeout(() => {
      void api.search({ query, limit: 30 }).then((result) => {
        if (!current) return
        if (result.ok) {
          setResults(result.value)
          setFailure(null)
        } else setFailure(result.error.message)
        setActive(0)
      })
    }, SEARCH_AFTER_PAUSE_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [api, query])

  const targets = useMemo<SearchTarget[]>(
    () => [
      ...(results?.articles ?? []).map((hit): SearchTarget => ({
        kind: 'article',
        articleId: hit.articleId,
        offset: hit.offset,
        length: hit.snippet?.marks[0] ? hit.snippet.marks[0].end - hit.snippet.marks[0].start : 0
      })),
      ...(results?.notes ?? []).map((hit): SearchTarget => ({
        kind: 'note',
        articleId: hit.articleId,
        noteId: hit.noteId
      }))
    ],
    [results]
  )

  const open = (index: number): void => {
    const target = targets[index]
    if (!target) return
    dialog.current?.close()
    onOpen(target)
  }

  const optionId = (index: number) => `${listId}-${index}`
  const typed = query.trim() !== ''
  // Said once per search through one live region that is always there, so screen readers announce it.
  const announcement =
    !typed || !results
      ? ''
      : targets.length === 0
        ? t('empty.nothingFound', { query: results.query.trim() })
        : t('found', {
            articles: t('articles', { count: results.articles.length }),
            notes: t('notes', { count: results.notes.length })
          })
  return (
    <dialog ref={dialog} className="dialog search" aria-label={t('dialog')} onClose={onClose}>
      <input
        className="input search__input"
        type="search"
        role="combobox"
        aria-label={t('box')}
        aria-expanded={targets.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={targets.length > 0 ? optionId(active) : undefined}
        placeholder={t('placeholder')}
        autoFocus
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') setActive((index) => Math.min(index + 1, targets.length - 1))
          else if (event.key === 'ArrowUp') setActive((index) => Math.max(index - 1, 0))
          else if (event.key === 'Enter') open(active)
          // A search field's own Escape only empties it; the help line promises Esc closes.
          else if (event.key === 'Escape') dialog.current?.close()
          else return
          event.preventDefault()
        }}
      />
      {results?.indexing && (
        <p className="search__note" role="status">
          {t('indexLoading')}
        </p>
      )}
      {results && results.articlesBeingIndexed.length > 0 && (
        <p className="search__note" role="status">
          {t('stillIndexing', {
            titles: results.articlesBeingIndexed
              .map((article) => t('quoted', { text: article.title }))
              .join(t('listSeparator'))
          })}
        </p>
      )}
      {failure && (
        <p className="search__note search__note--error" role="alert">
          {failure}
        </p>
      )}
      <p className="search__announcement" role="status">
        {announcement}
      </p>
      <div className="search__body">
        {!typed && <SearchIntro />}
        {typed && results && targets.length === 0 && <NothingFound query={results.query} />}
        <SearchResultsList
          id={listId}
          results={results}
          active={active}
          optionId={optionId}
          onPoint={setActive}
          onOpen={open}
        />
      </div>
      <p className="search__help">
        <kbd>↑</kbd> <kbd>↓</kbd> {t('help.move')} · <kbd>{t('help.enter')}</kbd> {t('help.open')} ·{' '}
        <kbd>{t('help.escape')}</kbd> {t('help.close')}
      </p>
    </dialog>
  )
}
