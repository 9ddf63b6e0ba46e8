import { describe, expect, it } from 'vitest'
import { compareNotePositions, compareSpans } from './noteOrder'

const at = (id: string, start: number, end: number) => ({ id, anchor: { position: { start, end } } })

describe('compareSpans', () => {
  it.each([
    [{ start: 0, end: 5 }, { start: 3, end: 4 }, -3],
    [{ start: 3, end: 4 }, { start: 0, end: 5 }, 3],
    [{ start: 2, end: 4 }, { start: 2, end: 9 }, -5],
    [{ start: 2, end: 9 }, { start: 2, end: 9 }, 0]
  ])('%o against %o gives %d', (a, b, expected) => {
    expect(compareSpans(a, b)).toBe(expected)
  })
})

describe('compareNotePositions', () => {
  it('sorts notes by start, then by end', () => {
    const notes = [at('c', 10, 20), at('a', 0, 8), at('d', 10, 12), at('b', 4, 6)]
    expect([...notes].sort(compareNotePositions).map((note) => note.id)).toEqual(['a', 'b', 'd', 'c'])
  })
})
