import { describe, expect, it } from 'vitest'
import { createUndoHistory } from './undoHistory'

function history() {
  const said: string[] = []
  const undoHistory = createUndoHistory((message) => {
    said.push(`${message.level}: ${message.text}`)
    return 'id'
  })
  return { undoHistory, said }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('createUndoHistory', () => {
  it('undoes and redoes the last change, saying which', async () => {
    const { undoHistory, said } = history()
    let color = 'red'
    undoHistory.record({
      label: 'note colour',
      undo: async () => void (color = 'red'),
      redo: async () => void (color = 'blue')
    })
    color = 'blue'
    await undoHistory.step('undo')
    expect(color).toBe('red')
    await undoHistory.step('redo')
    expect(color).toBe('blue')
    expect(said).toEqual(['info: Undid note colour.', 'info: Redid note colour.'])
  })

  it('says why an undo failed and keeps quiet when there is nothing to undo', async () => {
    const { undoHistory, said } = history()
    await undoHistory.step('undo')
    undoHistory.record({
      label: 'tag rename',
      undo: async () => {
        throw new Error('the change could not be saved')
      },
      redo: async () => {}
    })
    await undoHistory.step('undo')
    expect(said).toEqual(['error: Could not undo: the change could not be saved.'])
  })

  it("lets a toast's Undo undo its own change only while it is the last one", async () => {
    const { undoHistory, said } = history()
    const log: string[] = []
    const deletion = { label: 'note deletion', undo: async () => void log.push('restored'), redo: async () => {} }
    undoHistory.record(deletion)
    undoHistory.record({ label: 'tags', undo: async () => void log.push('tags back'), redo: async () => {} })
    undoHistory.undoButton(deletion).run()
    await settle()
    expect(log).toEqual([])
    expect(said).toEqual(['info: Other changes came after that note deletion: use Ctrl+Z to step back through them.'])
  })

  it("runs a toast's Undo when its change is still the last one", async () => {
    const { undoHistory } = history()
    const log: string[] = []
    const deletion = { label: 'note deletion', undo: async () => void log.push('restored'), redo: async () => {} }
    undoHistory.record(deletion)
    undoHistory.undoButton(deletion).run()
    await settle()
    expect(log).toEqual(['restored'])
  })
})
