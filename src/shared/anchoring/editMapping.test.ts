/**
 * A highlight carried through an edit must land on its own characters, never on the same
 * words elsewhere. The tables replay the edits an analyst reported on the French sample;
 * the properties run thousands of random single edits against an oracle that needs no
 * diff library: one edit's changed region is what remains after the common prefix and
 * then the common suffix of the two texts are set aside.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { diffTexts, mapPoint, mapRange, MIN_TRUSTED_EQUALITY, type MappedRange } from './editMapping'
import type { TextRange } from './selectors'
import { rangeOf, REPEATING_FRENCH_PIECES, splice } from './testing/passages'

const SAMPLE =
  "Le chef d'état-major de l'armée israélienne, le lieutenant-général Aviv Kochavi, a démarré lundi sa visite au Maroc. " +
  'Alors que le voyage du lieutenant-général Aviv Kochavi a été présenté par Israël, Rabat a également tenté de négocier. ' +
  'Le logiciel espion Pegasus, fabriqué en Israël, a été vendu au Maroc ; Pegasus aurait servi contre des journalistes.'

function carry(oldText: string, newText: string, range: TextRange): MappedRange {
  return mapRange(diffTexts(oldText, newText), range)
}

function covered(text: string, mapped: MappedRange): string | null {
  return mapped.fate === 'deleted' ? null : text.slice(mapped.range.start, mapped.range.end)
}

describe('carrying a highlight through an edit made in Dossier', () => {
  it('the first « Aviv Kochavi » changed to « A. Kochavi » stays on the first, changed', () => {
    const first = rangeOf(SAMPLE, 'lieutenant-général Aviv Kochavi', 1)
    const edited = splice(SAMPLE, first, 'lieutenant-général A. Kochavi')
    const mapped = carry(SAMPLE, edited, first)
    expect(mapped).toEqual({ fate: 'changed', range: { start: first.start, end: first.end - 2 } })
    expect(covered(edited, mapped)).toBe('lieutenant-général A. Kochavi')
  })

  it('the second « Pegasus » replaced by « ce logiciel » is deleted, not moved to the first', () => {
    const second = rangeOf(SAMPLE, 'Pegasus', 2)
    const edited = splice(SAMPLE, { start: second.start, end: second.start + 7 }, 'ce logiciel')
    expect(carry(SAMPLE, edited, second)).toEqual({ fate: 'deleted', at: second.start })
  })

  it('a one-word highlight whose word is deleted is deleted even though the word occurs elsewhere', () => {
    const israel = rangeOf(SAMPLE, 'Israël', 2)
    const edited = splice(SAMPLE, { start: israel.start - 2, end: israel.end }, '')
    expect(carry(SAMPLE, edited, israel)).toEqual({ fate: 'deleted', at: israel.start - 2 })
  })

  it('a dateline prepended shifts every highlight by its length, even a short word', () => {
    const le = rangeOf(SAMPLE, 'Le', 1)
    const edited = 'Rabat (AFP) – ' + SAMPLE
    expect(carry(SAMPLE, edited, le)).toEqual({ fate: 'intact', range: { start: 14, end: 16 } })
  })

  it('typing just after or just before a highlight does not stretch it', () => {
    const rabat = rangeOf(SAMPLE, 'Rabat')
    expect(carry(SAMPLE, splice(SAMPLE, { start: rabat.end, end: rabat.end }, ' (capitale)'), rabat)).toEqual({
      fate: 'intact',
      range: rabat
    })
    expect(carry(SAMPLE, splice(SAMPLE, { start: rabat.start, end: rabat.start }, 'la ville de '), rabat)).toEqual({
      fate: 'intact',
      range: { start: rabat.start + 12, end: rabat.end + 12 }
    })
  })

  it('text inserted inside a highlight changes it and is covered by it', () => {
    const quote = rangeOf(SAMPLE, 'a démarré lundi sa visite')
    const edited = splice(SAMPLE, { start: quote.start + 15, end: quote.start + 15 }, ' 18 juillet')
    const mapped = carry(SAMPLE, edited, quote)
    expect(mapped.fate).toBe('changed')
    expect(covered(edited, mapped)).toBe('a démarré lundi 18 juillet sa visite')
  })

  it('two edits far apart in one save leave the text between them, and its highlights, intact', () => {
    const rabat = rangeOf(SAMPLE, 'Rabat a également tenté')
    const edited = SAMPLE.replace("Le chef d'état-major", "Le chef de l'état-major").replace(
      'contre des journalistes',
      'contre des reporters'
    )
    const mapped = carry(SAMPLE, edited, rabat)
    expect(mapped).toEqual({ fate: 'intact', range: { start: rabat.start + 3, end: rabat.end + 3 } })
  })

  it('letters a retyped word happens to share with the old one are not trusted', () => {
    // A minimal diff keeps the « g » of « Pegasus » inside « ce logiciel »; it is retyped text.
    const g = rangeOf(SAMPLE, 'g', SAMPLE.slice(0, rangeOf(SAMPLE, 'Pegasus', 2).start).split('g').length)
    expect(SAMPLE.slice(g.start - 2, g.end + 4)).toBe('Pegasus')
    const edited = SAMPLE.replace(/Pegasus aurait/, 'ce logiciel aurait')
    expect(carry(SAMPLE, edited, g).fate).toBe('deleted')
  })

  it('no change, no hunk', () => {
    expect(diffTexts(SAMPLE, SAMPLE)).toEqual([])
    expect(carry(SAMPLE, SAMPLE, { start: 3, end: 7 })).toEqual({ fate: 'intact', range: { start: 3, end: 7 } })
  })

  it('maps a point inside a deleted stretch to where the stretch stood', () => {
    const hunks = diffTexts('abcdefghij', 'abij')
    expect(hunks).toEqual([{ oldStart: 2, oldEnd: 8, newStart: 2, newEnd: 2 }])
    expect(mapPoint(hunks, 5)).toBe(2)
    expect(mapPoint(hunks, 9)).toBe(3)
    expect(mapPoint(hunks, 1)).toBe(1)
  })
})

/** The oracle: one edit's changed region, from the two texts alone. */
function canonicalRegion(oldText: string, newText: string): { start: number; oldEnd: number; newEnd: number } {
  let prefix = 0
  const shorter = Math.min(oldText.length, newText.length)
  while (prefix < shorter && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix += 1
  let suffix = 0
  while (
    suffix < shorter - prefix &&
    oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)
  ) {
    suffix += 1
  }
  return { start: prefix, oldEnd: oldText.length - suffix, newEnd: newText.length - suffix }
}

/** What the oracle says becomes of a range through that region. */
function expectedFate(oldText: string, newText: string, range: TextRange): MappedRange {
  const region = canonicalRegion(oldText, newText)
  const growth = region.newEnd - region.start - (region.oldEnd - region.start)
  const isInsertion = region.oldEnd === region.start
  if (oldText === newText || region.oldEnd <= range.start) {
    return {
      fate: 'intact',
      range: {
        start: range.start + (oldText === newText ? 0 : growth),
        end: range.end + (oldText === newText ? 0 : growth)
      }
    }
  }
  if (region.start >= range.end) return { fate: 'intact', range }
  if (isInsertion && (region.start <= range.start || region.start >= range.end)) {
    return region.start <= range.start
      ? { fate: 'intact', range: { start: range.start + growth, end: range.end + growth } }
      : { fate: 'intact', range }
  }
  if (region.start <= range.start && region.oldEnd >= range.end) return { fate: 'deleted', at: region.start }
  return {
    fate: 'changed',
    range: {
      start: region.start <= range.start ? region.start : range.start,
      end: region.oldEnd >= range.end ? region.newEnd : range.end + growth
    }
  }
}

const articleText = fc
  .array(fc.constantFrom(...REPEATING_FRENCH_PIECES), { minLength: 3, maxLength: 40 })
  .map((parts) => parts.join(''))
// Short enough that the old and new middles of an edit can never share a trusted stretch.
const insertedText = fc
  .array(fc.constantFrom('Pegasus', 'le', ' ', 'é', 'e\u0301', '’', "'", 'Israël', 'x', 'a'), { maxLength: 3 })
  .map((parts) => parts.join('').slice(0, MIN_TRUSTED_EQUALITY - 1))

const scenario = articleText.chain((text) =>
  fc
    .record({
      noteStart: fc.nat({ max: text.length - 1 }),
      noteLength: fc.integer({ min: 1, max: 24 }),
      editAt: fc.nat({ max: text.length }),
      removed: fc.nat({ max: 30 }),
      inserted: insertedText,
      // Edits placed exactly over, at the edges of, and across the highlight, not only at random.
      placement: fc.constantFrom('random', 'over', 'start', 'end', 'across-start', 'across-end')
    })
    .map(({ noteStart, noteLength, editAt, removed, inserted, placement }) => {
      const range = { start: noteStart, end: Math.min(text.length, noteStart + noteLength) }
      const length = range.end - range.start
      const [at, cut] =
        placement === 'over'
          ? [range.start, length]
          : placement === 'start'
            ? [range.start, 0]
            : placement === 'end'
              ? [range.end, 0]
              : placement === 'across-start'
                ? [Math.max(0, range.start - 3), Math.min(length, 3) + 3]
                : placement === 'across-end'
                  ? [Math.max(range.start, range.end - 2), 5]
                  : [editAt, removed]
      const editStart = Math.min(at, text.length)
      const newText = splice(
        text,
        { start: editStart, end: editStart + Math.min(cut, text.length - editStart) },
        inserted
      )
      return { text, range, newText }
    })
)

describe('carrying a highlight through random single edits (fast-check)', () => {
  it('lands exactly on the image of its own characters, or is deleted', () => {
    fc.assert(
      fc.property(scenario, ({ text, range, newText }) => {
        expect(carry(text, newText, range)).toEqual(expectedFate(text, newText, range))
      }),
      { numRuns: 5000 }
    )
  })

  it('an intact highlight covers exactly the words that were highlighted', () => {
    fc.assert(
      fc.property(scenario, ({ text, range, newText }) => {
        const mapped = carry(text, newText, range)
        if (mapped.fate === 'intact') expect(covered(newText, mapped)).toBe(text.slice(range.start, range.end))
      }),
      { numRuns: 3000 }
    )
  })

  it('the edit and its undo bring a surviving highlight back to where it was', () => {
    fc.assert(
      fc.property(scenario, ({ text, range, newText }) => {
        const there = carry(text, newText, range)
        if (there.fate !== 'intact') return
        expect(carry(newText, text, there.range)).toEqual({ fate: 'intact', range })
      }),
      { numRuns: 2000 }
    )
  })
})
