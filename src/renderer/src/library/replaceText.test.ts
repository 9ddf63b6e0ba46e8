// What the analyst is told after replacing an article's text: how many notes need review.
import { describe, expect, it } from 'vitest'
import type { NoteAnchorStatus } from '../../../shared/domain/note'
import { summariseReplacement } from './replaceText'

const CHECKED = '2024-01-01T00:00:00.000Z'
const anchored = { anchorStatus: undefined }
const moved = { anchorStatus: { state: 'moved', checkedAt: CHECKED } satisfies NoteAnchorStatus }
const orphaned = { anchorStatus: { state: 'orphaned', checkedAt: CHECKED } satisfies NoteAnchorStatus }

describe('summariseReplacement', () => {
  it.each([
    ['no notes', [], 'Text replaced from “\u2068x.txt\u2069”.'],
    ['its one note found', [anchored], 'Text replaced from “\u2068x.txt\u2069”. Its note was found in the new text.'],
    [
      'every note found',
      Array(5).fill(anchored),
      'Text replaced from “\u2068x.txt\u2069”. All 5 notes found in the new text.'
    ],
    ['one orphan', [anchored, orphaned], 'Text replaced from “\u2068x.txt\u2069”. 1 note needs review.'],
    [
      'one moved, one orphan',
      [moved, anchored, orphaned],
      'Text replaced from “\u2068x.txt\u2069”. 2 notes need review.'
    ]
  ])('%s', (_, notes, expected) => {
    expect(summariseReplacement('x.txt', notes)).toBe(expected)
  })
})
