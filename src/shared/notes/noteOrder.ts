/**
 * Document order for notes: by where the passage starts, then where it ends, so a list
 * reads like the article and a shorter highlight comes before a longer one starting at
 * the same character. The stores, the notes panel, the briefing composer and J/K
 * navigation all sort this way; they share this comparator so they cannot disagree.
 */
export interface TextSpan {
  start: number
  end: number
}

/** Compares two spans of the article text: earlier start first, then earlier end. */
export function compareSpans(a: TextSpan, b: TextSpan): number {
  return a.start - b.start || a.end - b.end
}

/** Compares two notes (or anything anchored) by the position of their passage. */
export function compareNotePositions(
  a: { anchor: { position: TextSpan } },
  b: { anchor: { position: TextSpan } }
): number {
  return compareSpans(a.anchor.position, b.anchor.position)
}
