/**
 * The composer's front-matter fields: subtitle, author, date, classification line and key
 * points, each saved as the analyst types (the title sits in the composer's header).
 */
import { useTranslation } from 'react-i18next'
import type { BriefingChanges } from '../../../shared/briefing/changes'
import type { BriefingFrontMatter } from '../../../shared/briefing/document'
import { DateField } from '../lib/DateField'

export function ComposerFrontMatter({
  frontMatter,
  onChange
}: {
  frontMatter: BriefingFrontMatter
  onChange: (changes: BriefingChanges) => void
}): React.JSX.Element {
  const { t } = useTranslation('briefings')
  return (
    <fieldset className="composer__group">
      <legend>{t('frontMatter.legend')}</legend>
      <div className="composer__row">
        <label className="field">
          <span className="field__label">{t('frontMatter.subtitle')}</span>
          <input
            className="input"
            value={frontMatter.subtitle}
            onChange={(event) => onChange({ frontMatter: { subtitle: event.target.value } })}
          />
        </label>
      </div>
      <div className="composer__row composer__row--split">
        <label className="field">
          <span className="field__label">{t('frontMatter.author')}</span>
          <input
            className="input"
            value={frontMatter.author}
            onChange={(event) => onChange({ frontMatter: { author: event.target.value } })}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('frontMatter.date')}</span>
          <DateField
            className="input"
            value={frontMatter.date || null}
            onChange={(date) => onChange({ frontMatter: { date: date ?? '' } })}
          />
        </label>
      </div>
      <label className="field">
        <span className="field__label">{t('frontMatter.classification')}</span>
        <input
          className="input"
          placeholder={t('frontMatter.classificationExample')}
          value={frontMatter.classification}
          onChange={(event) => onChange({ frontMatter: { classification: event.target.value } })}
        />
      </label>
      <label className="field">
        <span className="field__label">{t('frontMatter.keyPoints')}</span>
        <textarea
          className="input"
          rows={4}
          value={frontMatter.keyPoints}
          onChange={(event) => onChange({ frontMatter: { keyPoints: event.target.value } })}
        />
      </label>
    </fieldset>
  )
}
