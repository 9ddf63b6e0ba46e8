/**
 * The composer's « Structure » fields: how notes are grouped into sections, in which order,
 * and whether long quotes are shortened around « […] ».
 */
import { useTranslation } from 'react-i18next'
import type { BriefingChanges } from '../../../shared/briefing/changes'
import type { Briefing } from '../../../shared/briefing/spec'

/** What « Shorten quotes » starts at when ticked, and falls back to when the field is cleared. */
const DEFAULT_QUOTE_LIMIT = 400
/** The contract's floor: below it a trimmed quote would be little more than its « […] ». */
const SHORTEST_QUOTE_LIMIT = 20

export function ComposerStructure({
  briefing,
  onChange
}: {
  briefing: Pick<Briefing, 'grouping' | 'order' | 'quoteLimit'>
  onChange: (changes: BriefingChanges) => void
}): React.JSX.Element {
  const { t } = useTranslation('briefings')
  return (
    <fieldset className="composer__group">
      <legend>{t('structure.legend')}</legend>
      <div className="composer__row composer__row--split">
        <label className="field">
          <span className="field__label">{t('structure.groupBy')}</span>
          <select
            className="input"
            value={briefing.grouping}
            onChange={(event) => onChange({ grouping: event.target.value as Briefing['grouping'] })}
          >
            <option value="tag-top">{t('structure.groupTagTop')}</option>
            <option value="tag-full">{t('structure.groupTagFull')}</option>
            <option value="article">{t('structure.groupArticle')}</option>
            <option value="none">{t('structure.groupNone')}</option>
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('structure.order')}</span>
          <select
            className="input"
            value={briefing.order}
            onChange={(event) => onChange({ order: event.target.value as Briefing['order'] })}
          >
            <option value="document">{t('structure.orderDocument')}</option>
            <option value="date">{t('structure.orderDate')}</option>
            <option value="manual">{t('structure.orderManual')}</option>
          </select>
        </label>
      </div>
      <label className="composer__check">
        <input
          type="checkbox"
          checked={briefing.quoteLimit !== null}
          onChange={(event) => onChange({ quoteLimit: event.target.checked ? DEFAULT_QUOTE_LIMIT : null })}
        />
        {t('structure.shortenBefore')}
        <input
          className="input input--small composer__number"
          type="number"
          min={SHORTEST_QUOTE_LIMIT}
          step={50}
          aria-label={t('structure.longestQuote')}
          disabled={briefing.quoteLimit === null}
          value={briefing.quoteLimit ?? DEFAULT_QUOTE_LIMIT}
          onChange={(event) =>
            onChange({ quoteLimit: Math.max(SHORTEST_QUOTE_LIMIT, Number(event.target.value) || DEFAULT_QUOTE_LIMIT) })
          }
        />
        {t('structure.shortenAfter')}
      </label>
    </fieldset>
  )
}
