/**
 * Crash-safe JSON storage for lowdb.
 *
 * lowdb's stock adapter (steno) renames its temp file without fsync and only
 * serialises writes in memory, so a power cut can leave a zero-length or
 * half-written database, and a corrupt file makes the app start empty and then
 * overwrite the user's data with defaults. This adapter makes every write
 * durable (temp → fsync → rename → fsync dir), keeps rolling backups of known
 * good content, and on read never destroys an unparsable file: it is moved to
 * a quarantine folder and the newest good backup is restored instead.
 *
 * On-disk layout for a target `<dir>/<name>` (the `.json` extension, if any, is
 * dropped from `<stem>` so `notes.json` gives `notes.1.json`, not
 * `notes.json.1.json`):
 *   <dir>/.<name>.<pid>.<random>.tmp           in-flight write
 *   <dir>/.backups/<stem>.<1..N>.json          rolling backups, 1 = newest
 *   <dir>/.quarantine/<stem>.<ISO time>.json   unparsable files, never deleted
 *
 * Plain Node only: this module must stay importable without Electron.
 */
import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import path from 'node:path'
import type { Adapter } from 'lowdb'
import { hasCode, isProcessAlive } from './processes'

export interface RecoveryEvent {
  /** Absolute path of the database file that needed recovery. */
  file: string
  /**
   * Where the unparsable file was moved, or `null` when there was nothing to
   * quarantine because the file was missing and a backup was restored instead.
   */
  quarantinedTo: string | null
  /** Backup the data came back from, or `null` when no backup was usable (the caller starts fresh). */
  restoredFrom: string | null
  /** Human-readable cause, e.g. the JSON parse error message. */
  reason: string
}

export interface DurableJsonFileOptions {
  /** Rolling backups kept; default 3, 0 disables backups. */
  backups?: number
  /** Minimum time between backups; default 10 minutes, 0 = back up before every write. */
  backupIntervalMs?: number
  /** Told whenever a file was quarantined and/or restored, so the UI can inform the user. */
  onRecovery?: (event: RecoveryEvent) => void
  /** Test seam: runs after the temp file is durable and before anything else changes. */
  hooks?: { afterTempWrite?: () => void | Promise<void> }
}

const DEFAULT_BACKUPS = 3
const DEFAULT_BACKUP_INTERVAL_MS = 10 * 60 * 1000

/**
 * Atomically replaces `filePath` with `content` so that after a crash the file
 * holds either the old or the new bytes, never a mix; resolves only once the
 * new content and the rename are on disk.
 */
export async function writeFileDurably(filePath: string, content: string | Uint8Array): Promise<void> {
  await writeDurably(filePath, content)
}

async function writeDurably(
  filePath: string,
  content: string | Uint8Array,
  beforeRename?: () => Promise<void>
): Promise<void> {
  const dir = path.dirname(filePath)
  // Same directory as the target: rename is only atomic within one filesystem.
  const tmpPath = path.join(dir, tempFileName(path.basename(filePath)))
  try {
    const handle = await fs.open(tmpPath, 'wx')
    try {
      await handle.writeFile(content)
      // Without this the rename can reach the disk before the data does, which
      // is exactly how steno leaves zero-length files after a power cut.
      await handle.sync()
    } finally {
      await handle.close()
    }
    if (beforeRename) await beforeRename()
    await fs.rename(tmpPath, filePath)
  } catch (error) {
    await fs.rm(tmpPath, { force: true }).catch(() => undefined)
    throw error
  }
  // The rename itself lives in the directory entry; until that is flushed a
  // crash may bring back the old file.
  await fsyncDir(dir)
}

function tempFileName(baseName: string): string {
  return `.${baseName}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
}

/** Makes a rename or a new file in `dir` durable; a no-op where the system cannot fsync folders. */
export async function fsyncDir(dir: string): Promise<void> {
  let handle: FileHandle | undefined
  try {
    handle = await fs.open(dir, 'r')
    await handle.sync()
  } catch (error) {
    // Windows cannot open or fsync directories; there NTFS's rename is the best
    // we can get, so this is not a failure of the write.
    if (!hasCode(error, 'EISDIR', 'EPERM', 'EINVAL')) throw error
  } finally {
    await handle?.close()
  }
}

export class DurableJsonFile<T> implements Adapter<T> {
  readonly #file: string
  readonly #dir: string
  readonly #name: string
  readonly #stem: string
  readonly #backupDir: string
  readonly #quarantineDir: string
  readonly #backups: number
  readonly #backupIntervalMs: number
  readonly #onRecovery: ((event: RecoveryEvent) => void) | undefined
  readonly #afterTempWrite: (() => void | Promise<void>) | undefined
  // One chain for reads and writes: a read may restore a backup onto the
  // target, which must not race a write of the same file.
  #queue: Promise<unknown> = Promise.resolve()
  // undefined = not looked up yet; null = no backup on disk.
  #lastBackupAt: number | null | undefined

  constructor(filePath: string, options: DurableJsonFileOptions = {}) {
    this.#file = path.resolve(filePath)
    this.#dir = path.dirname(this.#file)
    this.#name = path.basename(this.#file)
    this.#stem = this.#name.toLowerCase().endsWith('.json') ? this.#name.slice(0, -5) : this.#name
    this.#backupDir = path.join(this.#dir, '.backups')
    this.#quarantineDir = path.join(this.#dir, '.quarantine')
    this.#backups = Math.max(0, Math.floor(options.backups ?? DEFAULT_BACKUPS))
    this.#backupIntervalMs = Math.max(0, options.backupIntervalMs ?? DEFAULT_BACKUP_INTERVAL_MS)
    this.#onRecovery = options.onRecovery
    this.#afterTempWrite = options.hooks?.afterTempWrite
  }

  read(): Promise<T | null> {
    return this.#enqueue(() => this.#read())
  }

  write(data: T): Promise<void> {
    // Serialise now, not when the queue gets to it: lowdb hands us its live
    // `data` object, and each call must persist the state it was called with.
    let content: string
    try {
      const json = JSON.stringify(data, null, 2) as string | undefined
      if (json === undefined) throw new TypeError('DurableJsonFile: data is not JSON-serialisable')
      content = json + '\n'
    } catch (error) {
      return Promise.reject(error)
    }
    return this.#enqueue(() => this.#write(content))
  }

  #enqueue<R>(task: () => Promise<R>): Promise<R> {
    const result = this.#queue.then(task, task)
    // A failed call must not poison the calls queued behind it.
    this.#queue = result.catch(() => undefined)
    return result
  }

  async #write(content: string): Promise<void> {
    // The adapter owns its folder (e.g. notes/ before the first note exists); a
    // newly created folder's own entry must be durable too, or a crash could
    // lose the folder together with the file "safely" written into it.
    const created = await fs.mkdir(this.#dir, { recursive: true })
    if (created !== undefined) {
      for (let d = this.#dir; d !== path.dirname(created); d = path.dirname(d)) {
        await fsyncDir(path.dirname(d))
      }
    }
    await writeDurably(this.#file, content, async () => {
      await this.#afterTempWrite?.()
      await this.#backUpCurrentIfDue()
    })
  }

  async #read(): Promise<T | null> {
    await this.#removeStaleTempFiles()

    let raw: string
    try {
      raw = await fs.readFile(this.#file, 'utf8')
    } catch (error) {
      if (!hasCode(error, 'ENOENT')) throw error
      // A missing file next to existing backups means it was lost (deleted, or
      // a crash on a filesystem that dropped the rename), not a first run.
      const restored = await this.#restoreNewestBackup()
      if (!restored) return null
      this.#report({
        file: this.#file,
        quarantinedTo: null,
        restoredFrom: restored.from,
        reason: 'the file was missing'
      })
      return restored.data
    }

    try {
      return JSON.parse(raw) as T
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      // Move, never rewrite: the bytes may still be hand-recoverable.
      const quarantinedTo = await this.#quarantine()
      const restored = await this.#restoreNewestBackup()
      this.#report({
        file: this.#file,
        quarantinedTo,
        restoredFrom: restored?.from ?? null,
        reason
      })
      return restored ? restored.data : null
    }
  }

  async #backUpCurrentIfDue(): Promise<void> {
    if (this.#backups === 0) return
    const now = Date.now()
    if (this.#backupIntervalMs > 0) {
      const last = await this.#lastBackupTime()
      if (last !== null && now - last < this.#backupIntervalMs) return
    }

    let current: string
    try {
      current = await fs.readFile(this.#file, 'utf8')
    } catch (error) {
      if (hasCode(error, 'ENOENT')) return
      throw error
    }
    // A corrupt current file must never rotate a good backup out of the set.
    if (!parses(current)) return

    await fs.mkdir(this.#backupDir, { recursive: true })
    await fs.rm(this.#backupPath(this.#backups), { force: true })
    for (let i = this.#backups - 1; i >= 1; i--) {
      try {
        await fs.rename(this.#backupPath(i), this.#backupPath(i + 1))
      } catch (error) {
        if (!hasCode(error, 'ENOENT')) throw error
      }
    }
    // Durable write (also fsyncs .backups/, covering the renames above).
    await writeFileDurably(this.#backupPath(1), current)
    this.#lastBackupAt = now
  }

  async #lastBackupTime(): Promise<number | null> {
    if (this.#lastBackupAt === undefined) {
      // Seed from disk so restarting the app does not count as "interval elapsed".
      try {
        this.#lastBackupAt = (await fs.stat(this.#backupPath(1))).mtimeMs
      } catch {
        this.#lastBackupAt = null
      }
    }
    return this.#lastBackupAt
  }

  #backupPath(index: number): string {
    return path.join(this.#backupDir, `${this.#stem}.${index}.json`)
  }

  /** Backups on disk, newest first; scans the folder so a lowered `backups` option still finds older ones. */
  async #listBackups(): Promise<string[]> {
    let entries: string[]
    try {
      entries = await fs.readdir(this.#backupDir)
    } catch (error) {
      if (hasCode(error, 'ENOENT')) return []
      throw error
    }
    const index = (base: string): number => Number(base.slice(this.#stem.length + 1, -'.json'.length))
    return entries
      .filter((base) => this.#isBackupName(base))
      .sort((a, b) => index(a) - index(b))
      .map((base) => path.join(this.#backupDir, base))
  }

  async #restoreNewestBackup(): Promise<{ data: T; from: string } | null> {
    for (const backup of await this.#listBackups()) {
      let raw: string
      try {
        raw = await fs.readFile(backup, 'utf8')
      } catch {
        continue
      }
      let data: T
      try {
        data = JSON.parse(raw) as T
      } catch {
        continue
      }
      // Put it back durably so the next launch does not depend on recovery again.
      await writeFileDurably(this.#file, raw)
      return { data, from: backup }
    }
    return null
  }

  async #quarantine(): Promise<string> {
    await fs.mkdir(this.#quarantineDir, { recursive: true })
    const stamp = new Date().toISOString().replace(/:/g, '')
    let target = path.join(this.#quarantineDir, `${this.#stem}.${stamp}.json`)
    // rename() silently replaces, so never reuse a name from an earlier incident.
    for (let n = 1; await exists(target); n++) {
      target = path.join(this.#quarantineDir, `${this.#stem}.${stamp}-${n}.json`)
    }
    await fs.rename(this.#file, target)
    await fsyncDir(this.#quarantineDir)
    await fsyncDir(this.#dir)
    return target
  }

  /**
   * Deletes temp files orphaned by a crashed writer, next to the target and in
   * .backups/. Temp files of live processes (including this one, whose writes
   * may be in flight on another instance) are left alone.
   */
  async #removeStaleTempFiles(): Promise<void> {
    await removeStaleTemps(this.#dir, (base) => base === this.#name)
    await removeStaleTemps(this.#backupDir, (base) => this.#isBackupName(base))
  }

  #isBackupName(base: string): boolean {
    const prefix = `${this.#stem}.`
    if (!base.startsWith(prefix) || !base.endsWith('.json')) return false
    return /^[1-9]\d*$/.test(base.slice(prefix.length, -'.json'.length))
  }

  #report(event: RecoveryEvent): void {
    try {
      this.#onRecovery?.(event)
    } catch {
      // A broken listener must not stop the recovered data from loading.
    }
  }
}

/** Removes `.<base>.<pid>.<random>.tmp` files in `dir` whose writer process is gone. */
async function removeStaleTemps(dir: string, isOurBase: (base: string) => boolean): Promise<void> {
  let entries: string[]
  try {
    entries = await fs.readdir(dir)
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return
    throw error
  }
  for (const entry of entries) {
    const match = /^\.(.+)\.(\d+)\.[0-9a-f]+\.tmp$/.exec(entry)
    if (!match || !isOurBase(match[1] ?? '')) continue
    const pid = Number(match[2])
    if (pid === process.pid || isProcessAlive(pid)) continue
    await fs.rm(path.join(dir, entry), { force: true })
  }
}

function parses(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file)
    return true
  } catch {
    return false
  }
}
