/**
 * The Briefings view: the list of briefings, the composer (front matter, which notes,
 * how grouped and ordered, section wording, notes left in or out and their order) and
 * the live preview of the export, with the export buttons. Every change is saved as it
 * is made; the preview is the HTML export itself.
 */
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyBriefingChanges, mergeBriefingChanges, type BriefingChanges } from '../../../shared/briefing/changes'
import { countItems } from '../../../shared/briefing/document'
import type {
  Briefing,
  BriefingExportFormat,
  BriefingPaper,
  BriefingSummary,
  ComposedBriefing
} from '../../../shared/briefing/spec'
import { useApp, useSession } from '../app/AppContext'
import { serialQueue } from '../../../shared/async/serialQueue'
import { formatDateTime } from '../lib/format'
import { currentLanguage } from '../lib/i18n'
import { BriefingComposer } from './BriefingComposer'
import { BriefingPreview } from './BriefingPreview'
import { saveDownload } from './download'
import { printExport } from './exportedHtml'

const SAVE_AFTER_PAUSE_MS = 400

/** Short labels keep the row on one line at 1024 px; the longer names go in each button's title. */
const EXPORTS: { format: BriefingExportFormat; title?: 'docxTitle' | 'jsonldTitle' }[] = [
  { format: 'markdown' },
  { format: 'html' },
  { format: 'docx', title: 'docxTitle' },
  { format: 'pdf' },
  { format: 'jsonld', title: 'jsonldTitle' }
]

export function BriefingsView({
  onOpenNote
}: {
  /** Opens a note in its article (the app's own way, as from search results): for notes that need review. */
  onOpenNote: (note: { articleId: string; id: string }) => void
}): React.JSX.Element {
  const { t } = useTranslation('briefings')
  const { session, tags: tagActions } = useApp()
  const { api, take, show, mode } = session
  const recordUndo = session.history.record
  const ensureTag = tagActions.ensureTag
  const tags = useSession((state) => state.tags)
  const articles = useSession((state) => state.articles)
  const [summaries, setSummaries] = useState<BriefingSummary[]>([])
  const [briefing, setBriefing] = useState<Briefing | null>(null)
  const [composed, setComposed] = useState<ComposedBriefing | null>(null)
  const [previewHtml, setPreviewHtml] = useState<string | null>(null)
  const [paper, setPaper] = useState<BriefingPaper>('a4')
  const [saveState, setSaveState] = useState<'saved' | 'saving' | 'unsaved'>('saved')
  const [exporting, setExporting] = useState<string | null>(null)

  const refreshList = useCallback(async () => {
    const list = take(await api.listBriefings({}))
    if (list) setSummaries(list)
    return list
  }, [api, take])

  /** The briefing the user asked for last: answers for earlier ones are dropped. */
  const current = useRef<string | null>(null)
  const refreshComposition = useCallback(
    async (briefingId: string, paperSize: BriefingPaper) => {
      const [composition, preview] = await Promise.all([
        api.composeBriefing({ briefingId }),
        api.previewBriefing({ briefingId, paper: paperSize })
      ])
      if (current.current !== briefingId) return
      const composedValue = take(composition)
      const previewValue = take(preview)
      if (composedValue) setComposed(composedValue)
      if (previewValue) setPreviewHtml(previewValue.html)
    },
    [api, take]
  )

  const open = useCallback(
    async (briefingId: string) => {
      current.current = briefingId
      const opened = take(await api.getBriefing({ briefingId }))
      if (!opened || current.current !== briefingId) return
      setBriefing(opened)
      setComposed(null)
      setPreviewHtml(null)
      await refreshComposition(briefingId, paper)
    },
    [api, take, refreshComposition, paper]
  )

  const openMostRecent = useEffectEvent(() => {
    void refreshList().then((list) => {
      if (list && list[0] && current.current === null) void open(list[0].id)
    })
  })
  // Opens the most recent briefing once, when the view appears.
  useEffect(() => openMostRecent(), [])

  // ---- Saving changes: optimistic on screen, saved after a short pause, merged in between.
  const pending = useRef<BriefingChanges | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const saves = useMemo(() => serialQueue(), [])
  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current)
    return saves
      .run(async (): Promise<void> => {
        const changes = pending.current
        const briefingId = current.current
        pending.current = null
        if (!changes || !briefingId) return
        setSaveState('saving')
        const saved = take(await api.updateBriefing({ briefingId, changes }))
        setSaveState(pending.current ? 'unsaved' : 'saved')
        if (!saved || current.current !== briefingId) return
        // The list shows each briefing's title and how many notes it cites.
        const counted =
          changes.filter ?? changes.includedNoteIds ?? changes.excludedNoteIds ?? changes.includeNotesNeedingReview
        if (changes.frontMatter?.title !== undefined || counted !== undefined) void refreshList()
        await refreshComposition(briefingId, paper)
      })
      .catch(() => undefined) // a failed save was already shown; the next change saves again
  }, [saves, api, take, refreshList, refreshComposition, paper])

  const change = useCallback(
    (changes: BriefingChanges) => {
      setBriefing((before) => (before ? applyBriefingChanges(before, changes) : before))
      pending.current = mergeBriefingChanges(pending.current ?? {}, changes)
      setSaveState('unsaved')
      clearTimeout(timer.current)
      timer.current = setTimeout(() => void flush(), SAVE_AFTER_PAUSE_MS)
    },
    [flush]
  )

  useEffect(() => () => clearTimeout(timer.current), [])

  const create = useCallback(async () => {
    await flush()
    const created = take(await api.createBriefing({ title: t('view.newTitle'), language: currentLanguage() }))
    if (!created) return
    await refreshList()
    await open(created.id)
  }, [api, take, flush, refreshList, open, t])

  const duplicate = useCallback(async () => {
    if (!briefing) return
    await flush()
    const copy = take(await api.duplicateBriefing({ briefingId: briefing.id }))
    if (!copy) return
    await refreshList()
    await open(copy.id)
    show({ level: 'info', text: t('view.duplicated', { title: copy.frontMatter.title }) })
  }, [api, take, briefing, flush, refreshList, open, show, t])

  const remove = useCallback(async () => {
    if (!briefing) return
    await flush()
    const deleted = take(await api.deleteBriefing({ briefingId: briefing.id }))
    if (!deleted) return
    const record = deleted.briefing
    current.current = null
    setBriefing(null)
    setComposed(null)
    setPreviewHtml(null)
    const list = await refreshList()
    if (list?.[0]) void open(list[0].id)
    const putBack = async (): Promise<void> => {
      if (!take(await api.restoreBriefing({ briefing: record }))) throw new Error('the briefing could not be restored')
      await refreshList()
      await open(record.id)
    }
    const deleteAgain = async (): Promise<void> => {
      if (!take(await api.deleteBriefing({ briefingId: record.id })))
        throw new Error('the briefing could not be deleted')
      await refreshList()
    }
    recordUndo({ label: t('view.undoLabel'), undo: putBack, redo: deleteAgain })
    show({
      level: 'info',
      text: t('view.deleted', { title: record.frontMatter.title }),
      action: { label: t('view.undo'), run: () => void putBack() }
    })
  }, [api, take, briefing, flush, refreshList, open, recordUndo, show, t])

  const exportAs = useCallback(
    async (format: BriefingExportFormat) => {
      if (!briefing) return
      await flush()
      const count = composed ? countItems(composed.document) : 0
      if (format === 'pdf' && mode === 'browser') {
        // Browser mode prints the same HTML through the browser's dialog, where "Save as PDF" writes the file.
        const preview = take(await api.previewBriefing({ briefingId: briefing.id, paper }))
        if (preview) printExport(preview.html)
        return
      }
      setExporting(t('exportRow.exporting', { count, format: t(`exportRow.${format}`) }))
      try {
        const file = take(await api.exportBriefing({ briefingId: briefing.id, format, paper }))
        if (!file) return
        saveDownload(file)
        show({ level: 'info', text: t('exportRow.exported', { count: file.noteCount, fileName: file.fileName }) })
      } finally {
        setExporting(null)
      }
    },
    [api, take, briefing, composed, flush, mode, paper, show, t]
  )

  /** Saves what is pending first, so leaving for the article loses no change to the briefing. */
  const openNote = useCallback(
    async (note: { articleId: string; id: string }) => {
      await flush()
      onOpenNote(note)
    },
    [flush, onOpenNote]
  )

  const changePaper = useCallback(
    (next: BriefingPaper) => {
      setPaper(next)
      if (briefing) void refreshComposition(briefing.id, next)
    },
    [briefing, refreshComposition]
  )

  const noteCount = useMemo(() => (composed ? countItems(composed.document) : 0), [composed])

  return (
    <main className="briefings" aria-label={t('view.region')}>
      <nav className="briefings__list" aria-label={t('view.list')}>
        <div className="library__header">
          <h2 className="panel-heading">
            {t('view.heading')}{' '}
            <span className="panel-heading__count">{t('view.count', { count: summaries.length })}</span>
          </h2>
          <button type="button" className="button button--primary" onClick={() => void create()}>
            {t('view.newBriefing')}
          </button>
        </div>
        {summaries.length === 0 ? (
          <p className="empty-state">{t('view.noBriefing')}</p>
        ) : (
          <ul className="library__list">
            {summaries.map((summary) => (
              <li key={summary.id}>
                <button
                  type="button"
                  className="library__item"
                  aria-current={summary.id === briefing?.id ? 'true' : undefined}
                  onClick={() => void (async () => (await flush(), open(summary.id)))()}
                >
                  <span className="library__title">{summary.title}</span>
                  <span className="library__meta">
                    {t('view.notes', { count: summary.noteCount })} · {formatDateTime(summary.updatedAt)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </nav>
      {briefing ? (
        <>
          <BriefingComposer
            key={briefing.id}
            briefing={briefing}
            composed={composed}
            tags={tags}
            articles={articles}
            saveState={saveState}
            onChange={change}
            ensureTag={ensureTag}
            onDuplicate={() => void duplicate()}
            onDelete={() => void remove()}
            onOpenNote={(note) => void openNote(note)}
          />
          <div className="briefings__output">
            <div className="briefings__export" role="group" aria-label={t('exportRow.group')}>
              <span className="briefings__export-label" aria-live="polite">
                {composed && saveState === 'saved'
                  ? t('exportRow.label', { count: noteCount })
                  : t('exportRow.counting')}
              </span>
              {EXPORTS.map(({ format, title }) => (
                <button
                  key={format}
                  type="button"
                  className="button button--small"
                  title={title ? t(`exportRow.${title}`) : undefined}
                  aria-label={title ? t(`exportRow.${title}`) : undefined}
                  disabled={exporting !== null}
                  onClick={() => void exportAs(format)}
                >
                  {t(`exportRow.${format}`)}
                </button>
              ))}
              <label className="briefings__paper">
                <span className="briefings__paper-text">{t('exportRow.paper')}</span>
                <select
                  className="input input--small"
                  value={paper}
                  onChange={(event) => changePaper(event.target.value as BriefingPaper)}
                >
                  <option value="a4">{t('exportRow.a4')}</option>
                  <option value="letter">{t('exportRow.letter')}</option>
                </select>
              </label>
              {exporting && (
                <span className="briefings__progress" role="status">
                  <span className="spinner" aria-hidden="true" /> {exporting}
                </span>
              )}
            </div>
            <BriefingPreview html={previewHtml} busy={saveState !== 'saved'} />
          </div>
        </>
      ) : (
        <p className="empty-state briefings__empty">{t('view.createOne')}</p>
      )}
    </main>
  )
}
