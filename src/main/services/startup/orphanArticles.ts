/**
 * Article bodies that no library entry names. An import writes the body first and the entry
 * after, so a crash in between leaves a body nobody asked for; a library restored from an
 * older backup, on the other hand, has forgotten articles the user did import. Which one it
 * is decides what happens: after a restore (or with no library at all) every such body is
 * relinked, its entry rebuilt from the file; a body that has notes was used, so it is never
 * deleted (without a restore it goes back to the trash, where an interrupted "Empty trash"
 * would have left it); only a body with no notes and no restore is a crashed import, deleted.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { articlePlainText, countWords, type ArticleBlock } from '../../../shared/domain/article'
import { titleFromText } from '../../../shared/import/readingParagraphs'
import { hasCode } from '../../storage/processes'
import { detectLanguage } from '../import/language'
import type { JsonDocument } from '../jsonDocument'
import { dataLayout, type LibraryArticle, type LibraryFile } from '../schema'

/** Body files are `<id>.json`; anything else in articles/ (backups, temp files) is not one. */
const BODY_FILE = /^([A-Za-z0-9][A-Za-z0-9-]*)\.json$/
const UNTITLED = 'Recovered article'

export interface OrphanOutcome {
  /** Back in the library, with their titles. */
  relinked: LibraryArticle[]
  /** Back, in the trash: they had notes, and no restore explains their missing entry. */
  trashed: LibraryArticle[]
  /** Bodies of imports that never finished, removed. */
  deleted: string[]
  /** Bodies that could not be read: left where they are. */
  unreadable: string[]
}

export interface OrphanOptions {
  dataDir: string
  library: JsonDocument<LibraryFile>
  /** The library was restored from a backup this start, or did not exist: relink everything. */
  relinkAll: boolean
  now: () => Date
  shouldStop?: () => boolean
}

export async function settleOrphanBodies(options: OrphanOptions): Promise<OrphanOutcome> {
  const { dataDir, library, relinkAll } = options
  const outcome: OrphanOutcome = { relinked: [], trashed: [], deleted: [], unreadable: [] }
  const known = new Set(library.data.articles.map((article) => article.id))
  for (const articleId of await bodyIds(dataDir)) {
    if (options.shouldStop?.()) break
    if (known.has(articleId)) continue
    const bodyFile = dataLayout.body(dataDir, articleId)
    const noteCount = await notesIn(dataLayout.notes(dataDir, articleId))
    if (!relinkAll && noteCount === null) {
      await fs.rm(bodyFile, { force: true })
      outcome.deleted.push(bodyFile)
      continue
    }
    const entry = await entryFromBody(articleId, bodyFile)
    if (!entry) {
      outcome.unreadable.push(bodyFile)
      continue
    }
    if (typeof noteCount === 'number') entry.noteCount = noteCount
    if (relinkAll) outcome.relinked.push(entry)
    else outcome.trashed.push({ ...entry, trashedAt: options.now().toISOString() })
  }
  const back = [...outcome.relinked, ...outcome.trashed]
  if (back.length > 0) await library.update((draft) => void draft.articles.push(...back))
  return outcome
}

async function bodyIds(dataDir: string): Promise<string[]> {
  const folder = path.dirname(dataLayout.body(dataDir, 'x'))
  const names = await fs.readdir(folder).catch((error: unknown) => {
    if (hasCode(error, 'ENOENT', 'ENOTDIR')) return [] as string[]
    throw error
  })
  return names.flatMap((name) => BODY_FILE.exec(name)?.[1] ?? []).sort()
}

/**
 * How many notes an article's notes file holds, passage notes and notes on the whole article
 * alike: null when there is no file; 'unknown' when there is one that does not read (it still
 * proves the article was used).
 */
async function notesIn(file: string): Promise<number | 'unknown' | null> {
  let raw: string
  try {
    raw = await fs.readFile(file, 'utf8')
  } catch (error) {
    return hasCode(error, 'ENOENT') ? null : 'unknown'
  }
  try {
    const parsed = JSON.parse(raw) as { notes?: unknown; articleNotes?: unknown } | null
    if (!Array.isArray(parsed?.notes)) return 'unknown'
    // Notes on the whole article count too, as noteStore's count does; a file from before them has none.
    const articleNotes = parsed.articleNotes
    return parsed.notes.length + (Array.isArray(articleNotes) ? articleNotes.length : 0)
  } catch {
    return 'unknown'
  }
}

/** A library entry rebuilt from what the body file holds: its text, and when it was written. */
async function entryFromBody(articleId: string, file: string): Promise<LibraryArticle | null> {
  let blocks: ArticleBlock[]
  let writtenAt: Date
  try {
    const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as { blocks?: unknown } | null
    if (!Array.isArray(parsed?.blocks)) return null
    blocks = parsed.blocks as ArticleBlock[]
    writtenAt = (await fs.stat(file)).mtime
  } catch {
    return null
  }
  const text = articlePlainText(blocks)
  return {
    id: articleId,
    // The first paragraph is the headline in almost every import; the lost title was most likely it.
    title: titleFromText(blocks.find((block) => block.text.trim() !== '')?.text ?? '') || UNTITLED,
    outlet: null,
    author: null,
    publishedAt: null,
    sourceUrl: null,
    language: detectLanguage(blocks),
    importedAt: writtenAt.toISOString(),
    sourceFile: null,
    wordCount: countWords(text),
    charCount: text.length
  }
}
