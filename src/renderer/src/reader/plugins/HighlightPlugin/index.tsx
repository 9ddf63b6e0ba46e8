/**
 * Turns the reader's selection into a highlight: a small popover next to the selection
 * offers it, and the H, N and T keys (in the app's keymap) do it directly. The plugin only measures the selection in
 * plain-text coordinates; storing the note is the caller's job.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $createRangeSelectionFromDom, COMMAND_PRIORITY_EDITOR } from 'lexical'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TextRange } from '../../../../../shared/anchoring/selectors'
import { beginTypeAhead } from '../../../lib/typeAhead'
import { $selectionToTextRange } from '../../textOffsets'
import { ColorDot, HIGHLIGHT_COLORS } from '../../../lib/ColorDot'
import { HIGHLIGHT_SELECTION_COMMAND, type HighlightIntent, type HighlightPayload } from '../../../lib/readerCommands'

export { HIGHLIGHT_SELECTION_COMMAND, type HighlightIntent, type HighlightPayload }

export interface HighlightRequest {
  range: TextRange
  quote: string
  intent: HighlightIntent
  color: string | null
}

/** White space at the edges of a selection (a double-click takes the next space) is not part of the quote. */
export function trimRange(text: string, range: TextRange): TextRange | null {
  let { start, end } = range
  while (start < end && /\s/u.test(text[start] ?? '')) start++
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end--
  return end > start ? { start, end } : null
}

function selectionInside(root: HTMLElement | null): Selection | null {
  const selection = window.getSelection()
  if (!root || !selection || selection.isCollapsed || selection.rangeCount === 0) return null
  const range = selection.getRangeAt(0)
  return root.contains(range.startContainer) && root.contains(range.endContainer) ? selection : null
}

export function HighlightPlugin({
  plainText,
  onHighlight,
  label
}: {
  plainText: string
  onHighlight: (request: HighlightRequest) => void
  /** Set when the selection is wanted for something else (re-attaching a note): one action, so named. */
  label?: string
}): React.JSX.Element | null {
  const { t } = useTranslation('reader')
  const [editor] = useLexicalComposerContext()
  const [anchorRect, setAnchorRect] = useState<DOMRect | null>(null)

  useEffect(
    () =>
      editor.registerCommand(
        HIGHLIGHT_SELECTION_COMMAND,
        (payload) => {
          const { intent, color } = typeof payload === 'string' ? { intent: payload, color: null } : payload
          const domSelection = selectionInside(editor.getRootElement())
          if (!domSelection) return false
          const measured = editor.read(() => {
            const selection = $createRangeSelectionFromDom(domSelection, editor)
            return selection ? $selectionToTextRange(selection) : null
          })
          const range = measured && trimRange(plainText, measured)
          if (!range) return false
          // After N or T the next keys are meant for the note's field, which appears a moment later.
          if (intent !== 'highlight') beginTypeAhead()
          onHighlight({ range, quote: plainText.slice(range.start, range.end), intent, color })
          domSelection.removeAllRanges()
          setAnchorRect(null)
          return true
        },
        COMMAND_PRIORITY_EDITOR
      ),
    [editor, plainText, onHighlight]
  )

  useEffect(() => {
    const onSelectionChange = (): void => {
      const selection = selectionInside(editor.getRootElement())
      setAnchorRect(selection ? selection.getRangeAt(0).getBoundingClientRect() : null)
    }
    document.addEventListener('selectionchange', onSelectionChange)
    // The popover follows the selection when the reading pane scrolls.
    document.addEventListener('scroll', onSelectionChange, true)
    return () => {
      document.removeEventListener('selectionchange', onSelectionChange)
      document.removeEventListener('scroll', onSelectionChange, true)
    }
  }, [editor])

  const highlight = useCallback(
    (payload: HighlightPayload) => editor.dispatchCommand(HIGHLIGHT_SELECTION_COMMAND, payload),
    [editor]
  )

  if (!anchorRect) return null
  const inColor = (name: string): string => t('popover.inColor', { color: name.toLowerCase() })
  const top = Math.max(8, anchorRect.top - 48)
  // Centred over the selection (the stylesheet shifts it by half its width), kept on screen.
  const left = Math.min(
    Math.max(POPOVER_HALF_WIDTH + 8, anchorRect.left + anchorRect.width / 2),
    window.innerWidth - POPOVER_HALF_WIDTH - 8
  )
  const actions = label
    ? [{ intent: 'highlight' as const, label, key: 'H' }]
    : POPOVER_ACTIONS.map((action) => ({ ...action, label: t(`popover.${action.intent}`) }))
  return (
    <div className="selection-popover" role="toolbar" aria-label={t('popover.label')} style={{ top, left }}>
      {actions.map(({ intent, label, key }) => (
        <button
          key={intent}
          type="button"
          className="selection-popover__button"
          // Keep the selection: a mousedown on the button would otherwise clear it before the click.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => highlight(intent)}
        >
          {label} <kbd>{key}</kbd>
        </button>
      ))}
      {!label && (
        <span className="selection-popover__colors" role="group" aria-label={t('popover.colors')}>
          {HIGHLIGHT_COLORS.map(({ color, name }) => (
            <ColorDot
              key={color}
              color={color}
              aria-label={inColor(name)}
              title={inColor(name)}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => highlight({ intent: 'highlight', color })}
            />
          ))}
        </span>
      )}
    </div>
  )
}

const POPOVER_HALF_WIDTH = 200

const POPOVER_ACTIONS: { intent: HighlightIntent; key: string }[] = [
  { intent: 'highlight', key: 'H' },
  { intent: 'note', key: 'N' },
  { intent: 'tag', key: 'T' }
]
