/**
 * Draws notes as Lexical MarkNodes (mark ids = note ids) and keeps them in step with the
 * notes list: anchors are the source of truth, marks are derived from them. Also turns a
 * click on a mark into "show this note", and shows which note is selected.
 */
import { $isMarkNode, $unwrapMarkNode, $wrapSelectionInMarkNode, $createMarkNode, MarkNode } from '@lexical/mark'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $dfs, mergeRegister, registerNestedElementResolver } from '@lexical/utils'
import { $getNodeByKey } from 'lexical'
import { useEffect, useRef } from 'react'
import type { TextRange } from '../../../../../shared/anchoring/selectors'
import { $rangeSelectionFor, $textLeaves } from '../../textOffsets'
import { ARTICLE_LOAD_TAG } from '../ArticleContentPlugin'

export interface DrawnNote {
  id: string
  range: TextRange
  /** The highlight's colour (its first tag's, else the one picked); null for the default. */
  color: string | null
}

export const NOTE_IDS_ATTRIBUTE = 'data-note-ids'

function $syncMarks(notes: readonly DrawnNote[]): void {
  const wanted = new Map(notes.map((note) => [note.id, note.range]))
  const drawn = new Set<string>()
  for (const { node } of $dfs()) {
    if (!$isMarkNode(node)) continue
    for (const id of node.getIDs()) {
      if (wanted.has(id)) drawn.add(id)
      else node.deleteID(id)
    }
    if (node.getIDs().length === 0) $unwrapMarkNode(node)
  }
  const missing = [...wanted].filter(([id]) => !drawn.has(id))
  if (missing.length === 0) return
  // Wrapping changes nodes but not text, so the blocks' spans measured once stay true.
  const leaves = $textLeaves()
  for (const [id, range] of missing) {
    const selection = $rangeSelectionFor(range, leaves)
    if (selection) $wrapSelectionInMarkNode(selection, false, id)
  }
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
  // Marks are painted both when notes change and when Lexical creates or splits a mark.
  const paint = useRef<(mark: HTMLElement) => void>(() => {})
  paint.current = (mark) => {
    const ids = mark.getAttribute(NOTE_IDS_ATTRIBUTE)?.split(' ') ?? []
    mark.classList.toggle('note-mark--selected', selectedNoteId !== null && ids.includes(selectedNoteId))
    // Where highlights overlap, the note drawn last (the innermost) gives the colour.
    const color = ids.map((id) => notes.find((note) => note.id === id)?.color).findLast(Boolean)
    if (color) mark.style.setProperty('--note-color', color)
    else mark.style.removeProperty('--note-color')
  }

  useEffect(
    () =>
      mergeRegister(
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
                if (mutation === 'destroyed') continue
                const node = $getNodeByKey<MarkNode>(key)
                const element = editor.getElementByKey(key)
                if (!node || !element) continue
                element.setAttribute(NOTE_IDS_ATTRIBUTE, node.getIDs().join(' '))
                paint.current(element)
              }
            })
          },
          { skipInitialization: false }
        )
      ),
    [editor]
  )

  useEffect(() => {
    editor.update(() => $syncMarks(notes), { discrete: true })
    // A long article arrives in steps: notes further down are drawn as their text arrives.
    return editor.registerUpdateListener(({ tags }) => {
      if (tags.has(ARTICLE_LOAD_TAG)) editor.update(() => $syncMarks(notes))
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

  useEffect(() => {
    const root = editor.getRootElement()
    if (!root) return
    for (const mark of root.querySelectorAll<HTMLElement>(`mark[${NOTE_IDS_ATTRIBUTE}]`)) paint.current(mark)
  }, [editor, notes, selectedNoteId])

  return null
}
