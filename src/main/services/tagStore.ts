/**
 * The tag list, kept in the library file. Creating a tag that already exists (compared
 * without case or accents) returns the existing one, so the picker can "create" freely.
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

  async remove(tagId: string): Promise<void> {
    this.require(tagId)
    await this.library.update((library) => {
      library.tags = library.tags.filter((tag) => tag.id !== tagId)
      library.pinnedTagIds = library.pinnedTagIds.filter((id) => id !== tagId)
    })
  }

  /** Puts a deleted tag back with its id, to undo its deletion. */
  async restore(tag: Tag): Promise<Tag[]> {
    if (this.list().some((existing) => existing.id === tag.id)) return this.list()
    const restored = this.attempt(() => addTag(this.list(), tag).tags)
    await this.library.update((library) => {
      library.tags = restored
    })
    return this.list()
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

  /** Saves a whole tag list computed by `planMerge` or `planUndo`; pins of tags that left go with them. */
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

  private require(tagId: string): Tag {
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
