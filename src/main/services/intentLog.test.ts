// The intent log on a real folder: a record is on disk before the operation writes and gone
// after; what a crash left behind is read back oldest first; a damaged record is set aside
// with its reason, never thrown at start-up.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  describeCompletion,
  describeDamagedIntent,
  INTENT_KINDS,
  IntentLog,
  parseIntent,
  type IntentPlan
} from './intentLog'

let dataDir: string
let clock: number

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-intents-'))
  clock = Date.UTC(2026, 0, 15, 14, 2, 11)
})

afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true })
})

const log = () => new IntentLog(dataDir, () => new Date(clock))
const intentsDir = () => path.join(dataDir, 'intents')

const MERGE: IntentPlan = {
  kind: 'merge-tags',
  subject: '« Acteurs/Israël » into « Tsahal »',
  tags: [{ id: 'tag-tsahal', path: 'Tsahal', color: '#2563eb', description: '' }],
  notes: [
    { articleId: 'article-1', noteId: 'note-1', tagIds: ['tag-tsahal'] },
    { articleId: 'article-2', noteId: 'note-2', tagIds: ['tag-tsahal', 'tag-securite'] }
  ]
}

describe('IntentLog', () => {
  it('writes the whole plan before the operation and removes it after', async () => {
    const intent = await log().record(MERGE)
    const file = path.join(intentsDir(), `${intent.id}.json`)
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({
      version: 1,
      ...MERGE,
      id: intent.id,
      createdAt: '2026-01-15T14:02:11.000Z'
    })
    expect(await log().leftBehind()).toEqual({ intents: [intent], damaged: [] })

    await log().remove(intent)
    expect(fs.readdirSync(intentsDir())).toEqual([])
    expect(await log().leftBehind()).toEqual({ intents: [], damaged: [] })
  })

  it('has nothing left behind when the folder was never made', async () => {
    expect(await log().leftBehind()).toEqual({ intents: [], damaged: [] })
  })

  it('lists what is left oldest first and skips temp files of a record never renamed', async () => {
    clock = Date.UTC(2026, 0, 15, 14, 5)
    const later = await log().record({ ...MERGE, kind: 'delete-tag', subject: '« Tsahal »' })
    clock = Date.UTC(2026, 0, 15, 14, 1)
    const earlier = await log().record(MERGE)
    fs.writeFileSync(path.join(intentsDir(), '.abc.json.123.ff00.tmp'), '{"version":1,')
    const { intents, damaged } = await log().leftBehind()
    expect(intents.map((intent) => [intent.id, intent.kind])).toEqual([
      [earlier.id, 'merge-tags'],
      [later.id, 'delete-tag']
    ])
    expect(damaged).toEqual([])
  })

  it.each([
    ['is cut short', '{"version":1,"id":"x","kind":"merge', /^it is not valid JSON \(/],
    ['is null', 'null', /^it is not an intent record \(/],
    [
      'names an unknown kind',
      JSON.stringify({ ...MERGE, version: 1, id: 'x', createdAt: '', kind: 'rename' }),
      /at kind\)$/
    ],
    [
      'lacks its notes',
      JSON.stringify({ ...MERGE, version: 1, id: 'x', createdAt: '', notes: undefined }),
      /at notes\)$/
    ],
    ['comes from another version', JSON.stringify({ ...MERGE, version: 2, id: 'x', createdAt: '' }), /at version\)$/]
  ])('sets aside a record that %s, with the reason, and goes on', async (_case, content, reason) => {
    const good = await log().record(MERGE)
    fs.writeFileSync(path.join(intentsDir(), 'damaged.json'), content)
    const { intents, damaged } = await log().leftBehind()
    expect(intents.map((intent) => intent.id)).toEqual([good.id])
    expect(damaged).toHaveLength(1)
    expect(damaged[0]!.file).toBe(path.join(intentsDir(), 'damaged.json'))
    expect(damaged[0]!.reason).toMatch(reason)
    expect(damaged[0]!.quarantinedTo).toBe(
      path.join(intentsDir(), '.quarantine', 'damaged.2026-01-15T14-02-11-000Z.json')
    )
    expect(fs.readFileSync(damaged[0]!.quarantinedTo!, 'utf8')).toBe(content)
    expect(fs.readdirSync(intentsDir()).sort()).toEqual(['.quarantine', `${good.id}.json`])
  })

  it('reports an intents "folder" that is a file instead of throwing', async () => {
    fs.writeFileSync(intentsDir(), 'not a folder')
    const { intents, damaged } = await log().leftBehind()
    expect(intents).toEqual([])
    expect(damaged).toEqual([{ file: intentsDir(), reason: expect.stringMatching(/ENOTDIR/), quarantinedTo: null }])
  })

  it('reads back exactly what it was given, whatever the plan', () => {
    const id = fc.string({ minLength: 1, maxLength: 12 })
    const plan = fc.record({
      kind: fc.constantFrom(...INTENT_KINDS),
      subject: fc.string(),
      tags: fc.option(
        fc.array(
          fc.record({ id, path: fc.string({ minLength: 1 }), color: fc.option(fc.string()), description: fc.string() })
        ),
        { nil: null }
      ),
      notes: fc.array(
        fc.oneof(
          fc.record({ articleId: id, noteId: id, tagIds: fc.array(id) }),
          fc.record({ articleId: id, noteId: id, tagIds: fc.array(id), color: fc.option(fc.string(), { nil: null }) })
        )
      )
    })
    fc.assert(
      fc.property(plan, (generated) => {
        const intent = { ...generated, id: 'intent-1', createdAt: '2026-01-15T14:02:11.000Z' }
        expect(parseIntent(JSON.stringify({ version: 1, ...intent }))).toEqual(intent)
      })
    )
  })
})

describe('what the user is told', () => {
  it.each([
    [
      'A tag merge (« Acteurs/Israël » into « Tsahal ») interrupted by a crash was completed: 31 notes.',
      MERGE,
      31,
      'crash'
    ],
    [
      'A tag deletion (« Tsahal ») interrupted by a crash was completed: 1 note.',
      { ...MERGE, kind: 'delete-tag', subject: '« Tsahal »' },
      1,
      'crash'
    ],
    [
      'Undoing a tag merge interrupted by an error was completed: 0 notes.',
      { ...MERGE, kind: 'undo-merge-tags', subject: '' },
      0,
      'error'
    ],
    [
      'A change to several notes interrupted by a crash was completed: 12 notes.',
      { ...MERGE, kind: 'bulk-update-notes', subject: '' },
      12,
      'crash'
    ]
  ] as const)('says « %s »', (message, plan, notes, cause) => {
    expect(describeCompletion(plan, notes, cause)).toBe(message)
  })

  it('names the damaged record, why, and where it was kept', () => {
    expect(
      describeDamagedIntent({
        file: '/data/intents/a.json',
        reason: 'it is not valid JSON (x)',
        quarantinedTo: '/q/a.json'
      })
    ).toBe(
      'The record of a tag change interrupted by a crash, /data/intents/a.json, could not be read (it is not valid JSON (x)), so that change may be only partly applied: check the tags of recent notes. It was set aside at /q/a.json.'
    )
  })
})
