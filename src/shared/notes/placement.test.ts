/**
 * What a note stores after its article's text changes: the reproductions an analyst
 * reported on the sample (each one a note that used to land on the same words elsewhere,
 * still "anchored"), the undo that must bring every note back exactly, text replaced from
 * outside, and properties over thousands of random edits.
 */
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { describeRange } from '../anchoring/anchor'
import { mapRange } from '../anchoring/editMapping'
import type { TextRange } from '../anchoring/selectors'
import type { Note } from '../domain/note'
import { carryNoteThroughEdit, placeNote, planEdit, reanchorNoteInNewText } from './placement'
import { rangeOf, REPEATING_FRENCH_PIECES, splice } from '../anchoring/testing/passages'
import { foldSpaceKinds } from '../text/spaceKinds'

const SAMPLE = fs.readFileSync(path.join(__dirname, '../../../resources/sample-article.txt'), 'utf8').trim()
const CHECKED = '2026-12-01T10:00:00.000Z'

function noteOn(text: string, range: TextRange): Note {
  return {
    id: 'n1',
    articleId: 'a1',
    anchor: describeRange(text, range),
    text: '',
    tagIds: [],
    color: null,
    createdAt: CHECKED,
    updatedAt: CHECKED
  }
}

function edit(note: Note, oldText: string, newText: string): Note {
  return carryNoteThroughEdit(note, oldText, newText, planEdit(oldText, newText), CHECKED)
}

describe('a note carried through an edit made in Dossier', () => {
  it('the first « Aviv Kochavi » changed to « A. Kochavi » stays on the first, moved; putting the words back restores it exactly', () => {
    const first = rangeOf(SAMPLE, 'lieutenant-général Aviv Kochavi', 1)
    const note = noteOn(SAMPLE, first)
    const edited = splice(SAMPLE, rangeOf(SAMPLE, 'Aviv Kochavi', 1), 'A. Kochavi')

    const moved = edit(note, SAMPLE, edited)
    expect(moved.anchorStatus).toEqual({ state: 'moved', checkedAt: CHECKED })
    expect(moved.anchor.position).toEqual({ type: 'TextPositionSelector', start: first.start, end: first.end - 2 })
    expect(moved.anchor.quote.exact).toBe('lieutenant-général A. Kochavi')
    expect(moved.highlighted).toEqual(note.anchor)
    expect(placeNote(edited, moved)).toEqual({ state: 'moved', range: { start: first.start, end: first.end - 2 } })

    expect(edit(moved, edited, SAMPLE)).toEqual(note)
  })

  it('the second « Pegasus » replaced by « ce logiciel » is orphaned, not moved onto the first; undo brings it back', () => {
    const second = rangeOf(SAMPLE, 'Pegasus', 2)
    const note = noteOn(SAMPLE, second)
    const edited = splice(SAMPLE, second, 'ce logiciel')

    const orphaned = edit(note, SAMPLE, edited)
    expect(orphaned.anchorStatus).toEqual({ state: 'orphaned', checkedAt: CHECKED, lastSeenAt: second.start })
    expect(placeNote(edited, orphaned)).toEqual({ state: 'orphaned', range: null })

    expect(edit(orphaned, edited, SAMPLE)).toEqual(note)
  })

  it('an orphan comes back when its words return two saves later, further along after other typing', () => {
    const second = rangeOf(SAMPLE, 'Pegasus', 2)
    const note = noteOn(SAMPLE, second)
    const deleted = splice(SAMPLE, second, '')
    const orphaned = edit(note, SAMPLE, deleted)
    const retitled = 'Rabat (AFP) – ' + deleted
    const stillOrphaned = edit(orphaned, deleted, retitled)
    expect(stillOrphaned.anchorStatus).toEqual({ state: 'orphaned', checkedAt: CHECKED, lastSeenAt: second.start + 14 })

    const restored = 'Rabat (AFP) – ' + SAMPLE
    const back = edit(stillOrphaned, retitled, restored)
    expect(back.anchorStatus).toBeUndefined()
    expect(back.anchor.position).toEqual({
      type: 'TextPositionSelector',
      start: second.start + 14,
      end: second.end + 14
    })
    expect(back.highlighted).toEqual(note.anchor)
  })

  it('a dateline prepended moves a short word with its text, and the note keeps what was highlighted', () => {
    const le = rangeOf(SAMPLE, ' le ', 2)
    const note = noteOn(SAMPLE, { start: le.start + 1, end: le.end - 1 })
    const edited = 'Rabat (AFP) – ' + SAMPLE

    const shifted = edit(note, SAMPLE, edited)
    expect(shifted.anchorStatus).toBeUndefined()
    expect(shifted.anchor.position).toEqual({ type: 'TextPositionSelector', start: le.start + 15, end: le.end + 13 })
    expect(shifted.highlighted).toEqual(note.anchor)
    expect(edit(shifted, edited, SAMPLE)).toEqual(note)
  })

  it('a note untouched by the edit is the same object, so nothing is written for it', () => {
    const note = noteOn(SAMPLE, rangeOf(SAMPLE, 'Rabat a également tenté'))
    const edited = SAMPLE + ' Fin.'
    expect(edit(note, SAMPLE, edited)).toBe(note)
  })
})

describe('a note placed in text from outside Dossier', () => {
  const paragraphs = [
    "Le chef d'état-major de l'armée israélienne, le lieutenant-général Aviv Kochavi, a démarré lundi sa visite au Maroc.",
    'Rabat a également tenté de négocier de meilleures conditions pour les Palestiniens, selon une source proche du dossier.',
    'Le logiciel espion Pegasus, fabriqué en Israël, a été vendu au Maroc, affirment des journalistes.'
  ]
  const before = paragraphs.join('\n\n')
  const reordered = [paragraphs[2], paragraphs[0], paragraphs[1]].join('\n\n')

  it('follows a paragraph that moved, by its quote and context', () => {
    const note = noteOn(before, rangeOf(before, 'Rabat a également tenté de négocier'))
    const placed = reanchorNoteInNewText(note, reordered, CHECKED)
    expect(placed.anchorStatus).toBeUndefined()
    expect(placed.anchor.position).toEqual({
      type: 'TextPositionSelector',
      ...rangeOf(reordered, 'Rabat a également tenté de négocier')
    })
  })

  it('asks the user about a short word whose context is gone, rather than anchoring it', () => {
    const note = noteOn(before, rangeOf(before, 'Maroc', 1))
    const rewritten = reordered.replace('sa visite au Maroc.', 'sa tournée régionale.')
    const placed = reanchorNoteInNewText(note, rewritten, CHECKED)
    expect(placed.anchorStatus?.state).not.toBeUndefined()
  })
})

// ---------------------------------------------------------------------------------------
// Properties

const articleText = fc
  .array(fc.constantFrom(...REPEATING_FRENCH_PIECES), { minLength: 3, maxLength: 40 })
  .map((parts) => parts.join(''))
const insertedText = fc
  .array(fc.constantFrom('Pegasus', 'le', ' ', 'é', 'e\u0301', '’', "'", 'Israël', 'x'), { maxLength: 3 })
  .map((parts) => parts.join(''))

const scenario = articleText.chain((text) =>
  fc
    .record({
      noteStart: fc.nat({ max: text.length - 1 }),
      noteLength: fc.integer({ min: 1, max: 24 }),
      editAt: fc.nat({ max: text.length }),
      removed: fc.nat({ max: 30 }),
      inserted: insertedText,
      over: fc.boolean()
    })
    .map(({ noteStart, noteLength, editAt, removed, inserted, over }) => {
      const range = { start: noteStart, end: Math.min(text.length, noteStart + noteLength) }
      const editRange = over
        ? range
        : { start: Math.min(editAt, text.length), end: Math.min(text.length, editAt + removed) }
      return { text, range, newText: splice(text, editRange, inserted) }
    })
)

describe('notes through random edits (fast-check)', () => {
  it('anchored only on the image of its own characters with the same words; otherwise moved onto that image, or orphaned', () => {
    fc.assert(
      fc.property(scenario, ({ text, range, newText }) => {
        const note = noteOn(text, range)
        const after = edit(note, text, newText)
        const mapped = mapRange(planEdit(text, newText), range)
        const placed = placeNote(newText, after)
        if (mapped.fate === 'deleted') {
          // Only words put back with their whole context may anchor it again.
          if (placed.state !== 'orphaned') {
            expect(placed.state).toBe('anchored')
            expect(after.anchor.quote).toEqual(note.anchor.quote)
          }
          return
        }
        if (placed.state === 'anchored' && placed.range !== null) {
          // The same words: only the kind of a space may differ (a no-break one typed for an ordinary one).
          expect(foldSpaceKinds(newText.slice(placed.range.start, placed.range.end))).toBe(
            foldSpaceKinds(note.anchor.quote.exact)
          )
          if (placed.range.start !== mapped.range.start || placed.range.end !== mapped.range.end) {
            expect(after.anchor.quote).toEqual(note.anchor.quote)
          }
          return
        }
        expect(placed).toEqual({ state: 'moved', range: mapped.range })
      }),
      { numRuns: 4000 }
    )
  })

  it('undoing the edit brings the note back exactly as it was stored', () => {
    fc.assert(
      fc.property(scenario, ({ text, range, newText }) => {
        const note = noteOn(text, range)
        expect(edit(edit(note, text, newText), newText, text)).toEqual(note)
      }),
      { numRuns: 4000 }
    )
  })
})

// Text from outside: a newer version with its paragraphs reordered and some rewritten.
const SENTENCES = [
  'Le lieutenant-général Aviv Kochavi a démarré lundi sa visite au Maroc.',
  'Rabat a également tenté de négocier pour les Palestiniens.',
  'Le logiciel espion Pegasus a été fabriqué en Israël.',
  'Israël et le Maroc ont établi des relations en 2020.',
  'Le Maroc a nié une allégation d’Amnesty International.',
  "Pegasus aurait servi contre des journalistes, selon l'enquête."
]
const newerVersion = fc
  .record({
    paragraphs: fc.array(fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 3 }), {
      minLength: 2,
      maxLength: 6
    }),
    order: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
    rewritten: fc.nat({ max: 5 }),
    note: fc.record({ paragraph: fc.nat(), start: fc.nat(), length: fc.integer({ min: 2, max: 30 }) })
  })
  .map(({ paragraphs, order, rewritten, note }) => {
    const before = paragraphs.map((sentences) => sentences.join(' '))
    const ranked = before.map((text, index) => ({ text, key: order[index % order.length]! + index / 100 }))
    const after = ranked
      .sort((a, b) => a.key - b.key)
      .map(({ text }, index) => (index === rewritten % ranked.length ? text.replace(/e/g, 'é') : text))
    const oldText = before.join('\n\n')
    const paragraph = before[note.paragraph % before.length]!
    const paragraphStart = oldText.indexOf(paragraph)
    const start = paragraphStart + (note.start % paragraph.length)
    const range = { start, end: Math.min(paragraphStart + paragraph.length, start + note.length) }
    return { oldText, newText: after.join('\n\n'), range }
  })
  .filter(({ range }) => range.end > range.start)

describe('notes placed in a newer version from outside (fast-check)', () => {
  it('anchored only where the quote and its context both hold; otherwise moved or orphaned', () => {
    fc.assert(
      fc.property(newerVersion, ({ oldText, newText, range }) => {
        const note = noteOn(oldText, range)
        const placed = reanchorNoteInNewText(note, newText, CHECKED)
        const at = placeNote(newText, placed)
        if (at.state !== 'anchored') return
        const { exact, prefix, suffix } = note.anchor.quote
        expect(newText.slice(at.range!.start, at.range!.end)).toBe(exact)
        let before = 0
        while (before < prefix.length && newText[at.range!.start - 1 - before] === prefix[prefix.length - 1 - before])
          before += 1
        let after = 0
        while (after < suffix.length && newText[at.range!.end + after] === suffix[after]) after += 1
        const unique = newText.indexOf(exact) === newText.lastIndexOf(exact)
        const atEdge =
          (before === prefix.length && at.range!.start === prefix.length) ||
          (after === suffix.length && at.range!.end + suffix.length === newText.length)
        expect(before + after >= 12 || atEdge || (unique && exact.length >= 40)).toBe(true)
      }),
      { numRuns: 3000 }
    )
  })
})
