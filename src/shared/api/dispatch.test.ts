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
      error: { code: 'storage-failed', message: 'The disk is full: your last change was not saved.' }
    })
  })

  it('a read-only data folder says Dossier may not write there', async () => {
    expect(await dispatchApiCall(failingWith(nodeError('EROFS')), 'updateNote', NOTE)).toEqual({
      ok: false,
      error: {
        code: 'storage-failed',
        message: 'Dossier may not write to its data folder: your last change was not saved.'
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
