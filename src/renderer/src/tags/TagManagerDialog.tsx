/** The tag manager, open while the session holds the tags' usage counts. */
import { useApp, useSession } from '../app/AppContext'
import { TagManager } from './TagManager'

export function TagManagerDialog(): React.JSX.Element | null {
  const { tags: actions } = useApp()
  const tags = useSession((state) => state.tags)
  const usage = useSession((state) => state.tagUsage)
  const pinnedTagIds = useSession((state) => state.pinnedTagIds)
  if (!usage) return null
  return (
    <TagManager
      tags={tags}
      usage={usage}
      onRename={(tag, path) => void actions.renameTag(tag, path)}
      onRecolor={(tag, color) => void actions.recolorTag(tag, color)}
      onDescribe={(tag, description) => void actions.describeTag(tag, description)}
      onDelete={(tag) => void actions.deleteTag(tag)}
      onMerge={(from, into) => void actions.mergeTags(from, into)}
      pinnedTagIds={pinnedTagIds}
      onPin={(tagIds) => void actions.pinTags(tagIds)}
      onClose={actions.closeManager}
    />
  )
}
