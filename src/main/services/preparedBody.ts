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
import { countTermsAtOnce, type CountedField } from './search/slicedAdd'

export interface PreparedBody {
  /** Chosen here because the body file names it: the file is then complete, byte for byte. */
  articleId: string
  wordCount: number
  charCount: number
  /** The text's hash for finding duplicates (import/contentHash.ts): one more pass over the text, here rather than on the serving thread. */
  contentHash: string
  /** The body file (`BodyFile` as JSON, and a newline) in UTF-8, in its own buffer so that a worker can transfer it. */
  bodyFile: Uint8Array
  /**
   * The body's search terms, counted as indexing counts them (search/slicedAdd.ts): 0.3 s of
   * the serving thread for a 3 MB article, spent in the worker instead. Only the worker counts.
   */
  bodyTerms?: CountedField
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

/** The worker's preparation: the body as `prepareBody` makes it, and its search terms counted. */
export async function prepareBodyWithTerms(blocks: ArticleBlock[]): Promise<PreparedBody> {
  return { ...prepareBody(blocks), bodyTerms: await countTermsAtOnce(blocks.map((block) => block.text)) }
}

/** Bodies whose terms the worker counted, by their blocks array: the one the store keeps in memory. */
const countedBodies = new WeakMap<readonly ArticleBlock[], CountedField>()

/** Remembers the worker's count of `blocks` for the search index, as long as these blocks are the body. */
export function rememberBodyTerms(blocks: readonly ArticleBlock[], counted: CountedField | undefined): void {
  if (counted) countedBodies.set(blocks, counted)
}

/** The worker's count of exactly these blocks' texts, if it counted them; given once, then forgotten. */
export function takeBodyTerms(blocks: readonly ArticleBlock[]): CountedField | undefined {
  const counted = countedBodies.get(blocks)
  countedBodies.delete(blocks)
  return counted
}
