/**
 * Exercises the durable adapter on real folders, because the guarantees it
 * exists for (atomic replace, nothing lost on a crash, corrupt files kept) are
 * properties of the filesystem sequence, not of any in-memory logic.
 */
import { spawn } from 'node:child_process'
import { statSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Low } from 'lowdb'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DurableJsonFile, writeFileDurably, type RecoveryEvent, type Validation } from './durableJsonFile'
import { generationName } from './generations'

interface Db {
  notes: string[]
}

const CORRUPT = '{"notes": ['

let dir: string
let file: string

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-'))
  file = path.join(dir, 'notes.json')
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const backupDir = (): string => path.join(dir, '.backups')
const quarantineDir = (): string => path.join(dir, '.quarantine')
const backupFile = (n: number): string => path.join(backupDir(), `notes.${n}.json`)

async function listOrEmpty(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).sort()
  } catch {
    return []
  }
}

async function tempFiles(folder = dir): Promise<string[]> {
  return (await listOrEmpty(folder)).filter((name) => name.endsWith('.tmp'))
}

async function readJson(p: string): Promise<unknown> {
  return JSON.parse(await readFile(p, 'utf8'))
}

/**
 * Writes each version in order; resolves to the time each was saved (ISO, to the
 * millisecond), which is what names its generation once the next write replaces it.
 */
async function writeVersions(adapter: DurableJsonFile<Db>, versions: string[]): Promise<string[]> {
  const savedAt: string[] = []
  for (const v of versions) {
    await adapter.write({ notes: [v] })
    savedAt.push(new Date(Number(statSync(file, { bigint: true }).mtimeMs)).toISOString())
  }
  return savedAt
}

/** This file's generations in .backups/, newest first (their stamps sort as text). */
async function generations(): Promise<string[]> {
  return (await listOrEmpty(backupDir())).filter((name) => /^notes\.\d{8}T/.test(name)).reverse()
}

describe('DurableJsonFile with lowdb', () => {
  it('round-trips data through Low and stores readable, indented JSON', async () => {
    const db = new Low<Db>(new DurableJsonFile<Db>(file), { notes: [] })
    await db.read()
    expect(db.data).toEqual({ notes: [] })

    db.data.notes.push('first')
    await db.write()
    await db.update((data) => data.notes.push('second'))

    expect(await readFile(file, 'utf8')).toBe('{\n  "notes": [\n    "first",\n    "second"\n  ]\n}\n')
    const reopened = new Low<Db>(new DurableJsonFile<Db>(file), { notes: [] })
    await reopened.read()
    expect(reopened.data).toEqual({ notes: ['first', 'second'] })
    expect(await tempFiles()).toEqual([])
  })

  it('returns null for a missing file with no backups, so Low keeps its defaults', async () => {
    const onRecovery = vi.fn()
    const adapter = new DurableJsonFile<Db>(file, { onRecovery })
    expect(await adapter.read()).toBeNull()
    expect(onRecovery).not.toHaveBeenCalled()
  })

  it('persists the data as it was when write() was called, even if mutated before the queue runs', async () => {
    const adapter = new DurableJsonFile<Db>(file)
    const data: Db = { notes: ['at call time'] }
    const pending = adapter.write(data)
    data.notes.push('later mutation')
    await pending
    expect(await readJson(file)).toEqual({ notes: ['at call time'] })
  })

  it('creates its folder on first write', async () => {
    const nested = path.join(dir, 'notes', 'deeper', 'a1.json')
    await new DurableJsonFile<Db>(nested).write({ notes: ['x'] })
    expect(await readJson(nested)).toEqual({ notes: ['x'] })
  })
})

describe('crash safety', () => {
  it('leaves the previous content intact when the write dies between temp write and rename', async () => {
    const good = new DurableJsonFile<Db>(file)
    await good.write({ notes: ['safe'] })
    const before = await readFile(file, 'utf8')

    const crashing = new DurableJsonFile<Db>(file, {
      backupIntervalMs: 0,
      hooks: {
        afterTempWrite: () => {
          throw new Error('simulated crash')
        }
      }
    })
    await expect(crashing.write({ notes: ['lost'] })).rejects.toThrow('simulated crash')

    expect(await readFile(file, 'utf8')).toBe(before)
    // The aborted write must not have rotated backups either.
    expect(await listOrEmpty(backupDir())).toEqual([])
    expect(await new DurableJsonFile<Db>(file).read()).toEqual({ notes: ['safe'] })
    expect(await tempFiles()).toEqual([])
  })

  it('keeps working after a failed write: later writes on the same instance still land', async () => {
    let fail = true
    const adapter = new DurableJsonFile<Db>(file, {
      hooks: {
        afterTempWrite: () => {
          if (fail) throw new Error('disk full')
        }
      }
    })
    await expect(adapter.write({ notes: ['a'] })).rejects.toThrow('disk full')
    fail = false
    await adapter.write({ notes: ['b'] })
    expect(await adapter.read()).toEqual({ notes: ['b'] })
  })

  it('survives a writer process killed with SIGKILL before its rename, and the next read removes its temp file', async () => {
    await new DurableJsonFile<Db>(file).write({ notes: ['before crash'] })
    const before = await readFile(file, 'utf8')

    // Same sequence as the adapter (temp in the same folder, fsync, then rename),
    // with the process killed for real at the point the hook seam represents.
    const script = path.join(dir, 'crash-writer.mjs')
    await writeFile(
      script,
      `import { open, rename } from 'node:fs/promises'
import path from 'node:path'
const [target, content] = process.argv.slice(2)
const tmp = path.join(path.dirname(target), '.' + path.basename(target) + '.' + process.pid + '.a1b2c3.tmp')
const handle = await open(tmp, 'wx')
await handle.writeFile(content.slice(0, Math.floor(content.length / 2)))
await handle.sync()
await handle.close()
process.kill(process.pid, 'SIGKILL')
await rename(tmp, target)
`
    )
    const signal = await new Promise<NodeJS.Signals | null>((resolve, reject) => {
      const child = spawn(process.execPath, [script, file, JSON.stringify({ notes: ['never'] })], {
        stdio: 'ignore'
      })
      child.on('error', reject)
      child.on('exit', (_code, sig) => resolve(sig))
    })
    expect(signal).toBe('SIGKILL')

    expect(await tempFiles()).toHaveLength(1)
    expect(await readFile(file, 'utf8')).toBe(before)

    const onRecovery = vi.fn()
    expect(await new DurableJsonFile<Db>(file, { onRecovery }).read()).toEqual({
      notes: ['before crash']
    })
    expect(await tempFiles()).toEqual([])
    expect(onRecovery).not.toHaveBeenCalled()
  })

  it('removes a half-written temp file left by a dead process but not one owned by a live process', async () => {
    await writeFile(file, '{"notes":["ok"]}')
    const deadPid = await pidOfExitedProcess()
    const stale = `.notes.json.${deadPid}.deadbeef.tmp`
    const live = `.notes.json.${process.pid}.cafe01.tmp`
    const unrelated = `.other.json.${deadPid}.deadbeef.tmp`
    await writeFile(path.join(dir, stale), '{"notes":["ha')
    await writeFile(path.join(dir, live), '{"notes":["in fl')
    await writeFile(path.join(dir, unrelated), 'x')

    expect(await new DurableJsonFile<Db>(file).read()).toEqual({ notes: ['ok'] })
    expect(await tempFiles()).toEqual([live, unrelated].sort())
  })
})

describe('recovery from a damaged file', () => {
  it('quarantines the exact corrupt bytes, restores the newest generation and says when it was saved', async () => {
    const savedAt = await writeVersions(new DurableJsonFile<Db>(file), ['v1', 'v2', 'v3'])
    await writeFile(file, CORRUPT)

    const events: RecoveryEvent[] = []
    const adapter = new DurableJsonFile<Db>(file, {
      onRecovery: (e) => events.push(e),
      describe: (db) => `${db.notes.length} note`,
      now: () => new Date('2030-01-02T03:04:05.678Z')
    })
    const db = new Low<Db>(adapter, { notes: [] })
    await db.read()

    // v3 was the live file; the newest generation holds the content saved before it.
    expect(db.data).toEqual({ notes: ['v2'] })
    expect(await readJson(file)).toEqual({ notes: ['v2'] })
    const quarantinedTo = path.join(quarantineDir(), 'notes.2030-01-02T030405.678Z.json')
    expect(await listOrEmpty(quarantineDir())).toEqual(['notes.2030-01-02T030405.678Z.json'])
    expect(await readFile(quarantinedTo, 'utf8')).toBe(CORRUPT)

    expect(events).toEqual([
      {
        file,
        quarantinedTo,
        restoredFrom: path.join(backupDir(), generationName('notes', Date.parse(savedAt[1]!))),
        restoredSavedAt: savedAt[1],
        restoredContents: '1 note',
        detectedAt: '2030-01-02T03:04:05.678Z',
        reason: expect.stringMatching(/JSON/)
      }
    ])
  })

  it('skips an unreadable generation and restores the next good one', async () => {
    const savedAt = await writeVersions(new DurableJsonFile<Db>(file), ['v1', 'v2', 'v3'])
    await writeFile(file, CORRUPT)
    const [newest, next] = await generations()
    await writeFile(path.join(backupDir(), newest!), '')

    const onRecovery = vi.fn<(e: RecoveryEvent) => void>()
    expect(await new DurableJsonFile<Db>(file, { onRecovery }).read()).toEqual({ notes: ['v1'] })
    expect(onRecovery.mock.calls[0]?.[0]).toMatchObject({
      restoredFrom: path.join(backupDir(), next!),
      restoredSavedAt: savedAt[0]
    })
  })

  it('still finds backups named the old way (<stem>.<n>.json), 1 being the newest', async () => {
    await writeFile(file, CORRUPT)
    await mkdir(backupDir())
    await writeFile(backupFile(1), '{"notes":["old newest"]}')
    await writeFile(backupFile(2), '{"notes":["old older"]}')
    await utimes(backupFile(1), new Date('2026-11-30T10:00:00Z'), new Date('2026-11-30T10:00:00Z'))
    await utimes(backupFile(2), new Date('2026-11-30T09:00:00Z'), new Date('2026-11-30T09:00:00Z'))

    const onRecovery = vi.fn<(e: RecoveryEvent) => void>()
    expect(await new DurableJsonFile<Db>(file, { onRecovery }).read()).toEqual({ notes: ['old newest'] })
    expect(onRecovery.mock.calls[0]?.[0]).toMatchObject({
      restoredFrom: backupFile(1),
      restoredSavedAt: '2026-11-30T10:00:00.000Z'
    })
  })

  it('with no generations returns null after quarantining, keeping the original bytes, and still reports', async () => {
    await writeFile(file, CORRUPT)
    const onRecovery = vi.fn<(e: RecoveryEvent) => void>()
    const db = new Low<Db>(new DurableJsonFile<Db>(file, { onRecovery }), { notes: ['default'] })
    await db.read()

    expect(db.data).toEqual({ notes: ['default'] })
    const [quarantined] = await listOrEmpty(quarantineDir())
    const quarantinedTo = path.join(quarantineDir(), quarantined ?? '')
    expect(await readFile(quarantinedTo, 'utf8')).toBe(CORRUPT)
    expect(onRecovery).toHaveBeenCalledTimes(1)
    expect(onRecovery.mock.calls[0]?.[0]).toMatchObject({
      file,
      quarantinedTo,
      restoredFrom: null,
      restoredSavedAt: null,
      restoredContents: null
    })

    // Starting fresh afterwards must not disturb the quarantined copy.
    await db.write()
    expect(await readJson(file)).toEqual({ notes: ['default'] })
    expect(await readFile(quarantinedTo, 'utf8')).toBe(CORRUPT)
  })

  it('quarantines a zero-length file (the classic un-fsynced rename) instead of treating it as empty', async () => {
    await writeVersions(new DurableJsonFile<Db>(file), ['v1', 'v2'])
    await writeFile(file, '')
    expect(await new DurableJsonFile<Db>(file).read()).toEqual({ notes: ['v1'] })
    expect(await listOrEmpty(quarantineDir())).toHaveLength(1)
  })

  it('never reuses a quarantine name, so repeated incidents keep every corrupt copy', async () => {
    const now = () => new Date('2030-01-02T03:04:05.678Z')
    await writeFile(file, CORRUPT)
    await new DurableJsonFile<Db>(file, { now }).read()
    await writeFile(file, 'second corruption')
    await new DurableJsonFile<Db>(file, { now }).read()

    const names = await listOrEmpty(quarantineDir())
    expect(names).toEqual(['notes.2030-01-02T030405.678Z-1.json', 'notes.2030-01-02T030405.678Z.json'])
    const contents = await Promise.all(names.map((n) => readFile(path.join(quarantineDir(), n), 'utf8')))
    expect(contents.sort()).toEqual([CORRUPT, 'second corruption'].sort())
  })

  it('restores the newest generation when the file has gone missing, reporting no quarantine', async () => {
    const savedAt = await writeVersions(new DurableJsonFile<Db>(file), ['v1', 'v2'])
    await rm(file)

    const onRecovery = vi.fn<(e: RecoveryEvent) => void>()
    expect(await new DurableJsonFile<Db>(file, { onRecovery }).read()).toEqual({ notes: ['v1'] })
    expect(await readJson(file)).toEqual({ notes: ['v1'] })
    expect(onRecovery.mock.calls[0]?.[0]).toMatchObject({
      file,
      quarantinedTo: null,
      restoredSavedAt: savedAt[0],
      reason: 'the file was missing'
    })
  })

  it('still returns the recovered data if the onRecovery listener or the description throws', async () => {
    await writeVersions(new DurableJsonFile<Db>(file), ['v1', 'v2'])
    await writeFile(file, CORRUPT)
    const adapter = new DurableJsonFile<Db>(file, {
      describe: () => {
        throw new Error('description bug')
      },
      onRecovery: () => {
        throw new Error('listener bug')
      }
    })
    expect(await adapter.read()).toEqual({ notes: ['v1'] })
  })
})

describe('validation on read', () => {
  /** Accepts `{ notes: string[] }` only, the way a file schema would. */
  const validate = (parsed: unknown): Validation<Db> =>
    typeof parsed === 'object' && parsed !== null && Array.isArray((parsed as Db).notes)
      ? { ok: true, value: parsed as Db }
      : { ok: false, reason: 'notes: expected a list' }

  it('treats valid JSON of the wrong shape as damage and restores the newest generation that also validates', async () => {
    const writer = new DurableJsonFile<Db>(file)
    await writer.write({ notes: ['v1'] })
    // A wrong shape that once reached disk (written by a buggy version, say) is in the generations too.
    await writer.write({ notes: 'not a list' } as unknown as Db)
    await writer.write({ notes: ['v3'] })
    await writeFile(file, 'null')

    const onRecovery = vi.fn<(e: RecoveryEvent) => void>()
    expect(await new DurableJsonFile<Db>(file, { validate, onRecovery }).read()).toEqual({ notes: ['v1'] })
    expect(onRecovery.mock.calls[0]?.[0]).toMatchObject({ reason: 'notes: expected a list' })
    const [quarantined] = await listOrEmpty(quarantineDir())
    expect(await readFile(path.join(quarantineDir(), quarantined!), 'utf8')).toBe('null')
  })

  it('lets an error thrown by validate through and leaves the file untouched (a file from a newer version)', async () => {
    await writeFile(file, '{"notes":["from the future"]}')
    const adapter = new DurableJsonFile<Db>(file, {
      validate: () => {
        throw new Error('written by a newer version')
      }
    })
    await expect(adapter.read()).rejects.toThrow('written by a newer version')
    expect(await readFile(file, 'utf8')).toBe('{"notes":["from the future"]}')
    expect(await listOrEmpty(quarantineDir())).toEqual([])
  })
})

describe('concurrency', () => {
  it('serialises 20 concurrent writes: the last call wins and the file is valid JSON', async () => {
    const adapter = new DurableJsonFile<Db>(file)
    const finished: number[] = []
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => adapter.write({ notes: [`write ${i}`] }).then(() => finished.push(i)))
    )
    expect(finished).toEqual(Array.from({ length: 20 }, (_, i) => i))
    expect(await readJson(file)).toEqual({ notes: ['write 19'] })
    const kept = await generations()
    expect(kept).toHaveLength(10)
    expect(await readJson(path.join(backupDir(), kept[0]!))).toEqual({ notes: ['write 18'] })
    expect(await tempFiles()).toEqual([])
  })

  it('orders a read queued behind writes after them', async () => {
    const adapter = new DurableJsonFile<Db>(file)
    void adapter.write({ notes: ['a'] })
    void adapter.write({ notes: ['b'] })
    expect(await adapter.read()).toEqual({ notes: ['b'] })
  })
})

describe('writeFileDurably', () => {
  it('writes and atomically replaces string and binary content without leaving temp files', async () => {
    const body = path.join(dir, 'body.json')
    await writeFileDurably(body, '{"v":1}\n')
    expect(await readFile(body, 'utf8')).toBe('{"v":1}\n')
    await writeFileDurably(body, new TextEncoder().encode('{"v":2}\n'))
    expect(await readFile(body, 'utf8')).toBe('{"v":2}\n')
    expect(await tempFiles()).toEqual([])
  })

  it('rejects when the folder does not exist', async () => {
    await expect(writeFileDurably(path.join(dir, 'missing', 'x.json'), '{}')).rejects.toMatchObject({
      code: 'ENOENT'
    })
  })
})

/** A pid that certainly belonged to a process which has since exited. */
async function pidOfExitedProcess(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
    child.on('error', reject)
    child.on('exit', () => {
      if (child.pid === undefined) reject(new Error('child had no pid'))
      else resolve(child.pid)
    })
  })
}
