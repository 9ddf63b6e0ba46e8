/**
 * Backup generations as the adapter keeps them on a real folder: one per write, made by a
 * hard link (no byte copied), copies where links are refused, pruned by the policy.
 */
import { statSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DurableJsonFile } from './durableJsonFile'
import { generationName } from './generations'

interface Db {
  notes: string[]
}

let dir: string
let file: string

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-generations-'))
  file = path.join(dir, 'notes.json')
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const backupDir = (): string => path.join(dir, '.backups')

/** This file's generations, newest first (their stamps sort as text). */
async function generations(): Promise<string[]> {
  const names = await readdir(backupDir()).catch(() => [] as string[])
  return names
    .filter((name) => /^notes\.\d{8}T/.test(name))
    .sort()
    .reverse()
}

async function contentsOf(names: string[]): Promise<unknown[]> {
  return Promise.all(names.map(async (name) => JSON.parse(await readFile(path.join(backupDir(), name), 'utf8'))))
}

/** The save time a generation of the current file will be named after. */
function savedAtOfCurrent(): number {
  return Number(statSync(file, { bigint: true }).mtimeMs)
}

function linkRefused(code: string) {
  return async (): Promise<void> => {
    throw Object.assign(new Error(`${code}: link refused`), { code })
  }
}

describe('generations made by hard links', () => {
  it('keeps the file each write replaces, under its save time, as the very same inode: no byte copied', async () => {
    const adapter = new DurableJsonFile<Db>(file)
    await adapter.write({ notes: ['v1'] })
    const v1 = await stat(file)
    const v1SavedAt = savedAtOfCurrent()
    await adapter.write({ notes: ['v2'] })

    expect(await generations()).toEqual([path.basename(generationName('notes', v1SavedAt))])
    const kept = await stat(path.join(backupDir(), generationName('notes', v1SavedAt)))
    expect(kept.ino).toBe(v1.ino)
    expect(kept.nlink).toBe(1)
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ notes: ['v2'] })
  })

  it('keeps one generation per write, newest first', async () => {
    const adapter = new DurableJsonFile<Db>(file)
    for (const v of ['v1', 'v2', 'v3', 'v4']) await adapter.write({ notes: [v] })
    expect(await contentsOf(await generations())).toEqual([{ notes: ['v3'] }, { notes: ['v2'] }, { notes: ['v1'] }])
  })

  it('never keeps a damaged current file as a generation', async () => {
    const adapter = new DurableJsonFile<Db>(file)
    await adapter.write({ notes: ['v1'] })
    await adapter.write({ notes: ['v2'] })
    await writeFile(file, '{"notes": [')
    await adapter.write({ notes: ['v3'] })
    await adapter.write({ notes: ['v4'] })

    expect(await contentsOf(await generations())).toEqual([{ notes: ['v3'] }, { notes: ['v1'] }])
  })

  it('keeps a current file changed behind its back when it is still good', async () => {
    const adapter = new DurableJsonFile<Db>(file)
    await adapter.write({ notes: ['v1'] })
    await writeFile(file, '{"notes":["edited by hand"]}')
    await adapter.write({ notes: ['v2'] })
    expect(await contentsOf(await generations())).toEqual([{ notes: ['edited by hand'] }])
  })

  it('prunes to the policy at each write, measured on the clock it is given', async () => {
    const now = new Date('2026-12-02T12:00:00.000Z')
    const adapter = new DurableJsonFile<Db>(file, {
      now: () => now,
      retention: { keepLast: 2, hourlyForMs: 24 * 3_600_000, dailyForMs: 0 }
    })
    // Each version saved at a chosen time: 09:10, 09:40, 10:15, 11:00, 11:30, then the current one.
    const times = ['09:10', '09:40', '10:15', '11:00', '11:30'].map((hm) => new Date(`2026-12-02T${hm}:00.000Z`))
    for (const [i, time] of times.entries()) {
      await adapter.write({ notes: [`v${i + 1}`] })
      await utimes(file, time, time)
    }
    await adapter.write({ notes: ['current'] })

    // The last two, plus the newest of the 09:00 and 10:00 hours.
    expect(await generations()).toEqual([
      'notes.20261202T113000.000Z.json',
      'notes.20261202T110000.000Z.json',
      'notes.20261202T101500.000Z.json',
      'notes.20261202T094000.000Z.json'
    ])
  })

  it('makes no generation when the policy keeps none', async () => {
    const adapter = new DurableJsonFile<Db>(file, { retention: { keepLast: 0, hourlyForMs: 0, dailyForMs: 0 } })
    for (const v of ['v1', 'v2', 'v3']) await adapter.write({ notes: [v] })
    expect(await readdir(dir)).toEqual(['notes.json'])
  })

  it('still saves when the backups folder is unusable (a file in its place), without a generation', async () => {
    await writeFile(backupDir(), 'not a folder')
    const adapter = new DurableJsonFile<Db>(file)
    await adapter.write({ notes: ['v1'] })
    await adapter.write({ notes: ['v2'] })
    expect(await new DurableJsonFile<Db>(file).read()).toEqual({ notes: ['v2'] })
    expect(await readFile(backupDir(), 'utf8')).toBe('not a folder')
  })
})

describe('which generation a restore picks', () => {
  it('tells apart two saves within the same millisecond, and takes the later one', async () => {
    const adapter = new DurableJsonFile<Db>(file)
    const sameTime = new Date('2026-12-02T10:00:00.000Z')
    for (const v of ['v1', 'v2']) {
      await adapter.write({ notes: [v] })
      await utimes(file, sameTime, sameTime)
    }
    await adapter.write({ notes: ['v3'] })
    expect(await generations()).toEqual(['notes.20261202T100000.000Z.json', 'notes.20261202T100000.000Z-1.json'])
    expect(await contentsOf(['notes.20261202T100000.000Z-1.json'])).toEqual([{ notes: ['v2'] }])

    await writeFile(file, '{')
    expect(await new DurableJsonFile<Db>(file).read()).toEqual({ notes: ['v2'] })
  })

  it('takes the newest by save time, old-style backups and new generations alike', async () => {
    const adapter = new DurableJsonFile<Db>(file)
    await adapter.write({ notes: ['generation'] })
    await utimes(file, new Date('2026-12-01T08:00:00.000Z'), new Date('2026-12-01T08:00:00.000Z'))
    await adapter.write({ notes: ['current'] })
    // An old Dossier's backup, saved later than that generation.
    await writeFile(path.join(backupDir(), 'notes.1.json'), '{"notes":["old style, newer"]}')
    await utimes(
      path.join(backupDir(), 'notes.1.json'),
      new Date('2026-12-01T09:00:00Z'),
      new Date('2026-12-01T09:00:00Z')
    )
    await writeFile(file, '{')

    expect(await new DurableJsonFile<Db>(file).read()).toEqual({ notes: ['old style, newer'] })
  })
})

describe('where links are refused', () => {
  it.each(['EPERM', 'ENOTSUP', 'EXDEV'])('on %s copies the file instead, at most once per interval', async (code) => {
    let now = new Date('2026-12-02T12:00:00.000Z')
    const adapter = new DurableJsonFile<Db>(file, {
      backupIntervalMs: 10 * 60_000,
      now: () => now,
      hooks: { link: linkRefused(code) }
    })
    /** Writes a version saved at the test's clock (its mtime names its generation). */
    const save = async (v: string) => {
      await adapter.write({ notes: [v] })
      await utimes(file, now, now)
    }
    await save('v1')
    const v1 = await stat(file)
    await save('v2')
    // One minute later: the copy of v1 is recent enough, v2 is not copied.
    now = new Date('2026-12-02T12:01:00.000Z')
    await save('v3')
    // Eleven minutes after v1 was saved: v3 is copied.
    now = new Date('2026-12-02T12:11:00.000Z')
    await save('v4')

    const names = await generations()
    expect(await contentsOf(names)).toEqual([{ notes: ['v3'] }, { notes: ['v1'] }])
    expect(names[1]).toBe('notes.20261202T120000.000Z.json')
    // A copy, not the old inode.
    expect((await stat(path.join(backupDir(), names[1]!))).ino).not.toBe(v1.ino)
  })

  it('copies on every write with an interval of 0', async () => {
    const adapter = new DurableJsonFile<Db>(file, { backupIntervalMs: 0, hooks: { link: linkRefused('EPERM') } })
    for (const v of ['v1', 'v2', 'v3']) await adapter.write({ notes: [v] })
    expect(await contentsOf(await generations())).toEqual([{ notes: ['v2'] }, { notes: ['v1'] }])
  })

  it('restores from a copied generation like from a linked one', async () => {
    const adapter = new DurableJsonFile<Db>(file, { backupIntervalMs: 0, hooks: { link: linkRefused('EXDEV') } })
    for (const v of ['v1', 'v2']) await adapter.write({ notes: [v] })
    await writeFile(file, 'null}')
    expect(await new DurableJsonFile<Db>(file).read()).toEqual({ notes: ['v1'] })
  })
})
