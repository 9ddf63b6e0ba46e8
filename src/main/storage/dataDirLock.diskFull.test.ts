/**
 * A full disk while the lock is being taken: the write of the lock's temp file creates it
 * and then fails. The start must fail with that error (the caller then starts read-only)
 * and leave no `dossier.lock.*.tmp` behind. A separate file because the module mock
 * replaces `writeFile` for every test in it.
 */
import type * as FsPromises from 'node:fs/promises'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { prepareDataFolder } from '../services/startup/prepareDataFolder'
import { acquireDataDirLock } from './dataDirLock'

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>()
  // Creates the file, as a real write on a full disk does, then fails.
  const writeFile: typeof actual.writeFile = async (file, _data, options) => {
    await actual.writeFile(file, '', options)
    throw Object.assign(new Error(`ENOSPC: no space left on device, write '${String(file)}'`), { code: 'ENOSPC' })
  }
  return { ...actual, writeFile, default: { ...actual, writeFile } }
})

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-lock-full-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

it('fails with ENOSPC and leaves no lock and no temp file', async () => {
  await expect(acquireDataDirLock(dir)).rejects.toMatchObject({ code: 'ENOSPC' })
  expect(await readdir(dir)).toEqual([])
})

it('a disk that fills between the write probe and the lock starts read-only, without a lock or a temp file', async () => {
  const prepared = await prepareDataFolder({ dataDir: dir, mode: 'test', writeProbe: async () => undefined })
  expect(prepared).toEqual({ lock: null, readOnly: { cause: 'disk-full', dataDir: dir }, notices: [] })
  expect(await readdir(dir)).toEqual([])
})
