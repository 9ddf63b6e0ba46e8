/**
 * The session's undo history: every note, tag, workspace and briefing change goes on one
 * stack, walked by Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (see the keymap), and a toast's Undo
 * button undoes its own change only while nothing came after it.
 */
import { errorMessage } from '../../../shared/errorMessage'
import { UndoStack, type UndoableAction } from '../../../shared/undo/undoStack'
import type { ShowMessage } from './messages'

export type { UndoableAction }

export interface UndoHistory {
  record: (action: UndoableAction) => void
  /** The Undo button of a toast about `action`. */
  undoButton: (action: UndoableAction) => { label: string; run: () => void }
  /** One step back or forward, with a message saying what was undone or why it could not be. */
  step: (direction: 'undo' | 'redo') => Promise<void>
}

export function createUndoHistory(show: ShowMessage, stack = new UndoStack()): UndoHistory {
  let lastPushed: UndoableAction | null = null
  const step = async (direction: 'undo' | 'redo'): Promise<void> => {
    try {
      const label = direction === 'undo' ? await stack.undo() : await stack.redo()
      if (label) show({ level: 'info', text: `${direction === 'undo' ? 'Undid' : 'Redid'} ${label}.` })
    } catch (error) {
      show({ level: 'error', text: `Could not ${direction}: ${errorMessage(error)}.` })
    }
  }
  return {
    record(action) {
      lastPushed = action
      stack.push(action)
    },
    undoButton: (action) => ({
      label: 'Undo',
      run: () => {
        if (lastPushed === action && stack.undoLabel === action.label) void step('undo')
        else
          show({
            level: 'info',
            text: `Other changes came after that ${action.label}: use Ctrl+Z to step back through them.`
          })
      }
    }),
    step
  }
}
