/**
 * Tags are a hierarchy written with '/' ("Acteurs/Israël") and notes point at them by id,
 * so renaming, moving, merging or deleting a tag is a change to the tag list (plus, for
 * merge and delete, the notes' id lists) that this module computes without any I/O.
 * Every path comparison is folded (case, accents, ligatures) because an analyst who types
 * « acteurs/israel » means the tag « Acteurs/Israël », and two tags that differ only in
 * accents would be indistinguishable in a picker.
 *
 * Each operation returns the new state and a `TagChanges` record of what it changed, so
 * the caller can persist only that and an undo can put it back (`revertTagChanges`).
 */
import {
  foldTagPath,
  isSameOrDescendant,
  leafName,
  normaliseTagPath,
  replacePrefix,
  tagSegments as segmentsOf,
  validateTagPath,
  TAG_SEPARATOR
} from './paths'

export * from './paths'
export { branchFilterId, branchPathOf, expandTagFilter, isBranchFilterId, tagIdsUnder } from './tagFilter'

export interface Tag {
  id: string
  path: string
  color: string | null
  description: string
}

export class TagError extends Error {
  override name = 'TagError'
}

/** One tag record before and after an operation; `index` is where it sat in the input list. */
export interface TagRecordChange {
  before: Tag | null
  after: Tag | null
  index: number
}

/** One note's tag ids before and after an operation. */
export interface NoteTagsChange {
  noteId: string
  before: string[]
  after: string[]
}

export interface TagChanges {
  tags: TagRecordChange[]
  notes: NoteTagsChange[]
}

export type NotesTagIds = Record<string, string[]>

export function findTagByPath(tags: readonly Tag[], path: string): Tag | undefined {
  const folded = foldTagPath(path)
  return folded === '' ? undefined : tags.find((tag) => foldTagPath(tag.path) === folded)
}

// ---------------------------------------------------------------------------------------
// Tree

export interface TagTreeNode {
  path: string
  name: string
  /** Null for an implied parent: 'Acteurs' when only 'Acteurs/Israël' has a record. */
  tag: Tag | null
  children: TagTreeNode[]
  ownCount: number
  totalCount: number
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true })

function byName(a: TagTreeNode, b: TagTreeNode): number {
  return collator.compare(a.name, b.name) || a.name.localeCompare(b.name)
}

export function buildTagTree(tags: readonly Tag[], noteTagIds: readonly (readonly string[])[]): TagTreeNode[] {
  const nodes = new Map<string, TagTreeNode>() // by folded path
  const parentKey = new Map<string, string | null>()
  const nodeKeyOfTag = new Map<string, string>()
  const roots: TagTreeNode[] = []

  for (const tag of tags) {
    const segments = segmentsOf(tag.path)
    if (segments.length === 0) continue
    let previousKey: string | null = null
    for (let depth = 1; depth <= segments.length; depth++) {
      const path = segments.slice(0, depth).join(TAG_SEPARATOR)
      const key = foldTagPath(path)
      let node = nodes.get(key)
      if (!node) {
        node = { path, name: segments[depth - 1] ?? '', tag: null, children: [], ownCount: 0, totalCount: 0 }
        nodes.set(key, node)
        parentKey.set(key, previousKey)
        const parent = previousKey === null ? undefined : nodes.get(previousKey)
        ;(parent ? parent.children : roots).push(node)
      }
      if (depth === segments.length && node.tag === null) {
        // A real record's spelling wins over the one an implied parent was first seen with.
        node.tag = tag
        node.path = path
        node.name = segments[depth - 1] ?? node.name
      }
      previousKey = key
    }
    // Two records whose paths fold alike share a node: the first one is shown.
    nodeKeyOfTag.set(tag.id, foldTagPath(tag.path))
  }

  for (const ids of noteTagIds) {
    const own = new Set<string>()
    const total = new Set<string>()
    for (const id of ids) {
      const key = nodeKeyOfTag.get(id)
      if (key === undefined) continue
      own.add(key)
      for (let at: string | null | undefined = key; at != null && !total.has(at); at = parentKey.get(at)) {
        total.add(at)
      }
    }
    for (const key of own) nodes.get(key)!.ownCount++
    for (const key of total) nodes.get(key)!.totalCount++
  }

  const sortDeep = (list: TagTreeNode[]): TagTreeNode[] => {
    list.sort(byName)
    for (const node of list) sortDeep(node.children)
    return list
  }
  return sortDeep(roots)
}

// ---------------------------------------------------------------------------------------
// Operations

function requireTag(tags: readonly Tag[], tagId: string): Tag {
  const tag = tags.find((candidate) => candidate.id === tagId)
  if (!tag) throw new TagError(`there is no tag with id ${tagId}`)
  return tag
}

function requireValidPath(path: string): string {
  const normalised = normaliseTagPath(path)
  const reason = validateTagPath(normalised)
  if (reason !== null) throw new TagError(reason)
  return normalised
}

function copyNotes(notesTagIds: Readonly<NotesTagIds>): NotesTagIds {
  const copy: NotesTagIds = {}
  for (const [noteId, ids] of Object.entries(notesTagIds)) copy[noteId] = [...ids]
  return copy
}

function tagChanges(before: readonly Tag[], after: readonly Tag[]): TagRecordChange[] {
  const afterById = new Map(after.map((tag) => [tag.id, tag]))
  const changes: TagRecordChange[] = []
  before.forEach((tag, index) => {
    const next = afterById.get(tag.id) ?? null
    if (next === null || next.path !== tag.path || next.color !== tag.color || next.description !== tag.description) {
      changes.push({ before: tag, after: next, index })
    }
  })
  const beforeIds = new Set(before.map((tag) => tag.id))
  after.forEach((tag, index) => {
    if (!beforeIds.has(tag.id)) changes.push({ before: null, after: tag, index })
  })
  return changes
}

function noteChanges(before: Readonly<NotesTagIds>, after: Readonly<NotesTagIds>): NoteTagsChange[] {
  const changes: NoteTagsChange[] = []
  for (const [noteId, ids] of Object.entries(before)) {
    const next = after[noteId] ?? []
    if (next.length !== ids.length || next.some((id, i) => id !== ids[i])) {
      changes.push({ noteId, before: [...ids], after: [...next] })
    }
  }
  return changes
}

/** Adds a new tag, normalising its path; refuses an invalid path or one already taken. */
export function addTag(tags: readonly Tag[], tag: Tag): { tags: Tag[]; changes: TagChanges } {
  const path = requireValidPath(tag.path)
  if (tags.some((existing) => existing.id === tag.id)) throw new TagError(`a tag with id ${tag.id} already exists`)
  const clash = findTagByPath(tags, path)
  if (clash) throw new TagError(`a tag named “${clash.path}” already exists`)
  const next = [...tags, { ...tag, path }]
  return { tags: next, changes: { tags: tagChanges(tags, next), notes: [] } }
}

/** Renames the tag and carries its descendants along (their prefix is replaced). */
export function renameTag(tags: readonly Tag[], tagId: string, newPath: string): { tags: Tag[]; changes: TagChanges } {
  return renameBranch(tags, requireTag(tags, tagId).path, newPath)
}

/**
 * Renames or moves every tag at or under `branchPath`, which need not have a record of its
 * own: renaming « Acteurs » when only « Acteurs/Israël » exists moves « Acteurs/Israël ».
 * Ids stay, so every note keeps its tags.
 */
export function renameBranch(
  tags: readonly Tag[],
  branchPath: string,
  newPath: string
): { tags: Tag[]; changes: TagChanges } {
  const path = requireValidPath(newPath)
  if (isSameOrDescendant(path, branchPath) && foldTagPath(path) !== foldTagPath(branchPath)) {
    throw new TagError('a tag cannot be moved inside itself')
  }
  const levels = segmentsOf(branchPath).length
  const moving = new Set(tags.filter((t) => isSameOrDescendant(t.path, branchPath)).map((t) => t.id))
  if (moving.size === 0) throw new TagError(`there is no tag under “${normaliseTagPath(branchPath)}”`)
  const staying = tags.filter((t) => !moving.has(t.id))

  const next = tags.map((t) => {
    if (!moving.has(t.id)) return t
    const movedPath = replacePrefix(t.path, levels, path)
    const reason = validateTagPath(movedPath)
    if (reason !== null) throw new TagError(`“${movedPath}” would break the rule: ${reason}`)
    const clash = findTagByPath(staying, movedPath)
    if (clash) throw new TagError(`a tag named “${clash.path}” already exists`)
    return movedPath === t.path ? t : { ...t, path: movedPath }
  })
  return { tags: next, changes: { tags: tagChanges(tags, next), notes: [] } }
}

/** Moves the tag (and its descendants) under another parent; null makes it top-level. */
export function moveTag(
  tags: readonly Tag[],
  tagId: string,
  newParentPath: string | null
): { tags: Tag[]; changes: TagChanges } {
  const leaf = leafName(requireTag(tags, tagId).path)
  const parent = newParentPath === null ? '' : normaliseTagPath(newParentPath)
  return renameTag(tags, tagId, parent === '' ? leaf : `${parent}${TAG_SEPARATOR}${leaf}`)
}

/**
 * Folds `from` into `into`: its notes carry `into` instead (once, in place of `from`), and
 * its descendants move under `into`'s path. A descendant landing on a tag that already
 * exists there is merged into it the same way, so « Maroc/Diplomatie » merged under
 * « Israël » joins an existing « Israël/Diplomatie » rather than failing.
 */
export function mergeTags(
  tags: readonly Tag[],
  notesTagIds: Readonly<NotesTagIds>,
  fromId: string,
  intoId: string
): { tags: Tag[]; notesTagIds: NotesTagIds; changes: TagChanges } {
  const from = requireTag(tags, fromId)
  if (fromId === intoId) throw new TagError('a tag cannot be merged into itself')
  return mergeBranch(tags, notesTagIds, from.path, intoId)
}

/**
 * `mergeTags` for a whole branch, recorded or not: merging « Acteurs » (only implied by
 * « Acteurs/Israël ») into « Pays » moves « Acteurs/Israël » to « Pays/Israël », or folds it
 * into « Pays/Israël » when that tag exists. A record at `branchPath` itself becomes `into`.
 */
export function mergeBranch(
  tags: readonly Tag[],
  notesTagIds: Readonly<NotesTagIds>,
  branchPath: string,
  intoId: string
): { tags: Tag[]; notesTagIds: NotesTagIds; changes: TagChanges } {
  const into = requireTag(tags, intoId)
  if (isSameOrDescendant(into.path, branchPath)) throw new TagError('a tag cannot be merged into its own descendant')

  const levels = segmentsOf(branchPath).length
  const subtree = new Set(tags.filter((t) => isSameOrDescendant(t.path, branchPath)).map((t) => t.id))
  if (subtree.size === 0) throw new TagError(`there is no tag under “${normaliseTagPath(branchPath)}”`)
  const outside = tags.filter((t) => !subtree.has(t.id))
  const head = findTagByPath(tags, branchPath)
  const replacedBy = new Map<string, string>(head ? [[head.id, intoId]] : [])
  const movedPaths = new Map<string, string>()

  for (const t of tags) {
    if (!subtree.has(t.id) || t.id === head?.id) continue
    const target = replacePrefix(t.path, levels, into.path)
    const existing = findTagByPath(outside, target)
    if (existing) {
      replacedBy.set(t.id, existing.id)
      continue
    }
    const reason = validateTagPath(target)
    if (reason !== null) throw new TagError(`“${target}” would break the rule: ${reason}`)
    movedPaths.set(t.id, target)
  }

  const nextTags = tags
    .filter((t) => !replacedBy.has(t.id))
    .map((t) => {
      const moved = movedPaths.get(t.id)
      return moved === undefined || moved === t.path ? t : { ...t, path: moved }
    })

  const nextNotes = copyNotes(notesTagIds)
  for (const [noteId, ids] of Object.entries(nextNotes)) {
    if (!ids.some((id) => replacedBy.has(id))) continue
    nextNotes[noteId] = [...new Set(ids.map((id) => replacedBy.get(id) ?? id))]
  }

  return {
    tags: nextTags,
    notesTagIds: nextNotes,
    changes: { tags: tagChanges(tags, nextTags), notes: noteChanges(notesTagIds, nextNotes) }
  }
}

/**
 * Removes the tag and takes it off every note; the notes keep their other tags. Its
 * descendants are kept exactly as they are: the deleted tag becomes an implied parent in
 * the tree, so deleting « Acteurs » never silently re-files « Acteurs/Israël ».
 */
export function deleteTag(
  tags: readonly Tag[],
  notesTagIds: Readonly<NotesTagIds>,
  tagId: string
): { tags: Tag[]; notesTagIds: NotesTagIds; changes: TagChanges } {
  requireTag(tags, tagId)
  const nextTags = tags.filter((t) => t.id !== tagId)
  const nextNotes = copyNotes(notesTagIds)
  for (const [noteId, ids] of Object.entries(nextNotes)) {
    if (ids.includes(tagId)) nextNotes[noteId] = ids.filter((id) => id !== tagId)
  }
  return {
    tags: nextTags,
    notesTagIds: nextNotes,
    changes: { tags: tagChanges(tags, nextTags), notes: noteChanges(notesTagIds, nextNotes) }
  }
}

/**
 * Puts back what an operation changed, for undo. Removed tags return to their old index
 * (so an undone merge or delete gives back the very same list) and notes get their old ids.
 */
export function revertTagChanges(
  tags: readonly Tag[],
  notesTagIds: Readonly<NotesTagIds>,
  changes: TagChanges
): { tags: Tag[]; notesTagIds: NotesTagIds } {
  const addedIds = new Set(changes.tags.filter((c) => c.before === null && c.after).map((c) => c.after!.id))
  const restored = new Map(changes.tags.filter((c) => c.before && c.after).map((c) => [c.before!.id, c.before!]))
  const next = tags.filter((t) => !addedIds.has(t.id)).map((t) => restored.get(t.id) ?? t)
  const removed = changes.tags
    .filter((c): c is TagRecordChange & { before: Tag } => c.before !== null && c.after === null)
    .sort((a, b) => a.index - b.index)
  for (const change of removed) next.splice(Math.min(change.index, next.length), 0, change.before)

  const nextNotes = copyNotes(notesTagIds)
  for (const change of changes.notes) nextNotes[change.noteId] = [...change.before]
  return { tags: next, notesTagIds: nextNotes }
}
