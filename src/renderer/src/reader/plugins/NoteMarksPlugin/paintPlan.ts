/**
 * Which notes' marks must be painted again when colours, the selected note or the notes
 * panel's filter change: worked out from the three states alone, so a change to one note
 * repaints that note's marks and not the thousand others of the article.
 */

/** What the marks were last painted with. */
export interface Painted {
  colorOf: ReadonlyMap<string, string | null>
  selected: string | null
  dimmed: ReadonlySet<string>
}

/** The notes whose paint differs between two states: each of their marks is painted again, and no other. */
export function notesToRepaint(before: Painted, after: Painted): Set<string> {
  const changed = new Set<string>()
  for (const [id, color] of after.colorOf) if (before.colorOf.get(id) !== color) changed.add(id)
  if (before.selected !== after.selected) {
    if (before.selected !== null) changed.add(before.selected)
    if (after.selected !== null) changed.add(after.selected)
  }
  if (before.dimmed !== after.dimmed) {
    for (const id of before.dimmed) if (!after.dimmed.has(id)) changed.add(id)
    for (const id of after.dimmed) if (!before.dimmed.has(id)) changed.add(id)
  }
  return changed
}
