/**
 * Runs async tasks strictly one after another, in the order they were handed in.
 *
 * Code that must not overlap with itself (saving one file, for instance) used to chain
 * `promise.then(task, task)` by hand, each copy with its own way to keep one failure from
 * blocking everything queued behind it. This is that chain written once: every caller gets
 * its own task's result or rejection, and a failed task never stops the ones after it.
 */

export interface SerialQueue {
  /**
   * Starts `task` once every task handed in before it has settled, and resolves or rejects
   * exactly as `task` does. A task that throws synchronously rejects the same way.
   */
  run<R>(task: () => R | PromiseLike<R>): Promise<R>
}

export function serialQueue(): SerialQueue {
  // Settles when the last task handed in has settled; never rejects, so it cannot poison the queue.
  let tail: Promise<unknown> = Promise.resolve()
  return {
    run<R>(task: () => R | PromiseLike<R>): Promise<R> {
      const result = tail.then(() => task())
      // The rejection stays with the caller's promise; the queue only needs to know it settled.
      tail = result.then(ignore, ignore)
      return result
    }
  }
}

function ignore(): undefined {
  return undefined
}
