/**
 * What the search dialog says when it has no results to show: before anything is typed, what can
 * be searched and how to narrow it; after a search that found nothing, what was searched and the
 * likeliest remedy (see emptySearchHint). Both live outside the results listbox, which may hold
 * only options.
 */
import { useTranslation } from 'react-i18next'
import { emptySearchHint } from './emptySearchHint'

/** Example queries are shown as code, so they read as something to type. */
const EXAMPLE = 'securite'
const TAG_FILTER = 'tag:Acteurs/Israël'
const ARTICLE_FILTER = 'article:maroc'

export function SearchIntro(): React.JSX.Element {
  const { t } = useTranslation('search')
  return (
    <div className="search__guide">
      <p>{t('intro.what')}</p>
      <p>
        <Filled text={t('intro.forgiving', { example: '\u0000' })} values={[EXAMPLE]} />
      </p>
      <p>
        <Filled text={t('intro.filters', { tag: '\u0000', article: '\u0000' })} values={[TAG_FILTER, ARTICLE_FILTER]} />
      </p>
    </div>
  )
}

export function NothingFound({ query }: { query: string }): React.JSX.Element {
  const { t } = useTranslation('search')
  const hint = emptySearchHint(query)
  return (
    <div className="search__guide search__empty">
      <p className="search__empty-title">{t('empty.nothingFound', { query: query.trim() })}</p>
      <p>
        {hint.kind === 'withFilters' ? (
          <Filled
            text={t('empty.withFilters', { filters: '\u0000' })}
            values={[hint.filters.join(t('listSeparator'))]}
          />
        ) : (
          t(`empty.${hint.kind}`)
        )}
      </p>
    </div>
  )
}

/**
 * A translated sentence whose placeholders (rendered as U+0000 by i18next) become <code>
 * elements, so the translation decides where they go and the values are never parsed as markup.
 */
function Filled({ text, values }: { text: string; values: string[] }): React.JSX.Element {
  const pieces = text.split('\u0000')
  return (
    <>
      {pieces.map((piece, index) => (
        <span key={index}>
          {piece}
          {index < values.length && index < pieces.length - 1 && <code className="search__code">{values[index]}</code>}
        </span>
      ))}
    </>
  )
}
