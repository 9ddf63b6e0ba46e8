/**
 * Maps between Lexical selections and offsets in the article's plain text, the
 * coordinate system of every stored anchor. Blocks count as their text joined by
 * BLOCK_SEPARATOR, exactly as `articlePlainText` joins stored blocks.
 */
import {
  $createRangeSelection,
  $getRoot,
  $isElementNode,
  type ElementNode,
  type LexicalNode,
  type PointType,
  type RangeSelection,
  type TextNode
} from 'lexical'
import { BLOCK_SEPARATOR } from '../../../shared/domain/article'
import type { TextRange } from '../../../shared/anchoring/selectors'

const SEPARATOR_LENGTH = BLOCK_SEPARATOR.length

function $blockStartOffset(block: LexicalNode): number {
  let offset = 0
  let sibling = block.getPreviousSibling()
  while (sibling) {
    offset += sibling.getTextContentSize() + SEPARATOR_LENGTH
    sibling = sibling.getPreviousSibling()
  }
  return offset
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

export function $pointToTextOffset(point: PointType): number {
  const node = point.getNode()
  const root = $getRoot()
  if (node.is(root)) {
    return root
      .getChildren()
      .slice(0, point.offset)
      .reduce((sum, child) => sum + child.getTextContentSize() + SEPARATOR_LENGTH, 0)
  }
  const block = node.getTopLevelElementOrThrow()
  const start = $blockStartOffset(block)
  if (point.type === 'text') return start + $textBefore(block, node) + point.offset
  const element = node as ElementNode
  const within = element.is(block) ? 0 : $textBefore(block, element)
  const childText = element
    .getChildren()
    .slice(0, point.offset)
    .reduce((sum, child) => sum + child.getTextContentSize(), 0)
  return start + within + childText
}

export function $selectionToTextRange(selection: RangeSelection): TextRange {
  const a = $pointToTextOffset(selection.anchor)
  const b = $pointToTextOffset(selection.focus)
  return { start: Math.min(a, b), end: Math.max(a, b) }
}

type Affinity = 'start' | 'end'

/**
 * The text point at a plain-text offset. A range start that falls at a block's end or in
 * the separator belongs to the next block, and a range end that falls at a block's start
 * or in the separator belongs to the previous one, so a mark never covers empty text.
 */
function $textPointAt(offset: number, affinity: Affinity): { node: TextNode; offset: number } | null {
  const blocks: { block: ElementNode; start: number; end: number }[] = []
  let position = 0
  for (const block of $getRoot().getChildren()) {
    const end = position + block.getTextContentSize()
    if ($isElementNode(block) && block.getAllTextNodes().length > 0) blocks.push({ block, start: position, end })
    position = end + SEPARATOR_LENGTH
  }
  const target =
    affinity === 'start'
      ? blocks.find((candidate) => candidate.end > offset)
      : blocks.findLast((candidate) => candidate.start < offset)
  if (!target) return null
  const clamped = Math.min(Math.max(offset, target.start), target.end) - target.start
  return $pointInBlock(target.block, clamped, affinity)
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
export function $rangeSelectionFor(range: TextRange): RangeSelection | null {
  const start = $textPointAt(range.start, 'start')
  const end = $textPointAt(range.end, 'end')
  if (!start || !end) return null
  const selection = $createRangeSelection()
  selection.anchor.set(start.node.getKey(), start.offset, 'text')
  selection.focus.set(end.node.getKey(), end.offset, 'text')
  return selection
}
