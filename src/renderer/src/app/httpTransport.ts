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
import english from '../locales/en/common'

export function createHttpTransport(token: string, fetchImpl: typeof fetch = fetch): ApiTransport {
  return async (method, input) => {
    let response: Response
    try {
      response = await fetchImpl(`/api/${method}`, { method: 'POST', ...requestFor(input, token) })
    } catch {
      return failure(await transportText('hostGone'))
    }
    try {
      return (await response.json()) as Result<unknown>
    } catch {
      return failure(await transportText('noData', response.status))
    }
  }
}

function failure(message: string): Result<never> {
  return { ok: false, error: { code: 'internal', message } }
}

/**
 * A transport failure in the interface's language. When the texts cannot load either (the
 * host stopped before the interface's chunk came), the English text still answers: a call
 * must end with a result, never with a rejected import.
 */
async function transportText(key: 'hostGone' | 'noData', status = 0): Promise<string> {
  try {
    const { t } = await import('../lib/i18n')
    return key === 'hostGone' ? t('transport.hostGone') : t('transport.noData', { status })
  } catch {
    return english.transport[key].replace('{{status}}', String(status))
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
