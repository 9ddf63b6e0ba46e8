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

export function $fillEditorWithArticle(body: ArticleBody): void {
  const root = $getRoot()
  root.clear()
  const listStack: ListNode[] = []
  for (const block of body.blocks) {
    if (block.type === 'listitem') {
      $appendListItem(root, listStack, block)
      continue
    }
    listStack.length = 0
    root.append($blockElement(block).append(...$inlineNodes(block)))
  }
}

export function ArticleContentPlugin({ body }: { body: ArticleBody }): null {
  const [editor] = useLexicalComposerContext()
  useLayoutEffect(() => {
    editor.update(() => $fillEditorWithArticle(body), { discrete: true, tag: ARTICLE_LOAD_TAG })
  }, [editor, body])
  return null
}
