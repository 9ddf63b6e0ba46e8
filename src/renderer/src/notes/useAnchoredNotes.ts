/**
 * Where each note of the open article sits in its text: the notes panel lists them with
 * their state, the reading pane draws those that have a place. Anchoring is remembered per
 * note, so creating, changing or deleting one note does not anchor the others again, which
 * a 3 MB article with a thousand notes would feel on every keystroke that makes a highlight.
 */
import type { TextAnchorSelectors } from '../../../shared/anchoring'
import { articlePlainText } from '../../../shared/domain/article'
import type { Note } from '../../../shared/domain/note'
import { effectiveNoteColor } from '../../../shared/notes/effectiveColor'
import { placeNote, type Placement } from '../../../shared/notes/placement'
import type { PanelNote } from './NotesPanel'
import type { DrawnNote } from '../reader'
import { useSession } from '../app/AppContext'
import type { SessionState } from '../app/session'

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

export interface AnchoredNotes {
  /** The open article's plain text, in which the ranges count. */
  plainText: string
  /** Every note with its state, for the notes panel. */
  panelNotes: PanelNote[]
  /** The notes that have a place, with their colour, for the reading pane (pending highlights not included). */
  drawnNotes: DrawnNote[]
}

type Sources = Pick<SessionState, 'article' | 'notes' | 'tags'>

// One entry per step, kept while its inputs are the same objects: a selector must answer
// the same object for the same state, and each step is worth skipping on its own (a tag
// recolour redraws the marks without anchoring the notes again).
let textCache: { article: Sources['article']; plainText: string } | null = null
let panelCache: { notes: Sources['notes']; plainText: string; panelNotes: PanelNote[] } | null = null
let drawnCache: { panelNotes: PanelNote[]; tags: Sources['tags']; result: AnchoredNotes } | null = null

/** Where each note of the open article sits: a selector over the session's state. */
export function anchoredNotesOf({ article, notes, tags }: Sources): AnchoredNotes {
  if (textCache?.article !== article)
    textCache = { article, plainText: article ? articlePlainText(article.body.blocks) : '' }
  const { plainText } = textCache
  if (panelCache?.notes !== notes || panelCache.plainText !== plainText)
    panelCache = { notes, plainText, panelNotes: notes.map((note) => panelNoteOf(note, plainText)) }
  const { panelNotes } = panelCache
  if (drawnCache?.panelNotes !== panelNotes || drawnCache.tags !== tags || drawnCache.result.plainText !== plainText) {
    const colorOfTag = new Map(tags.map((tag) => [tag.id, tag.color]))
    const drawnNotes = panelNotes.flatMap(({ note, range }) =>
      range ? [{ id: note.id, range, color: effectiveNoteColor(note, (id) => colorOfTag.get(id)) }] : []
    )
    drawnCache = { panelNotes, tags, result: { plainText, panelNotes, drawnNotes } }
  }
  return drawnCache.result
}

/** The open article's notes, anchored, for a component. */
export function useAnchoredNotes(): AnchoredNotes {
  return useSession(anchoredNotesOf)
}
