/** A tag as the analyst sees it everywhere: its colour and its full path, optionally removable. */
import type { Tag } from '../../../shared/tags/tags'

export function TagChip({ tag, onRemove }: { tag: Tag; onRemove?: () => void }): React.JSX.Element {
  return (
    <span className="tag-chip" data-tag-id={tag.id}>
      <span className="tag-chip__dot" style={{ background: tag.color ?? 'var(--ink-faint)' }} />
      <span className="tag-chip__path">{tag.path}</span>
      {onRemove && (
        <button type="button" className="tag-chip__remove" aria-label={`Remove tag ${tag.path}`} onClick={onRemove}>
          ×
        </button>
      )}
    </span>
  )
}
