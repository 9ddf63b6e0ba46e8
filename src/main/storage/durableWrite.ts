/**
 * Writing one file so that a crash or power cut leaves either its old bytes or its new
 * ones, never a mix or nothing: temp file in the same folder → fsync → rename → fsync the
 * folder. Shared by the lowdb adapter (durableJsonFile.ts), article bodies and the search
 * index, and split out of the adapter so that each stays readable on its own.
 *
 * Plain Node only: this module must stay importable without Electron.
 */
import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs/promises'
import type { BigIntStats } from 'node:fs'
import type { FileHandle } from 'node:fs/promises'
import path from 'node:path'
import { hasCode, isProcessAlive } from './processes'

/**
 * Atomically replaces `filePath` with `content` so that after a crash the file
 * holds either the old or the new bytes, never a mix; resolves only once the
 * new content and the rename are on disk.
 */
export async function writeFileDurably(filePath: string, content: string | Uint8Array): Promise<void> {
  await writeDurably(filePath, content)
}

/**
 * The durable write itself. `beforeRename` runs once the new bytes are safely in the temp
 * file and before they replace the target (the moment to keep the old target as a backup
 * generation); if it throws, nothing is replaced. Resolves to the identity of the file
 * now at `filePath` (device, inode, size, mtime), so that the caller can recognise it later.
 */
export async function writeDurably(
  filePath: string,
  content: string | Uint8Array,
  beforeRename?: () => Promise<void>
): Promise<BigIntStats> {
  const dir = path.dirname(filePath)
  // Same directory as the target: rename is only atomic within one filesystem.
  const tmpPath = path.join(dir, tempFileName(path.basename(filePath)))
  let written: BigIntStats
  try {
    const handle = await fs.open(tmpPath, 'wx')
    try {
      await handle.writeFile(content)
      // Without this the rename can reach the disk before the data does, which
      // is exactly how steno leaves zero-length files after a power cut.
      await handle.sync()
      // A rename keeps the inode, size and mtime: this is what the target will be.
      written = await handle.stat({ bigint: true })
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
  return written
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

/**
 * Removes `.<base>.<pid>.<random>.tmp` files in `dir` whose writer process is gone. Temp
 * files of live processes (this one included: another writer of it may be mid-write) stay.
 * A folder that is missing, not a folder or unreadable has nothing this can clean: that
 * must not stop a file next to it from loading.
 */
export async function removeStaleTemps(dir: string, isOurBase: (base: string) => boolean): Promise<void> {
  let entries: string[]
  try {
    entries = await fs.readdir(dir)
  } catch (error) {
    if (hasCode(error, 'ENOENT', 'ENOTDIR', 'EACCES', 'EPERM')) return
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
