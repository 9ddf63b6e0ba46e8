/**
 * The session's undo history: every note, tag, workspace and briefing change goes on one
 * stack, walked by Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (see the keymap), and a toast's Undo
 * button undoes its own change only while nothing came after it.
 */
import { errorMessage } from '../../../shared/errorMessage'
import { UndoStack, type UndoableAction } from '../../../shared/undo/undoStack'
import { t } from '../lib/i18n'
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
      if (label) show({ level: 'info', text: t(direction === 'undo' ? 'undo.undid' : 'undo.redid', { action: label }) })
    } catch (error) {
      const reason = errorMessage(error)
      show({ level: 'error', text: t(direction === 'undo' ? 'undo.couldNotUndo' : 'undo.couldNotRedo', { reason }) })
    }
  }
  return {
    record(action) {
      lastPushed = action
      stack.push(action)
    },
    undoButton: (action) => ({
      label: t('undo.button'),
      run: () => {
        if (lastPushed === action && stack.undoLabel === action.label) void step('undo')
        else show({ level: 'info', text: t('undo.notLast', { action: action.label }) })
      }
    }),
    step
  }
}
