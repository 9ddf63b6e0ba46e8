/**
 * Crash-safe JSON storage for lowdb.
 *
 * lowdb's stock adapter (steno) renames its temp file without fsync and only
 * serialises writes in memory, so a power cut can leave a zero-length or
 * half-written database, and a corrupt file makes the app start empty and then
 * overwrite the user's data with defaults. This adapter makes every write
 * durable (durableWrite.ts), keeps a backup generation of every save
 * (generationStore.ts: hard links, no bytes copied), and on read never destroys
 * a damaged file: one that does not parse, or (with `validate`) parses to the
 * wrong shape, is moved to a quarantine folder and the newest generation that
 * parses and validates is restored instead.
 *
 * On-disk layout for a target `<dir>/<name>` (the `.json` extension, if any, is
 * dropped from `<stem>`):
 *   <dir>/.<name>.<pid>.<random>.tmp                in-flight write
 *   <dir>/.backups/<stem>.<YYYYMMDDTHHMMSS.mmmZ>.json  generations (older Dossiers: <stem>.<n>.json)
 *   <dir>/.quarantine/<stem>.<ISO time>.json        damaged files, never deleted
 *
 * Plain Node only: this module must stay importable without Electron.
 */
import * as fs from 'node:fs/promises'
import type { BigIntStats } from 'node:fs'
import path from 'node:path'
import type { Adapter } from 'lowdb'
import { serialQueue } from '../../shared/async/serialQueue'
import { fsyncDir, removeStaleTemps, writeDurably } from './durableWrite'
import { DEFAULT_RETENTION, type RetentionPolicy } from './generations'
import { GenerationStore } from './generationStore'
import { hasCode } from './processes'
import { errorMessage } from '../../shared/errorMessage'

// Kept here too: article bodies, the search index and its journal import them from this module.
export { fsyncDir, writeFileDurably } from './durableWrite'

export interface RecoveryEvent {
  /** Absolute path of the database file that needed recovery. */
  file: string
  /**
   * Where the damaged file was moved, or `null` when there was nothing to
   * quarantine because the file was missing and a generation was restored instead.
   */
  quarantinedTo: string | null
  /** Generation the data came back from, or `null` when none was usable (the caller starts fresh). */
  restoredFrom: string | null
  /** When the restored content was saved (ISO 8601), or `null` when nothing was restored. */
  restoredSavedAt: string | null
  /** What the restored content holds, in words (« 3 articles, 9 tags »), when the adapter was told how to say it. */
  restoredContents: string | null
  /** When the damage was found (ISO 8601), so a notice can say how much time the restore went back. */
  detectedAt: string
  /** Human-readable cause, e.g. the JSON parse error or what has the wrong shape. */
  reason: string
}

/** A file's parsed content judged against its schema: `reason` says what is wrong, in words. */
export type Validation<T> = { ok: true; value: T } | { ok: false; reason: string }

export interface DurableJsonFileOptions<T = unknown> {
  /**
   * Judges parsed JSON: a wrong shape is damage, handled like unparsable bytes. May return a
   * changed value (migrated, defaults filled in). Throwing is not damage: the error reaches
   * the reader and the file is left untouched (a file from a newer Dossier, say). Default:
   * any JSON is accepted as it is.
   */
  validate?: (parsed: unknown) => Validation<T>
  /** Says in words what a restored value holds, for the recovery event. */
  describe?: (value: T) => string
  /** Which generations to keep; default 10 writes, hourly for a day, daily for two weeks, 64 MB. */
  retention?: Partial<RetentionPolicy>
  /**
   * Where hard links are refused and generations are copies instead: the least time between
   * two copies. Default 10 minutes; 0 copies on every write.
   */
  backupIntervalMs?: number
  /** Told whenever a file was quarantined and/or restored, so the UI can inform the user. */
  onRecovery?: (event: RecoveryEvent) => void
  /** The clock: generation ages, quarantine names and recovery times. */
  now?: () => Date
  hooks?: {
    /** Test seam: runs after the temp file is durable and before anything else changes. */
    afterTempWrite?: () => void | Promise<void>
    /** Test seam: replaces `fs.link`, e.g. to refuse links the way FAT or a network share does. */
    link?: (existingPath: string, newPath: string) => Promise<void>
  }
}

const DEFAULT_BACKUP_INTERVAL_MS = 10 * 60 * 1000

/** A file as read: its text and the identity of the inode it came from. */
interface LoadedFile {
  text: string
  stats: BigIntStats
}

export class DurableJsonFile<T> implements Adapter<T> {
  readonly #file: string
  readonly #dir: string
  readonly #name: string
  readonly #stem: string
  readonly #quarantineDir: string
  readonly #generations: GenerationStore
  readonly #validate: (parsed: unknown) => Validation<T>
  readonly #describe: ((value: T) => string) | undefined
  readonly #onRecovery: ((event: RecoveryEvent) => void) | undefined
  readonly #now: () => Date
  readonly #afterTempWrite: (() => void | Promise<void>) | undefined
  // One queue for reads and writes: a read may restore a generation onto the
  // target, which must not race a write of the same file.
  readonly #queue = serialQueue()
  /**
   * The file last read or written here, whose content is known to be good: a write whose
   * target still is that file keeps it as a generation without reading it again.
   */
  #trusted: BigIntStats | null = null

  constructor(filePath: string, options: DurableJsonFileOptions<T> = {}) {
    this.#file = path.resolve(filePath)
    this.#dir = path.dirname(this.#file)
    this.#name = path.basename(this.#file)
    this.#stem = this.#name.toLowerCase().endsWith('.json') ? this.#name.slice(0, -5) : this.#name
    this.#quarantineDir = path.join(this.#dir, '.quarantine')
    this.#now = options.now ?? (() => new Date())
    this.#generations = new GenerationStore(path.join(this.#dir, '.backups'), this.#stem, {
      retention: { ...DEFAULT_RETENTION, ...options.retention },
      copyIntervalMs: Math.max(0, options.backupIntervalMs ?? DEFAULT_BACKUP_INTERVAL_MS),
      now: this.#now,
      link: options.hooks?.link ?? ((existing, target) => fs.link(existing, target))
    })
    this.#validate = options.validate ?? ((parsed) => ({ ok: true, value: parsed as T }))
    this.#describe = options.describe
    this.#onRecovery = options.onRecovery
    this.#afterTempWrite = options.hooks?.afterTempWrite
  }

  read(): Promise<T | null> {
    return this.#queue.run(() => this.#read())
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
    return this.#queue.run(() => this.#write(content))
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
    this.#trusted = await writeDurably(this.#file, content, async () => {
      await this.#afterTempWrite?.()
      await this.#keepCurrentAsGeneration()
    })
  }

  /**
   * Keeps the file about to be replaced as a generation, if it is good. Best-effort: a
   * generation is a safety net, and failing to make one (a damaged backups folder, say)
   * must not refuse the save it would protect.
   */
  async #keepCurrentAsGeneration(): Promise<void> {
    try {
      let stats = await fs.stat(this.#file, { bigint: true })
      if (!sameFile(stats, this.#trusted)) {
        // Changed behind this adapter's back since it last looked: a damaged file must
        // never become a generation, where it could crowd out the good ones.
        const current = await readWithIdentity(this.#file)
        if (!this.#judge(current.text).ok) return
        stats = current.stats
      }
      await this.#generations.keep(this.#file, stats, () => fs.readFile(this.#file, 'utf8'))
    } catch {
      // See above: the save goes on without this generation.
    }
  }

  async #read(): Promise<T | null> {
    await this.#removeStaleTempFiles()

    let current: LoadedFile
    try {
      current = await readWithIdentity(this.#file)
    } catch (error) {
      if (!hasCode(error, 'ENOENT')) throw error
      // A missing file next to existing generations means it was lost (deleted, or
      // a crash on a filesystem that dropped the rename), not a first run.
      const restored = await this.#restoreNewestGeneration()
      if (!restored) return null
      this.#report({ quarantinedTo: null, restored, reason: 'the file was missing' })
      return restored.value
    }

    const verdict = this.#judge(current.text)
    if (verdict.ok) {
      this.#trusted = current.stats
      return verdict.value
    }
    // Move, never rewrite: the bytes may still be hand-recoverable.
    const quarantinedTo = await this.#quarantine()
    const restored = await this.#restoreNewestGeneration()
    this.#report({ quarantinedTo, restored, reason: verdict.reason })
    return restored ? restored.value : null
  }

  /** Parses and validates; anything `validate` throws (not damage) goes to the caller. */
  #judge(text: string): Validation<T> {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch (error) {
      return { ok: false, reason: errorMessage(error) }
    }
    return this.#validate(parsed)
  }

  async #restoreNewestGeneration(): Promise<{ value: T; from: string; savedAt: number } | null> {
    let generations
    try {
      generations = await this.#generations.list()
    } catch {
      // An unreadable backups folder holds nothing usable; the caller starts fresh and says so.
      return null
    }
    for (const generation of generations) {
      let verdict: Validation<T>
      let text: string
      try {
        text = await fs.readFile(generation.path, 'utf8')
        verdict = this.#judge(text)
      } catch {
        continue
      }
      if (!verdict.ok) continue
      // Put it back durably so the next launch does not depend on recovery again.
      this.#trusted = await writeDurably(this.#file, text)
      return { value: verdict.value, from: generation.path, savedAt: generation.time }
    }
    return null
  }

  async #quarantine(): Promise<string> {
    await fs.mkdir(this.#quarantineDir, { recursive: true })
    const stamp = this.#now().toISOString().replace(/:/g, '')
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
    await removeStaleTemps(this.#generations.dir, (base) => this.#generations.isGenerationName(base))
  }

  #report({
    quarantinedTo,
    restored,
    reason
  }: {
    quarantinedTo: string | null
    restored: { value: T; from: string; savedAt: number } | null
    reason: string
  }): void {
    // A broken listener or description must not stop the recovered data from loading.
    let restoredContents: string | null = null
    try {
      if (restored && this.#describe) restoredContents = this.#describe(restored.value)
    } catch {
      restoredContents = null
    }
    try {
      this.#onRecovery?.({
        file: this.#file,
        quarantinedTo,
        restoredFrom: restored?.from ?? null,
        restoredSavedAt: restored ? new Date(restored.savedAt).toISOString() : null,
        restoredContents,
        detectedAt: this.#now().toISOString(),
        reason
      })
    } catch {
      // As above.
    }
  }
}

/** Reads a file and the identity of the very inode read (not of whatever is at the path a moment later). */
async function readWithIdentity(file: string): Promise<LoadedFile> {
  const handle = await fs.open(file, 'r')
  try {
    const stats = await handle.stat({ bigint: true })
    return { text: await handle.readFile('utf8'), stats }
  } finally {
    await handle.close()
  }
}

/** Same inode with the same size and mtime: the bytes last judged good, unchanged since. */
function sameFile(a: BigIntStats, b: BigIntStats | null): boolean {
  return b !== null && a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file)
    return true
  } catch {
    return false
  }
}
