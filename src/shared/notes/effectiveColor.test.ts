// The one rule for a note's effective colour: the first of its tags, in its own order,
// that exists and has a colour; else its own colour; else null.
import { describe, expect, it } from 'vitest'
import { effectiveNoteColor } from './effectiveColor'

/** Tags by id, as the callers look them up; `t-plain` exists with no colour. */
const TAG_COLORS = new Map<string, string | null>([
  ['t-plain', null],
  ['t-pink', '#f472b6'],
  ['t-blue', '#2563eb']
])
const colorOfTag = (id: string) => TAG_COLORS.get(id)

describe('effectiveNoteColor', () => {
  it("takes the note's own colour when it has no tag", () => {
    expect(effectiveNoteColor({ tagIds: [], color: '#222222' }, colorOfTag)).toBe('#222222')
  })

  it('skips a first tag with no colour for the next coloured one, before the note colour', () => {
    expect(effectiveNoteColor({ tagIds: ['t-plain', 't-pink'], color: '#222222' }, colorOfTag)).toBe('#f472b6')
    expect(effectiveNoteColor({ tagIds: ['t-plain', 't-pink'], color: null }, colorOfTag)).toBe('#f472b6')
  })

  it("follows the note's tag order, not the tags' alphabetical order", () => {
    // Paths would be 'Acteurs/…' for t-blue before 'Thèmes/…' for t-pink; the note says otherwise.
    expect(effectiveNoteColor({ tagIds: ['t-pink', 't-blue'], color: null }, colorOfTag)).toBe('#f472b6')
    expect(effectiveNoteColor({ tagIds: ['t-blue', 't-pink'], color: null }, colorOfTag)).toBe('#2563eb')
  })

  it('skips a tag that no longer exists', () => {
    expect(effectiveNoteColor({ tagIds: ['t-deleted', 't-blue'], color: '#222222' }, colorOfTag)).toBe('#2563eb')
    expect(effectiveNoteColor({ tagIds: ['t-deleted'], color: '#222222' }, colorOfTag)).toBe('#222222')
  })

  it('is null when neither a tag nor the note has a colour', () => {
    expect(effectiveNoteColor({ tagIds: ['t-plain', 't-deleted'], color: null }, colorOfTag)).toBeNull()
    expect(effectiveNoteColor({ tagIds: [], color: null }, colorOfTag)).toBeNull()
  })
})
