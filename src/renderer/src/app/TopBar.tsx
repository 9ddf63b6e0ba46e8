/** The bar across the top: the three views, the search box, the tag manager and, in browser mode, a badge saying so. */
import { useApp, useSession } from './AppContext'
import type { View } from './session'

const VIEWS: { id: View; label: string }[] = [
  { id: 'reading', label: 'Articles' },
  { id: 'notes', label: 'Notes' },
  { id: 'briefings', label: 'Briefings' }
]

export function TopBar(): React.JSX.Element {
  const { session, tags } = useApp()
  const view = useSession((state) => state.view)
  return (
    <header className="topbar">
      <span className="topbar__brand">Dossier</span>
      <nav className="topbar__views" aria-label="Views">
        {VIEWS.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            className="topbar__view"
            aria-pressed={view === id}
            onClick={() => session.setView(id)}
          >
            {label}
          </button>
        ))}
      </nav>
      <button
        type="button"
        className="topbar__search"
        onClick={() => session.store.set({ searching: true })}
        aria-keyshortcuts="Control+K"
      >
        <span>Search everything…</span> <kbd>Ctrl K</kbd>
      </button>
      <button type="button" className="button button--small topbar__tags" onClick={() => void tags.openManager()}>
        Tags…
      </button>
      <button
        type="button"
        className="button button--small topbar__shortcuts"
        aria-keyshortcuts="?"
        title="Keyboard shortcuts (?)"
        onClick={() => session.store.set({ showingShortcuts: true })}
      >
        ?
      </button>
      {session.mode === 'browser' && (
        <span className="topbar__mode" title="Running in your browser; data stays on this computer">
          Browser mode
        </span>
      )}
    </header>
  )
}
