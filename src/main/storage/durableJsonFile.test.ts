/**
 * Exercises the durable adapter on real folders, because the guarantees it
 * exists for (atomic replace, nothing lost on a crash, corrupt files kept) are
 * properties of the filesystem sequence, not of any in-memory logic.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Low } from 'lowdb'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DurableJsonFile, writeFileDurably, type RecoveryEvent } from './durableJsonFile'

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

/** Writes each version in order, backing up on every write. */
async function writeVersions(adapter: DurableJsonFile<Db>, versions: string[]): Promise<void> {
  for (const v of versions) await adapter.write({ notes: [v] })
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

describe('recovery from a corrupt file', () => {
  it('quarantines the exact corrupt bytes, restores the newest good backup and reports it', async () => {
    await writeVersions(new DurableJsonFile<Db>(file, { backupIntervalMs: 0 }), ['v1', 'v2', 'v3'])
    await writeFile(file, CORRUPT)

    const events: RecoveryEvent[] = []
    const db = new Low<Db>(new DurableJsonFile<Db>(file, { onRecovery: (e) => events.push(e) }), { notes: [] })
    await db.read()

    // v3 was the live file; the newest backup holds the content before it.
    expect(db.data).toEqual({ notes: ['v2'] })
    expect(await readJson(file)).toEqual({ notes: ['v2'] })

    const quarantined = await listOrEmpty(quarantineDir())
    expect(quarantined).toHaveLength(1)
    expect(quarantined[0]).toMatch(/^notes\.\d{4}-\d\d-\d\dT\d{6}\.\d{3}Z\.json$/)
    const quarantinedTo = path.join(quarantineDir(), quarantined[0] ?? '')
    expect(await readFile(quarantinedTo, 'utf8')).toBe(CORRUPT)

    expect(events).toHaveLength(1)
    expect(events[0]).toEqual({
      file,
      quarantinedTo,
      restoredFrom: backupFile(1),
      reason: expect.stringMatching(/JSON/)
    })
  })

  it('skips an unreadable backup and restores the next good one', async () => {
    await writeVersions(new DurableJsonFile<Db>(file, { backupIntervalMs: 0 }), ['v1', 'v2', 'v3'])
    await writeFile(file, CORRUPT)
    await writeFile(backupFile(1), '')

    const onRecovery = vi.fn<(e: RecoveryEvent) => void>()
    expect(await new DurableJsonFile<Db>(file, { onRecovery }).read()).toEqual({ notes: ['v1'] })
    expect(onRecovery.mock.calls[0]?.[0].restoredFrom).toBe(backupFile(2))
  })

  it('with no backups returns null after quarantining, keeping the original bytes, and still reports', async () => {
    await writeFile(file, CORRUPT)
    const onRecovery = vi.fn<(e: RecoveryEvent) => void>()
    const db = new Low<Db>(new DurableJsonFile<Db>(file, { onRecovery }), { notes: ['default'] })
    await db.read()

    expect(db.data).toEqual({ notes: ['default'] })
    const [quarantined] = await listOrEmpty(quarantineDir())
    expect(quarantined).toBeDefined()
    const quarantinedTo = path.join(quarantineDir(), quarantined ?? '')
    expect(await readFile(quarantinedTo, 'utf8')).toBe(CORRUPT)
    expect(onRecovery).toHaveBeenCalledTimes(1)
    expect(onRecovery.mock.calls[0]?.[0]).toMatchObject({ file, quarantinedTo, restoredFrom: null })

    // Starting fresh afterwards must not disturb the quarantined copy.
    await db.write()
    expect(await readJson(file)).toEqual({ notes: ['default'] })
    expect(await readFile(quarantinedTo, 'utf8')).toBe(CORRUPT)
  })

  it('quarantines a zero-length file (the classic un-fsynced rename) instead of treating it as empty', async () => {
    await writeVersions(new DurableJsonFile<Db>(file, { backupIntervalMs: 0 }), ['v1', 'v2'])
    await writeFile(file, '')
    expect(await new DurableJsonFile<Db>(file).read()).toEqual({ notes: ['v1'] })
    expect(await listOrEmpty(quarantineDir())).toHaveLength(1)
  })

  it('never reuses a quarantine name, so repeated incidents keep every corrupt copy', async () => {
    vi.useFakeTimers({ now: new Date('2030-01-02T03:04:05.678Z'), toFake: ['Date'] })
    await writeFile(file, CORRUPT)
    await new DurableJsonFile<Db>(file).read()
    await writeFile(file, 'second corruption')
    await new DurableJsonFile<Db>(file).read()
    vi.useRealTimers()

    const names = await listOrEmpty(quarantineDir())
    expect(names).toEqual(['notes.2030-01-02T030405.678Z-1.json', 'notes.2030-01-02T030405.678Z.json'])
    const contents = await Promise.all(names.map((n) => readFile(path.join(quarantineDir(), n), 'utf8')))
    expect(contents.sort()).toEqual([CORRUPT, 'second corruption'].sort())
  })

  it('restores from backup when the file has gone missing, reporting no quarantine', async () => {
    await writeVersions(new DurableJsonFile<Db>(file, { backupIntervalMs: 0 }), ['v1', 'v2'])
    await rm(file)

    const onRecovery = vi.fn<(e: RecoveryEvent) => void>()
    expect(await new DurableJsonFile<Db>(file, { onRecovery }).read()).toEqual({ notes: ['v1'] })
    expect(await readJson(file)).toEqual({ notes: ['v1'] })
    expect(onRecovery.mock.calls[0]?.[0]).toMatchObject({
      file,
      quarantinedTo: null,
      restoredFrom: backupFile(1)
    })
  })

  it('still returns the recovered data if the onRecovery listener throws', async () => {
    await writeVersions(new DurableJsonFile<Db>(file, { backupIntervalMs: 0 }), ['v1', 'v2'])
    await writeFile(file, CORRUPT)
    const adapter = new DurableJsonFile<Db>(file, {
      onRecovery: () => {
        throw new Error('listener bug')
      }
    })
    expect(await adapter.read()).toEqual({ notes: ['v1'] })
  })
})

describe('rolling backups', () => {
  it('keeps at most N backups, newest first', async () => {
    const adapter = new DurableJsonFile<Db>(file, { backups: 2, backupIntervalMs: 0 })
    await writeVersions(adapter, ['v1', 'v2', 'v3', 'v4', 'v5', 'v6'])

    expect(await listOrEmpty(backupDir())).toEqual(['notes.1.json', 'notes.2.json'])
    expect(await readJson(backupFile(1))).toEqual({ notes: ['v5'] })
    expect(await readJson(backupFile(2))).toEqual({ notes: ['v4'] })
    expect(await readJson(file)).toEqual({ notes: ['v6'] })
  })

  it('never copies a corrupt current file into the backups', async () => {
    const adapter = new DurableJsonFile<Db>(file, { backups: 3, backupIntervalMs: 0 })
    await writeVersions(adapter, ['v1', 'v2'])
    await writeFile(file, CORRUPT)
    await writeVersions(adapter, ['v3', 'v4'])

    for (const name of await listOrEmpty(backupDir())) {
      await expect(readJson(path.join(backupDir(), name))).resolves.toBeDefined()
    }
    expect(await readJson(backupFile(1))).toEqual({ notes: ['v3'] })
    expect(await readJson(backupFile(2))).toEqual({ notes: ['v1'] })
    expect(await tempFiles(backupDir())).toEqual([])
  })

  it('backs up at most once per interval, also across restarts', async () => {
    const adapter = new DurableJsonFile<Db>(file)
    await writeVersions(adapter, ['v1', 'v2', 'v3'])
    expect(await listOrEmpty(backupDir())).toEqual(['notes.1.json'])
    expect(await readJson(backupFile(1))).toEqual({ notes: ['v1'] })

    await new DurableJsonFile<Db>(file).write({ notes: ['v4'] })
    expect(await listOrEmpty(backupDir())).toEqual(['notes.1.json'])
    expect(await readJson(backupFile(1))).toEqual({ notes: ['v1'] })
  })

  it('makes no backups when backups is 0', async () => {
    await writeVersions(new DurableJsonFile<Db>(file, { backups: 0, backupIntervalMs: 0 }), ['v1', 'v2'])
    expect(await listOrEmpty(backupDir())).toEqual([])
  })
})

describe('concurrency', () => {
  it('serialises 20 concurrent writes: the last call wins and the file is valid JSON', async () => {
    const adapter = new DurableJsonFile<Db>(file, { backupIntervalMs: 0 })
    const finished: number[] = []
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => adapter.write({ notes: [`write ${i}`] }).then(() => finished.push(i)))
    )
    expect(finished).toEqual(Array.from({ length: 20 }, (_, i) => i))
    expect(await readJson(file)).toEqual({ notes: ['write 19'] })
    expect(await readJson(backupFile(1))).toEqual({ notes: ['write 18'] })
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
