/**
 * Maps between Lexical selections and offsets in the article's plain text, the
 * coordinate system of every stored anchor. Blocks count as their text joined by
 * BLOCK_SEPARATOR, exactly as `articlePlainText` joins stored blocks.
 */
import { mergeRegister } from '@lexical/utils'
import {
  $createRangeSelection,
  $getEditor,
  $getNodeByKey,
  $getRoot,
  $isElementNode,
  $isTextNode,
  isCurrentlyReadOnlyMode,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
  type PointType,
  type RangeSelection,
  type TextNode
} from 'lexical'
import { BLOCK_SEPARATOR } from '../../../shared/domain/article'
import type { TextRange } from '../../../shared/anchoring/selectors'

const SEPARATOR_LENGTH = BLOCK_SEPARATOR.length

/** A leaf block's plain-text span. Keys rather than nodes, so a measurement outlives the editor state it was taken in. */
interface BlockSpan {
  key: NodeKey
  start: number
  end: number
}

/**
 * The blocks that hold text, in document order, with their plain-text spans: paragraphs,
 * headings, quotes and list items, but not the lists that contain items. They correspond
 * one to one with the stored article blocks. Measure once, then place many offsets.
 */
export interface TextIndex {
  /** Every leaf block, empty ones included. */
  spans: BlockSpan[]
  /** The leaf blocks with at least one text node: where a range can start or end. */
  textSpans: BlockSpan[]
  spanOf: Map<NodeKey, BlockSpan>
}

function $holdsTextNode(element: ElementNode): boolean {
  for (let child = element.getFirstChild(); child !== null; child = child.getNextSibling()) {
    if ($isTextNode(child) || ($isElementNode(child) && $holdsTextNode(child))) return true
  }
  return false
}

/** Walks the whole document: a 3 MB article has thousands of blocks, so callers reuse the result. */
export function $measureText(): TextIndex {
  const index: TextIndex = { spans: [], textSpans: [], spanOf: new Map() }
  let position = 0
  const visit = (element: ElementNode): void => {
    const blockChildren = element
      .getChildren()
      .filter((child): child is ElementNode => $isElementNode(child) && !child.isInline())
    if (blockChildren.length > 0) {
      for (const child of blockChildren) visit(child)
      return
    }
    const end = position + element.getTextContentSize()
    const span = { key: element.getKey(), start: position, end }
    index.spans.push(span)
    index.spanOf.set(span.key, span)
    if ($holdsTextNode(element)) index.textSpans.push(span)
    position = end + SEPARATOR_LENGTH
  }
  for (const child of $getRoot().getChildren()) if ($isElementNode(child)) visit(child)
  return index
}

/**
 * The block a span was measured on, or null when the document no longer matches the
 * measurement there (the block is gone or its text length changed).
 */
function $blockOf(span: BlockSpan): ElementNode | null {
  const node = $getNodeByKey(span.key)
  if (!$isElementNode(node) || !node.isAttached()) return null
  return node.getTextContentSize() === span.end - span.start ? node : null
}

/** Measures again in place, so every holder of this index, its cache included, sees the correction. */
function $remeasure(index: TextIndex): void {
  Object.assign(index, $measureText())
}

interface CacheSlot {
  index: TextIndex | null
}

const caches = new WeakMap<LexicalEditor, CacheSlot>()

export interface TextIndexCache {
  /** The measurement of the editor's committed text; call outside `editor.update`. */
  read: () => TextIndex
  dispose: () => void
}

/**
 * Keeps one measurement of the editor's text until that text changes, so placing one more
 * highlight does not walk the whole article again. Wrapping text in marks keeps it; any
 * change to the text, or to the top-level blocks, drops it. While registered, reads of the
 * editor's current state (`editor.read`) use it too; a read of an older state (an update
 * listener's `prevEditorState`) must pass a measurement of its own.
 */
export function createTextIndexCache(editor: LexicalEditor): TextIndexCache {
  const slot: CacheSlot = { index: null }
  const forget = (): void => {
    slot.index = null
  }
  caches.set(editor, slot)
  const unregister = mergeRegister(
    editor.registerTextContentListener(forget),
    // A top-level block added, removed or replaced writes the root anew, even when the text stays the same.
    editor.registerUpdateListener(({ editorState, prevEditorState }) => {
      if (editorState.read($getRoot) !== prevEditorState.read($getRoot)) forget()
    })
  )
  return {
    // `editor.read` commits queued updates first, so the listeners above have seen every change to the text.
    read: () => editor.read(() => (slot.index ??= $measureText())),
    dispose: () => {
      unregister()
      forget()
      if (caches.get(editor) === slot) caches.delete(editor)
    }
  }
}

/**
 * The cached measurement when reading the editor's state. Inside an update the text may
 * already differ from what the cache's listeners have seen, so updates measure afresh.
 */
function $currentTextIndex(): TextIndex {
  if (!isCurrentlyReadOnlyMode()) return $measureText()
  let slot: CacheSlot | undefined
  try {
    slot = caches.get($getEditor())
  } catch {
    // A read of a bare editor state has no editor, hence no cache.
    return $measureText()
  }
  if (!slot) return $measureText()
  return (slot.index ??= $measureText())
}

/** The leaf block holding `node` (or `node` itself), found by walking up rather than searching every block. */
function $spanHolding(node: LexicalNode, index: TextIndex): BlockSpan | null {
  for (let current: LexicalNode | null = node; current !== null; current = current.getParent()) {
    const span = index.spanOf.get(current.getKey())
    if (span) return span
  }
  return null
}

/** The leaf block holding `node`, measured again once if the index no longer matches the document there. */
function $leafOf(node: LexicalNode, index: TextIndex): { block: ElementNode; span: BlockSpan } | null {
  for (let attempt = 0; attempt < 2; attempt++) {
    const span = $spanHolding(node, index)
    const block = span && $blockOf(span)
    if (span && block) return { block, span }
    if (attempt === 0) $remeasure(index)
  }
  return null
}

function $leafBlockOf(node: LexicalNode, index: TextIndex): { block: ElementNode; start: number } {
  const leaf = $leafOf(node, index)
  if (!leaf) throw new Error('every node with text sits in a leaf block')
  return { block: leaf.block, start: leaf.span.start }
}

/** Text length inside `block` that comes before `node` (or before its first text, for an element). */
function $textBefore(block: ElementNode, node: LexicalNode): number {
  let length = 0
  for (const text of block.getAllTextNodes()) {
    if (text.is(node) || ($isElementNode(node) && node.isParentOf(text))) return length
    length += text.getTextContentSize()
  }
  return length
}

export function $pointToTextOffset(point: PointType, index: TextIndex = $currentTextIndex()): number {
  const node = point.getNode()
  if (point.type === 'text') {
    const leaf = $leafBlockOf(node, index)
    return leaf.start + $textBefore(leaf.block, node) + point.offset
  }
  // An element point sits before its offset-th child: measure up to the first text at or after it.
  const element = node as ElementNode
  const child = element.getChildAtIndex(point.offset)
  const firstText = child ? ($isElementNode(child) ? child.getFirstDescendant() : child) : null
  if (firstText) {
    const leaf = $leafBlockOf(firstText, index)
    return leaf.start + $textBefore(leaf.block, firstText)
  }
  // Past the element's last child: the end of the last block it holds or sits in.
  const last = element.getLastDescendant() ?? element
  const holding = $leafOf(last, index)
  if (holding) return holding.span.end
  const inside = index.spans.findLast(({ key }) => {
    const block = $getNodeByKey(key)
    return block !== null && element.isParentOf(block)
  })
  return inside ? inside.end : 0
}

export function $selectionToTextRange(selection: RangeSelection, index: TextIndex = $currentTextIndex()): TextRange {
  const a = $pointToTextOffset(selection.anchor, index)
  const b = $pointToTextOffset(selection.focus, index)
  return { start: Math.min(a, b), end: Math.max(a, b) }
}

type Affinity = 'start' | 'end'

/** Binary search over the text blocks, in document order with increasing spans: a long article has thousands. */
function findTextSpan(offset: number, affinity: Affinity, spans: readonly BlockSpan[]): BlockSpan | null {
  let low = 0
  let high = spans.length - 1
  let found = -1
  while (low <= high) {
    const middle = (low + high) >> 1
    const candidate = spans[middle]!
    const matches = affinity === 'start' ? candidate.end > offset : candidate.start < offset
    if (affinity === 'start' ? matches : !matches) {
      if (affinity === 'start') found = middle
      high = middle - 1
    } else {
      if (affinity === 'end') found = middle
      low = middle + 1
    }
  }
  return spans[found] ?? null
}

/**
 * The text point at a plain-text offset. A range start that falls at a block's end or in
 * the separator belongs to the next block, and a range end that falls at a block's start
 * or in the separator belongs to the previous one, so a mark never covers empty text.
 */
function $textPointAt(offset: number, affinity: Affinity, index: TextIndex): { node: TextNode; offset: number } | null {
  for (let attempt = 0; attempt < 2; attempt++) {
    const target = findTextSpan(offset, affinity, index.textSpans)
    if (!target) return null
    const block = $blockOf(target)
    if (block) {
      const clamped = Math.min(Math.max(offset, target.start), target.end) - target.start
      return $pointInBlock(block, clamped, affinity)
    }
    if (attempt === 0) $remeasure(index)
  }
  return null
}

function $pointInBlock(block: ElementNode, offset: number, affinity: Affinity): { node: TextNode; offset: number } {
  const texts = block.getAllTextNodes()
  let position = 0
  for (const [index, text] of texts.entries()) {
    const size = text.getTextContentSize()
    const fits = affinity === 'start' ? offset < position + size : offset <= position + size
    if (fits || index === texts.length - 1) return { node: text, offset: Math.min(offset - position, size) }
    position += size
  }
  throw new Error('a block with text has text nodes')
}

/** A forward selection over the plain-text range, or null when it falls outside the text. */
export function $rangeSelectionFor(range: TextRange, index: TextIndex = $currentTextIndex()): RangeSelection | null {
  const start = $textPointAt(range.start, 'start', index)
  const end = $textPointAt(range.end, 'end', index)
  if (!start || !end) return null
  const selection = $createRangeSelection()
  selection.anchor.set(start.node.getKey(), start.offset, 'text')
  selection.focus.set(end.node.getKey(), end.offset, 'text')
  return selection
}
