/**
 * Shows a passage asked for from outside the pane (a search result): scrolls it into view
 * and selects it, so the reader sees where the words are and can highlight them at once.
 * A long article arrives in steps, so the passage is revealed as soon as its text is in.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { useEffect } from 'react'
import type { RevealRequest } from '../../../lib/readerCommands'
import { $rangeSelectionFor } from '../../textOffsets'

export type { RevealRequest }

/** How long to wait for the passage's text to arrive before giving up. */
const GIVE_UP_MS = 10_000

export function RevealPlugin({ request }: { request: RevealRequest | null }): null {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    if (!request) return
    const startedAt = performance.now()
    let frame = 0
    const attempt = (): void => {
      const points = editor.getEditorState().read(
        () => {
          const selection = $rangeSelectionFor(request.range)
          if (!selection) return null
          const [start, end] = [selection.anchor, selection.focus]
          return { start: { key: start.key, offset: start.offset }, end: { key: end.key, offset: end.offset } }
        },
        // With the editor given, the text measurement is cached between frames while we wait.
        { editor }
      )
      const startElement = points && editor.getElementByKey(points.start.key)
      const endElement = points && editor.getElementByKey(points.end.key)
      const startText = startElement?.firstChild
      const endText = endElement?.firstChild
      if (!points || !startText || !endText) {
        if (performance.now() - startedAt < GIVE_UP_MS) frame = requestAnimationFrame(attempt)
        return
      }
      const range = document.createRange()
      range.setStart(startText, Math.min(points.start.offset, startText.textContent?.length ?? 0))
      range.setEnd(endText, Math.min(points.end.offset, endText.textContent?.length ?? 0))
      startElement.scrollIntoView({ block: 'center' })
      const selection = window.getSelection()
      selection?.removeAllRanges()
      selection?.addRange(range)
    }
    attempt()
    return () => cancelAnimationFrame(frame)
  }, [editor, request])
  return null
}
