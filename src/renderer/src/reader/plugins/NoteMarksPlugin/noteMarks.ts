/**
 * Keeps an editor's MarkNodes in step with a list of notes, in two steps: a plan worked
 * out from the mark bookkeeping alone, then an update that touches only the marks of the
 * notes that changed. Neither walks the document, so a change to one note costs the same
 * in an article with a thousand notes as in one with none.
 */
import { $createMarkNode, $isMarkNode, $unwrapMarkNode, $wrapSelectionInMarkNode, MarkNode } from '@lexical/mark'
import { mergeRegister, registerNestedElementResolver } from '@lexical/utils'
import { $getNodeByKey, type LexicalEditor, type NodeKey } from 'lexical'
import type { TextRange } from '../../../../../shared/anchoring/selectors'
import { $rangeSelectionFor, createTextIndexCache, type TextIndex } from '../../textOffsets'
import { MarkIndex } from './markIndex'

export const NOTE_IDS_ATTRIBUTE = 'data-note-ids'

export interface DrawnNote {
  id: string
  range: TextRange
  /** The highlight's colour (its first tag's, else the one picked); null for the default. */
  color: string | null
}

interface MarkSyncPlan {
  /** Notes whose marks go: no longer listed, or now anchored elsewhere. */
  undraw: string[]
  /** Notes to wrap, in list order, since where highlights overlap the one drawn last gives the colour. */
  draw: DrawnNote[]
  /** Marks no note lists any more. */
  emptyMarks: NodeKey[]
  /** Notes gone from the list whose drawn range need not be remembered. */
  forget: string[]
}

function sameRange(a: TextRange, b: TextRange): boolean {
  return a.start === b.start && a.end === b.end
}

/**
 * The changes that make the marks match `notes`, or null when they already do.
 * `drawnRanges` holds the range each note was wrapped at; a note whose anchor moved
 * since (after an edit to the text, say) is drawn again at its new range.
 */
function planMarkSync(
  notes: readonly DrawnNote[],
  marks: MarkIndex,
  drawnRanges: ReadonlyMap<string, TextRange>
): MarkSyncPlan | null {
  const wanted = new Map(notes.map((note) => [note.id, note]))
  const undraw: string[] = []
  for (const id of marks.drawnNotes()) {
    const note = wanted.get(id)
    const drawnAt = drawnRanges.get(id)
    if (!note || (drawnAt && !sameRange(drawnAt, note.range))) undraw.push(id)
  }
  const redrawn = new Set(undraw)
  const draw = notes.filter((note) => redrawn.has(note.id) || !marks.isDrawn(note.id))
  const emptyMarks = [...marks.marksWithoutNotes()]
  const forget = [...drawnRanges.keys()].filter((id) => !wanted.has(id))
  if (undraw.length === 0 && draw.length === 0 && emptyMarks.length === 0 && forget.length === 0) return null
  return { undraw, draw, emptyMarks, forget }
}

function $dropFromMark(key: NodeKey, id: string | null): void {
  const node = $getNodeByKey(key)
  if (!$isMarkNode(node) || !node.isAttached()) return
  if (id !== null) node.deleteID(id)
  if (node.getIDs().length === 0) $unwrapMarkNode(node)
}

/**
 * Carries out a plan made from the same committed state. `text` measures where ranges
 * fall; it is needed only when the plan draws something.
 */
function $applyMarkSync(
  plan: MarkSyncPlan,
  marks: MarkIndex,
  drawnRanges: Map<string, TextRange>,
  text: TextIndex | null
): void {
  for (const key of plan.emptyMarks) $dropFromMark(key, null)
  for (const id of plan.undraw) {
    drawnRanges.delete(id)
    for (const key of marks.marksOf(id)) $dropFromMark(key, id)
  }
  for (const id of plan.forget) drawnRanges.delete(id)
  // A long article arrives in steps: a note reaching past the text in so far waits for the rest, or it
  // would be drawn cut short and, counted as drawn, never completed.
  const loadedEnd = text?.spans[text.spans.length - 1]?.end ?? Infinity
  for (const { id, range } of plan.draw) {
    if (range.end > loadedEnd) continue
    const selection = $rangeSelectionFor(range, text ?? undefined)
    if (!selection) continue
    $wrapSelectionInMarkNode(selection, false, id)
    drawnRanges.set(id, range)
  }
}

export interface NoteMarks {
  /**
   * Draws `notes` and removes the marks of notes no longer listed. `discrete` commits at
   * once; from inside an update listener, pass false and the update is queued.
   */
  sync: (notes: readonly DrawnNote[], discrete: boolean) => void
  marksOf: (noteId: string) => ReadonlySet<NodeKey>
  notesOf: (markKey: NodeKey) => readonly string[]
  dispose: () => void
}

/**
 * Registers mark drawing on `editor`. `onMark` runs for each mark Lexical creates or
 * changes, once its element carries the ids of the notes it draws.
 */
export function registerNoteMarks(
  editor: LexicalEditor,
  onMark: (element: HTMLElement, noteIds: readonly string[]) => void
): NoteMarks {
  const marks = new MarkIndex()
  const drawnRanges = new Map<string, TextRange>()
  const text = createTextIndexCache(editor)
  const unregister = mergeRegister(
    // Overlapping highlights must not nest marks inside marks: split them so each piece lists every note over it.
    registerNestedElementResolver<MarkNode>(
      editor,
      MarkNode,
      (from) => $createMarkNode(from.getIDs()),
      (from, to) => {
        for (const id of from.getIDs()) to.addID(id)
      }
    ),
    // Mark ids are not rendered by Lexical; the DOM needs them to map clicks and styles to notes.
    editor.registerMutationListener(
      MarkNode,
      (mutations) => {
        editor.read(() => {
          for (const [key, mutation] of mutations) {
            const node = mutation === 'destroyed' ? null : $getNodeByKey(key)
            if (!$isMarkNode(node)) {
              marks.delete(key)
              continue
            }
            const ids = node.getIDs()
            marks.set(key, ids)
            const element = editor.getElementByKey(key)
            if (!element) continue
            element.setAttribute(NOTE_IDS_ATTRIBUTE, ids.join(' '))
            onMark(element, ids)
          }
        })
      },
      { skipInitialization: false }
    ),
    text.dispose
  )
  return {
    sync: (notes, discrete) => {
      // Reading commits any queued update first, so the mutation listener has brought `marks` up to date.
      const plan = editor.read(() => planMarkSync(notes, marks, drawnRanges))
      if (!plan) return
      const index = plan.draw.length > 0 ? text.read() : null
      editor.update(() => $applyMarkSync(plan, marks, drawnRanges, index), discrete ? { discrete } : undefined)
    },
    marksOf: (noteId) => marks.marksOf(noteId),
    notesOf: (markKey) => marks.notesOf(markKey),
    dispose: unregister
  }
}
