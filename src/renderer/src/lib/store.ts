/**
 * A plain store for state that outlives a component: the library, the open article and
 * its notes, tags, the view. Components read it with `useStore(store, select)`, which is
 * React's own `useSyncExternalStore`, so each re-renders only when what it selects
 * changes. React's built-in hook was chosen over Zustand because it does the same job in
 * these forty lines, adds no dependency, and lets plain code (the session's actions, the
 * keymap) read and write the state without being a component.
 */
import { useSyncExternalStore } from 'react'

export interface Store<S extends object> {
  get(): S
  /** Merges a change into the state; listeners hear of it only when some field really changed. */
  set(change: Partial<S> | ((state: S) => Partial<S>)): void
  subscribe(listener: () => void): () => void
}

export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial
  const listeners = new Set<() => void>()
  return {
    get: () => state,
    set(change) {
      const partial = typeof change === 'function' ? change(state) : change
      const keys = Object.keys(partial) as (keyof S)[]
      if (keys.every((key) => Object.is(state[key], partial[key]))) return
      state = { ...state, ...partial }
      for (const listener of [...listeners]) listener()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    }
  }
}

/**
 * The part of the state a component shows. `select` must return a value already in the
 * state (a field, or an element of one), not a new object each call: React compares
 * snapshots by identity and would otherwise render forever.
 */
export function useStore<S extends object, T>(store: Store<S>, select: (state: S) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.get()))
}
