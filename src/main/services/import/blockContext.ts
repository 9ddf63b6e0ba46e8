/**
 * Where a piece of text sits in the document's structure, and the block it therefore
 * becomes. Markdown and HTML both nest lists in quotes and headings in lists; one rule
 * for both keeps a quoted list in a .md file and the same list in a web page identical.
 */
import type { ArticleBlock } from '../../../shared/domain/article'
import type { BlockContent } from './inlineRuns'

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6
export type ListType = 'bullet' | 'number'

export interface BlockContext {
  /** Enclosing lists, outermost first; their count sets a list item's depth. */
  lists: readonly ListType[]
  quoted: boolean
  aside: boolean
  headingLevel: HeadingLevel | null
}

export const TOP_LEVEL: BlockContext = { lists: [], quoted: false, aside: false, headingLevel: null }

/**
 * Lists win over quotes (a quoted list still reads as a list), quotes over headings (a
 * heading inside a quotation is part of the quotation), and headings over asides.
 */
export function toBlock(content: BlockContent, context: BlockContext): ArticleBlock {
  const listType = context.lists.at(-1)
  if (listType) return { type: 'listitem', listType, depth: context.lists.length - 1, ...content }
  if (context.quoted) return { type: 'quote', ...content }
  if (context.headingLevel) return { type: 'heading', level: context.headingLevel, ...content }
  return { type: context.aside ? 'aside' : 'paragraph', ...content }
}

export function headingLevelOf(tagName: string): HeadingLevel | null {
  const match = /^h([1-6])$/i.exec(tagName)
  return match ? (Number(match[1]) as HeadingLevel) : null
}
