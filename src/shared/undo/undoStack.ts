/**
 * Session undo/redo for edits whose effects are asynchronous (a tag rename is saved by the
 * main process). Undo and redo run through one serial queue because two
 * quick Ctrl+Z presses must undo two actions in order, never race on the same one; and an
 * action leaves its stack only once its undo/redo succeeded, so a failed save can be
 * retried instead of being silently lost from history.
 */
import { serialQueue } from '../async/serialQueue'

export interface UndoableAction {
  label: string
  undo: () => Promise<void>
  redo: () => Promise<void>
}

export class UndoStack {
  private readonly done: UndoableAction[] = []
  private readonly undone: UndoableAction[] = []
  private readonly listeners = new Set<() => void>()
  // A failure belongs to its caller; the next call in line still runs.
  private readonly queue = serialQueue()
  // Bumped by push/clear so an undo/redo finishing later knows history moved on meanwhile.
  private pushes = 0
  private clears = 0

  constructor(private readonly limit = 200) {
    if (!(limit >= 1)) throw new RangeError('an undo stack keeps at least one action')
  }

  get canUndo(): boolean {
    return this.done.length > 0
  }

  get canRedo(): boolean {
    return this.undone.length > 0
  }

  get undoLabel(): string | null {
    return this.done.at(-1)?.label ?? null
  }

  get redoLabel(): string | null {
    return this.undone.at(-1)?.label ?? null
  }

  push(action: UndoableAction): void {
    this.pushes++
    this.done.push(action)
    this.trim()
    this.undone.length = 0
    this.notify()
  }

  /** Undoes the latest action once any running undo/redo is over; the label, or null. */
  undo(): Promise<string | null> {
    return this.enqueue(async () => {
      const action = this.done.at(-1)
      if (!action) return null
      const [pushes, clears] = [this.pushes, this.clears]
      await action.undo() // if this throws, nothing below runs and the action stays undoable
      remove(this.done, action)
      // A push meanwhile started a new branch of history, which has no redo.
      if (pushes === this.pushes && clears === this.clears) this.undone.push(action)
      this.notify()
      return action.label
    })
  }

  redo(): Promise<string | null> {
    return this.enqueue(async () => {
      const action = this.undone.at(-1)
      if (!action) return null
      const clears = this.clears
      await action.redo()
      remove(this.undone, action)
      // The redo did take effect, so it stays undoable even if a push came in meanwhile.
      if (clears === this.clears) {
        this.done.push(action)
        this.trim()
      }
      this.notify()
      return action.label
    })
  }

  clear(): void {
    this.clears++
    this.done.length = 0
    this.undone.length = 0
    this.notify()
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    return this.queue.run(task)
  }

  private trim(): void {
    if (this.done.length > this.limit) this.done.splice(0, this.done.length - this.limit)
  }

  private notify(): void {
    for (const listener of [...this.listeners]) {
      try {
        listener()
      } catch (error) {
        // A broken listener must not make a successful undo look failed; surface it apart.
        void Promise.reject(error)
      }
    }
  }
}

function remove(list: UndoableAction[], action: UndoableAction): void {
  const index = list.lastIndexOf(action)
  if (index !== -1) list.splice(index, 1)
}
