/**
 * The composer's « Notes to include » fields: tags (a parent with its children, any or all),
 * articles, colours, the days noted and words. They edit the briefing's filter; the service
 * recomposes the briefing from it.
 */
import { useTranslation } from 'react-i18next'
import type { BriefingChanges } from '../../../shared/briefing/changes'
import type { BriefingFilter } from '../../../shared/briefing/spec'
import type { ArticleSummary } from '../../../shared/domain/article'
import type { Tag } from '../../../shared/tags/tags'
import { DateField } from '../lib/DateField'
import { ArticleChoices, ColorChoices, TagChoices } from '../lib/NoteFilterChoices'

export function ComposerNoteFilter({
  filter,
  tags,
  articles,
  onChange,
  ensureTag
}: {
  filter: BriefingFilter
  tags: readonly Tag[]
  articles: readonly ArticleSummary[]
  onChange: (changes: BriefingChanges) => void
  /** A parent that exists only through its children («Acteurs» of «Acteurs/Maroc») becomes a tag when ticked. */
  ensureTag: (path: string) => Promise<Tag | null>
}): React.JSX.Element {
  const { t } = useTranslation('briefings')
  return (
    <fieldset className="composer__group">
      <legend>{t('filter.legend')}</legend>
      <TagChoices
        tags={tags}
        selectedIds={filter.tagIds}
        mode={filter.tagMode}
        label={t('filter.tags')}
        onChange={(tagIds) => onChange({ filter: { tagIds } })}
        onModeChange={(tagMode) => onChange({ filter: { tagMode } })}
        ensureTag={ensureTag}
      />
      <ArticleChoices
        articles={articles}
        selectedIds={filter.articleIds}
        label={t('filter.articles')}
        onChange={(articleIds) => onChange({ filter: { articleIds } })}
      />
      <ColorChoices tags={tags} selected={filter.colors} onChange={(colors) => onChange({ filter: { colors } })} />
      <div className="composer__row composer__row--split">
        <label className="field">
          <span className="field__label">{t('filter.from')}</span>
          <DateField className="input" value={filter.from} onChange={(from) => onChange({ filter: { from } })} />
        </label>
        <label className="field">
          <span className="field__label">{t('filter.to')}</span>
          <DateField className="input" value={filter.to} onChange={(to) => onChange({ filter: { to } })} />
        </label>
      </div>
      <label className="field">
        <span className="field__label">{t('filter.words')}</span>
        <input
          className="input"
          type="search"
          placeholder={t('filter.wordsExample')}
          value={filter.text}
          onChange={(event) => onChange({ filter: { text: event.target.value } })}
        />
      </label>
    </fieldset>
  )
}
