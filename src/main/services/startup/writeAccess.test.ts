import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkWriteAccess, readOnlyBanner, readOnlyCause, readOnlyRefusal, simulatedWriteFailure } from './writeAccess'

let dir = ''
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-write-access-'))
})
afterEach(() => {
  fs.chmodSync(dir, 0o700)
  fs.rmSync(dir, { recursive: true, force: true })
})

const failure = (code: string) => Object.assign(new Error(code), { code })

describe('readOnlyCause', () => {
  it.each([
    ['ENOSPC', 'disk-full'],
    ['EDQUOT', 'disk-full'],
    ['EROFS', 'not-writable'],
    ['EACCES', 'not-writable'],
    ['EPERM', 'not-writable'],
    ['EIO', null],
    ['EISDIR', null]
  ])('%s → %s', (code, cause) => {
    expect(readOnlyCause(failure(code))).toBe(cause)
  })

  it('is null for errors without a system code', () => {
    expect(readOnlyCause(new Error('ENOSPC'))).toBeNull()
    expect(readOnlyCause(null)).toBeNull()
  })
})

describe('checkWriteAccess', () => {
  it('finds a writable folder writable and leaves nothing in it', async () => {
    expect(await checkWriteAccess(dir)).toBeNull()
    expect(fs.readdirSync(dir)).toEqual([])
  })

  it.each([
    ['ENOSPC', 'disk-full'],
    ['EROFS', 'not-writable'],
    ['EACCES', 'not-writable']
  ])('with DOSSIER_SIMULATE_WRITE_FAILURE=%s the folder is read-only (%s)', async (code, cause) => {
    expect(await checkWriteAccess(dir, simulatedWriteFailure(code)!)).toEqual({ cause, dataDir: dir })
  })

  it('simulates nothing for an empty or unknown value', () => {
    expect(simulatedWriteFailure(undefined)).toBeNull()
    expect(simulatedWriteFailure('')).toBeNull()
    expect(simulatedWriteFailure('EIO')).toBeNull()
  })

  it('throws a failure that is not about writing', async () => {
    await expect(
      checkWriteAccess(dir, async () => {
        throw failure('EIO')
      })
    ).rejects.toMatchObject({ code: 'EIO' })
  })

  it.skipIf(process.getuid?.() === 0)(
    'finds a folder without write permission read-only (skipped as root, who may write anywhere)',
    async () => {
      fs.chmodSync(dir, 0o500)
      expect(await checkWriteAccess(dir)).toEqual({ cause: 'not-writable', dataDir: dir })
    }
  )
})

describe('what the user reads', () => {
  it('the banner says why, where, and that changes cannot be saved', () => {
    expect(readOnlyBanner({ cause: 'disk-full', dataDir: '/home/ana/.config/Dossier' })).toBe(
      'Dossier is read-only: the disk is full (/home/ana/.config/Dossier). ' +
        'Your library is shown but changes cannot be saved.'
    )
    expect(readOnlyBanner({ cause: 'not-writable', dataDir: '/mnt/usb/Dossier' })).toBe(
      'Dossier is read-only: the data folder cannot be written (/mnt/usb/Dossier). ' +
        'Your library is shown but changes cannot be saved.'
    )
  })

  it('a refused change says it was not saved', () => {
    expect(readOnlyRefusal({ cause: 'disk-full', dataDir: '/d' })).toBe(
      'Dossier is read-only because the disk is full: this change was not saved.'
    )
  })
})
