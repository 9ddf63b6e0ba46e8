/**
 * Decides where each note of an article sits after its text changed, and in which state,
 * for the two ways text changes:
 * - an edit made in Dossier, where the old text is known: the note follows its own
 *   characters through the diff (anchoring/editMapping.ts), never another occurrence;
 * - text that came from outside (a newer version of the article, a restored copy): only
 *   quote and context can say where the note went (anchoring/anchor.ts), and weak
 *   evidence leaves the note for the user to confirm rather than anchored.
 * And, for the reading pane, where a stored note is drawn in the text it was stored for.
 *
 * Every function returns the same Note object when nothing about it changed, so callers can
 * tell what to write and what to redraw.
 */
import { anchorSelectors, describeRange } from '../anchoring'
import { diffTexts, mapPoint, mapRange, type Hunk } from '../anchoring/editMapping'
import { CONTEXT_LENGTH, type AnchorState, type TextAnchorSelectors, type TextRange } from '../anchoring/selectors'
import type { Note, NoteAnchorStatus } from '../domain/note'
import { anchorStateOf, highlightedSelectors } from './anchorState'
import { sameWords } from '../text/spaceKinds'

export interface Placement {
  state: AnchorState
  /** Where the note is drawn; null for an orphaned note. */
  range: TextRange | null
}

/** Where a stored note is drawn in `text`, the text its anchor was last derived from. */
export function placeNote(text: string, note: Pick<Note, 'anchor' | 'highlighted' | 'anchorStatus'>): Placement {
  const state = anchorStateOf(note)
  if (state === 'orphaned') return { state, range: null }
  const { quote, position } = note.anchor
  if (position.end <= text.length && text.slice(position.start, position.end) === quote.exact) {
    return { state, range: { start: position.start, end: position.end } }
  }
  // The text is not the one the anchor was derived from (a note stored by an older
  // Dossier, or a text being loaded): fall back on quote and context, which never anchor
  // silently on weak evidence.
  const found = anchorSelectors(text, note.anchor)
  if (found.state === 'orphaned') return { state: 'orphaned', range: null }
  const unchanged = found.state === 'anchored' && sameWords(found.quote, highlightedSelectors(note).quote.exact)
  return { state: unchanged ? 'anchored' : 'moved', range: found.range }
}

/** The hunks of one edit, computed once for all of an article's notes. */
export function planEdit(oldText: string, newText: string): Hunk[] {
  return diffTexts(oldText, newText)
}

/**
 * Carries one note through an edit made in Dossier from `oldText` to `newText`. A note
 * not anchored afterwards gets one more chance: an edit that puts its highlighted words
 * back next to where it is (an undo) anchors it there again, exactly as highlighted.
 */
export function carryNoteThroughEdit(
  note: Note,
  oldText: string,
  newText: string,
  hunks: readonly Hunk[],
  checkedAt: string
): Note {
  const highlighted = highlightedSelectors(note)
  if (hunks.length === 0) return note
  let near: TextRange
  let carried: Note
  if (note.anchorStatus?.state === 'orphaned') {
    const { lastSeenAt } = note.anchorStatus
    if (lastSeenAt === undefined) return note
    const at = mapPoint(hunks, lastSeenAt)
    near = { start: at, end: at }
    carried = at === lastSeenAt ? note : { ...note, anchorStatus: { ...note.anchorStatus, lastSeenAt: at } }
  } else {
    const range = placeNote(oldText, note).range
    if (range === null) return orphan(note, highlighted, checkedAt, undefined)
    const mapped = mapRange(hunks, range)
    if (mapped.fate === 'deleted') {
      near = { start: mapped.at, end: mapped.at }
      carried = orphan(note, highlighted, checkedAt, mapped.at)
    } else {
      near = mapped.range
      carried = withAnchor(note, describeRange(newText, mapped.range), highlighted, checkedAt)
    }
  }
  if (anchorStateOf(carried) === 'anchored') return carried
  const putBack = findPutBack(newText, hunks, near, highlighted)
  return putBack ? withAnchor(note, describeRange(newText, putBack), highlighted, checkedAt) : carried
}

/**
 * Places a note in text that changed outside Dossier (no diff to follow). The note's
 * current selectors are the best description of where it was; an orphan only has what
 * was highlighted.
 */
export function reanchorNoteInNewText(note: Note, newText: string, checkedAt: string): Note {
  const highlighted = highlightedSelectors(note)
  const selectors = note.anchorStatus?.state === 'orphaned' ? highlighted : note.anchor
  const found = anchorSelectors(newText, selectors)
  if (found.state === 'orphaned') return orphan(note, highlighted, checkedAt, undefined)
  const anchor = describeRange(newText, found.range)
  // Found only approximately, or on weak evidence: the user confirms, even when the words match.
  if (found.state === 'moved') return withState(note, anchor, highlighted, 'moved', checkedAt)
  return withAnchor(note, anchor, highlighted, checkedAt)
}

/**
 * The highlighted words, with the whole context they were highlighted in, inside text the
 * edit inserted next to `near`. Text that was there all along is another occurrence, not
 * the note's own words coming back.
 */
function findPutBack(
  text: string,
  hunks: readonly Hunk[],
  near: TextRange,
  highlighted: TextAnchorSelectors
): TextRange | null {
  const { exact } = highlighted.quote
  for (const hunk of hunks) {
    if (hunk.newEnd === hunk.newStart) continue
    if (hunk.newEnd < near.start - exact.length) continue
    if (hunk.newStart > near.end + exact.length) break
    const from = Math.max(0, hunk.newStart - exact.length)
    const to = Math.min(text.length, hunk.newEnd + exact.length)
    for (
      let start = text.indexOf(exact, from);
      start !== -1 && start + exact.length <= to;
      start = text.indexOf(exact, start + 1)
    ) {
      const end = start + exact.length
      if (end <= hunk.newStart || start >= hunk.newEnd) continue
      if (hasWholeContext(text, { start, end }, highlighted)) return { start, end }
    }
  }
  return null
}

/** Every stored context character holds; context cut short by an end of the text must reach that end again. */
function hasWholeContext(text: string, range: TextRange, { quote }: TextAnchorSelectors): boolean {
  const { prefix, suffix } = quote
  if (text.slice(Math.max(0, range.start - prefix.length), range.start) !== prefix) return false
  if (text.slice(range.end, range.end + suffix.length) !== suffix) return false
  if (prefix.length < CONTEXT_LENGTH && range.start !== prefix.length) return false
  return suffix.length === CONTEXT_LENGTH || range.end + suffix.length === text.length
}

/** Anchored when the anchor covers exactly the highlighted words, moved otherwise. */
function withAnchor(
  note: Note,
  anchor: TextAnchorSelectors,
  highlighted: TextAnchorSelectors,
  checkedAt: string
): Note {
  // Only the kind of a space changed (French spacing on a newer version): the same words.
  const state = sameWords(anchor.quote.exact, highlighted.quote.exact) ? 'anchored' : 'moved'
  return withState(note, anchor, highlighted, state, checkedAt)
}

function withState(
  note: Note,
  anchor: TextAnchorSelectors,
  highlighted: TextAnchorSelectors,
  state: 'anchored' | 'moved',
  checkedAt: string
): Note {
  const status: NoteAnchorStatus | undefined =
    state === 'anchored'
      ? undefined
      : note.anchorStatus?.state === 'moved'
        ? note.anchorStatus
        : { state: 'moved', checkedAt }
  // Back exactly where it was highlighted (an undone edit): nothing beside the anchor to keep.
  const keepHighlighted = !sameSelectors(anchor, highlighted)
  if (
    sameSelectors(anchor, note.anchor) &&
    status === note.anchorStatus &&
    keepHighlighted === (note.highlighted !== undefined)
  ) {
    return note
  }
  return {
    ...withoutPlacement(note),
    anchor,
    ...(keepHighlighted ? { highlighted } : {}),
    ...(status ? { anchorStatus: status } : {})
  }
}

function orphan(note: Note, highlighted: TextAnchorSelectors, checkedAt: string, lastSeenAt: number | undefined): Note {
  return {
    ...withoutPlacement(note),
    // While orphaned the anchor keeps where the note last sat; what was highlighted stays beside it.
    ...(sameSelectors(note.anchor, highlighted) ? {} : { highlighted }),
    anchorStatus:
      lastSeenAt === undefined ? { state: 'orphaned', checkedAt } : { state: 'orphaned', checkedAt, lastSeenAt }
  }
}

/** The note without what placement decides, so a field that no longer applies is not carried over. */
function withoutPlacement(note: Note): Note {
  const copy = { ...note }
  delete copy.highlighted
  delete copy.anchorStatus
  return copy
}

function sameSelectors(a: TextAnchorSelectors, b: TextAnchorSelectors): boolean {
  return (
    a.quote.exact === b.quote.exact &&
    a.quote.prefix === b.quote.prefix &&
    a.quote.suffix === b.quote.suffix &&
    a.position.start === b.position.start &&
    a.position.end === b.position.end
  )
}
