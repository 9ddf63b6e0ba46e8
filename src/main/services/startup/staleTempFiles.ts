/**
 * Temp files of writers that crashed. Every durable write goes through a temp file
 * (`.<name>.<pid>.<hex>.tmp`), and so does the lock (`dossier.lock.<pid>.<hex>.tmp`, or
 * `.stale` while a stale lock is moved aside); a kill between the write and the rename
 * leaves one behind, and nothing removed those beside files that are never opened again (an
 * import's body, for instance). At start-up, with the lock held, every such file whose
 * process is gone is removed, anywhere in the data folder.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { hasCode, isProcessAlive } from '../../storage/processes'

const DURABLE_TEMP = /^\..+\.(\d+)\.[0-9a-f]+\.tmp$/
const LOCK_TEMP = /^dossier\.lock\.(\d+)\.[0-9a-f]+\.(?:tmp|stale)$/
/** Data lives at most this deep (`notes/.backups/x.json`): the sweep goes no further. */
const MAX_DEPTH = 2

export interface SweepOptions {
  /** Stops the sweep early (the start-up time budget ran out); what was removed stays removed. */
  shouldStop?: () => boolean
  /** Test seam: whether a process is alive (default: asks the system). */
  isAlive?: (pid: number) => boolean
}

/** The temp files of dead writers under `dataDir`, removed; resolves to their paths. */
export async function removeStaleTempFiles(dataDir: string, options: SweepOptions = {}): Promise<string[]> {
  const isAlive = options.isAlive ?? isProcessAlive
  const shouldStop = options.shouldStop ?? (() => false)
  const removed: string[] = []
  const sweep = async (folder: string, depth: number): Promise<void> => {
    let entries
    try {
      entries = await fs.readdir(folder, { withFileTypes: true })
    } catch (error) {
      // A folder that cannot be read is reported by whatever needs it, not by the sweep.
      if (hasCode(error, 'ENOENT', 'ENOTDIR', 'EACCES', 'EPERM')) return
      throw error
    }
    for (const entry of entries) {
      if (shouldStop()) return
      const full = path.join(folder, entry.name)
      if (entry.isDirectory()) {
        if (depth < MAX_DEPTH) await sweep(full, depth + 1)
        continue
      }
      const pid = Number((DURABLE_TEMP.exec(entry.name) ?? LOCK_TEMP.exec(entry.name))?.[1] ?? NaN)
      if (!Number.isSafeInteger(pid) || pid === process.pid || isAlive(pid)) continue
      await fs.rm(full, { force: true })
      removed.push(full)
    }
  }
  await sweep(dataDir, 0)
  return removed
}
