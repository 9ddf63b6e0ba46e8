/**
 * One note of the notes workspace: a box to select it, its colour, what it says and where it
 * is from. A passage note shows its quote, which opens it; a note on the whole article has no
 * quote, so it says so and its article's title opens it.
 */
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import { currentQuote, highlightedQuote } from '../../../shared/notes/anchorState'
import type { WorkspaceNote } from '../../../shared/notes/workspace'
import type { Tag } from '../../../shared/tags/tags'
import { formatDateTime } from '../lib/format'
import { NoteText } from '../notes'
import { TagChip } from '../tags'
import './workspace.css'

export const WorkspaceNoteCard = memo(function WorkspaceNoteCard({
  note,
  tagsById,
  selected,
  onSelect,
  onOpen
}: {
  note: WorkspaceNote
  tagsById: ReadonlyMap<string, Tag>
  selected: boolean
  onSelect: (noteId: string, selected: boolean) => void
  onOpen: (note: WorkspaceNote) => void
}): React.JSX.Element {
  const { t } = useTranslation('workspace')
  const wholeArticle = note.kind === 'article'
  return (
    <li className="notes-workspace__note" data-state={note.state} data-kind={wholeArticle ? 'article' : undefined}>
      <input
        type="checkbox"
        aria-label={
          wholeArticle
            ? t('selectArticleNote', { title: note.articleTitle.slice(0, 60) })
            : t('selectNote', { quote: highlightedQuote(note).slice(0, 40) })
        }
        checked={selected}
        onChange={(event) => onSelect(note.id, event.target.checked)}
      />
      <span
        className="notes-workspace__swatch"
        style={{ background: note.effectiveColor ?? (wholeArticle ? 'var(--rule)' : 'var(--highlight-strong)') }}
        aria-hidden="true"
      />
      <div className="notes-workspace__body">
        {wholeArticle ? (
          <>
            <span className="badge notes-workspace__whole">{t('wholeArticle')}</span>
            <button type="button" className="notes-workspace__quote" onClick={() => onOpen(note)}>
              <span className="notes-workspace__article-title">{note.articleTitle}</span>
            </button>
          </>
        ) : (
          <button type="button" className="notes-workspace__quote" onClick={() => onOpen(note)}>
            {currentQuote(note) ?? highlightedQuote(note)}
          </button>
        )}
        {note.text && <NoteText className="notes-list__text" text={note.text} />}
        <span className="notes-workspace__meta">
          {note.state !== 'anchored' && (
            <span className={`badge badge--${note.state === 'orphaned' ? 'warning' : 'notice'}`}>{t(note.state)}</span>
          )}
          {note.tagIds.flatMap((id) => {
            const tag = tagsById.get(id)
            return tag ? [<TagChip key={id} tag={tag} />] : []
          })}
          {!wholeArticle && <span>{note.articleTitle}</span>}
          <time dateTime={note.createdAt}>{formatDateTime(note.createdAt)}</time>
        </span>
      </div>
    </li>
  )
})
