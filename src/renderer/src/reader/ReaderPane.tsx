/**
 * The reading pane: the open article's header (title, byline, Edit text, Article info,
 * Move to trash), the banners of Edit mode and re-attaching, and the article itself with
 * its highlights. Reads the session; acts through the features' actions.
 */
import { useCallback, useMemo } from 'react'
import type { OpenedArticle } from '../../../shared/domain/article'
import { highlightedQuote } from '../../../shared/notes/anchorState'
import { foldForSearch } from '../../../shared/text/fold'
import { useApp, useSession } from '../app/AppContext'
import type { EditStatus } from '../app/session'
import { formatCount, formatDate, languageName, truncate } from '../lib/format'
import { useAnchoredNotes } from '../notes'
import { ArticleInfo } from './ArticleInfo'
import { ArticleReader } from './ArticleReader'
import type { HighlightRequest } from './plugins/HighlightPlugin'

/** An article whose text opens with its own title shows it there, not twice. */
function bodyStartsWithTitle({ meta, body }: OpenedArticle): boolean {
  const first = body.blocks[0]
  return first?.type === 'heading' && first.level === 1 && foldForSearch(first.text) === foldForSearch(meta.title)
}

const EDIT_STATUS: Record<EditStatus, string> = {
  saved: 'All changes saved',
  saving: 'Saving…',
  failed: 'Not saved',
  unsaved: 'Editing…'
}

export function ReaderPane(): React.JSX.Element {
  const { session, notes: noteActions, library, editing: articleEditing } = useApp()
  const { store, show } = session
  const article = useSession((state) => state.article)
  const loading = useSession((state) => state.loading)
  const editing = useSession((state) => state.editing)
  const editStatus = useSession((state) => state.editStatus)
  const editBase = useSession((state) => state.editBase)
  const editingInfo = useSession((state) => state.editingInfo)
  const selectedNoteId = useSession((state) => state.selectedNoteId)
  const readerGeneration = useSession((state) => state.readerGeneration)
  const reveal = useSession((state) => state.reveal)
  const pendingHighlights = useSession((state) => state.pendingHighlights)
  const reattaching = useSession((state) =>
    state.reattachingId ? (state.notes.find((note) => note.id === state.reattachingId) ?? null) : null
  )
  const { drawnNotes, plainText } = useAnchoredNotes()
  const drawnWithPending = useMemo(
    () => (pendingHighlights.length === 0 ? drawnNotes : [...drawnNotes, ...pendingHighlights]),
    [drawnNotes, pendingHighlights]
  )

  const highlight = useCallback(
    ({ range, quote, intent, color }: HighlightRequest) => {
      const meta = store.get().article?.meta
      if (!meta) return
      if (reattaching) {
        void noteActions.reattachNote(reattaching, range, quote).then((done) => {
          if (!done) return
          store.set({ reattachingId: null })
          show({ level: 'info', text: 'Note re-attached to the passage you selected.' })
        })
        return
      }
      void noteActions.createHighlight(meta.id, range, quote, intent, color)
    },
    [store, show, reattaching, noteActions]
  )
  const selectNote = useCallback((noteId: string) => store.set({ selectedNoteId: noteId }), [store])

  if (!article) {
    return (
      <main className="reader" aria-busy={loading}>
        {!loading && <p className="empty-state reader__empty">Open an article from the library, or import one.</p>}
      </main>
    )
  }
  const { meta } = article
  return (
    <main className="reader" aria-busy={loading}>
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
                  {EDIT_STATUS[editStatus]}
                </span>
              )}
              <button
                type="button"
                className={`button button--small${editing ? ' button--primary' : ''}`}
                aria-pressed={editing}
                onClick={() => (editing ? void articleEditing.finish() : articleEditing.start(drawnNotes))}
              >
                {editing ? 'Done editing' : 'Edit text'}
              </button>
              <button
                type="button"
                className="button button--small"
                aria-expanded={editingInfo}
                onClick={() => store.set({ editingInfo: !editingInfo })}
              >
                Article info
              </button>
              <button type="button" className="button button--small" onClick={() => void library.trashOpenArticle()}>
                Move to trash
              </button>
            </div>
          </div>
          {editingInfo && (
            <ArticleInfo
              key={meta.id}
              meta={meta}
              onSave={library.saveInfo}
              onReplaceText={(file) => library.replaceText(meta.id, file)}
              onClose={() => store.set({ editingInfo: false })}
            />
          )}
        </header>
        {editing && (
          <p className="reader__banner" role="note">
            You are editing the article text. Notes follow their passages; a note whose passage is gone is kept in the
            Notes panel as <em>orphaned</em>.
          </p>
        )}
        {reattaching && (
          <p className="reader__banner reader__banner--action" role="status">
            Select the new passage for the note “{truncate(highlightedQuote(reattaching), 60)}”, then press <kbd>H</kbd>
            .{' '}
            <button type="button" className="button button--small" onClick={() => store.set({ reattachingId: null })}>
              Cancel
            </button>
          </p>
        )}
        <ArticleReader
          key={readerGeneration}
          body={editing && editBase ? editBase.body : article.body}
          plainText={editing && editBase ? undefined : plainText}
          language={meta.language}
          notes={editing && editBase ? editBase.drawn : drawnWithPending}
          selectedNoteId={selectedNoteId}
          onHighlight={highlight}
          onSelectNote={selectNote}
          editing={editing}
          onEdited={articleEditing.edited}
          highlightLabel={reattaching ? 'Attach note here' : undefined}
          reveal={reveal}
          attach={session.attachReader}
        />
      </article>
    </main>
  )
}
