// @vitest-environment jsdom
// The notes panel with many notes: storing one more note renders one row, not the
// hundreds of others (each row is memoised on props that stay the same objects), and the
// empty state teaches the keys it is given.
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, test, vi } from 'vitest'
import type { Note } from '../../../shared/domain/note'
import type { Tag } from '../../../shared/tags/tags'
import { NotesPanel, type PanelNote } from './NotesPanel'

const rendered = vi.hoisted(() => ({ texts: [] as string[] }))

// Every row renders its note's text through NoteText: counting those calls counts the rows rendered.
vi.mock('./NoteText', () => ({
  NoteText: ({ text }: { text: string }) => {
    rendered.texts.push(text)
    return <span>{text}</span>
  }
}))

afterEach(() => {
  cleanup()
  rendered.texts = []
})

const TAGS: Tag[] = [{ id: 't1', path: 'Acteurs/Maroc', color: null, description: '' }]

function entry(index: number): PanelNote {
  const start = index * 10
  const note = {
    id: `note-${index}`,
    articleId: 'article',
    anchor: {
      quote: { type: 'TextQuoteSelector', exact: `passage ${index}`, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start, end: start + 5 }
    },
    text: `text ${index}`,
    tagIds: index % 2 ? ['t1'] : [],
    color: null,
    createdAt: '2025-03-03T09:00:00.000Z',
    updatedAt: '2025-03-03T09:00:00.000Z'
  } as unknown as Note
  return { note, state: 'anchored', range: { start, end: start + 5 } }
}

const NO_HIDDEN: ReadonlySet<string> = new Set()
const KEYS = { highlight: 'H', note: 'N', tag: 'T', articleNote: 'A' }
const actions = {
  onSaveText: vi.fn(async () => true),
  onAddTag: vi.fn(),
  onRemoveTag: vi.fn(),
  onCreateTag: vi.fn(),
  onDelete: vi.fn(),
  onReattach: vi.fn(),
  onColor: vi.fn(),
  onFilter: vi.fn(),
  onFocusUsed: vi.fn(),
  onSelect: vi.fn(),
  onAcceptMoved: vi.fn()
}
const articleNoteActions = {
  onAdd: vi.fn(),
  onSelect: vi.fn(),
  onClose: vi.fn(),
  onFocusUsed: vi.fn(),
  onSave: vi.fn(async () => true),
  onAddTag: vi.fn(),
  onRemoveTag: vi.fn(),
  onCreateTag: vi.fn(),
  onDelete: vi.fn()
}

function panel(notes: readonly PanelNote[], selectedNoteId: string | null = null): React.JSX.Element {
  return (
    <NotesPanel
      notes={notes}
      articleNotes={[]}
      articleNoteActions={articleNoteActions}
      plainText=""
      tags={TAGS}
      recentTagIds={[]}
      pinnedTagIds={[]}
      reattachingId={null}
      selectedNoteId={selectedNoteId}
      focusField={null}
      filterPath=""
      hiddenNoteIds={NO_HIDDEN}
      highlightKeys={KEYS}
      {...actions}
    />
  )
}

describe('the notes panel', () => {
  test('a note added to hundreds renders its own row and no other', () => {
    const notes = Array.from({ length: 400 }, (_, index) => entry(index))
    const { rerender } = render(panel(notes))
    expect(rendered.texts).toHaveLength(400)
    rendered.texts = []

    rerender(panel([...notes, entry(400)]))
    expect(rendered.texts).toEqual(['text 400'])
    expect(screen.getAllByRole('listitem')).toHaveLength(401)
  })

  test('selecting a note renders the rows selected before and after, and the editor', () => {
    const notes = Array.from({ length: 50 }, (_, index) => entry(index))
    const { rerender } = render(panel(notes, 'note-3'))
    rendered.texts = []
    rerender(panel(notes, 'note-7'))
    expect([...rendered.texts].sort()).toEqual(['text 3', 'text 7'])
  })

  test('with no notes, it teaches the keys it is given', () => {
    render(panel([]))
    const lesson = screen.getByRole('note')
    expect(lesson.textContent).toContain('No notes in this article yet')
    expect([...lesson.querySelectorAll('kbd')].map((kbd) => kbd.textContent)).toEqual(['Shift', 'H', 'N', 'T', '?'])
  })
})
