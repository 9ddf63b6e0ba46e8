/**
 * `search-index.json`: the search index saved between runs, so a big library is searchable
 * seconds after start-up instead of after a full re-indexing.
 *
 * It holds MiniSearch's `toJSON()` plus what the service needs to tell whether that index
 * still matches the library: our own schema version (bumped whenever tokenizing or fields
 * change) and, per article, what was indexed (a signature of its metadata, the size and
 * time of its notes file, its notes' tag ids and signatures). The file is one JSON value
 * per line, so loading parses it a line at a time and lets API calls through in between
 * instead of freezing the app for one 30 MB `JSON.parse`. It is written through
 * `writeFileDurably`, so a crash leaves the old file or the new one; anything unreadable
 * is simply rebuilt: it holds nothing that is not in the library.
 */
import fs from 'node:fs/promises'
import type { AsPlainObject } from 'minisearch'
import { writeFileDurably } from '../../storage/durableJsonFile'

export const SEARCH_INDEX_FORMAT = 'dossier-search-index'
/** Bump when tokenizing, folding or fields change: an older file is then rebuilt. */
export const SEARCH_INDEX_SCHEMA_VERSION = 1

/** A note as indexed: [id, tag ids, createdAt, signature]. */
export type SavedNote = [string, string[], string, number]
/** An article as indexed: [id, metadata signature, notes file stamp, its notes]. */
export type SavedArticle = [string, number, string, SavedNote[]]

export interface SavedIndex {
  fingerprint: string
  /** Tag paths as the notes were indexed with them, [id, path]. */
  tags: [string, string][]
  articles: SavedArticle[]
  mini: AsPlainObject
}

interface Header {
  format: typeof SEARCH_INDEX_FORMAT
  schemaVersion: number
  fingerprint: string
  tags: [string, string][]
  mini: Omit<AsPlainObject, 'index' | 'documentIds' | 'fieldLength' | 'storedFields'>
  lines: number
}

type Line =
  | ['documentIds', Record<string, unknown>]
  | ['fieldLength', Record<string, unknown>]
  | ['index', AsPlainObject['index']]
  | ['articles', SavedArticle[]]

const TERMS_PER_LINE = 2_000
const ENTRIES_PER_LINE = 5_000
const ARTICLES_PER_LINE = 50

/** Lets the event loop run between slices of work, so API calls are answered meanwhile. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

function objectChunks(record: Record<string, unknown>, size: number): Record<string, unknown>[] {
  return chunks(Object.entries(record), size).map((entries) => Object.fromEntries(entries))
}

/** Writes the index; serialising runs in slices with the event loop let through between them. */
export async function writeIndexFile(file: string, saved: SavedIndex): Promise<void> {
  // Stored fields are not used (hits are read from the live library), so they are not written.
  const { index, documentIds, fieldLength, ...withStoredFields } = saved.mini
  const rest: Header['mini'] = { ...withStoredFields }
  delete (rest as Partial<AsPlainObject>).storedFields
  const body: Line[] = [
    ...objectChunks(documentIds, ENTRIES_PER_LINE).map((part): Line => ['documentIds', part]),
    ...objectChunks(fieldLength, ENTRIES_PER_LINE).map((part): Line => ['fieldLength', part]),
    ...chunks(index, TERMS_PER_LINE).map((part): Line => ['index', part]),
    ...chunks(saved.articles, ARTICLES_PER_LINE).map((part): Line => ['articles', part])
  ]
  const header: Header = {
    format: SEARCH_INDEX_FORMAT,
    schemaVersion: SEARCH_INDEX_SCHEMA_VERSION,
    fingerprint: saved.fingerprint,
    tags: saved.tags,
    mini: rest,
    lines: body.length
  }
  const lines = [JSON.stringify(header)]
  let sliceStarted = performance.now()
  for (const line of body) {
    lines.push(JSON.stringify(line))
    if (performance.now() - sliceStarted > 10) {
      await yieldToEventLoop()
      sliceStarted = performance.now()
    }
  }
  await writeFileDurably(file, lines.join('\n') + '\n')
}

/** Why a saved index was not used; the service rebuilds in every case. */
export class UnusableIndexError extends Error {
  override name = 'UnusableIndexError'
}

/** Reads a saved index; null when there is none. Throws UnusableIndexError for a damaged or outdated one. */
export async function readIndexFile(file: string, shouldStop: () => boolean): Promise<SavedIndex | null> {
  let text: string
  try {
    text = await fs.readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new UnusableIndexError(`it could not be read (${describe(error)})`)
  }
  const rawLines = text.split('\n')
  if (rawLines.at(-1) === '') rawLines.pop()
  let header: Header
  try {
    header = JSON.parse(rawLines[0] ?? '') as Header
  } catch (error) {
    throw new UnusableIndexError(`its header is damaged (${describe(error)})`)
  }
  if (header?.format !== SEARCH_INDEX_FORMAT) throw new UnusableIndexError('it is not a Dossier search index')
  if (header.schemaVersion !== SEARCH_INDEX_SCHEMA_VERSION) {
    throw new UnusableIndexError(`it was written for index version ${header.schemaVersion}`)
  }
  if (header.lines !== rawLines.length - 1) throw new UnusableIndexError('it is incomplete')

  const documentIds: Record<string, unknown> = {}
  const fieldLength: Record<string, unknown> = {}
  const index: AsPlainObject['index'] = []
  const articles: SavedArticle[] = []
  let sliceStarted = performance.now()
  for (let i = 1; i < rawLines.length; i++) {
    if (performance.now() - sliceStarted > 10) {
      await yieldToEventLoop()
      if (shouldStop()) return null
      sliceStarted = performance.now()
    }
    let line: Line
    try {
      line = JSON.parse(rawLines[i]!) as Line
    } catch (error) {
      throw new UnusableIndexError(`line ${i + 1} is damaged (${describe(error)})`)
    }
    switch (line[0]) {
      case 'documentIds':
        Object.assign(documentIds, line[1])
        break
      case 'fieldLength':
        Object.assign(fieldLength, line[1])
        break
      case 'index':
        for (const entry of line[1]) index.push(entry)
        break
      case 'articles':
        articles.push(...line[1])
        break
      default:
        throw new UnusableIndexError(`line ${i + 1} is not understood`)
    }
  }
  return {
    fingerprint: header.fingerprint,
    tags: header.tags,
    articles,
    mini: { ...header.mini, documentIds, fieldLength, storedFields: {}, index } as AsPlainObject
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
