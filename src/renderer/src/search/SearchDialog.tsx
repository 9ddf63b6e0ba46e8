/**
 * One search box for everything (Ctrl/Cmd+K or `/`): article titles and text, quotes,
 * note text and tag names, accents and case ignored, with `tag:` and `article:` filters.
 * Results come grouped by kind with the matched words marked; Enter opens the article at
 * the passage or note.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { SearchResults, Snippet } from '../../../shared/search/results'
import { useApp } from '../app/AppContext'
import type { ReadingTarget } from '../app/session'
import { formatCount } from '../lib/format'

const SEARCH_AFTER_PAUSE_MS = 120

/** What a result opens: an article (at the matched passage) or a note. */
export type SearchTarget = ReadingTarget

/** The snippet with its matches as <mark> elements: text stays text, never markup. */
export function SnippetText({ snippet }: { snippet: Snippet }): React.JSX.Element {
  const parts: React.ReactNode[] = []
  let at = 0
  for (const [index, mark] of [...snippet.marks].sort((a, b) => a.start - b.start).entries()) {
    if (mark.start < at) continue
    if (mark.start > at) parts.push(snippet.text.slice(at, mark.start))
    parts.push(<mark key={index}>{snippet.text.slice(mark.start, mark.end)}</mark>)
    at = mark.end
  }
  parts.push(snippet.text.slice(at))
  return <>{parts}</>
}

/** One result in the list: pointing at it makes it the active one, clicking opens it. */
function ResultOption(props: {
  id: string
  active: boolean
  onPoint: () => void
  onOpen: () => void
  children: React.ReactNode
}): React.JSX.Element {
  return (
    <div
      id={props.id}
      role="option"
      aria-selected={props.active}
      className="search__result"
      onMouseEnter={props.onPoint}
      onClick={props.onOpen}
    >
      {props.children}
    </div>
  )
}

export function SearchDialog({
  onOpen,
  onClose
}: {
  onOpen: (target: SearchTarget) => void
  onClose: () => void
}): React.JSX.Element {
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

  const articleCount = results?.articles.length ?? 0
  const optionId = (index: number) => `${listId}-${index}`
  const optionProps = (index: number) => ({
    id: optionId(index),
    active: active === index,
    onPoint: () => setActive(index),
    onOpen: () => open(index)
  })
  return (
    <dialog ref={dialog} className="dialog search" aria-label="Search" onClose={onClose}>
      <input
        className="input search__input"
        type="search"
        role="combobox"
        aria-label="Search everything"
        aria-expanded={targets.length > 0}
        aria-controls={listId}
        aria-activedescendant={targets.length > 0 ? optionId(active) : undefined}
        placeholder="Search articles, quotes, notes and tags…   tag:Acteurs/Israël   article:maroc"
        autoFocus
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') setActive((index) => Math.min(index + 1, targets.length - 1))
          else if (event.key === 'ArrowUp') setActive((index) => Math.max(index - 1, 0))
          else if (event.key === 'Enter') open(active)
          else return
          event.preventDefault()
        }}
      />
      {results?.indexing && (
        <p className="search__note" role="status">
          The search index is still loading; these results come from a slower full scan.
        </p>
      )}
      {results && results.articlesBeingIndexed.length > 0 && (
        <p className="search__note" role="status">
          Still indexing {results.articlesBeingIndexed.map((article) => `“${article.title}”`).join(', ')}: not in these
          results yet.
        </p>
      )}
      {failure && (
        <p className="search__note search__note--error" role="alert">
          {failure}
        </p>
      )}
      <div id={listId} role="listbox" aria-label="Results" className="search__results">
        {results && targets.length === 0 && <p className="empty-state">Nothing found for “{results.query}”.</p>}
        {articleCount > 0 && (
          <div role="group" aria-label="Articles" className="search__group">
            <h3 className="search__heading">{formatCount(articleCount, 'article', 'articles')}</h3>
            {results!.articles.map((hit, index) => (
              <ResultOption key={hit.articleId} {...optionProps(index)}>
                <span className="search__title">{hit.title}</span>
                {hit.outlet && <span className="search__meta">{hit.outlet}</span>}
                {hit.snippet && (
                  <span className="search__snippet">
                    <SnippetText snippet={hit.snippet} />
                  </span>
                )}
              </ResultOption>
            ))}
          </div>
        )}
        {(results?.notes.length ?? 0) > 0 && (
          <div role="group" aria-label="Notes" className="search__group">
            <h3 className="search__heading">{formatCount(results!.notes.length, 'note', 'notes')}</h3>
            {results!.notes.map((hit, noteIndex) => {
              const index = articleCount + noteIndex
              return (
                <ResultOption key={hit.noteId} {...optionProps(index)}>
                  <span className="search__quote">
                    <SnippetText snippet={hit.quote} />
                  </span>
                  {hit.text && (
                    <span className="search__snippet">
                      <SnippetText snippet={hit.text} />
                    </span>
                  )}
                  <span className="search__meta">
                    {hit.articleTitle}
                    {hit.tags.map((tag) => (
                      <span key={tag.path} className="search__tag">
                        <span className="tag-chip__dot" style={{ background: tag.color ?? 'var(--ink-faint)' }} />
                        {tag.path}
                      </span>
                    ))}
                  </span>
                </ResultOption>
              )
            })}
          </div>
        )}
      </div>
      <p className="search__help">
        <kbd>↑</kbd> <kbd>↓</kbd> to move, <kbd>Enter</kbd> to open, <kbd>Esc</kbd> to close
      </p>
    </dialog>
  )
}
