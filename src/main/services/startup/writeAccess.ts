/**
 * Whether Dossier may write to its data folder, found out once at start-up by writing a
 * small file. A read-only folder or a full disk used to stop the host with a stack trace;
 * now the library opens read-only instead, with a banner saying why (readOnlyMode.ts).
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { hasCode } from '../../storage/processes'
import { hostMessage, worded, type HostMessage, type WordedMessage } from '../../../shared/domain/hostMessages'

/** Why nothing can be saved: the banner says which, in the user's words. */
export type ReadOnlyCause = 'disk-full' | 'not-writable'

export interface ReadOnlyState {
  cause: ReadOnlyCause
  /** The data folder that cannot be written. */
  dataDir: string
}

/** Writes something to `dataDir` and removes it; throws the system's error when it cannot. */
export type WriteProbe = (dataDir: string) => Promise<void>

/** Errors that mean "no writing for now" rather than a fault to report. */
const DISK_FULL_CODES = ['ENOSPC', 'EDQUOT']
const NOT_WRITABLE_CODES = ['EROFS', 'EACCES', 'EPERM']

export function readOnlyCause(error: unknown): ReadOnlyCause | null {
  if (hasCode(error, ...DISK_FULL_CODES)) return 'disk-full'
  if (hasCode(error, ...NOT_WRITABLE_CODES)) return 'not-writable'
  return null
}

/**
 * The real probe. Named like the durable writer's temp files (`.<name>.<pid>.<hex>.tmp`), so
 * that one left by a crash between the write and the removal is swept at the next start.
 */
export const probeWrite: WriteProbe = async (dataDir) => {
  const probe = path.join(dataDir, `.write-probe.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const handle = await fs.open(probe, 'wx')
    try {
      // A few bytes, synced: an empty file can be created on a full disk, data cannot.
      await handle.writeFile('Dossier checks that it can write here.\n')
      await handle.sync()
    } finally {
      await handle.close()
    }
  } finally {
    await fs.rm(probe, { force: true }).catch(() => undefined)
  }
}

/**
 * Test seam: a probe that fails as a full disk (`ENOSPC`) or a read-only folder (`EROFS`,
 * `EACCES`) would, so that read-only mode can be tried without filling a disk. host.ts reads
 * it from DOSSIER_SIMULATE_WRITE_FAILURE; null for anything else.
 */
export function simulatedWriteFailure(code: string | undefined): WriteProbe | null {
  if (code === undefined || ![...DISK_FULL_CODES, ...NOT_WRITABLE_CODES].includes(code)) return null
  return async (dataDir) => {
    throw Object.assign(new Error(`${code}: simulated write failure, open '${dataDir}'`), { code })
  }
}

/** Null when the folder can be written; else why not. Errors of other kinds are thrown. */
export async function checkWriteAccess(dataDir: string, probe: WriteProbe = probeWrite): Promise<ReadOnlyState | null> {
  try {
    await probe(dataDir)
    return null
  } catch (error) {
    const cause = readOnlyCause(error)
    if (cause === null) throw error
    return { cause, dataDir }
  }
}

/** The banner's words: why, where, and what it means for the user's work. */
export function readOnlyBanner(state: ReadOnlyState): string {
  const why = state.cause === 'disk-full' ? 'the disk is full' : 'the data folder cannot be written'
  return `Dossier is read-only: ${why} (${state.dataDir}). ` + 'Your library is shown but changes cannot be saved.'
}

/** What a refused change says. */
export function readOnlyRefusal(state: ReadOnlyState): string {
  const why = state.cause === 'disk-full' ? 'the disk is full' : 'its data folder cannot be written'
  return `Dossier is read-only because ${why}: this change was not saved.`
}

/** The banner as a notice the interface says in its language (domain/hostMessages.ts). */
export function readOnlyNotice(state: ReadOnlyState): WordedMessage {
  const code = state.cause === 'disk-full' ? 'readOnly.bannerDiskFull' : 'readOnly.bannerNotWritable'
  return worded(readOnlyBanner(state), code, { dataDir: state.dataDir })
}

/** The refusal of a change, as a code. */
export function readOnlyRefusalWhy(state: ReadOnlyState): HostMessage {
  return hostMessage(state.cause === 'disk-full' ? 'readOnly.refusedDiskFull' : 'readOnly.refusedNotWritable')
}
