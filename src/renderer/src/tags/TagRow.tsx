/**
 * One row of the tag manager and the rows under it. A row is a branch: a tag with its
 * children, or a parent that exists only through them (no record: no pin, description or
 * delete, but the same rename, colour and merge, which then apply to every tag under it).
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isSameOrDescendant, type Tag, type TagTreeNode } from '../../../shared/tags/tags'
import { MergeForm, RenameForm } from './TagRowForms'
import type { TagManagerProps } from './TagManager'

/** What an action in the manager applies to: everything at or under `path`; `tag` when it has a record. */
export interface TagBranch {
  path: string
  tag: Tag | null
}

const PIN_KEYS = [1, 2, 3, 4, 5, 6, 7, 8, 9]
const NO_COLOUR = '#8a8376'
const INDENT_PX = 18

/** The pin list with `tag` on `key` (or off the keys when key is 0), other pins kept in place. */
function pinsWith(pinned: readonly string[], tagId: string, key: number): string[] {
  const slots = PIN_KEYS.map((_, index) => (pinned[index] === tagId ? '' : (pinned[index] ?? '')))
  if (key > 0) slots[key - 1] = tagId
  while (slots.length > 0 && slots[slots.length - 1] === '') slots.pop()
  // Gaps close up: the pin list is an ordered list, and key n is its n-th entry.
  return slots.filter((id) => id !== '')
}

/** The colour a parent without a record shows: its tags' colour when they share one. */
function branchColour(tags: readonly Tag[], path: string): string {
  const colours = new Set(tags.filter((tag) => isSameOrDescendant(tag.path, path)).map((tag) => tag.color))
  const [only] = colours
  return colours.size === 1 && only ? only : NO_COLOUR
}

type Editing = 'none' | 'rename' | 'merge'

export function TagRow({ node, depth, ...props }: { node: TagTreeNode; depth: number } & TagManagerProps) {
  const { t } = useTranslation('tags')
  const [editing, setEditing] = useState<Editing>('none')
  const tag = node.tag
  const path = tag?.path ?? node.path
  const branch: TagBranch = { path, tag }
  const pinKey = tag ? props.pinnedTagIds.indexOf(tag.id) + 1 : 0
  const mergeTargets = props.tags.filter((other) => !isSameOrDescendant(other.path, path))
  // Each button's name starts with its visible text, then says which tag (WCAG 2.5.3).
  const named = (visible: string) => `${visible} ${path}`
  // Where the row's text starts: past the indent, the colour swatch and the gap.
  const contentIndent = depth * INDENT_PX + 42
  return (
    <li aria-label={path}>
      <div className="tag-tree__row" style={{ paddingLeft: `${10 + depth * INDENT_PX}px` }}>
        <input
          type="color"
          className={`tag-tree__color${tag ? '' : ' tag-tree__color--implied'}`}
          aria-label={t(tag ? 'manager.colour' : 'manager.branchColour', { path })}
          title={t(tag ? 'manager.colour' : 'manager.branchColour', { path })}
          value={tag ? (tag.color ?? NO_COLOUR) : branchColour(props.tags, path)}
          onChange={(event) => props.onRecolor(branch, event.target.value)}
        />
        <span className="tag-tree__label">
          <span className="tag-tree__name" title={tag ? path : `${path}\n${t('manager.impliedTitle')}`}>
            {node.name}
          </span>{' '}
          <span className="tag-tree__count">
            {t('manager.count', { count: node.totalCount })}
            {tag && node.ownCount !== node.totalCount ? ` ${t('manager.ownCount', { count: node.ownCount })}` : ''}
          </span>
        </span>
        {editing === 'none' && (
          <span className="tag-tree__actions">
            <button
              type="button"
              className="button button--small"
              aria-label={named(t('manager.rename'))}
              onClick={() => setEditing('rename')}
            >
              {t('manager.rename')}
            </button>
            {mergeTargets.length > 0 && (
              <button
                type="button"
                className="button button--small"
                aria-label={named(t('manager.merge'))}
                onClick={() => setEditing('merge')}
              >
                {t('manager.merge')}
              </button>
            )}
            {tag && (
              <select
                className="input input--small"
                aria-label={t('manager.pin', { path })}
                value={pinKey}
                onChange={(event) => props.onPin(pinsWith(props.pinnedTagIds, tag.id, Number(event.target.value)))}
              >
                <option value={0}>{t('manager.notPinned')}</option>
                {PIN_KEYS.filter((key) => key <= props.pinnedTagIds.length + (pinKey ? 0 : 1)).map((key) => (
                  <option key={key} value={key}>
                    {t('manager.pinKey', { key })}
                  </option>
                ))}
              </select>
            )}
            {tag && (
              <button
                type="button"
                className="button button--small button--danger"
                aria-label={named(t('manager.delete'))}
                onClick={() => props.onDelete(tag)}
              >
                {t('manager.delete')}
              </button>
            )}
          </span>
        )}
      </div>
      {editing === 'rename' && (
        <RenameForm
          path={path}
          indent={contentIndent}
          onRename={(newPath) => props.onRename(branch, newPath)}
          onDone={() => setEditing('none')}
        />
      )}
      {editing === 'merge' && (
        <MergeForm
          path={path}
          indent={contentIndent}
          targets={mergeTargets}
          onMerge={(into) => props.onMerge(branch, into)}
          onDone={() => setEditing('none')}
        />
      )}
      {tag && (
        <input
          className="input input--small tag-tree__description"
          style={{ marginLeft: `${contentIndent}px`, width: `calc(100% - ${contentIndent + 10}px)` }}
          aria-label={t('manager.description', { path })}
          placeholder={t('manager.descriptionPlaceholder')}
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
        <ul>
          {node.children.map((child) => (
            <TagRow key={child.path} node={child} depth={depth + 1} {...props} />
          ))}
        </ul>
      )}
    </li>
  )
}
