/**
 * Recognises a file whose text is already in the library, without reading any article's
 * body: each article keeps the hash of its text as imported (`contentHash` in library.json),
 * and a new import is compared with those.
 *
 * The hash is of the text normalised so that copies of one article that differ only in how
 * they were saved compare equal: Unicode composed (NFC: macOS and some editors write
 * decomposed accents), and every run of white space, no-break and narrow spaces included, made
 * one space (line wrapping, indentation, and a copy that has or lacks French no-break spaces).
 * Case, punctuation and words are kept: a corrected or fuller version is a different text.
 */
import { createHash } from 'node:crypto'
import type { ArticleMeta } from '../../../shared/domain/article'

/** Every kind of space JavaScript knows (`\s` covers U+00A0, U+202F and the other Unicode spaces), with line ends. */
const WHITE_SPACE_RUN = /\s+/gu

export function normaliseForHash(text: string): string {
  return text.normalize('NFC').replace(WHITE_SPACE_RUN, ' ').trim()
}

/** SHA-256 of the normalised text, in hexadecimal. */
export function contentHashOf(text: string): string {
  return createHash('sha256').update(normaliseForHash(text), 'utf8').digest('hex')
}

/** The article of the library (trash left out) whose text as imported had this hash; articles from before hashes were kept have none. */
export function findByContentHash(articles: readonly ArticleMeta[], hash: string): ArticleMeta | undefined {
  return articles.find((article) => (article as ArticleMeta & { contentHash?: string }).contentHash === hash)
}

/** The answer to an import not stored because the library has its text: the file, and the article that has it. */
export function duplicateImport(fileName: string, existing: Pick<ArticleMeta, 'id' | 'title'>) {
  return {
    ok: false as const,
    fileName,
    reason: `its text is already in the library, as “${existing.title}”`,
    duplicateOf: { articleId: existing.id, title: existing.title }
  }
}
