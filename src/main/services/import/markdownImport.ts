/**
 * Markdown files, read through markdown-it's token stream rather than rendered HTML so
 * that no markup is ever produced: raw HTML is off, so `<script>` in a .md file stays
 * the visible text it is. Typographic replacements are off too: words are never altered.
 */
import MarkdownIt, { type Token } from 'markdown-it'
import type { ArticleBlock, InlineMark } from '../../../shared/domain/article'
import { headingLevelOf, TOP_LEVEL, toBlock, type BlockContext } from './blockContext'
import { normaliseDate } from './dates'
import { splitFrontMatter, type FrontMatter } from './frontMatter'
import type { ArticleParts } from './importedArticle'
import { RejectedInput } from './importError'
import { InlineCollector, PLAIN_STYLE, withHref, withMark, type RunStyle } from './inlineRuns'
import { detectLanguage, normaliseLanguage } from './language'
import { safeHref, safeWebUrl } from './safeHref'
import { titleFromBlocks } from './titles'

const markdown = new MarkdownIt('default', { html: false, linkify: false, typographer: false })
// markdown-it leaves a link with a refused URL as raw `[text](javascript:…)` source text;
// accepting every link here lets safeHref() drop the URL and keep just the link's words.
markdown.validateLink = () => true

/** Between table cells, which have no block of their own. */
const CELL_SEPARATOR = ' | '

export function importMarkdown(source: string): ArticleParts {
  const { frontMatter, body } = splitFrontMatter(source)
  const blocks = markdownToBlocks(body)
  if (blocks.length === 0) throw new RejectedInput('the file has no readable text', 'import.noReadableText')
  return {
    blocks,
    title: frontMatter?.title || titleFromBlocks(blocks),
    outlet: frontMatter?.outlet ?? null,
    author: frontMatter?.author ?? null,
    publishedAt: normaliseDate(frontMatter?.date),
    sourceUrl: safeWebUrl(frontMatter?.url),
    language: languageOf(frontMatter, blocks)
  }
}

function languageOf(frontMatter: FrontMatter | null, blocks: readonly ArticleBlock[]): string | null {
  return normaliseLanguage(frontMatter?.language) ?? detectLanguage(blocks)
}

export function markdownToBlocks(source: string): ArticleBlock[] {
  const builder = new MarkdownBlockBuilder()
  for (const token of markdown.parse(source, {})) builder.accept(token)
  return builder.blocks
}

class MarkdownBlockBuilder {
  readonly blocks: ArticleBlock[] = []
  private context: BlockContext = TOP_LEVEL
  private readonly lists: Array<'bullet' | 'number'> = []
  private quoteDepth = 0
  private readonly collector = new InlineCollector()

  accept(token: Token): void {
    switch (token.type) {
      case 'heading_open':
        this.context = { ...this.context, headingLevel: headingLevelOf(token.tag) }
        return
      case 'heading_close':
        this.flush()
        this.context = { ...this.context, headingLevel: null }
        return
      case 'blockquote_open':
      case 'blockquote_close':
        this.quoteDepth += token.nesting
        return this.updateContext()
      case 'bullet_list_open':
      case 'ordered_list_open':
        this.lists.push(token.type === 'bullet_list_open' ? 'bullet' : 'number')
        return this.updateContext()
      case 'bullet_list_close':
      case 'ordered_list_close':
        this.lists.pop()
        return this.updateContext()
      case 'th_open':
      case 'td_open':
        if (this.collector.hasText()) this.collector.addCollapsed(CELL_SEPARATOR, PLAIN_STYLE)
        return
      case 'inline':
        return collectInline(token.children ?? [], this.collector)
      case 'fence':
      case 'code_block':
        return this.addCodeBlock(token.content)
      case 'paragraph_close':
      case 'tr_close':
        return this.flush()
    }
  }

  private updateContext(): void {
    this.context = { ...this.context, lists: [...this.lists], quoted: this.quoteDepth > 0 }
  }

  /** One block per line: blocks hold no line breaks, and each line stays readable. */
  private addCodeBlock(content: string): void {
    const codeStyle = withMark(PLAIN_STYLE, 'code')
    for (const line of content.split('\n')) {
      this.collector.addVerbatim(line.trimEnd(), codeStyle)
      this.collector.breakBlock()
    }
    this.flush()
  }

  private flush(): void {
    for (const content of this.collector.take()) this.blocks.push(toBlock(content, this.context))
  }
}

const MARK_OF_TOKEN: Readonly<Record<string, InlineMark>> = {
  em_open: 'italic',
  strong_open: 'bold',
  s_open: 'strikethrough'
}

function collectInline(children: readonly Token[], collector: InlineCollector): void {
  const styles: RunStyle[] = [PLAIN_STYLE]
  const style = (): RunStyle => styles.at(-1) ?? PLAIN_STYLE
  for (const token of children) {
    const mark = MARK_OF_TOKEN[token.type]
    if (mark) styles.push(withMark(style(), mark))
    else if (token.type === 'link_open') styles.push(withHref(style(), safeHref(linkTarget(token))))
    else if (token.nesting === -1) styles.pop()
    else if (token.type === 'code_inline') collector.addVerbatim(token.content, withMark(style(), 'code'))
    else if (token.type === 'softbreak' || token.type === 'hardbreak') collector.addCollapsed(' ', style())
    // Images are not imported yet; their alt text describes a picture the reader cannot see.
    else if (token.type !== 'image') collector.addCollapsed(token.content, style())
  }
}

function linkTarget(token: Token): string | null {
  const href = token.attrGet('href')
  return typeof href === 'string' ? href : null
}
