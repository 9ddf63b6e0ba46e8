import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { describeMovedFolder, repairServiceFolders } from './damagedFolders'

let dir = ''
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-folders-'))
})
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

const at = () => new Date('2026-12-01T10:20:30.456Z')
const write = (relative: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true })
  fs.writeFileSync(path.join(dir, relative), text)
}

describe('repairServiceFolders', () => {
  it('leaves usable folders, and missing ones, alone', async () => {
    write('.backups/library.1.json', '{}')
    fs.mkdirSync(path.join(dir, 'notes'))
    expect(await repairServiceFolders(dir, { now: at })).toEqual([])
    expect(fs.readdirSync(dir).sort()).toEqual(['.backups', 'notes'])
  })

  it.each(['.backups', '.quarantine', 'notes/.backups', 'notes/.quarantine', 'articles/.backups'])(
    'moves aside %s when it is a file, keeping its bytes, and makes an empty folder',
    async (name) => {
      write(name, 'not a folder')
      const moved = await repairServiceFolders(dir, { now: at })
      const aside = `${name}.damaged-2026-12-01T10-20-30-456Z`
      expect(moved).toEqual([
        {
          name,
          movedTo: path.join(dir, aside),
          reason: 'it is a file, not a folder',
          why: { code: 'folder.isFile', params: {} }
        }
      ])
      expect(fs.readFileSync(path.join(dir, aside), 'utf8')).toBe('not a folder')
      expect(fs.statSync(path.join(dir, name)).isDirectory()).toBe(true)
      expect(fs.readdirSync(path.join(dir, name))).toEqual([])
    }
  )

  it('moves aside a folder that cannot be listed, with what it held', async () => {
    write('notes/.backups/a.1.json', '{"notes":[]}')
    const unreadable = path.join(dir, 'notes', '.backups')
    const moved = await repairServiceFolders(dir, {
      now: at,
      listFolder: async (folder) => {
        if (folder === unreadable) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })
        return []
      }
    })
    expect(moved.map(({ name, reason }) => ({ name, reason }))).toEqual([
      { name: 'notes/.backups', reason: 'it cannot be read (EACCES: permission denied)' }
    ])
    const aside = path.join(dir, 'notes', '.backups.damaged-2026-12-01T10-20-30-456Z')
    expect(fs.readdirSync(aside)).toEqual(['a.1.json'])
  })

  it('never moves onto an earlier incident', async () => {
    write('.backups', 'first')
    await repairServiceFolders(dir, { now: at })
    fs.rmSync(path.join(dir, '.backups'), { recursive: true })
    write('.backups', 'second')
    await repairServiceFolders(dir, { now: at })
    expect(fs.readFileSync(path.join(dir, '.backups.damaged-2026-12-01T10-20-30-456Z'), 'utf8')).toBe('first')
    expect(fs.readFileSync(path.join(dir, '.backups.damaged-2026-12-01T10-20-30-456Z-2'), 'utf8')).toBe('second')
  })

  it('says what it moved, and where', () => {
    expect(
      describeMovedFolder('/data', {
        name: 'notes/.backups',
        movedTo: '/data/notes/.backups.damaged-x',
        reason: 'it is a file, not a folder'
      })
    ).toBe(
      'notes/.backups in the data folder was not usable (it is a file, not a folder); Dossier moved it to ' +
        'notes/.backups.damaged-x and made a new, empty one. Older backups may be in the moved copy.'
    )
  })
})
