/**
 * The tag list, kept in the library file. Creating a tag that already exists (compared
 * without case or accents) returns the existing one, so the picker can "create" freely.
 */
import { randomUUID } from 'node:crypto'
import { ServiceError } from '../../shared/api/dispatch'
import { addTag, findTagByPath, normaliseTagPath, renameTag, TagError, type Tag } from '../../shared/tags/tags'
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

  async remove(tagId: string): Promise<void> {
    this.require(tagId)
    await this.library.update((library) => {
      library.tags = library.tags.filter((tag) => tag.id !== tagId)
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
