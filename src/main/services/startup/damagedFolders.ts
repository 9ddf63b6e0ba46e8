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
import { hostMessage, worded, type HostMessage, type WordedMessage } from '../../../shared/domain/hostMessages'

/** The folders the durable writer relies on, in each folder that holds data files. */
const SERVICE_FOLDERS = ['.backups', '.quarantine']
const DATA_FOLDERS = ['.', 'notes', 'articles']

export interface MovedFolder {
  /** Relative to the data folder, e.g. `notes/.backups`. */
  name: string
  movedTo: string
  reason: string
  /** `reason` as a code the interface says in its language (domain/hostMessages.ts). */
  why?: HostMessage
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
      const unusable = await whyUnusable(full, listFolder)
      if (unusable === null) continue
      const movedTo = await moveAside(full, now())
      await fs.mkdir(full, { recursive: true })
      moved.push({ name, movedTo, reason: unusable.message, why: hostMessage(unusable.code, unusable.params) })
    }
  }
  return moved
}

/** Null for a folder that can be listed, or for none at all (it is made when first needed). */
async function whyUnusable(
  full: string,
  listFolder: (folder: string) => Promise<unknown>
): Promise<WordedMessage | null> {
  let stats
  try {
    stats = await fs.lstat(full)
  } catch (error) {
    if (hasCode(error, 'ENOENT', 'ENOTDIR')) return null
    const detail = errorMessage(error)
    return worded(`it cannot be examined (${detail})`, 'folder.cannotExamine', { detail })
  }
  if (!stats.isDirectory()) {
    return stats.isSymbolicLink()
      ? worded('it is a link, not a folder', 'folder.isLink')
      : worded('it is a file, not a folder', 'folder.isFile')
  }
  try {
    await listFolder(full)
    return null
  } catch (error) {
    const detail = errorMessage(error)
    return worded(`it cannot be read (${detail})`, 'folder.cannotRead', { detail })
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
  return movedFolderNotice(dataDir, moved).message
}

/** The same words, with the code and parameters the interface says them with. */
export function movedFolderNotice(dataDir: string, moved: MovedFolder): WordedMessage {
  const movedTo = path.relative(dataDir, moved.movedTo)
  return worded(
    `${moved.name} in the data folder was not usable (${moved.reason}); Dossier moved it to ` +
      `${movedTo} and made a new, empty one. Older backups may be in the moved copy.`,
    'folder.movedAside',
    { folder: moved.name, reason: moved.why ?? hostMessage('detail', { detail: moved.reason }), movedTo }
  )
}

async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false
  )
}
