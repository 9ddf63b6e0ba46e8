/**
 * The main screen: library, reading pane and notes panel. Holds the session's state
 * and talks to the services only through the API client it is given.
 */
import { useCallback, useEffect, useMemo, useState } from 'react'
import { anchorSelectors } from '../../shared/anchoring'
import type { ApiClient } from '../../shared/api/contract'
import { articlePlainText, type ArticleSummary, type OpenedArticle } from '../../shared/domain/article'
import type { Note } from '../../shared/domain/note'
import type { Result } from '../../shared/result'
import { LibraryList } from './components/LibraryList'
import { MessageBar, type Message } from './components/MessageBar'
import { NotesPanel, type PanelNote } from './components/NotesPanel'
import { ArticleReader } from './editor/ArticleReader'
import type { HighlightRequest } from './editor/plugins/HighlightPlugin'
import { NOTE_IDS_ATTRIBUTE } from './editor/plugins/NoteMarksPlugin'
import { formatCount, languageName } from './format'

let messageSequence = 0

export function App({ api, mode }: { api: ApiClient; mode: 'electron' | 'browser' }): React.JSX.Element {
  const [articles, setArticles] = useState<ArticleSummary[]>([])
  const [article, setArticle] = useState<OpenedArticle | null>(null)
  const [notes, setNotes] = useState<Note[]>([])
  const [selectedNoteId, setSelectedNoteId] = useState<string | null>(null)
  const [messages, setMessages] = useState<Message[]>([])
  const [loading, setLoading] = useState(true)

  const showError = useCallback((text: string) => {
    setMessages((current) => [...current, { id: `local-${++messageSequence}`, level: 'error', text }])
  }, [])

  /** Unwraps a result, telling the user when it failed. */
  const take = useCallback(
    <T,>(result: Result<T>): T | null => {
      if (result.ok) return result.value
      showError(result.error.message)
      return null
    },
    [showError]
  )

  const refreshLibrary = useCallback(async () => {
    const list = take(await api.listArticles({}))
    if (list) setArticles(list)
    return list
  }, [api, take])

  const openArticle = useCallback(
    async (articleId: string) => {
      const [opened, openedNotes] = await Promise.all([api.openArticle({ articleId }), api.listNotes({ articleId })])
      const value = take(opened)
      const noteList = take(openedNotes)
      if (!value || !noteList) return
      setArticle(value)
      setNotes(noteList)
      setSelectedNoteId(null)
    },
    [api, take]
  )

  useEffect(() => {
    void (async () => {
      const notices = take(await api.listNotices({}))
      if (notices) {
        setMessages((current) => [
          ...current,
          ...notices.map((notice) => ({ id: notice.id, level: notice.level, text: notice.message }))
        ])
      }
      const list = await refreshLibrary()
      const first = list?.[0]
      if (first) await openArticle(first.id)
      setLoading(false)
    })()
  }, [api, take, refreshLibrary, openArticle])

  const plainText = useMemo(() => (article ? articlePlainText(article.body.blocks) : ''), [article])
  const panelNotes = useMemo<PanelNote[]>(
    () =>
      notes.map((note) => {
        const anchored = anchorSelectors(plainText, note.anchor)
        return { note, state: anchored.state, range: anchored.range }
      }),
    [notes, plainText]
  )
  const drawnNotes = useMemo(
    () => panelNotes.flatMap((entry) => (entry.range ? [{ id: entry.note.id, range: entry.range }] : [])),
    [panelNotes]
  )

  const createHighlight = useCallback(
    async ({ range, quote }: HighlightRequest) => {
      if (!article) return
      const created = take(await api.createNote({ articleId: article.meta.id, range, expectedQuote: quote }))
      if (!created) return
      setNotes((current) => [...current, created].sort((a, b) => a.anchor.position.start - b.anchor.position.start))
      setSelectedNoteId(created.id)
      void refreshLibrary()
    },
    [api, article, take, refreshLibrary]
  )

  const deleteNote = useCallback(
    async (note: Note) => {
      if (!take(await api.deleteNote({ articleId: note.articleId, noteId: note.id }))) return
      setNotes((current) => current.filter((candidate) => candidate.id !== note.id))
      setSelectedNoteId(null)
      void refreshLibrary()
    },
    [api, take, refreshLibrary]
  )

  const selectNoteAndShowIt = useCallback((noteId: string) => {
    setSelectedNoteId(noteId)
    const mark = document.querySelector(`mark[${NOTE_IDS_ATTRIBUTE}~="${CSS.escape(noteId)}"]`)
    mark?.scrollIntoView({ block: 'center', behavior: 'smooth' })
  }, [])

  const dismissMessage = useCallback(
    (message: Message) => {
      setMessages((current) => current.filter((candidate) => candidate.id !== message.id))
      if (!message.id.startsWith('local-')) void api.dismissNotice({ noticeId: message.id })
    },
    [api]
  )

  const meta = article?.meta
  return (
    <div className="app">
      <header className="topbar">
        <span className="topbar__brand">Dossier</span>
        {mode === 'browser' && (
          <span className="topbar__mode" title="Running in your browser; data stays on this computer">
            Browser mode
          </span>
        )}
      </header>
      <MessageBar messages={messages} onDismiss={dismissMessage} />
      <div className="workspace">
        <LibraryList articles={articles} openArticleId={meta?.id ?? null} onOpen={(id) => void openArticle(id)} />
        <main className="reader" aria-busy={loading}>
          {article && meta ? (
            <article className="reader__page" lang={meta.language ?? undefined}>
              <header className="reader__header">
                <h1 className="reader__title">{meta.title}</h1>
                <p className="reader__meta">
                  {[
                    meta.outlet,
                    meta.author,
                    languageName(meta.language),
                    formatCount(meta.wordCount, 'word', 'words'),
                    meta.sourceFile
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              </header>
              <ArticleReader
                body={article.body}
                language={meta.language}
                notes={drawnNotes}
                selectedNoteId={selectedNoteId}
                onHighlight={(request) => void createHighlight(request)}
                onSelectNote={setSelectedNoteId}
              />
            </article>
          ) : (
            !loading && <p className="empty-state reader__empty">Open an article from the library.</p>
          )}
        </main>
        <NotesPanel
          notes={panelNotes}
          selectedNoteId={selectedNoteId}
          onSelect={selectNoteAndShowIt}
          onDelete={(note) => void deleteNote(note)}
        />
      </div>
    </div>
  )
}
