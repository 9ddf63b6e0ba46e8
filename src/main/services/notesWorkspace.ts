/**
 * The notes workspace's half of the API: every note of the library filtered, sorted and
 * paged (`queryNotes`), and tags and colours changed on many notes at once, undoably
 * (`bulkUpdateNotes`, `restoreNoteFields`).
 *
 * Notes come from the note store, which keeps each notes file in memory once read, so a
 * query reads the disk only the first time; the folded text the word filter compares
 * against is cached per note and recomputed only when the note or its tags' paths change.
 * A bulk change writes each notes file it touches once, inside the critical section for
 * tag references (tagOperations.ts): its tags are checked right before it writes, and a
 * change spanning several files is recorded first and completed after a crash.
 */
import type { ApiHandlers } from '../../shared/api/contract'
import { ServiceError } from '../../shared/api/dispatch'
import { hostMessage } from '../../shared/domain/hostMessages'
import { isArticleNote, type AnyNote } from '../../shared/domain/note'
import { queryNotes } from '../../shared/notes/query'
import type { NoteFields } from '../../shared/notes/workspace'
import { foldForSearch } from '../../shared/text/fold'
import type { ArticleStore } from './articleStore'
import type { NoteStore } from './noteStore'
import type { NoteTarget } from './intentLog'
import type { TagReferences } from './tagOperations'
import type { TagStore } from './tagStore'

/** The most tags a note may carry (the contract's limit for a note's tag list). */
const MAX_TAGS_PER_NOTE = 50

export type NotesWorkspaceHandlers = Pick<ApiHandlers, 'queryNotes' | 'bulkUpdateNotes' | 'restoreNoteFields'>

export function createNotesWorkspace(deps: {
  articles: ArticleStore
  notes: NoteStore
  tags: TagStore
  references: TagReferences
}): NotesWorkspaceHandlers {
  const { articles, notes, tags, references } = deps
  const foldedCache = new Map<string, { key: string; folded: string }>()

  const foldedText = (note: AnyNote, tagPaths: readonly string[]): string => {
    const quote = isArticleNote(note) ? '' : note.anchor.quote.exact
    const key = `${note.updatedAt}\u0000${quote.length}\u0000${tagPaths.join('\u0001')}`
    const cached = foldedCache.get(note.id)
    if (cached?.key === key) return cached.folded
    const folded = foldForSearch([quote, note.text, ...tagPaths].join('\n'))
    foldedCache.set(note.id, { key, folded })
    return folded
  }

  const groupByArticle = <T extends { articleId: string; noteId: string }>(refs: readonly T[]): Map<string, T[]> => {
    const groups = new Map<string, T[]>()
    const seen = new Set<string>()
    for (const ref of refs) {
      if (seen.has(ref.noteId)) continue
      seen.add(ref.noteId)
      groups.set(ref.articleId, [...(groups.get(ref.articleId) ?? []), ref])
    }
    return groups
  }

  return {
    async queryNotes(query) {
      const live = articles.list()
      const all: AnyNote[] = []
      for (const meta of live) all.push(...(await notes.list(meta.id)), ...(await notes.articleNotes.list(meta.id)))
      // Notes deleted since would otherwise stay cached for the life of the app.
      if (foldedCache.size > 2 * all.length + 1000) foldedCache.clear()
      return queryNotes({ articles: live, notes: all, tags: tags.list(), foldedText }, query)
    },

    bulkUpdateNotes: ({ notes: refs, addTagIds = [], removeTagIds = [], color }) =>
      references.exclusive(async () => {
        tags.requireAll([...addTagIds, ...removeTagIds])
        const groups = groupByArticle(refs)
        // Everything is checked before anything is written, so a refused change changes nothing.
        const before = new Map<string, NoteFields>()
        for (const [articleId, group] of groups) {
          articles.getMeta(articleId)
          for (const { noteId } of group) {
            const note = await notes.findAny(articleId, noteId)
            if (!note)
              throw new ServiceError('not-found', 'One of those notes no longer exists.', hostMessage('note.someGone'))
            const color = isArticleNote(note) ? null : note.color
            before.set(noteId, { articleId, noteId, tagIds: [...note.tagIds], color })
          }
        }
        const removing = new Set(removeTagIds)
        const nextTags = (tagIds: readonly string[]) => [
          ...new Set([...tagIds.filter((id) => !removing.has(id)), ...addTagIds.filter((id) => !removing.has(id))])
        ]
        if ([...before.values()].some((fields) => nextTags(fields.tagIds).length > MAX_TAGS_PER_NOTE)) {
          throw new ServiceError(
            'invalid-input',
            `A note can carry at most ${MAX_TAGS_PER_NOTE} tags.`,
            hostMessage('note.tooManyTags', { limit: MAX_TAGS_PER_NOTE })
          )
        }
        const targets = [...before.values()].map(({ articleId, noteId, tagIds }): NoteTarget => ({
          articleId,
          noteId,
          tagIds: nextTags(tagIds),
          ...(color !== undefined ? { color } : {})
        }))
        const updated = new Map(
          (await references.carryOut({ kind: 'bulk-update-notes', subject: '', tags: null, notes: targets })).map(
            (note) => [note.id, note]
          )
        )
        const order = [...groups.values()].flat()
        return {
          notes: order.flatMap(({ noteId }) => updated.get(noteId) ?? []),
          before: order.map(({ noteId }) => before.get(noteId)!)
        }
      }),

    restoreNoteFields: ({ fields }) =>
      references.exclusive(async () => {
        const known = new Set(tags.list().map((tag) => tag.id))
        const present = new Set([...articles.list(), ...articles.listTrash()].map((meta) => meta.id))
        const targets = [...groupByArticle(fields)]
          // Notes that are gone, with their article or alone, are skipped: there is nothing to put back.
          .filter(([articleId]) => present.has(articleId))
          .flatMap(([, group]) =>
            group.map((field): NoteTarget => ({
              articleId: field.articleId,
              noteId: field.noteId,
              tagIds: [...new Set(field.tagIds.filter((id) => known.has(id)))],
              color: field.color
            }))
          )
        return references.carryOut({ kind: 'restore-note-fields', subject: '', tags: null, notes: targets })
      })
  }
}
