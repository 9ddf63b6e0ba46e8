import { describe, expect, it } from 'vitest'
import { chordLabel, chordMatches, dispatchKey, scopeAllows, type Shortcut } from './shortcuts'
import { press } from './testing/keyPress'

describe('chordMatches', () => {
  it.each([
    ['a letter in either case', { key: 'j' }, press('J', { shiftKey: true }), true],
    ['a plain key never with Ctrl', { key: 'j' }, press('j', { ctrlKey: true }), false],
    ['Ctrl as the modifier', { key: 'k', mod: true }, press('k', { ctrlKey: true }), true],
    ['Cmd as the modifier', { key: 'k', mod: true }, press('k', { metaKey: true }), true],
    ['no modifier where one is needed', { key: 'k', mod: true }, press('k'), false],
    ['never with Alt', { key: 'k', mod: true }, press('k', { ctrlKey: true, altKey: true }), false],
    ['Shift required', { key: 'z', mod: true, shift: true }, press('Z', { ctrlKey: true, shiftKey: true }), true],
    ['Shift forbidden', { key: 'z', mod: true, shift: false }, press('Z', { ctrlKey: true, shiftKey: true }), false],
    ['a named key exactly', { key: 'Enter' }, press('Enter'), true],
    ['a named key is not a letter', { key: 'Escape' }, press('escape'), false],
    ['a symbol whatever Shift it took', { key: '?' }, press('?', { shiftKey: true }), true]
  ])('%s', (_case, chord, keyPress, expected) => {
    expect(chordMatches(chord, keyPress)).toBe(expected)
  })
})

describe('scopeAllows', () => {
  const field = press('h', { inTextField: true })
  const text = press('h', { inTextField: true, inReadingText: true })
  const page = press('h')
  it.each([
    ['anywhere', [true, true, true]],
    ['outside-fields', [false, false, true]],
    ['reading', [false, true, true]],
    ['reading-text', [false, true, false]]
  ] as const)('%s: in a field, in the article text, elsewhere on the page', (scope, expected) => {
    expect([scopeAllows(scope, field), scopeAllows(scope, text), scopeAllows(scope, page)]).toEqual(expected)
  })
})

describe('dispatchKey', () => {
  const log: string[] = []
  const table: Shortcut<string[]>[] = [
    {
      id: 'undo',
      chords: [{ key: 'z', mod: true, shift: false }],
      scope: 'outside-fields',
      label: 'Undo',
      group: 'History',
      run: (l) => (l.push('undo'), true)
    },
    {
      id: 'nothing-selected',
      chords: [{ key: 'h' }],
      scope: 'reading',
      label: 'Highlight',
      group: 'Reading',
      run: (l) => (l.push('tried h'), false)
    },
    {
      id: 'fallback',
      chords: [{ key: 'h' }],
      scope: 'anywhere',
      label: 'Other',
      group: 'Reading',
      run: (l) => (l.push('fallback'), true)
    }
  ]

  it('runs the shortcut the press means and says it was handled', () => {
    log.length = 0
    expect(dispatchKey(table, press('z', { ctrlKey: true }), log)).toBe(true)
    expect(log).toEqual(['undo'])
  })

  it('leaves a press alone outside the scope of its shortcut', () => {
    log.length = 0
    expect(dispatchKey(table, press('z', { ctrlKey: true, inTextField: true }), log)).toBe(false)
    expect(log).toEqual([])
  })

  it('tries the next shortcut for the same keys when one did not apply', () => {
    log.length = 0
    expect(dispatchKey(table, press('h'), log)).toBe(true)
    expect(log).toEqual(['tried h', 'fallback'])
  })
})

describe('chordLabel', () => {
  it.each([
    [{ key: 'k', mod: true }, false, 'Ctrl K'],
    [{ key: 'k', mod: true }, true, '⌘ K'],
    [{ key: 'z', mod: true, shift: true }, false, 'Ctrl Shift Z'],
    [{ key: '/' }, false, '/'],
    [{ key: 'Enter' }, false, 'Enter']
  ])('%o (Mac: %s) reads %s', (chord, mac, expected) => {
    expect(chordLabel(chord, mac)).toBe(expected)
  })
})

describe('chordLabel in another language', () => {
  const french = { ctrl: 'Ctrl', shift: 'Maj', keys: { Enter: 'Entrée', Escape: 'Échap' } }
  it.each([
    [{ key: 'z', mod: true, shift: true }, 'Ctrl Maj Z'],
    [{ key: 'Enter' }, 'Entrée'],
    [{ key: 'Escape' }, 'Échap'],
    [{ key: 'Tab' }, 'Tab'],
    [{ key: ',', mod: true }, 'Ctrl ,']
  ])('%o reads %s', (chord, expected) => {
    expect(chordLabel(chord, false, french)).toBe(expected)
  })
})
