/**
 * A tag as the analyst sees it everywhere: its colour and its full path, optionally removable.
 * A long path is cut with an ellipsis to fit where it sits; its full text is on hover.
 */
import { useTranslation } from 'react-i18next'
import type { Tag } from '../../../shared/tags/tags'

export function TagChip({ tag, onRemove }: { tag: Tag; onRemove?: () => void }): React.JSX.Element {
  const { t } = useTranslation('tags')
  return (
    <span className="tag-chip" data-tag-id={tag.id} title={tag.path}>
      <span className="tag-chip__dot" style={{ background: tag.color ?? 'var(--ink-faint)' }} />
      <span className="tag-chip__path">{tag.path}</span>
      {onRemove && (
        <button
          type="button"
          className="tag-chip__remove"
          aria-label={t('chip.remove', { path: tag.path })}
          onClick={onRemove}
        >
          ×
        </button>
      )}
    </span>
  )
}
