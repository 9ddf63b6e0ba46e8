/**
 * The search results as one ARIA listbox that the search box drives (aria-activedescendant): two
 * groups, articles then notes, each named by its visible count. A listbox may hold only groups and
 * options, so the group titles are not headings (a heading there was axe's one critical finding):
 * each is plain text that names its group and is hidden from the accessibility tree itself. Every
 * option's name is its visible text, its parts separated by spaces so they are not run together.
 */
import { Fragment, useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { SearchResults, Snippet } from '../../../shared/search/results'
import './search.css'

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

/** One result: pointing at it makes it the active one, clicking opens it. */
function ResultOption(props: {
  id: string
  active: boolean
  onPoint: () => void
  onOpen: () => void
  children: React.ReactNode
}): React.JSX.Element {
  const option = useRef<HTMLDivElement>(null)
  // The box keeps the focus, so the browser never scrolls to the active option by itself.
  useEffect(() => {
    if (props.active) option.current?.scrollIntoView({ block: 'nearest' })
  }, [props.active])
  return (
    <div
      ref={option}
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

/** A titled group of options; the title names the group and is not read a second time. */
function ResultGroup({ title, children }: { title: string; children: React.ReactNode }): React.JSX.Element {
  const titleId = useId()
  return (
    <div role="group" aria-labelledby={titleId} className="search__group">
      <div id={titleId} className="search__heading" aria-hidden="true">
        {title}
      </div>
      {children}
    </div>
  )
}

export function SearchResultsList(props: {
  id: string
  results: SearchResults | null
  active: number
  optionId: (index: number) => string
  onPoint: (index: number) => void
  onOpen: (index: number) => void
}): React.JSX.Element {
  const { t } = useTranslation('search')
  const articles = props.results?.articles ?? []
  const notes = props.results?.notes ?? []
  const optionProps = (index: number) => ({
    id: props.optionId(index),
    active: props.active === index,
    onPoint: () => props.onPoint(index),
    onOpen: () => props.onOpen(index)
  })
  return (
    <div
      id={props.id}
      role="listbox"
      aria-label={t('results')}
      className="search__results"
      hidden={articles.length + notes.length === 0}
    >
      {articles.length > 0 && (
        <ResultGroup title={t('articles', { count: articles.length })}>
          {articles.map((hit, index) => (
            <ResultOption key={hit.articleId} {...optionProps(index)}>
              <span className="search__title">{hit.title}</span>{' '}
              {hit.outlet && <span className="search__meta">{hit.outlet}</span>}{' '}
              {hit.snippet && (
                <span className="search__snippet">
                  <SnippetText snippet={hit.snippet} />
                </span>
              )}
            </ResultOption>
          ))}
        </ResultGroup>
      )}
      {notes.length > 0 && (
        <ResultGroup title={t('notes', { count: notes.length })}>
          {notes.map((hit, noteIndex) => (
            <ResultOption key={hit.noteId} {...optionProps(articles.length + noteIndex)}>
              {hit.kind === 'article' ? (
                // A note on the whole article quotes nothing: it says what it is instead.
                <span className="search__quote search__quote--whole">{t('wholeArticle')}</span>
              ) : (
                <span className="search__quote">
                  <SnippetText snippet={hit.quote} />
                </span>
              )}{' '}
              {hit.text && (
                <span className="search__snippet">
                  <SnippetText snippet={hit.text} />
                </span>
              )}{' '}
              <span className="search__meta">
                <span className="search__article">{hit.articleTitle}</span>
                {hit.tags.map((tag) => (
                  <Fragment key={tag.path}>
                    {' '}
                    <span className="search__tag">
                      <span className="tag-chip__dot" style={{ background: tag.color ?? 'var(--ink-faint)' }} />
                      {tag.path}
                    </span>
                  </Fragment>
                ))}
              </span>
            </ResultOption>
          ))}
        </ResultGroup>
      )}
    </div>
  )
}
