/**
 * The tag manager: every tag as a tree with how many notes carry it, to rename (which also
 * moves it, children included: "Maroc" → "Acteurs/Maroc"), recolour, merge into another,
 * pin to a digit key, or delete. A parent is acted on like a leaf, even one that exists
 * only through its children: its actions carry everything under it. Each change can be
 * undone with Ctrl/Cmd+Z.
 *
 * The tree is nested lists, not an ARIA tree: a treeitem takes its name from its content, and
 * these rows hold buttons and fields, so no name could contain all their text (axe counted 13
 * label/name mismatches, WCAG 2.5.3), and arrow-key tree navigation would fight the fields.
 */
import { useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { buildTagTree, type Tag } from '../../../shared/tags/tags'
import { TagRow, type TagBranch } from './TagRow'

export type { TagBranch }

export interface TagManagerProps {
  tags: readonly Tag[]
  /** Each tagged note's tag ids, across the library. */
  usage: readonly (readonly string[])[]
  /** Renames or moves a tag, or every tag under a parent that has no record, children following. */
  onRename: (branch: TagBranch, path: string) => void
  /** A tag's own colour; for a parent with no record, the colour of every tag under it. */
  onRecolor: (branch: TagBranch, color: string) => void
  onDescribe: (tag: Tag, description: string) => void
  onDelete: (tag: Tag) => void
  /** Folds the branch into the tag: its notes carry that tag instead, its sub-tags move under it. */
  onMerge: (branch: TagBranch, into: Tag) => void
  pinnedTagIds: readonly string[]
  onPin: (tagIds: string[]) => void
  onClose: () => void
}

export function TagManager(props: TagManagerProps): React.JSX.Element {
  const { t } = useTranslation('tags')
  const dialog = useRef<HTMLDialogElement>(null)
  const tree = useMemo(() => buildTagTree(props.tags, props.usage), [props.tags, props.usage])
  useEffect(() => dialog.current?.showModal(), [])
  return (
    <dialog
      ref={dialog}
      className="dialog dialog--wide tag-manager"
      aria-label={t('manager.label')}
      onClose={props.onClose}
    >
      <h2 className="dialog__title">{t('manager.title')}</h2>
      {tree.length === 0 ? (
        <p className="empty-state">{t('manager.empty')}</p>
      ) : (
        <>
          <p className="dialog__hint">{t('manager.hint')}</p>
          <ul className="tag-tree" aria-label={t('manager.tree')}>
            {tree.map((node) => (
              <TagRow key={node.path} node={node} depth={0} {...props} />
            ))}
          </ul>
        </>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          {t('manager.close')}
        </button>
      </div>
    </dialog>
  )
}
