import { describe, expect, it } from 'vitest'
import { errorMessage } from './errorMessage'

describe('errorMessage', () => {
  it.each([
    ['an Error gives its message', new Error('disk full'), 'disk full'],
    ['a subclass gives its message', new TypeError('not a number'), 'not a number'],
    ['a thrown string is the message', 'refused', 'refused'],
    ['anything else is written out', 42, '42'],
    ['undefined says so', undefined, 'undefined']
  ])('%s', (_case, thrown, expected) => {
    expect(errorMessage(thrown)).toBe(expected)
  })
})
