/**
 * Delete or Backspace on a highlight in the reading pane deletes its note, as the Delete
 * button does (undoable, with the toast's Undo). "On a highlight" means the caret, or a
 * selection lying wholly inside it; where highlights overlap, the selected note goes if it is
 * one of them, else the innermost. Never while the article text is being edited, where the
 * keys edit text.
 */
import { NOTES_UNDER_CARET_COMMAND } from '../lib/readerCommands'
import type { AppServices } from '../app/AppContext'

/** Deletes the note under the reading caret; false when there is none, so the key keeps its meaning. */
export function deleteNoteUnderCaret({ session, notes: actions }: Pick<AppServices, 'session' | 'notes'>): boolean {
  const state = session.store.get()
  if (state.view !== 'reading' || state.editing) return false
  // A caret left in a highlight must not make Backspace on a button of the panel delete it.
  const focused = document.activeElement
  if (focused && focused !== document.body && !focused.closest('.article-text')) return false
  let noteId: string | null = null
  session.toReader(NOTES_UNDER_CARET_COMMAND, (noteIds) => {
    const known = noteIds.filter((id) => state.notes.some((note) => note.id === id))
    noteId = known.find((id) => id === state.selectedNoteId) ?? known[0] ?? null
  })
  const note = state.notes.find((candidate) => candidate.id === noteId)
  if (!note) return false
  void actions.deleteNote(note)
  return true
}
