/**
 * The renderer's state, outside any component, and the actions every feature shares:
 * the library, the open article and its notes, tags, which note is selected, which view
 * shows. It is fed by the API client only; components read it through `useSession`
 * (app/AppContext.tsx) and re-render for what they select. Feature actions (notes, tags,
 * library, editing) are built on it in their own folders.
 */
import type { LexicalCommand, LexicalEditor } from 'lexical'
import type { ApiClient } from '../../../shared/api/contract'
import type { ArticleBody, ArticleStart, ArticleSummary, OpenedArticle } from '../../../shared/domain/article'
import type { Note } from '../../../shared/domain/note'
import type { Notice } from '../../../shared/domain/notices'
import type { Result } from '../../../shared/result'
import type { Tag } from '../../../shared/tags/tags'
import { SHOW_NOTE_COMMAND, type RevealRequest } from '../lib/readerCommands'
import type { DrawnNote } from '../reader'
import { createStore, type Store } from '../lib/store'
import { createMessages, type Messages, type ShowMessage } from './messages'
import type { StartupData } from './startup'
import { isWhole, openInParts, type ArticleParts } from './articleParts'
import { createUndoHistory, type UndoHistory } from './undoHistory'

export type View = 'reading' | 'notes' | 'briefings'

/** Where the keyboard goes in the notes panel after N (the note text) or T (the tag picker). */
export type FocusField = { noteId: string; field: 'text' | 'tag' } | null

/** A highlight drawn at once, before the services stored its note. */
export interface PendingHighlight {
  id: string
  range: { start: number; end: number }
  color: string | null
}

export type EditStatus = 'saved' | 'unsaved' | 'saving' | 'failed'

/**
 * What the pane shows while editing: the body and marks it started from, so saves never
 * reload the text under the caret (the editor moves its own marks as the text changes).
 */
export interface EditBase {
  body: ArticleBody
  drawn: readonly DrawnNote[]
}

/** Something a search result (or a note elsewhere) asks the reading pane to show. */
export type ReadingTarget =
  | { kind: 'article'; articleId: string; offset: number | null; length: number }
  | { kind: 'note'; articleId: string; noteId: string }

export interface SessionState {
  /** True until the first screen's data is in. */
  loading: boolean
  view: View
  articles: ArticleSummary[]
  trash: ArticleSummary[]
  /** The open article, whole: what notes, highlights, search and editing work on. */
  article: OpenedArticle | null
  /**
   * The start of the article being opened while the rest of its text is on its way: the
   * pane shows it, read-only with no notes drawn, and `article` is null until the whole is in.
   */
  opening: ArticleStart | null
  notes: Note[]
  tags: Tag[]
  /** Tags on the digit keys 1–9 in the tag picker. */
  pinnedTagIds: string[]
  /** Tags applied in this session, most recent first: the picker offers them first. */
  recentTagIds: string[]
  selectedNoteId: string | null
  pendingHighlights: PendingHighlight[]
  focusField: FocusField
  /** The note waiting for the user to select its new passage, after "Re-attach". */
  reattachingId: string | null
  /** The notes panel's tag filter and the article it was set on; its other highlights are dimmed. */
  notesTagFilter: { articleId: string; tagPath: string } | null
  /** Edit mode: the article text takes typing; each pause saves it and re-anchors the notes. */
  editing: boolean
  editStatus: EditStatus
  editBase: EditBase | null
  /** Bumped when editing ends: the pane is rebuilt from the saved text, marks drawn afresh from the anchors. */
  readerGeneration: number
  reveal: RevealRequest | null
  /** Dialogs and panels of the shell. */
  searching: boolean
  pasting: boolean
  showingShortcuts: boolean
  showingSettings: boolean
  editingInfo: boolean
  /** How many notes carry each tag, while the tag manager is open; null when it is closed. */
  tagUsage: string[][] | null
  /** What a long task (an import) is doing, for the library column. */
  busy: string | null
}

export interface Session {
  api: ApiClient
  mode: 'electron' | 'browser'
  store: Store<SessionState>
  messages: Messages
  show: ShowMessage
  /** Unwraps a result, telling the user when it failed. */
  take: <T>(result: Result<T>) => T | null
  history: UndoHistory
  /** The article the user asked for last: answers for earlier requests arrive too late to show. */
  requestedArticle: () => string | null
  refreshLibrary: () => Promise<ArticleSummary[] | null>
  openArticle: (articleId: string) => Promise<void>
  /** Reads the open article's notes again, after a change that reached notes elsewhere too. */
  reloadOpenNotes: () => Promise<void>
  /** Shows the article and its notes answered for `articleId`, unless another was asked for since. */
  showArticle: (articleId: string, article: OpenedArticle, notes: Note[]) => void
  setView: (view: View) => void
  /** Selects a note, scrolls its highlight into view and flashes it so the eye finds it. */
  showNote: (noteId: string) => void
  /** Opens an article, then selects the passage or shows the note. */
  openTarget: (target: ReadingTarget) => Promise<void>
  /** The reading pane registers its editor here; the returned function unregisters it. */
  attachReader: (editor: LexicalEditor) => () => void
  /** Sends a command to the reading pane; false when no pane is there or no plugin handled it. */
  toReader: <P>(command: LexicalCommand<P>, payload: P) => boolean
  /** Runs before the pane changes article or view: the editing controller saves an edit in progress. */
  setBeforeLeaving: (save: () => Promise<void>) => void
  beforeLeaving: () => Promise<void>
  /** Takes in the first screen's data; the returned function drops an answer that comes too late. */
  start: (startup: Promise<StartupData>, showNotices: (notices: Notice[]) => void) => () => void
}

export function initialSessionState(): SessionState {
  return {
    loading: true,
    view: 'reading',
    articles: [],
    trash: [],
    article: null,
    opening: null,
    notes: [],
    tags: [],
    pinnedTagIds: [],
    recentTagIds: [],
    selectedNoteId: null,
    pendingHighlights: [],
    focusField: null,
    reattachingId: null,
    notesTagFilter: null,
    editing: false,
    editStatus: 'saved',
    editBase: null,
    readerGeneration: 0,
    reveal: null,
    searching: false,
    pasting: false,
    showingShortcuts: false,
    showingSettings: false,
    editingInfo: false,
    tagUsage: null,
    busy: null
  }
}

/** The session of one window, talking to the services through `api`. */
export function createSession(
  api: ApiClient,
  mode: 'electron' | 'browser',
  messages: Messages = createMessages()
): Session {
  const store = createStore(initialSessionState())
  const { show } = messages
  const take = <T>(result: Result<T>): T | null => {
    if (result.ok) return result.value
    show({ level: 'error', text: result.error.message })
    return null
  }
  let requested: string | null = null
  let reader: LexicalEditor | null = null
  let beforeLeaving = async (): Promise<void> => {}

  const refreshLibrary = async (): Promise<ArticleSummary[] | null> => {
    const [list, trashed] = await Promise.all([api.listArticles({}), api.listTrash({})])
    const articles = take(list)
    const trash = take(trashed)
    store.set({ ...(articles && { articles }), ...(trash && { trash }) })
    return articles
  }

  const showArticle = (articleId: string, article: OpenedArticle, notes: Note[]): void => {
    if (requested !== null && requested !== articleId) return
    store.set({ article, notes, opening: null })
  }

  /**
   * Shows an article's start while its rest comes, then the whole article with its notes;
   * `wanted` says whether the user still wants this article each time a part arrives, and
   * `also` goes with the first change shown (start-up's end of loading, in the same paint).
   */
  const showParts = async (
    parts: ArticleParts,
    wanted: () => boolean,
    also: Partial<SessionState> = {}
  ): Promise<void> => {
    const start = take(parts.start)
    if (!start || !wanted()) {
      store.set(also)
      return
    }
    if (!isWhole(start)) {
      store.set({ article: null, notes: [], opening: start, ...also })
      also = {}
    }
    const [whole, openedNotes] = await Promise.all([parts.whole, parts.notes])
    if (!wanted()) {
      store.set(also)
      return
    }
    const article = take(whole)
    const notes = take(openedNotes)
    if (article && notes) store.set({ article, notes, opening: null, ...also })
    else store.set(({ opening }) => ({ opening: opening?.meta.id === parts.articleId ? null : opening, ...also }))
  }

  const openArticle = async (articleId: string): Promise<void> => {
    await beforeLeaving()
    requested = articleId
    store.set({ reattachingId: null, editingInfo: false, selectedNoteId: null })
    const parts = await openInParts(api, articleId)
    await showParts(parts, () => requested === articleId)
  }

  const reloadOpenNotes = async (): Promise<void> => {
    const articleId = requested ?? store.get().article?.meta.id
    if (!articleId) return
    const notes = take(await api.listNotes({ articleId }))
    if (notes) store.set({ notes })
  }

  const toReader = <P>(command: LexicalCommand<P>, payload: P): boolean =>
    reader ? reader.dispatchCommand(command, payload) : false

  const showNote = (noteId: string): void => {
    store.set({ selectedNoteId: noteId })
    toReader(SHOW_NOTE_COMMAND, noteId)
  }

  const session: Session = {
    api,
    mode,
    store,
    messages,
    show,
    take,
    history: createUndoHistory(show),
    requestedArticle: () => requested,
    refreshLibrary,
    openArticle,
    reloadOpenNotes,
    showArticle,
    setView(view) {
      if (view === store.get().view) return
      // Leaving the reading pane saves any edit in progress first.
      void beforeLeaving()
      store.set({ view })
    },
    showNote,
    async openTarget(target) {
      await beforeLeaving()
      store.set({ view: 'reading' })
      if (store.get().article?.meta.id !== target.articleId) await openArticle(target.articleId)
      if (target.kind === 'note') {
        showNote(target.noteId)
        return
      }
      if (target.offset !== null) {
        const range = { start: target.offset, end: target.offset + Math.max(target.length, 1) }
        store.set(({ reveal }) => ({ reveal: { range, token: (reveal?.token ?? 0) + 1 } }))
      }
    },
    attachReader(editor) {
      reader = editor
      return () => {
        if (reader === editor) reader = null
      }
    },
    toReader,
    setBeforeLeaving(save) {
      beforeLeaving = save
    },
    beforeLeaving: () => beforeLeaving(),
    start(startup, showNotices) {
      let current = true
      void startup.then(({ notices, articles, trash, tags, first }) => {
        if (!current) return
        showNotices(take(notices) ?? [])
        const listValue = take(articles)
        const trashValue = take(trash)
        const tagValue = take(tags)
        store.set({
          ...(listValue && { articles: listValue }),
          ...(trashValue && { trash: trashValue }),
          ...(tagValue && { tags: tagValue }),
          ...(!first && { loading: false })
        })
        if (first) void showParts(first, () => current && requested === null, { loading: false })
      })
      void api.listPinnedTags({}).then((result) => {
        if (current && result.ok) store.set({ pinnedTagIds: result.value })
      })
      return () => {
        current = false
      }
    }
  }
  return session
}
