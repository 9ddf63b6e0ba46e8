/**
 * Puts an article's stored blocks into the editor whenever another article is opened:
 * headings, paragraphs, quotes, asides, nested lists, and formatted runs with links.
 * The editor holds the text only; notes are drawn on top by NoteMarksPlugin.
 */
import { $createLinkNode } from '@lexical/link'
import { $createListItemNode, $createListNode, type ListNode } from '@lexical/list'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text'
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  type ElementNode,
  type LexicalNode,
  type TextFormatType
} from 'lexical'
import { useLayoutEffect } from 'react'
import type { ArticleBlock, ArticleBody, InlineMark } from '../../../../../shared/domain/article'
import { $createAsideNode } from '../../nodes/AsideNode'

export const ARTICLE_LOAD_TAG = 'dossier-article-load'

const FORMAT_OF_MARK: Record<InlineMark, TextFormatType> = {
  bold: 'bold',
  italic: 'italic',
  underline: 'underline',
  strikethrough: 'strikethrough',
  code: 'code',
  superscript: 'superscript',
  subscript: 'subscript'
}

function $inlineNodes(block: ArticleBlock): LexicalNode[] {
  const runs = block.runs ?? [{ text: block.text }]
  return runs
    .filter((run) => run.text.length > 0)
    .map((run) => {
      const text = $createTextNode(run.text)
      for (const mark of run.marks ?? []) text.toggleFormat(FORMAT_OF_MARK[mark])
      if (!run.href) return text
      return $createLinkNode(run.href, { rel: 'noopener noreferrer', target: '_blank' }).append(text)
    })
}

function $blockElement(block: ArticleBlock): ElementNode {
  switch (block.type) {
    case 'heading':
      return $createHeadingNode(`h${block.level}`)
    case 'quote':
      return $createQuoteNode()
    case 'aside':
      return $createAsideNode()
    default:
      return $createParagraphNode()
  }
}

/**
 * Consecutive list items become one list, nested by depth, as Lexical models lists: a
 * nested list lives in an item of its own in the parent list. `openLists[d]` is the list
 * currently receiving items at depth d.
 */
function $appendListItem(
  root: ElementNode,
  openLists: ListNode[],
  block: Extract<ArticleBlock, { type: 'listitem' }>
): void {
  const listType = block.listType === 'number' ? 'number' : 'bullet'
  openLists.length = Math.min(openLists.length, block.depth + 1)
  if (openLists.length === block.depth + 1 && openLists[block.depth]!.getListType() !== listType) openLists.pop()
  while (openLists.length < block.depth + 1) {
    const list = $createListNode(listType)
    const parent = openLists[openLists.length - 1]
    if (parent) parent.append($createListItemNode().append(list))
    else root.append(list)
    openLists.push(list)
  }
  openLists[block.depth]!.append($createListItemNode().append(...$inlineNodes(block)))
}

/** Blocks put in the editor before the pane is shown: enough to fill any screen. */
const FIRST_SCREEN_BLOCKS = 80
/** Blocks added per later step, small enough that scrolling and selecting stay smooth meanwhile. */
const BLOCKS_PER_STEP = 200

/**
 * Appends blocks[from, to) and returns where it stopped. A step never ends inside a list,
 * so each step starts with no list open.
 */
export function $appendBlocks(blocks: readonly ArticleBlock[], from: number, to: number): number {
  const root = $getRoot()
  const openLists: ListNode[] = []
  let index = from
  for (; index < blocks.length && (index < to || blocks[index]!.type === 'listitem'); index++) {
    const block = blocks[index]!
    if (block.type === 'listitem') {
      $appendListItem(root, openLists, block)
      continue
    }
    openLists.length = 0
    root.append($blockElement(block).append(...$inlineNodes(block)))
  }
  return index
}

/** Set on the editor's root while an article is still being added, for tests and benchmarks. */
export const LOADING_ATTRIBUTE = 'data-article-loading'

/**
 * A long article opens at once: the first screen of blocks goes in before the pane is
 * drawn, the rest follows in steps between frames, so the reader can start reading and
 * highlighting while a 3 MB article is still being laid out below.
 */
export function ArticleContentPlugin({ body }: { body: ArticleBody }): null {
  const [editor] = useLexicalComposerContext()
  useLayoutEffect(() => {
    let cancelled = false
    let timer: ReturnType<typeof setTimeout> | undefined
    let frame = 0
    const root = editor.getRootElement()
    let next = 0
    editor.update(
      () => {
        $getRoot().clear()
        next = $appendBlocks(body.blocks, 0, FIRST_SCREEN_BLOCKS)
      },
      { discrete: true, tag: ARTICLE_LOAD_TAG }
    )
    const step = (): void => {
      if (cancelled) return
      if (next >= body.blocks.length) {
        editor.getRootElement()?.removeAttribute(LOADING_ATTRIBUTE)
        return
      }
      editor.update(
        () => {
          next = $appendBlocks(body.blocks, next, next + BLOCKS_PER_STEP)
        },
        { tag: ARTICLE_LOAD_TAG, onUpdate: afterNextPaint }
      )
    }
    // Each step waits for a frame to be drawn, so the page stays responsive while the article grows.
    const afterNextPaint = (): void => {
      frame = requestAnimationFrame(() => (timer = setTimeout(step, 0)))
    }
    root?.setAttribute(LOADING_ATTRIBUTE, 'true')
    afterNextPaint()
    return () => {
      cancelled = true
      clearTimeout(timer)
      cancelAnimationFrame(frame)
    }
  }, [editor, body])
  return null
}
