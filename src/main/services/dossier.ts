/**
 * Opens a Dossier data folder and serves the API contract over it. This is everything
 * the app does apart from drawing windows: both transports (Electron IPC and the
 * browser-mode host) wrap the handlers returned here, and tests drive them directly.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type { ApiHandlers } from '../../shared/api/contract'
import type { ApiMethod } from '../../shared/api/methods'
import { ServiceError } from '../../shared/api/dispatch'
import { plainTextToBlocks, titleFromText } from '../../shared/import/readingParagraphs'
import { acquireDataDirLock, type DataDirLock } from '../storage/dataDirLock'
import type { RecoveryEvent } from '../storage/durableJsonFile'
import { articlePlainText, type ArticleMeta, type ImportOutcome } from '../../shared/domain/article'
import { ArticleStore } from './articleStore'
import { BriefingStore } from './briefings/briefingStore'
import { createBriefingService, type PrintToPdf } from './briefings/handlers'
import { ImportError, type ImportedArticle } from './import'
import { createImportRunner } from './import/importRunner'
import { JsonDocument, type JsonDocumentOptions } from './jsonDocument'
import { NoticeBoard } from './noticeBoard'
import { NoteStore } from './noteStore'
import { createNotesWorkspace } from './notesWorkspace'
import { createSearchService, type SearchServiceOptions } from './search/searchService'
import { TagStore } from './tagStore'
import { dataLayout, emptyLibrary } from './schema'

export interface OpenDossierOptions {
  /** The built import worker (out/main/importWorker.js); without it, imports run on this thread. */
  importWorker?: string
  dataDir: string
  /** The article shown on first run; null to start with an empty library. */
  sampleArticle: { path: string; language: string | null } | null
  mode: 'electron' | 'browser' | 'test'
  now?: () => Date
  /** How often rolling backups are refreshed; 0 backs up on every save (tests). */
  backupIntervalMs?: number
  /** Prints a briefing's HTML to PDF; the desktop app supplies it, browser mode cannot. */
  printToPdf?: PrintToPdf
  /** Save delay and a test seam for the search index. */
  search?: SearchServiceOptions
  /**
   * When the background work of start-up begins, once the caller has had time to start
   * serving: loading the import worker, and counting notes for a library from before note
   * counts were kept. Default 100 ms; tests set their own.
   */
  backgroundStartMs?: number
}

const BACKGROUND_START_MS = 100
/**
 * A note count found wrong when its notes file was read is written this long after, with
 * any other found meanwhile: reading many notes files (search, a briefing) makes one write.
 * Until then the count is already right in the library listing, from the file in memory.
 */
const COUNT_REPAIR_DELAY_MS = 1000

export interface Dossier {
  dataDir: string
  handlers: ApiHandlers
  close(): Promise<void>
}

export async function openDossier(options: OpenDossierOptions): Promise<Dossier> {
  const now = options.now ?? (() => new Date())
  const dataDir = path.resolve(options.dataDir)
  await fs.mkdir(dataDir, { recursive: true })
  const lock: DataDirLock = await acquireDataDirLock(dataDir, options.mode)
  try {
    const notices = new NoticeBoard(now)
    const documentOptions: JsonDocumentOptions = {
      backupIntervalMs: options.backupIntervalMs,
      onRecovery: (event) => notices.post('warning', describeRecovery(event))
    }
    const importer = createImportRunner(options.importWorker ?? null)
    const library = await JsonDocument.open(dataLayout.library(dataDir), emptyLibrary(), documentOptions)
    const articles = new ArticleStore(dataDir, library, now)
    let repairTimer: NodeJS.Timeout | null = null
    const saveCountsSoon = () => {
      repairTimer ??= setTimeout(() => {
        repairTimer = null
        void articles.saveNoteCounts()
      }, COUNT_REPAIR_DELAY_MS).unref()
    }
    // Note counts live in the library: a save that changes one writes it before answering
    // (coalesced with any other count change waiting to be written); a notes file read for
    // any reason puts a wrong count right, a little later.
    const notes = new NoteStore(dataDir, documentOptions, now, (articleId, count, when) => {
      if (!articles.recordNoteCount(articleId, count)) return
      if (when === 'saved') return articles.saveNoteCounts()
      saveCountsSoon()
    })
    const tags = new TagStore(library)
    const briefings = createBriefingService({
      briefings: await BriefingStore.open(dataDir, documentOptions),
      articles,
      notes,
      tags,
      now,
      printToPdf: options.printToPdf
    })
    if (!library.existed && options.sampleArticle) await addSampleArticle(articles, options.sampleArticle)
    const search = createSearchService({ dataDir, articles, notes, tags, ...options.search })

    const allArticleIds = () => [...articles.list(), ...articles.listTrash()].map((article) => article.id)
    /**
     * The count from the notes file when it is in memory, else the one kept in the library:
     * listing opens no notes file. An article from before counts were kept is counted here,
     * once, rather than shown with no count until the background count reaches it.
     */
    const noteCountOf = async (articleId: string): Promise<number> =>
      notes.loadedCount(articleId) ?? articles.storedNoteCount(articleId) ?? (await notes.count(articleId))
    const summarise = async (meta: ArticleMeta) => ({ ...meta, noteCount: await noteCountOf(meta.id) })
    let closing = false
    /** Counts the notes of articles from before counts were kept, one file at a time, then saves them in one write. */
    const countMissingNotes = async (): Promise<void> => {
      for (const articleId of allArticleIds()) {
        if (closing) return
        if (articles.storedNoteCount(articleId) !== undefined) continue
        // An unreadable notes file is left for when it is opened; it is reported then.
        await notes.count(articleId).catch(() => undefined)
      }
      await articles.saveNoteCounts()
    }

    /** Each file succeeds or fails on its own; a failure names the file and the reason and stores nothing. */
    const storeImport = async (sourceName: string, read: () => Promise<ImportedArticle>): Promise<ImportOutcome> => {
      let imported: ImportedArticle
      try {
        imported = await read()
      } catch (error) {
        return { ok: false, ...importFailure(error, sourceName) }
      }
      const meta = await articles.add(imported)
      return { ok: true, article: await summarise(meta) }
    }

    const handlers: ApiHandlers = {
      async listArticles() {
        return Promise.all(articles.list().map(summarise))
      },
      async listTrash() {
        return Promise.all(articles.listTrash().map(summarise))
      },
      async importFile({ name, dataBase64 }) {
        return storeImport(name, () => importer.importFile({ name, bytes: Buffer.from(dataBase64, 'base64') }))
      },
      async importPaste(paste) {
        return storeImport('Pasted text', () => importer.importPaste(paste))
      },
      async updateArticleMeta({ articleId, changes }) {
        return articles.updateMeta(articleId, changes)
      },
      async updateArticleBody({ articleId, blocks }) {
        const oldText = await articles.getPlainText(articleId)
        const meta = await articles.replaceBody(articleId, blocks)
        const reanchored = await notes.carryThroughEdit(articleId, oldText, articlePlainText(blocks))
        return { meta, body: { articleId, blocks }, notes: reanchored }
      },
      async replaceArticleText({ articleId, name, dataBase64 }) {
        articles.getMeta(articleId)
        let imported: ImportedArticle
        try {
          imported = await importer.importFile({ name, bytes: Buffer.from(dataBase64, 'base64') })
        } catch (error) {
          // Nothing is stored: the old text and every note stay as they were.
          const { fileName, reason } = importFailure(error, name)
          throw new ServiceError('invalid-input', `“${fileName}” could not replace the text: ${reason}`)
        }
        // Only the text: the title and details the analyst may have corrected are kept.
        const { blocks } = imported
        const meta = await articles.replaceBody(articleId, blocks)
        const reanchored = await notes.reanchorInNewText(articleId, articlePlainText(blocks))
        return { meta, body: { articleId, blocks }, notes: reanchored }
      },
      async trashArticle({ articleId }) {
        await articles.setTrashed(articleId, true)
        return { trashed: true as const }
      },
      async restoreArticle({ articleId }) {
        await articles.setTrashed(articleId, false)
        return { restored: true as const }
      },
      async emptyTrash() {
        await briefings.snapshotBeforeDeleting(articles.listTrash().map((article) => article.id))
        const deleted = await articles.deleteTrashed()
        for (const id of deleted) await notes.deleteAllFor(id)
        return { deleted: deleted.length }
      },
      async openArticle({ articleId }) {
        return { meta: articles.getMeta(articleId), body: await articles.getBody(articleId) }
      },
      async listNotes({ articleId }) {
        articles.getMeta(articleId)
        return notes.list(articleId)
      },
      async createNote({ articleId, range, expectedQuote, color }) {
        const text = await articles.getPlainText(articleId)
        return notes.create(articleId, text, range, expectedQuote, color ?? null)
      },
      async listTags() {
        return tags.list()
      },
      async createTag({ path, color }) {
        return tags.create(path, color)
      },
      async renameTag({ tagId, path }) {
        return tags.rename(tagId, path)
      },
      async recolorTag({ tagId, color }) {
        return tags.recolor(tagId, color)
      },
      async describeTag({ tagId, description }) {
        return tags.describe(tagId, description)
      },
      async deleteTag({ tagId }) {
        // Notes first: if this fails midway the tag still exists and the delete can be retried.
        const tagged = await notes.removeTagEverywhere(allArticleIds(), tagId)
        await tags.remove(tagId)
        return { tagged }
      },
      async restoreTag({ tag, tagged }) {
        const restored = await tags.restore(tag)
        await notes.addTagTo(
          tagged.filter((ref) => allArticleIds().includes(ref.articleId)),
          tag.id
        )
        return restored
      },
      async mergeTags({ fromId, intoId }) {
        const byNote = await notes.tagIdsByNote(allArticleIds())
        const plan = tags.planMerge(
          fromId,
          intoId,
          Object.fromEntries([...byNote].map(([noteId, { tagIds }]) => [noteId, tagIds]))
        )
        const noteChanges = plan.changes.notes.map((change) => ({
          articleId: byNote.get(change.noteId)!.articleId,
          ...change
        }))
        // Notes first: until the tag list is saved, the merged tag still exists for any note not yet rewritten.
        await notes.writeTagIds(
          noteChanges.map(({ articleId, noteId, after }) => ({ articleId, noteId, tagIds: after }))
        )
        return { tags: await tags.replaceAll(plan.tags), changes: { tags: plan.changes.tags, notes: noteChanges } }
      },
      async undoMergeTags({ changes }) {
        // Tags first, so no note ever points at a tag that is not there.
        const restored = await tags.replaceAll(tags.planUndo(changes.tags))
        const present = new Set(allArticleIds())
        await notes.writeTagIds(
          changes.notes
            .filter((change) => present.has(change.articleId))
            .map(({ articleId, noteId, before }) => ({ articleId, noteId, tagIds: before }))
        )
        return restored
      },
      async listPinnedTags() {
        return tags.pinned()
      },
      async setPinnedTags({ tagIds }) {
        return tags.setPinned(tagIds)
      },
      async tagUsage() {
        return notes.tagUsage(allArticleIds())
      },
      async setNoteTags({ articleId, noteId, tagIds }) {
        articles.getMeta(articleId)
        tags.requireAll(tagIds)
        return notes.setTags(articleId, noteId, tagIds)
      },
      async setNoteColor({ articleId, noteId, color }) {
        articles.getMeta(articleId)
        return notes.setColor(articleId, noteId, color)
      },
      async reattachNote({ articleId, noteId, range, expectedQuote }) {
        const text = await articles.getPlainText(articleId)
        return notes.reattach(articleId, noteId, text, range, expectedQuote)
      },
      async updateNote({ articleId, noteId, changes }) {
        articles.getMeta(articleId)
        return notes.update(articleId, noteId, changes)
      },
      async restoreNote({ note }) {
        articles.getMeta(note.articleId)
        // A tag deleted since is not brought back onto the note.
        const known = new Set(tags.list().map((tag) => tag.id))
        return notes.restore({ ...note, tagIds: note.tagIds.filter((tagId) => known.has(tagId)) })
      },
      async deleteNote({ articleId, noteId }) {
        await notes.delete(articleId, noteId)
        return { deleted: true as const }
      },
      async listNotices() {
        return notices.list()
      },
      async dismissNotice({ noticeId }) {
        if (!notices.dismiss(noticeId)) throw new ServiceError('not-found', 'That message was already dismissed.')
        return { dismissed: true as const }
      },
      search: (input) => search.search(input),
      ...createNotesWorkspace({ articles, notes, tags }),
      ...briefings.handlers
    }
    // Not awaited: the index loads in the background while the app is already answering.
    search.start()
    let counting: Promise<void> = Promise.resolve()
    // Once the caller is serving: the import worker loads what a text import needs (about
    // half a second, on its own thread), so that the first import does not wait for it; and a
    // library from before note counts gets them.
    const background = setTimeout(() => {
      void importer.warm()
      if (allArticleIds().some((articleId) => articles.storedNoteCount(articleId) === undefined)) {
        counting = countMissingNotes().catch(() => undefined)
      }
    }, options.backgroundStartMs ?? BACKGROUND_START_MS).unref()
    return {
      dataDir,
      handlers: followCalls(handlers, search.afterCall),
      close: async () => {
        closing = true
        clearTimeout(background)
        if (repairTimer) clearTimeout(repairTimer)
        try {
          await counting
          await articles.saveNoteCounts()
          await search.close()
          await importer.close()
        } finally {
          await lock.release()
        }
      }
    }
  } catch (error) {
    await lock.release()
    throw error
  }
}

/** Every handler, then `after` with what it was given and returned, once it has succeeded. */
function followCalls(
  handlers: ApiHandlers,
  after: (method: ApiMethod, input: unknown, output: unknown) => void
): ApiHandlers {
  const followed: Record<string, (input: unknown) => Promise<unknown>> = {}
  for (const [method, handler] of Object.entries(handlers) as [ApiMethod, (input: unknown) => Promise<unknown>][]) {
    followed[method] = async (input) => {
      const output = await handler(input)
      after(method, input, output)
      return output
    }
  }
  return followed as ApiHandlers
}

async function addSampleArticle(
  articles: ArticleStore,
  sample: NonNullable<OpenDossierOptions['sampleArticle']>
): Promise<void> {
  const text = await fs.readFile(sample.path, 'utf8')
  await articles.add({
    blocks: plainTextToBlocks(text),
    title: titleFromText(text),
    sourceFile: path.basename(sample.path),
    language: sample.language
  })
}

/** What an import failure tells the user: the file it names, or `sourceName`, and why. */
function importFailure(error: unknown, sourceName: string): { fileName: string; reason: string } {
  if (error instanceof ImportError) return { fileName: error.fileName, reason: error.reason }
  return { fileName: sourceName, reason: `it could not be read (${describeError(error)})` }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function describeRecovery(event: RecoveryEvent): string {
  const name = path.basename(event.file)
  const restored = event.restoredFrom
    ? `restored the last good copy (${path.basename(event.restoredFrom)})`
    : 'no earlier copy could be read, so it starts empty'
  const kept = event.quarantinedTo ? ` The damaged file was kept at ${event.quarantinedTo}.` : ''
  return `${name} could not be read (${event.reason}); Dossier ${restored}.${kept}`
}
