/**
 * Browser mode's transport: the same contract as Electron IPC, carried as JSON over
 * HTTP to the loopback host, with the per-launch token in a header. A call that carries
 * a file sends its bytes as the body, as they are (see `splitBytes`).
 * It runs in the page's entry, before the interface's chunk: its two error texts import the
 * interface's texts (i18next and every locale) only when they are needed, so the first
 * requests do not wait for those to download.
 */
import { BYTES_CONTENT_TYPE, encodeInputHeader, INPUT_HEADER, splitBytes } from '../../../shared/api/client'
import type { ApiTransport } from '../../../shared/api/contract'
import { TOKEN_HEADER } from '../../../shared/api/tokenHeader'
import type { Result } from '../../../shared/result'

export function createHttpTransport(token: string, fetchImpl: typeof fetch = fetch): ApiTransport {
  return async (method, input) => {
    let response: Response
    try {
      response = await fetchImpl(`/api/${method}`, { method: 'POST', ...requestFor(input, token) })
    } catch {
      const { t } = await import('../lib/i18n')
      return {
        ok: false,
        error: { code: 'internal', message: t('transport.hostGone') }
      }
    }
    try {
      return (await response.json()) as Result<unknown>
    } catch {
      const { t } = await import('../lib/i18n')
      return { ok: false, error: { code: 'internal', message: t('transport.noData', { status: response.status }) } }
    }
  }
}

function requestFor(input: unknown, token: string): { headers: Record<string, string>; body: BodyInit } {
  const split = splitBytes(input)
  if (split) {
    return {
      headers: {
        'Content-Type': BYTES_CONTENT_TYPE,
        [TOKEN_HEADER]: token,
        [INPUT_HEADER]: encodeInputHeader(split.rest)
      },
      body: split.bytes as Uint8Array<ArrayBuffer>
    }
  }
  return {
    headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
    body: JSON.stringify(input ?? {})
  }
}
