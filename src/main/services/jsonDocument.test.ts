// A failed save must leave the document exactly as it last reached disk, whatever other saves are in flight.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { JsonDocument } from './jsonDocument'
import type { Note } from '../../shared/domain/note'
import { emptyNotes, SCHEMA_VERSION, type NotesFile } from './schema'

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

describe('a notes document on a full disk (ENOSPC)', () => {
  const ARTICLE_ID = '6f1c2a4e-0b7d-4f3e-9a51-2d8c7e6b5a40'
  const at = '2026-01-05T10:00:00.000Z'
  const notesFile = () => path.join(dir, 'notes', `${ARTICLE_ID}.json`)
  const noSpace = (): Error => Object.assign(new Error('no space'), { code: 'ENOSPC' })

  function note(id: string, text: string): Note {
    return {
      id,
      articleId: ARTICLE_ID,
      anchor: {
        quote: { type: 'TextQuoteSelector', exact: 'Rabat', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 0, end: 5 }
      },
      text,
      tagIds: [],
      color: null,
      createdAt: at,
      updatedAt: at
    }
  }

  function seedNotes(notes: Note[]): void {
    fs.mkdirSync(path.dirname(notesFile()), { recursive: true })
    fs.writeFileSync(notesFile(), JSON.stringify({ schemaVersion: SCHEMA_VERSION, articleId: ARTICLE_ID, notes }))
  }

  function openNotes(saves: SaveStep[] = []): Promise<JsonDocument<NotesFile>> {
    let count = 0
    return JsonDocument.open<NotesFile>(notesFile(), emptyNotes(ARTICLE_ID), {
      onRecovery: () => undefined,
      hooks: { afterTempWrite: () => saves[count++]?.() }
    })
  }

  /** Every byte Dossier keeps of this notes file: the file, its generations, any temp file. */
  function everythingOnDisk(): string {
    const folder = path.dirname(notesFile())
    const backups = path.join(folder, '.backups')
    const files = [
      ...fs.readdirSync(folder).map((name) => path.join(folder, name)),
      ...(fs.existsSync(backups) ? fs.readdirSync(backups).map((name) => path.join(backups, name)) : [])
    ]
    return files
      .filter((file) => fs.statSync(file).isFile())
      .map((file) => fs.readFileSync(file, 'utf8'))
      .join('\n')
  }

  const texts = (document: JsonDocument<NotesFile>) => document.data.notes.map((entry) => `${entry.id}:${entry.text}`)
  const textsOnDisk = () =>
    (JSON.parse(fs.readFileSync(notesFile(), 'utf8')) as NotesFile).notes.map((entry) => `${entry.id}:${entry.text}`)

  it('two failed updates never come back: not in memory, not after a later save, not after reopening', async () => {
    seedNotes([note('n1', 'Rabat')])
    const seen: string[][] = []
    // Each save records what memory held while it was in flight.
    const look = () => void seen.push(texts(document))
    const full = () => {
      look()
      throw noSpace()
    }
    const document = await openNotes([full, full, look])

    const first = document.update((file) => {
      file.notes[0]!.text = 'brouillon A'
    })
    const second = document.update((file) => {
      file.notes[0]!.text = 'brouillon B'
      file.notes.push(note('n2', 'brouillon B bis'))
    })
    const third = document.update((file) => {
      file.notes.push(note('n3', 'Jérusalem'))
    })

    await expect(first).rejects.toMatchObject({ code: 'ENOSPC', message: 'no space' })
    await expect(second).rejects.toMatchObject({ code: 'ENOSPC', message: 'no space' })
    await third
    expect(seen).toEqual([['n1:Rabat'], ['n1:Rabat'], ['n1:Rabat']])
    expect(texts(document)).toEqual(['n1:Rabat', 'n3:Jérusalem'])
    expect(textsOnDisk()).toEqual(['n1:Rabat', 'n3:Jérusalem'])
    expect(everythingOnDisk()).not.toContain('brouillon')

    await document.update((file) => {
      file.notes[1]!.text = 'Jérusalem, relu'
    })
    const reopened = await openNotes()
    expect(texts(reopened)).toEqual(['n1:Rabat', 'n3:Jérusalem, relu'])
    expect(everythingOnDisk()).not.toContain('brouillon')
  })

  it('a failed update in flight while a note is deleted never brings the deleted note back', async () => {
    seedNotes([note('n1', 'Rabat'), note('n2', 'à supprimer')])
    const edit = heldSave()
    const document = await openNotes([edit.step])

    const failedEdit = document.update((file) => {
      file.notes[0]!.text = 'Rabat, brouillon'
    })
    await edit.reached
    const deletion = document.update((file) => {
      file.notes = file.notes.filter((entry) => entry.id !== 'n2')
    })
    edit.fail(noSpace())

    await expect(failedEdit).rejects.toMatchObject({ code: 'ENOSPC' })
    await deletion
    expect(texts(document)).toEqual(['n1:Rabat'])
    expect(textsOnDisk()).toEqual(['n1:Rabat'])

    await document.update((file) => {
      file.notes.push(note('n3', 'Jérusalem'))
    })
    expect(textsOnDisk()).toEqual(['n1:Rabat', 'n3:Jérusalem'])
    expect(texts(await openNotes())).toEqual(['n1:Rabat', 'n3:Jérusalem'])
  })

  it('a delete that succeeds while an update queued behind it fails: the note stays deleted', async () => {
    seedNotes([note('n1', 'Rabat'), note('n2', 'à supprimer')])
    const full = () => {
      throw noSpace()
    }
    const document = await openNotes([() => undefined, full])

    const deletion = document.update((file) => {
      file.notes = file.notes.filter((entry) => entry.id !== 'n2')
    })
    const failedEdit = document.update((file) => {
      file.notes[0]!.text = 'Rabat, brouillon'
    })
    await deletion
    await expect(failedEdit).rejects.toMatchObject({ code: 'ENOSPC' })

    await document.update((file) => {
      file.notes.push(note('n3', 'Jérusalem'))
    })
    expect(texts(document)).toEqual(['n1:Rabat', 'n3:Jérusalem'])
    expect(texts(await openNotes())).toEqual(['n1:Rabat', 'n3:Jérusalem'])
    expect(everythingOnDisk()).not.toContain('brouillon')
  })
})
