/**
 * One Dossier per data directory.
 *
 * lowdb keeps the whole database in memory and writes it back wholesale, so two
 * processes on the same data folder (two windows of the desktop app, or the
 * desktop app plus `start:browser`) would silently overwrite each other's
 * notes. steno's lock is in-memory only, so we keep a lock file on disk that
 * records the owning pid and, where the system says, which process that was
 * (pids are reused, after a reboot most of all); a lock left behind by a crash
 * is detected (dead pid, or a pid now held by another process) and taken over
 * instead of locking the user out forever.
 *
 * Plain Node only: this module must stay importable without Electron.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync, unlinkSync } from 'node:fs'
import * as fs from 'node:fs/promises'
import path from 'node:path'
import { hasCode, isProcessAlive, processIdentity } from './processes'

export interface DataDirLock {
  /** Absolute path of the lock file. */
  readonly path: string
  /** Deletes the lock file if it is still ours; safe to call more than once. */
  release(): Promise<void>
}

interface LockContent {
  pid: number
  startedAt: string
  mode?: string
  /** processIdentity() of the owner when it took the lock: tells a reused pid from the owner. */
  process?: string
}

export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError'
  constructor(
    readonly dataDir: string,
    readonly pid: number
  ) {
    super(
      `Another Dossier is already using ${dataDir} (process ${pid}). Close it first. ` +
        `If no Dossier is running, delete ${path.join(dataDir, LOCK_FILE_NAME)} and start again.`
    )
  }
}

export const LOCK_FILE_NAME = 'dossier.lock'

// Handles that were released. A later acquire in this same process writes the
// same pid, so without this an old handle's release() would delete the new lock.
const released = new WeakSet<DataDirLock>()

// Bounded so a pathological race can't spin forever; each round only repeats
// when another process changed the lock file under us.
const MAX_ATTEMPTS = 5

export async function acquireDataDirLock(
  dataDir: string,
  /** Recorded for whoever finds the lock later, e.g. 'electron' or 'browser'. */
  mode?: string
): Promise<DataDirLock> {
  const dir = path.resolve(dataDir)
  const lockPath = path.join(dir, LOCK_FILE_NAME)
  await fs.mkdir(dir, { recursive: true })

  const identity = processIdentity(process.pid)
  const content: LockContent = {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    ...(mode === undefined ? {} : { mode }),
    ...(identity === null ? {} : { process: identity })
  }
  const text = JSON.stringify(content, null, 2) + '\n'

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (await createExclusively(lockPath, text)) {
      const lock: DataDirLock = {
        path: lockPath,
        release: () => releaseLock(lock)
      }
      return lock
    }

    let existingText: string
    try {
      existingText = await fs.readFile(lockPath, 'utf8')
    } catch (error) {
      if (hasCode(error, 'ENOENT')) continue // released meanwhile: try again
      throw error
    }
    const existing = parseLock(existingText)
    if (existing && isLive(existing)) throw new DataDirLockedError(dir, existing.pid)

    await takeOverStaleLock(lockPath, existingText)
  }
  // Only reachable if others keep rewriting the lock file: someone is alive.
  const holder = parseLock(await fs.readFile(lockPath, 'utf8').catch(() => ''))
  throw new DataDirLockedError(dir, holder?.pid ?? 0)
}

/**
 * Creates `file` with `text` only if it does not exist yet; false if it does.
 *
 * A plain 'wx' open creates the file empty and fills it a moment later; a
 * competing process that reads it in between sees an unreadable, hence
 * "stale", lock and takes it over, so both would run. Writing a private temp
 * file and hard-linking it into place publishes the complete content in one
 * exclusive step ('wx' semantics: link fails with EEXIST).
 */
async function createExclusively(file: string, text: string): Promise<boolean> {
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
  try {
    // Inside the try: on a full disk the write creates the temp file and then fails, and
    // that empty file must not be left behind.
    await fs.writeFile(tmp, text, { flag: 'wx' })
    await fs.link(tmp, file)
    return true
  } catch (error) {
    if (hasCode(error, 'EEXIST')) return false
    // Filesystems without hard links (FAT, some network shares): fall back to
    // 'wx' and its short empty-file window.
    if (!hasCode(error, 'EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP', 'EXDEV')) throw error
  } finally {
    await fs.rm(tmp, { force: true })
  }
  try {
    await fs.writeFile(file, text, { flag: 'wx' })
    return true
  } catch (error) {
    if (hasCode(error, 'EEXIST')) return false
    throw error
  }
}

/**
 * The process holding the data folder's lock, if it is alive; null when the folder is free
 * or its lock is stale. Writes nothing: for a start that cannot write (read-only mode), which
 * takes no lock but must still not run beside another Dossier that can.
 */
export async function liveLockHolder(dataDir: string): Promise<number | null> {
  const text = await fs.readFile(path.join(path.resolve(dataDir), LOCK_FILE_NAME), 'utf8').catch(() => null)
  const existing = text === null ? null : parseLock(text)
  return existing && isLive(existing) ? existing.pid : null
}

/**
 * For process 'exit' handlers, where async work never runs. Never throws: a
 * failure here only leaves a stale lock, which the next start takes over.
 */
export function releaseDataDirLockSync(lock: DataDirLock): void {
  if (released.has(lock)) return
  try {
    if (isStillOurs(readFileSync(lock.path, 'utf8'))) unlinkSync(lock.path)
    released.add(lock)
  } catch {
    // Already gone or unreadable: nothing of ours to remove.
  }
}

async function releaseLock(lock: DataDirLock): Promise<void> {
  if (released.has(lock)) return
  let text: string | null = null
  try {
    text = await fs.readFile(lock.path, 'utf8')
  } catch (error) {
    if (!hasCode(error, 'ENOENT')) throw error
  }
  // Someone may have judged us dead and taken over; their lock is not ours to delete.
  if (text !== null && isStillOurs(text)) await fs.rm(lock.path, { force: true })
  released.add(lock)
}

function isStillOurs(text: string): boolean {
  return parseLock(text)?.pid === process.pid
}

/**
 * Removes a stale lock without ever removing a fresh one: two starting
 * processes may both judge the same lock stale, and a plain unlink by the
 * slower one would delete the lock the faster one just created. Instead we move
 * the file aside and check that what we moved is the stale content we judged.
 */
async function takeOverStaleLock(lockPath: string, staleText: string): Promise<void> {
  const aside = `${lockPath}.${process.pid}.${randomBytes(6).toString('hex')}.stale`
  try {
    await fs.rename(lockPath, aside)
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return // someone else moved it; re-evaluate
    throw error
  }
  const movedText = await fs.readFile(aside, 'utf8').catch(() => null)
  if (movedText !== staleText) {
    // We moved a lock someone created after our check: put it back unless yet
    // another lock appeared meanwhile (link fails rather than overwrite).
    try {
      await fs.link(aside, lockPath)
    } catch (error) {
      // No hard links on this filesystem (e.g. FAT): a plain rename is the best we have.
      if (!hasCode(error, 'EEXIST')) await fs.rename(aside, lockPath).catch(() => undefined)
    }
  }
  await fs.rm(aside, { force: true })
}

function parseLock(text: string): LockContent | null {
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value !== 'object' || value === null) return null
    const { pid, startedAt, mode, process: identity } = value as Record<string, unknown>
    if (typeof pid !== 'number' || !Number.isSafeInteger(pid) || pid <= 0) return null
    // Missing extras must not make a live lock look stale: without an identity, the pid decides.
    return {
      pid,
      startedAt: typeof startedAt === 'string' ? startedAt : '',
      ...(typeof mode === 'string' ? { mode } : {}),
      ...(typeof identity === 'string' ? { process: identity } : {})
    }
  } catch {
    return null
  }
}

/** Alive, and still the process that took the lock: a pid reused after a reboot is not the owner. */
function isLive(lock: LockContent): boolean {
  if (!isProcessAlive(lock.pid)) return false
  if (lock.process === undefined) return true
  const now = processIdentity(lock.pid)
  return now === null || now === lock.process
}
