// How a call that carries a file is split for browser mode: bytes as the body, the rest in a header.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeInputHeader, encodeInputHeader, splitBytes } from './client'

describe('splitBytes', () => {
  it('takes the bytes out of an input that carries a file', () => {
    const bytes = new Uint8Array([1, 2, 3])
    const split = splitBytes({ articleId: 'a1', name: 'note.txt', bytes })
    expect(split?.bytes).toBe(bytes)
    expect(split?.rest).toEqual({ articleId: 'a1', name: 'note.txt' })
  })

  it.each([
    ['no input', undefined],
    ['a plain input', { articleId: 'a1' }],
    ['bytes that are not bytes', { name: 'a.txt', bytes: [1, 2, 3] }],
    ['a string', 'bytes']
  ])('leaves %s to JSON', (_, input) => {
    expect(splitBytes(input)).toBeNull()
  })
})

describe('the input header', () => {
  it('carries names in any script and reads back the same', () => {
    const rest = { name: 'تقرير « défense » ‮txt.exe', allowDuplicate: true }
    const header = encodeInputHeader(rest)
    expect(header).toMatch(/^[\x21-\x7e]+$/)
    expect(decodeInputHeader(header)).toEqual(rest)
  })

  it('reads back any file name unchanged, in ASCII on the wire', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 255 }), (name) => {
        const header = encodeInputHeader({ name })
        expect(header).toMatch(/^[\x21-\x7e]+$/)
        expect(decodeInputHeader(header)).toEqual({ name })
      })
    )
  })

  it.each([
    ['an array', encodeURIComponent('[1]')],
    ['null', 'null'],
    ['a number', '42']
  ])('refuses %s', (_, header) => {
    expect(() => decodeInputHeader(header)).toThrow('the x-dossier-input header must hold a JSON object')
  })
})
