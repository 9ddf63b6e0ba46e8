/**
 * The first steps of opening a data folder, before any data file is read: can it be written
 * (else read-only mode, writeAccess.ts), the lock (none in read-only mode, which cannot
 * write one, though a live Dossier holding the folder still stops the start), and the
 * backup and quarantine folders the durable writer needs (damagedFolders.ts).
 */
import fs from 'node:fs/promises'
import { acquireDataDirLock, DataDirLockedError, liveLockHolder, type DataDirLock } from '../../storage/dataDirLock'
import type { WordedMessage } from '../../../shared/domain/hostMessages'
import { movedFolderNotice, repairServiceFolders, type RepairOptions } from './damagedFolders'
import { checkWriteAccess, readOnlyCause, type ReadOnlyState, type WriteProbe } from './writeAccess'

export interface PreparedDataFolder {
  /** Null in read-only mode. */
  lock: DataDirLock | null
  readOnly: ReadOnlyState | null
  /** What the user must be told: folders moved aside. */
  notices: WordedMessage[]
}

export interface PrepareOptions {
  dataDir: string
  mode: string
  writeProbe?: WriteProbe
  repair?: RepairOptions
}

export async function prepareDataFolder(options: PrepareOptions): Promise<PreparedDataFolder> {
  const { dataDir } = options
  await fs.mkdir(dataDir, { recursive: true })
  let readOnly = await checkWriteAccess(dataDir, options.writeProbe)
  let lock: DataDirLock | null = null
  if (readOnly === null) {
    try {
      lock = await acquireDataDirLock(dataDir, options.mode)
    } catch (error) {
      const cause = readOnlyCause(error)
      if (cause === null) throw error
      readOnly = { cause, dataDir }
    }
  }
  if (readOnly !== null) {
    const holder = await liveLockHolder(dataDir)
    if (holder !== null) throw new DataDirLockedError(dataDir, holder)
    return { lock: null, readOnly, notices: [] }
  }
  try {
    const moved = await repairServiceFolders(dataDir, options.repair)
    return { lock, readOnly: null, notices: moved.map((folder) => movedFolderNotice(dataDir, folder)) }
  } catch (error) {
    await lock?.release()
    throw error
  }
}
