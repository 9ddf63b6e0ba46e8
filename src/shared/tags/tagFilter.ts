/**
 * Filtering notes by tag, where a parent includes its children. A filter names tags by id,
 * and ids are what briefings and the workspace store; but a parent that exists only through
 * its children (« Médias » of « Médias/Le Monde ») has no record and so no id. Ticking it
 * once created a real, coloured, empty tag just to have one (issue 14). Instead such a
 * branch gets a filter id of its own, derived from its folded path: it passes the API's id
 * rule, can never equal a service-made id (those are UUIDs), and needs nothing written.
 */
import type { Tag } from './tags'
import { foldTagPath, isSameOrDescendant, tagSegments, TAG_SEPARATOR } from './paths'

const BRANCH_PREFIX = 'branch-'

/** FNV-1a over UTF-16 units, 32 bits, from a given basis. */
function fnv1a(text: string, basis: number): number {
  let hash = basis >>> 0
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}

/**
 * The filter id of every tag at or under `path`, recorded or not. Two 32-bit hashes from
 * different bases make 64 bits, so two branches of one library sharing an id is out of reach;
 * the path is folded, so « medias » and « Médias » are the same branch, as everywhere else.
 */
export function branchFilterId(path: string): string {
  const folded = foldTagPath(path)
  const hex = (value: number) => value.toString(16).padStart(8, '0')
  return `${BRANCH_PREFIX}${hex(fnv1a(folded, 0x811c9dc5))}${hex(fnv1a(folded, 0x050c5d1f))}`
}

export function isBranchFilterId(filterId: string): boolean {
  return filterId.startsWith(BRANCH_PREFIX)
}

/** The path a branch filter id stands for among these tags, or null once no tag is under it. */
export function branchPathOf(tags: readonly Tag[], filterId: string): string | null {
  if (!isBranchFilterId(filterId)) return null
  for (const tag of tags) {
    const segments = tagSegments(tag.path)
    for (let depth = 1; depth <= segments.length; depth++) {
      const path = segments.slice(0, depth).join(TAG_SEPARATOR)
      if (branchFilterId(path) === filterId) return path
    }
  }
  return null
}

/** Ids of every tag at or under `path`: filtering by a parent includes its children. */
export function tagIdsUnder(tags: readonly Tag[], path: string): Set<string> {
  return new Set(tags.filter((tag) => isSameOrDescendant(tag.path, path)).map((tag) => tag.id))
}

/**
 * The tags a filter id stands for: a tag and all its descendants, or every tag of a branch;
 * an unknown id filters on itself alone (so a filter naming a deleted tag matches nothing).
 */
export function expandTagFilter(tags: readonly Tag[], filterId: string): Set<string> {
  const tag = tags.find((candidate) => candidate.id === filterId)
  const path = tag ? tag.path : branchPathOf(tags, filterId)
  const ids = path === null ? new Set<string>() : tagIdsUnder(tags, path)
  ids.add(filterId)
  return ids
}
