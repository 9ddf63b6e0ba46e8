/**
 * An imported article's body made ready to store, by the import worker that has its text
 * already. Counting the words of a 23 MB text and serialising its blocks took over a
 * second each on the thread that serves the API, and every other call waited; done in
 * the worker, storing the article is a write of bytes handed over without a copy.
 */
import { randomUUID } from 'node:crypto'
import { articlePlainText, countWords, type ArticleBlock } from '../../shared/domain/article'
import { contentHashOf } from './import/contentHash'
import { SCHEMA_VERSION, type BodyFile } from './schema'

export interface PreparedBody {
  /** Chosen here because the body file names it: the file is then complete, byte for byte. */
  articleId: string
  wordCount: number
  charCount: number
  /** The text's hash for finding duplicates (import/contentHash.ts): one more pass over the text, here rather than on the serving thread. */
  contentHash: string
  /** The body file (`BodyFile` as JSON, and a newline) in UTF-8, in its own buffer so that a worker can transfer it. */
  bodyFile: Uint8Array
}

export function prepareBody(blocks: ArticleBlock[]): PreparedBody {
  const articleId = randomUUID()
  const text = articlePlainText(blocks)
  const body: BodyFile = { schemaVersion: SCHEMA_VERSION, articleId, blocks }
  return {
    articleId,
    wordCount: countWords(text),
    charCount: text.length,
    contentHash: contentHashOf(text),
    bodyFile: new TextEncoder().encode(`${JSON.stringify(body)}\n`)
  }
}
