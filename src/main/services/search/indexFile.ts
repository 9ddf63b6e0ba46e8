/**
 * `search-index.json`: the base of the saved search index (indexStore.ts says when it is
 * written and how `search-index.journal` completes it).
 *
 * It holds the MiniSearch index taken apart (miniSearchParts.ts) plus what the service needs
 * to tell whether that index still matches the library: our own schema version (bumped
 * whenever tokenizing or fields change), the layout of this file, and, per article, what was
 * indexed (a signature of its metadata, the size and time of its notes file, its notes' tag
 * ids and signatures). The file is one JSON value per line, so loading parses it a line at a
 * time and lets API calls through in between:
 *
 * - a header: format, schema version, layout, tag paths, MiniSearch's totals, line count;
 * - `documents` lines: short ids, document ids and field lengths, as flat arrays;
 * - `terms` lines: terms, the byte length of each one's packed postings (below), the CRC-32
 *   of those bytes, and the bytes in base64;
 * - `articles` lines: what was indexed of each article.
 *
 * Postings are nearly all of the index (4.4 million for 1,000 articles and 50,000 notes):
 * they are packed in bytes (postings.ts) and stay packed in memory until a search first
 * touches their term, so loading parses no posting. Postings of documents not in the
 * `documents` lines (discarded before the snapshot, or added after it) are left out. As
 * MiniSearch's `toJSON()` in JSON lines (layout 1) the same index made a 55.6 MB file that
 * took 5–7 s to load; this layout makes 23 MB.
 *
 * It is written through `writeFileDurably`, so a crash leaves the old file or the new one;
 * anything unreadable or of another version or layout is simply rebuilt: it holds nothing
 * that is not in the library.
 */
import fs from 'node:fs/promises'
import { crc32 } from 'node:zlib'
import type MiniSearch from 'minisearch'
import type { Options } from 'minisearch'
import { writeFileDurably } from '../../storage/durableJsonFile'
import { assembleIndex, type IndexParts, type IndexTotals } from './miniSearchParts'
import { ByteWriter, packedTerms, packTerm } from './postings'
import { errorMessage } from '../../../shared/errorMessage'

export const SEARCH_INDEX_FORMAT = 'dossier-search-index'
/** Bump when tokenizing, folding or fields change: an older file is then rebuilt. */
export const SEARCH_INDEX_SCHEMA_VERSION = 1
/** Bump when this file's layout changes (1 was MiniSearch's `toJSON()` in JSON lines). */
export const SEARCH_INDEX_LAYOUT = 2

/** A note as indexed: [id, tag ids, createdAt, signature]. */
export type SavedNote = [string, string[], string, number]
/** An article as indexed: [id, metadata signature, notes file stamp, its notes]. */
export type SavedArticle = [string, number, string, SavedNote[]]

/** What a base is written from. */
export interface BaseSnapshot {
  /** Tag paths as the notes were indexed with them, [id, path]. */
  tags: [string, string][]
  parts: IndexParts
  /** Asked for once every term is encoded (indexStore.ts marks what changed meanwhile). */
  articles: () => SavedArticle[]
}

export interface LoadedBase<T> {
  tags: [string, string][]
  articles: SavedArticle[]
  index: MiniSearch<T>
  /** Whether the index was put together directly (see miniSearchParts.ts). */
  direct: boolean
}

interface Header {
  format: typeof SEARCH_INDEX_FORMAT
  schemaVersion: number
  layout: number
  tags: [string, string][]
  totals: IndexTotals
  lines: number
}

type Line =
  /** Short ids, document ids, field lengths (one per field and document, -1 where it has none). */
  | ['documents', number[], string[], number[]]
  | ['terms', string[], number[], number, string]
  | ['articles', SavedArticle[]]

const DOCUMENTS_PER_LINE = 5_000
const TERM_BYTES_PER_LINE = 1 << 20
const ARTICLES_PER_LINE = 50
/** Longest stretch of work before the event loop gets a turn. */
const SLICE_MS = 10

/** Lets the event loop run between slices of work, so API calls are answered meanwhile. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/** Runs `maybe()` between steps of work: yields once a slice has lasted long enough. */
function slicer(): () => Promise<void> {
  let sliceStarted = performance.now()
  return async () => {
    if (performance.now() - sliceStarted < SLICE_MS) return
    await yieldToEventLoop()
    sliceStarted = performance.now()
  }
}

/** Why a saved index was not used; the service rebuilds in every case. */
export class UnusableIndexError extends Error {
  override name = 'UnusableIndexError'
}

// ---------------------------------------------------------------------------------------
// Writing

/**
 * Writes a base; encoding runs in slices with the event loop let through between them, each
 * line turned into bytes as it is made (joining and encoding 23 MB at the end held the event
 * loop for 0.15 s).
 */
export async function writeIndexFile(file: string, snapshot: BaseSnapshot): Promise<void> {
  const { parts } = snapshot
  const maybeYield = slicer()
  const body: Buffer[] = []
  const addLine = (line: Line) => body.push(Buffer.from(`${JSON.stringify(line)}\n`))
  const fieldCount = Object.keys(parts.fieldIds).length

  const isLive = (shortId: number) => shortId < parts.nextId && parts.documentIds.has(shortId)
  let documentCount = 0
  const documents = parts.documentIds.entries()
  for (let done = false; !done;) {
    const shortIds: number[] = []
    const ids: string[] = []
    const lengths: number[] = []
    while (shortIds.length < DOCUMENTS_PER_LINE) {
      const next = documents.next()
      if (next.done) {
        done = true
        break
      }
      const [shortId, id] = next.value
      if (shortId >= parts.nextId) continue
      shortIds.push(shortId)
      ids.push(id)
      const fieldLengths = parts.fieldLength.get(shortId) ?? []
      for (let field = 0; field < fieldCount; field++) lengths.push(fieldLengths[field] ?? -1)
    }
    if (shortIds.length > 0) addLine(['documents', shortIds, ids, lengths])
    documentCount += shortIds.length
    await maybeYield()
  }

  const out = new ByteWriter()
  let terms: string[] = []
  let termLengths: number[] = []
  const endLine = () => {
    if (terms.length === 0) return
    const checksum = crc32(out.bytes.subarray(0, out.length))
    addLine(['terms', terms, termLengths, checksum, out.take()])
    terms = []
    termLengths = []
  }
  for (const [term, data] of parts.terms) {
    const before = out.length
    if (packTerm(out, data, isLive)) {
      terms.push(term)
      termLengths.push(out.length - before)
    }
    if (out.length >= TERM_BYTES_PER_LINE) endLine()
    await maybeYield()
  }
  endLine()

  const articles = snapshot.articles()
  for (let i = 0; i < articles.length; i += ARTICLES_PER_LINE) {
    addLine(['articles', articles.slice(i, i + ARTICLES_PER_LINE)])
    await maybeYield()
  }

  const header: Header = {
    format: SEARCH_INDEX_FORMAT,
    schemaVersion: SEARCH_INDEX_SCHEMA_VERSION,
    layout: SEARCH_INDEX_LAYOUT,
    tags: snapshot.tags,
    totals: {
      documentCount,
      nextId: parts.nextId,
      fieldIds: parts.fieldIds,
      averageFieldLength: parts.averageFieldLength
    },
    lines: body.length
  }
  await writeFileDurably(file, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), ...body]))
}

// ---------------------------------------------------------------------------------------
// Reading

/** Reads a base; null when there is none, or when `shouldStop` said so. Throws UnusableIndexError for a damaged or outdated one. */
export async function readIndexFile<T>(
  file: string,
  options: Options<T>,
  shouldStop: () => boolean
): Promise<LoadedBase<T> | null> {
  let text: string
  try {
    text = await fs.readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new UnusableIndexError(`it could not be read (${errorMessage(error)})`)
  }
  const rawLines = text.split('\n')
  if (rawLines.at(-1) === '') rawLines.pop()
  let header: Header
  try {
    header = JSON.parse(rawLines[0] ?? '') as Header
  } catch (error) {
    throw new UnusableIndexError(`its header is damaged (${errorMessage(error)})`)
  }
  if (header?.format !== SEARCH_INDEX_FORMAT) throw new UnusableIndexError('it is not a Dossier search index')
  if (header.schemaVersion !== SEARCH_INDEX_SCHEMA_VERSION) {
    throw new UnusableIndexError(`it was written for index version ${header.schemaVersion}`)
  }
  if (header.layout !== SEARCH_INDEX_LAYOUT) throw new UnusableIndexError('it was written in an older layout')
  if (header.lines !== rawLines.length - 1) throw new UnusableIndexError('it is incomplete')

  const fieldCount = Object.keys(header.totals.fieldIds).length
  const assembly = assembleIndex<T>(header.totals, options)
  const documentIds = new Map<number, string>()
  const fieldLength = new Map<number, number[]>()
  const articles: SavedArticle[] = []
  const maybeYield = slicer()
  for (let i = 1; i < rawLines.length; i++) {
    await maybeYield()
    if (shouldStop()) return null
    let line: Line
    try {
      line = JSON.parse(rawLines[i]!) as Line
    } catch (error) {
      throw new UnusableIndexError(`line ${i + 1} is damaged (${errorMessage(error)})`)
    }
    switch (line[0]) {
      case 'documents': {
        const [, shortIds, ids, lengths] = line
        if (ids.length !== shortIds.length || lengths.length !== shortIds.length * fieldCount) {
          throw new UnusableIndexError(`line ${i + 1} is damaged`)
        }
        for (let d = 0; d < shortIds.length; d++) {
          documentIds.set(shortIds[d]!, ids[d]!)
          const withHoles: number[] = []
          for (let field = 0; field < fieldCount; field++) {
            const length = lengths[d * fieldCount + field]!
            if (length >= 0) withHoles[field] = length
          }
          fieldLength.set(shortIds[d]!, withHoles)
        }
        break
      }
      case 'terms': {
        const [, terms, lengths, checksum, base64] = line
        const bytes = Buffer.from(base64, 'base64')
        const data = terms.length === lengths.length && crc32(bytes) === checksum ? packedTerms(bytes, lengths) : null
        if (!data) throw new UnusableIndexError(`the postings of line ${i + 1} are damaged`)
        for (let t = 0; t < terms.length; t++) assembly.addTerm(terms[t]!, data[t]!)
        break
      }
      case 'articles':
        for (const article of line[1]) articles.push(article)
        break
      default:
        throw new UnusableIndexError(`line ${i + 1} is not understood`)
    }
  }
  const index = assembly.finish(documentIds, fieldLength)
  if (documentIds.size !== header.totals.documentCount) {
    throw new UnusableIndexError('its counts do not add up')
  }
  return { tags: header.tags, articles, index, direct: assembly.direct }
}
