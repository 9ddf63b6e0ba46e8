/**
 * A note is a highlight on an article plus what the analyst says about it. The anchor
 * selectors are the source of truth for where it sits now; what the user highlighted is
 * kept beside them once an edit has changed where or what that is.
 */
import type { TextAnchorSelectors } from '../anchoring/selectors'

/**
 * How a note fared through the edits since it was highlighted. Absent: its current anchor
 * covers exactly the words highlighted. `moved`: some of those characters changed, and the
 * anchor covers what they became; the user compares and accepts or re-attaches. `orphaned`:
 * every highlighted character is gone; `lastSeenAt` is where they stood in the current text,
 * so an edit that puts them back (an undo) can bring the note back exactly.
 */
export type NoteAnchorStatus =
  { state: 'moved'; checkedAt: string } | { state: 'orphaned'; checkedAt: string; lastSeenAt?: number }

export interface Note {
  id: string
  articleId: string
  /**
   * Where the note sits in the article's current text: derived from the highlight and every
   * edit since. For an orphaned note it is where the note last sat and means nothing now.
   */
  anchor: TextAnchorSelectors
  /**
   * The selectors as the user highlighted them, kept while they differ from `anchor`
   * (after an edit moved or changed the note). Never rewritten by an edit: only a new
   * highlight of the note (re-attach, keep the new text) replaces them.
   */
  highlighted?: TextAnchorSelectors
  text: string
  tagIds: string[]
  color: string | null
  anchorStatus?: NoteAnchorStatus
  createdAt: string
  updatedAt: string
}

/**
 * A note on the whole article rather than on a passage: a summary, an assessment, how far
 * the source can be trusted. It has no anchor and no colour, since nothing in the text is
 * highlighted; it is kept in the article's notes file beside the passage notes, in its own
 * list, so anchoring and re-anchoring never see it. Its id is unique library-wide, like a
 * passage note's, so tag operations and the workspace handle both by id.
 */
export interface ArticleNote {
  kind: 'article'
  id: string
  articleId: string
  text: string
  tagIds: string[]
  createdAt: string
  updatedAt: string
}

/** Either kind of note: what library-wide tag operations and the notes workspace walk. */
export type AnyNote = Note | ArticleNote

export function isArticleNote(note: AnyNote): note is ArticleNote {
  return (note as Partial<ArticleNote>).kind === 'article'
}
