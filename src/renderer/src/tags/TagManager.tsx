/**
 * The tag manager: every tag as a tree with how many notes carry it, to rename (which also
 * moves it, children included: "Maroc" → "Acteurs/Maroc"), recolour, merge into another,
 * pin to a digit key, or delete. Each change can be undone with Ctrl/Cmd+Z.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { buildTagTree, isSameOrDescendant, type Tag, type TagTreeNode } from '../../../shared/tags/tags'
import { formatCount } from '../lib/format'

export interface TagManagerProps {
  tags: readonly Tag[]
  /** Each tagged note's tag ids, across the library. */
  usage: readonly (readonly string[])[]
  onRename: (tag: Tag, path: string) => void
  onRecolor: (tag: Tag, color: string) => void
  onDescribe: (tag: Tag, description: string) => void
  onDelete: (tag: Tag) => void
  /** Folds the first tag into the second: its notes carry the second instead, its sub-tags move under it. */
  onMerge: (from: Tag, into: Tag) => void
  pinnedTagIds: readonly string[]
  onPin: (tagIds: string[]) => void
  onClose: () => void
}

const PIN_KEYS = [1, 2, 3, 4, 5, 6, 7, 8, 9]

/** The pin list with `tag` on `key` (or off the keys when key is 0), other pins kept in place. */
function pinsWith(pinned: readonly string[], tagId: string, key: number): string[] {
  const slots = PIN_KEYS.map((_, index) => (pinned[index] === tagId ? '' : (pinned[index] ?? '')))
  if (key > 0) slots[key - 1] = tagId
  while (slots.length > 0 && slots[slots.length - 1] === '') slots.pop()
  // Gaps close up: the pin list is an ordered list, and key n is its n-th entry.
  return slots.filter((id) => id !== '')
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
        <>
          <p className="dialog__hint">
            Rename to move a tag (“Maroc” → “Acteurs/Maroc”). A pinned tag is applied with its digit key in an empty tag
            field. Ctrl+Z undoes any change.
          </p>
          <ul className="tag-tree" role="tree" aria-label="Tags">
            {tree.map((node) => (
              <TagRow key={node.path} node={node} depth={0} {...props} />
            ))}
          </ul>
        </>
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
  const pinKey = tag ? props.pinnedTagIds.indexOf(tag.id) + 1 : 0
  const mergeTargets = tag ? props.tags.filter((other) => !isSameOrDescendant(other.path, tag.path)) : []
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
            <select
              className="input input--small"
              aria-label={`Pin ${tag.path} to a digit key`}
              value={pinKey}
              onChange={(event) => props.onPin(pinsWith(props.pinnedTagIds, tag.id, Number(event.target.value)))}
            >
              <option value={0}>Not pinned</option>
              {PIN_KEYS.filter((key) => key <= props.pinnedTagIds.length + (pinKey ? 0 : 1)).map((key) => (
                <option key={key} value={key}>
                  Key {key}
                </option>
              ))}
            </select>
            {mergeTargets.length > 0 && (
              <select
                className="input input--small"
                aria-label={`Merge ${tag.path} into`}
                value=""
                onChange={(event) => {
                  const into = mergeTargets.find((other) => other.id === event.target.value)
                  if (into) props.onMerge(tag, into)
                }}
              >
                <option value="">Merge into…</option>
                {mergeTargets.map((other) => (
                  <option key={other.id} value={other.id}>
                    {other.path}
                  </option>
                ))}
              </select>
            )}
            <button type="button" className="button button--small button--danger" onClick={() => props.onDelete(tag)}>
              Delete
            </button>
          </span>
        )}
      </div>
      {tag && (
        <input
          className="input input--small tag-tree__description"
          style={{ marginLeft: `${depth * 18 + 32}px` }}
          aria-label={`Description of ${tag.path}`}
          placeholder="What this tag means (optional)"
          defaultValue={tag.description}
          onBlur={(event) => {
            const description = event.target.value.trim()
            if (description !== tag.description) props.onDescribe(tag, description)
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.currentTarget.blur()
          }}
        />
      )}
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
