/**
 * The shell: makes the session and the features' actions once, provides them, and lays
 * out the top bar, the messages, the current view and the dialogs. Everything else lives
 * in its feature folder; the state lives in the session (app/session.ts).
 */
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiClient } from '../../../shared/api/contract'
import { useStore } from '../lib/store'
import { createLibraryActions } from '../library/libraryActions'
import { LibraryColumn } from '../library/LibraryColumn'
import { PasteDialog } from '../library/PasteDialog'
import { useDropAndPaste } from '../library/useDropAndPaste'
import { createNoteActions } from '../notes/noteActions'
import { createArticleNoteActions } from '../notes/articleNoteActions'
import { NotesColumn } from '../notes/NotesColumn'
import { ReadOnlyBanner } from '../notices/ReadOnlyBanner'
import { useServiceNotices } from '../notices/useServiceNotices'
import { createArticleEditing } from '../reader/articleEditing'
import { ReaderPane } from '../reader/ReaderPane'
import { createTagActions } from '../tags/tagActions'
import { AppContext, useApp, useSession, type AppServices } from './AppContext'
import {
  BriefingsViewPart,
  isViewLoaded,
  NotesWorkspacePart,
  preloadDeferredParts,
  preloadView,
  SearchDialogPart,
  SettingsDialogPart,
  ShortcutsOverlayPart,
  TagManagerPart
} from './deferredParts'
import { KEYMAP, useKeymap } from './keymap'
import { MessageBar, type Message } from './MessageBar'
import { createSession, type View } from './session'
import type { StartupData } from './startup'
import { TopBar } from './TopBar'

function createServices(api: ApiClient, mode: 'electron' | 'browser'): AppServices {
  const session = createSession(api, mode)
  return {
    session,
    notes: createNoteActions(session),
    articleNotes: createArticleNoteActions(session),
    tags: createTagActions(session),
    library: createLibraryActions(session),
    editing: createArticleEditing(session)
  }
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
  const [services] = useState(() => createServices(api, mode))
  const { session } = services
  const showNotices = useServiceNotices(api, session.show)
  // The first screen's data was requested before the interface loaded (see startup.ts).
  useEffect(() => session.start(startup, showNotices), [session, startup, showNotices])
  useKeymap(services)
  return (
    <AppContext.Provider value={services}>
      <Shell />
    </AppContext.Provider>
  )
}

function Shell(): React.JSX.Element {
  const { session, library } = useApp()
  const { store, messages, api } = session
  const view = useShownView(useSession((state) => state.view))
  const managingTags = useSession((state) => state.tagUsage !== null)
  const searching = useSession((state) => state.searching)
  const pasting = useSession((state) => state.pasting)
  const showingShortcuts = useSession((state) => state.showingShortcuts)
  const showingSettings = useSession((state) => state.showingSettings)
  const { t } = useTranslation('common')
  const shownMessages = useStore(messages.store, (state) => state.messages)
  const dropping = useDropAndPaste()
  usePreloadOnceSettled()
  const dismissMessage = useCallback(
    (message: Message) => {
      messages.dismiss(message.id)
      if (message.noticeId) void api.dismissNotice({ noticeId: message.noticeId })
    },
    [api, messages]
  )
  const openNote = useCallback(
    (note: { articleId: string; id: string }) =>
      void session.openTarget({ kind: 'note', articleId: note.articleId, noteId: note.id }),
    [session]
  )

  return (
    <div className="app">
      <TopBar />
      <ReadOnlyBanner api={api} />
      <MessageBar messages={shownMessages} onDismiss={dismissMessage} />
      {view === 'notes' && (
        <NotesWorkspacePart.Part onOpenNote={openNote} onBriefingCreated={() => session.setView('briefings')} />
      )}
      {view === 'briefings' && <BriefingsViewPart.Part onOpenNote={openNote} />}
      <div className="workspace" hidden={view !== 'reading'}>
        <LibraryColumn />
        <ReaderPane />
        <NotesColumn />
      </div>
      {managingTags && <TagManagerPart.Part />}
      {searching && (
        <SearchDialogPart.Part
          onOpen={(target) => void session.openTarget(target)}
          onClose={() => store.set({ searching: false })}
        />
      )}
      {pasting && (
        <PasteDialog
          onPaste={(content) => void library.importPasted(content)}
          onClose={() => store.set({ pasting: false })}
        />
      )}
      {showingShortcuts && (
        <ShortcutsOverlayPart.Part shortcuts={KEYMAP} onClose={() => store.set({ showingShortcuts: false })} />
      )}
      {showingSettings && <SettingsDialogPart.Part onClose={() => store.set({ showingSettings: false })} />}
      {dropping && (
        <div className="drop-overlay" aria-hidden="true">
          {t('dropFiles')}
        </div>
      )}
    </div>
  )
}

/**
 * The view to show: the one asked for once its chunk is in, the one before until then, so a
 * view switch never shows an empty page.
 */
function useShownView(asked: View): View {
  const [shown, setShown] = useState(asked)
  const ready = isViewLoaded(asked)
  useEffect(() => {
    if (ready) {
      setShown(asked)
      return
    }
    let current = true
    preloadView(asked).then(
      () => {
        if (current) setShown(asked)
      },
      (error: unknown) => console.error('Could not load the view', error)
    )
    return () => {
      current = false
    }
  }, [asked, ready])
  return ready ? asked : shown
}

/** Once the first article is whole, the other views and the dialogs load while the reader is idle. */
function usePreloadOnceSettled(): void {
  const settled = useSession((state) => !state.loading && state.opening === null)
  useEffect(() => {
    if (!settled) return
    const idle = requestIdleCallback(() => void preloadDeferredParts(), { timeout: 1000 })
    return () => cancelIdleCallback(idle)
  }, [settled])
}
