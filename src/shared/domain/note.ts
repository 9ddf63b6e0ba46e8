/**
 * A note is a highlight on an article plus what the analyst says about it. The anchor
 * selectors are the source of truth for where it sits; the quote is stored once, as the
 * TextQuoteSelector's `exact`.
 */
import type { TextAnchorSelectors } from '../anchoring/selectors'

/**
 * How a note fared the last time its article was edited. Absent means its quote is
 * still in the text verbatim. `moved` keeps the anchor's original quote (what the user
 * highlighted) and records what it now covers, so the user can compare and accept.
 */
export type NoteAnchorStatus =
  { state: 'moved'; quote: string; checkedAt: string } | { state: 'orphaned'; checkedAt: string }

export interface Note {
  id: string
  articleId: string
  anchor: TextAnchorSelectors
  text: string
  tagIds: string[]
  color: string | null
  anchorStatus?: NoteAnchorStatus
  createdAt: string
  updatedAt: string
}
