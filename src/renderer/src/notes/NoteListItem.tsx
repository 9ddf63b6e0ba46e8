/**
 * One row of the notes list. Memoised on props that stay the same objects while the note
 * does (the entry is cached per note, the tag map per tag list, the callback made once), so
 * storing one note re-renders one row, not the thousand others of a heavily annotated article.
 */
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import { highlightedQuote } from '../../../shared/notes/anchorState'
import type { Tag } from '../../../shared/tags/tags'
import { TagChip } from '../tags'
import type { PanelNote } from './NotesPanel'
import { NoteText } from './NoteText'

export const NoteListItem = memo(function NoteListItem({
  entry: { note, state },
  quote,
  tagsById,
  selected,
  reattaching,
  onSelect
}: {
  entry: PanelNote
  /** What the row quotes: the highlighted words, or what a moved note covers now. */
  quote: string
  tagsById: ReadonlyMap<string, Tag>
  selected: boolean
  reattaching: boolean
  onSelect: (noteId: string) => void
}): React.JSX.Element {
  const { t } = useTranslation('notes')
  const noteTags = note.tagIds.flatMap((id) => tagsById.get(id) ?? [])
  // Long quotes, words and tag paths are cut on screen; the tooltip keeps them whole.
  const tooltip = [t('item.tooltipQuote', { quote }), note.text, noteTags.map((tag) => tag.path).join(', ')]
    .filter(Boolean)
    .join('\n')
  return (
    <li>
      <button
        type="button"
        className="notes-list__item"
        title={tooltip}
        aria-current={selected ? 'true' : undefined}
        data-note-id={note.id}
        data-state={state}
        data-reattaching={reattaching ? 'true' : undefined}
        onClick={() => onSelect(note.id)}
      >
        {state !== 'anchored' && (
          <span className={`badge badge--${state === 'orphaned' ? 'warning' : 'notice'}`}>{t(`state.${state}`)}</span>
        )}
        <span className="notes-list__quote">{quote}</span>
        {note.text && <NoteText className="notes-list__text" text={note.text} />}
        {noteTags.length > 0 && (
          <span className="notes-list__tags">
            {noteTags.map((tag) => (
              <TagChip key={tag.id} tag={tag} />
            ))}
          </span>
        )}
      </button>
    </li>
  )
})

/** The words a row quotes: a moved note shows what it covers now. */
export function quoteOf({ note, state, range }: PanelNote, plainText: string): string {
  return state === 'moved' && range ? plainText.slice(range.start, range.end) : highlightedQuote(note)
}
