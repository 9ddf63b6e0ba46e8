/**
 * Selecting text from the keyboard while the article is read-only. A read-only pane has
 * no caret, so arrows would only scroll: here the pane takes focus, shows a caret of its
 * own, and moves or extends the browser's selection with the arrows (Shift extends,
 * Ctrl/Alt goes by word, Home/End to the line's ends), the same selection a mouse drag
 * makes, so H, N and T then work on it unchanged.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { useEffect, useState } from 'react'

type Step = { direction: 'forward' | 'backward'; granularity: string }

/** Word steps: Ctrl on Windows and Linux, Alt (Option) on macOS. */
function stepFor(event: KeyboardEvent): Step | null {
  const byWord = event.ctrlKey || event.altKey
  switch (event.key) {
    case 'ArrowLeft':
      return { direction: 'backward', granularity: byWord ? 'word' : 'character' }
    case 'ArrowRight':
      return { direction: 'forward', granularity: byWord ? 'word' : 'character' }
    case 'ArrowUp':
      return { direction: 'backward', granularity: byWord ? 'paragraph' : 'line' }
    case 'ArrowDown':
      return { direction: 'forward', granularity: byWord ? 'paragraph' : 'line' }
    case 'Home':
      return { direction: 'backward', granularity: event.ctrlKey ? 'documentboundary' : 'lineboundary' }
    case 'End':
      return { direction: 'forward', granularity: event.ctrlKey ? 'documentboundary' : 'lineboundary' }
    default:
      return null
  }
}

/** Where a caret goes when the pane gets focus without one: the start of the first line on screen. */
function placeCaretAtFirstVisibleText(root: HTMLElement, selection: Selection): void {
  const top = Math.max(root.getBoundingClientRect().top, 0)
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  let first: Text | null = null
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text
    if (!text.data.trim()) continue
    first ??= text
    const parent = text.parentElement
    if (parent && parent.getBoundingClientRect().bottom > top) {
      selection.collapse(text, 0)
      return
    }
  }
  if (first) selection.collapse(first, 0)
}

function selectionInRoot(root: HTMLElement): Selection | null {
  const selection = window.getSelection()
  if (!selection || selection.rangeCount === 0) return null
  return root.contains(selection.focusNode) ? selection : null
}

/** The caret's box: the focus end of the selection, collapsed. */
function caretRect(selection: Selection): DOMRect | null {
  if (!selection.focusNode) return null
  const range = document.createRange()
  range.setStart(selection.focusNode, selection.focusOffset)
  range.collapse(true)
  const rect = range.getClientRects()[0] ?? null
  if (rect) return rect
  // An empty position (between blocks) has no box: use its element's.
  const element = selection.focusNode instanceof Element ? selection.focusNode : selection.focusNode.parentElement
  return element?.getBoundingClientRect() ?? null
}

export function KeyboardSelectionPlugin({ enabled }: { enabled: boolean }): React.JSX.Element | null {
  const [editor] = useLexicalComposerContext()
  const [caret, setCaret] = useState<DOMRect | null>(null)

  useEffect(() => {
    if (!enabled) {
      setCaret(null)
      return
    }
    return editor.registerRootListener((root) => {
      if (!root) return
      root.tabIndex = 0
      const refreshCaret = (): void => {
        const selection = selectionInRoot(root)
        const show = document.activeElement === root && selection !== null && selection.isCollapsed
        setCaret(show ? caretRect(selection) : null)
      }
      // A click focuses the pane too, but it places the caret itself: only a keyboard focus (Tab) needs one.
      let pointerFocus = false
      const onPointerDown = (): void => {
        pointerFocus = true
      }
      const onPointerUp = (): void => {
        pointerFocus = false
      }
      const onFocus = (): void => {
        const selection = window.getSelection()
        if (!pointerFocus && selection && !selectionInRoot(root)) placeCaretAtFirstVisibleText(root, selection)
        refreshCaret()
      }
      const onKeyDown = (event: KeyboardEvent): void => {
        if (editor.isEditable() || event.metaKey) return
        const step = stepFor(event)
        const selection = window.getSelection()
        if (!step || !selection) return
        if (!selectionInRoot(root)) placeCaretAtFirstVisibleText(root, selection)
        event.preventDefault()
        selection.modify(event.shiftKey ? 'extend' : 'move', step.direction, step.granularity)
        const focus = selection.focusNode
        const element = focus instanceof Element ? focus : focus?.parentElement
        element?.scrollIntoView({ block: 'nearest' })
        refreshCaret()
      }
      root.addEventListener('pointerdown', onPointerDown, true)
      document.addEventListener('pointerup', onPointerUp, true)
      root.addEventListener('focus', onFocus)
      root.addEventListener('blur', refreshCaret)
      root.addEventListener('keydown', onKeyDown)
      document.addEventListener('selectionchange', refreshCaret)
      document.addEventListener('scroll', refreshCaret, true)
      return () => {
        root.removeAttribute('tabindex')
        root.removeEventListener('pointerdown', onPointerDown, true)
        document.removeEventListener('pointerup', onPointerUp, true)
        root.removeEventListener('focus', onFocus)
        root.removeEventListener('blur', refreshCaret)
        root.removeEventListener('keydown', onKeyDown)
        document.removeEventListener('selectionchange', refreshCaret)
        document.removeEventListener('scroll', refreshCaret, true)
      }
    })
  }, [editor, enabled])

  if (!caret) return null
  return (
    <div
      className="reading-caret"
      aria-hidden="true"
      style={{ top: caret.top, left: caret.left, height: Math.max(caret.height, 16) }}
    />
  )
}
