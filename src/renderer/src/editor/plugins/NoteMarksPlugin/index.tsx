/**
 * Draws notes as Lexical MarkNodes (mark ids = note ids) and keeps them in step with the
 * notes list: anchors are the source of truth, marks are derived from them. Also turns a
 * click on a mark into "show this note", and shows which note is selected.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import type { NodeKey } from 'lexical'
import { useEffect, useMemo, useRef } from 'react'
import { ARTICLE_LOAD_TAG } from '../ArticleContentPlugin'
import { NOTE_IDS_ATTRIBUTE, registerNoteMarks, type DrawnNote, type NoteMarks } from './noteMarks'

export { NOTE_IDS_ATTRIBUTE, type DrawnNote }

interface Painted {
  colorOf: ReadonlyMap<string, string | null>
  selected: string | null
}

export function NoteMarksPlugin({
  notes,
  selectedNoteId,
  onSelectNote
}: {
  notes: readonly DrawnNote[]
  selectedNoteId: string | null
  onSelectNote: (noteId: string) => void
}): null {
  const [editor] = useLexicalComposerContext()
  const selectedRef = useRef(selectedNoteId)
  selectedRef.current = selectedNoteId
  const colorOf = useMemo(() => new Map(notes.map((note) => [note.id, note.color])), [notes])
  // Marks are painted both when notes change and when Lexical creates or splits a mark.
  const paint = useRef<(mark: HTMLElement, ids: readonly string[]) => void>(() => {})
  paint.current = (mark, ids) => {
    mark.classList.toggle('note-mark--selected', selectedNoteId !== null && ids.includes(selectedNoteId))
    // Where highlights overlap, the note drawn last (the innermost) gives the colour.
    const color = ids.map((id) => colorOf.get(id)).findLast(Boolean)
    if (color) mark.style.setProperty('--note-color', color)
    else mark.style.removeProperty('--note-color')
  }
  const noteMarks = useRef<NoteMarks | null>(null)

  useEffect(() => {
    const registered = registerNoteMarks(editor, (mark, ids) => paint.current(mark, ids))
    noteMarks.current = registered
    return () => {
      noteMarks.current = null
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
    const before = painted.current ?? { colorOf: new Map<string, string | null>(), selected: null }
    painted.current = { colorOf, selected: selectedNoteId }
    const changed = new Set<string>()
    for (const [id, color] of colorOf) if (before.colorOf.get(id) !== color) changed.add(id)
    if (before.selected !== selectedNoteId) {
      if (before.selected !== null) changed.add(before.selected)
      if (selectedNoteId !== null) changed.add(selectedNoteId)
    }
    const keys = new Set<NodeKey>()
    for (const id of changed) for (const key of marks.marksOf(id)) keys.add(key)
    for (const key of keys) {
      const element = editor.getElementByKey(key)
      if (element) paint.current(element, marks.notesOf(key))
    }
  }, [editor, colorOf, selectedNoteId])

  return null
}
