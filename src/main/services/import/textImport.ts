/**
 * Plain text files: the shared reading-paragraph rules (also used for the sample
 * article) make the blocks, and a headline on the first line becomes the title.
 */
import type { ArticleBlock } from '../../../shared/domain/article'
import { plainTextToBlocks } from '../../../shared/import/readingParagraphs'
import { NO_METADATA, type ArticleParts } from './importedArticle'
import { RejectedInput } from './importError'
import { detectLanguage } from './language'
import { isMarker, titleFromFirstSentence } from './titles'

/** Longer first lines are the start of the text, not a headline. */
const MAX_HEADLINE_CHARS = 120

/**
 * Long runs of spaces are layout (column alignment, PDF-to-text justification) that a
 * proportional reading font cannot show anyway, and the paragraph rules' regular
 * expressions take quadratic time on them: a 25 MB run of spaces would hang the import.
 */
const LAYOUT_SPACE = /[^\S\n]{8,}/g

export function importPlainText(source: string): ArticleParts {
  const text = source.replace(LAYOUT_SPACE, ' ')
  const headline = findHeadline(text)
  const blocks: ArticleBlock[] = headline
    ? [{ type: 'heading', level: 1, text: headline.text }, ...plainTextToBlocks(headline.rest)]
    : plainTextToBlocks(text)
  if (blocks.length === 0) throw new RejectedInput('the file is empty', 'import.empty')
  // No headline: the first sentence of the first block that is not a marker (« §1 » names nothing).
  const opening = blocks.find((block) => !isMarker(block.text))?.text ?? ''
  const title = headline?.text ?? titleFromFirstSentence(opening)
  return { ...NO_METADATA, blocks, title, language: detectLanguage(blocks) }
}

/**
 * A headline is a short first line, set apart by a blank line, that does not end like a
 * sentence. It is kept as a heading block as well as used as the title, so no text is lost.
 */
function findHeadline(text: string): { text: string; rest: string } | null {
  const match = /^\s*([^\n]+)\n[ \t\u00a0]*\n([\s\S]*)$/.exec(text)
  if (!match) return null
  const [, line = '', rest = ''] = match
  const candidate = line.trim()
  const looksLikeHeadline =
    candidate.length <= MAX_HEADLINE_CHARS &&
    !/[.,;:]$/.test(candidate) &&
    /\S/.test(rest) &&
    !isTeaser(candidate) &&
    !isMarker(candidate)
  return looksLikeHeadline ? { text: candidate, rest } : null
}

/** "→ Lire aussi : …" is a link to another article, never this one's headline. */
function isTeaser(line: string): boolean {
  return plainTextToBlocks(line)[0]?.type === 'aside'
}
