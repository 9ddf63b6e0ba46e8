/**
 * Type to find a tag (accents and case ignored, recently used first), Enter to apply it,
 * or create a new one on the fly, '/' making it hierarchical: "Acteurs/Israël".
 */
import { useId, useMemo, useState } from 'react'
import { findTagByPath, normaliseTagPath, type Tag } from '../../../shared/tags/tags'
import { rankTags } from '../../../shared/tags/tagSearch'
import { TagChip } from './TagChip'

const MAX_SUGGESTIONS = 8

type Option = { kind: 'tag'; tag: Tag } | { kind: 'create'; path: string }

export function TagPicker({
  tags,
  excludeIds,
  recentIds,
  onApply,
  onCreate,
  autoFocus = false
}: {
  tags: readonly Tag[]
  excludeIds: readonly string[]
  recentIds: readonly string[]
  onApply: (tag: Tag) => void
  onCreate: (path: string) => void
  autoFocus?: boolean
}): React.JSX.Element {
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const listId = useId()

  const options = useMemo<Option[]>(() => {
    const available = tags.filter((tag) => !excludeIds.includes(tag.id))
    const found: Option[] = rankTags(available, query, recentIds)
      .slice(0, MAX_SUGGESTIONS)
      .map((tag) => ({ kind: 'tag', tag }))
    const path = normaliseTagPath(query)
    if (path && !findTagByPath(tags, path)) found.push({ kind: 'create', path })
    return found
  }, [tags, excludeIds, recentIds, query])

  const choose = (option: Option | undefined): void => {
    if (!option) return
    if (option.kind === 'tag') onApply(option.tag)
    else onCreate(option.path)
    setQuery('')
    setActive(0)
  }

  const open = query.trim().length > 0 && options.length > 0
  return (
    <div className="tag-picker">
      <input
        className="input"
        role="combobox"
        aria-label="Add a tag"
        autoFocus={autoFocus}
        aria-expanded={open}
        aria-controls={listId}
        placeholder="Add a tag… (Acteurs/Israël)"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value)
          setActive(0)
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') setActive((index) => Math.min(index + 1, options.length - 1))
          else if (event.key === 'ArrowUp') setActive((index) => Math.max(index - 1, 0))
          else if (event.key === 'Enter') choose(options[active])
          else if (event.key === 'Escape') setQuery('')
          else return
          event.preventDefault()
        }}
      />
      {open && (
        <ul className="tag-picker__options" role="listbox" id={listId} aria-label="Tags">
          {options.map((option, index) => (
            <li
              key={option.kind === 'tag' ? option.tag.id : `create:${option.path}`}
              role="option"
              aria-selected={index === active}
              className="tag-picker__option"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(option)}
            >
              {option.kind === 'tag' ? <TagChip tag={option.tag} /> : <span>Create tag “{option.path}”</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
