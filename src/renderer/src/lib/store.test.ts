import { describe, expect, it } from 'vitest'
import { createStore } from './store'

interface Counter {
  count: number
  label: string
  items: string[]
}

function counter(): ReturnType<typeof createStore<Counter>> {
  return createStore<Counter>({ count: 0, label: 'start', items: [] })
}

describe('createStore', () => {
  it('merges a change into the state and keeps the other fields', () => {
    const store = counter()
    store.set({ count: 2 })
    expect(store.get()).toEqual({ count: 2, label: 'start', items: [] })
  })

  it('computes a change from the current state', () => {
    const store = counter()
    store.set({ count: 5 })
    store.set((state) => ({ count: state.count + 1, label: `was ${state.count}` }))
    expect(store.get()).toEqual({ count: 6, label: 'was 5', items: [] })
  })

  it('tells each listener once per change', () => {
    const store = counter()
    const heard: number[] = []
    store.subscribe(() => heard.push(store.get().count))
    store.set({ count: 1 })
    store.set({ count: 2 })
    expect(heard).toEqual([1, 2])
  })

  it('stays silent, and keeps the same state object, when nothing changed', () => {
    const store = counter()
    const before = store.get()
    let calls = 0
    store.subscribe(() => calls++)
    store.set({ count: 0, label: 'start' })
    store.set(() => ({}))
    expect(calls).toBe(0)
    expect(store.get()).toBe(before)
  })

  it('gives a new state object on a change, so React sees it', () => {
    const store = counter()
    const before = store.get()
    store.set({ items: ['a'] })
    expect(store.get()).not.toBe(before)
    expect(before.items).toEqual([])
  })

  it('stops telling a listener once it unsubscribed', () => {
    const store = counter()
    let calls = 0
    const unsubscribe = store.subscribe(() => calls++)
    store.set({ count: 1 })
    unsubscribe()
    store.set({ count: 2 })
    expect(calls).toBe(1)
  })

  it('lets a listener unsubscribe another during a notification without skipping anyone', () => {
    const store = counter()
    const heard: string[] = []
    let second = (): void => {}
    store.subscribe(() => {
      heard.push('first')
      second()
    })
    second = store.subscribe(() => heard.push('second'))
    store.set({ count: 1 })
    expect(heard).toEqual(['first', 'second'])
  })
})
