/**
 * The durable writer keeps its backups in `.backups/` and unreadable files in
 * `.quarantine/`, beside each data file. When one of those exists but is not a usable
 * folder (a file of that name, or a folder that cannot be listed), every read of the files
 * beside it failed, and the host did not start. Before anything is opened, such an entry is
 * moved aside (renamed `<name>.damaged-<stamp>`, never deleted: it may hold the user's only
 * copy of something) and an empty folder made in its place.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { hasCode } from '../../storage/processes'
import { errorMessage } from '../../../shared/errorMessage'

/** The folders the durable writer relies on, in each folder that holds data files. */
const SERVICE_FOLDERS = ['.backups', '.quarantine']
const DATA_FOLDERS = ['.', 'notes', 'articles']

export interface MovedFolder {
  /** Relative to the data folder, e.g. `notes/.backups`. */
  name: string
  movedTo: string
  reason: string
}

/** Raised when a damaged folder cannot be moved aside: the start stops with this one line. */
export class DamagedFolderError extends Error {
  override readonly name = 'DamagedFolderError'
}

export interface RepairOptions {
  /** Test seam: lists a folder (default fs.readdir); a test makes it fail as an unreadable folder would. */
  listFolder?: (folder: string) => Promise<unknown>
  now?: () => Date
}

/** Moves aside every service folder that is not usable and makes a fresh one; says what it moved. */
export async function repairServiceFolders(dataDir: string, options: RepairOptions = {}): Promise<MovedFolder[]> {
  const listFolder = options.listFolder ?? ((folder: string) => fs.readdir(folder))
  const now = options.now ?? (() => new Date())
  const moved: MovedFolder[] = []
  for (const dataFolder of DATA_FOLDERS) {
    for (const serviceFolder of SERVICE_FOLDERS) {
      const name = path.join(dataFolder, serviceFolder)
      const full = path.join(dataDir, name)
      const reason = await whyUnusable(full, listFolder)
      if (reason === null) continue
      const movedTo = await moveAside(full, now())
      await fs.mkdir(full, { recursive: true })
      moved.push({ name, movedTo, reason })
    }
  }
  return moved
}

/** Null for a folder that can be listed, or for none at all (it is made when first needed). */
async function whyUnusable(full: string, listFolder: (folder: string) => Promise<unknown>): Promise<string | null> {
  let stats
  try {
    stats = await fs.lstat(full)
  } catch (error) {
    if (hasCode(error, 'ENOENT', 'ENOTDIR')) return null
    return `it cannot be examined (${errorMessage(error)})`
  }
  if (!stats.isDirectory()) return stats.isSymbolicLink() ? 'it is a link, not a folder' : 'it is a file, not a folder'
  try {
    await listFolder(full)
    return null
  } catch (error) {
    return `it cannot be read (${errorMessage(error)})`
  }
}

async function moveAside(full: string, at: Date): Promise<string> {
  const stamp = at.toISOString().replace(/[:.]/g, '-')
  let target = `${full}.damaged-${stamp}`
  // rename() replaces an existing file silently: never over an earlier incident's.
  for (let n = 2; await exists(target); n++) target = `${full}.damaged-${stamp}-${n}`
  try {
    await fs.rename(full, target)
  } catch (error) {
    throw new DamagedFolderError(`${full} is not a usable folder and could not be moved aside: ${errorMessage(error)}`)
  }
  return target
}

export function describeMovedFolder(dataDir: string, moved: MovedFolder): string {
  return (
    `${moved.name} in the data folder was not usable (${moved.reason}); Dossier moved it to ` +
    `${path.relative(dataDir, moved.movedTo)} and made a new, empty one. Older backups may be in the moved copy.`
  )
}

async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false
  )
}
