/**
 * The notes panel's tag filter, read by both the panel (which notes it lists) and the reading
 * pane (which highlights it dims). Kept in the session, not in the panel, so the two agree;
 * it names its article, so opening another article shows every note again.
 */
import { tagIdsUnder } from '../../../shared/tags/tags'
import { useSession } from '../app/AppContext'
import type { SessionState } from '../app/session'

export interface NoteFilterResult {
  /** The tag path the panel filters by; '' when it shows every note. */
  tagPath: string
  /** Notes of the open article that the filter leaves out; empty when there is no filter. */
  hiddenNoteIds: ReadonlySet<string>
}

type Sources = Pick<SessionState, 'article' | 'notes' | 'tags' | 'notesTagFilter'>

const NO_FILTER: NoteFilterResult = { tagPath: '', hiddenNoteIds: new Set() }

let cache: { sources: Sources; result: NoteFilterResult } | null = null

function sameSources(a: Sources, b: Sources): boolean {
  return a.article === b.article && a.notes === b.notes && a.tags === b.tags && a.notesTagFilter === b.notesTagFilter
}

/** The filter that applies to the open article: a selector, so it answers the same object for the same state. */
export function noteFilterOf(state: Sources): NoteFilterResult {
  const sources = { article: state.article, notes: state.notes, tags: state.tags, notesTagFilter: state.notesTagFilter }
  if (cache && sameSources(cache.sources, sources)) return cache.result
  const filter = sources.notesTagFilter
  let result = NO_FILTER
  if (filter && filter.tagPath && filter.articleId === sources.article?.meta.id) {
    // A parent tag takes in its children, as everywhere tags filter.
    const wanted = tagIdsUnder(sources.tags, filter.tagPath)
    const hidden = sources.notes.filter((note) => !note.tagIds.some((id) => wanted.has(id))).map((note) => note.id)
    result = { tagPath: filter.tagPath, hiddenNoteIds: new Set(hidden) }
  }
  cache = { sources, result }
  return result
}

export function useNoteFilter(): NoteFilterResult {
  return useSession(noteFilterOf)
}
