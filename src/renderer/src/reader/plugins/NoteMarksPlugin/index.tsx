/**
 * Draws notes as Lexical MarkNodes (mark ids = note ids) and keeps them in step with the
 * notes list: anchors are the source of truth, marks are derived from them. Also turns a
 * click on a mark into "show this note", shows which note is selected, and answers the
 * commands other features send the pane: show a note's highlight (SHOW_NOTE_COMMAND), and
 * which notes are under the caret (NOTES_UNDER_CARET_COMMAND). Highlights the notes panel's
 * filter leaves out are dimmed, so the ones it lists stand out in the text.
 */
import { $isMarkNode } from '@lexical/mark'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { mergeRegister } from '@lexical/utils'
import { $getNearestNodeFromDOMNode, COMMAND_PRIORITY_EDITOR, type LexicalNode, type NodeKey } from 'lexical'
import { useEffect, useMemo, useRef } from 'react'
import { NOTES_UNDER_CARET_COMMAND, SHOW_NOTE_COMMAND } from '../../../lib/readerCommands'
import { registerNodeMapCompaction } from '../../compactNodeMaps'
import { ARTICLE_LOAD_TAG } from '../ArticleContentPlugin'
import { NOTE_IDS_ATTRIBUTE, registerNoteMarks, type DrawnNote, type NoteMarks } from './noteMarks'
import { notesToRepaint, type Painted } from './paintPlan'

export { NOTE_IDS_ATTRIBUTE, type DrawnNote }

export function NoteMarksPlugin({
  notes,
  dimmedNoteIds,
  selectedNoteId,
  onSelectNote
}: {
  notes: readonly DrawnNote[]
  /** Notes left out by the notes panel's filter; a mark is dimmed when every note it draws is. */
  dimmedNoteIds: ReadonlySet<string>
  selectedNoteId: string | null
  onSelectNote: (noteId: string) => void
}): null {
  const [editor] = useLexicalComposerContext()
  const selectedRef = useRef(selectedNoteId)
  const colorOf = useMemo(() => new Map(notes.map((note) => [note.id, note.color])), [notes])
  // Marks are painted both when notes change and when Lexical creates or splits a mark.
  const paint = useRef<(mark: HTMLElement, ids: readonly string[]) => void>(() => {})
  // Declared first, so the effects below already paint with this render's colours and selection.
  useEffect(() => {
    selectedRef.current = selectedNoteId
    paint.current = (mark, ids) => {
      mark.classList.toggle('note-mark--selected', selectedNoteId !== null && ids.includes(selectedNoteId))
      mark.classList.toggle('note-mark--dimmed', ids.length > 0 && ids.every((id) => dimmedNoteIds.has(id)))
      // Where highlights overlap, the note drawn last (the innermost) gives the colour.
      const color = ids.map((id) => colorOf.get(id)).findLast(Boolean)
      if (color) mark.style.setProperty('--note-color', color)
      else mark.style.removeProperty('--note-color')
    }
  }, [colorOf, selectedNoteId, dimmedNoteIds])
  const noteMarks = useRef<NoteMarks | null>(null)
  /** The note whose highlight was asked to be shown before its marks were drawn. */
  const waitingToShow = useRef<string | null>(null)

  useEffect(() => {
    const showIfDrawn = (): void => {
      const noteId = waitingToShow.current
      const marks = noteMarks.current
      if (noteId === null || !marks) return
      const elements = [...marks.marksOf(noteId)]
        .flatMap((key) => editor.getElementByKey(key) ?? [])
        .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
      if (elements.length === 0) return
      waitingToShow.current = null
      elements[0]!.scrollIntoView({ block: 'center', behavior: 'smooth' })
      // The flash restarts on every request, so showing the same note twice flashes it twice.
      for (const element of elements) {
        element.classList.remove('note-mark--flash')
        void element.offsetWidth
        element.classList.add('note-mark--flash')
      }
    }
    return mergeRegister(
      editor.registerCommand(
        SHOW_NOTE_COMMAND,
        (noteId) => {
          waitingToShow.current = noteId
          showIfDrawn()
          return true
        },
        COMMAND_PRIORITY_EDITOR
      ),
      // A note asked for as its article opens is shown once its marks are drawn.
      editor.registerUpdateListener(showIfDrawn),
      editor.registerCommand(
        NOTES_UNDER_CARET_COMMAND,
        (answer) => {
          const noteIds = notesUnderCaret()
          if (noteIds.length === 0) return false
          answer(noteIds)
          return true
        },
        COMMAND_PRIORITY_EDITOR
      )
    )

    /**
     * The notes of every mark around the caret, the innermost first. A selection counts when it
     * lies wholly inside highlights: the notes over both of its ends.
     */
    function notesUnderCaret(): string[] {
      const root = editor.getRootElement()
      const selection = window.getSelection()
      const focus = selection?.focusNode
      const anchor = selection?.anchorNode
      if (!root || !selection || !focus || !anchor || !root.contains(focus) || !root.contains(anchor)) return []
      return editor.read(() => {
        const notesAround = (domNode: Node): string[] => {
          const ids = new Set<string>()
          for (let node: LexicalNode | null = $getNearestNodeFromDOMNode(domNode); node; node = node.getParent()) {
            if ($isMarkNode(node)) for (const id of node.getIDs()) ids.add(id)
          }
          return [...ids]
        }
        const atFocus = notesAround(focus)
        if (selection.isCollapsed) return atFocus
        const atAnchor = new Set(notesAround(anchor))
        return atFocus.filter((id) => atAnchor.has(id))
      })
    }
  }, [editor])

  useEffect(() => {
    const registered = registerNoteMarks(editor, (mark, ids) => paint.current(mark, ids))
    noteMarks.current = registered
    // Drawing many marks leaves Lexical's maps with a large copy-on-write nursery that every later update would copy.
    const stopCompacting = registerNodeMapCompaction(editor)
    return () => {
      noteMarks.current = null
      stopCompacting()
      registered.dispose()
    }
  }, [editor])

  useEffect(() => {
    const marks = noteMarks.current
    if (!marks) return
    marks.sync(notes, true)
    // A long article arrives in steps: notes further down are drawn as their text arrives.
    return editor.registerUpdateListener(({ tags }) => {
      if (tags.has(ARTICLE_LOAD_TAG)) marks.sync(notes, false)
    })
  }, [editor, notes])

  useEffect(() => {
    return editor.registerRootListener((root) => {
      if (!root) return
      const onClick = (event: MouseEvent): void => {
        // A click that ends a drag-selection is a selection, not a request to open a note.
        const domSelection = window.getSelection()
        if (domSelection && !domSelection.isCollapsed) return
        const mark = (event.target as Element | null)?.closest?.(`mark[${NOTE_IDS_ATTRIBUTE}]`)
        const ids = mark?.getAttribute(NOTE_IDS_ATTRIBUTE)?.split(' ') ?? []
        // Where highlights overlap, each click shows the next note under the pointer.
        const current = ids.indexOf(selectedRef.current ?? '')
        const next = ids[(current + 1) % ids.length]
        if (next) onSelectNote(next)
      }
      root.addEventListener('click', onClick)
      return () => root.removeEventListener('click', onClick)
    })
  }, [editor, onSelectNote])

  // Only the marks of notes whose colour or selection changed are painted again, not every mark in the article.
  const painted = useRef<Painted | null>(null)
  useEffect(() => {
    const marks = noteMarks.current
    if (!marks) return
    const before = painted.current ?? { colorOf: new Map<string, string | null>(), selected: null, dimmed: new Set() }
    painted.current = { colorOf, selected: selectedNoteId, dimmed: dimmedNoteIds }
    // Plan from the bookkeeping (which notes, then which marks), then apply to those elements only.
    const changed = notesToRepaint(before, painted.current)
    const keys = new Set<NodeKey>()
    for (const id of changed) for (const key of marks.marksOf(id)) keys.add(key)
    for (const key of keys) {
      const element = editor.getElementByKey(key)
      if (element) paint.current(element, marks.notesOf(key))
    }
  }, [editor, colorOf, selectedNoteId, dimmedNoteIds])

  return null
}
