/**
 * How a briefing's cited notes are split into sections: not at all, by source article, by
 * top-level tag or by the whole tag hierarchy. Each note lands in exactly one section, under
 * its first relevant tag: a briefing that printed the same quote under every tag it carries
 * would read as padding, and its length would no longer say how much material there is.
 */
import { buildTagTree, expandTagFilter, foldTagPath, type Tag, type TagTreeNode } from '../tags/tags'
import type { ArticleInfo } from './articleSources'
import type { BriefingEntry } from './composeEntries'
import { compareDocumentOrder } from './entryOrder'
import type { Briefing } from './spec'

export interface EntryGroup {
  /** Where the briefing keeps the section's title and intro (see `Briefing.sections`). */
  key: string
  heading: string
  level: number
  entries: BriefingEntry[]
}

type TitleOf = (key: string, fallback: string) => string

/**
 * `entries` are the notes to print; `allEntries` every candidate, whose tags (deleted ones a
 * snapshot still carries included) give the tag tree its shape.
 */
export function groupEntries(
  briefing: Briefing,
  tags: readonly Tag[],
  allEntries: readonly BriefingEntry[],
  entries: readonly BriefingEntry[],
  articles: Map<string, ArticleInfo>,
  untaggedTitle: string
): EntryGroup[] {
  const titleOf: TitleOf = (key, fallback) => briefing.sections[key]?.title?.trim() || fallback
  if (entries.length === 0) return []
  switch (briefing.grouping) {
    case 'none':
      return [{ key: 'all', heading: titleOf('all', ''), level: 1, entries: [...entries] }]
    case 'article': {
      const byArticle = new Map<string, BriefingEntry[]>()
      const ordered = [...entries].sort((a, b) => compareDocumentOrder(articles, a, b))
      for (const entry of ordered) byArticle.set(entry.articleId, [...(byArticle.get(entry.articleId) ?? []), entry])
      return [...byArticle].map(([articleId, grouped]) => ({
        key: articleId,
        heading: titleOf(articleId, articles.get(articleId)?.source.title ?? ''),
        level: 1,
        entries: grouped
      }))
    }
    case 'tag-top':
    case 'tag-full':
      return groupByTag(briefing, tags, allEntries, entries, titleOf, untaggedTitle)
  }
}

function groupByTag(
  briefing: Briefing,
  tags: readonly Tag[],
  allEntries: readonly BriefingEntry[],
  entries: readonly BriefingEntry[],
  titleOf: TitleOf,
  untaggedTitle: string
): EntryGroup[] {
  const full = briefing.grouping === 'tag-full'
  // When the filter names tags, a note is filed under the first of its tags the filter asked for.
  const wanted = new Set(briefing.filter.tagIds.flatMap((tagId) => [...expandTagFilter(tags, tagId)]))
  const relevantTag = (entry: BriefingEntry) =>
    (wanted.size > 0 ? entry.tags.find((tag) => wanted.has(tag.id)) : undefined) ?? entry.tags[0]

  const byPath = new Map<string, BriefingEntry[]>() // by folded path of the group
  const untagged: BriefingEntry[] = []
  for (const entry of entries) {
    const tag = relevantTag(entry)
    if (!tag) {
      untagged.push(entry)
      continue
    }
    const path = full ? tag.path : (tag.path.split('/')[0] ?? tag.path)
    const key = foldTagPath(path)
    byPath.set(key, [...(byPath.get(key) ?? []), entry])
  }

  // The tree gives French alphabetical order and each level's spelling; deleted tags that
  // snapshots still carry are added so their notes have a place in it.
  const known = new Map(tags.map((tag) => [tag.id, tag]))
  for (const entry of allEntries) {
    for (const tag of entry.tags) if (!known.has(tag.id)) known.set(tag.id, { ...tag, description: '' })
  }
  const tree = buildTagTree([...known.values()], [])

  const groups: EntryGroup[] = []
  const visit = (node: TagTreeNode, level: number): boolean => {
    const folded = foldTagPath(node.path)
    const key = node.tag?.id ?? `path:${folded}`
    const group: EntryGroup = { key, heading: titleOf(key, node.name), level, entries: byPath.get(folded) ?? [] }
    const at = groups.length
    groups.push(group)
    let filled = group.entries.length > 0
    if (full) for (const child of node.children) filled = visit(child, level + 1) || filled
    // A parent heading is kept when something under it is printed, even if it holds no item itself.
    if (!filled) groups.splice(at, 1)
    return filled
  }
  for (const root of tree) visit(root, 1)
  if (untagged.length > 0) {
    groups.push({ key: 'untagged', heading: titleOf('untagged', untaggedTitle), level: 1, entries: untagged })
  }
  return groups
}
