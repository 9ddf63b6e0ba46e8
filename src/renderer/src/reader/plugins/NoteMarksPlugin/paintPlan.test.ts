import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { notesToRepaint, type Painted } from './paintPlan'

function painted(colors: Record<string, string | null>, selected: string | null, dimmed: string[]): Painted {
  return { colorOf: new Map(Object.entries(colors)), selected, dimmed: new Set(dimmed) }
}

describe('which notes are painted again', () => {
  test('nothing when nothing changed', () => {
    const state = painted({ a: null, b: '#f00' }, 'a', ['b'])
    expect([...notesToRepaint(state, state)]).toEqual([])
  })

  test('a recoloured note, and no other', () => {
    expect([
      ...notesToRepaint(painted({ a: null, b: null }, null, []), painted({ a: null, b: '#f00' }, null, []))
    ]).toEqual(['b'])
  })

  test('the notes selected before and after', () => {
    expect([...notesToRepaint(painted({ a: null, b: null }, 'a', []), painted({ a: null, b: null }, 'b', []))]).toEqual(
      ['a', 'b']
    )
  })

  test('the notes whose dimming changed when the filter changes', () => {
    const before = painted({ a: null, b: null, c: null }, null, ['a', 'b'])
    const after = painted({ a: null, b: null, c: null }, null, ['b', 'c'])
    expect([...notesToRepaint(before, after)].sort()).toEqual(['a', 'c'])
  })

  test('turning the filter off repaints exactly the notes it dimmed', () => {
    const before = painted({ a: null, b: null, c: null }, null, ['a', 'c'])
    expect([...notesToRepaint(before, painted({ a: null, b: null, c: null }, null, []))].sort()).toEqual(['a', 'c'])
  })

  test('property: a note is repainted exactly when its colour, selection or dimming differs', () => {
    const ids = ['a', 'b', 'c', 'd', 'e']
    const state = fc.record({
      colors: fc.array(fc.constantFrom<string | null>(null, '#f00', '#0f0'), { minLength: 5, maxLength: 5 }),
      selected: fc.constantFrom<string | null>(null, ...ids),
      dimmed: fc.subarray(ids)
    })
    fc.assert(
      fc.property(state, state, (x, y) => {
        const before = painted(Object.fromEntries(ids.map((id, i) => [id, x.colors[i]!])), x.selected, x.dimmed)
        const after = painted(Object.fromEntries(ids.map((id, i) => [id, y.colors[i]!])), y.selected, y.dimmed)
        const repainted = notesToRepaint(before, after)
        for (const id of ids) {
          const differs =
            before.colorOf.get(id) !== after.colorOf.get(id) ||
            (before.selected === id) !== (after.selected === id) ||
            before.dimmed.has(id) !== after.dimmed.has(id)
          expect(repainted.has(id)).toBe(differs)
        }
      })
    )
  })
})
