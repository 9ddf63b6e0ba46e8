// What the browser transport answers when the host cannot be reached or answers without data:
// a failed Result worded for the person, never a rejected promise.
import { afterEach, describe, expect, it, vi } from 'vitest'

const refusedFetch = (() => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch
const emptyAnswer = (() => Promise.resolve(new Response('', { status: 502 }))) as unknown as typeof fetch

afterEach(() => {
  vi.doUnmock('../lib/i18n')
  vi.resetModules()
})

describe('the browser transport’s failures', () => {
  it('says the host is gone when the request cannot be sent', async () => {
    const { createHttpTransport } = await import('./httpTransport')
    await expect(createHttpTransport('token', refusedFetch)('listArticles', {})).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'Dossier is not running any more: restart it and reload this page.' }
    })
  })

  it('names the status of an answer without data', async () => {
    const { createHttpTransport } = await import('./httpTransport')
    await expect(createHttpTransport('token', emptyAnswer)('listArticles', {})).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'Dossier answered 502 without data.' }
    })
  })

  it('still answers in English when the interface texts cannot load (the host stopped first)', async () => {
    vi.doMock('../lib/i18n', () => {
      throw new TypeError('Failed to fetch dynamically imported module')
    })
    const { createHttpTransport } = await import('./httpTransport')
    await expect(createHttpTransport('token', refusedFetch)('listArticles', {})).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'Dossier is not running any more: restart it and reload this page.' }
    })
    await expect(createHttpTransport('token', emptyAnswer)('listArticles', {})).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'Dossier answered 502 without data.' }
    })
  })
})
