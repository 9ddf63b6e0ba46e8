/**
 * A title for a document that does not state one in its metadata, taken from its own
 * structure: the way a reader would name it at a glance.
 */
import type { ArticleBlock } from '../../../shared/domain/article'
import { titleFromText } from '../../../shared/import/readingParagraphs'

/**
 * The first level-1 heading, else the first heading, else the opening sentence of the
 * first block (a block boundary ends a sentence even when no full stop does).
 */
export function titleFromBlocks(blocks: readonly ArticleBlock[]): string {
  const headings = blocks.filter((block) => block.type === 'heading')
  const chosen = headings.find((heading) => heading.level === 1) ?? headings[0]
  return chosen?.text ?? titleFromText(blocks[0]?.text ?? '')
}
