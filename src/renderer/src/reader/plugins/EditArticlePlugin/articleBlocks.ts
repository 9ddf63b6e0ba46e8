/**
 * Reads the edited article back out of the editor as stored blocks, the inverse of
 * ArticleContentPlugin: paragraphs, asides, quotes, headings and nested list items, with
 * formatted runs and links. Highlight marks are transparent here; notes are anchored to
 * the text, not to the editor's nodes.
 */
import { $isLinkNode } from '@lexical/link'
import { $isListItemNode, $isListNode, type ListNode } from '@lexical/list'
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text'
import { $getRoot, $isElementNode, $isLineBreakNode, $isTextNode, type ElementNode, type LexicalNode } from 'lexical'
import type { ArticleBlock, InlineMark, InlineRun } from '../../../../../shared/domain/article'
import { $isAsideNode } from '../../nodes/AsideNode'

const MARKS: InlineMark[] = ['bold', 'italic', 'underline', 'strikethrough', 'code', 'superscript', 'subscript']

/** Only links the import would have kept may be stored: anything else stays as plain text. */
function keptHref(url: string): string | undefined {
  return /^(https?:\/\/|mailto:)\S+$/i.test(url) ? url : undefined
}

function $runsOf(element: ElementNode, href: string | undefined, runs: InlineRun[]): void {
  for (const child of element.getChildren()) {
    if ($isTextNode(child)) {
      const marks = MARKS.filter((mark) => child.hasFormat(mark))
      runs.push({
        text: child.getTextContent(),
        ...(marks.length > 0 ? { marks } : {}),
        ...(href ? { href } : {})
      })
    } else if ($isLineBreakNode(child)) {
      runs.push({ text: '\n' })
    } else if ($isLinkNode(child)) {
      $runsOf(child, keptHref(child.getURL()), runs)
    } else if ($isElementNode(child)) {
      // Highlight marks and any other inline wrapper: their text belongs to the block.
      $runsOf(child, href, runs)
    }
  }
}

/** Adjacent runs with the same formatting become one, so storage stays as compact as an import's. */
function mergedRuns(runs: readonly InlineRun[]): InlineRun[] {
  const merged: InlineRun[] = []
  for (const run of runs) {
    if (run.text === '') continue
    const last = merged[merged.length - 1]
    if (last && last.href === run.href && (last.marks ?? []).join() === (run.marks ?? []).join()) {
      merged[merged.length - 1] = { ...last, text: last.text + run.text }
    } else merged.push(run)
  }
  return merged
}

/** White space left at a block's edges by deleting a sentence is dropped, as an import drops it. */
function trimmedEdges(runs: InlineRun[]): InlineRun[] {
  const trimmed = [...runs]
  while (trimmed.length > 0 && trimmed[0]!.text.trimStart() === '') trimmed.shift()
  while (trimmed.length > 0 && trimmed[trimmed.length - 1]!.text.trimEnd() === '') trimmed.pop()
  if (trimmed.length === 0) return trimmed
  trimmed[0] = { ...trimmed[0]!, text: trimmed[0]!.text.trimStart() }
  const last = trimmed.length - 1
  trimmed[last] = { ...trimmed[last]!, text: trimmed[last]!.text.trimEnd() }
  return trimmed
}

function blockWithRuns<B extends Omit<ArticleBlock, 'text' | 'runs'>>(shape: B, element: ElementNode): ArticleBlock {
  const raw: InlineRun[] = []
  $runsOf(element, undefined, raw)
  const runs = trimmedEdges(mergedRuns(raw))
  const text = runs.map((run) => run.text).join('')
  const plain = runs.every((run) => !run.marks && !run.href)
  return { ...shape, text, ...(plain ? {} : { runs }) } as ArticleBlock
}

function $listBlocks(list: ListNode, depth: number, blocks: ArticleBlock[]): void {
  const listType = list.getListType() === 'number' ? 'number' : 'bullet'
  for (const item of list.getChildren()) {
    if (!$isListItemNode(item)) continue
    const nested = item.getChildren().filter($isListNode)
    if (nested.length > 0) {
      for (const child of nested) $listBlocks(child, depth + 1, blocks)
      continue
    }
    blocks.push(blockWithRuns({ type: 'listitem', listType, depth }, item))
  }
}

function $blockOf(node: LexicalNode, blocks: ArticleBlock[]): void {
  if ($isListNode(node)) return $listBlocks(node, 0, blocks)
  if (!$isElementNode(node)) return
  if ($isHeadingNode(node)) {
    const level = Number(node.getTag().slice(1)) as 1 | 2 | 3 | 4 | 5 | 6
    blocks.push(blockWithRuns({ type: 'heading', level }, node))
  } else if ($isQuoteNode(node)) blocks.push(blockWithRuns({ type: 'quote' }, node))
  else if ($isAsideNode(node)) blocks.push(blockWithRuns({ type: 'aside' }, node))
  else blocks.push(blockWithRuns({ type: 'paragraph' }, node))
}

/**
 * The editor's content as article blocks. Blocks left empty (an Enter pressed twice)
 * are dropped, as an import drops blank lines; the stored text is then what the
 * reading pane shows once editing ends.
 */
export function $articleBlocks(): ArticleBlock[] {
  const blocks: ArticleBlock[] = []
  for (const child of $getRoot().getChildren()) $blockOf(child, blocks)
  return blocks.filter((block) => block.text !== '')
}
