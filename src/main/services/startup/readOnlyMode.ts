/**
 * Read-only mode: when the data folder cannot be written at start-up (a full disk, a
 * read-only folder), Dossier still opens the library for reading. Every method that would
 * write is refused up front with one clear message, so no change is half-made and nothing
 * pretends to have been saved. Which methods write is declared here, in one table that the
 * compiler makes complete: a new API method cannot be added without saying whether it writes.
 */
import type { ApiHandlers } from '../../../shared/api/contract'
import { ServiceError } from '../../../shared/api/dispatch'
import type { ApiMethod } from '../../../shared/api/methods'
import { readOnlyRefusal, readOnlyRefusalWhy, type ReadOnlyState } from './writeAccess'

/**
 * True for methods that change anything on disk. Composing, previewing and exporting a
 * briefing count as writing: they store the snapshots a briefing cites from (briefings.json).
 * dismissNotice only changes the list in memory.
 */
export const WRITES: Readonly<Record<ApiMethod, boolean>> = {
  listArticles: false,
  listTrash: false,
  openArticle: false,
  openArticleStart: false,
  readArticleBlocks: false,
  importFile: true,
  importPaste: true,
  updateArticleMeta: true,
  updateArticleBody: true,
  replaceArticleText: true,
  trashArticle: true,
  restoreArticle: true,
  emptyTrash: true,
  listTags: false,
  createTag: true,
  renameTag: true,
  recolorTag: true,
  describeTag: true,
  deleteTag: true,
  restoreTag: true,
  mergeTags: true,
  undoMergeTags: true,
  renameTagBranch: true,
  recolorTags: true,
  mergeTagBranch: true,
  listPinnedTags: false,
  setPinnedTags: true,
  tagUsage: false,
  listNotes: false,
  createNote: true,
  updateNote: true,
  setNoteTags: true,
  setNoteColor: true,
  reattachNote: true,
  deleteNote: true,
  restoreNote: true,
  listArticleNotes: false,
  createArticleNote: true,
  updateArticleNote: true,
  setArticleNoteTags: true,
  deleteArticleNote: true,
  restoreArticleNote: true,
  search: false,
  queryNotes: false,
  bulkUpdateNotes: true,
  restoreNoteFields: true,
  listNotices: false,
  dismissNotice: false,
  listBriefings: false,
  getBriefing: false,
  createBriefing: true,
  updateBriefing: true,
  duplicateBriefing: true,
  deleteBriefing: true,
  restoreBriefing: true,
  composeBriefing: true,
  previewBriefing: true,
  exportBriefing: true,
  listCitationStyles: false,
  addCitationStyle: true,
  exportBibliography: false,
  readReferenceFile: false,
  getPreferences: false,
  setPreferences: true
}

/** The same handlers, with every writing method refused with `state`'s message before it runs. */
export function refuseWrites(handlers: ApiHandlers, state: ReadOnlyState): ApiHandlers {
  const guarded: Record<string, (input: unknown) => Promise<unknown>> = {}
  for (const [method, handler] of Object.entries(handlers) as [ApiMethod, (input: unknown) => Promise<unknown>][]) {
    guarded[method] = WRITES[method]
      ? () => Promise.reject(new ServiceError('storage-failed', readOnlyRefusal(state), readOnlyRefusalWhy(state)))
      : handler
  }
  return guarded as ApiHandlers
}

/**
 * For the stores' own writes that no API call asks for (note counts put right, for
 * instance): handed to every document as its after-temp-write hook, it makes the write fail
 * before the real file is touched, and the durable writer removes its temp file.
 */
export function failEveryWrite(state: ReadOnlyState): () => never {
  return () => {
    throw new ServiceError('storage-failed', readOnlyRefusal(state), readOnlyRefusalWhy(state))
  }
}
