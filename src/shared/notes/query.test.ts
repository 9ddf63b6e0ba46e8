// queryNotes over a hand-built library; the service tests (src/main/services/notesWorkspace.test.ts)
// cover the rest through a data folder.
import { describe, expect, it } from 'vitest'
import type { Note } from '../domain/note'
import type { Tag } from '../tags/tags'
import { queryNotes, type NotesQueryLibrary } from './query'
import { emptyNotesQuery } from './workspace'

function note(id: string, extra: Partial<Note> = {}): Note {
  return {
    id,
    articleId: 'a1',
    anchor: {
      quote: { type: 'TextQuoteSelector', exact: id, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: id.length }
    },
    text: '',
    tagIds: [],
    color: null,
    createdAt: '2024-02-01T10:00:00.000Z',
    updatedAt: '2024-02-01T10:00:00.000Z',
    ...extra
  }
}

const TAGS: Tag[] = [
  { id: 't-plain', path: 'Acteurs', color: null, description: '' },
  { id: 't-pink', path: 'Thèmes/Défense', color: '#f472b6', description: '' }
]

describe('queryNotes', () => {
  it("filters on the first coloured tag's colour when the first tag has none", () => {
    const library: NotesQueryLibrary = {
      articles: [{ id: 'a1', title: 'Article' }],
      notes: [note('n1', { tagIds: ['t-plain', 't-pink'], color: '#222222' }), note('n2', { color: '#222222' })],
      tags: TAGS,
      foldedText: () => ''
    }
    const page = queryNotes(library, { ...emptyNotesQuery(), colors: ['#F472B6'] })
    expect(page.notes.map((found) => [found.id, found.effectiveColor])).toEqual([['n1', '#f472b6']])
  })
})
