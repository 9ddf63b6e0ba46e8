/**
 * The notes workspace's filter, order and paging over notes already in memory. Pure, so
 * the same rules can be tested without a data folder; the service supplies the notes and
 * a cache of their folded text, which is what keeps a query over 50,000 notes cheap.
 *
 * The rules follow the briefing filter (src/shared/briefing/noteFilter.ts): a parent tag
 * includes its children, a note's colour is its first coloured tag's colour else its own
 * (effectiveColor.ts), dates are the UTC day the note was created, and text matches when
 * every word appears in the quote, the note or a tag path, accents and case ignored.
 *
 * Notes on the whole article are rows too: no colour of their own, never moved nor orphaned
 * (they count as 'anchored'), and in article order they come before the article's passages.
 */
import type { ArticleMeta } from '../domain/article'
import { isArticleNote, type AnyNote, type Note } from '../domain/note'
import { expandTagFilter, type Tag } from '../tags/tags'
import { foldForSearch } from '../text/fold'
import { effectiveNoteColor } from './effectiveColor'
import { compareNotePositions } from './noteOrder'
import { ARTICLE_NOTE_ANCHOR, type NotesPage, type NotesQuery, type WorkspaceNote } from './workspace'

export interface NotesQueryLibrary {
  /** Articles to show notes of (not trashed), in library order: the `article` sort follows it. */
  articles: readonly Pick<ArticleMeta, 'id' | 'title'>[]
  /** Every note of those articles, of both kinds. */
  notes: readonly AnyNote[]
  tags: readonly Tag[]
  /** The folded quote, note text and tag paths of a note; the service caches it. */
  foldedText(note: AnyNote, tagPaths: readonly string[]): string
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true })

export function queryNotes(library: NotesQueryLibrary, query: NotesQuery): NotesPage {
  const tagsById = new Map(library.tags.map((tag) => [tag.id, tag]))
  const articleRank = new Map(library.articles.map((article, rank) => [article.id, rank]))
  const titles = new Map(library.articles.map((article) => [article.id, article.title]))
  const expanded = query.tagIds.map((tagId) => expandTagFilter(library.tags, tagId))
  const anyTag = new Set(expanded.flatMap((ids) => [...ids]))
  const articleIds = new Set(query.articleIds)
  const colors = new Set(query.colors.map((color) => color.toLowerCase()))
  const states = new Set(query.states)
  const words = foldForSearch(query.text).split(' ').filter(Boolean)

  const matching: WorkspaceNote[] = []
  for (const any of library.notes) {
    const note = asPassageShaped(any)
    if (!articleRank.has(note.articleId)) continue
    const ownTags = note.tagIds.filter((id) => tagsById.has(id))
    // « Untagged » is one more choice beside the tags: a note passes by either.
    if (expanded.length > 0 || query.untagged) {
      const has = (ids: Set<string>) => ownTags.some((id) => ids.has(id))
      const byTags = expanded.length > 0 && (query.tagMode === 'all' ? expanded.every(has) : has(anyTag))
      if (!byTags && !(query.untagged && ownTags.length === 0)) continue
    }
    if (articleIds.size > 0 && !articleIds.has(note.articleId)) continue
    const effectiveColor = effectiveNoteColor(note, (id) => tagsById.get(id)?.color)
    if (colors.size > 0 && !colors.has(effectiveColor?.toLowerCase() ?? '')) continue
    const state = note.anchorStatus?.state ?? 'anchored'
    if (states.size > 0 && !states.has(state)) continue
    const day = note.createdAt.slice(0, 10)
    if (query.from !== null && day < query.from) continue
    if (query.to !== null && day > query.to) continue
    if (words.length > 0) {
      const tagPaths = ownTags.map((id) => tagsById.get(id)!.path)
      const folded = library.foldedText(any, tagPaths)
      if (!words.every((word) => folded.includes(word))) continue
    }
    matching.push({ ...note, articleTitle: titles.get(note.articleId) ?? '', state, effectiveColor })
  }

  const documentOrder = (a: Note, b: Note) =>
    articleRank.get(a.articleId)! - articleRank.get(b.articleId)! ||
    compareNotePositions(a, b) ||
    compareStrings(a.id, b.id)
  const firstTagPath = (note: Note) => {
    for (const id of note.tagIds) {
      const tag = tagsById.get(id)
      if (tag) return tag.path
    }
    return null
  }
  switch (query.sort) {
    case 'date-desc':
      matching.sort((a, b) => compareStrings(b.createdAt, a.createdAt) || compareStrings(a.id, b.id))
      break
    case 'date-asc':
      matching.sort((a, b) => compareStrings(a.createdAt, b.createdAt) || compareStrings(a.id, b.id))
      break
    case 'article':
      matching.sort(documentOrder)
      break
    case 'tag': {
      const paths = new Map(matching.map((note) => [note.id, firstTagPath(note)]))
      matching.sort((a, b) => {
        const pathA = paths.get(a.id) ?? null
        const pathB = paths.get(b.id) ?? null
        if (pathA === null || pathB === null)
          return (pathA === null ? 1 : 0) - (pathB === null ? 1 : 0) || documentOrder(a, b)
        return collator.compare(pathA, pathB) || compareStrings(pathA, pathB) || documentOrder(a, b)
      })
      break
    }
  }
  return { total: matching.length, notes: matching.slice(query.offset, query.offset + query.limit) }
}

/** A note on the whole article in a passage note's shape: the placeholder anchor, no colour. */
function asPassageShaped(note: AnyNote): Note & { kind?: 'article' } {
  if (!isArticleNote(note)) return note
  const anchor = { quote: { ...ARTICLE_NOTE_ANCHOR.quote }, position: { ...ARTICLE_NOTE_ANCHOR.position } }
  return { ...note, anchor, color: null }
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
