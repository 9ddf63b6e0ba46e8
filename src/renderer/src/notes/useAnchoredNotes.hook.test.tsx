// @vitest-environment jsdom
// useAnchoredNotes in a component under the app's context: what the notes panel and the
// reading pane get for the open article, and a component re-rendered only when the
// article, its notes or the tags change, not when another part of the session does.
import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { describeRange } from '../../../shared/anchoring'
import type { OpenedArticle } from '../../../shared/domain/article'
import type { Note } from '../../../shared/domain/note'
import type { Tag } from '../../../shared/tags/tags'
import { AppContext, type AppServices } from '../app/AppContext'
import { useAnchoredNotes } from './useAnchoredNotes'
import { sessionServices } from '../app/testing/sessionServices'

afterEach(cleanup)

const TEXT = 'Le ministre a parlé devant la commission, puis la commission a voté.'

const article: OpenedArticle = {
  meta: {
    id: 'article',
    title: 'Vote',
    outlet: null,
    author: null,
    publishedAt: null,
    sourceUrl: null,
    language: 'fr',
    importedAt: '2025-03-03T09:00:00.000Z',
    sourceFile: null,
    wordCount: 12,
    charCount: TEXT.length
  },
  body: { articleId: 'article', blocks: [{ type: 'paragraph', text: TEXT }] }
}

const ACTEURS: Tag = { id: 'acteurs', path: 'Acteurs', color: '#2563eb', description: '' }

function noteOn(id: string, passage: string, extra: Partial<Note> = {}, text = TEXT): Note {
  const start = text.indexOf(passage)
  return {
    id,
    articleId: 'article',
    anchor: describeRange(text, { start, end: start + passage.length }),
    text: '',
    tagIds: [],
    color: null,
    createdAt: '2025-03-03T09:00:00.000Z',
    updatedAt: '2025-03-03T09:00:00.000Z',
    ...extra
  }
}

/** Writes out what the hook gives, one line per note, and counts its renders. */
function renderNotes(services: AppServices) {
  let renders = 0
  function Notes() {
    renders++
    const { panelNotes, drawnNotes } = useAnchoredNotes()
    return (
      <>
        <ul aria-label="panel">
          {panelNotes.map(({ note, state, range }) => (
            <li key={note.id}>{`${note.id} ${state} ${range ? `${range.start}-${range.end}` : 'nowhere'}`}</li>
          ))}
        </ul>
        <ul aria-label="drawn">
          {drawnNotes.map(({ id, color }) => (
            <li key={id}>{`${id} ${color ?? 'no colour'}`}</li>
          ))}
        </ul>
      </>
    )
  }
  render(
    <AppContext.Provider value={services}>
      <Notes />
    </AppContext.Provider>
  )
  const lines = (name: string) =>
    Array.from(screen.getByRole('list', { name }).querySelectorAll('li'), (item) => item.textContent)
  return { renders: () => renders, panel: () => lines('panel'), drawn: () => lines('drawn') }
}

describe('useAnchoredNotes', () => {
  it('places each note in the open article and colours it by its first tag, else its own colour', () => {
    const services = sessionServices({
      article,
      tags: [ACTEURS],
      notes: [
        noteOn('minister', 'ministre', { tagIds: ['acteurs'], color: '#dc2626' }),
        noteOn('vote', 'a voté', { color: '#059669' }),
        noteOn('gone', 'sénat', {}, 'Le sénat a tranché.')
      ]
    })
    const view = renderNotes(services)
    expect(view.panel()).toEqual(['minister anchored 3-11', 'vote anchored 61-67', 'gone orphaned nowhere'])
    expect(view.drawn()).toEqual(['minister #2563eb', 'vote #059669'])
  })

  it('follows a tag recoloured, a note added and the article closed', () => {
    const services = sessionServices({
      article,
      tags: [ACTEURS],
      notes: [noteOn('minister', 'ministre', { tagIds: ['acteurs'] })]
    })
    const view = renderNotes(services)
    act(() => services.session.store.set({ tags: [{ ...ACTEURS, color: '#7c3aed' }] }))
    expect(view.drawn()).toEqual(['minister #7c3aed'])
    act(() => services.session.store.set(({ notes }) => ({ notes: [...notes, noteOn('commission', 'la commission')] })))
    expect(view.panel()).toEqual(['minister anchored 3-11', 'commission anchored 27-40'])
    expect(view.drawn()).toEqual(['minister #7c3aed', 'commission no colour'])
    act(() => services.session.store.set({ article: null, notes: [] }))
    expect(view.panel()).toEqual([])
  })

  it('renders again only when the article, its notes or the tags change', () => {
    const services = sessionServices({ article, notes: [noteOn('minister', 'ministre')] })
    const view = renderNotes(services)
    expect(view.renders()).toBe(1)
    act(() => services.session.store.set({ searching: true, selectedNoteId: 'minister', busy: 'Import…' }))
    expect(view.renders()).toBe(1)
    act(() => services.session.store.set({ tags: [ACTEURS] }))
    expect(view.renders()).toBe(2)
  })
})
