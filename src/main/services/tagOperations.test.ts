// Issue 11, item 4: tag merge, delete, undo of either, and bulk changes write several files;
// a crash after any number of them must not leave the operation half applied. Here the
// crash is a throw from the seam after k of the n notes files are written; then a new
// Dossier opens the same folder and must have completed the operation, told the user, and
// emptied the intents folder.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { articlePlainText } from '../../shared/domain/article'
import type { Dossier } from './dossier'
import { intentsFolder } from './intentLog'
import { useTempDossiers } from './testing/tempDossiers'

const CRASH = 'simulated crash'

/** The seam throws once this many notes files are written (0: before the first); null: no crash. */
let crashAfter: number | null = null

const folder = useTempDossiers('dossier-tag-crash-', () => ({
  sampleArticle: null,
  now: () => new Date('2026-01-15T14:00:00Z'),
  tagOperationHooks: {
    notesFilesWritten: (count) => {
      if (count === crashAfter) throw new Error(CRASH)
    }
  }
}))

const ARTICLES = {
  maroc: ['Le ministre arrive à Rabat', 'La sécurité est renforcée', 'Un accord est signé'],
  gaza: ['La trêve tient', 'Les négociations reprennent'],
  bruxelles: ['Le sommet commence', 'La presse écoute']
} as const
type NoteName = (typeof ARTICLES)[keyof typeof ARTICLES][number]

/**
 * Three articles, so three notes files, with tags on notes of each:
 *   maroc:     Rabat [Israël], sécurité [Israël, Sécurité], accord []
 *   gaza:      trêve [Israël], négociations [Tsahal]
 *   bruxelles: sommet [Israël, Tsahal], presse [Sécurité]
 */
async function taggedLibrary(dossier: Dossier) {
  const noteIds = new Map<NoteName, { articleId: string; noteId: string }>()
  for (const sentences of Object.values(ARTICLES)) {
    const outcome = await dossier.handlers.importPaste({ text: sentences.join('. ') + '.' })
    if (!outcome.ok) throw new Error(outcome.reason)
    const { body } = await dossier.handlers.openArticle({ articleId: outcome.article.id })
    const text = articlePlainText(body.blocks)
    for (const quote of sentences) {
      const start = text.indexOf(quote)
      const range = { start, end: start + quote.length }
      const note = await dossier.handlers.createNote({ articleId: outcome.article.id, range, expectedQuote: quote })
      noteIds.set(quote, { articleId: outcome.article.id, noteId: note.id })
    }
  }
  const israel = await dossier.handlers.createTag({ path: 'Acteurs/Israël', color: '#2563eb' })
  const tsahal = await dossier.handlers.createTag({ path: 'Tsahal', color: '#059669' })
  const securite = await dossier.handlers.createTag({ path: 'Thèmes/Sécurité', color: '#dc2626' })
  const tag = async (quote: NoteName, tagIds: string[]) =>
    dossier.handlers.setNoteTags({ ...noteIds.get(quote)!, tagIds })
  await tag('Le ministre arrive à Rabat', [israel.id])
  await tag('La sécurité est renforcée', [israel.id, securite.id])
  await tag('La trêve tient', [israel.id])
  await tag('Les négociations reprennent', [tsahal.id])
  await tag('Le sommet commence', [israel.id, tsahal.id])
  await tag('La presse écoute', [securite.id])
  const ref = (quote: NoteName) => noteIds.get(quote)!
  return { ids: { israel: israel.id, tsahal: tsahal.id, securite: securite.id }, israel, ref, noteIds }
}

type Library = Awaited<ReturnType<typeof taggedLibrary>>

/** Every note's tags as tag paths, by quote: what the user would read. */
async function tagsByQuote(dossier: Dossier, library: Library): Promise<Record<string, string[]>> {
  const paths = new Map((await dossier.handlers.listTags({})).map((tag) => [tag.id, tag.path]))
  const result: Record<string, string[]> = {}
  for (const [quote, { articleId, noteId }] of library.noteIds) {
    const note = (await dossier.handlers.listNotes({ articleId })).find((candidate) => candidate.id === noteId)!
    result[quote] = note.tagIds.map((id) => paths.get(id) ?? `missing tag ${id}`)
  }
  return result
}

interface Case {
  name: string
  /** Notes files the operation writes: the crash comes after 0 to n of them. */
  files: number
  /** What runs, uninterrupted, before the operation (an undo needs something to undo). */
  prepare?: (dossier: Dossier, library: Library) => Promise<unknown>
  operation: (dossier: Dossier, library: Library, prepared: unknown) => Promise<unknown>
  notice: string
  tags: string[]
  notes: Record<NoteName, string[]>
  colors?: Partial<Record<NoteName, string | null>>
}

const ORIGINAL: Record<NoteName, string[]> = {
  'Le ministre arrive à Rabat': ['Acteurs/Israël'],
  'La sécurité est renforcée': ['Acteurs/Israël', 'Thèmes/Sécurité'],
  'Un accord est signé': [],
  'La trêve tient': ['Acteurs/Israël'],
  'Les négociations reprennent': ['Tsahal'],
  'Le sommet commence': ['Acteurs/Israël', 'Tsahal'],
  'La presse écoute': ['Thèmes/Sécurité']
}
const MERGED: Record<NoteName, string[]> = {
  ...ORIGINAL,
  'Le ministre arrive à Rabat': ['Tsahal'],
  'La sécurité est renforcée': ['Tsahal', 'Thèmes/Sécurité'],
  'La trêve tient': ['Tsahal'],
  'Le sommet commence': ['Tsahal']
}
const BULK_REFS: NoteName[] = ['Un accord est signé', 'La trêve tient', 'Le sommet commence']

const CASES: Case[] = [
  {
    name: 'merging « Acteurs/Israël » into « Tsahal »',
    files: 3,
    operation: (dossier, { ids }) => dossier.handlers.mergeTags({ fromId: ids.israel, intoId: ids.tsahal }),
    notice: 'A tag merge (« Acteurs/Israël » into « Tsahal ») interrupted by a crash was completed: 4 notes.',
    tags: ['Tsahal', 'Thèmes/Sécurité'],
    notes: MERGED
  },
  {
    name: 'deleting « Acteurs/Israël »',
    files: 3,
    operation: (dossier, { ids }) => dossier.handlers.deleteTag({ tagId: ids.israel }),
    notice: 'A tag deletion (« Acteurs/Israël ») interrupted by a crash was completed: 4 notes.',
    tags: ['Tsahal', 'Thèmes/Sécurité'],
    notes: {
      ...ORIGINAL,
      'Le ministre arrive à Rabat': [],
      'La sécurité est renforcée': ['Thèmes/Sécurité'],
      'La trêve tient': [],
      'Le sommet commence': ['Tsahal']
    }
  },
  {
    name: 'undoing the deletion of « Acteurs/Israël »',
    files: 3,
    prepare: (dossier, { ids }) => dossier.handlers.deleteTag({ tagId: ids.israel }),
    operation: (dossier, { israel }, deleted) =>
      dossier.handlers.restoreTag({ tag: israel, tagged: (deleted as { tagged: [] }).tagged }),
    notice: 'Undoing a tag deletion (« Acteurs/Israël ») interrupted by a crash was completed: 4 notes.',
    tags: ['Tsahal', 'Thèmes/Sécurité', 'Acteurs/Israël'],
    notes: {
      ...ORIGINAL,
      'La sécurité est renforcée': ['Thèmes/Sécurité', 'Acteurs/Israël'],
      'Le sommet commence': ['Tsahal', 'Acteurs/Israël']
    }
  },
  {
    name: 'undoing the merge of « Acteurs/Israël » into « Tsahal »',
    files: 3,
    prepare: (dossier, { ids }) => dossier.handlers.mergeTags({ fromId: ids.israel, intoId: ids.tsahal }),
    operation: (dossier, _library, merged) =>
      dossier.handlers.undoMergeTags({ changes: (merged as { changes: never }).changes }),
    notice: 'Undoing a tag merge interrupted by a crash was completed: 4 notes.',
    tags: ['Acteurs/Israël', 'Tsahal', 'Thèmes/Sécurité'],
    notes: ORIGINAL
  },
  {
    name: 'adding « Thèmes/Sécurité » and a colour to notes of three articles',
    files: 3,
    operation: (dossier, { ids, ref }) =>
      dossier.handlers.bulkUpdateNotes({ notes: BULK_REFS.map(ref), addTagIds: [ids.securite], color: '#0891b2' }),
    notice: 'A change to several notes interrupted by a crash was completed: 3 notes.',
    tags: ['Acteurs/Israël', 'Tsahal', 'Thèmes/Sécurité'],
    notes: {
      ...ORIGINAL,
      'Un accord est signé': ['Thèmes/Sécurité'],
      'La trêve tient': ['Acteurs/Israël', 'Thèmes/Sécurité'],
      'Le sommet commence': ['Acteurs/Israël', 'Tsahal', 'Thèmes/Sécurité']
    },
    colors: { 'Un accord est signé': '#0891b2', 'La trêve tient': '#0891b2', 'Le sommet commence': '#0891b2' }
  },
  {
    name: 'undoing that change to notes of three articles',
    files: 3,
    prepare: (dossier, { ids, ref }) =>
      dossier.handlers.bulkUpdateNotes({ notes: BULK_REFS.map(ref), addTagIds: [ids.securite], color: '#0891b2' }),
    operation: (dossier, _library, bulk) =>
      dossier.handlers.restoreNoteFields({ fields: (bulk as { before: never }).before }),
    notice: 'Undoing a change to several notes interrupted by a crash was completed: 3 notes.',
    tags: ['Acteurs/Israël', 'Tsahal', 'Thèmes/Sécurité'],
    notes: ORIGINAL,
    colors: { 'Un accord est signé': null, 'La trêve tient': null, 'Le sommet commence': null }
  }
]

const crashPoints = CASES.flatMap((testCase) =>
  Array.from({ length: testCase.files + 1 }, (_, afterFiles) => ({
    ...testCase,
    afterFiles,
    point: `${afterFiles} of ${testCase.files}`
  }))
)

describe('a multi-file tag operation cut short by a crash', () => {
  it.each(crashPoints)(
    '$name, crashing after $point notes files, is completed at the next start',
    { timeout: 30_000 },
    async ({ prepare, operation, afterFiles, notice, tags, notes, colors }) => {
      crashAfter = null
      const dossier = await folder.open()
      const library = await taggedLibrary(dossier)
      const prepared = await prepare?.(dossier, library)
      crashAfter = afterFiles
      await expect(operation(dossier, library, prepared)).rejects.toThrow(CRASH)
      crashAfter = null
      await folder.close(dossier)
      expect(fs.readdirSync(intentsFolder(folder.dataDir))).toHaveLength(1)

      const reopened = await folder.open()
      expect((await reopened.handlers.listNotices({})).map((item) => item.message)).toContain(notice)
      expect((await reopened.handlers.listTags({})).map((tag) => tag.path)).toEqual(tags)
      expect(await tagsByQuote(reopened, library)).toEqual(notes)
      for (const [quote, color] of Object.entries(colors ?? {})) {
        const { articleId, noteId } = library.noteIds.get(quote as NoteName)!
        const note = (await reopened.handlers.listNotes({ articleId })).find((candidate) => candidate.id === noteId)
        expect(note!.color).toBe(color)
      }
      expect(fs.readdirSync(intentsFolder(folder.dataDir)).filter((name) => !name.startsWith('.'))).toEqual([])
    }
  )
})

describe('completing an interrupted operation is itself interrupted', () => {
  it('keeps the record, says so, and completes it at the start after', { timeout: 30_000 }, async () => {
    crashAfter = null
    const dossier = await folder.open()
    const library = await taggedLibrary(dossier)
    crashAfter = 1
    await expect(
      dossier.handlers.mergeTags({ fromId: library.ids.israel, intoId: library.ids.tsahal })
    ).rejects.toThrow(CRASH)
    await folder.close(dossier)

    // The next start crashes too, after two notes files of the roll-forward.
    crashAfter = 2
    const interrupted = await folder.open()
    expect((await interrupted.handlers.listNotices({})).map((item) => item.message)).toEqual([
      'A tag change interrupted by a crash could not be completed yet (simulated crash); Dossier will try again before the next tag change.'
    ])
    crashAfter = null
    await folder.close(interrupted)
    expect(fs.readdirSync(intentsFolder(folder.dataDir))).toHaveLength(1)

    const reopened = await folder.open()
    expect((await reopened.handlers.listNotices({})).map((item) => item.message)).toEqual([
      'A tag merge (« Acteurs/Israël » into « Tsahal ») interrupted by a crash was completed: 4 notes.'
    ])
    expect(await tagsByQuote(reopened, library)).toEqual(MERGED)
    expect(fs.readdirSync(intentsFolder(folder.dataDir))).toEqual([])
  })
})

describe('an operation that failed part-way in a running session', () => {
  it('is completed before the next tag change, and the user is told', { timeout: 30_000 }, async () => {
    crashAfter = null
    const dossier = await folder.open()
    const library = await taggedLibrary(dossier)
    crashAfter = 1
    await expect(
      dossier.handlers.mergeTags({ fromId: library.ids.israel, intoId: library.ids.tsahal })
    ).rejects.toThrow(CRASH)
    crashAfter = null
    // Half applied, but no note points at a missing tag: the merged tag is still in the list.
    expect(Object.values(await tagsByQuote(dossier, library)).flat()).not.toContainEqual(
      expect.stringMatching(/^missing tag/)
    )

    await dossier.handlers.createTag({ path: 'Lieux/Rabat' })
    expect((await dossier.handlers.listTags({})).map((tag) => tag.path)).toEqual([
      'Tsahal',
      'Thèmes/Sécurité',
      'Lieux/Rabat'
    ])
    expect(await tagsByQuote(dossier, library)).toEqual(MERGED)
    expect((await dossier.handlers.listNotices({})).map((item) => item.message)).toEqual([
      'A tag merge (« Acteurs/Israël » into « Tsahal ») interrupted by an error was completed: 4 notes.'
    ])
    expect(fs.readdirSync(intentsFolder(folder.dataDir))).toEqual([])
  })
})

describe('records left behind that cannot be used as they are', () => {
  it('sets a damaged record aside with a notice and starts normally', async () => {
    crashAfter = null
    const dossier = await folder.open()
    const library = await taggedLibrary(dossier)
    await folder.close(dossier)
    fs.mkdirSync(intentsFolder(folder.dataDir))
    fs.writeFileSync(path.join(intentsFolder(folder.dataDir), 'cut.json'), '{"version":1,"kind":"merge-ta')

    const reopened = await folder.open()
    const [notice] = await reopened.handlers.listNotices({})
    expect(notice!.level).toBe('warning')
    expect(notice!.message).toMatch(
      /^The record of a tag change interrupted by a crash, .*cut\.json, could not be read/
    )
    expect(notice!.message).toContain(path.join(intentsFolder(folder.dataDir), '.quarantine'))
    expect(await tagsByQuote(reopened, library)).toEqual(ORIGINAL)
    expect(fs.readdirSync(intentsFolder(folder.dataDir))).toEqual(['.quarantine'])
  })

  it('completes a record on the notes still there, skipping an article emptied from the trash', async () => {
    crashAfter = null
    const dossier = await folder.open()
    const library = await taggedLibrary(dossier)
    const rabat = library.ref('Le ministre arrive à Rabat')
    const treve = library.ref('La trêve tient')
    const tags = await dossier.handlers.listTags({})
    await folder.close(dossier)
    fs.mkdirSync(intentsFolder(folder.dataDir))
    const record = {
      version: 1,
      id: 'left-behind',
      createdAt: '2026-01-15T13:59:00.000Z',
      kind: 'delete-tag',
      subject: '« Acteurs/Israël »',
      tags: tags.filter((tag) => tag.id !== library.ids.israel),
      notes: [
        { ...rabat, tagIds: [] },
        { articleId: 'article-emptied-from-the-trash', noteId: 'its-note', tagIds: [] },
        { ...treve, tagIds: [] }
      ]
    }
    fs.writeFileSync(path.join(intentsFolder(folder.dataDir), 'left-behind.json'), JSON.stringify(record))

    const reopened = await folder.open()
    expect((await reopened.handlers.listNotices({})).map((item) => item.message)).toEqual([
      'A tag deletion (« Acteurs/Israël ») interrupted by a crash was completed: 2 notes.'
    ])
    const after = await tagsByQuote(reopened, library)
    expect(after['Le ministre arrive à Rabat']).toEqual([])
    expect(after['La trêve tient']).toEqual([])
    expect(fs.existsSync(path.join(folder.dataDir, 'notes', 'article-emptied-from-the-trash.json'))).toBe(false)
    expect(fs.readdirSync(intentsFolder(folder.dataDir))).toEqual([])
  })
})
