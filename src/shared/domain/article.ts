/**
 * An article as Dossier stores it: small metadata kept in the library file, and a body
 * kept in its own file so that saving notes never rewrites article text.
 *
 * The body is a list of blocks rather than HTML: it is what the editor renders, what
 * anchoring measures offsets against, and what exporters cite paragraph numbers from.
 */
import type { HostMessage } from './hostMessages'

export type InlineMark = 'bold' | 'italic' | 'underline' | 'strikethrough' | 'code' | 'superscript' | 'subscript'

/** A stretch of a block's text with the same formatting; runs concatenated equal the block's text. */
export interface InlineRun {
  text: string
  marks?: InlineMark[]
  /** Only http(s) and mailto links survive import. */
  href?: string
}

interface BlockBase {
  /** The block's plain text: what anchors measure and what search indexes. */
  text: string
  /** Formatting, when the source had any; absent means one plain run. */
  runs?: InlineRun[]
  /** For a block imported from a PDF: the 1-based page it starts on, which citations name (« p. 12 »). */
  page?: number
}

export type ArticleBlock =
  | (BlockBase & { type: 'paragraph' | 'aside' | 'quote' })
  | (BlockBase & { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6 })
  | (BlockBase & { type: 'listitem'; listType: 'bullet' | 'number'; depth: number })

export interface ArticleBody {
  articleId: string
  blocks: ArticleBlock[]
}

/**
 * What kind of source an article is, named as CSL names item types so citation styles and
 * Zotero read it without a table; 'document' is anything else.
 */
export const ARTICLE_ITEM_TYPES = [
  'article-newspaper',
  'article-magazine',
  'article-journal',
  'report',
  'webpage',
  'book',
  'chapter',
  'document'
] as const
export type ArticleItemType = (typeof ARTICLE_ITEM_TYPES)[number]

/** Bibliographic details citation styles need beyond provenance; absent in libraries from before them. */
export interface ArticleBibliography {
  /** Absent: inferred (see `effectiveItemType` in shared/bibliography). */
  itemType?: ArticleItemType
  /** YYYY-MM-DD the source was consulted; absent: the import day stands in for a source with an address. */
  accessedAt?: string | null
  /** Page range as the source prints it (« 12-18 »). */
  pages?: string | null
  /** Who issued a report or a book; the outlet stands in when absent. */
  publisher?: string | null
  /** Where the publisher is (« Paris »). */
  place?: string | null
}

export interface ArticleMeta extends ArticleBibliography {
  id: string
  title: string
  outlet: string | null
  author: string | null
  publishedAt: string | null
  sourceUrl: string | null
  language: string | null
  importedAt: string
  /** Name of the file the article came from, for provenance. */
  sourceFile: string | null
  wordCount: number
  charCount: number
  /** Last time the user edited the text in the reading pane. */
  editedAt?: string
  /** Set while the article is in the trash; its notes stay with it and come back on restore. */
  trashedAt?: string
}

/** Provenance found at import: what an importer can say about where an article came from. */
export type ArticleProvenance = Pick<
  ArticleMeta,
  'title' | 'outlet' | 'author' | 'publishedAt' | 'sourceUrl' | 'language' | 'sourceFile'
>

/** What the user may correct in an article's provenance. */
export interface ArticleMetaChanges {
  title?: string
  outlet?: string | null
  author?: string | null
  publishedAt?: string | null
  sourceUrl?: string | null
  language?: string | null
  itemType?: ArticleItemType
  accessedAt?: string | null
  pages?: string | null
  publisher?: string | null
  place?: string | null
}

/** One file's outcome in an import: each file of a batch succeeds or fails on its own. */
export type ImportOutcome =
  | { ok: true; article: ArticleSummary }
  /** `why` is `reason` as a code the interface words in its language (domain/hostMessages.ts). */
  | { ok: false; fileName: string; reason: string; why?: HostMessage }

export interface ArticleSummary extends ArticleMeta {
  noteCount: number
}

export interface OpenedArticle {
  meta: ArticleMeta
  body: ArticleBody
}

/**
 * An article's start, for opening it: its details and its first blocks (`body` holds only
 * those when `totalBlocks` says there are more), so a 3 MB article shows its first lines
 * without waiting for the whole text; `readArticleBlocks` gives the rest of that revision.
 */
export interface ArticleStart extends OpenedArticle {
  /** How many blocks the whole text has; `body.blocks.length` when the start is all of it. */
  totalBlocks: number
  /** Names this version of the text: the rest is only given from the same version. */
  revision: string
}

/** The rest of an article's blocks; `blocks` is null when its text changed since the revision asked for. */
export interface ArticleBlocksPart {
  revision: string
  blocks: ArticleBlock[] | null
}

/**
 * How much text an article's start carries: several screens (one holds about 3,000
 * characters), in whole blocks, small enough to answer at once however long the article.
 */
export const ARTICLE_START_CHARACTERS = 64_000

/**
 * Where the start of `blocks` ends: whole blocks up to ARTICLE_START_CHARACTERS, at least
 * one, and never inside a list (the reading pane builds a list from its items at once).
 */
export function articleStartEnd(blocks: readonly ArticleBlock[]): number {
  let characters = 0
  let end = 0
  const insideList = (): boolean => blocks[end - 1]?.type === 'listitem' && blocks[end]!.type === 'listitem'
  while (end < blocks.length && (characters < ARTICLE_START_CHARACTERS || insideList())) {
    characters += blocks[end]!.text.length
    end++
  }
  return end
}

/**
 * Blocks are joined by a blank line, as Lexical's `getTextContent()` joins block
 * nodes: the renderer and the main process must agree on every offset.
 */
export const BLOCK_SEPARATOR = '\n\n'

export function articlePlainText(blocks: readonly ArticleBlock[]): string {
  return blocks.map((block) => block.text).join(BLOCK_SEPARATOR)
}

export function countWords(text: string): number {
  const words = text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)
  return words ? words.length : 0
}
