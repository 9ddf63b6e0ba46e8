/**
 * Does a change and, only once it took effect, records it with its inverse on the undo
 * history. Every undoable action in the interface used to write this out by hand: try the
 * write, return quietly on failure (the failure was already shown where the write was
 * refused), otherwise push { label, undo, redo }. Doing a change and redoing it are the
 * same call, so `redo` is what runs first.
 */
import type { UndoableAction } from './undoStack'

/** The recorded action, or null when the change failed and nothing was recorded. */
export async function undoable(
  record: (action: UndoableAction) => void,
  action: UndoableAction
): Promise<UndoableAction | null> {
  try {
    await action.redo()
  } catch {
    return null
  }
  record(action)
  return action
}
