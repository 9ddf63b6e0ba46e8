// The note store on a real folder, for what only shows when writes overlap: re-anchoring
// after an edit is computed from the notes as they were, and must not write back a tag
// that a save in flight was taking off (issue 11: a note left pointing at a deleted tag).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Note } from '../../shared/domain/note'
import { NoteStore } from './noteStore'

const ARTICLE = 'article-1'
const TEXT = 'Le ministre arrive à Rabat. La sécurité est renforcée.'
const QUOTE = 'La sécurité est renforcée'

let dataDir: string
/** While set, every save waits here after its temp file is written: a write held in flight. */
let hold: Promise<void> | null = null

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-note-store-'))
  hold = null
})

afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true })
})

function store() {
  return new NoteStore(
    dataDir,
    { onRecovery: () => {}, backupIntervalMs: 0, hooks: { afterTempWrite: () => hold ?? undefined } },
    () => new Date('2026-01-15T14:00:00Z')
  )
}

describe('re-anchoring after an edit while another save is in flight', () => {
  it('moves the note but keeps the tags, text and colour the other save left', async () => {
    const notes = store()
    const start = TEXT.indexOf(QUOTE)
    const note = await notes.create(ARTICLE, TEXT, { start, end: start + QUOTE.length }, QUOTE)
    await notes.setTags(ARTICLE, note.id, ['tag-deleted', 'tag-kept'])

    let release!: () => void
    hold = new Promise((resolve) => (release = resolve))
    const untagging = notes.changeMany(
      ARTICLE,
      new Map([
        [
          note.id,
          (stored) => {
            stored.tagIds = ['tag-kept']
            stored.text = 'Selon le ministère.'
            ;(stored as Note).color = '#0891b2'
          }
        ]
      ])
    )
    const newText = `Exclusif : ${TEXT}`
    // Placement reads the notes now, while the untagging is not yet committed.
    const editing = notes.carryThroughEdit(ARTICLE, TEXT, newText)
    hold = null
    release()
    await untagging
    const [edited] = await editing

    expect(edited).toMatchObject({
      tagIds: ['tag-kept'],
      text: 'Selon le ministère.',
      color: '#0891b2',
      anchor: { position: { start: 39, end: 64 } }
    })
    const onDisk = JSON.parse(fs.readFileSync(path.join(dataDir, 'notes', `${ARTICLE}.json`), 'utf8'))
    expect(onDisk.notes[0].tagIds).toEqual(['tag-kept'])
    expect(onDisk.notes[0].anchor.position).toEqual({ type: 'TextPositionSelector', start: 39, end: 64 })
  })
})
