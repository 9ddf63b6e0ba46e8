/**
 * The names of every API method, kept apart from their schemas so the sandboxed preload
 * can expose exactly these functions without bundling the validation library.
 */
export const API_METHODS = [
  'listArticles',
  'listTrash',
  'openArticle',
  'openArticleStart',
  'readArticleBlocks',
  'importFile',
  'importPaste',
  'updateArticleMeta',
  'updateArticleBody',
  'replaceArticleText',
  'trashArticle',
  'restoreArticle',
  'emptyTrash',
  'listTags',
  'createTag',
  'renameTag',
  'recolorTag',
  'describeTag',
  'deleteTag',
  'restoreTag',
  'mergeTags',
  'undoMergeTags',
  'renameTagBranch',
  'recolorTags',
  'mergeTagBranch',
  'listPinnedTags',
  'setPinnedTags',
  'tagUsage',
  'listNotes',
  'createNote',
  'updateNote',
  'setNoteTags',
  'setNoteColor',
  'reattachNote',
  'deleteNote',
  'restoreNote',
  'listArticleNotes',
  'createArticleNote',
  'updateArticleNote',
  'setArticleNoteTags',
  'deleteArticleNote',
  'restoreArticleNote',
  'search',
  'queryNotes',
  'bulkUpdateNotes',
  'restoreNoteFields',
  'listNotices',
  'dismissNotice',
  'listBriefings',
  'getBriefing',
  'createBriefing',
  'updateBriefing',
  'duplicateBriefing',
  'deleteBriefing',
  'restoreBriefing',
  'composeBriefing',
  'previewBriefing',
  'exportBriefing',
  'listCitationStyles',
  'addCitationStyle',
  'exportBibliography',
  'readReferenceFile',
  'getPreferences',
  'setPreferences'
] as const

export type ApiMethod = (typeof API_METHODS)[number]

export function isApiMethod(name: string): name is ApiMethod {
  return (API_METHODS as readonly string[]).includes(name)
}

/** Electron IPC channel for a method: one channel per method, so nothing else can be invoked. */
export function ipcChannel(method: ApiMethod): string {
  return `dossier:${method}`
}
