/**
 * The notes column for the open article: every note in document order, and the selected
 * one in full with its quote, when it was made, and how to delete it.
 */
import type { TextRange } from '../../../shared/anchoring/selectors'
import type { Note } from '../../../shared/domain/note'
import { formatCount, formatDateTime } from '../format'

export interface PanelNote {
  note: Note
  state: 'anchored' | 'moved' | 'orphaned'
  /** Where the note sits in the article's plain text now; null for an orphan. */
  range: TextRange | null
}

export function NotesPanel({
  notes,
  selectedNoteId,
  onSelect,
  onDelete
}: {
  notes: readonly PanelNote[]
  selectedNoteId: string | null
  onSelect: (noteId: string) => void
  onDelete: (note: Note) => void
}): React.JSX.Element {
  const selected = notes.find((entry) => entry.note.id === selectedNoteId) ?? null
  return (
    <aside className="notes-panel" aria-label="Notes">
      <h2 className="panel-heading">
        Notes <span className="panel-heading__count">{formatCount(notes.length, 'note', 'notes')}</span>
      </h2>
      {selected && (
        <section className="note-detail" aria-label="Selected note">
          <blockquote className="note-detail__quote">{selected.note.anchor.quote.exact}</blockquote>
          <p className="note-detail__meta">
            Created <time dateTime={selected.note.createdAt}>{formatDateTime(selected.note.createdAt)}</time>
            {selected.state === 'orphaned' && <span className="badge badge--warning">Text not found</span>}
          </p>
          <div className="note-detail__actions">
            <button type="button" className="button button--danger" onClick={() => onDelete(selected.note)}>
              Delete note
            </button>
          </div>
        </section>
      )}
      {notes.length === 0 ? (
        <p className="empty-state">
          Select a passage in the article, then press <kbd>H</kbd> or click <strong>Highlight</strong>.
        </p>
      ) : (
        <ol className="notes-list">
          {notes.map(({ note, state }) => (
            <li key={note.id}>
              <button
                type="button"
                className="notes-list__item"
                aria-current={note.id === selectedNoteId ? 'true' : undefined}
                data-state={state}
                onClick={() => onSelect(note.id)}
              >
                <span className="notes-list__quote">{note.anchor.quote.exact}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </aside>
  )
}
