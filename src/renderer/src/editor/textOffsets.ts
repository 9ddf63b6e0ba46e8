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

export interface LeafBlock {
  block: ElementNode
  start: number
  end: number
}

/**
 * The blocks that hold text, in document order, with their plain-text spans: paragraphs,
 * headings, quotes and list items, but not the lists that contain items. They correspond
 * one to one with the stored article blocks.
 */
export function $leafBlocks(): LeafBlock[] {
  const leaves: LeafBlock[] = []
  let position = 0
  const visit = (element: ElementNode): void => {
    const children = element.getChildren()
    const blockChildren = children.filter((child): child is ElementNode => $isElementNode(child) && !child.isInline())
    if (blockChildren.length > 0) {
      for (const child of blockChildren) visit(child)
      return
    }
    const end = position + element.getTextContentSize()
    leaves.push({ block: element, start: position, end })
    position = end + SEPARATOR_LENGTH
  }
  for (const child of $getRoot().getChildren()) if ($isElementNode(child)) visit(child)
  return leaves
}

/** Leaf blocks that hold text: measure once, then place many ranges with `$rangeSelectionFor`. */
export function $textLeaves(): LeafBlock[] {
  return $leafBlocks().filter(({ block }) => block.getAllTextNodes().length > 0)
}

function $leafBlockOf(node: LexicalNode, leaves: readonly LeafBlock[]): LeafBlock {
  const leaf = leaves.find(({ block }) => block.is(node) || block.isParentOf(node))
  if (!leaf) throw new Error('every node with text sits in a leaf block')
  return leaf
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
  const leaves = $leafBlocks()
  if (point.type === 'text') {
    const leaf = $leafBlockOf(node, leaves)
    return leaf.start + $textBefore(leaf.block, node) + point.offset
  }
  // An element point sits before its offset-th child: measure up to the first text at or after it.
  const element = node as ElementNode
  const child = element.getChildAtIndex(point.offset)
  const firstText = child ? ($isElementNode(child) ? child.getFirstDescendant() : child) : null
  if (firstText) {
    const leaf = $leafBlockOf(firstText, leaves)
    return leaf.start + $textBefore(leaf.block, firstText)
  }
  const last = element.getLastDescendant() ?? element
  const leaf = leaves.findLast(({ block }) => block.is(last) || block.isParentOf(last) || element.isParentOf(block))
  return leaf ? leaf.end : 0
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
function $textPointAt(
  offset: number,
  affinity: Affinity,
  leaves: readonly LeafBlock[]
): { node: TextNode; offset: number } | null {
  // Leaves are in document order with increasing spans: binary search, as a long article has thousands.
  let low = 0
  let high = leaves.length - 1
  let found = -1
  while (low <= high) {
    const middle = (low + high) >> 1
    const candidate = leaves[middle]!
    const matches = affinity === 'start' ? candidate.end > offset : candidate.start < offset
    if (affinity === 'start' ? matches : !matches) {
      if (affinity === 'start') found = middle
      high = middle - 1
    } else {
      if (affinity === 'end') found = middle
      low = middle + 1
    }
  }
  const target = leaves[found]
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
export function $rangeSelectionFor(
  range: TextRange,
  leaves: readonly LeafBlock[] = $textLeaves()
): RangeSelection | null {
  const start = $textPointAt(range.start, 'start', leaves)
  const end = $textPointAt(range.end, 'end', leaves)
  if (!start || !end) return null
  const selection = $createRangeSelection()
  selection.anchor.set(start.node.getKey(), start.offset, 'text')
  selection.focus.set(end.node.getKey(), end.offset, 'text')
  return selection
}
