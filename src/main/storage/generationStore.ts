/**
 * One file's backup generations on disk, in `<dir>/.backups/`.
 *
 * Why hard links: a backup refreshed every few minutes lost up to that much on a restore,
 * and copying the file on every write would double the bytes each save writes (a note save
 * must stay a small write). Instead, just before a write renames its temp file over the
 * target, the current target is hard-linked into `.backups/` under its generation name;
 * the rename then leaves the old inode alive as that generation. Zero data bytes are
 * written, and a restore can go back exactly one save. Where `link()` is refused (FAT,
 * some network shares, another filesystem), the store falls back to copying the file,
 * at most once per `copyIntervalMs`, as Dossier always did.
 *
 * A generation is a safety net, so keeping one is best-effort for the caller (see
 * durableJsonFile.ts), and the link gets no fsync of its own: a crash can at worst lose a
 * generation, never the saved file, whose folder the write fsyncs. Pruning follows
 * generations.ts.
 */
import * as fs from 'node:fs/promises'
import type { BigIntStats } from 'node:fs'
import path from 'node:path'
import { writeFileDurably } from './durableWrite'
import {
  generationName,
  generationsToKeep,
  keepsNothing,
  newestFirst,
  parseGenerationName,
  type RetentionPolicy
} from './generations'
import { hasCode } from './processes'

export interface Generation {
  path: string
  /** When its content was saved (ms since the epoch): from its name, or its mtime for an old-style backup. */
  time: number
  size: number
  /** Its inode, so that the same content is never kept twice. */
  ino: bigint
  /** Sort tie-break among equal times: a later same-millisecond suffix, or a lower old-style index, first. */
  order: number
}

export interface GenerationStoreOptions {
  retention: RetentionPolicy
  /** Where links are refused: the least time between two copies. 0 copies on every write. */
  copyIntervalMs: number
  now: () => Date
  /** `fs.link`, replaceable so tests can take the copy path on a filesystem that links. */
  link: (existingPath: string, newPath: string) => Promise<void>
}

/** link() errors that mean "this filesystem or folder will not do hard links", not a passing failure. */
const LINK_UNSUPPORTED = ['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'EMLINK', 'ENOSYS']

export class GenerationStore {
  /** This file's generations as last seen, newest first; loaded on first use, then kept up to date. */
  #known: Generation[] | undefined
  #linksRefused = false

  constructor(
    readonly dir: string,
    readonly stem: string,
    private readonly options: GenerationStoreOptions
  ) {}

  isGenerationName(base: string): boolean {
    return parseGenerationName(this.stem, base) !== null
  }

  /** Every generation on disk now, newest first. Rejects when the folder exists but cannot be read. */
  async list(): Promise<Generation[]> {
    let entries: string[]
    try {
      entries = await fs.readdir(this.dir)
    } catch (error) {
      if (hasCode(error, 'ENOENT')) return (this.#known = [])
      throw error
    }
    const found: Generation[] = []
    for (const base of entries) {
      const parsed = parseGenerationName(this.stem, base)
      if (!parsed) continue
      const file = path.join(this.dir, base)
      let stats: BigIntStats
      try {
        stats = await fs.lstat(file, { bigint: true })
      } catch {
        continue
      }
      if (!stats.isFile()) continue
      found.push({
        path: file,
        time: parsed.kind === 'stamped' ? parsed.time : Number(stats.mtimeMs),
        size: Number(stats.size),
        ino: stats.ino,
        order: parsed.kind === 'stamped' ? -parsed.n : parsed.index
      })
    }
    return (this.#known = newestFirst(found))
  }

  /**
   * Keeps the file at `current` (whose identity is `stats`, content known good) as a
   * generation, then prunes. On the link path no byte is written; `readCurrent` is only
   * called where links are refused and a copy is due.
   */
  async keep(current: string, stats: BigIntStats, readCurrent: () => Promise<string>): Promise<void> {
    const { retention } = this.options
    if (keepsNothing(retention)) return
    const known = this.#known ?? (await this.list())
    // Already a generation (a write that failed after linking, then another): nothing to add.
    if (known.some((generation) => generation.ino === stats.ino)) return
    const time = Number(stats.mtimeMs)
    await fs.mkdir(this.dir, { recursive: true })

    let kept: Generation | null = null
    if (!this.#linksRefused) {
      kept = await this.#link(current, stats, time, known)
    }
    if (this.#linksRefused && this.#copyDue(known)) {
      kept = await this.#copy(readCurrent, stats, time, known)
    }
    if (kept) known.unshift(kept)
    this.#known = newestFirst(known)
    await this.#prune()
  }

  async #link(current: string, stats: BigIntStats, time: number, known: Generation[]): Promise<Generation | null> {
    for (let n = this.#firstFreeSuffix(time, known); ; n++) {
      const target = path.join(this.dir, generationName(this.stem, time, n))
      try {
        await this.options.link(current, target)
        return { path: target, time, size: Number(stats.size), ino: stats.ino, order: -n }
      } catch (error) {
        // Someone else's file under that name (another copy of Dossier, an old run): next suffix.
        if (hasCode(error, 'EEXIST')) continue
        if (hasCode(error, ...LINK_UNSUPPORTED)) {
          this.#linksRefused = true
          return null
        }
        throw error
      }
    }
  }

  #copyDue(known: readonly Generation[]): boolean {
    const newest = known[0]
    if (!newest || this.options.copyIntervalMs <= 0) return true
    return this.options.now().getTime() - newest.time >= this.options.copyIntervalMs
  }

  async #copy(
    readCurrent: () => Promise<string>,
    stats: BigIntStats,
    time: number,
    known: Generation[]
  ): Promise<Generation> {
    const n = this.#firstFreeSuffix(time, known)
    const target = path.join(this.dir, generationName(this.stem, time, n))
    await writeFileDurably(target, await readCurrent())
    const copied = await fs.stat(target, { bigint: true })
    return { path: target, time, size: Number(stats.size), ino: copied.ino, order: -n }
  }

  #firstFreeSuffix(time: number, known: readonly Generation[]): number {
    const taken = new Set(known.map((generation) => path.basename(generation.path)))
    let n = 0
    while (taken.has(generationName(this.stem, time, n))) n++
    return n
  }

  async #prune(): Promise<void> {
    const known = this.#known ?? []
    const keep = new Set(generationsToKeep(known, this.options.now().getTime(), this.options.retention))
    for (const generation of known) {
      if (keep.has(generation)) continue
      await fs.rm(generation.path, { force: true })
    }
    this.#known = known.filter((generation) => keep.has(generation))
  }
}
