/**
 * The notes workspace's query: every note across the library, filtered, sorted and paged
 * by the services so the interface never holds 50,000 notes at once.
 */
import type { AnchorState, TextAnchorSelectors } from '../anchoring/selectors'
import type { Note } from '../domain/note'

export interface NotesQuery {
  /** A parent tag includes its children. */
  tagIds: string[]
  tagMode: 'any' | 'all'
  /** Only notes with no tag at all. */
  untagged: boolean
  articleIds: string[]
  /** #rrggbb; a note's colour is its first coloured tag's colour, else its own. */
  colors: string[]
  states: AnchorState[]
  /** YYYY-MM-DD, inclusive, on the day the note was created (UTC). */
  from: string | null
  to: string | null
  /** Every word in the quote, the note or a tag path, accents and case ignored. */
  text: string
  sort: 'date-desc' | 'date-asc' | 'article' | 'tag'
  offset: number
  limit: number
}

/**
 * A workspace row. A note on the whole article is one too (`kind: 'article'`), so the list,
 * its filters, selection and bulk edits handle both kinds alike; it then carries the
 * placeholder anchor ARTICLE_NOTE_ANCHOR, no colour of its own and the state 'anchored'.
 */
export interface WorkspaceNote extends Note {
  /** Set for a note on the whole article: its anchor is a placeholder, never drawn nor cited. */
  kind?: 'article'
  articleTitle: string
  /** Anchor state as last recorded by the services (after the article's last edit). */
  state: AnchorState
  /** The colour the highlight shows: its first tag's, else its own. */
  effectiveColor: string | null
}

export interface NotesPage {
  total: number
  notes: WorkspaceNote[]
}

/** One note's tags and colour as they were, to undo a bulk change. */
export interface NoteFields {
  articleId: string
  noteId: string
  tagIds: string[]
  color: string | null
}

/** What a note on the whole article carries as `anchor` where a passage note's shape is expected: empty, at 0. */
export const ARTICLE_NOTE_ANCHOR: TextAnchorSelectors = {
  quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 0, end: 0 }
}

/** No filter: every note, newest first, one page. */
export function emptyNotesQuery(limit = 100): NotesQuery {
  return {
    tagIds: [],
    tagMode: 'any',
    untagged: false,
    articleIds: [],
    colors: [],
    states: [],
    from: null,
    to: null,
    text: '',
    sort: 'date-desc',
    offset: 0,
    limit
  }
}
