/**
 * Tag ids that notes carry but the library no longer has. A library restored from an older
 * backup can have lost tags the notes still point at (13 dangling ids in one test of issue
 * 11); left so, the tags are invisible, cannot be filtered on, and vanish from briefings.
 * Their names are gone with the lost library, but the grouping is not: each id becomes a tag
 * again, under a `Recovered/` parent, for the user to rename.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { findTagByPath, type Tag } from '../../../shared/tags/tags'
import type { JsonDocument } from '../jsonDocument'
import { dataLayout, type LibraryFile } from '../schema'

export const RECOVERED_TAG_PARENT = 'Recovered'

export interface RecoveredTags {
  tags: Tag[]
  /** How many notes carry one of them. */
  noteCount: number
}

export async function recreateDanglingTags(
  dataDir: string,
  library: JsonDocument<LibraryFile>,
  shouldStop: () => boolean = () => false
): Promise<RecoveredTags> {
  const known = new Set(library.data.tags.map((tag) => tag.id))
  const dangling = new Set<string>()
  let noteCount = 0
  const folder = path.dirname(dataLayout.notes(dataDir, 'x'))
  const names = await fs.readdir(folder).catch(() => [] as string[])
  for (const name of names.filter((candidate) => /^[^.].*\.json$/.test(candidate)).sort()) {
    if (shouldStop()) break
    for (const tagIds of await tagIdsOfNotes(path.join(folder, name))) {
      const missing = tagIds.filter((tagId) => !known.has(tagId))
      if (missing.length > 0) noteCount++
      for (const tagId of missing) dangling.add(tagId)
    }
  }
  if (dangling.size === 0) return { tags: [], noteCount: 0 }
  const tags: Tag[] = []
  let n = 1
  for (const id of dangling) {
    while (findTagByPath([...library.data.tags, ...tags], `${RECOVERED_TAG_PARENT}/Tag ${n}`)) n++
    tags.push({
      id,
      path: `${RECOVERED_TAG_PARENT}/Tag ${n}`,
      color: null,
      description: 'Recreated at start-up: notes carried this tag, but the restored library had lost it.'
    })
  }
  await library.update((draft) => void draft.tags.push(...tags))
  return { tags, noteCount }
}

/**
 * Each note's tag ids in a notes file, notes on the whole article included; nothing for a file
 * that does not read (it is reported when opened).
 */
async function tagIdsOfNotes(file: string): Promise<string[][]> {
  try {
    const stored = JSON.parse(await fs.readFile(file, 'utf8')) as { notes?: unknown; articleNotes?: unknown } | null
    const lists = [stored?.notes, stored?.articleNotes].filter((list): list is unknown[] => Array.isArray(list))
    return (lists.flat() as ({ tagIds?: unknown } | null)[]).map((note) =>
      Array.isArray(note?.tagIds) ? note.tagIds.filter((id): id is string => typeof id === 'string') : []
    )
  } catch {
    return []
  }
}
