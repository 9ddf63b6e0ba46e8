/**
 * The one rule for a note's effective colour — the colour its highlight shows and the
 * colour filters match. The notes workspace query, the briefing composer and the reading
 * pane each used to compute it their own way and disagreed on notes whose first tag has
 * no colour; all three now call this.
 *
 * A tag's colour comes first: the colour of the first of the note's tags, in the note's
 * own `tagIds` order, that still exists and has a colour; otherwise the note's own colour;
 * otherwise null.
 */
import type { Note } from '../domain/note'

/**
 * `colorOfTag` gives a tag's colour, null (or '') for a tag without one, or undefined for
 * a tag that no longer exists; either way the next tag is tried.
 */
export function effectiveNoteColor(
  note: Pick<Note, 'tagIds' | 'color'>,
  colorOfTag: (tagId: string) => string | null | undefined
): string | null {
  for (const tagId of note.tagIds) {
    const color = colorOfTag(tagId)
    if (color) return color
  }
  return note.color
}
