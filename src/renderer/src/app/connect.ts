/**
 * Picks the transport the page was started with: Electron's preload when present,
 * otherwise browser mode with the token handed over in the address's fragment. The
 * token is then kept for this tab only and removed from the address bar, so it does not
 * end up in history or in a shared screenshot.
 */
import { createApiClient } from '../../../shared/api/client'
import type { ApiClient } from '../../../shared/api/contract'
import { createHttpTransport } from './httpTransport'

const TOKEN_KEY = 'dossier.token'

/**
 * Why there is no connection, as a code: this module runs before the interface's chunk (and its
 * texts) is loaded, so renderApp.tsx says it in words, in the interface's language.
 */
export type ConnectionFailure = 'no-token'

export type Connection =
  { ok: true; api: ApiClient; mode: 'electron' | 'browser' } | { ok: false; reason: ConnectionFailure }

export function connect(): Connection {
  if (window.dossierApi) return { ok: true, api: window.dossierApi, mode: 'electron' }
  const fragment = new URLSearchParams(window.location.hash.slice(1))
  const fromAddress = fragment.get('token')
  if (fromAddress) {
    sessionStorage.setItem(TOKEN_KEY, fromAddress)
    fragment.delete('token')
    const rest = fragment.toString()
    history.replaceState(null, '', `${window.location.pathname}${rest ? `#${rest}` : ''}`)
  }
  const token = fromAddress ?? sessionStorage.getItem(TOKEN_KEY)
  if (!token) {
    return { ok: false, reason: 'no-token' }
  }
  return { ok: true, api: createApiClient(createHttpTransport(token)), mode: 'browser' }
}
