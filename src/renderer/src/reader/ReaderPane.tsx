/**
 * The reading pane: the open article's header (title, byline, Edit text, Article info,
 * Move to trash), the banners of Edit mode and re-attaching, and the article itself with
 * its highlights. Reads the session; acts through the features' actions.
 */
import { useCallback, useMemo } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import type { OpenedArticle } from '../../../shared/domain/article'
import { highlightedQuote } from '../../../shared/notes/anchorState'
import { foldForSearch } from '../../../shared/text/fold'
import { useApp, useSession } from '../app/AppContext'
import type { EditStatus } from '../app/session'
import { formatDate, languageName, truncate } from '../lib/format'
import { useAnchoredNotes, useNoteFilter } from '../notes'
import { ArticleInfo } from './ArticleInfo'
import { ArticleReader } from './ArticleReader'
import type { HighlightRequest } from './plugins/HighlightPlugin'
import type { DrawnNote } from './plugins/NoteMarksPlugin'

/** An article whose text opens with its own title shows it there, not twice. */
function bodyStartsWithTitle({ meta, body }: OpenedArticle): boolean {
  const first = body.blocks[0]
  return first?.type === 'heading' && first.level === 1 && foldForSearch(first.text) === foldForSearch(meta.title)
}

/** While editing every highlight shows: the filter is for reading. */
const NONE_DIMMED: ReadonlySet<string> = new Set()

/** While an article's start is shown, before its whole text is in, no note is drawn. */
const NO_NOTES: readonly DrawnNote[] = []

/** The key that attaches a re-attaching note, as the popover and keymap name it. */
const ATTACH_KEY = 'H'

const EDIT_STATUS_KEYS = {
  saved: 'editStatus.saved',
  saving: 'editStatus.saving',
  failed: 'editStatus.failed',
  unsaved: 'editStatus.unsaved'
} as const satisfies Record<EditStatus, string>

export function ReaderPane(): React.JSX.Element {
  const { t } = useTranslation('reader')
  const { session, notes: noteActions, library, editing: articleEditing } = useApp()
  const { store, show } = session
  const wholeArticle = useSession((state) => state.article)
  const opening = useSession((state) => state.opening)
  // The start of an article being opened is newer than any article still held; until the whole
  // text is in, what needs all of it (notes, highlighting, editing, the header's actions) waits.
  const article = opening ?? wholeArticle
  const complete = opening === null
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
  const { hiddenNoteIds } = useNoteFilter()
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
          show({ level: 'info', text: t('pane.reattached') })
        })
        return
      }
      void noteActions.createHighlight(meta.id, range, quote, intent, color)
    },
    [store, show, reattaching, noteActions, t]
  )
  const selectNote = useCallback((noteId: string) => store.set({ selectedNoteId: noteId }), [store])

  if (!article) {
    return (
      <main className="reader" aria-busy={loading}>
        {!loading && <p className="empty-state reader__empty">{t('pane.noArticle')}</p>}
      </main>
    )
  }
  const { meta } = article
  return (
    <main className="reader" aria-busy={loading || !complete}>
      <article className="reader__page" lang={meta.language ?? undefined}>
        <header className="reader__header">
          {!bodyStartsWithTitle(article) && (
            <h1 className="reader__title" dir="auto">
              {meta.title}
            </h1>
          )}
          <div className="reader__byline">
            <p className="reader__meta">
              {[
                meta.outlet,
                meta.author,
                meta.publishedAt ? formatDate(meta.publishedAt) : null,
                languageName(meta.language),
                t('pane.words', { count: meta.wordCount })
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            <div className="reader__tools">
              {editing && (
                <span className="reader__edit-status" role="status">
                  {t(EDIT_STATUS_KEYS[editStatus])}
                </span>
              )}
              <button
                type="button"
                className={`button button--small${editing ? ' button--primary' : ''}`}
                aria-pressed={editing}
                disabled={!complete}
                onClick={() => (editing ? void articleEditing.finish() : articleEditing.start(drawnNotes))}
              >
                {editing ? t('pane.doneEditing') : t('pane.editText')}
              </button>
              <button
                type="button"
                className="button button--small"
                aria-expanded={editingInfo}
                disabled={!complete}
                onClick={() => store.set({ editingInfo: !editingInfo })}
              >
                {t('pane.articleInfo')}
              </button>
              <button
                type="button"
                className="button button--small"
                disabled={!complete}
                onClick={() => void library.trashOpenArticle()}
              >
                {t('pane.moveToTrash')}
              </button>
            </div>
          </div>
          {editingInfo && complete && (
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
            <Trans t={t} i18nKey="pane.editingBanner" components={{ em: <em /> }} />
          </p>
        )}
        {reattaching && (
          <p className="reader__banner reader__banner--action" role="status">
            <Trans
              t={t}
              i18nKey="pane.reattachBanner"
              values={{ quote: truncate(highlightedQuote(reattaching), 60), key: ATTACH_KEY }}
              components={{ kbd: <kbd /> }}
            />{' '}
            <button type="button" className="button button--small" onClick={() => store.set({ reattachingId: null })}>
              {t('pane.cancel')}
            </button>
          </p>
        )}
        <ArticleReader
          key={readerGeneration}
          body={editing && editBase ? editBase.body : article.body}
          complete={complete}
          plainText={editing && editBase ? undefined : complete ? plainText : undefined}
          language={meta.language}
          notes={editing && editBase ? editBase.drawn : complete ? drawnWithPending : NO_NOTES}
          dimmedNoteIds={editing ? NONE_DIMMED : hiddenNoteIds}
          selectedNoteId={selectedNoteId}
          onHighlight={highlight}
          onSelectNote={selectNote}
          editing={editing}
          onEdited={articleEditing.edited}
          highlightLabel={reattaching ? t('pane.attachHere') : undefined}
          reveal={reveal}
          attach={session.attachReader}
        />
      </article>
    </main>
  )
}
