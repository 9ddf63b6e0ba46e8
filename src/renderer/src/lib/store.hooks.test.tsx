// @vitest-environment jsdom
// useStore in a real React tree: a component re-renders only when the slice it selects
// changes, not when another field of the store does, nor when a value is set to itself.
import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createStore, useStore, type Store } from './store'

interface Library {
  title: string
  count: number
  tags: string[]
}

afterEach(cleanup)

/** Renders one component per field, each counting its own renders. */
function renderReaders(store: Store<Library>) {
  const renders = { title: 0, count: 0, tags: 0 }
  function Title() {
    renders.title++
    return <p data-testid="title">{useStore(store, (state) => state.title)}</p>
  }
  function Count() {
    renders.count++
    return <p data-testid="count">{useStore(store, (state) => state.count)}</p>
  }
  function Tags() {
    renders.tags++
    return <p data-testid="tags">{useStore(store, (state) => state.tags).join(', ')}</p>
  }
  render(
    <>
      <Title />
      <Count />
      <Tags />
    </>
  )
  return renders
}

describe('useStore', () => {
  it('shows the selected slice and re-renders only the component whose slice changed', () => {
    const store = createStore<Library>({ title: 'Rabat', count: 0, tags: [] })
    const renders = renderReaders(store)
    expect(renders).toEqual({ title: 1, count: 1, tags: 1 })

    act(() => store.set({ count: 3 }))
    expect(screen.getByTestId('count').textContent).toBe('3')
    expect(renders).toEqual({ title: 1, count: 2, tags: 1 })

    act(() => store.set((state) => ({ title: `${state.title} et Madrid` })))
    expect(screen.getByTestId('title').textContent).toBe('Rabat et Madrid')
    expect(renders).toEqual({ title: 2, count: 2, tags: 1 })
  })

  it('renders nothing again when a field is set to the value it holds', () => {
    const tags = ['Acteurs']
    const store = createStore<Library>({ title: 'Rabat', count: 1, tags })
    const renders = renderReaders(store)
    act(() => store.set({ count: 1, tags }))
    expect(renders).toEqual({ title: 1, count: 1, tags: 1 })
    // A new array with the same words is a change: selectors compare by identity.
    act(() => store.set({ tags: ['Acteurs'] }))
    expect(renders).toEqual({ title: 1, count: 1, tags: 2 })
    expect(screen.getByTestId('tags').textContent).toBe('Acteurs')
  })

  it('stops listening once the component is gone', () => {
    const store = createStore<Library>({ title: 'Rabat', count: 0, tags: [] })
    const renders = renderReaders(store)
    cleanup()
    act(() => store.set({ title: 'Alger', count: 9 }))
    expect(renders).toEqual({ title: 1, count: 1, tags: 1 })
  })
})
