/**
 * Notes on the whole article (summary, assessment, reliability of the source): the open
 * article's list, read again whenever what it depends on changes (another article, a tag
 * operation that may have rewritten tag ids, a return from the workspace where they may have
 * been tagged in bulk), and what the analyst does to them, each change recorded on the
 * session's undo history with its inverse, as passage notes' are (noteActions.ts). They live
 * in a store of their own rather than in the session's state: nothing outside the notes
 * panel and the keymap needs them, and the reader must never see them as highlights.
 */
import type { ArticleNote } from '../../../shared/domain/note'
import { serialQueue } from '../../../shared/async/serialQueue'
import { undoable } from '../../../shared/undo/undoable'
import type { Session } from '../app/session'
import { t } from '../lib/i18n'
import { required } from '../lib/required'
import { createStore, type Store } from '../lib/store'
import { beginTypeAhead, takeTypeAhead } from '../lib/typeAhead'

export interface ArticleNotesState {
  /** The article these notes belong to; null before the first answer. */
  articleId: string | null
  /** Oldest first, as the services list them: a summary written first stays on top. */
  notes: ArticleNote[]
}

export type ArticleNoteActions = ReturnType<typeof createArticleNoteActions>

const byCreation = (a: ArticleNote, b: ArticleNote): number =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0

export function createArticleNoteActions(session: Session) {
  const { api, take, show, history } = session
  const record = history.record
  /** The library's note counts take in both kinds of note. */
  const noteCountChanged = (): void => void session.refreshLibrary()
  const store: Store<ArticleNotesState> = createStore<ArticleNotesState>({ articleId: null, notes: [] })

  /** Answers to an earlier read are dropped once a later one was asked. */
  let asked = 0
  const reload = async (): Promise<void> => {
    const articleId = session.store.get().article?.meta.id ?? null
    const ticket = ++asked
    if (!articleId) {
      store.set({ articleId: null, notes: [] })
      return
    }
    const result = await api.listArticleNotes({ articleId })
    if (ticket !== asked || !result.ok) return
    store.set({ articleId, notes: [...result.value].sort(byCreation) })
  }

  // What the list depends on, watched once for the session's life.
  let watched = session.store.get()
  session.store.subscribe(() => {
    const now = session.store.get()
    const before = watched
    watched = now
    const returned = now.view === 'reading' && before.view !== 'reading'
    if (now.article !== before.article || now.tags !== before.tags || returned) void reload()
  })
  void reload()

  const current = (noteId: string): ArticleNote | undefined => store.get().notes.find((note) => note.id === noteId)
  /**
   * Every local write drops a read still on its way: asked before the write, it would put the
   * note back as it was.
   */
  const replace = (updated: ArticleNote): void => {
    asked++
    store.set(({ notes }) => ({ notes: notes.map((note) => (note.id === updated.id ? updated : note)) }))
  }
  /** Shows a note made or put back: in the list when it is the open article's, else the list is read again. */
  const added = (note: ArticleNote): void => {
    noteCountChanged()
    asked++
    if (store.get().articleId === note.articleId)
      store.set(({ notes }) => ({ notes: [...notes.filter((n) => n.id !== note.id), note].sort(byCreation) }))
    else void reload()
  }

  const putBack = async (note: ArticleNote): Promise<void> => {
    added(required(take(await api.restoreArticleNote({ note }))))
  }
  const remove = async (note: ArticleNote): Promise<void> => {
    required(take(await api.deleteArticleNote({ articleId: note.articleId, noteId: note.id })))
    noteCountChanged()
    asked++
    store.set(({ notes }) => ({ notes: notes.filter((candidate) => candidate.id !== note.id) }))
    if (session.store.get().selectedNoteId === note.id) session.store.set({ selectedNoteId: null })
  }
  const writeText = async (note: ArticleNote, text: string): Promise<void> =>
    replace(
      required(take(await api.updateArticleNote({ articleId: note.articleId, noteId: note.id, changes: { text } })))
    )
  const writeTags = async (note: ArticleNote, tagIds: string[]): Promise<void> =>
    replace(required(take(await api.setArticleNoteTags({ articleId: note.articleId, noteId: note.id, tagIds }))))

  /** One tag change after another, each from the note as it is then (see noteActions.ts). */
  const tagChanges = serialQueue()
  const changeTags = (noteId: string, change: (tagIds: string[]) => string[]): Promise<void> =>
    tagChanges.run(async () => {
      const note = current(noteId)
      if (!note) return
      const before = note.tagIds
      const after = change(before)
      if (after.length === before.length && after.every((id, index) => id === before[index])) return
      const done = await undoable(record, {
        label: t('notes:article.undoTags'),
        undo: () => writeTags(note, before),
        redo: () => writeTags(note, after)
      })
      const applied = after.filter((id) => !before.includes(id))
      if (done && applied.length > 0)
        session.store.set(({ recentTagIds }) => ({
          recentTagIds: [...applied, ...recentTagIds.filter((id) => !applied.includes(id))].slice(0, 20)
        }))
    })
  const addTag = (note: ArticleNote, tagId: string): Promise<void> =>
    changeTags(note.id, (ids) => (ids.includes(tagId) ? ids : [...ids, tagId]))

  return {
    store,
    reload,

    /**
     * A new, empty note on the open article, selected with its text field focused. An empty
     * one already there is taken instead: pressing the key twice makes one note, not two.
     */
    async create(): Promise<void> {
      const state = session.store.get()
      const articleId = state.article?.meta.id
      if (!articleId || state.editing) return
      const empty = store.get().articleId === articleId && store.get().notes.find((note) => !note.text.trim())
      if (empty && empty.tagIds.length === 0) {
        session.store.set({ selectedNoteId: empty.id, focusField: { noteId: empty.id, field: 'text' } })
        return
      }
      // The note is a round trip away: what is typed meanwhile goes into its text field.
      beginTypeAhead()
      const created = take(await api.createArticleNote({ articleId, text: '' }))
      if (!created) {
        takeTypeAhead()
        return
      }
      added(created)
      session.store.set({ selectedNoteId: created.id, focusField: { noteId: created.id, field: 'text' } })
      record({ label: t('notes:article.undoCreate'), undo: () => remove(created), redo: () => putBack(created) })
    },

    async delete(note: ArticleNote): Promise<void> {
      const latest = current(note.id) ?? note
      const action = await undoable(record, {
        label: t('notes:article.undoDelete'),
        undo: () => putBack(latest),
        redo: () => remove(latest)
      })
      if (action) show({ level: 'info', text: t('notes:article.deleted'), action: history.undoButton(action) })
    },

    async saveText(note: ArticleNote, text: string): Promise<boolean> {
      const before = current(note.id)?.text ?? note.text
      const action = await undoable(record, {
        label: t('notes:article.undoText'),
        undo: () => writeText(note, before),
        redo: () => writeText(note, text)
      })
      return action !== null
    },

    addTag,
    removeTag: (note: ArticleNote, tagId: string): Promise<void> =>
      changeTags(note.id, (ids) => ids.filter((id) => id !== tagId)),

    async createTag(note: ArticleNote, path: string): Promise<void> {
      const tag = take(await api.createTag({ path }))
      if (!tag) return
      session.store.set(({ tags }) =>
        tags.some((candidate) => candidate.id === tag.id) ? {} : { tags: [...tags, tag] }
      )
      await addTag(note, tag.id)
    }
  }
}
