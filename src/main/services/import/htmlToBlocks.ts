/**
 * Walks sanitized HTML into article blocks. It is the only reader of HTML in the import
 * pipeline, so web pages, pasted fragments and Word files all get the same structure
 * rules: headings, paragraphs, quotes and nested lists become blocks, and emphasis and
 * links become runs. It must only ever be given the output of sanitizeHtml().
 */
import type { ArticleBlock, InlineMark } from '../../../shared/domain/article'
import { headingLevelOf, TOP_LEVEL, toBlock, type BlockContext } from './blockContext'
import { InlineCollector, PLAIN_STYLE, withHref, withMark, type RunStyle } from './inlineRuns'
import { safeHref } from './safeHref'
import { STRUCTURAL_ELEMENTS } from './htmlVocabulary'

const TEXT_NODE = 3
const ELEMENT_NODE = 1

/** Elements that start and end a block; anything else is inline and flows into the current one. */
const BLOCK_ELEMENTS = new Set<string>([...STRUCTURAL_ELEMENTS, 'body'])

const MARK_OF_ELEMENT: Readonly<Record<string, InlineMark>> = {
  strong: 'bold',
  b: 'bold',
  em: 'italic',
  i: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  code: 'code',
  kbd: 'code',
  samp: 'code',
  tt: 'code',
  sup: 'superscript',
  sub: 'subscript'
}

/** Between table cells, which have no block of their own. */
const CELL_SEPARATOR = ' | '

interface WalkState {
  context: BlockContext
  style: RunStyle
  preformatted: boolean
}

export function htmlToBlocks(root: Element): ArticleBlock[] {
  const walker = new BlockWalker()
  walker.walkBlock(root, { context: TOP_LEVEL, style: PLAIN_STYLE, preformatted: false })
  return walker.blocks
}

class BlockWalker {
  readonly blocks: ArticleBlock[] = []
  private readonly collector = new InlineCollector()

  walkBlock(element: Element, state: WalkState): void {
    this.flush(state.context)
    const inner = blockState(element, state)
    this.walkChildren(element, inner)
    this.flush(inner.context)
  }

  private walkChildren(parent: Element, state: WalkState): void {
    for (const child of Array.from(parent.childNodes)) {
      if (child.nodeType === TEXT_NODE) this.addText(child.nodeValue ?? '', state)
      else if (child.nodeType === ELEMENT_NODE) this.walkElement(child as Element, state)
    }
  }

  private walkElement(element: Element, state: WalkState): void {
    const tag = element.localName
    if (tag === 'br') return state.preformatted ? this.collector.breakBlock() : this.collector.lineBreak()
    if (BLOCK_ELEMENTS.has(tag)) return this.walkBlock(element, state)
    if ((tag === 'td' || tag === 'th') && this.collector.hasText()) {
      this.collector.addCollapsed(CELL_SEPARATOR, PLAIN_STYLE)
    }
    this.walkChildren(element, { ...state, style: inlineStyle(element, state.style) })
  }

  /** In <pre> each line is its own block, since blocks hold no line breaks. */
  private addText(text: string, state: WalkState): void {
    if (!state.preformatted) return this.collector.addCollapsed(text, state.style)
    text.split('\n').forEach((line, index) => {
      if (index > 0) this.collector.breakBlock()
      this.collector.addVerbatim(line, state.style)
    })
  }

  private flush(context: BlockContext): void {
    for (const content of this.collector.take()) this.blocks.push(toBlock(content, context))
  }
}

function blockState(element: Element, state: WalkState): WalkState {
  const tag = element.localName
  const { context } = state
  const level = headingLevelOf(tag)
  if (level) return { ...state, context: { ...context, headingLevel: level } }
  switch (tag) {
    case 'ul':
    case 'menu':
      return { ...state, context: { ...context, lists: [...context.lists, 'bullet'] } }
    case 'ol':
      return { ...state, context: { ...context, lists: [...context.lists, 'number'] } }
    case 'li':
      // A stray <li> outside any list still reads as a bullet.
      return context.lists.length > 0 ? state : { ...state, context: { ...context, lists: ['bullet'] } }
    case 'blockquote':
      return { ...state, context: { ...context, quoted: true } }
    case 'aside':
      return { ...state, context: { ...context, aside: true } }
    case 'pre':
      return { ...state, preformatted: true }
    default:
      return state
  }
}

function inlineStyle(element: Element, style: RunStyle): RunStyle {
  const tag = element.localName
  const mark = MARK_OF_ELEMENT[tag]
  if (mark) return withMark(style, mark)
  if (tag === 'a') return withHref(style, safeHref(element.getAttribute('href')) ?? style.href ?? null)
  return style
}
