/**
 * A note's tags in its editor: each as a chip that removes it, then the picker that adds
 * one or creates it. The passage note's editor and the editor of a note on the whole
 * article both use it, so tagging works the same on either.
 */
import { useTranslation } from 'react-i18next'
import type { Tag } from '../../../shared/tags/tags'
import { TagChip, TagPicker } from '../tags'

export function NoteTags({
  tags,
  tagIds,
  recentTagIds,
  pinnedTagIds,
  autoFocus,
  onAdd,
  onRemove,
  onCreate
}: {
  tags: readonly Tag[]
  tagIds: readonly string[]
  recentTagIds: readonly string[]
  pinnedTagIds: readonly string[]
  autoFocus: boolean
  onAdd: (tagId: string) => void
  onRemove: (tagId: string) => void
  onCreate: (path: string) => void
}): React.JSX.Element {
  const { t } = useTranslation('notes')
  const byId = new Map(tags.map((tag) => [tag.id, tag]))
  const noteTags = tagIds.flatMap((id) => byId.get(id) ?? [])
  return (
    <>
      <div className="note-detail__tags" role="group" aria-label={t('editor.tagsLabel')}>
        {noteTags.map((tag) => (
          // A long path is cut with an ellipsis on screen; the tooltip keeps it whole.
          <span key={tag.id} className="note-detail__tag" title={tag.path}>
            <TagChip tag={tag} onRemove={() => onRemove(tag.id)} />
          </span>
        ))}
      </div>
      <TagPicker
        tags={tags}
        excludeIds={tagIds}
        recentIds={recentTagIds}
        pinnedIds={pinnedTagIds}
        autoFocus={autoFocus}
        onApply={(tag) => onAdd(tag.id)}
        onCreate={onCreate}
      />
    </>
  )
}
