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
import {
  addTag,
  findTagByPath,
  foldTagPath,
  mergeTags,
  normaliseTagPath,
  renameTag,
  revertTagChanges,
  TagError,
  type NotesTagIds,
  type Tag,
  type TagChanges,
  type TagRecordChange
} from '../../shared/tags/tags'
import type { JsonDocument } from './jsonDocument'
import type { LibraryFile } from './schema'

/** Distinct, readable on paper and on screen; new tags take the next one. */
export const TAG_PALETTE = ['#d97706', '#2563eb', '#059669', '#dc2626', '#7c3aed', '#0891b2', '#db2777', '#65a30d']

export class TagStore {
  constructor(private readonly library: JsonDocument<LibraryFile>) {}

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
        throw new ServiceError('invalid-input', `That tag name cannot be used: ${error.message}.`)
      throw error
    }
    const created = added[added.length - 1]!
    await this.library.update((library) => {
      library.tags.push(created)
    })
    return created
  }

  async rename(tagId: string, path: string): Promise<Tag[]> {
    const renamed = this.attempt(() => renameTag(this.list(), this.require(tagId).id, path).tags)
    await this.library.update((library) => {
      library.tags = renamed
    })
    return this.list()
  }

  async recolor(tagId: string, color: string | null): Promise<Tag[]> {
    this.require(tagId)
    await this.library.update((library) => {
      library.tags = library.tags.map((tag) => (tag.id === tagId ? { ...tag, color } : tag))
    })
    return this.list()
  }

  async describe(tagId: string, description: string): Promise<Tag[]> {
    this.require(tagId)
    await this.library.update((library) => {
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
          `The tag « ${tag.path} » has changed since; that step cannot be undone.`
        )
      ids.add(tag.id)
      paths.add(folded)
    }
    return reverted
  }

  /** Saves a whole tag list computed by a `plan…` method; pins of tags that left go with them. */
  async replaceAll(tags: Tag[]): Promise<Tag[]> {
    const known = new Set(tags.map((tag) => tag.id))
    await this.library.update((library) => {
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
    return this.pinned()
  }

  require(tagId: string): Tag {
    const tag = this.list().find((candidate) => candidate.id === tagId)
    if (!tag) throw new ServiceError('not-found', 'That tag no longer exists.')
    return tag
  }

  private attempt<T>(operation: () => T): T {
    try {
      return operation()
    } catch (error) {
      if (error instanceof TagError)
        throw new ServiceError('invalid-input', `That tag name cannot be used: ${error.message}.`)
      throw error
    }
  }

  /** Refuses ids that name no tag, so a note never points at nothing. */
  requireAll(tagIds: readonly string[]): void {
    const known = new Set(this.list().map((tag) => tag.id))
    const unknown = tagIds.filter((id) => !known.has(id))
    if (unknown.length > 0) throw new ServiceError('not-found', 'One of those tags no longer exists.')
  }
}
