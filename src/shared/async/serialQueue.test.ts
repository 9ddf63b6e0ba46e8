// The queue behind every document save: order, isolation of failures, and no overlap are what callers rely on.
import { describe, expect, it } from 'vitest'
import { serialQueue } from './serialQueue'

function deferred<T = void>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/** Lets every already-queued promise callback run, so "has it started?" can be checked. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve()
}

describe('serialQueue', () => {
  it('runs tasks in call order and hands each caller its own result', async () => {
    const queue = serialQueue()
    const log: string[] = []
    const slow = deferred()
    const first = queue.run(async () => {
      log.push('start 1')
      await slow.promise
      log.push('end 1')
      return 'one'
    })
    const second = queue.run(() => {
      log.push('run 2')
      return 2
    })
    const third = queue.run(async () => {
      log.push('run 3')
      return { three: true }
    })

    await settle()
    expect(log).toEqual(['start 1'])
    slow.resolve()
    expect(await Promise.all([first, second, third])).toEqual(['one', 2, { three: true }])
    expect(log).toEqual(['start 1', 'end 1', 'run 2', 'run 3'])
  })

  it('does not start a task before the previous one has settled', async () => {
    const queue = serialQueue()
    const log: string[] = []
    const gate = deferred()
    void queue.run(async () => {
      log.push('start 1')
      await gate.promise
      log.push('end 1')
    })
    const second = queue.run(() => {
      log.push('start 2')
    })

    await settle()
    expect(log).toEqual(['start 1'])
    gate.resolve()
    await second
    expect(log).toEqual(['start 1', 'end 1', 'start 2'])
  })

  it('passes a rejection to its own caller only and still runs the later tasks', async () => {
    const queue = serialQueue()
    const log: string[] = []
    const gate = deferred()
    const failing = queue.run(async () => {
      log.push('start 1')
      await gate.promise
      log.push('fail 1')
      throw new Error('disk full')
    })
    const second = queue.run(async () => {
      log.push('run 2')
      return 'two'
    })
    const third = queue.run(() => {
      log.push('run 3')
      throw new Error('bad input')
    })
    const fourth = queue.run(() => {
      log.push('run 4')
      return 'four'
    })

    gate.resolve()
    await expect(failing).rejects.toThrow('disk full')
    await expect(second).resolves.toBe('two')
    await expect(third).rejects.toThrow('bad input')
    await expect(fourth).resolves.toBe('four')
    expect(log).toEqual(['start 1', 'fail 1', 'run 2', 'run 3', 'run 4'])
  })

  it('waits for a rejected task to settle before starting the next one', async () => {
    const queue = serialQueue()
    const log: string[] = []
    const gate = deferred()
    const failing = queue.run(async () => {
      log.push('start 1')
      await gate.promise
    })
    const second = queue.run(() => {
      log.push('start 2')
    })

    await settle()
    expect(log).toEqual(['start 1'])
    gate.reject(new Error('write failed'))
    await expect(failing).rejects.toThrow('write failed')
    await second
    expect(log).toEqual(['start 1', 'start 2'])
  })

  it('keeps separate queues independent', async () => {
    const log: string[] = []
    const gate = deferred()
    const blocked = serialQueue()
    const free = serialQueue()
    const held = blocked.run(async () => {
      await gate.promise
      log.push('blocked')
    })
    await free.run(() => {
      log.push('free')
    })

    expect(log).toEqual(['free'])
    gate.resolve()
    await held
    expect(log).toEqual(['free', 'blocked'])
  })
})
