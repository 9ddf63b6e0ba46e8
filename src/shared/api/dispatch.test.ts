import { describe, expect, it } from 'vitest'
import type { ApiHandlers } from './contract'
import { dispatchApiCall, ServiceError } from './dispatch'

/** Handlers whose updateNote throws what the storage layer threw. */
function failingWith(error: unknown): ApiHandlers {
  return {
    updateNote: async () => {
      throw error
    }
  } as unknown as ApiHandlers
}

const NOTE = { articleId: 'a1', noteId: 'n1', changes: { text: 'Texte' } }

function nodeError(code: string): Error {
  return Object.assign(new Error(`${code}: something happened, write`), { code })
}

describe('dispatchApiCall turns thrown errors into results a person can read', () => {
  it('a full disk says so and that the change was not saved', async () => {
    expect(await dispatchApiCall(failingWith(nodeError('ENOSPC')), 'updateNote', NOTE)).toEqual({
      ok: false,
      error: {
        code: 'storage-failed',
        message: 'The disk is full: your last change was not saved.',
        why: { code: 'storage.diskFull', params: {} }
      }
    })
  })

  it('a read-only data folder says Dossier may not write there', async () => {
    expect(await dispatchApiCall(failingWith(nodeError('EROFS')), 'updateNote', NOTE)).toEqual({
      ok: false,
      error: {
        code: 'storage-failed',
        message: 'Dossier may not write to its data folder: your last change was not saved.',
        why: { code: 'storage.notWritable', params: {} }
      }
    })
  })

  it("keeps a service error's own code and message", async () => {
    expect(
      await dispatchApiCall(
        failingWith(new ServiceError('not-found', 'That note no longer exists.')),
        'updateNote',
        NOTE
      )
    ).toEqual({ ok: false, error: { code: 'not-found', message: 'That note no longer exists.' } })
  })

  it('anything else is an internal error naming the method', async () => {
    expect(await dispatchApiCall(failingWith(new Error('boom')), 'updateNote', NOTE)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'updateNote failed: boom' }
    })
  })
})

describe('a file travels as bytes', () => {
  const importing = {
    importFile: async ({ name, bytes }: { name: string; bytes: Uint8Array }) => `${name}: ${bytes.byteLength} bytes`
  } as unknown as ApiHandlers

  it('reaches the service as the very bytes sent', async () => {
    expect(await dispatchApiCall(importing, 'importFile', { name: 'a.txt', bytes: new Uint8Array(3) })).toEqual({
      ok: true,
      value: 'a.txt: 3 bytes'
    })
  })

  it.each([
    ['base64 text', { name: 'a.txt', dataBase64: 'SGk=' }],
    ['an array of numbers', { name: 'a.txt', bytes: [72, 105] }],
    ['bytes far over the import limit', { name: 'a.txt', bytes: new Uint8Array(31 * 1024 * 1024) }]
  ])('refuses %s', async (_, input) => {
    const result = await dispatchApiCall(importing, 'importFile', input)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('invalid-input')
  })
})
