import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { removeStaleTempFiles } from './staleTempFiles'

let dir = ''
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-temps-'))
})
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

const DEAD = 4_000_001
const LIVE = 4_000_002
const isAlive = (pid: number) => pid === LIVE
const write = (relative: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true })
  fs.writeFileSync(path.join(dir, relative), 'x')
}
const remaining = () =>
  (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((entry) => fs.statSync(path.join(dir, entry)).isFile())
    .sort()

describe('removeStaleTempFiles', () => {
  it('removes the temp files of dead writers everywhere in the data folder, and only those', async () => {
    const stale = [
      `.library.json.${DEAD}.a1b2c3d4e5f6.tmp`,
      `articles/.0d7c.json.${DEAD}.00ff00ff00ff.tmp`,
      `notes/.backups/.n1.1.json.${DEAD}.abcdef012345.tmp`,
      `dossier.lock.${DEAD}.abcdef012345.tmp`,
      `dossier.lock.${DEAD}.abcdef012345.stale`,
      `.write-probe.${DEAD}.abcdef012345.tmp`
    ]
    const kept = [
      'library.json',
      'articles/0d7c.json',
      `.library.json.${LIVE}.a1b2c3d4e5f6.tmp`,
      `.library.json.${process.pid}.a1b2c3d4e5f6.tmp`,
      `notes.${DEAD}.tmp`,
      `.library.json.${DEAD}.NOTHEX.tmp`
    ]
    for (const file of [...stale, ...kept]) write(file)

    const removed = await removeStaleTempFiles(dir, { isAlive })

    expect(removed.map((file) => path.relative(dir, file)).sort()).toEqual([...stale].sort())
    expect(remaining()).toEqual([...kept].sort())
  })

  it('goes no deeper than data is kept', async () => {
    write(`a/b/c/.x.json.${DEAD}.abcdef.tmp`)
    expect(await removeStaleTempFiles(dir, { isAlive })).toEqual([])
  })

  it('stops when told to, keeping what it had not reached', async () => {
    write(`.a.json.${DEAD}.abcdef.tmp`)
    write(`.b.json.${DEAD}.abcdef.tmp`)
    expect(await removeStaleTempFiles(dir, { isAlive, shouldStop: () => true })).toEqual([])
    expect(remaining()).toHaveLength(2)
  })
})
