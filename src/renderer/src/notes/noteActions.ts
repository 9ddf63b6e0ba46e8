/**
 * Everything the analyst does to the open article's notes, each recorded on the session's
 * undo history with its inverse: highlight ↔ delete, delete ↔ restore, text, tags, colour
 * and re-attachment ↔ their previous value. Plain functions over the session, so they are
 * made once and never change identity, and they read the notes as they are now from the
 * store, not from a render that may be behind.
 */
import type { Note } from '../../../shared/domain/note'
import { serialQueue } from '../../../shared/async/serialQueue'
import { compareNotePositions } from '../../../shared/notes/noteOrder'
import { undoable } from '../../../shared/undo/undoable'
import type { FocusField, Session } from '../app/session'
import type { HighlightIntent } from '../lib/readerCommands'
import { t } from '../lib/i18n'
import { required } from '../lib/required'

/** Marks drawn for a highlight whose note the services have not stored yet carry an id with this prefix. */
export const PENDING_PREFIX = 'pending-'
let pendingSequence = 0

type Span = { start: number; end: number }

export type NoteActions = ReturnType<typeof createNoteActions>

export function createNoteActions(session: Session) {
  const { api, take, store, show, history } = session
  const record = history.record
  const noteCountChanged = (): void => void session.refreshLibrary()

  const currentNote = (noteId: string): Note | undefined => store.get().notes.find((note) => note.id === noteId)
  const replace = (updated: Note): void =>
    store.set(({ notes }) => ({ notes: notes.map((note) => (note.id === updated.id ? updated : note)) }))
  const putBack = async (note: Note): Promise<void> => {
    const restored = required(take(await api.restoreNote({ note })))
    store.set(({ notes }) => ({ notes: [...notes, restored].sort(compareNotePositions) }))
    noteCountChanged()
  }
  const remove = async (note: Note): Promise<void> => {
    required(take(await api.deleteNote({ articleId: note.articleId, noteId: note.id })))
    store.set(({ notes }) => ({ notes: notes.filter((candidate) => candidate.id !== note.id), selectedNoteId: null }))
    noteCountChanged()
  }
  const writeText = async (note: Note, text: string): Promise<void> =>
    replace(required(take(await api.updateNote({ articleId: note.articleId, noteId: note.id, changes: { text } }))))
  const writeTags = async (note: Note, tagIds: string[]): Promise<void> =>
    replace(required(take(await api.setNoteTags({ articleId: note.articleId, noteId: note.id, tagIds }))))
  const writeColor = async (note: Note, color: string | null): Promise<void> =>
    replace(required(take(await api.setNoteColor({ articleId: note.articleId, noteId: note.id, color }))))
  /** Puts a note record back in place of the current one: how a re-attachment is undone and redone. */
  const swapNote = async (note: Note): Promise<void> => {
    required(take(await api.deleteNote({ articleId: note.articleId, noteId: note.id })))
    replace(required(take(await api.restoreNote({ note }))))
  }

  /**
   * Tag changes to a note run one after another and each starts from the note as it is
   * then, so two quick changes (apply one tag, create another) never overwrite each other.
   */
  const tagChanges = serialQueue()
  const changeNoteTags = (noteId: string, change: (tagIds: string[]) => string[]): Promise<void> =>
    tagChanges.run(async () => {
      const note = currentNote(noteId)
      if (!note) return
      const before = note.tagIds
      const after = change(before)
      if (after.length === before.length && after.every((id, index) => id === before[index])) return
      const done = await undoable(record, {
        label: 'tags',
        undo: () => writeTags(note, before),
        redo: () => writeTags(note, after)
      })
      if (done) tagsApplied(after.filter((id) => !before.includes(id)))
    })
  const tagsApplied = (tagIds: string[]): void =>
    store.set(({ recentTagIds }) => ({
      recentTagIds: [...tagIds, ...recentTagIds.filter((id) => !tagIds.includes(id))].slice(0, 20)
    }))
  const addNoteTag = (note: Note, tagId: string): Promise<void> =>
    changeNoteTags(note.id, (ids) => (ids.includes(tagId) ? ids : [...ids, tagId]))

  return {
    async createHighlight(
      articleId: string,
      range: Span,
      quote: string,
      intent: HighlightIntent,
      color: string | null
    ) {
      // Drawn at once, saved behind: the highlight shows on the keypress, not after the disk write.
      const pendingId = `${PENDING_PREFIX}${++pendingSequence}`
      // The note shown in the panel until now is not the one being made: left selected, a
      // colour or tag picked in the moment before the save answers went to that other note.
      // The panel shows the new note as soon as it exists.
      store.set(({ pendingHighlights }) => ({
        pendingHighlights: [...pendingHighlights, { id: pendingId, range, color }],
        selectedNoteId: null
      }))
      let created: Note | null
      try {
        created = take(await api.createNote({ articleId, range, expectedQuote: quote, color }))
      } finally {
        store.set(({ pendingHighlights }) => ({
          pendingHighlights: pendingHighlights.filter((pending) => pending.id !== pendingId)
        }))
      }
      if (!created) return
      const focusField: FocusField =
        intent === 'highlight' ? null : { noteId: created.id, field: intent === 'note' ? 'text' : 'tag' }
      store.set(({ notes }) => ({
        notes: [...notes, created].sort(compareNotePositions),
        focusField,
        selectedNoteId: created.id
      }))
      noteCountChanged()
      record({ label: 'highlight', undo: () => remove(created), redo: () => putBack(created) })
    },

    async deleteNote(note: Note) {
      const action = await undoable(record, {
        label: 'note deletion',
        undo: () => putBack(note),
        redo: () => remove(note)
      })
      if (action) show({ level: 'info', text: t('notes:actions.deleted'), action: history.undoButton(action) })
    },

    async saveNoteText(note: Note, text: string): Promise<boolean> {
      const action = await undoable(record, {
        label: 'note text',
        undo: () => writeText(note, note.text),
        redo: () => writeText(note, text)
      })
      return action !== null
    },

    addNoteTag,
    removeNoteTag: (note: Note, tagId: string): Promise<void> =>
      changeNoteTags(note.id, (ids) => ids.filter((id) => id !== tagId)),

    async createTagForNote(note: Note, path: string) {
      const tag = take(await api.createTag({ path }))
      if (!tag) return
      store.set(({ tags }) => (tags.some((candidate) => candidate.id === tag.id) ? {} : { tags: [...tags, tag] }))
      await addNoteTag(note, tag.id)
    },

    async setNoteColor(note: Note, color: string | null) {
      const before = currentNote(note.id)?.color ?? note.color
      if (before === color) return
      await undoable(record, {
        label: 'note colour',
        undo: () => writeColor(note, before),
        redo: () => writeColor(note, color)
      })
    },

    async reattachNote(note: Note, range: Span, quote: string): Promise<boolean> {
      const attached = take(
        await api.reattachNote({ articleId: note.articleId, noteId: note.id, range, expectedQuote: quote })
      )
      if (!attached) return false
      replace(attached)
      store.set(({ notes }) => ({ notes: [...notes].sort(compareNotePositions) }))
      record({ label: 'note re-attachment', undo: () => swapNote(note), redo: () => swapNote(attached) })
      return true
    },

    /** Once the field has taken the keyboard, selecting the note again later must not pull focus back to it. */
    focusUsed: (): void => store.set({ focusField: null })
  }
}
