/**
 * Which notes a briefing's filter selects: tags (a parent standing for its children, any or
 * all of them), articles, colours, the day noted and words. The notes workspace follows the
 * same rules (notes/query.ts), so a selection reads the same in both places.
 */
import { expandTagFilter, type Tag } from '../tags/tags'
import { matchesAllWords } from '../text/fold'
import { effectiveColor, type BriefingEntry } from './composeEntries'
import { isEmptyBriefingFilter, type Briefing } from './spec'

/** A filter with no criterion selects nothing: a new briefing starts empty. */
export function noteFilter(briefing: Briefing, tags: readonly Tag[]): (entry: BriefingEntry) => boolean {
  const filter = briefing.filter
  if (isEmptyBriefingFilter(filter)) return () => false
  const expanded = filter.tagIds.map((tagId) => expandTagFilter(tags, tagId))
  const anyTag = new Set(expanded.flatMap((ids) => [...ids]))
  const articleIds = new Set(filter.articleIds)
  const colors = new Set(filter.colors.map((color) => color.toLowerCase()))
  const text = filter.text.trim()
  return (entry) => {
    if (expanded.length > 0) {
      const has = (ids: Set<string>) => entry.tagIds.some((id) => ids.has(id))
      if (filter.tagMode === 'all' ? !expanded.every(has) : !has(anyTag)) return false
    }
    if (articleIds.size > 0 && !articleIds.has(entry.articleId)) return false
    if (colors.size > 0 && !colors.has(effectiveColor(entry)?.toLowerCase() ?? '')) return false
    const day = entry.createdAt.slice(0, 10)
    if (filter.from !== null && day < filter.from) return false
    if (filter.to !== null && day > filter.to) return false
    if (text !== '') {
      const haystack = [entry.quote, entry.text, ...entry.tags.map((tag) => tag.path)].join('\n')
      if (!matchesAllWords(haystack, text)) return false
    }
    return true
  }
}
