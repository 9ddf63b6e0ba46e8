/** Draws the interface; loaded as its own chunk so that the first requests do not wait for it. */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { t } from '../lib/i18n'
import { App } from './App'
import type { Connection } from './connect'
import type { StartupData } from './startup'

export function renderApp(container: HTMLElement, connection: Connection, startup: Promise<StartupData> | null): void {
  createRoot(container).render(
    <StrictMode>
      {connection.ok && startup ? (
        <App api={connection.api} mode={connection.mode} startup={startup} />
      ) : (
        <div className="fatal" role="alert">
          <h1>{t('appName')}</h1>
          <p>{connection.ok ? t('couldNotStart') : connection.reason}</p>
        </div>
      )}
    </StrictMode>
  )
}
