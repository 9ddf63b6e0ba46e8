/**
 * Intent records for the operations that write several files: a tag merge, delete, undo of a
 * delete or of a merge, and changes to notes of several articles at once. Each file write is
 * atomic on its own (storage/durableJsonFile.ts), but a crash between two of them used to
 * leave the operation half applied with nothing saying what it was meant to do (issue 11:
 * 4 of 31 merges, 3 of 39 deletes and 2 of 31 restores stayed half-applied).
 *
 * So before its first write an operation durably records the whole state it is heading for
 * (each touched note's tag ids, and colour where it sets one; the final tag list where it
 * changes); the record is deleted once every file is written; and at start-up, before
 * anything is served, a record left behind is completed and the user told (tagOperations.ts).
 *
 * Every kind is rolled forward, never back. The record is written only once the operation
 * has been checked and planned in full, so completing it produces exactly the state a
 * successful call would have produced: the one the user asked for. The only thing a crash
 * costs on top is the undo of that step, and undo history ends with the session anyway.
 * Rolling back would instead bring back a state the user had just confirmed leaving (a tag
 * they deleted, two tags they merged), would need the state before as well, and is no
 * safer: the record's target is complete and setting a note's tag ids to it twice is
 * harmless, so rolling forward is idempotent, even after a crash during recovery.
 *
 * Layout: `<dataDir>/intents/<id>.json`, written through `writeFileDurably`; removing one
 * fsyncs the folder. A record that cannot be read or has the wrong shape is moved to
 * `<dataDir>/intents/.quarantine/` and reported; it never stops start-up.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import type { Tag } from '../../shared/tags/tags'
import { fsyncDir, writeFileDurably } from '../storage/durableJsonFile'
import { hasCode } from '../storage/processes'
import { errorMessage } from '../../shared/errorMessage'
import { hostMessage, worded, type HostMessage, type WordedMessage } from '../../shared/domain/hostMessages'

/** Bumped if the record's shape ever changes; a record of another version is set aside, not guessed at. */
const INTENT_VERSION = 1

export const INTENT_KINDS = [
  'merge-tags',
  'delete-tag',
  'restore-tag',
  'undo-merge-tags',
  'bulk-update-notes',
  'restore-note-fields'
] as const
export type IntentKind = (typeof INTENT_KINDS)[number]

/** What a note must carry once the operation is done; `color` only when the operation sets it. */
export interface NoteTarget {
  articleId: string
  noteId: string
  tagIds: string[]
  color?: string | null
}

/** Everything needed to finish an operation, whatever part of it already reached disk. */
export interface IntentPlan {
  kind: IntentKind
  /** The tags it is about, for the notice (« Acteurs/Israël » into « Tsahal »); empty when none. */
  subject: string
  /** The whole tag list after the operation, or null when it leaves the tag list alone. */
  tags: Tag[] | null
  notes: NoteTarget[]
}

export interface Intent extends IntentPlan {
  id: string
  createdAt: string
}

/** A record that could not be used: where it was, why, and where it was moved (null if it could not be). */
export interface DamagedIntent {
  file: string
  reason: string
  quarantinedTo: string | null
}

// Unknown fields are kept on tags (a field added later must survive a roll-forward).
const storedTag = z.looseObject({
  id: z.string().min(1),
  path: z.string().min(1),
  color: z.string().nullable(),
  description: z.string()
})

const storedIntent = z.object({
  version: z.literal(INTENT_VERSION),
  id: z.string().min(1),
  createdAt: z.string(),
  kind: z.enum(INTENT_KINDS),
  subject: z.string(),
  tags: z.array(storedTag).nullable(),
  notes: z.array(
    z.object({
      articleId: z.string().min(1),
      noteId: z.string().min(1),
      tagIds: z.array(z.string().min(1)),
      color: z.string().nullable().optional()
    })
  )
})

export function intentsFolder(dataDir: string): string {
  return path.join(dataDir, 'intents')
}

export class IntentLog {
  readonly folder: string

  constructor(
    private readonly dataDir: string,
    private readonly now: () => Date = () => new Date()
  ) {
    this.folder = intentsFolder(dataDir)
  }

  /** Durably records what an operation is about to do; resolves once the record is on disk. */
  async record(plan: IntentPlan): Promise<Intent> {
    const intent: Intent = { ...plan, id: randomUUID(), createdAt: this.now().toISOString() }
    const created = await fs.mkdir(this.folder, { recursive: true })
    // A new folder is an entry in the data folder: make it durable before relying on it.
    if (created !== undefined) await fsyncDir(this.dataDir)
    await writeFileDurably(this.fileOf(intent.id), JSON.stringify({ version: INTENT_VERSION, ...intent }))
    return intent
  }

  /** Forgets a completed operation; resolves once the removal is on disk. */
  async remove(intent: Intent): Promise<void> {
    await fs.rm(this.fileOf(intent.id), { force: true })
    await fsyncDir(this.folder)
  }

  /**
   * The records a crash left behind, oldest first. A damaged one is moved aside and listed
   * in `damaged`; a folder that cannot be listed is reported the same way rather than thrown.
   */
  async leftBehind(): Promise<{ intents: Intent[]; damaged: DamagedIntent[] }> {
    let entries: string[]
    try {
      entries = await fs.readdir(this.folder)
    } catch (error) {
      if (hasCode(error, 'ENOENT')) return { intents: [], damaged: [] }
      return { intents: [], damaged: [{ file: this.folder, reason: errorMessage(error), quarantinedTo: null }] }
    }
    const intents: Intent[] = []
    const damaged: DamagedIntent[] = []
    // Dot files are a write cut short before its rename (the operation never started) and the quarantine.
    for (const entry of entries.filter((name) => name.endsWith('.json') && !name.startsWith('.')).sort()) {
      const file = path.join(this.folder, entry)
      try {
        intents.push(parseIntent(await fs.readFile(file, 'utf8')))
      } catch (error) {
        damaged.push({ file, reason: errorMessage(error), quarantinedTo: await this.quarantine(file) })
      }
    }
    intents.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    return { intents, damaged }
  }

  private fileOf(id: string): string {
    return path.join(this.folder, `${id}.json`)
  }

  /** Moves a damaged record out of the way, keeping it for whoever wants to look; null if it cannot be moved. */
  private async quarantine(file: string): Promise<string | null> {
    const folder = path.join(this.folder, '.quarantine')
    const stamp = this.now().toISOString().replace(/[:.]/g, '-')
    const target = path.join(folder, `${path.basename(file, '.json')}.${stamp}.json`)
    try {
      await fs.mkdir(folder, { recursive: true })
      await fs.rename(file, target)
      await fsyncDir(this.folder)
      return target
    } catch {
      return null
    }
  }
}

/** A record's text as an intent; throws an error saying what is wrong with it. */
export function parseIntent(text: string): Intent {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    throw new Error(`it is not valid JSON (${errorMessage(error)})`)
  }
  const parsed = storedIntent.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const where = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : ''
    throw new Error(`it is not an intent record (${issue.message}${where})`)
  }
  const intent: Partial<typeof parsed.data> = { ...parsed.data }
  delete intent.version
  return intent as Intent
}

const KIND_LABELS: Record<IntentKind, string> = {
  'merge-tags': 'A tag merge',
  'delete-tag': 'A tag deletion',
  'restore-tag': 'Undoing a tag deletion',
  'undo-merge-tags': 'Undoing a tag merge',
  'bulk-update-notes': 'A change to several notes',
  'restore-note-fields': 'Undoing a change to several notes'
}

/** « A tag merge (« Acteurs/Israël » into « Tsahal ») interrupted by a crash was completed: 31 notes. » */
export function describeCompletion(intent: IntentPlan, notesWritten: number, cause: 'crash' | 'error'): string {
  const subject = intent.subject === '' ? '' : ` (${intent.subject})`
  const count = `${notesWritten} ${notesWritten === 1 ? 'note' : 'notes'}`
  return `${KIND_LABELS[intent.kind]}${subject} interrupted by ${cause === 'crash' ? 'a crash' : 'an error'} was completed: ${count}.`
}

/** The same as a notice the interface says in its language (domain/hostMessages.ts). */
export function completionNotice(intent: IntentPlan, notesWritten: number, cause: 'crash' | 'error'): WordedMessage {
  return worded(describeCompletion(intent, notesWritten, cause), 'intent.completed', {
    kind: hostMessage(`intent.kind.${intent.kind}`),
    subject: subjectOf(intent.subject),
    cause: hostMessage(cause === 'crash' ? 'intent.byCrash' : 'intent.byError'),
    notes: hostMessage('count.note', { count: notesWritten })
  })
}

/** The subject as tagOperations.ts writes it (« A » into « B », or « A »), read back into tag paths. */
function subjectOf(subject: string): HostMessage | string {
  if (subject === '') return ''
  const merge = /^« (.*) » into « (.*) »$/.exec(subject)
  if (merge) return hostMessage('intent.subjectMerge', { from: merge[1]!, into: merge[2]! })
  const tag = /^« (.*) »$/.exec(subject)
  if (tag) return hostMessage('intent.subjectTag', { tag: tag[1]! })
  return hostMessage('intent.subjectTag', { tag: subject })
}

export function damagedIntentNotice(damaged: DamagedIntent): WordedMessage {
  return worded(describeDamagedIntent(damaged), 'intent.damaged', {
    file: damaged.file,
    reason: hostMessage('detail', { detail: damaged.reason }),
    kept: damaged.quarantinedTo
      ? hostMessage('intent.setAside', { path: damaged.quarantinedTo })
      : hostMessage('intent.leftInPlace')
  })
}

/** A tag change a crash interrupted that cannot be completed yet. */
export function retryNotice(reason: string): WordedMessage {
  return worded(
    `A tag change interrupted by a crash could not be completed yet (${reason}); Dossier will try again before the next tag change.`,
    'intent.willRetry',
    { reason: hostMessage('detail', { detail: reason }) }
  )
}

export function describeDamagedIntent(damaged: DamagedIntent): string {
  const kept = damaged.quarantinedTo
    ? ` It was set aside at ${damaged.quarantinedTo}.`
    : ' It could not be moved aside and was left where it is.'
  return `The record of a tag change interrupted by a crash, ${damaged.file}, could not be read (${damaged.reason}), so that change may be only partly applied: check the tags of recent notes.${kept}`
}
