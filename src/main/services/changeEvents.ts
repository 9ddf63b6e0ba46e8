/**
 * What the stores tell whoever follows the library (the search index) once a change is on
 * disk. Before this, the index followed API calls and decoded their inputs and outputs to
 * guess which articles a call touched (issue 13); a store knows exactly what it wrote, and
 * a change made outside an API call (an interrupted tag change completed, a note count put
 * right) is heard the same way.
 *
 * Delivery is synchronous, right after the write reached disk, in the order of the writes:
 * a listener sees the stores already holding the change. Listeners must be quick and must
 * not write (they queue work instead). A listener that throws never fails the write, which
 * is already on disk: its error goes to `onListenerError` (the host logs it) and the other
 * listeners still hear the event.
 */
import type { ArticleMetaChanges } from '../../shared/domain/article'
import { errorMessage } from '../../shared/errorMessage'
import type { Tag } from '../../shared/tags/tags'
import type { IntentKind } from './intentLog'

/** The parts of a note a change touched: `text` is the analyst's comment, `anchor` where it sits (and its quote). */
export type NoteField = 'text' | 'tags' | 'anchor' | 'color'

/** The write to the tag list that changed it: a single-file tag action, or an operation of tagOperations.ts. */
export type TagChangeCause = 'create' | 'rename' | 'recolor' | 'describe' | IntentKind

export type StoreChange =
  /** A note was saved for the first time, or put back by an undo. */
  | { kind: 'note-created'; articleId: string; noteId: string }
  /** One event per note a save changed, naming what changed in it. */
  | { kind: 'note-changed'; articleId: string; noteId: string; fields: NoteField[] }
  | { kind: 'note-deleted'; articleId: string; noteId: string }
  | { kind: 'article-added'; articleId: string }
  /** Its text was edited or replaced; the notes it moved are told apart, as `note-changed`. */
  | { kind: 'article-body-changed'; articleId: string }
  /** The metadata fields whose stored value changed. */
  | { kind: 'article-meta-changed'; articleId: string; fields: (keyof ArticleMetaChanges)[] }
  | { kind: 'article-trashed'; articleId: string }
  | { kind: 'article-restored'; articleId: string }
  /** Emptied from the trash: the articles, their texts and their notes are gone for good. */
  | { kind: 'articles-deleted'; articleIds: string[] }
  /**
   * One write to the tag list, told as what differs: tags that appeared, whose path changed
   * (a rename or move, a branch's descendants with it), that went, and whose colour or
   * description changed. A merge is `from` deleted (its notes' tags change as `note-changed`).
   */
  | {
      kind: 'tags-changed'
      cause: TagChangeCause
      created: string[]
      renamed: string[]
      deleted: string[]
      restyled: string[]
    }
  | { kind: 'pinned-tags-changed'; tagIds: string[] }

export type StoreChangeKind = StoreChange['kind']
export type StoreChangeListener = (change: StoreChange) => void

export class ChangeEvents {
  private readonly listeners = new Set<StoreChangeListener>()

  constructor(private readonly onListenerError: (message: string) => void = (message) => console.warn(message)) {}

  /** Starts telling `listener` every change; returns what stops it. */
  listen(listener: StoreChangeListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Called by a store once its write is on disk; never throws. */
  emit(change: StoreChange): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(change)
      } catch (error) {
        this.onListenerError(`A listener failed on ${change.kind} (${errorMessage(error)}); the change is saved.`)
      }
    }
  }
}

/** The ids in `after` whose tag is not in `before`, whose path, or whose colour or description differ, and those gone. */
export function tagListDifference(
  before: readonly Tag[],
  after: readonly Tag[]
): { created: string[]; renamed: string[]; deleted: string[]; restyled: string[] } {
  const old = new Map(before.map((tag) => [tag.id, tag]))
  const kept = new Set(after.map((tag) => tag.id))
  const created: string[] = []
  const renamed: string[] = []
  const restyled: string[] = []
  for (const tag of after) {
    const was = old.get(tag.id)
    if (!was) created.push(tag.id)
    else {
      if (was.path !== tag.path) renamed.push(tag.id)
      if (was.color !== tag.color || was.description !== tag.description) restyled.push(tag.id)
    }
  }
  const deleted = before.filter((tag) => !kept.has(tag.id)).map((tag) => tag.id)
  return { created, renamed, deleted, restyled }
}
