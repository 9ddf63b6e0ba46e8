/**
 * The bar across the top: the three views, the search box, the tag manager, the shortcuts and
 * the settings and, in browser mode, a badge saying so.
 */
import { useTranslation } from 'react-i18next'
import { useApp, useSession } from './AppContext'
import type { View } from './session'

const VIEWS: { id: View; label: 'topBar.articles' | 'topBar.notes' | 'topBar.briefings' }[] = [
  { id: 'reading', label: 'topBar.articles' },
  { id: 'notes', label: 'topBar.notes' },
  { id: 'briefings', label: 'topBar.briefings' }
]

export function TopBar(): React.JSX.Element {
  const { t } = useTranslation('common')
  const { session, tags } = useApp()
  const view = useSession((state) => state.view)
  return (
    <header className="topbar">
      <span className="topbar__brand">{t('appName')}</span>
      <nav className="topbar__views" aria-label={t('topBar.views')}>
        {VIEWS.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            className="topbar__view"
            aria-pressed={view === id}
            onClick={() => session.setView(id)}
          >
            {t(label)}
          </button>
        ))}
      </nav>
      <button
        type="button"
        className="topbar__search"
        onClick={() => session.store.set({ searching: true })}
        aria-keyshortcuts="Control+K"
      >
        <span>{t('topBar.search')}</span> <kbd>{t('shortcuts.ctrl')} K</kbd>
      </button>
      <button type="button" className="button button--small topbar__tags" onClick={() => void tags.openManager()}>
        {t('topBar.tags')}
      </button>
      <button
        type="button"
        className="button button--small topbar__shortcuts"
        aria-keyshortcuts="?"
        aria-label={t('topBar.shortcuts')}
        title={t('topBar.shortcuts')}
        onClick={() => session.store.set({ showingShortcuts: true })}
      >
        ?
      </button>
      <button
        type="button"
        className="button button--small topbar__settings"
        aria-keyshortcuts="Control+,"
        title={t('topBar.settingsTitle')}
        onClick={() => session.store.set({ showingSettings: true })}
      >
        {t('topBar.settings')}
      </button>
      {session.mode === 'browser' && (
        <span className="topbar__mode" title={t('topBar.browserModeTitle')}>
          {t('topBar.browserMode')}
        </span>
      )}
    </header>
  )
}
