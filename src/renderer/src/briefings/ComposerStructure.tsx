/**
 * The composer's « Structure » fields: how notes are grouped into sections, in which order,
 * and whether long quotes are shortened around « […] ».
 */
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
  return (
    <fieldset className="composer__group">
      <legend>Structure</legend>
      <div className="composer__row composer__row--split">
        <label className="field">
          <span className="field__label">Group by</span>
          <select
            className="input"
            value={briefing.grouping}
            onChange={(event) => onChange({ grouping: event.target.value as Briefing['grouping'] })}
          >
            <option value="tag-top">Top-level tag</option>
            <option value="tag-full">Tag hierarchy</option>
            <option value="article">Source article</option>
            <option value="none">No grouping</option>
          </select>
        </label>
        <label className="field">
          <span className="field__label">Order</span>
          <select
            className="input"
            value={briefing.order}
            onChange={(event) => onChange({ order: event.target.value as Briefing['order'] })}
          >
            <option value="document">As in the article</option>
            <option value="date">By date noted</option>
            <option value="manual">My order (drag notes)</option>
          </select>
        </label>
      </div>
      <label className="composer__check">
        <input
          type="checkbox"
          checked={briefing.quoteLimit !== null}
          onChange={(event) => onChange({ quoteLimit: event.target.checked ? DEFAULT_QUOTE_LIMIT : null })}
        />
        Shorten quotes longer than
        <input
          className="input input--small composer__number"
          type="number"
          min={SHORTEST_QUOTE_LIMIT}
          step={50}
          aria-label="Longest quote, in characters"
          disabled={briefing.quoteLimit === null}
          value={briefing.quoteLimit ?? DEFAULT_QUOTE_LIMIT}
          onChange={(event) =>
            onChange({ quoteLimit: Math.max(SHORTEST_QUOTE_LIMIT, Number(event.target.value) || DEFAULT_QUOTE_LIMIT) })
          }
        />
        characters, with […]
      </label>
    </fieldset>
  )
}
