// The contract is the trust boundary: malformed input must be refused before any service runs.
import { describe, expect, it, vi } from 'vitest'
import type { ApiHandlers } from './contract'
import { dispatchApiCall, ServiceError } from './dispatch'
import { API_METHODS, ipcChannel, isApiMethod } from './methods'
import { apiContract } from './contract'

function fakeHandlers(): ApiHandlers {
  const handlers = {} as Record<string, ReturnType<typeof vi.fn>>
  for (const method of API_METHODS) handlers[method] = vi.fn(async () => ({ called: method }))
  return handlers as unknown as ApiHandlers
}

const ARTICLE = '7f1e0b8e-3f0a-4a57-9b0e-1c2d3e4f5a6b'

describe('dispatchApiCall', () => {
  it('passes valid input to the handler and wraps the value', async () => {
    const handlers = fakeHandlers()
    const input = { articleId: ARTICLE, range: { start: 3, end: 9 }, expectedQuote: 'chef d' }
    const result = await dispatchApiCall(handlers, 'createNote', input)
    expect(result).toEqual({ ok: true, value: { called: 'createNote' } })
    expect(handlers.createNote).toHaveBeenCalledWith(input)
  })

  it.each([
    ['no input at all', undefined],
    ['a string instead of an object', 'createNote'],
    ['a missing quote', { articleId: ARTICLE, range: { start: 0, end: 4 } }],
    ['an empty quote', { articleId: ARTICLE, range: { start: 0, end: 4 }, expectedQuote: '' }],
    ['an inverted range', { articleId: ARTICLE, range: { start: 9, end: 3 }, expectedQuote: 'x' }],
    ['a negative offset', { articleId: ARTICLE, range: { start: -1, end: 3 }, expectedQuote: 'x' }],
    ['a fractional offset', { articleId: ARTICLE, range: { start: 0.5, end: 3 }, expectedQuote: 'x' }],
    ['a path as an id', { articleId: '../../library', range: { start: 0, end: 3 }, expectedQuote: 'x' }],
    ['an unexpected extra field', { articleId: ARTICLE, range: { start: 0, end: 3 }, expectedQuote: 'x', admin: true }],
    ['a number as an id', { articleId: 42, range: { start: 0, end: 3 }, expectedQuote: 'x' }]
  ])('refuses %s without calling the service', async (_case, input) => {
    const handlers = fakeHandlers()
    const result = await dispatchApiCall(handlers, 'createNote', input)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-input')
      expect(result.error.message).toMatch(/^Invalid input for createNote: /)
    }
    expect(handlers.createNote).not.toHaveBeenCalled()
  })

  it('refuses ids that name what every object inherits, before any service runs', async () => {
    const handlers = fakeHandlers()
    for (const articleId of ['__proto__', 'constructor', 'prototype', 'hasOwnProperty']) {
      const result = await dispatchApiCall(handlers, 'openArticle', { articleId })
      expect(result).toEqual({
        ok: false,
        error: { code: 'invalid-input', message: 'Invalid input for openArticle: articleId: must be an id' }
      })
    }
    expect(handlers.openArticle).not.toHaveBeenCalled()
  })

  it('refuses methods outside the contract, including prototype names', async () => {
    for (const name of ['deleteEverything', 'constructor', '__proto__', 'toString']) {
      const result = await dispatchApiCall(fakeHandlers(), name, {})
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } })
    }
  })

  it('turns a service error into its code and message, and anything else into an internal error', async () => {
    const handlers = fakeHandlers()
    handlers.deleteNote = vi.fn(async () => {
      throw new ServiceError('not-found', 'That note no longer exists.')
    })
    handlers.listArticles = vi.fn(async () => {
      throw new TypeError('boom')
    })
    expect(await dispatchApiCall(handlers, 'deleteNote', { articleId: ARTICLE, noteId: ARTICLE })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'That note no longer exists.' }
    })
    expect(await dispatchApiCall(handlers, 'listArticles', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'listArticles failed: boom' }
    })
  })
})

describe('the method list', () => {
  it('names exactly the contract methods, each on its own IPC channel', () => {
    expect([...API_METHODS].sort()).toEqual(Object.keys(apiContract).sort())
    expect(new Set(API_METHODS.map(ipcChannel)).size).toBe(API_METHODS.length)
    expect(isApiMethod('openArticle')).toBe(true)
    expect(isApiMethod('hasOwnProperty')).toBe(false)
  })
})
