import { describe, expect, it } from 'vitest'
import { isolateBidi } from './bidi'

describe('isolateBidi', () => {
  it('wraps a name in a first-strong isolate', () => {
    expect(isolateBidi('rapport.txt')).toBe('\u2068rapport.txt\u2069')
  })

  it('drops overrides and isolates the name holds, so none leaks past the closing mark', () => {
    expect(isolateBidi('evil\u202etxt.exe')).toBe('\u2068eviltxt.exe\u2069')
    expect(isolateBidi('a\u2067b\u2069\u2069c')).toBe('\u2068abc\u2069')
  })

  it('keeps right-to-left letters as they are', () => {
    expect(isolateBidi('تقرير.txt')).toBe('\u2068تقرير.txt\u2069')
  })
})
