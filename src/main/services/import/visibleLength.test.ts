import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { visibleLength } from './visibleLength'

describe('visibleLength', () => {
  it('leaves out every kind of space and line break, and nothing else', () => {
    expect(visibleLength(' Le\u00a0«\u202fchef\u202f» \t\n\r\u000b\u000c\u2003\u2028\u3000\ufeffa dit. ')).toBe(13)
    expect(visibleLength('\u200b\u180e𝒜')).toBe(4)
    expect(visibleLength('')).toBe(0)
    expect(visibleLength(null)).toBe(0)
    expect(visibleLength(undefined)).toBe(0)
  })

  it('is the length of the text with \\s removed, for any text', () => {
    const unit = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom(' ', '\u00a0', '\u1680', '\u2000', '\u200a', '\u200b', '\u205f', '\u3000', '\ufeff', '\u0085')
    )
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('')
        expect(visibleLength(text)).toBe(text.replace(/\s+/g, '').length)
      }),
      { numRuns: 1000 }
    )
  })
})
