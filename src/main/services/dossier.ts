/**
 * Opens a Dossier data folder and serves the API contract over it. This is everything
 * the app does apart from drawing windows: both transports (Electron IPC and the
 * browser-mode host) wrap the handlers returned here, and tests drive them directly.
 */
import path from 'node:path'
import type { ApiHandlers, DuplicateImport } from '../../shared/api/contract'
import { ServiceError } from '../../shared/api/dispatch'
import { isolateBidi } from '../../shared/text/bidi'
import { hostMessage, type HostMessage } from '../../shared/domain/hostMessages'
import { articlePlainText, type ArticleMeta, type ImportOutcome } from '../../shared/domain/article'
import { ArticleStore } from './articleStore'
import { bibliographyHandlers } from './bibliography/handlers'
import { ChangeEvents } from './changeEvents'
import { BriefingStore } from './briefings/briefingStore'
import { createBriefingService, type PrintToPdf } from './briefings/handlers'
import { citationStyles } from './citations/briefingCitations'
import { StyleStore } from './citations/styleStore'
import type { ImportedArticle } from './import'
import { toImportError } from './import/importError'
import { contentHashOf, duplicateImport, findByContentHash } from './import/contentHash'
import { createImportRunner, type ReadyArticle } from './import/importRunner'
import { JsonDocument, type JsonDocumentOptions } from './jsonDocument'
import { NoticeBoard } from './noticeBoard'
import { describeRecovery } from './recoveryNotice'
import { NoteStore } from './noteStore'
import { PreferenceStore } from './preferences'
import { createNotesWorkspace } from './notesWorkspace'
import { createSearchService, type SearchServiceOptions } from './search/searchService'
import { createTagOperations, type TagOperationHooks } from './tagOperations'
import { TagStore } from './tagStore'
import { dataLayout, emptyLibrary } from './schema'
import * as startup from './startup'

export interface OpenDossierOptions {
  /** The built import worker (out/main/importWorker.js); without it, imports run on this thread. */
  importWorker?: string
  dataDir: string
  /** The article shown on first run; null to start with an empty library. */
  sampleArticle: startup.SampleArticle | null
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
  /** Test seam: how start-up finds out whether the data folder can be written (startup/writeAccess.ts). */
  writeProbe?: startup.WriteProbe
  /** Test seam: simulates a crash in the middle of a tag operation that writes several files. */
  tagOperationHooks?: TagOperationHooks
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
  /** Why nothing can be saved in this session (the banner's words); null when writing works. */
  readOnly: string | null
  handlers: ApiHandlers
  close(): Promise<void>
}

export async function openDossier(options: OpenDossierOptions): Promise<Dossier> {
  const now = options.now ?? (() => new Date())
  const dataDir = path.resolve(options.dataDir)
  const prepared = await startup.prepareDataFolder({ dataDir, mode: options.mode, writeProbe: options.writeProbe })
  const { lock, readOnly } = prepared
  try {
    const notices = new NoticeBoard(now)
    if (readOnly) notices.post('error', startup.readOnlyNotice(readOnly), { lasting: true })
    for (const message of prepared.notices) notices.post('warning', message)
    const unreadable = new startup.UnreadableFiles(dataDir, notices)
    const documentOptions: JsonDocumentOptions = {
      backupIntervalMs: options.backupIntervalMs,
      onRecovery: (event) => notices.post('warning', describeRecovery(event)),
      // Read-only: a write no call asked for (a note count put right) fails before touching a file.
      ...(readOnly ? { hooks: { afterTempWrite: startup.failEveryWrite(readOnly) } } : {})
    }
    const importer = createImportRunner(options.importWorker ?? null)
    const libraryFile = dataLayout.library(dataDir)
    const library = await startup.naming(libraryFile, JsonDocument.open(libraryFile, emptyLibrary(), documentOptions))
    // Restored from a backup, or lost: article bodies it does not list are relinked, not swept.
    const libraryRestored = library.recovery !== null || !library.existed
    const housekeeping = readOnly ? null : await startup.keepHouse({ dataDir, library, libraryRestored, now })
    for (const message of housekeeping?.notices ?? []) notices.post('warning', message)
    // What the stores changed, told once on disk; the search index follows it (changeEvents.ts).
    const events = new ChangeEvents((message) => console.warn(message))
    const articles = new ArticleStore(dataDir, library, now, events)
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
    const notes = new NoteStore(
      dataDir,
      documentOptions,
      now,
      (articleId, count, when) => {
        if (!articles.recordNoteCount(articleId, count)) return
        if (when === 'saved') return articles.saveNoteCounts()
        saveCountsSoon()
      },
      events
    )
    const tags = new TagStore(library, events)
    const preferences = await PreferenceStore.open(dataDir, documentOptions)
    const briefings = createBriefingService({
      briefings: await BriefingStore.open(dataDir, documentOptions),
      articles,
      notes,
      tags,
      now,
      styles: citationStyles(await StyleStore.open(dataDir, documentOptions)),
      printToPdf: options.printToPdf,
      // The briefing composes without that article; the notice names it and the file.
      onUnreadableNotes: (article, error) =>
        void unreadable.explain(dataLayout.notes(dataDir, article.id), startup.notesOf(article.title), error)
    })
    const firstRun = !library.existed && housekeeping?.relinked === 0
    if (firstRun && options.sampleArticle) await startup.addSampleArticle(articles, options.sampleArticle)
    const tagOperations = createTagOperations({
      dataDir,
      articles,
      notes,
      tags,
      notices,
      now,
      hooks: options.tagOperationHooks,
      unreadableNotes: (articleId, error) => {
        const title = [...articles.list(), ...articles.listTrash()].find((meta) => meta.id === articleId)?.title
        return unreadable.explain(dataLayout.notes(dataDir, articleId), startup.notesOf(title ?? null), error)
      }
    })
    // Before anything is served (and before the search index compares itself with the notes); not read-only.
    if (!readOnly) await tagOperations.completeInterrupted()
    const search = createSearchService({ dataDir, articles, notes, tags, events, ...options.search })

    const allArticleIds = () => [...articles.list(), ...articles.listTrash()].map((article) => article.id)
    /**
     * The count from the notes file when it is in memory, else the one kept in the library:
     * listing opens no notes file. An article from before counts were kept is counted here,
     * once, rather than shown with no count until the background count reaches it.
     */
    const noteCountOf = async (articleId: string): Promise<number> =>
      notes.loadedCount(articleId) ??
      articles.storedNoteCount(articleId) ??
      // An unreadable notes file costs its article the count, never the library its listing.
      (await notes.count(articleId).catch((error: unknown) => {
        unreadable.explain(dataLayout.notes(dataDir, articleId), startup.notesOf(null), error)
        return 0
      }))
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

    /**
     * Each file succeeds or fails on its own; a failure names the file and the reason and stores nothing.
     * A file whose text the library already has is stored only when `allowDuplicate` (import/contentHash.ts).
     */
    const storeImport = async (
      sourceName: string,
      read: () => Promise<ReadyArticle>,
      allowDuplicate = true
    ): Promise<ImportOutcome | DuplicateImport> => {
      let imported: ReadyArticle
      try {
        imported = await read()
      } catch (error) {
        return { ok: false, ...importFailure(error, sourceName) }
      }
      const contentHash = imported.prepared?.contentHash ?? contentHashOf(articlePlainText(imported.blocks))
      const existing = allowDuplicate ? undefined : findByContentHash(articles.list(), contentHash)
      if (existing) return duplicateImport(imported.sourceFile ?? sourceName, existing)
      const meta = await articles.add(imported)
      await recordContentHash(meta.id, contentHash)
      return { ok: true, article: await summarise(meta) }
    }
    /** Kept beside the article's entry in library.json, so that finding a duplicate reads no body. */
    const recordContentHash = (articleId: string, contentHash: string): Promise<void> =>
      library.update((draft) => {
        const entry = draft.articles.find((article) => article.id === articleId)
        if (entry) Object.assign(entry, { contentHash })
      })

    const handlers: ApiHandlers = {
      async listArticles() {
        return Promise.all(articles.list().map(summarise))
      },
      async listTrash() {
        return Promise.all(articles.listTrash().map(summarise))
      },
      async importFile({ name, bytes, allowDuplicate }) {
        return storeImport(name, () => importer.importFile({ name, bytes }), allowDuplicate ?? false)
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
      async replaceArticleText({ articleId, name, bytes }) {
        articles.getMeta(articleId)
        let imported: ImportedArticle
        try {
          imported = await importer.importFile({ name, bytes })
        } catch (error) {
          // Nothing is stored: the old text and every note stay as they were.
          const { fileName, reason, why } = importFailure(error, name)
          throw new ServiceError(
            'invalid-input',
            `“${isolateBidi(fileName)}” could not replace the text: ${reason}`,
            hostMessage('import.couldNotReplace', { fileName, reason: why })
          )
        }
        // Only the text: the title and details the analyst may have corrected are kept.
        const { blocks } = imported
        const meta = await articles.replaceBody(articleId, blocks)
        // The article now holds this file's text: importing the file again finds it.
        const prepared = (imported as ReadyArticle).prepared
        await recordContentHash(articleId, prepared?.contentHash ?? contentHashOf(articlePlainText(blocks)))
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
      async openArticleStart({ articleId }) {
        return { meta: articles.getMeta(articleId), ...(await articles.getStart(articleId)) }
      },
      async readArticleBlocks({ articleId, from, revision }) {
        return articles.getBlocksFrom(articleId, from, revision)
      },
      async listNotes({ articleId }) {
        const { title } = articles.getMeta(articleId)
        return notes.list(articleId).catch((error: unknown) => {
          throw unreadable.explain(dataLayout.notes(dataDir, articleId), startup.notesOf(title), error)
        })
      },
      async createNote({ articleId, range, expectedQuote, color }) {
        const text = await articles.getPlainText(articleId)
        return notes.create(articleId, text, range, expectedQuote, color ?? null)
      },
      ...tagOperations.handlers,
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
      async deleteNote({ articleId, noteId }) {
        await notes.delete(articleId, noteId)
        return { deleted: true as const }
      },
      async listArticleNotes({ articleId }) {
        const { title } = articles.getMeta(articleId)
        return notes.articleNotes.list(articleId).catch((error: unknown) => {
          throw unreadable.explain(dataLayout.notes(dataDir, articleId), startup.notesOf(title), error)
        })
      },
      async createArticleNote({ articleId, text }) {
        articles.getMeta(articleId)
        return notes.articleNotes.create(articleId, text)
      },
      async updateArticleNote({ articleId, noteId, changes }) {
        articles.getMeta(articleId)
        return notes.articleNotes.update(articleId, noteId, changes)
      },
      async deleteArticleNote({ articleId, noteId }) {
        await notes.articleNotes.delete(articleId, noteId)
        return { deleted: true as const }
      },
      async listNotices() {
        return notices.list()
      },
      async dismissNotice({ noticeId }) {
        if (!notices.dismiss(noticeId)) {
          throw new ServiceError(
            'not-found',
            'That message was already dismissed.',
            hostMessage('notice.alreadyDismissed')
          )
        }
        return { dismissed: true as const }
      },
      search: (input) => search.search(input),
      getPreferences: async () => preferences.get(),
      setPreferences: (changes) => preferences.change(changes),
      ...createNotesWorkspace({ articles, notes, tags, references: tagOperations.references }),
      ...briefings.handlers,
      ...bibliographyHandlers(articles)
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
      readOnly: readOnly ? startup.readOnlyBanner(readOnly) : null,
      handlers: readOnly ? startup.refuseWrites(handlers, readOnly) : handlers,
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
          await lock?.release()
        }
      }
    }
  } catch (error) {
    await lock?.release()
    throw error
  }
}

/** What an import failure tells the user: the file it names, or `sourceName`, and why. */
function importFailure(error: unknown, sourceName: string): { fileName: string; reason: string; why: HostMessage } {
  const failure = toImportError(error, sourceName)
  return { fileName: failure.fileName, reason: failure.reason, why: failure.why }
}
