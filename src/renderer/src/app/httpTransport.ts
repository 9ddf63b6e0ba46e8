/**
 * Browser mode's transport: the same contract as Electron IPC, carried as JSON over
 * HTTP to the loopback host, with the per-launch token in a header.
 */
import type { ApiTransport } from '../../../shared/api/contract'
import { TOKEN_HEADER } from '../../../shared/api/tokenHeader'
import type { Result } from '../../../shared/result'

export function createHttpTransport(token: string, fetchImpl: typeof fetch = fetch): ApiTransport {
  return async (method, input) => {
    let response: Response
    try {
      response = await fetchImpl(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(input ?? {})
      })
    } catch {
      return {
        ok: false,
        error: { code: 'internal', message: 'Dossier is not running any more: restart it and reload this page.' }
      }
    }
    try {
      return (await response.json()) as Result<unknown>
    } catch {
      return { ok: false, error: { code: 'internal', message: `Dossier answered ${response.status} without data.` } }
    }
  }
}
