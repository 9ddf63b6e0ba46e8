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
      // A parent with no record of its own is acted on as the branch under its path.
      onRename={({ path, tag }, newPath) =>
        void (tag ? actions.renameTag(tag, newPath) : actions.renameBranch(path, newPath))
      }
      onRecolor={({ path, tag }, color) =>
        void (tag ? actions.recolorTag(tag, color) : actions.recolorBranch(path, color))
      }
      onDescribe={(tag, description) => void actions.describeTag(tag, description)}
      onDelete={(tag) => void actions.deleteTag(tag)}
      onMerge={({ path, tag }, into) => void (tag ? actions.mergeTags(tag, into) : actions.mergeBranch(path, into))}
      pinnedTagIds={pinnedTagIds}
      onPin={(tagIds) => void actions.pinTags(tagIds)}
      onClose={actions.closeManager}
    />
  )
}
