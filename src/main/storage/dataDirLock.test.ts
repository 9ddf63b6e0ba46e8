/**
 * The lock is what stops two Dossiers from overwriting each other's notes, and
 * what must not lock the user out after a crash; both are checked against real
 * lock files and real (dead) process ids.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  acquireDataDirLock,
  DataDirLockedError,
  liveLockHolder,
  LOCK_FILE_NAME,
  releaseDataDirLockSync,
  type DataDirLock
} from './dataDirLock'
import { processIdentity } from './processes'

let dir: string
let lockPath: string
const held: DataDirLock[] = []

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-'))
  lockPath = path.join(dir, LOCK_FILE_NAME)
})

afterEach(async () => {
  for (const lock of held.splice(0)) await lock.release()
  await rm(dir, { recursive: true, force: true })
})

async function acquire(mode?: string): Promise<DataDirLock> {
  const lock = await acquireDataDirLock(dir, mode)
  held.push(lock)
  return lock
}

async function readLock(): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(lockPath, 'utf8')) as Record<string, unknown>
}

/** A pid that certainly belonged to a process which has since exited. */
async function pidOfExitedProcess(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
    child.on('error', reject)
    child.on('exit', () => {
      if (child.pid === undefined) reject(new Error('child had no pid'))
      else resolve(child.pid)
    })
  })
}

describe('acquireDataDirLock', () => {
  it('creates dossier.lock recording our pid, start time and mode', async () => {
    const lock = await acquire('browser')
    expect(lock.path).toBe(lockPath)
    const content = await readLock()
    expect(content).toMatchObject({ pid: process.pid, mode: 'browser' })
    expect(Number.isNaN(Date.parse(String(content.startedAt)))).toBe(false)
  })

  it('creates the data folder on first run', async () => {
    const nested = path.join(dir, 'fresh', 'data')
    const lock = await acquireDataDirLock(nested)
    held.push(lock)
    expect(existsSync(path.join(nested, LOCK_FILE_NAME))).toBe(true)
  })

  it('refuses a second acquire while the holder is alive, naming the folder and pid', async () => {
    await acquire('electron')
    const attempt = acquireDataDirLock(dir, 'browser')
    await expect(attempt).rejects.toBeInstanceOf(DataDirLockedError)
    await expect(attempt).rejects.toThrow(
      `Another Dossier is already using ${dir} (process ${process.pid}). Close it first. ` +
        `If no Dossier is running, delete ${lockPath} and start again.`
    )
    await expect(attempt).rejects.toMatchObject({ dataDir: dir, pid: process.pid })
    // The loser must not have disturbed the holder's lock.
    expect(await readLock()).toMatchObject({ pid: process.pid, mode: 'electron' })
  })

  it('lets exactly one of several simultaneous acquires win', async () => {
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => acquireDataDirLock(dir)))
    const won = results.filter((r) => r.status === 'fulfilled')
    const lost = results.filter((r) => r.status === 'rejected')
    for (const r of won) held.push(r.value)
    expect(won).toHaveLength(1)
    for (const r of lost) expect(r.reason).toBeInstanceOf(DataDirLockedError)
  })

  it('takes over a stale lock left by a process that has exited', async () => {
    const deadPid = await pidOfExitedProcess()
    await writeFile(lockPath, JSON.stringify({ pid: deadPid, startedAt: new Date().toISOString() }))

    await acquire('electron')
    expect(await readLock()).toMatchObject({ pid: process.pid, mode: 'electron' })
    expect(existsSync(lockPath)).toBe(true)
  })

  it('takes over a lock whose pid is alive but now belongs to another process (a pid reused after a reboot)', async () => {
    // Our own pid is alive; the identity recorded is not ours: the owner was another process.
    await writeFile(
      lockPath,
      JSON.stringify({ pid: process.pid, startedAt: '2026-01-01T00:00:00.000Z', process: 'an-earlier-boot:12345' })
    )
    await acquire('browser')
    const content = await readLock()
    expect(content).toMatchObject({ pid: process.pid, mode: 'browser' })
    expect(content.process).not.toBe('an-earlier-boot:12345')
  })

  it('records which process holds the pid, where the system says', async () => {
    await acquire()
    const identity = processIdentity(process.pid)
    const content = await readLock()
    if (identity === null) expect(content.process).toBeUndefined()
    else expect(content.process).toMatch(/^[0-9a-f-]+:\d+$/)
  })

  it('lets exactly one of several simultaneous acquires take over a stale lock', async () => {
    const deadPid = await pidOfExitedProcess()
    await writeFile(lockPath, JSON.stringify({ pid: deadPid, startedAt: new Date().toISOString() }))

    const results = await Promise.allSettled(Array.from({ length: 10 }, () => acquireDataDirLock(dir)))
    const won = results.filter((r) => r.status === 'fulfilled')
    for (const r of won) held.push(r.value)
    expect(won).toHaveLength(1)
    expect(await readLock()).toMatchObject({ pid: process.pid })
  })

  it.each([
    ['empty', ''],
    ['not JSON', 'garbage{'],
    ['no pid', '{"startedAt":"2024-01-01T00:00:00.000Z"}'],
    ['a nonsense pid', '{"pid":0,"startedAt":"2024-01-01T00:00:00.000Z"}']
  ])('treats an unreadable lock file (%s) as stale', async (_label, text) => {
    await writeFile(lockPath, text)
    await acquire()
    expect(await readLock()).toMatchObject({ pid: process.pid })
  })
})

describe('releasing', () => {
  it('release() removes the lock so the folder can be acquired again', async () => {
    const first = await acquireDataDirLock(dir)
    await first.release()
    expect(existsSync(lockPath)).toBe(false)
    await first.release() // idempotent

    const second = await acquire()
    expect(await readLock()).toMatchObject({ pid: process.pid })
    expect(second.path).toBe(lockPath)
  })

  it('release() leaves alone a lock that now belongs to another process', async () => {
    const lock = await acquireDataDirLock(dir)
    const foreign = JSON.stringify({ pid: process.pid + 1, startedAt: new Date().toISOString() })
    await writeFile(lockPath, foreign)

    await lock.release()
    expect(await readFile(lockPath, 'utf8')).toBe(foreign)
    releaseDataDirLockSync(lock)
    expect(await readFile(lockPath, 'utf8')).toBe(foreign)
  })

  it('a stale handle from an earlier acquire in this process does not release the current lock', async () => {
    const old = await acquireDataDirLock(dir)
    await old.release()
    await acquire()

    await old.release()
    expect(existsSync(lockPath)).toBe(true)
  })

  it('releaseDataDirLockSync removes our lock and never throws', async () => {
    const lock = await acquireDataDirLock(dir)
    releaseDataDirLockSync(lock)
    expect(existsSync(lockPath)).toBe(false)
    expect(() => releaseDataDirLockSync(lock)).not.toThrow()

    held.push(await acquireDataDirLock(dir))
  })
})

describe('liveLockHolder (read-only starts, which take no lock)', () => {
  it('names the live holder, and nobody for a free folder or a stale lock', async () => {
    expect(await liveLockHolder(dir)).toBeNull()
    const lock = await acquire()
    expect(await liveLockHolder(dir)).toBe(process.pid)
    await lock.release()
    await writeFile(lockPath, JSON.stringify({ pid: await pidOfExitedProcess(), startedAt: '' }))
    expect(await liveLockHolder(dir)).toBeNull()
    await writeFile(lockPath, 'not json')
    expect(await liveLockHolder(dir)).toBeNull()
  })
})
