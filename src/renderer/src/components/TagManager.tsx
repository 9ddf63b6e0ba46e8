/**
 * The tag manager: every tag as a tree with how many notes carry it, to rename (which also
 * moves it, children included: "Maroc" → "Acteurs/Maroc"), recolour or delete. Each change
 * can be undone with Ctrl/Cmd+Z.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { buildTagTree, type Tag, type TagTreeNode } from '../../../shared/tags/tags'
import { formatCount } from '../format'

export interface TagManagerProps {
  tags: readonly Tag[]
  /** Each tagged note's tag ids, across the library. */
  usage: readonly (readonly string[])[]
  onRename: (tag: Tag, path: string) => void
  onRecolor: (tag: Tag, color: string) => void
  onDelete: (tag: Tag) => void
  onClose: () => void
}

export function TagManager(props: TagManagerProps): React.JSX.Element {
  const dialog = useRef<HTMLDialogElement>(null)
  const tree = useMemo(() => buildTagTree(props.tags, props.usage), [props.tags, props.usage])
  useEffect(() => dialog.current?.showModal(), [])
  return (
    <dialog ref={dialog} className="dialog dialog--wide" aria-label="Tag manager" onClose={props.onClose}>
      <h2 className="dialog__title">Tags</h2>
      {tree.length === 0 ? (
        <p className="empty-state">No tags yet. Tag a note from its panel: type “Acteurs/Israël” and press Enter.</p>
      ) : (
        <ul className="tag-tree" role="tree" aria-label="Tags">
          {tree.map((node) => (
            <TagRow key={node.path} node={node} depth={0} {...props} />
          ))}
        </ul>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  )
}

function TagRow({ node, depth, ...props }: { node: TagTreeNode; depth: number } & TagManagerProps): React.JSX.Element {
  const [editing, setEditing] = useState(false)
  const [path, setPath] = useState(node.tag?.path ?? node.path)
  const tag = node.tag
  return (
    <li role="treeitem" aria-label={node.path} aria-expanded={node.children.length > 0 ? true : undefined}>
      <div className="tag-tree__row" style={{ paddingLeft: `${depth * 18}px` }}>
        {tag ? (
          <input
            type="color"
            className="tag-tree__color"
            aria-label={`Colour of ${tag.path}`}
            value={tag.color ?? '#8a8376'}
            onChange={(event) => props.onRecolor(tag, event.target.value)}
          />
        ) : (
          <span className="tag-tree__color tag-tree__color--implied" />
        )}
        {editing && tag ? (
          <form
            className="tag-tree__rename"
            onSubmit={(event) => {
              event.preventDefault()
              setEditing(false)
              if (path.trim() && path !== tag.path) props.onRename(tag, path)
            }}
          >
            <input
              className="input"
              aria-label={`New name for ${tag.path}`}
              value={path}
              autoFocus
              onChange={(event) => setPath(event.target.value)}
            />
            <button type="submit" className="button button--small button--primary">
              Rename
            </button>
          </form>
        ) : (
          <span className="tag-tree__name">{node.name}</span>
        )}
        <span className="tag-tree__count">
          {formatCount(node.totalCount, 'note', 'notes')}
          {node.tag && node.ownCount !== node.totalCount ? ` (${node.ownCount} on this tag itself)` : ''}
        </span>
        {tag && !editing && (
          <span className="tag-tree__actions">
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                setPath(tag.path)
                setEditing(true)
              }}
            >
              Rename…
            </button>
            <button type="button" className="button button--small button--danger" onClick={() => props.onDelete(tag)}>
              Delete
            </button>
          </span>
        )}
      </div>
      {node.children.length > 0 && (
        <ul role="group">
          {node.children.map((child) => (
            <TagRow key={child.path} node={child} depth={depth + 1} {...props} />
          ))}
        </ul>
      )}
    </li>
  )
}
