import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { JsonDocument } from '../jsonDocument'
import { dataLayout, emptyLibrary } from '../schema'
import { keepHouse } from './housekeeping'

let dir = ''
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-housekeeping-'))
})
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

const ORPHAN = '0d7c5a52-7a0e-4d3f-9d55-0d3f6a6f1b11'
const now = () => new Date('2026-12-01T10:00:00.000Z')

async function libraryWithOrphanBody() {
  fs.mkdirSync(path.join(dir, 'articles'))
  const body = { schemaVersion: 2, articleId: ORPHAN, blocks: [{ type: 'paragraph', text: 'Titre perdu' }] }
  fs.writeFileSync(dataLayout.body(dir, ORPHAN), JSON.stringify(body))
  fs.writeFileSync(dataLayout.library(dir), JSON.stringify(emptyLibrary()))
  return JsonDocument.open(dataLayout.library(dir), emptyLibrary(), { onRecovery: () => undefined })
}

describe('keepHouse', () => {
  it('stops when its time is up, leaving the rest for a later start', async () => {
    const library = await libraryWithOrphanBody()
    const result = await keepHouse({ dataDir: dir, library, libraryRestored: false, now, elapsed: () => 5_001 })
    expect(result).toEqual({ notices: [], relinked: 0, finished: false })
    expect(fs.existsSync(dataLayout.body(dir, ORPHAN))).toBe(true)
  })

  it('within its time, removes the body of an import that never finished', async () => {
    const library = await libraryWithOrphanBody()
    const result = await keepHouse({ dataDir: dir, library, libraryRestored: false, now, elapsed: () => 0 })
    expect(result).toEqual({ notices: [], relinked: 0, finished: true })
    expect(fs.existsSync(dataLayout.body(dir, ORPHAN))).toBe(false)
  })

  it('after a restore, relinks it with the title its first paragraph gives, and says so', async () => {
    const library = await libraryWithOrphanBody()
    const result = await keepHouse({ dataDir: dir, library, libraryRestored: true, now, elapsed: () => 0 })
    expect(result.notices).toEqual([
      {
        message:
          '1 article missing from the library came back from its saved text: « Titre perdu ». ' +
          'Its title and details may need correcting under Article info.',
        code: 'housekeeping.relinked',
        params: { count: 1, titles: { code: 'list.titles', params: { titles: ['Titre perdu'] } } }
      }
    ])
    expect(library.data.articles).toEqual([
      expect.objectContaining({ id: ORPHAN, title: 'Titre perdu', wordCount: 2, charCount: 11, sourceFile: null })
    ])
  })
})
