/**
 * `search-index.journal`: the articles whose entries in the index changed since its base
 * (`search-index.json`) was written, one JSON line per batch of changes:
 * `{"articles":["<id>",…]}`. Lines name articles and nothing else: loading re-indexes those
 * articles from the library, which is the truth, so a line is never wrong to apply, twice
 * or to a newer base (indexStore.ts says when lines are written and dropped).
 *
 * An append is one `write` of a whole line followed by an fsync of the file (and of the
 * folder when the file is new), so a crash can cut only the last line short. Reading keeps
 * every intact line, leaves out a last line cut short, and reports a damaged line before
 * the last, which only a damaged disk or a hand edit makes: what it named is then unknown.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { fsyncDir, writeFileDurably } from '../../storage/durableJsonFile'
import { hasCode } from '../../storage/processes'

export interface JournalContents {
  /** The article ids each intact line names, in order. */
  entries: string[][]
  /** Bytes of those lines. */
  bytes: number
  exists: boolean
  /** The last line was cut short (a crash during an append) and is left out. */
  torn: boolean
  /** A line before the last could not be read, or the file itself. */
  damaged: boolean
}

export function journalLine(articleIds: readonly string[]): string {
  return `${JSON.stringify({ articles: articleIds })}\n`
}

function namedArticles(line: string): string[] | null {
  try {
    const value = JSON.parse(line) as unknown
    if (typeof value !== 'object' || value === null || !('articles' in value)) return null
    const { articles } = value
    return Array.isArray(articles) && articles.every((id) => typeof id === 'string') ? (articles as string[]) : null
  } catch {
    return null
  }
}

export async function readJournal(file: string): Promise<JournalContents> {
  let text: string
  try {
    text = await fs.readFile(file, 'utf8')
  } catch (error) {
    const exists = !hasCode(error, 'ENOENT')
    return { entries: [], bytes: 0, exists, torn: false, damaged: exists }
  }
  const lines = text.split('\n')
  // A whole file ends with a newline, leaving an empty last piece; anything else there was cut short.
  const last = lines.pop()!
  const contents: JournalContents = { entries: [], bytes: 0, exists: true, torn: last !== '', damaged: false }
  for (const line of lines) {
    const articles = namedArticles(line)
    if (articles) {
      contents.entries.push(articles)
      contents.bytes += Buffer.byteLength(line) + 1
    } else contents.damaged = true
  }
  // A last line cut exactly before its newline is whole: keep what it names.
  const cut = last === '' ? null : namedArticles(last)
  if (cut) contents.entries.push(cut)
  return contents
}

/** Appends one line and waits until it is on disk; `created` when the file did not exist before. */
export async function appendToJournal(file: string, line: string, created: boolean): Promise<void> {
  const handle = await fs.open(file, 'a')
  try {
    await handle.write(line)
    await handle.sync()
  } finally {
    await handle.close()
  }
  if (created) await fsyncDir(path.dirname(file))
}

/** Replaces the journal with these lines (none: an empty file), atomically. */
export async function rewriteJournal(file: string, entries: readonly (readonly string[])[]): Promise<void> {
  await writeFileDurably(file, entries.map(journalLine).join(''))
}
