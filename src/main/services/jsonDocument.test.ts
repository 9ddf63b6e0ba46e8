// A failed save must leave the document exactly as it last reached disk, whatever other saves are in flight.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { JsonDocument } from './jsonDocument'
import { SCHEMA_VERSION } from './schema'

interface Item {
  id: string
  text: string
}

interface ItemsFile {
  schemaVersion: number
  items: Item[]
}

const RABAT: Item = { id: 'a', text: 'Rabat' }
const JERUSALEM: Item = { id: 'b', text: 'Jérusalem' }
const ABRAHAM: Item = { id: 'c', text: 'Accords d’Abraham' }

/** Runs in a write after its temp file is on disk and before it replaces the real file; throwing fails the write. */
type SaveStep = () => void | Promise<void>

// Not useTempDossiers: that helper is built around whole Dossiers, and this test needs only a folder.
let dir = ''
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-json-document-'))
})
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

const file = () => path.join(dir, 'items.json')

function seed(items: Item[]): void {
  fs.writeFileSync(file(), JSON.stringify({ schemaVersion: SCHEMA_VERSION, items }))
}

function onDisk(): Item[] {
  return (JSON.parse(fs.readFileSync(file(), 'utf8')) as ItemsFile).items
}

/** Opens the document; the n-th save runs `saves[n]` (saves past the list just go through). */
function open(saves: SaveStep[] = []): Promise<JsonDocument<ItemsFile>> {
  let count = 0
  return JsonDocument.open<ItemsFile>(
    file(),
    { schemaVersion: SCHEMA_VERSION, items: [] },
    {
      onRecovery: () => undefined,
      backupIntervalMs: 0,
      hooks: { afterTempWrite: () => saves[count++]?.() }
    }
  )
}

function diskError(code: string): Error {
  return Object.assign(new Error(`${code}: simulated write failure`), { code })
}

/** A save step that stops the write until the test lets it go on or fail. */
function heldSave() {
  let arrived!: () => void
  const reached = new Promise<void>((resolve) => (arrived = resolve))
  let settle!: (error?: Error) => void
  const gate = new Promise<void>((resolve, reject) => (settle = (error) => (error ? reject(error) : resolve())))
  return {
    step: (): Promise<void> => {
      arrived()
      return gate
    },
    /** Resolves once the write is in flight (temp file written, real file not yet replaced). */
    reached,
    release: () => settle(),
    fail: (error: Error) => settle(error)
  }
}

describe('JsonDocument.update', () => {
  it('drops a failed first change and keeps the second one queued behind it, in memory and on disk', async () => {
    seed([RABAT])
    const first = heldSave()
    const document = await open([first.step])

    const failing = document.update((file) => {
      file.items.push(JERUSALEM)
    })
    await first.reached
    const queued = document.update((file) => {
      file.items.push(ABRAHAM)
      return file.items.length
    })
    first.fail(diskError('EIO'))

    await expect(failing).rejects.toMatchObject({ code: 'EIO' })
    expect(await queued).toBe(2)
    expect(document.data.items).toEqual([RABAT, ABRAHAM])
    expect(onDisk()).toEqual([RABAT, ABRAHAM])
    expect((await open()).data.items).toEqual([RABAT, ABRAHAM])
  })

  it('never shows two changes that failed on a full disk, only the one saved after them', async () => {
    seed([RABAT])
    // Every save records what memory and disk held while it was in flight.
    const seen: { memory: Item[]; disk: Item[] }[] = []
    const look = () => {
      seen.push({ memory: structuredClone(document.data.items), disk: onDisk() })
    }
    const full = () => {
      look()
      throw diskError('ENOSPC')
    }
    const document = await open([full, full, look])

    const first = document.update((file) => {
      file.items[0]!.text = 'Rabat, brouillon perdu'
    })
    const second = document.update((file) => {
      file.items.push(JERUSALEM)
    })
    const third = document.update((file) => {
      file.items.push(ABRAHAM)
    })

    await expect(first).rejects.toMatchObject({ code: 'ENOSPC' })
    expect(document.data.items).toEqual([RABAT])
    await expect(second).rejects.toMatchObject({ code: 'ENOSPC' })
    expect(document.data.items).toEqual([RABAT])
    await third
    expect(seen).toEqual([
      { memory: [RABAT], disk: [RABAT] },
      { memory: [RABAT], disk: [RABAT] },
      { memory: [RABAT], disk: [RABAT] }
    ])
    expect(document.data.items).toEqual([RABAT, ABRAHAM])
    expect(onDisk()).toEqual([RABAT, ABRAHAM])
    expect((await open()).data.items).toEqual([RABAT, ABRAHAM])
  })

  it('keeps an item deleted when an edit saved at the same time fails', async () => {
    seed([RABAT, JERUSALEM])
    const edit = heldSave()
    const document = await open([edit.step])

    const failedEdit = document.update((file) => {
      file.items[0]!.text = 'Rabat, modifié'
    })
    await edit.reached
    const deletion = document.update((file) => {
      file.items = file.items.filter((item) => item.id !== JERUSALEM.id)
    })
    edit.fail(diskError('ENOSPC'))

    await expect(failedEdit).rejects.toMatchObject({ code: 'ENOSPC' })
    await deletion
    expect(document.data.items).toEqual([RABAT])
    expect(onDisk()).toEqual([RABAT])

    // A later save must not bring it back either.
    await document.update((file) => {
      file.items.push(ABRAHAM)
    })
    expect(document.data.items).toEqual([RABAT, ABRAHAM])
    expect(onDisk()).toEqual([RABAT, ABRAHAM])
    expect((await open()).data.items).toEqual([RABAT, ABRAHAM])
  })

  it('shows the committed state, not the draft, while a save is in flight', async () => {
    seed([RABAT])
    const save = heldSave()
    const document = await open([save.step])

    const adding = document.update((file) => {
      file.items.push(JERUSALEM)
      return 'added'
    })
    await save.reached
    expect(document.data.items).toEqual([RABAT])
    expect(onDisk()).toEqual([RABAT])

    save.release()
    expect(await adding).toBe('added')
    expect(document.data.items).toEqual([RABAT, JERUSALEM])
    expect(onDisk()).toEqual([RABAT, JERUSALEM])
  })

  it('leaves the document untouched when the change itself throws, and runs the next update', async () => {
    seed([RABAT, JERUSALEM])
    const document = await open()

    const broken = document.update((file) => {
      file.items.pop()
      throw new Error('invalid note')
    })
    const next = document.update((file) => {
      file.items.push(ABRAHAM)
    })

    await expect(broken).rejects.toThrow('invalid note')
    await next
    expect(document.data.items).toEqual([RABAT, JERUSALEM, ABRAHAM])
    expect(onDisk()).toEqual([RABAT, JERUSALEM, ABRAHAM])
  })
})
