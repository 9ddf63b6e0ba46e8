/**
 * The tag half of the API, and the one critical section for tag references.
 *
 * A note must never point at a tag that is not there. Checking that a tag exists and then
 * writing a note are two steps with a wait between them, and so are taking a tag off every
 * note and then removing it from the list: interleaved, a note ended up carrying a deleted
 * tag (issue 11: 40 of 40 rounds through setNoteTags, 39 of 40 through bulkUpdateNotes). So
 * every write that puts tag ids on notes (setNoteTags, bulk updates and their undo,
 * restoreNote, undoing a merge or a delete) and every write to the tag list (create, rename,
 * delete, merge…) runs through one `serialQueue`, and the check that each tag id exists is
 * made inside it, right before the write.
 *
 * Operations that write several files first record where they are going (intentLog.ts);
 * `completeInterrupted` finishes, at start-up, whatever a crash cut short. When a write
 * fails in a running session, its record stays and is completed at the start of the next
 * turn of the critical section, so no later tag change can run on top of a half-applied one.
 */
import type { ApiHandlers } from '../../shared/api/contract'
import { ServiceError } from '../../shared/api/dispatch'
import { hostMessage } from '../../shared/domain/hostMessages'
import { isArticleNote, type AnyNote } from '../../shared/domain/note'
import { serialQueue } from '../../shared/async/serialQueue'
import type { ArticleStore } from './articleStore'
import {
  completionNotice,
  damagedIntentNotice,
  IntentLog,
  retryNotice,
  type Intent,
  type IntentKind,
  type IntentPlan,
  type NoteTarget
} from './intentLog'
import type { NoticeBoard } from './noticeBoard'
import type { NoteStore } from './noteStore'
import type { TagStore } from './tagStore'
import { errorMessage } from '../../shared/errorMessage'
import { normaliseTagPath } from '../../shared/tags/tags'

/**
 * Test seam: told how many notes files an operation has written, 0 before the first and then
 * after each one; throwing from it is a crash after that many files.
 */
export interface TagOperationHooks {
  notesFilesWritten?: (count: number) => void | Promise<void>
}

/** What the notes workspace needs to change tag ids on notes the same safe way. */
export interface TagReferences {
  /** Runs `task` alone among every change to the tag list or to the tag ids on notes. */
  exclusive<R>(task: () => Promise<R>): Promise<R>
  /** Writes notes' target fields, under an intent record when that spans files; only inside `exclusive`. */
  carryOut(plan: IntentPlan): Promise<AnyNote[]>
}

type TagHandlerName =
  | 'listTags'
  | 'createTag'
  | 'renameTag'
  | 'recolorTag'
  | 'describeTag'
  | 'deleteTag'
  | 'restoreTag'
  | 'mergeTags'
  | 'undoMergeTags'
  | 'renameTagBranch'
  | 'recolorTags'
  | 'mergeTagBranch'
  | 'listPinnedTags'
  | 'setPinnedTags'
  | 'tagUsage'
  | 'setNoteTags'
  | 'restoreNote'
  | 'setArticleNoteTags'
  | 'restoreArticleNote'

export type TagHandlers = Pick<ApiHandlers, TagHandlerName>

/**
 * Kinds that add tags write the tag list before the notes, and kinds that take tags away
 * write it after them: then at every step of the way, and after a crash at any of them,
 * each tag id on a note names a tag of the list.
 */
const TAGS_FIRST: Record<IntentKind, boolean> = {
  'merge-tags': false,
  'delete-tag': false,
  'restore-tag': true,
  'undo-merge-tags': true,
  'bulk-update-notes': false,
  'restore-note-fields': false
}

/** Library-wide tag changes are not edits of a note: they leave its `updatedAt` alone, as they always did. */
const STAMPS_NOTES: Record<IntentKind, boolean> = {
  'merge-tags': false,
  'delete-tag': false,
  'restore-tag': false,
  'undo-merge-tags': false,
  'bulk-update-notes': true,
  'restore-note-fields': true
}

export function createTagOperations(deps: {
  dataDir: string
  articles: ArticleStore
  notes: NoteStore
  tags: TagStore
  notices: NoticeBoard
  now: () => Date
  hooks?: TagOperationHooks
  /** The error to give for a notes file that could not be read (and a notice naming it): startup/unreadableFiles.ts. */
  unreadableNotes?: (articleId: string, error: unknown) => unknown
}): { handlers: TagHandlers; references: TagReferences; completeInterrupted(): Promise<void> } {
  const { articles, notes, tags, notices, hooks = {} } = deps
  const intents = new IntentLog(deps.dataDir, deps.now)
  const queue = serialQueue()
  /** Records whose operation failed part-way in this session (or at start-up): completed before anything else. */
  const unfinished: Intent[] = []

  const allArticleIds = () => [...articles.list(), ...articles.listTrash()].map((article) => article.id)
  const unreadableNotes = deps.unreadableNotes ?? ((_articleId: string, error: unknown) => error)

  /**
   * Every note's tag ids, for a change to every note that carries a tag: one notes file that
   * cannot be read refuses it, naming the file, rather than leave its notes on a tag that is gone.
   */
  const tagIdsOfEveryNote = async (articleIds: readonly string[]) => {
    const byNote = new Map<string, { articleId: string; tagIds: string[] }>()
    for (const articleId of articleIds) {
      const read = await notes.tagIdsByNote([articleId]).catch((error: unknown) => {
        throw unreadableNotes(articleId, error)
      })
      for (const [noteId, entry] of read) byNote.set(noteId, entry)
    }
    return byNote
  }

  /** Writes the notes' targets, one notes file per article; tag ids the final list lacks are left off. */
  const writeNotes = async (plan: IntentPlan): Promise<AnyNote[]> => {
    const known = new Set((plan.tags ?? tags.list()).map((tag) => tag.id))
    const present = new Set(allArticleIds())
    const written: AnyNote[] = []
    let files = 0
    await hooks.notesFilesWritten?.(files)
    for (const [articleId, targets] of byArticle(plan.notes)) {
      // An article emptied from the trash since: its notes are gone, there is nothing to write.
      if (!present.has(articleId)) continue
      const changes = new Map(
        [...targets].map(([noteId, target]) => [
          noteId,
          (note: AnyNote) => {
            note.tagIds = [...new Set(target.tagIds.filter((id) => known.has(id)))]
            // A note on the whole article has no colour: a bulk colour change leaves it as it is.
            if (target.color !== undefined && !isArticleNote(note)) note.color = target.color
          }
        ])
      )
      const changed = await notes.changeMany(articleId, changes, { stamp: STAMPS_NOTES[plan.kind] })
      if (changed.length === 0) continue
      written.push(...changed)
      await hooks.notesFilesWritten?.(++files)
    }
    return written
  }

  /** Every file of the plan, in the order that keeps each note's tag ids valid at each step. */
  const apply = async (plan: IntentPlan): Promise<AnyNote[]> => {
    if (plan.tags && TAGS_FIRST[plan.kind]) await tags.replaceAll(plan.tags, plan.kind)
    const written = await writeNotes(plan)
    if (plan.tags && !TAGS_FIRST[plan.kind]) await tags.replaceAll(plan.tags, plan.kind)
    return written
  }

  const carryOut = async (plan: IntentPlan): Promise<AnyNote[]> => {
    const files = (plan.tags ? 1 : 0) + byArticle(plan.notes).size
    // One file is written atomically on its own: no record needed.
    if (files <= 1) return apply(plan)
    const intent = await intents.record(plan)
    try {
      const written = await apply(plan)
      await intents.remove(intent)
      return written
    } catch (error) {
      unfinished.push(intent)
      throw error
    }
  }

  /** Completes what failed part-way earlier; if that fails again, nothing else may change tags. */
  const settleUnfinished = async (): Promise<void> => {
    while (unfinished.length > 0) {
      const intent = unfinished[0]!
      let written: AnyNote[]
      try {
        written = await apply(intent)
        await intents.remove(intent)
      } catch (error) {
        const detail = errorMessage(error)
        throw new ServiceError(
          'storage-failed',
          `An earlier tag change could not be finished (${detail}); no tag can change until it is.`,
          hostMessage('intent.blocked', { reason: hostMessage('detail', { detail }) })
        )
      }
      unfinished.shift()
      notices.post('info', completionNotice(intent, written.length, 'error'))
    }
  }

  const exclusive = <R>(task: () => Promise<R>): Promise<R> =>
    queue.run(async () => {
      await settleUnfinished()
      return task()
    })

  /**
   * Folds every tag at or under `fromPath` (a tag's own path, or a parent with no record) into
   * `intoId` across the library's notes, under one intent record.
   */
  const mergeWith = (fromPath: string, intoId: string) =>
    exclusive(async () => {
      const into = tags.require(intoId)
      const byNote = await tagIdsOfEveryNote(allArticleIds())
      const plan = tags.planMergeBranch(
        fromPath,
        intoId,
        Object.fromEntries([...byNote].map(([noteId, { tagIds }]) => [noteId, tagIds]))
      )
      const noteChanges = plan.changes.notes.map((change) => ({
        articleId: byNote.get(change.noteId)!.articleId,
        ...change
      }))
      await carryOut({
        kind: 'merge-tags',
        subject: `« ${normaliseTagPath(fromPath)} » into « ${into.path} »`,
        tags: plan.tags,
        notes: noteChanges.map(({ articleId, noteId, after }) => ({ articleId, noteId, tagIds: after }))
      })
      return { tags: tags.list(), changes: { tags: plan.changes.tags, notes: noteChanges } }
    })

  const handlers: TagHandlers = {
    async listTags() {
      return tags.list()
    },
    async listPinnedTags() {
      return tags.pinned()
    },
    async tagUsage() {
      // Counts without a notes file that cannot be read (a notice names it) rather than none at all.
      const lists: string[][] = []
      for (const articleId of allArticleIds()) {
        const read = await notes.tagUsage([articleId]).catch((error: unknown) => {
          unreadableNotes(articleId, error)
          return []
        })
        lists.push(...read)
      }
      return lists
    },
    createTag: ({ path, color }) => exclusive(() => tags.create(path, color)),
    renameTag: ({ tagId, path }) => exclusive(() => tags.rename(tagId, path)),
    recolorTag: ({ tagId, color }) => exclusive(() => tags.recolor(tagId, color)),
    describeTag: ({ tagId, description }) => exclusive(() => tags.describe(tagId, description)),
    setPinnedTags: ({ tagIds }) => exclusive(() => tags.setPinned(tagIds)),

    setNoteTags: ({ articleId, noteId, tagIds }) =>
      exclusive(async () => {
        articles.getMeta(articleId)
        tags.requireAll(tagIds)
        return notes.setTags(articleId, noteId, tagIds)
      }),

    restoreNote: ({ note }) =>
      exclusive(async () => {
        articles.getMeta(note.articleId)
        // A tag deleted since is not brought back onto the note.
        const known = new Set(tags.list().map((tag) => tag.id))
        return notes.restore({ ...note, tagIds: note.tagIds.filter((tagId) => known.has(tagId)) })
      }),

    setArticleNoteTags: ({ articleId, noteId, tagIds }) =>
      exclusive(async () => {
        articles.getMeta(articleId)
        tags.requireAll(tagIds)
        return notes.articleNotes.setTags(articleId, noteId, tagIds)
      }),

    restoreArticleNote: ({ note }) =>
      exclusive(async () => {
        articles.getMeta(note.articleId)
        const known = new Set(tags.list().map((tag) => tag.id))
        return notes.articleNotes.restore({ ...note, tagIds: note.tagIds.filter((tagId) => known.has(tagId)) })
      }),

    deleteTag: ({ tagId }) =>
      exclusive(async () => {
        const { tag, tags: remaining } = tags.planDelete(tagId)
        const targets: NoteTarget[] = []
        for (const [noteId, { articleId, tagIds }] of await tagIdsOfEveryNote(allArticleIds())) {
          if (tagIds.includes(tagId)) targets.push({ articleId, noteId, tagIds: tagIds.filter((id) => id !== tagId) })
        }
        await carryOut({ kind: 'delete-tag', subject: `« ${tag.path} »`, tags: remaining, notes: targets })
        return { tagged: targets.map(({ articleId, noteId }) => ({ articleId, noteId })) }
      }),

    restoreTag: ({ tag, tagged }) =>
      exclusive(async () => {
        const restored = tags.planRestore(tag)
        const present = new Set(allArticleIds())
        const refs = tagged.filter((ref) => present.has(ref.articleId))
        const current = await tagIdsOfEveryNote([...new Set(refs.map((ref) => ref.articleId))])
        const targets = refs.flatMap(({ articleId, noteId }): NoteTarget[] => {
          const now = current.get(noteId)
          if (!now || now.articleId !== articleId || now.tagIds.includes(tag.id)) return []
          return [{ articleId, noteId, tagIds: [...now.tagIds, tag.id] }]
        })
        await carryOut({ kind: 'restore-tag', subject: `« ${tag.path} »`, tags: restored, notes: targets })
        return tags.list()
      }),

    mergeTags: ({ fromId, intoId }) => mergeWith(tags.require(fromId).path, intoId),

    renameTagBranch: ({ path, newPath }) => exclusive(() => tags.renameBranch(path, newPath)),
    recolorTags: ({ colors }) => exclusive(() => tags.recolorMany(colors)),
    mergeTagBranch: ({ path, intoId }) => mergeWith(path, intoId),

    undoMergeTags: ({ changes }) =>
      exclusive(async () => {
        const restored = tags.planUndo(changes.tags)
        const known = new Set(restored.map((tag) => tag.id))
        const present = new Set(allArticleIds())
        const targets = changes.notes
          .filter((change) => present.has(change.articleId))
          // A tag deleted since the merge is not brought back onto a note.
          .map(({ articleId, noteId, before }) => ({ articleId, noteId, tagIds: before.filter((id) => known.has(id)) }))
        await carryOut({ kind: 'undo-merge-tags', subject: '', tags: restored, notes: targets })
        return tags.list()
      })
  }

  return {
    handlers,
    references: { exclusive, carryOut },
    /**
     * Finishes every operation a crash cut short, before anything is served, and says so. A
     * damaged record is set aside with a notice; one that cannot be completed now is kept and
     * tried again before the next tag change. Never throws: start-up goes on regardless.
     */
    async completeInterrupted() {
      const { intents: left, damaged } = await intents.leftBehind()
      for (const record of damaged) notices.post('warning', damagedIntentNotice(record))
      for (const intent of left) {
        try {
          const written = await apply(intent)
          await intents.remove(intent)
          notices.post('info', completionNotice(intent, written.length, 'crash'))
        } catch (error) {
          unfinished.push(intent)
          notices.post('warning', retryNotice(errorMessage(error)))
        }
      }
    }
  }
}

/** Targets grouped by article, in first-seen order; a note named twice keeps its last target. */
function byArticle(targets: readonly NoteTarget[]): Map<string, Map<string, NoteTarget>> {
  const groups = new Map<string, Map<string, NoteTarget>>()
  for (const target of targets) {
    let group = groups.get(target.articleId)
    if (!group) groups.set(target.articleId, (group = new Map()))
    group.set(target.noteId, target)
  }
  return groups
}
