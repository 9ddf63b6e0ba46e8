/**
 * The main screen: library, reading pane and notes panel. Holds the session's state and
 * talks to the services only through the API client it is given.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { anchorSelectors } from '../../shared/anchoring'
import type { ApiClient } from '../../shared/api/contract'
import {
  articlePlainText,
  type ArticleMetaChanges,
  type ArticleSummary,
  type ImportOutcome,
  type OpenedArticle
} from '../../shared/domain/article'
import type { Note } from '../../shared/domain/note'
import type { Result } from '../../shared/result'
import { libraryView } from '../../shared/library/libraryView'
import type { Tag } from '../../shared/tags/tags'
import { foldForSearch } from '../../shared/text/fold'
import { ArticleInfo } from './components/ArticleInfo'
import { LibraryPanel } from './components/LibraryPanel'
import { MessageBar, useMessages, type Message } from './components/MessageBar'
import { NotesPanel, type PanelNote } from './components/NotesPanel'
import { PasteDialog, pastedContent, type PastedContent } from './components/PasteDialog'
import { TagManager } from './components/TagManager'
import { ArticleReader } from './editor/ArticleReader'
import { NOTE_IDS_ATTRIBUTE } from './editor/plugins/NoteMarksPlugin'
import { formatCount, formatDate, languageName } from './format'
import { importFiles, summariseImport } from './import/importFiles'
import { useNoteActions } from './notes/useNoteActions'
import type { StartupData } from './startup'

/** An article whose text opens with its own title shows it there, not twice. */
function bodyStartsWithTitle({ meta, body }: OpenedArticle): boolean {
  const first = body.blocks[0]
  return first?.type === 'heading' && first.level === 1 && foldForSearch(first.text) === foldForSearch(meta.title)
}

function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
}

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
  const { messages, show, dismiss } = useMessages()

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

  /** The article the user asked for last: answers for earlier requests arrive too late to show. */
  const requestedArticle = useRef<string | null>(null)
  const openArticle = useCallback(
    async (articleId: string) => {
      requestedArticle.current = articleId
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
      for (const notice of take(notices) ?? []) show({ level: notice.level, text: notice.message, noticeId: notice.id })
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
  }, [startup, take, show])

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
      if (isTypingTarget(event.target) || pasting) return
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
  const panelNotes = useMemo<PanelNote[]>(
    () =>
      notes.map((note) => {
        const anchored = anchorSelectors(plainText, note.anchor)
        return { note, state: anchored.state, range: anchored.range }
      }),
    [notes, plainText]
  )
  const drawnNotes = useMemo(() => {
    const colorOfTag = new Map(tags.map((tag) => [tag.id, tag.color]))
    return panelNotes.flatMap(({ note, range }) => {
      if (!range) return []
      const tagColor = note.tagIds.map((id) => colorOfTag.get(id)).find(Boolean)
      return [{ id: note.id, range, color: tagColor ?? note.color }]
    })
  }, [panelNotes, tags])

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

  // J and K move to the next and previous highlight, as in a reader's list.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const key = event.key.toLowerCase()
      if ((key !== 'j' && key !== 'k') || event.ctrlKey || event.metaKey || event.altKey) return
      if (isTypingTarget(event.target) || drawnNotes.length === 0) return
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

  const dismissMessage = useCallback(
    (message: Message) => {
      dismiss(message.id)
      if (message.noticeId) void api.dismissNotice({ noticeId: message.noticeId })
    },
    [api, dismiss]
  )

  const meta = article?.meta
  return (
    <div className="app">
      <header className="topbar">
        <span className="topbar__brand">Dossier</span>
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
      <div className="workspace">
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
                  <ArticleInfo key={meta.id} meta={meta} onSave={saveInfo} onClose={() => setEditingInfo(false)} />
                )}
              </header>
              <ArticleReader
                body={article.body}
                language={meta.language}
                notes={drawnNotes}
                selectedNoteId={selectedNoteId}
                onHighlight={({ range, quote, intent }) =>
                  void noteActions.createHighlight(meta.id, range, quote, intent)
                }
                onSelectNote={setSelectedNoteId}
              />
            </article>
          ) : (
            !loading && <p className="empty-state reader__empty">Open an article from the library, or import one.</p>
          )}
        </main>
        <NotesPanel
          notes={panelNotes}
          tags={tags}
          recentTagIds={recentTagIds}
          selectedNoteId={selectedNoteId}
          focusField={noteActions.focusField}
          onSelect={selectNoteAndShowIt}
          onSaveText={noteActions.saveNoteText}
          onAddTag={(note, tagId) => void noteActions.addNoteTag(note, tagId)}
          onRemoveTag={(note, tagId) => void noteActions.removeNoteTag(note, tagId)}
          onCreateTag={(note, path) => void noteActions.createTagForNote(note, path)}
          onDelete={(note) => void noteActions.deleteNote(note)}
        />
      </div>
      {tagUsage && (
        <TagManager
          tags={tags}
          usage={tagUsage}
          onRename={(tag, path) => void noteActions.renameTag(tag, path)}
          onRecolor={(tag, color) => void noteActions.recolorTag(tag, color)}
          onDelete={(tag) => void noteActions.deleteTag(tag).then(recountTagUsage)}
          onClose={() => setTagUsage(null)}
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
