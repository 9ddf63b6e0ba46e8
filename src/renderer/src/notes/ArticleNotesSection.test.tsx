// @vitest-environment jsdom
// The top of the notes panel, notes on the whole article: what it teaches when there are none,
// how it lists them, the one opened for editing (saved after a pause, tagged, deleted), and the
// panel's tag filter reaching them.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, test, vi } from 'vitest'
import type { ArticleNote } from '../../../shared/domain/note'
import type { Tag } from '../../../shared/tags/tags'
import { ArticleNotesSection } from './ArticleNotesSection'
import { NotesPanel } from './NotesPanel'

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const TAGS: Tag[] = [
  { id: 'fiab', path: 'Source/Fiabilité', color: '#2f6f4f', description: '' },
  { id: 'maroc', path: 'Acteurs/Maroc', color: null, description: '' }
]

function articleNote(id: string, text: string, tagIds: string[] = []): ArticleNote {
  return {
    kind: 'article',
    id,
    articleId: 'article',
    text,
    tagIds,
    createdAt: '2025-03-03T09:00:00.000Z',
    updatedAt: '2025-03-03T09:00:00.000Z'
  }
}

function handlers() {
  return {
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
}

function section(
  notes: ArticleNote[],
  actions: ReturnType<typeof handlers>,
  selectedNoteId: string | null = null,
  hiddenIds: ReadonlySet<string> = new Set()
): React.JSX.Element {
  return (
    <ArticleNotesSection
      notes={notes}
      hiddenIds={hiddenIds}
      tags={TAGS}
      recentTagIds={[]}
      pinnedTagIds={[]}
      selectedNoteId={selectedNoteId}
      focusField={null}
      addKey="A"
      actions={actions}
    />
  )
}

describe('notes on the whole article, at the top of the notes panel', () => {
  test('with none, it says in one line what goes there and which key adds one; the button adds one', () => {
    const actions = handlers()
    render(section([], actions))
    const region = screen.getByRole('region', { name: 'On the whole article' })
    expect(within(region).getByRole('paragraph').textContent).toBe(
      'A summary, an assessment, how far the source can be trusted: notes on the whole article go here (key A).'
    )
    const add = within(region).getByRole('button', { name: 'Add a note on the article' })
    expect(add.getAttribute('aria-keyshortcuts')).toBe('A')
    fireEvent.click(add)
    expect(actions.onAdd).toHaveBeenCalledTimes(1)
  })

  test('lists them in the order given, with their tags, an empty one said to be empty; a click opens one', () => {
    const actions = handlers()
    render(
      section(
        [
          articleNote('summary', 'Résumé : la coopération s’accélère.', ['maroc']),
          articleNote('blank', ''),
          articleNote('reliability', 'Source fiable, **recoupée**.', ['fiab'])
        ],
        actions
      )
    )
    const list = screen.getByRole('list', { name: 'Notes on the whole article' })
    const rows = within(list).getAllByRole('button')
    expect(rows.map((row) => row.textContent)).toEqual([
      'Résumé : la coopération s’accélère.Acteurs/Maroc',
      'Empty note',
      'Source fiable, recoupée.Source/Fiabilité'
    ])
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('On the whole article 3 notes')
    fireEvent.click(rows[2]!)
    expect(actions.onSelect).toHaveBeenCalledWith('reliability')
  })

  test('the selected one opens in place: its text saved after a pause, its tags removable, Delete deletes it', async () => {
    vi.useFakeTimers()
    const actions = handlers()
    const reliability = articleNote('reliability', 'Source fiable.', ['fiab'])
    render(section([articleNote('summary', 'Résumé.'), reliability], actions, 'reliability'))
    const editor = screen.getByRole('region', { name: 'Note on the whole article' })
    const text = within(editor).getByRole('textbox', { name: 'Note on the article' })
    expect((text as HTMLTextAreaElement).value).toBe('Source fiable.')

    fireEvent.change(text, { target: { value: 'Source fiable, mais partisane.' } })
    expect(actions.onSave).not.toHaveBeenCalled()
    await act(async () => {
      await vi.advanceTimersByTimeAsync(700)
    })
    expect(actions.onSave).toHaveBeenCalledWith(reliability, 'Source fiable, mais partisane.')
    expect(within(editor).getByText('Saved')).toBeTruthy()

    fireEvent.click(within(editor).getByRole('button', { name: 'Remove tag Source/Fiabilité' }))
    expect(actions.onRemoveTag).toHaveBeenCalledWith(reliability, 'fiab')
    fireEvent.click(within(editor).getByRole('button', { name: 'Delete note' }))
    expect(actions.onDelete).toHaveBeenCalledWith(reliability)
    fireEvent.click(within(editor).getByRole('button', { name: 'Done' }))
    expect(actions.onClose).toHaveBeenCalledTimes(1)
  })

  test('the panel’s tag filter leaves out the notes on the article without the tag, a parent taking its children', () => {
    const panelProps = {
      notes: [],
      plainText: '',
      tags: TAGS,
      recentTagIds: [],
      pinnedTagIds: [],
      reattachingId: null,
      selectedNoteId: null,
      focusField: null,
      hiddenNoteIds: new Set<string>(),
      highlightKeys: { highlight: 'H', note: 'N', tag: 'T', articleNote: 'A' },
      onFilter: vi.fn(),
      onFocusUsed: vi.fn(),
      onSelect: vi.fn(),
      onAcceptMoved: vi.fn(),
      onSaveText: vi.fn(async () => true),
      onAddTag: vi.fn(),
      onRemoveTag: vi.fn(),
      onCreateTag: vi.fn(),
      onDelete: vi.fn(),
      onReattach: vi.fn(),
      onColor: vi.fn(),
      articleNotes: [articleNote('summary', 'Résumé.', ['maroc']), articleNote('reliability', 'Fiable.', ['fiab'])],
      articleNoteActions: handlers()
    }
    const { rerender } = render(<NotesPanel {...panelProps} filterPath="Source" />)
    const list = screen.getByRole('list', { name: 'Notes on the whole article' })
    expect(
      within(list)
        .getAllByRole('button')
        .map((row) => row.textContent)
    ).toEqual(['Fiable.Source/Fiabilité'])
    // Their tags are in the filter's choices, with their counts.
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
      'All notes',
      'Acteurs (1)',
      '\u2003Maroc (1)',
      'Source (1)',
      '\u2003Fiabilité (1)'
    ])

    rerender(<NotesPanel {...panelProps} filterPath="Thèmes" />)
    expect(screen.getByRole('region', { name: 'On the whole article' }).textContent).toContain(
      'No note on the article carries this tag.'
    )
  })
})
