import { beforeEach, describe, expect, test, vi } from 'vitest'
import * as anchoring from '../../../shared/anchoring'
import type { Note } from '../../../shared/domain/note'
import { anchorNote } from './useAnchoredNotes'

vi.mock('../../../shared/anchoring', async (importOriginal) => {
  const actual = await importOriginal<typeof anchoring>()
  return { ...actual, anchorSelectors: vi.fn(actual.anchorSelectors) }
})

const TEXT = 'Le ministre a parlé devant la commission.\n\nLa fin du texte.'

function noteOn(id: string, passage: string, text = TEXT): Note {
  const start = text.indexOf(passage)
  return {
    id,
    articleId: 'article',
    anchor: anchoring.describeRange(text, { start, end: start + passage.length }),
    text: '',
    tagIds: [],
    color: null,
    createdAt: '2025-03-03T09:00:00.000Z',
    updatedAt: '2025-03-03T09:00:00.000Z'
  }
}

describe('anchorNote', () => {
  beforeEach(() => vi.mocked(anchoring.anchorSelectors).mockClear())

  test('places a note kept in step with the text without searching for it, once per note and text', () => {
    const note = noteOn('a', 'ministre')
    const first = anchorNote(note, TEXT)
    expect(first).toEqual({ state: 'anchored', range: { start: 3, end: 11 } })
    expect(anchorNote(note, TEXT)).toBe(first)
    expect(anchoring.anchorSelectors).toHaveBeenCalledTimes(0)
  })

  test('a moved note is drawn where it is now and keeps its state', () => {
    const note = noteOn('a', 'ministre')
    const moved: Note = {
      ...note,
      anchor: noteOn('a', 'commission').anchor,
      highlighted: note.anchor,
      anchorStatus: { state: 'moved', checkedAt: '2025-03-03T09:00:00.000Z' }
    }
    expect(anchorNote(moved, TEXT)).toEqual({ state: 'moved', range: { start: 30, end: 40 } })
  })

  test('anchors again when the anchor or the text changes', () => {
    const note = noteOn('a', 'ministre')
    anchorNote(note, TEXT)
    const moved = { ...note, anchor: noteOn('a', 'commission').anchor }
    expect(anchorNote(moved, TEXT).range).toEqual({ start: 30, end: 40 })
    const edited = `Hier, ${TEXT}`
    // A text the anchor was not derived from: found again by quote and context.
    expect(anchorNote(note, edited).range).toEqual({ start: 9, end: 17 })
    expect(anchoring.anchorSelectors).toHaveBeenCalledTimes(1)
  })
})
