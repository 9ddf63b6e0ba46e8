/**
 * The few facts every view of a note needs about its anchoring, answered in one place: the
 * notes panel, the workspace, briefings and their exports all ask "is this note where it
 * was highlighted, and what does it quote now?".
 */
import type { AnchorState, TextAnchorSelectors } from '../anchoring/selectors'
import type { Note } from '../domain/note'

type AnchoredNote = Pick<Note, 'anchor' | 'highlighted' | 'anchorStatus'>

export function anchorStateOf(note: Pick<Note, 'anchorStatus'>): AnchorState {
  return note.anchorStatus?.state ?? 'anchored'
}

/** The selectors as the user highlighted them. */
export function highlightedSelectors(note: AnchoredNote): TextAnchorSelectors {
  return note.highlighted ?? note.anchor
}

/** The words the user highlighted, whatever became of them. */
export function highlightedQuote(note: AnchoredNote): string {
  return highlightedSelectors(note).quote.exact
}

/** The article's current text at the note's place; null for an orphaned note, which has none. */
export function currentQuote(note: AnchoredNote): string | null {
  return anchorStateOf(note) === 'orphaned' ? null : note.anchor.quote.exact
}

/** Moved and orphaned notes need the user's eyes before anything cites them. */
export function needsReview(note: Pick<Note, 'anchorStatus'>): boolean {
  return anchorStateOf(note) !== 'anchored'
}
