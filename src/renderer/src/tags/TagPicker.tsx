/**
 * Type to find a tag (accents and case ignored, recently used first), Enter to apply it,
 * or create a new one on the fly, '/' making it hierarchical: "Acteurs/Israël". Which option
 * Enter takes is decided in shared/tags/tagSearch.ts (`tagPickerOptions`): never a tag other
 * than the one typed.
 */
import { useEffect, useEffectEvent, useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { takeTypeAhead } from '../lib/typeAhead'
import { normaliseTagPath, type Tag } from '../../../shared/tags/tags'
import { tagPickerOptions, type TagPickerOption as Option } from '../../../shared/tags/tagSearch'
import { TagChip } from './TagChip'

const MAX_SUGGESTIONS = 8

export function TagPicker({
  tags,
  excludeIds,
  recentIds,
  pinnedIds = [],
  onApply,
  onCreate,
  autoFocus = false
}: {
  tags: readonly Tag[]
  excludeIds: readonly string[]
  recentIds: readonly string[]
  /** Tags on the digit keys: with the field empty, 1–9 applies the pinned tag at that place. */
  pinnedIds?: readonly string[]
  onApply: (tag: Tag) => void
  onCreate: (path: string) => void
  autoFocus?: boolean
}): React.JSX.Element {
  // Opened by T right after a highlight: keep what the analyst already typed, and an Enter they already pressed.
  const [typedAhead] = useState(() => {
    const typed = autoFocus ? takeTypeAhead() : ''
    const line = typed.indexOf('\n')
    return line < 0 ? { query: typed, submitted: false } : { query: typed.slice(0, line), submitted: true }
  })
  const [query, setQuery] = useState(typedAhead.query)
  const [active, setActive] = useState(0)
  const listId = useId()
  const { t } = useTranslation('tags')

  const { options, alreadyThere } = useMemo(
    () => tagPickerOptions(tags, excludeIds, query, recentIds, MAX_SUGGESTIONS),
    [tags, excludeIds, recentIds, query]
  )

  const choose = (option: Option | undefined): void => {
    if (!option) return
    if (option.kind === 'tag') onApply(option.tag)
    else onCreate(option.path)
    setQuery('')
    setActive(0)
  }

  const pinned = pinnedIds.flatMap((id) => tags.find((tag) => tag.id === id) ?? [])
  const applyTypedAheadEnter = useEffectEvent(() => {
    if (typedAhead.submitted && typedAhead.query.trim() && !alreadyThere) choose(options[0])
  })
  // Once, on opening: the Enter was pressed before this field existed.
  useEffect(() => applyTypedAheadEnter(), [])

  const open = normaliseTagPath(query) !== '' && (options.length > 0 || alreadyThere)
  // With the typed tag already on the note, Enter applies nothing: no option is active.
  const activeIndex = alreadyThere ? active - 1 : active
  return (
    <div className="tag-picker">
      <input
        className="input"
        role="combobox"
        aria-label={t('picker.label')}
        autoFocus={autoFocus}
        aria-expanded={open}
        aria-controls={listId}
        placeholder={t('picker.placeholder')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value)
          setActive(0)
        }}
        onKeyDown={(event) => {
          const pin = query === '' && /^[1-9]$/.test(event.key) ? pinned[Number(event.key) - 1] : undefined
          if (pin) {
            event.preventDefault()
            if (!excludeIds.includes(pin.id)) onApply(pin)
            return
          }
          const last = alreadyThere ? options.length : options.length - 1
          if (event.key === 'ArrowDown') setActive((index) => Math.min(index + 1, last))
          else if (event.key === 'ArrowUp') setActive((index) => Math.max(index - 1, 0))
          else if (event.key === 'Enter') choose(options[activeIndex])
          else if (event.key === 'Escape') setQuery('')
          else return
          event.preventDefault()
        }}
      />
      {pinned.length > 0 && !open && (
        <ol className="tag-picker__pins" aria-label={t('picker.pinned')}>
          {pinned.map((tag, index) => (
            <li key={tag.id}>
              <button
                type="button"
                className="tag-picker__pin"
                disabled={excludeIds.includes(tag.id)}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => onApply(tag)}
              >
                <kbd>{index + 1}</kbd> <TagChip tag={tag} />
              </button>
            </li>
          ))}
        </ol>
      )}
      {open && (
        <ul className="tag-picker__options" role="listbox" id={listId} aria-label={t('picker.options')}>
          {alreadyThere && (
            <li role="option" aria-selected={active === 0} aria-disabled className="tag-picker__option">
              {t('picker.alreadyThere', { path: normaliseTagPath(query) })}
            </li>
          )}
          {options.map((option, index) => (
            <li
              key={option.kind === 'tag' ? option.tag.id : `create:${option.path}`}
              role="option"
              aria-selected={index === activeIndex}
              className="tag-picker__option"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(option)}
            >
              {option.kind === 'tag' ? (
                <TagChip tag={option.tag} />
              ) : (
                <span className="tag-picker__create" title={option.path}>
                  {t('picker.create', { path: option.path })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
