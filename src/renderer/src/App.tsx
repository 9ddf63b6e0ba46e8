/**
 * The main screen: library, reading pane and notes panel. Holds the session's state and
 * talks to the services only through the API client it is given.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ApiClient } from '../../shared/api/contract'
import {
  articlePlainText,
  type ArticleBody,
  type ArticleMetaChanges,
  type ArticleSummary,
  type ImportOutcome,
  type OpenedArticle
} from '../../shared/domain/article'
import type { Note } from '../../shared/domain/note'
import { highlightedQuote } from '../../shared/notes/anchorState'
import type { Result } from '../../shared/result'
import { libraryView } from '../../shared/library/libraryView'
import type { Tag } from '../../shared/tags/tags'
import { foldForSearch } from '../../shared/text/fold'
import { ArticleInfo } from './components/ArticleInfo'
import { LibraryPanel } from './components/LibraryPanel'
import { MessageBar, useMessages, type Message } from './components/MessageBar'
import { NotesPanel } from './components/NotesPanel'
import { PasteDialog, pastedContent, type PastedContent } from './components/PasteDialog'
import { TagManager } from './components/TagManager'
import { BriefingsView } from './briefings/BriefingsView'
import type { RevealRequest } from './editor/plugins/RevealPlugin'
import { SearchDialog, type SearchTarget } from './search/SearchDialog'
import { NotesWorkspace } from './workspace/NotesWorkspace'
import { useServiceNotices } from './notices/useServiceNotices'
import { ArticleReader } from './editor/ArticleReader'
import type { DrawnNote } from './editor/plugins/NoteMarksPlugin'
import type { ReadArticleBlocks } from './editor/plugins/EditArticlePlugin'
import type { HighlightRequest } from './editor/plugins/HighlightPlugin'
import { NOTE_IDS_ATTRIBUTE } from './editor/plugins/NoteMarksPlugin'
import { formatCount, formatDate, languageName, truncate } from './format'
import { importFiles, summariseImport } from './import/importFiles'
import { replaceTextFromFile } from './import/replaceText'
import { useAnchoredNotes } from './notes/useAnchoredNotes'
import { useNoteActions } from './notes/useNoteActions'
import type { StartupData } from './startup'
import { isTextField } from './isTextField'

/** An article whose text opens with its own title shows it there, not twice. */
function bodyStartsWithTitle({ meta, body }: OpenedArticle): boolean {
  const first = body.blocks[0]
  return first?.type === 'heading' && first.level === 1 && foldForSearch(first.text) === foldForSearch(meta.title)
}

type View = 'reading' | 'notes' | 'briefings'

const VIEWS: { id: View; label: string }[] = [
  { id: 'reading', label: 'Articles' },
  { id: 'notes', label: 'Notes' },
  { id: 'briefings', label: 'Briefings' }
]

export function App({
  api,
  mode,
  startup
}: {
  api: ApiClient
  mode: 'electron' | 'browser'
  startup: Promise<StartupData>
}): React.JSX.Element {
  const [articles, setArticles] = useState<ArticleSummary[]>([])
  const [trash, setTrash] = useState<ArticleSummary[]>([])
  const [article, setArticle] = useState<OpenedArticle | null>(null)
  const [notes, setNotes] = useState<Note[]>([])
  const [tags, setTags] = useState<Tag[]>([])
  /** Tags applied in this session, most recent first: the picker offers them first. */
  const [recentTagIds, setRecentTagIds] = useState<string[]>([])
  const [selectedNoteId, setSelectedNoteId] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [busy, setBusy] = useState<string | null>(null)
  const [pasting, setPasting] = useState(false)
  const [editingInfo, setEditingInfo] = useState(false)
  const [dropping, setDropping] = useState(false)
  /** Which screen: reading and annotating articles, or composing briefings from the notes. */
  const [view, setView] = useState<View>('reading')
  const [searching, setSearching] = useState(false)
  /** A passage to show in the reading pane, asked for by a search result. */
  const [reveal, setReveal] = useState<RevealRequest | null>(null)
  /** Tags on the digit keys 1–9 in the tag picker. */
  const [pinnedTagIds, setPinnedTagIds] = useState<string[]>([])
  /** Edit mode: the article text takes typing; each pause saves it and re-anchors the notes. */
  const [editing, setEditing] = useState(false)
  const [editStatus, setEditStatus] = useState<'saved' | 'unsaved' | 'saving' | 'failed'>('saved')
  /** The note waiting for the user to select its new passage, after "Re-attach". */
  const [reattachingId, setReattachingId] = useState<string | null>(null)
  /** Bumped when editing ends: the pane is rebuilt from the saved text, marks drawn afresh from the anchors. */
  const [readerGeneration, setReaderGeneration] = useState(0)
  const { messages, show, dismiss } = useMessages()
  const showNotices = useServiceNotices(api, show)

  /** Unwraps a result, telling the user when it failed. */
  const take = useCallback(
    <T,>(result: Result<T>): T | null => {
      if (result.ok) return result.value
      show({ level: 'error', text: result.error.message })
      return null
    },
    [show]
  )

  const refreshLibrary = useCallback(async () => {
    const [list, trashed] = await Promise.all([api.listArticles({}), api.listTrash({})])
    const value = take(list)
    if (value) setArticles(value)
    const trashValue = take(trashed)
    if (trashValue) setTrash(trashValue)
    return value
  }, [api, take])

  /** Saves pending article edits and leaves Edit mode; set below, once saving is defined. */
  const finishEditing = useRef<() => Promise<void>>(async () => {})
  /** The article the user asked for last: answers for earlier requests arrive too late to show. */
  const requestedArticle = useRef<string | null>(null)
  const openArticle = useCallback(
    async (articleId: string) => {
      await finishEditing.current()
      requestedArticle.current = articleId
      setReattachingId(null)
      setEditingInfo(false)
      setSelectedNoteId(null)
      const [opened, openedNotes] = await Promise.all([api.openArticle({ articleId }), api.listNotes({ articleId })])
      if (requestedArticle.current !== articleId) return
      const value = take(opened)
      const noteList = take(openedNotes)
      if (!value || !noteList) return
      setArticle(value)
      setNotes(noteList)
    },
    [api, take]
  )

  // The first screen's data was requested before the interface loaded (see startup.ts).
  useEffect(() => {
    let current = true
    void startup.then(({ notices, articles: list, trash: trashed, tags: tagList, first }) => {
      if (!current) return
      showNotices(take(notices) ?? [])
      const listValue = take(list)
      if (listValue) setArticles(listValue)
      const trashValue = take(trashed)
      if (trashValue) setTrash(trashValue)
      const tagValue = take(tagList)
      if (tagValue) setTags(tagValue)
      const opened = first && take(first.article)
      const openedNotes = first && take(first.notes)
      if (opened && openedNotes && requestedArticle.current === null) {
        setArticle(opened)
        setNotes(openedNotes)
      }
      setLoading(false)
    })
    return () => {
      current = false
    }
  }, [startup, take, showNotices])

  const reportImport = useCallback(
    async (outcomes: ImportOutcome[]) => {
      const { summary, failures } = summariseImport(outcomes)
      show({ level: failures.length > 0 ? 'error' : 'info', text: summary, details: failures })
      await refreshLibrary()
      const last = outcomes.findLast((outcome) => outcome.ok)
      if (last?.ok) await openArticle(last.article.id)
    },
    [show, refreshLibrary, openArticle]
  )

  const importDroppedOrPicked = useCallback(
    async (files: File[]) => {
      setBusy(`Importing ${formatCount(files.length, 'file', 'files')}…`)
      try {
        await reportImport(await importFiles(api, files, (done, total) => setBusy(`Importing ${done} of ${total}…`)))
      } finally {
        setBusy(null)
      }
    },
    [api, reportImport]
  )

  const importPasted = useCallback(
    async (content: PastedContent) => {
      setPasting(false)
      const result = await api.importPaste(content)
      const outcome: ImportOutcome = result.ok
        ? result.value
        : { ok: false, fileName: 'Pasted text', reason: result.error.message }
      await reportImport([outcome])
    },
    [api, reportImport]
  )

  // Files dropped anywhere on the window are imported; a paste outside any field is an article.
  useEffect(() => {
    const hasFiles = (event: DragEvent): boolean => [...(event.dataTransfer?.types ?? [])].includes('Files')
    const onDragOver = (event: DragEvent): void => {
      if (!hasFiles(event)) return
      event.preventDefault()
      setDropping(true)
    }
    const onDragLeave = (event: DragEvent): void => {
      if (event.relatedTarget === null) setDropping(false)
    }
    const onDrop = (event: DragEvent): void => {
      if (!hasFiles(event)) return
      event.preventDefault()
      setDropping(false)
      const files = [...(event.dataTransfer?.files ?? [])]
      if (files.length > 0) void importDroppedOrPicked(files)
    }
    const onPaste = (event: ClipboardEvent): void => {
      if (isTextField(event.target) || pasting) return
      const content = pastedContent(event.clipboardData)
      if (!content) return
      event.preventDefault()
      void importPasted(content)
    }
    window.addEventListener('dragover', onDragOver)
    window.addEventListener('dragleave', onDragLeave)
    window.addEventListener('drop', onDrop)
    document.addEventListener('paste', onPaste)
    return () => {
      window.removeEventListener('dragover', onDragOver)
      window.removeEventListener('dragleave', onDragLeave)
      window.removeEventListener('drop', onDrop)
      document.removeEventListener('paste', onPaste)
    }
  }, [importDroppedOrPicked, importPasted, pasting])

  const plainText = useMemo(() => (article ? articlePlainText(article.body.blocks) : ''), [article])
  const { panelNotes, drawnNotes } = useAnchoredNotes(notes, plainText, tags)

  const noteCountChanged = useCallback(() => void refreshLibrary(), [refreshLibrary])
  const tagsApplied = useCallback((tagIds: string[]) => {
    setRecentTagIds((current) => [...tagIds, ...current.filter((id) => !tagIds.includes(id))].slice(0, 20))
  }, [])
  const reloadOpenNotes = useCallback(async () => {
    const articleId = requestedArticle.current ?? article?.meta.id
    if (!articleId) return
    const list = take(await api.listNotes({ articleId }))
    if (list) setNotes(list)
  }, [api, take, article])

  const noteActions = useNoteActions({
    api,
    take,
    show,
    notes,
    setNotes,
    setTags,
    setSelectedNoteId,
    onNoteCountChanged: noteCountChanged,
    onTagsApplied: tagsApplied,
    reloadOpenNotes
  })
  const [tagUsage, setTagUsage] = useState<string[][] | null>(null)
  const openTagManager = useCallback(async () => {
    const usage = take(await api.tagUsage({}))
    if (usage) setTagUsage(usage)
  }, [api, take])
  /** Recounts after a change made in the manager, without reopening it if it was closed meanwhile. */
  const recountTagUsage = useCallback(async () => {
    const usage = take(await api.tagUsage({}))
    if (usage) setTagUsage((current) => (current === null ? null : usage))
  }, [api, take])

  const saveInfo = useCallback(
    async (changes: ArticleMetaChanges): Promise<boolean> => {
      if (!article) return false
      const meta = take(await api.updateArticleMeta({ articleId: article.meta.id, changes }))
      if (!meta) return false
      setArticle({ ...article, meta })
      void refreshLibrary()
      return true
    },
    [api, article, take, refreshLibrary]
  )

  const restore = useCallback(
    async (articleId: string) => {
      if (!take(await api.restoreArticle({ articleId }))) return
      await refreshLibrary()
      await openArticle(articleId)
    },
    [api, take, refreshLibrary, openArticle]
  )

  const trashOpenArticle = useCallback(async () => {
    if (!article) return
    const { id, title } = article.meta
    if (!take(await api.trashArticle({ articleId: id }))) return
    setArticle(null)
    setNotes([])
    const list = await refreshLibrary()
    show({
      level: 'info',
      text: `“${title}” moved to the trash.`,
      action: { label: 'Undo', run: () => void restore(id) }
    })
    const next = list && libraryView(list, '', 'imported')[0]
    if (next) await openArticle(next.id)
  }, [api, article, take, refreshLibrary, show, restore, openArticle])

  const emptyTrash = useCallback(async () => {
    const count = trash.length
    const noteCount = trash.reduce((sum, item) => sum + item.noteCount, 0)
    const question = `Delete ${formatCount(count, 'article', 'articles')} and ${formatCount(noteCount, 'note', 'notes')} for good? This cannot be undone.`
    if (!window.confirm(question)) return
    const result = take(await api.emptyTrash({}))
    if (!result) return
    show({ level: 'info', text: `Deleted ${formatCount(result.deleted, 'article', 'articles')} for good.` })
    await refreshLibrary()
  }, [api, trash, take, show, refreshLibrary])

  /** Selects a note, scrolls its highlight into view and flashes it so the eye finds it. */
  const selectNoteAndShowIt = useCallback((noteId: string) => {
    setSelectedNoteId(noteId)
    const marks = [...document.querySelectorAll(`mark[${NOTE_IDS_ATTRIBUTE}~="${CSS.escape(noteId)}"]`)]
    marks[0]?.scrollIntoView({ block: 'center', behavior: 'smooth' })
    for (const mark of marks) {
      mark.classList.remove('note-mark--flash')
      void (mark as HTMLElement).offsetWidth
      mark.classList.add('note-mark--flash')
    }
  }, [])

  /** Opens a search result: the article, then the passage selected or the note shown. */
  const openSearchResult = useCallback(
    async (target: SearchTarget) => {
      await finishEditing.current()
      setView('reading')
      if (articleRef.current?.meta.id !== target.articleId) await openArticle(target.articleId)
      if (target.kind === 'article') {
        if (target.offset !== null)
          setReveal({
            range: { start: target.offset, end: target.offset + Math.max(target.length, 1) },
            token: Date.now()
          })
        return
      }
      setSelectedNoteId(target.noteId)
      // The note's marks are drawn once the article's text is in; wait for them a few seconds at most.
      const until = performance.now() + 5000
      const show = (): void => {
        if (document.querySelector(`mark[${NOTE_IDS_ATTRIBUTE}~="${CSS.escape(target.noteId)}"]`))
          selectNoteAndShowIt(target.noteId)
        else if (performance.now() < until) requestAnimationFrame(show)
      }
      requestAnimationFrame(show)
    },
    [openArticle, selectNoteAndShowIt]
  )

  // Ctrl/Cmd+K, or / outside a text field, opens the search box.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const commandK = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k'
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTextField(event.target)
      if (!commandK && !slash) return
      event.preventDefault()
      setSearching(true)
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])

  // J and K move to the next and previous highlight, as in a reader's list.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const key = event.key.toLowerCase()
      if ((key !== 'j' && key !== 'k') || event.ctrlKey || event.metaKey || event.altKey) return
      if (isTextField(event.target) || drawnNotes.length === 0) return
      const ordered = [...drawnNotes].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end)
      const current = ordered.findIndex((note) => note.id === selectedNoteId)
      const next =
        current < 0
          ? key === 'j'
            ? 0
            : ordered.length - 1
          : Math.min(Math.max(current + (key === 'j' ? 1 : -1), 0), ordered.length - 1)
      event.preventDefault()
      selectNoteAndShowIt(ordered[next]!.id)
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [drawnNotes, selectedNoteId, selectNoteAndShowIt])

  // Enter on the reading caret shows the note under it; where highlights overlap, each Enter shows the next one.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.altKey || editing) return
      const root = event.target instanceof HTMLElement ? event.target.closest('.article-text') : null
      const selection = window.getSelection()
      if (!root || !selection?.isCollapsed || !selection.focusNode) return
      const element = selection.focusNode instanceof Element ? selection.focusNode : selection.focusNode.parentElement
      const ids = new Set<string>()
      for (let mark = element?.closest(`mark[${NOTE_IDS_ATTRIBUTE}]`); mark;) {
        for (const id of mark.getAttribute(NOTE_IDS_ATTRIBUTE)?.split(' ') ?? []) ids.add(id)
        mark = mark.parentElement?.closest(`mark[${NOTE_IDS_ATTRIBUTE}]`)
      }
      const under = [...ids].filter((id) => drawnNotes.some((note) => note.id === id))
      if (under.length === 0) return
      event.preventDefault()
      const next = under[(under.indexOf(selectedNoteId ?? '') + 1) % under.length]!
      setSelectedNoteId(next)
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [drawnNotes, selectedNoteId, editing])

  const dismissMessage = useCallback(
    (message: Message) => {
      dismiss(message.id)
      if (message.noticeId) void api.dismissNotice({ noticeId: message.noticeId })
    },
    [api, dismiss]
  )

  // ---- Editing the article text -------------------------------------------------------
  /** The body the editor shows: while editing, the one it started from, so saves never reload it under the caret. */
  const bodyAtEditStart = useRef<ArticleBody | null>(null)
  const drawnAtEditStart = useRef<readonly DrawnNote[]>([])
  const readEdits = useRef<ReadArticleBlocks | null>(null)
  const editTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const editQueue = useRef<Promise<void>>(Promise.resolve())
  const articleRef = useRef(article)
  articleRef.current = article

  /** Saves what the editor holds now; saves run one after another, each with the latest text. */
  const saveEdits = useCallback((): Promise<void> => {
    clearTimeout(editTimer.current)
    const run = async (): Promise<void> => {
      const read = readEdits.current
      const current = articleRef.current
      if (!read || !current) return
      readEdits.current = null
      const blocks = read()
      if (JSON.stringify(blocks) === JSON.stringify(current.body.blocks)) {
        setEditStatus('saved')
        return
      }
      if (blocks.length === 0) {
        setEditStatus('failed')
        show({ level: 'error', text: 'An article cannot be left empty; undo (Ctrl+Z) to bring its text back.' })
        return
      }
      setEditStatus('saving')
      const result = await api.updateArticleBody({ articleId: current.meta.id, blocks })
      if (!result.ok) {
        setEditStatus('failed')
        show({ level: 'error', text: `Your edit to “${current.meta.title}” was not saved: ${result.error.message}` })
        readEdits.current = read
        return
      }
      if (requestedArticle.current !== null && requestedArticle.current !== current.meta.id) return
      setArticle({ meta: result.value.meta, body: result.value.body })
      setNotes(result.value.notes)
      setEditStatus(readEdits.current ? 'unsaved' : 'saved')
    }
    const queued = editQueue.current.then(run)
    editQueue.current = queued.catch(() => undefined)
    return queued
  }, [api, show])

  const onEdited = useCallback(
    (read: ReadArticleBlocks) => {
      readEdits.current = read
      setEditStatus('unsaved')
      clearTimeout(editTimer.current)
      // Saved within a second of the last keystroke, not on every one.
      editTimer.current = setTimeout(() => void saveEdits(), 600)
    },
    [saveEdits]
  )

  finishEditing.current = async () => {
    if (!editing) return
    await saveEdits()
    setEditing(false)
    setReaderGeneration((generation) => generation + 1)
    void refreshLibrary()
  }

  const startEditing = useCallback(() => {
    bodyAtEditStart.current = articleRef.current?.body ?? null
    setReattachingId(null)
    setEditStatus('saved')
    setEditing(true)
  }, [])

  const replaceText = (articleId: string, file: File): Promise<boolean> =>
    replaceTextFromFile(
      {
        api,
        show,
        finishEditing: () => finishEditing.current(),
        onReplaced: (id, { meta, body, notes: placed }) => {
          if (requestedArticle.current !== null && requestedArticle.current !== id) return
          setArticle({ meta, body })
          setNotes(placed)
          void refreshLibrary()
        }
      },
      articleId,
      file
    )

  // Stable callbacks: the notes panel re-renders only when what it shows changes, not on every keypress.
  const { reattachNote, setNoteColor, addNoteTag, removeNoteTag, createTagForNote, deleteNote, createHighlight } =
    noteActions
  const panelActions = useMemo(
    () => ({
      onReattach: (note: Note) => {
        void finishEditing.current()
        setReattachingId(note.id)
      },
      onAcceptMoved: (note: Note, range: { start: number; end: number }) =>
        void reattachNote(note, range, plainText.slice(range.start, range.end)),
      onColor: (note: Note, color: string | null) => void setNoteColor(note, color),
      onAddTag: (note: Note, tagId: string) => void addNoteTag(note, tagId),
      onRemoveTag: (note: Note, tagId: string) => void removeNoteTag(note, tagId),
      onCreateTag: (note: Note, path: string) => void createTagForNote(note, path),
      onDelete: (note: Note) => void deleteNote(note)
    }),
    [reattachNote, setNoteColor, addNoteTag, removeNoteTag, createTagForNote, deleteNote, plainText]
  )

  const pendingHighlights = noteActions.pendingHighlights
  const drawnWithPending = useMemo(
    () => (pendingHighlights.length === 0 ? drawnNotes : [...drawnNotes, ...pendingHighlights]),
    [drawnNotes, pendingHighlights]
  )

  const meta = article?.meta
  const readerBody = editing && bodyAtEditStart.current ? bodyAtEditStart.current : article?.body
  if (!editing) drawnAtEditStart.current = drawnNotes
  const reattaching = reattachingId ? (notes.find((note) => note.id === reattachingId) ?? null) : null

  const highlight = useCallback(
    ({ range, quote, intent, color }: HighlightRequest) => {
      if (!meta) return
      if (reattaching) {
        void reattachNote(reattaching, range, quote).then((done) => {
          if (!done) return
          setReattachingId(null)
          show({ level: 'info', text: 'Note re-attached to the passage you selected.' })
        })
        return
      }
      void createHighlight(meta.id, range, quote, intent, color)
    },
    [meta, reattaching, reattachNote, createHighlight, show]
  )

  // Esc gives up re-attaching.
  useEffect(() => {
    if (!reattachingId) return
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') setReattachingId(null)
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [reattachingId])

  useEffect(() => {
    void api.listPinnedTags({}).then((result) => {
      if (result.ok) setPinnedTagIds(result.value)
    })
  }, [api])
  const ensureTag = useCallback(
    async (path: string) => {
      const tag = take(await api.createTag({ path }))
      if (tag) setTags((current) => (current.some((known) => known.id === tag.id) ? current : [...current, tag]))
      return tag
    },
    [api, take]
  )
  const pinTags = useCallback(
    async (tagIds: string[]) => {
      const pinned = take(await api.setPinnedTags({ tagIds }))
      if (pinned) setPinnedTagIds(pinned)
    },
    [api, take]
  )

  return (
    <div className="app">
      <header className="topbar">
        <span className="topbar__brand">Dossier</span>
        <nav className="topbar__views" aria-label="Views">
          {VIEWS.map(({ id, label }) => (
            <button
              key={id}
              type="button"
              className="topbar__view"
              aria-pressed={view === id}
              onClick={() => {
                if (id === view) return
                // Leaving the reading pane saves any edit in progress first.
                void finishEditing.current()
                setView(id)
              }}
            >
              {label}
            </button>
          ))}
        </nav>
        <button
          type="button"
          className="topbar__search"
          onClick={() => setSearching(true)}
          aria-keyshortcuts="Control+K"
        >
          <span>Search everything…</span> <kbd>Ctrl K</kbd>
        </button>
        <button type="button" className="button button--small topbar__tags" onClick={() => void openTagManager()}>
          Tags…
        </button>
        {mode === 'browser' && (
          <span className="topbar__mode" title="Running in your browser; data stays on this computer">
            Browser mode
          </span>
        )}
      </header>
      <MessageBar messages={messages} onDismiss={dismissMessage} />
      {view === 'notes' && (
        <NotesWorkspace
          api={api}
          tags={tags}
          articles={articles}
          take={take}
          show={show}
          recordUndo={noteActions.recordUndo}
          ensureTag={ensureTag}
          onOpenNote={(note) => void openSearchResult({ kind: 'note', articleId: note.articleId, noteId: note.id })}
          onBriefingCreated={() => setView('briefings')}
        />
      )}
      {view === 'briefings' && (
        <BriefingsView
          api={api}
          mode={mode}
          tags={tags}
          articles={articles}
          take={take}
          show={show}
          recordUndo={noteActions.recordUndo}
          ensureTag={ensureTag}
          onOpenNote={(note) => void openSearchResult({ kind: 'note', articleId: note.articleId, noteId: note.id })}
        />
      )}
      <div className="workspace" hidden={view !== 'reading'}>
        <LibraryPanel
          articles={articles}
          trash={trash}
          openArticleId={meta?.id ?? null}
          busy={busy}
          onOpen={(id) => {
            if (id !== meta?.id) void openArticle(id)
          }}
          onImportFiles={(files) => void importDroppedOrPicked(files)}
          onPaste={() => setPasting(true)}
          onRestore={(id) => void restore(id)}
          onEmptyTrash={() => void emptyTrash()}
        />
        <main className="reader" aria-busy={loading}>
          {article && meta ? (
            <article className="reader__page" lang={meta.language ?? undefined}>
              <header className="reader__header">
                {!bodyStartsWithTitle(article) && <h1 className="reader__title">{meta.title}</h1>}
                <div className="reader__byline">
                  <p className="reader__meta">
                    {[
                      meta.outlet,
                      meta.author,
                      meta.publishedAt ? formatDate(meta.publishedAt) : null,
                      languageName(meta.language),
                      formatCount(meta.wordCount, 'word', 'words')
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                  <div className="reader__tools">
                    {editing && (
                      <span className="reader__edit-status" role="status">
                        {editStatus === 'saved'
                          ? 'All changes saved'
                          : editStatus === 'saving'
                            ? 'Saving…'
                            : editStatus === 'failed'
                              ? 'Not saved'
                              : 'Editing…'}
                      </span>
                    )}
                    <button
                      type="button"
                      className={`button button--small${editing ? ' button--primary' : ''}`}
                      aria-pressed={editing}
                      onClick={() => (editing ? void finishEditing.current() : startEditing())}
                    >
                      {editing ? 'Done editing' : 'Edit text'}
                    </button>
                    <button
                      type="button"
                      className="button button--small"
                      aria-expanded={editingInfo}
                      onClick={() => setEditingInfo((open) => !open)}
                    >
                      Article info
                    </button>
                    <button type="button" className="button button--small" onClick={() => void trashOpenArticle()}>
                      Move to trash
                    </button>
                  </div>
                </div>
                {editingInfo && (
                  <ArticleInfo
                    key={meta.id}
                    meta={meta}
                    onSave={saveInfo}
                    onReplaceText={(file) => replaceText(meta.id, file)}
                    onClose={() => setEditingInfo(false)}
                  />
                )}
              </header>
              {editing && (
                <p className="reader__banner" role="note">
                  You are editing the article text. Notes follow their passages; a note whose passage is gone is kept in
                  the Notes panel as <em>orphaned</em>.
                </p>
              )}
              {reattaching && (
                <p className="reader__banner reader__banner--action" role="status">
                  Select the new passage for the note “{truncate(highlightedQuote(reattaching), 60)}”, then press{' '}
                  <kbd>H</kbd>.{' '}
                  <button type="button" className="button button--small" onClick={() => setReattachingId(null)}>
                    Cancel
                  </button>
                </p>
              )}
              <ArticleReader
                key={readerGeneration}
                body={readerBody ?? article.body}
                language={meta.language}
                notes={editing ? drawnAtEditStart.current : drawnWithPending}
                selectedNoteId={selectedNoteId}
                onHighlight={highlight}
                onSelectNote={setSelectedNoteId}
                editing={editing}
                onEdited={onEdited}
                highlightLabel={reattaching ? 'Attach note here' : undefined}
                reveal={reveal}
              />
            </article>
          ) : (
            !loading && <p className="empty-state reader__empty">Open an article from the library, or import one.</p>
          )}
        </main>
        <NotesPanel
          notes={panelNotes}
          plainText={plainText}
          tags={tags}
          recentTagIds={recentTagIds}
          pinnedTagIds={pinnedTagIds}
          reattachingId={reattachingId}
          selectedNoteId={selectedNoteId}
          focusField={noteActions.focusField}
          onFocusUsed={noteActions.focusUsed}
          onSelect={selectNoteAndShowIt}
          onSaveText={noteActions.saveNoteText}
          {...panelActions}
        />
      </div>
      {tagUsage && (
        <TagManager
          tags={tags}
          usage={tagUsage}
          onRename={(tag, path) => void noteActions.renameTag(tag, path)}
          onRecolor={(tag, color) => void noteActions.recolorTag(tag, color)}
          onDescribe={(tag, description) => void noteActions.describeTag(tag, description)}
          onDelete={(tag) => void noteActions.deleteTag(tag).then(recountTagUsage)}
          onMerge={(from, into) => void noteActions.mergeTags(from, into).then(recountTagUsage)}
          pinnedTagIds={pinnedTagIds}
          onPin={(tagIds) => void pinTags(tagIds)}
          onClose={() => setTagUsage(null)}
        />
      )}
      {searching && (
        <SearchDialog
          api={api}
          onOpen={(target) => void openSearchResult(target)}
          onClose={() => setSearching(false)}
        />
      )}
      {pasting && <PasteDialog onPaste={(content) => void importPasted(content)} onClose={() => setPasting(false)} />}
      {dropping && (
        <div className="drop-overlay" aria-hidden="true">
          Drop files to import them
        </div>
      )}
    </div>
  )
}
