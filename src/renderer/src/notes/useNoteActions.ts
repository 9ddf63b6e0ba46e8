/**
 * Everything the analyst does to notes, each recorded on the session's undo stack with
 * its inverse: highlight ↔ delete, delete ↔ restore, text and tags ↔ their previous
 * value. Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (or Ctrl+Y) walk the stack outside text fields,
 * where the field's own undo applies.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ApiClient, TagMergeChanges } from '../../../shared/api/contract'
import type { Note } from '../../../shared/domain/note'
import type { Result } from '../../../shared/result'
import type { Tag } from '../../../shared/tags/tags'
import { UndoStack, type UndoableAction } from '../../../shared/undo/undoStack'
import type { Message } from '../components/MessageBar'
import type { HighlightIntent } from '../editor/plugins/HighlightPlugin'
import { isTextField } from '../isTextField'

export type FocusField = { noteId: string; field: 'text' | 'tag' } | null

/** Marks drawn for a highlight whose note the services have not stored yet carry an id with this prefix. */
export const PENDING_PREFIX = 'pending-'
let pendingSequence = 0

export interface PendingHighlight {
  id: string
  range: { start: number; end: number }
  color: string | null
}

interface NoteActionsContext {
  api: ApiClient
  take: <T>(result: Result<T>) => T | null
  show: (message: Omit<Message, 'id'>) => string
  notes: readonly Note[]
  setNotes: React.Dispatch<React.SetStateAction<Note[]>>
  setTags: React.Dispatch<React.SetStateAction<Tag[]>>
  setSelectedNoteId: (id: string | null) => void
  onNoteCountChanged: () => void
  onTagsApplied: (tagIds: string[]) => void
  /** Reads the open article's notes again, after a change that reached notes elsewhere too. */
  reloadOpenNotes: () => Promise<void>
}

function byPosition(a: Note, b: Note): number {
  return a.anchor.position.start - b.anchor.position.start || a.anchor.position.end - b.anchor.position.end
}

/** Fails the undo step (so the stack keeps it) when the services refused. */
function required<T>(value: T | null): T {
  if (value === null) throw new Error('the change could not be saved')
  return value
}

export function useNoteActions(context: NoteActionsContext) {
  const {
    api,
    take,
    show,
    notes,
    setNotes,
    setTags,
    setSelectedNoteId,
    onNoteCountChanged,
    onTagsApplied,
    reloadOpenNotes
  } = context
  const undoStack = useMemo(() => new UndoStack(), [])
  const lastPushed = useRef<UndoableAction | null>(null)
  const record = useCallback(
    (action: UndoableAction) => {
      lastPushed.current = action
      undoStack.push(action)
    },
    [undoStack]
  )

  const putBack = useCallback(
    async (note: Note) => {
      const restored = required(take(await api.restoreNote({ note })))
      setNotes((current) => [...current, restored].sort(byPosition))
      onNoteCountChanged()
    },
    [api, take, setNotes, onNoteCountChanged]
  )
  const remove = useCallback(
    async (note: Note) => {
      required(take(await api.deleteNote({ articleId: note.articleId, noteId: note.id })))
      setNotes((current) => current.filter((candidate) => candidate.id !== note.id))
      setSelectedNoteId(null)
      onNoteCountChanged()
    },
    [api, take, setNotes, setSelectedNoteId, onNoteCountChanged]
  )
  /** The notes as they are now, including answers not yet rendered: what queued changes start from. */
  const latest = useRef(new Map<string, Note>())
  latest.current = new Map(notes.map((note) => [note.id, note]))
  const replace = useCallback(
    (updated: Note) => {
      latest.current.set(updated.id, updated)
      setNotes((current) => current.map((note) => (note.id === updated.id ? updated : note)))
    },
    [setNotes]
  )
  const writeText = useCallback(
    async (note: Note, text: string) => {
      replace(required(take(await api.updateNote({ articleId: note.articleId, noteId: note.id, changes: { text } }))))
    },
    [api, take, replace]
  )
  const writeTags = useCallback(
    async (note: Note, tagIds: string[]) => {
      replace(required(take(await api.setNoteTags({ articleId: note.articleId, noteId: note.id, tagIds }))))
    },
    [api, take, replace]
  )

  /** Highlights drawn but not yet saved; a failed save takes its highlight away again, with the error shown. */
  const [pendingHighlights, setPendingHighlights] = useState<PendingHighlight[]>([])

  /** The Undo button of a toast: it undoes that action only while it is still the last one done. */
  const undoButton = useCallback(
    (action: UndoableAction) => ({
      label: 'Undo',
      run: () => {
        if (lastPushed.current === action && undoStack.undoLabel === action.label) void undoStack.undo()
        else
          show({
            level: 'info',
            text: `Other changes came after that ${action.label}: use Ctrl+Z to step back through them.`
          })
      }
    }),
    [undoStack, show]
  )

  /** Where the keyboard goes in the panel after N (the note text) or T (the tag picker). */
  const [focusField, setFocusField] = useState<FocusField>(null)
  /** Once the field has taken the keyboard, selecting the note again later must not pull focus back to it. */
  const focusUsed = useCallback(() => setFocusField(null), [])

  const createHighlight = useCallback(
    async (
      articleId: string,
      range: { start: number; end: number },
      quote: string,
      intent: HighlightIntent,
      color: string | null = null
    ) => {
      // Drawn at once, saved behind: the highlight shows on the keypress, not after the disk write.
      const pendingId = `${PENDING_PREFIX}${++pendingSequence}`
      setPendingHighlights((current) => [...current, { id: pendingId, range, color }])
      // The note shown in the panel until now is not the one being made: left selected, a
      // colour or tag picked in the moment before the save answers went to that other note.
      // The panel shows the new note as soon as it exists.
      setSelectedNoteId(null)
      let created: Note | null
      try {
        created = take(await api.createNote({ articleId, range, expectedQuote: quote, color }))
      } finally {
        setPendingHighlights((current) => current.filter((pending) => pending.id !== pendingId))
      }
      if (!created) return
      setNotes((current) => [...current, created].sort(byPosition))
      setFocusField(
        intent === 'note'
          ? { noteId: created.id, field: 'text' }
          : intent === 'tag'
            ? { noteId: created.id, field: 'tag' }
            : null
      )
      setSelectedNoteId(created.id)
      onNoteCountChanged()
      record({ label: 'highlight', undo: () => remove(created), redo: () => putBack(created) })
    },
    [api, take, setNotes, setSelectedNoteId, onNoteCountChanged, record, remove, putBack]
  )

  const deleteNote = useCallback(
    async (note: Note) => {
      try {
        await remove(note)
      } catch {
        return
      }
      const action: UndoableAction = { label: 'note deletion', undo: () => putBack(note), redo: () => remove(note) }
      record(action)
      show({ level: 'info', text: 'Note deleted.', action: undoButton(action) })
    },
    [remove, putBack, record, show, undoButton]
  )

  const saveNoteText = useCallback(
    async (note: Note, text: string): Promise<boolean> => {
      try {
        await writeText(note, text)
      } catch {
        return false
      }
      record({ label: 'note text', undo: () => writeText(note, note.text), redo: () => writeText(note, text) })
      return true
    },
    [writeText, record]
  )

  /**
   * Tag changes to a note run one after another and each starts from the note as it is
   * then, so two quick changes (apply one tag, create another) never overwrite each other.
   */
  const tagQueue = useRef<Promise<void>>(Promise.resolve())
  const changeNoteTags = useCallback(
    (noteId: string, change: (tagIds: string[]) => string[]): Promise<void> => {
      const run = async (): Promise<void> => {
        const note = latest.current.get(noteId)
        if (!note) return
        const before = note.tagIds
        const after = change(before)
        if (after.length === before.length && after.every((id, index) => id === before[index])) return
        try {
          await writeTags(note, after)
        } catch {
          return
        }
        onTagsApplied(after.filter((id) => !before.includes(id)))
        record({ label: 'tags', undo: () => writeTags(note, before), redo: () => writeTags(note, after) })
      }
      const queued = tagQueue.current.then(run)
      tagQueue.current = queued.catch(() => undefined)
      return queued
    },
    [writeTags, record, onTagsApplied]
  )

  const addNoteTag = useCallback(
    (note: Note, tagId: string) => changeNoteTags(note.id, (ids) => (ids.includes(tagId) ? ids : [...ids, tagId])),
    [changeNoteTags]
  )
  const removeNoteTag = useCallback(
    (note: Note, tagId: string) => changeNoteTags(note.id, (ids) => ids.filter((id) => id !== tagId)),
    [changeNoteTags]
  )

  const createTagForNote = useCallback(
    async (note: Note, path: string) => {
      const tag = take(await api.createTag({ path }))
      if (!tag) return
      setTags((current) => (current.some((candidate) => candidate.id === tag.id) ? current : [...current, tag]))
      await addNoteTag(note, tag.id)
    },
    [api, take, setTags, addNoteTag]
  )

  const writeColor = useCallback(
    async (note: Note, color: string | null) => {
      replace(required(take(await api.setNoteColor({ articleId: note.articleId, noteId: note.id, color }))))
    },
    [api, take, replace]
  )
  const setNoteColor = useCallback(
    async (note: Note, color: string | null) => {
      const before = latest.current.get(note.id)?.color ?? note.color
      if (before === color) return
      try {
        await writeColor(note, color)
      } catch {
        return
      }
      record({ label: 'note colour', undo: () => writeColor(note, before), redo: () => writeColor(note, color) })
    },
    [writeColor, record]
  )

  /** Puts a note record back in place of the current one: how a re-attachment is undone and redone. */
  const swapNote = useCallback(
    async (note: Note) => {
      required(take(await api.deleteNote({ articleId: note.articleId, noteId: note.id })))
      replace(required(take(await api.restoreNote({ note }))))
    },
    [api, take, replace]
  )
  const reattachNote = useCallback(
    async (note: Note, range: { start: number; end: number }, quote: string) => {
      const attached = take(
        await api.reattachNote({ articleId: note.articleId, noteId: note.id, range, expectedQuote: quote })
      )
      if (!attached) return false
      replace(attached)
      setNotes((current) => [...current].sort(byPosition))
      record({ label: 'note re-attachment', undo: () => swapNote(note), redo: () => swapNote(attached) })
      return true
    },
    [api, take, replace, setNotes, record, swapNote]
  )

  const writeTagPath = useCallback(
    async (tagId: string, path: string) => setTags(required(take(await api.renameTag({ tagId, path })))),
    [api, take, setTags]
  )
  const writeTagColor = useCallback(
    async (tagId: string, color: string | null) => setTags(required(take(await api.recolorTag({ tagId, color })))),
    [api, take, setTags]
  )

  const renameTag = useCallback(
    async (tag: Tag, path: string) => {
      try {
        await writeTagPath(tag.id, path)
      } catch {
        return
      }
      record({
        label: 'tag rename',
        undo: () => writeTagPath(tag.id, tag.path),
        redo: () => writeTagPath(tag.id, path)
      })
    },
    [writeTagPath, record]
  )

  const recolorTag = useCallback(
    async (tag: Tag, color: string) => {
      try {
        await writeTagColor(tag.id, color)
      } catch {
        return
      }
      record({
        label: 'tag colour',
        undo: () => writeTagColor(tag.id, tag.color),
        redo: () => writeTagColor(tag.id, color)
      })
    },
    [writeTagColor, record]
  )

  const writeTagDescription = useCallback(
    async (tagId: string, description: string) =>
      setTags(required(take(await api.describeTag({ tagId, description })))),
    [api, take, setTags]
  )
  const describeTag = useCallback(
    async (tag: Tag, description: string) => {
      try {
        await writeTagDescription(tag.id, description)
      } catch {
        return
      }
      record({
        label: 'tag description',
        undo: () => writeTagDescription(tag.id, tag.description),
        redo: () => writeTagDescription(tag.id, description)
      })
    },
    [writeTagDescription, record]
  )

  const deleteTag = useCallback(
    async (tag: Tag) => {
      const deleted = take(await api.deleteTag({ tagId: tag.id }))
      if (!deleted) return
      let tagged = deleted.tagged
      setTags((current) => current.filter((candidate) => candidate.id !== tag.id))
      await reloadOpenNotes()
      const remove = async (): Promise<void> => {
        tagged = required(take(await api.deleteTag({ tagId: tag.id }))).tagged
        setTags((current) => current.filter((candidate) => candidate.id !== tag.id))
        await reloadOpenNotes()
      }
      const putBack = async (): Promise<void> => {
        setTags(required(take(await api.restoreTag({ tag, tagged }))))
        await reloadOpenNotes()
      }
      const action: UndoableAction = { label: 'tag deletion', undo: putBack, redo: remove }
      record(action)
      show({
        level: 'info',
        text: `Tag “${tag.path}” deleted; its notes keep their other tags.`,
        action: undoButton(action)
      })
    },
    [api, take, setTags, reloadOpenNotes, record, show, undoButton]
  )

  const mergeTags = useCallback(
    async (from: Tag, into: Tag) => {
      const merge = async () => {
        const merged = required(take(await api.mergeTags({ fromId: from.id, intoId: into.id })))
        setTags(merged.tags)
        await reloadOpenNotes()
        return merged.changes
      }
      let changes: TagMergeChanges
      try {
        changes = await merge()
      } catch {
        return
      }
      const action: UndoableAction = {
        label: 'tag merge',
        undo: async () => {
          setTags(required(take(await api.undoMergeTags({ changes }))))
          await reloadOpenNotes()
        },
        redo: async () => {
          changes = await merge()
        }
      }
      record(action)
      show({ level: 'info', text: `Merged “${from.path}” into “${into.path}”.`, action: undoButton(action) })
    },
    [api, take, setTags, reloadOpenNotes, record, show, undoButton]
  )

  const step = useCallback(
    async (direction: 'undo' | 'redo') => {
      try {
        const label = direction === 'undo' ? await undoStack.undo() : await undoStack.redo()
        if (label) show({ level: 'info', text: `${direction === 'undo' ? 'Undid' : 'Redid'} ${label}.` })
      } catch (error) {
        show({ level: 'error', text: `Could not ${direction}: ${(error as Error).message}.` })
      }
    },
    [undoStack, show]
  )

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isTextField(event.target)) return
      const key = event.key.toLowerCase()
      if (key === 'z' && !event.shiftKey) void step('undo')
      else if ((key === 'z' && event.shiftKey) || key === 'y') void step('redo')
      else return
      event.preventDefault()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [step])

  return {
    createHighlight,
    deleteNote,
    saveNoteText,
    addNoteTag,
    removeNoteTag,
    createTagForNote,
    renameTag,
    recolorTag,
    deleteTag,
    mergeTags,
    describeTag,
    setNoteColor,
    reattachNote,
    /** For actions outside notes (briefings) that belong on the same Ctrl+Z stack. */
    recordUndo: record,
    pendingHighlights,
    focusField,
    focusUsed
  }
}
