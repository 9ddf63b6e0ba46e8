/**
 * Where each note of the open article sits in its text: the notes panel lists them with
 * their state, the reading pane draws those that have a place. Anchoring is remembered per
 * note, so creating, changing or deleting one note does not anchor the others again, which
 * a 3 MB article with a thousand notes would feel on every keystroke that makes a highlight.
 */
import { useMemo } from 'react'
import type { TextAnchorSelectors } from '../../../shared/anchoring'
import type { Note } from '../../../shared/domain/note'
import { effectiveNoteColor } from '../../../shared/notes/effectiveColor'
import { placeNote, type Placement } from '../../../shared/notes/placement'
import type { Tag } from '../../../shared/tags/tags'
import type { PanelNote } from '../components/NotesPanel'
import type { DrawnNote } from '../editor/plugins/NoteMarksPlugin'

/**
 * Keyed by the anchor object: a note the services send back comes as a new object with a
 * new anchor, while an untouched note keeps both. The text is checked too, as an edit to
 * the article moves every anchor.
 */
const anchorings = new WeakMap<TextAnchorSelectors, { note: Note; text: string; result: Placement }>()

/** The services keep every anchor in step with the text, so this is a check, not a search, unless the text differs. */
export function anchorNote(note: Note, text: string): Placement {
  const known = anchorings.get(note.anchor)
  if (known && known.note === note && known.text === text) return known.result
  const result = placeNote(text, note)
  anchorings.set(note.anchor, { note, text, result })
  return result
}

/** The same entry for an unchanged note, so the notes list can tell which of its items changed. */
const panelEntries = new WeakMap<Note, { text: string; entry: PanelNote }>()

function panelNoteOf(note: Note, text: string): PanelNote {
  const known = panelEntries.get(note)
  if (known && known.text === text) return known.entry
  const { state, range } = anchorNote(note, text)
  const entry: PanelNote = { note, state, range }
  panelEntries.set(note, { text, entry })
  return entry
}

export function useAnchoredNotes(
  notes: readonly Note[],
  plainText: string,
  tags: readonly Tag[]
): { panelNotes: PanelNote[]; drawnNotes: DrawnNote[] } {
  const panelNotes = useMemo(() => notes.map((note) => panelNoteOf(note, plainText)), [notes, plainText])
  const drawnNotes = useMemo<DrawnNote[]>(() => {
    const colorOfTag = new Map(tags.map((tag) => [tag.id, tag.color]))
    return panelNotes.flatMap(({ note, range }) => {
      if (!range) return []
      return [{ id: note.id, range, color: effectiveNoteColor(note, (id) => colorOfTag.get(id)) }]
    })
  }, [panelNotes, tags])
  return { panelNotes, drawnNotes }
}
