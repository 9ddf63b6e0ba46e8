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
import { useLayoutEffect, useRef } from 'react'
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

/**
 * The first screen goes in before the pane is drawn: blocks until this many characters (a
 * tall screen of text at the reading size holds about 3,000) or FIRST_SCREEN_MAX_BLOCKS,
 * whichever comes first, so an article of long paragraphs does not put 80 of them (80 kB of
 * text to lay out) between the click and its first line.
 */
export const FIRST_SCREEN_CHARACTERS = 8_000
/** Enough short blocks (headings, list items) to fill any screen. */
export const FIRST_SCREEN_MAX_BLOCKS = 80

/** The end of the first screen of `blocks`: at least one block. */
export function firstScreenEnd(blocks: readonly ArticleBlock[]): number {
  let characters = 0
  let end = 0
  while (end < blocks.length && end < FIRST_SCREEN_MAX_BLOCKS && characters < FIRST_SCREEN_CHARACTERS) {
    characters += blocks[end]!.text.length
    end++
  }
  return Math.max(end, Math.min(1, blocks.length))
}

/**
 * Blocks per later step: each step is one Lexical update, which reconciles the root's whole
 * list of children, so steps must not be tiny; each must also fit in the idle time between
 * frames, so the reader can scroll and select meanwhile. The size adapts between these
 * bounds to the time the last step took. The floor is high on purpose: after each step the
 * notes measure the text anew to draw those whose passage has arrived, so on a loaded
 * machine 25-block steps made opening an article with 1,000 notes 1.6× slower.
 */
const MIN_BLOCKS_PER_STEP = 100
const MAX_BLOCKS_PER_STEP = 400
const FIRST_BLOCKS_PER_STEP = 200
/** Idle time a step aims to use; an idle period lasts at most 50 ms. */
const STEP_BUDGET_MS = 30
/** A busy page still gets the rest of the article: a step runs at the latest this long after the last. */
const STEP_TIMEOUT_MS = 200

/** The next step's size from how long the last one took for its blocks. */
export function nextStepSize(blocks: number, tookMs: number): number {
  const scaled = tookMs > 0 ? Math.round((blocks * STEP_BUDGET_MS) / tookMs) : MAX_BLOCKS_PER_STEP
  // At most double at once, so one fast step on short blocks does not make the next one huge.
  return Math.min(MAX_BLOCKS_PER_STEP, Math.max(MIN_BLOCKS_PER_STEP, Math.min(scaled, blocks * 2)))
}

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
 * True when `body` begins with the very block objects of `shown` that are in the editor (its
 * first `count`): the whole text of an article whose start is shown (app/articleParts.ts).
 */
export function continuesShown(body: ArticleBody, shown: ArticleBody, count: number): boolean {
  if (body.articleId !== shown.articleId || body.blocks.length < count) return false
  for (let index = 0; index < count; index++) if (body.blocks[index] !== shown.blocks[index]) return false
  return true
}

/**
 * A long article opens at once: the first screen of blocks goes in before the pane is
 * drawn, the rest follows in steps run when the page is idle (after the first screen is
 * painted), so the reader can start reading and highlighting while a 3 MB article is still
 * being laid out below. Notes are drawn as their text arrives (NoteMarksPlugin listens for
 * ARTICLE_LOAD_TAG). While `complete` is false, `body` is the article's start: its blocks go
 * in, the pane stays marked as loading, and the whole body that follows (the same blocks,
 * then the rest) carries on from where the start had got to instead of starting again.
 */
export function ArticleContentPlugin({ body, complete }: { body: ArticleBody; complete: boolean }): null {
  const [editor] = useLexicalComposerContext()
  const shown = useRef<{ body: ArticleBody; next: number } | null>(null)
  useLayoutEffect(() => {
    let cancelled = false
    let idle: number | null = null
    const root = editor.getRootElement()
    const previous = shown.current
    const progress = { body, next: 0 }
    shown.current = progress
    let stepSize = FIRST_BLOCKS_PER_STEP
    if (previous && continuesShown(body, previous.body, previous.next)) progress.next = previous.next
    else {
      editor.update(
        () => {
          $getRoot().clear()
          progress.next = $appendBlocks(body.blocks, 0, firstScreenEnd(body.blocks))
        },
        { discrete: true, tag: ARTICLE_LOAD_TAG }
      )
    }
    const step = (): void => {
      idle = null
      if (cancelled) return
      if (progress.next >= body.blocks.length) {
        if (complete) editor.getRootElement()?.removeAttribute(LOADING_ATTRIBUTE)
        return
      }
      const from = progress.next
      const startedAt = performance.now()
      editor.update(
        () => {
          progress.next = $appendBlocks(body.blocks, from, from + stepSize)
        },
        { discrete: true, tag: ARTICLE_LOAD_TAG }
      )
      stepSize = nextStepSize(progress.next - from, performance.now() - startedAt)
      whenIdle()
    }
    const whenIdle = (): void => {
      if (!cancelled) idle = requestIdleCallback(step, { timeout: STEP_TIMEOUT_MS })
    }
    if (progress.next < body.blocks.length) {
      root?.setAttribute(LOADING_ATTRIBUTE, 'true')
      whenIdle()
    } else if (complete) root?.removeAttribute(LOADING_ATTRIBUTE)
    else root?.setAttribute(LOADING_ATTRIBUTE, 'true')
    return () => {
      cancelled = true
      if (idle !== null) cancelIdleCallback(idle)
    }
  }, [editor, body, complete])
  return null
}
