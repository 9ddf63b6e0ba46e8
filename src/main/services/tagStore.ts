/**
 * The tag list, kept in the library file. Creating a tag that already exists (compared
 * without case or accents) returns the existing one, so the picker can "create" freely.
 *
 * Every write here must run inside the critical section of tagOperations.ts, which also
 * holds the writes that put tag ids on notes: that is what keeps a note from pointing at a
 * tag deleted in the same instant. Operations that also rewrite notes (delete, restore,
 * merge, undo of a merge) are only planned here (`plan…`) and saved with `replaceAll`.
 */
import { randomUUID } from 'node:crypto'
import { ServiceError } from '../../shared/api/dispatch'
import { hostMessage } from '../../shared/domain/hostMessages'
import {
  addTag,
  findTagByPath,
  foldTagPath,
  mergeBranch,
  mergeTags,
  normaliseTagPath,
  renameBranch,
  renameTag,
  revertTagChanges,
  TagError,
  type NotesTagIds,
  type Tag,
  type TagChanges,
  type TagRecordChange
} from '../../shared/tags/tags'
import { ChangeEvents, tagListDifference, type TagChangeCause } from './changeEvents'
import type { JsonDocument } from './jsonDocument'
import type { LibraryFile } from './schema'

/** Distinct, readable on paper and on screen; new tags take the next one. */
export const TAG_PALETTE = ['#d97706', '#2563eb', '#059669', '#dc2626', '#7c3aed', '#0891b2', '#db2777', '#65a30d']

export class TagStore {
  constructor(
    private readonly library: JsonDocument<LibraryFile>,
    /** Told each change to the tag list and the pins once it is on disk (changeEvents.ts). */
    private readonly events: ChangeEvents = new ChangeEvents()
  ) {}

  /** Every write to the tag list: saves it, then tells what differs from the list before. */
  private async saveTags(cause: TagChangeCause, change: (library: LibraryFile) => void): Promise<void> {
    let before: Tag[] = []
    await this.library.update((library) => {
      // The list as saved: `library` is a copy that becomes it only once written.
      before = this.library.data.tags
      change(library)
    })
    this.events.emit({ kind: 'tags-changed', cause, ...tagListDifference(before, this.list()) })
  }

  list(): Tag[] {
    return this.library.data.tags
  }

  async create(path: string, color: string | null | undefined): Promise<Tag> {
    const existing = findTagByPath(this.list(), normaliseTagPath(path))
    if (existing) return existing
    const tag: Tag = {
      id: randomUUID(),
      path,
      color: color ?? TAG_PALETTE[this.list().length % TAG_PALETTE.length]!,
      description: ''
    }
    let added: Tag[]
    try {
      added = addTag(this.list(), tag).tags
    } catch (error) {
      if (error instanceof TagError)
        throw new ServiceError(
          'invalid-input',
          `That tag name cannot be used: ${error.message}.`,
          hostMessage('tag.badName', { reason: hostMessage('detail', { detail: error.message }) })
        )
      throw error
    }
    const created = added[added.length - 1]!
    await this.saveTags('create', (library) => {
      library.tags.push(created)
    })
    return created
  }

  async rename(tagId: string, path: string): Promise<Tag[]> {
    const renamed = this.attempt(() => renameTag(this.list(), this.require(tagId).id, path).tags)
    await this.saveTags('rename', (library) => {
      library.tags = renamed
    })
    return this.list()
  }

  async recolor(tagId: string, color: string | null): Promise<Tag[]> {
    this.require(tagId)
    await this.saveTags('recolor', (library) => {
      library.tags = library.tags.map((tag) => (tag.id === tagId ? { ...tag, color } : tag))
    })
    return this.list()
  }

  /** Renames or moves every tag at or under `path`, a parent that may have no record of its own. */
  async renameBranch(path: string, newPath: string): Promise<Tag[]> {
    const renamed = this.attempt(() => renameBranch(this.list(), path, newPath).tags)
    await this.saveTags('rename', (library) => {
      library.tags = renamed
    })
    return this.list()
  }

  /** Several colours in one write, so a branch is recoloured (or put back) all at once or not at all. */
  async recolorMany(colors: readonly { tagId: string; color: string | null }[]): Promise<Tag[]> {
    this.requireAll(colors.map(({ tagId }) => tagId))
    const byId = new Map(colors.map(({ tagId, color }) => [tagId, color]))
    await this.saveTags('recolor', (library) => {
      library.tags = library.tags.map((tag) => (byId.has(tag.id) ? { ...tag, color: byId.get(tag.id)! } : tag))
    })
    return this.list()
  }

  async describe(tagId: string, description: string): Promise<Tag[]> {
    this.require(tagId)
    await this.saveTags('describe', (library) => {
      library.tags = library.tags.map((tag) => (tag.id === tagId ? { ...tag, description } : tag))
    })
    return this.list()
  }

  /** The tag list without one tag, and that tag; the caller takes it off notes first, then `replaceAll`. */
  planDelete(tagId: string): { tag: Tag; tags: Tag[] } {
    const tag = this.require(tagId)
    return { tag, tags: this.list().filter((candidate) => candidate.id !== tagId) }
  }

  /** The tag list with a deleted tag back under its id (to undo its deletion); null when it is already there. */
  planRestore(tag: Tag): Tag[] | null {
    if (this.list().some((existing) => existing.id === tag.id)) return null
    return this.attempt(() => addTag(this.list(), tag).tags)
  }

  /** Computes a merge without saving it: the caller writes the notes first, then `replaceAll`. */
  planMerge(fromId: string, intoId: string, notesTagIds: NotesTagIds): { tags: Tag[]; changes: TagChanges } {
    this.require(fromId)
    this.require(intoId)
    return this.attempt(() => mergeTags(this.list(), notesTagIds, fromId, intoId))
  }

  /** `planMerge` for a whole branch, named by its path: a parent with no record of its own too. */
  planMergeBranch(path: string, intoId: string, notesTagIds: NotesTagIds): { tags: Tag[]; changes: TagChanges } {
    this.require(intoId)
    return this.attempt(() => mergeBranch(this.list(), notesTagIds, path, intoId))
  }

  /** Puts back the tag records a merge changed, in their old places. */
  planUndo(changes: readonly TagRecordChange[]): Tag[] {
    const reverted = revertTagChanges(this.list(), {}, { tags: [...changes], notes: [] }).tags
    const ids = new Set<string>()
    const paths = new Set<string>()
    for (const tag of reverted) {
      const folded = foldTagPath(tag.path)
      if (ids.has(tag.id) || paths.has(folded))
        throw new ServiceError(
          'invalid-input',
          `The tag « ${tag.path} » has changed since; that step cannot be undone.`,
          hostMessage('tag.changedSince', { tag: tag.path })
        )
      ids.add(tag.id)
      paths.add(folded)
    }
    return reverted
  }

  /**
   * Saves a whole tag list computed by a `plan…` method; pins of tags that left go with them.
   * `cause` names the operation in the change event (the index only needs what differs).
   */
  async replaceAll(tags: Tag[], cause: TagChangeCause = 'rename'): Promise<Tag[]> {
    const known = new Set(tags.map((tag) => tag.id))
    await this.saveTags(cause, (library) => {
      library.tags = tags
      library.pinnedTagIds = library.pinnedTagIds.filter((id) => known.has(id))
    })
    return this.list()
  }

  pinned(): string[] {
    const known = new Set(this.list().map((tag) => tag.id))
    return this.library.data.pinnedTagIds.filter((id) => known.has(id))
  }

  async setPinned(tagIds: readonly string[]): Promise<string[]> {
    this.requireAll(tagIds)
    await this.library.update((library) => {
      library.pinnedTagIds = [...new Set(tagIds)]
    })
    this.events.emit({ kind: 'pinned-tags-changed', tagIds: this.pinned() })
    return this.pinned()
  }

  require(tagId: string): Tag {
    const tag = this.list().find((candidate) => candidate.id === tagId)
    if (!tag) throw new ServiceError('not-found', 'That tag no longer exists.', hostMessage('tag.gone'))
    return tag
  }

  private attempt<T>(operation: () => T): T {
    try {
      return operation()
    } catch (error) {
      if (error instanceof TagError)
        throw new ServiceError(
          'invalid-input',
          `That tag name cannot be used: ${error.message}.`,
          hostMessage('tag.badName', { reason: hostMessage('detail', { detail: error.message }) })
        )
      throw error
    }
  }

  /** Refuses ids that name no tag, so a note never points at nothing. */
  requireAll(tagIds: readonly string[]): void {
    const known = new Set(this.list().map((tag) => tag.id))
    const unknown = tagIds.filter((id) => !known.has(id))
    if (unknown.length > 0)
      throw new ServiceError('not-found', 'One of those tags no longer exists.', hostMessage('tag.someGone'))
  }
}
