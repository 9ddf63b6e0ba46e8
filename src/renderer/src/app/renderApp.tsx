/**
 * Draws the interface; loaded as its own chunk so that the first requests do not wait for it.
 * The saved interface language is applied first, so the first paint is already in it (its
 * request left with the first screen's, see startup.ts); without an answer, the system's.
 */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { withHostMessagesWorded } from '../lib/hostMessages'
import { applyLanguageChoice, t } from '../lib/i18n'
import { App } from './App'
import type { Connection } from './connect'
import { savedPreferences, type StartupData } from './startup'

export async function renderApp(
  container: HTMLElement,
  connection: Connection,
  startup: Promise<StartupData> | null
): Promise<void> {
  if (connection.ok) {
    const saved = await savedPreferences(connection.api)
    if (saved.ok) await applyLanguageChoice(saved.value.interfaceLanguage)
  }
  createRoot(container).render(
    <StrictMode>
      {connection.ok && startup ? (
        <App api={withHostMessagesWorded(connection.api)} mode={connection.mode} startup={startup} />
      ) : (
        <div className="fatal" role="alert">
          <h1>{t('appName')}</h1>
          <p>{connection.ok ? t('couldNotStart') : t('needsAddress')}</p>
        </div>
      )}
    </StrictMode>
  )
}
