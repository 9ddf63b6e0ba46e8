// Undo is the analyst's safety net for tag edits: it must replay in order and never lose an action.
import { describe, expect, it, vi } from 'vitest'
import { UndoStack, type UndoableAction } from './undoStack'

function recorder() {
  const log: string[] = []
  const action = (label: string): UndoableAction => ({
    label,
    undo: async () => {
      log.push(`undo ${label}`)
    },
    redo: async () => {
      log.push(`redo ${label}`)
    }
  })
  return { log, action }
}

function deferred() {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

describe('UndoStack', () => {
  it('undoes newest first and redoes in the original order', async () => {
    const { log, action } = recorder()
    const stack = new UndoStack()
    expect([stack.canUndo, stack.canRedo, stack.undoLabel, stack.redoLabel]).toEqual([false, false, null, null])

    stack.push(action('Renommer « Thèmes »'))
    stack.push(action('Fusionner « Maroc » dans « Israël »'))
    expect(stack.undoLabel).toBe('Fusionner « Maroc » dans « Israël »')

    expect(await stack.undo()).toBe('Fusionner « Maroc » dans « Israël »')
    expect(await stack.undo()).toBe('Renommer « Thèmes »')
    expect(await stack.undo()).toBeNull()
    expect([stack.canUndo, stack.canRedo, stack.redoLabel]).toEqual([false, true, 'Renommer « Thèmes »'])

    expect(await stack.redo()).toBe('Renommer « Thèmes »')
    expect(await stack.redo()).toBe('Fusionner « Maroc » dans « Israël »')
    expect(await stack.redo()).toBeNull()
    expect(log).toEqual([
      'undo Fusionner « Maroc » dans « Israël »',
      'undo Renommer « Thèmes »',
      'redo Renommer « Thèmes »',
      'redo Fusionner « Maroc » dans « Israël »'
    ])
    expect(stack.undoLabel).toBe('Fusionner « Maroc » dans « Israël »')
  })

  it('a new action clears the redo history', async () => {
    const { action } = recorder()
    const stack = new UndoStack()
    stack.push(action('a'))
    stack.push(action('b'))
    await stack.undo()
    expect(stack.canRedo).toBe(true)
    stack.push(action('c'))
    expect(stack.canRedo).toBe(false)
    expect(await stack.redo()).toBeNull()
    expect(await stack.undo()).toBe('c')
    expect(await stack.undo()).toBe('a')
  })

  it('drops the oldest actions beyond the limit', async () => {
    const { action } = recorder()
    const stack = new UndoStack(2)
    for (const label of ['a', 'b', 'c']) stack.push(action(label))
    expect(await stack.undo()).toBe('c')
    expect(await stack.undo()).toBe('b')
    expect(await stack.undo()).toBeNull()
    expect(() => new UndoStack(0)).toThrow(RangeError)
  })

  it('keeps the stack intact when an undo fails, so it can be retried', async () => {
    const { action } = recorder()
    const stack = new UndoStack()
    let fail = true
    stack.push(action('a'))
    stack.push({
      label: 'Supprimer « Genève »',
      undo: async () => {
        if (fail) throw new Error('disk full')
      },
      redo: async () => {}
    })
    await expect(stack.undo()).rejects.toThrow('disk full')
    expect([stack.undoLabel, stack.canRedo]).toEqual(['Supprimer « Genève »', false])

    fail = false
    expect(await stack.undo()).toBe('Supprimer « Genève »')
    expect(stack.redoLabel).toBe('Supprimer « Genève »')
  })

  it('keeps the stack intact when a redo fails', async () => {
    const stack = new UndoStack()
    stack.push({ label: 'x', undo: async () => {}, redo: () => Promise.reject(new Error('offline')) })
    await stack.undo()
    await expect(stack.redo()).rejects.toThrow('offline')
    expect([stack.canUndo, stack.redoLabel]).toEqual([false, 'x'])
  })

  it('runs concurrent undo calls one after the other', async () => {
    const stack = new UndoStack()
    const events: string[] = []
    const gates = { a: deferred(), b: deferred() }
    for (const label of ['a', 'b'] as const) {
      stack.push({
        label,
        undo: async () => {
          events.push(`start ${label}`)
          await gates[label].promise
          events.push(`end ${label}`)
        },
        redo: async () => {}
      })
    }
    const first = stack.undo()
    const second = stack.undo()
    await vi.waitFor(() => expect(events).toEqual(['start b']))
    gates.a.resolve() // releasing a early must not let it start before b has finished
    await Promise.resolve()
    expect(events).toEqual(['start b'])
    gates.b.resolve()
    expect(await Promise.all([first, second])).toEqual(['b', 'a'])
    expect(events).toEqual(['start b', 'end b', 'start a', 'end a'])
  })

  it('a failed undo does not block the next call', async () => {
    const stack = new UndoStack()
    stack.push({ label: 'x', undo: () => Promise.reject(new Error('boom')), redo: async () => {} })
    const failing = stack.undo()
    const next = stack.redo()
    await expect(failing).rejects.toThrow('boom')
    expect(await next).toBeNull()
  })

  it('an action pushed while an undo runs is kept, and the undone one is not redoable', async () => {
    const gate = deferred()
    const { action } = recorder()
    const stack = new UndoStack()
    let started = false
    stack.push({
      label: 'slow',
      undo: () => {
        started = true
        return gate.promise
      },
      redo: async () => {}
    })
    const running = stack.undo()
    await vi.waitFor(() => expect(started).toBe(true))
    stack.push(action('new'))
    gate.resolve()
    expect(await running).toBe('slow')
    expect([stack.undoLabel, stack.canRedo]).toEqual(['new', false])
  })

  it('notifies subscribers of every change until they unsubscribe', async () => {
    const { action } = recorder()
    const stack = new UndoStack()
    const listener = vi.fn()
    const unsubscribe = stack.subscribe(listener)
    stack.push(action('a'))
    await stack.undo()
    await stack.redo()
    await stack.undo() // still notifies: a changed stack
    expect(listener).toHaveBeenCalledTimes(4)
    await stack.redo()
    stack.clear()
    expect(listener).toHaveBeenCalledTimes(6)
    expect([stack.canUndo, stack.canRedo]).toEqual([false, false])
    unsubscribe()
    stack.push(action('b'))
    expect(listener).toHaveBeenCalledTimes(6)
  })
})
