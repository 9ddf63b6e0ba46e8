/**
 * Ordering for the tag picker, which is used while highlighting and so must put the
 * intended tag first after two or three keystrokes typed on any keyboard: matching is
 * folded (« israel » finds « Israël ») and tiered from the most to the least deliberate
 * kind of match, with recently used tags winning ties because analysts tag in runs.
 */
import { foldForSearch } from '../text/fold'
import { TAG_SEPARATOR, type Tag } from './tags'

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
