import { describe, expect, it } from 'vitest'
import { undoable } from './undoable'
import { UndoStack, type UndoableAction } from './undoStack'

describe('undoable', () => {
  it('does the change once and records it when it succeeded', async () => {
    const log: string[] = []
    const recorded: UndoableAction[] = []
    const action = {
      label: 'rename',
      redo: async () => void log.push('do'),
      undo: async () => void log.push('undo')
    }
    const result = await undoable((done) => recorded.push(done), action)
    expect(log).toEqual(['do'])
    expect(recorded).toEqual([action])
    expect(result).toBe(action)
  })

  it('records nothing and answers null when the change failed', async () => {
    const recorded: UndoableAction[] = []
    const result = await undoable((done) => recorded.push(done), {
      label: 'rename',
      redo: async () => {
        throw new Error('refused')
      },
      undo: async () => {}
    })
    expect(result).toBeNull()
    expect(recorded).toEqual([])
  })

  it('leaves an action that Ctrl+Z undoes and Ctrl+Shift+Z redoes', async () => {
    const stack = new UndoStack()
    let name = 'Acteurs'
    await undoable((done) => stack.push(done), {
      label: 'tag rename',
      redo: async () => void (name = 'Acteurs/Israël'),
      undo: async () => void (name = 'Acteurs')
    })
    expect(name).toBe('Acteurs/Israël')
    expect(await stack.undo()).toBe('tag rename')
    expect(name).toBe('Acteurs')
    expect(await stack.redo()).toBe('tag rename')
    expect(name).toBe('Acteurs/Israël')
  })
})
