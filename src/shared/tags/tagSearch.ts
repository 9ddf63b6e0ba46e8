/**
 * Ordering for the tag picker, which is used while highlighting and so must put the
 * intended tag first after two or three keystrokes typed on any keyboard: matching is
 * folded (« israel » finds « Israël ») and tiered from the most to the least deliberate
 * kind of match, with recently used tags winning ties because analysts tag in runs.
 */
import { foldForSearch } from '../text/fold'
import { findTagByPath, normaliseTagPath, TAG_SEPARATOR, type Tag } from './tags'

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true })

const Tier = { ExactLeaf: 0, LeafPrefix: 1, SegmentPrefix: 2, Substring: 3, Subsequence: 4 } as const
type Tier = (typeof Tier)[keyof typeof Tier]

function isSubsequence(needle: string, haystack: string): boolean {
  let at = 0
  for (const char of haystack) {
    if (char === needle[at]) at++
    if (at === needle.length) return true
  }
  return needle.length === 0
}

function tierOf(tag: Tag, query: string): Tier | null {
  const segments = tag.path.split(TAG_SEPARATOR).map(foldForSearch)
  const path = segments.join(TAG_SEPARATOR)
  const leaf = segments.at(-1) ?? ''
  if (leaf === query || path === query) return Tier.ExactLeaf
  if (leaf.startsWith(query)) return Tier.LeafPrefix
  // A query with a '/' ("act/isr") is read as the start of a path, not of one segment.
  if (path.startsWith(query) || segments.some((segment) => segment.startsWith(query))) return Tier.SegmentPrefix
  if (path.includes(query)) return Tier.Substring
  // Spaces and separators in the query are only there to help the typist; skip them.
  if (isSubsequence(query.replace(/[\s/]+/g, ''), path.replace(/[\s/]+/g, ''))) return Tier.Subsequence
  return null
}

export function rankTags(tags: readonly Tag[], query: string, recentIds: readonly string[]): Tag[] {
  const recency = new Map<string, number>()
  recentIds.forEach((id, index) => {
    if (!recency.has(id)) recency.set(id, index)
  })
  const recencyOf = (tag: Tag): number => recency.get(tag.id) ?? Number.POSITIVE_INFINITY
  const byRecencyThenName = (a: Tag, b: Tag): number =>
    recencyOf(a) - recencyOf(b) || collator.compare(a.path, b.path) || a.path.localeCompare(b.path)

  const folded = foldForSearch(query)
  if (folded === '') return [...tags].sort(byRecencyThenName)

  const ranked: { tag: Tag; tier: Tier }[] = []
  for (const tag of tags) {
    const tier = tierOf(tag, folded)
    if (tier !== null) ranked.push({ tag, tier })
  }
  return ranked.sort((a, b) => a.tier - b.tier || byRecencyThenName(a.tag, b.tag)).map(({ tag }) => tag)
}

/**
 * Whether what was typed names `tag` well enough for Enter to apply it: for a word, the start of
 * one of its levels; for a path, the start of its whole path ending inside a level (« acteurs/isr »
 * → « Acteurs/Israël »; never « Acteurs/États/Israël », nor a child of a parent typed whole).
 */
function namesTag(tag: Tag, typedPath: string): boolean {
  const folded = foldForSearch(typedPath)
  if (!typedPath.includes(TAG_SEPARATOR)) return (tierOf(tag, folded) ?? Tier.Subsequence) <= Tier.SegmentPrefix
  const tagPath = tag.path.split(TAG_SEPARATOR).map(foldForSearch).join(TAG_SEPARATOR)
  // Only an unfinished last level completes: « acteurs/etats » typed whole names that parent, not its child.
  return tagPath.startsWith(folded) && tagPath.length > folded.length && tagPath[folded.length] !== TAG_SEPARATOR
}

export type TagPickerOption = { kind: 'tag'; tag: Tag } | { kind: 'create'; path: string }

/**
 * What the tag picker offers for `query`, the first being what Enter applies. Enter must never
 * apply a tag other than the one typed (issue 14: « Acteurs/Israël » typed while only
 * « Acteurs/États/Israël » existed applied the latter). So an existing tag comes first only when
 * the query names it: its whole path, or, for a query without '/', the start of one of its
 * levels (« isr » → « Acteurs/Israël », the fast path while highlighting); for a query with '/',
 * the start of its path (« acteurs/isr »). Otherwise **Create** comes first, near matches below it.
 * A typed path whose tag is excluded (already on the note) is `alreadyThere`: Enter applies
 * nothing rather than the next suggestion.
 */
export function tagPickerOptions(
  tags: readonly Tag[],
  excludeIds: readonly string[],
  query: string,
  recentIds: readonly string[],
  maxSuggestions: number
): { options: TagPickerOption[]; alreadyThere: boolean } {
  const path = normaliseTagPath(query)
  const exact = path ? findTagByPath(tags, path) : undefined
  const available = tags.filter((tag) => !excludeIds.includes(tag.id) && tag.id !== exact?.id)
  const found: TagPickerOption[] = rankTags(available, query, recentIds)
    .slice(0, exact ? maxSuggestions - 1 : maxSuggestions)
    .map((tag) => ({ kind: 'tag', tag }))
  if (!path) return { options: [], alreadyThere: false }
  if (exact) {
    if (excludeIds.includes(exact.id)) return { options: found, alreadyThere: true }
    return { options: [{ kind: 'tag', tag: exact }, ...found], alreadyThere: false }
  }
  const create: TagPickerOption = { kind: 'create', path }
  const first = found[0]
  const namesFirst = first?.kind === 'tag' && namesTag(first.tag, path)
  return { options: namesFirst ? [...found, create] : [create, ...found], alreadyThere: false }
}
